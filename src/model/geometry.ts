// Area geometry in fractions of the page — rectangles and polygons — behind proposing, drawing, cropping and
// checking article areas. The one place for it.
import clippingModule from "polygon-clipping";
import type { Area } from "../content/schema.ts";

// polygon-clipping ships CommonJS: Node hands it over as the default export.
const clipping = clippingModule as unknown as typeof import("polygon-clipping");

/** A rectangle [x, y, width, height] in fractions of the page's width and height (the `area` format). */
export type Rect = [number, number, number, number];

export function right(r: Rect): number {
  return r[0] + r[2];
}

export function bottom(r: Rect): number {
  return r[1] + r[3];
}

export function rectArea(r: Rect): number {
  return Math.max(0, r[2]) * Math.max(0, r[3]);
}

/** The smallest rectangle holding all of `rects`; null for none. */
export function unionRect(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r[0]);
    y0 = Math.min(y0, r[1]);
    x1 = Math.max(x1, right(r));
    y1 = Math.max(y1, bottom(r));
  }
  return [x0, y0, x1 - x0, y1 - y0];
}

export function intersectRect(a: Rect, b: Rect): Rect | null {
  const x0 = Math.max(a[0], b[0]);
  const y0 = Math.max(a[1], b[1]);
  const x1 = Math.min(right(a), right(b));
  const y1 = Math.min(bottom(a), bottom(b));
  return x1 > x0 && y1 > y0 ? [x0, y0, x1 - x0, y1 - y0] : null;
}

/** Intersection over union, 0 (apart) to 1 (the same rectangle). */
export function iou(a: Rect, b: Rect): number {
  const common = intersectRect(a, b);
  if (!common) return 0;
  const shared = rectArea(common);
  return shared / (rectArea(a) + rectArea(b) - shared);
}

export function containsPoint(r: Rect, x: number, y: number): boolean {
  return x >= r[0] && x <= right(r) && y >= r[1] && y <= bottom(r);
}

export function center(r: Rect): [number, number] {
  return [r[0] + r[2] / 2, r[1] + r[3] / 2];
}

/**
 * The empty space between two rectangles (0 when they touch or overlap), measured in page heights: fractions of
 * the width are scaled by `aspect` (page width / height) so that a gap is the same length across and down.
 */
export function gapBetween(a: Rect, b: Rect, aspect: number): number {
  const dx = Math.max(0, a[0] - right(b), b[0] - right(a)) * aspect;
  const dy = Math.max(0, a[1] - bottom(b), b[1] - bottom(a));
  return Math.hypot(dx, dy);
}

const round3 = (v: number): number => Math.round(v * 1000) / 1000;

/** Grows a rectangle by `pad` on every side, keeps it on the page and rounds its edges to 3 decimals. */
export function finishArea(r: Rect, pad = 0): Rect {
  const x0 = round3(Math.max(0, r[0] - pad));
  const y0 = round3(Math.max(0, r[1] - pad));
  const x1 = round3(Math.min(1, right(r) + pad));
  const y1 = round3(Math.min(1, bottom(r) + pad));
  return [x0, y0, round3(x1 - x0), round3(y1 - y0)];
}

/** A point [x, y] in fractions of the page. */
export type Point = [number, number];

export function isRect(area: Area): area is Rect {
  return typeof area[0] === "number";
}

/** A rectangle [x, y, w, h] becomes its four corners; a polygon stays as it is. */
export function areaToPolygon(area: Area): Point[] {
  if (!isRect(area)) return area as Point[];
  const [x, y, w, h] = area;
  return [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
  ];
}

/** The simplest way to write an outline as an `area`: a rectangle [x, y, w, h] when it is one, else the polygon. */
export function simplestArea(polygon: readonly Point[]): Area {
  const xs = new Set(polygon.map((p) => p[0]));
  const ys = new Set(polygon.map((p) => p[1]));
  if (polygon.length === 4 && xs.size === 2 && ys.size === 2) {
    const [x0, x1] = [...xs].sort((a, b) => a - b);
    const [y0, y1] = [...ys].sort((a, b) => a - b);
    const round = (v: number) => Math.round(v * 1e6) / 1e6;
    return [x0, y0, round(x1 - x0), round(y1 - y0)];
  }
  return polygon.map((p): Point => [p[0], p[1]]);
}

/** A polygon in fractions of the page → whole pixels of an image `width` × `height` (IIIF canvases). */
export function polygonToPixels(polygon: readonly Point[], width: number, height: number): Point[] {
  return polygon.map(([x, y]): Point => [Math.round(x * width), Math.round(y * height)]);
}

/** A polygon's bounding box [x, y, w, h]. */
export function polygonBounds(polygon: readonly Point[]): Rect {
  const xs = polygon.map((p) => p[0]);
  const ys = polygon.map((p) => p[1]);
  const [x0, y0] = [Math.min(...xs), Math.min(...ys)];
  return [x0, y0, Math.max(...xs) - x0, Math.max(...ys) - y0];
}

export function areaBounds(area: Area): Rect {
  return isRect(area) ? area : polygonBounds(area as Point[]);
}

/** The polygon's area (shoelace formula; any orientation). */
export function polygonArea(points: readonly Point[]): number {
  let sum = 0;
  points.forEach(([x0, y0], i) => {
    const [x1, y1] = points[(i + 1) % points.length];
    sum += x0 * y1 - x1 * y0;
  });
  return Math.abs(sum) / 2;
}

/** Whether (x, y) lies inside the polygon (even-odd rule). */
export function insidePolygon(points: readonly Point[], x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** The edges of a polygon as [x0, y0, x1, y1], closing edge included. */
function edgesOf(points: readonly Point[]): [number, number, number, number][] {
  return points.map(([x0, y0], i) => {
    const [x1, y1] = points[(i + 1) % points.length];
    return [x0, y0, x1, y1];
  });
}

/**
 * The area two polygons share, for any polygons (concave, with holes joined by slits), by polygon-clipping's
 * intersection: each piece's outer ring less its holes.
 */
export function polygonIntersectionArea(a: readonly Point[], b: readonly Point[]): number {
  const ring = (points: readonly Point[]): [number, number][] => points.map(([x, y]) => [x, y]);
  const shared = clipping.intersection([ring(a)], [ring(b)]);
  return shared.reduce(
    (sum, [outer, ...holes]) => sum + polygonArea(outer) - holes.reduce((h, hole) => h + polygonArea(hole), 0),
    0,
  );
}

/** The height at which two segments cross inside both, or null (parallel or apart). */
function crossingHeight(p: readonly number[], q: readonly number[]): number | null {
  const [x1, y1, x2, y2] = p;
  const [x3, y3, x4, y4] = q;
  const d = (x2 - x1) * (y4 - y3) - (y2 - y1) * (x4 - x3);
  if (d === 0) return null;
  const t = ((x3 - x1) * (y4 - y3) - (y3 - y1) * (x4 - x3)) / d;
  const u = ((x3 - x1) * (y2 - y1) - (y3 - y1) * (x2 - x1)) / d;
  return t > 0 && t < 1 && u > 0 && u < 1 ? y1 + t * (y2 - y1) : null;
}

/** The area two areas share (rectangles or polygons), exactly. */
export function sharedArea(a: Area, b: Area): number {
  const common = intersectRect(areaBounds(a), areaBounds(b));
  if (!common) return 0;
  if (isRect(a) && isRect(b)) return rectArea(common);
  return polygonIntersectionArea(areaToPolygon(a), areaToPolygon(b));
}

/** Whether (x, y) lies inside the area (a polygon by the even-odd rule). */
export function insideArea(area: Area, x: number, y: number): boolean {
  return isRect(area) ? containsPoint(area, x, y) : insidePolygon(area as Point[], x, y);
}

/**
 * The boundary of a set of grid cells (`cells[row * cols + col]` non-zero) as closed rings of corner points in
 * cell units, without points in the middle of a straight edge. Outer rings run clockwise on screen (y down) and
 * holes the other way; cells that touch only at a corner get separate rings.
 */
export function traceCells(cells: ArrayLike<number>, cols: number, rows: number): Point[][] {
  const on = (c: number, r: number) => c >= 0 && r >= 0 && c < cols && r < rows && cells[r * cols + c] !== 0;
  const stride = cols + 1;
  // Outgoing boundary edges per corner, as a direction: 0 right, 1 down, 2 left, 3 up.
  const out = new Map<number, number[]>();
  const add = (c: number, r: number, dir: number) => {
    const key = r * stride + c;
    const list = out.get(key);
    if (list) list.push(dir);
    else out.set(key, [dir]);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!on(c, r)) continue;
      if (!on(c, r - 1)) add(c, r, 0);
      if (!on(c + 1, r)) add(c + 1, r, 1);
      if (!on(c, r + 1)) add(c + 1, r + 1, 2);
      if (!on(c - 1, r)) add(c, r + 1, 3);
    }
  }
  const step = [
    [1, 0],
    [0, 1],
    [-1, 0],
    [0, -1],
  ];
  const rings: Point[][] = [];
  for (const [startKey, startDirs] of out) {
    while (startDirs.length > 0) {
      const first = startDirs.pop()!;
      const ring: Point[] = [];
      let key = startKey;
      let dir = first;
      for (;;) {
        const c = key % stride;
        const r = (key - c) / stride;
        const nc = c + step[dir][0];
        const nr = r + step[dir][1];
        key = nr * stride + nc;
        const choices = out.get(key)!;
        const closing = key === startKey;
        const open = (d: number) => choices.includes(d) || (closing && d === first);
        // Where two rings touch at a corner, turning right keeps to the cell being walked round.
        const pick = [(dir + 1) % 4, dir, (dir + 3) % 4].find(open)!;
        if (pick !== dir) ring.push([nc, nr]);
        if (closing && pick === first) break;
        choices.splice(choices.indexOf(pick), 1);
        dir = pick;
      }
      rings.push(ring);
    }
  }
  return rings;
}

/**
 * Rings (an outline and its holes, or several pieces) as one polygon: each further ring is joined to the
 * polygon at their nearest corners by a slit, a cut walked there and back. The slit has no area, so the even-odd
 * and non-zero rules both still see every ring as drawn, and the largest ring comes first.
 */
export function joinRings(rings: readonly (readonly Point[])[]): Point[] {
  const sorted = rings.filter((r) => r.length >= 3).sort((a, b) => polygonArea(b) - polygonArea(a));
  if (sorted.length === 0) return [];
  const polygon: Point[] = [...sorted[0]];
  for (const ring of sorted.slice(1)) {
    let best = { d: Infinity, i: 0, j: 0 };
    polygon.forEach(([px, py], i) => {
      ring.forEach(([rx, ry], j) => {
        const d = (px - rx) ** 2 + (py - ry) ** 2;
        if (d < best.d) best = { d, i, j };
      });
    });
    const walk = [...ring.slice(best.j), ...ring.slice(0, best.j), ring[best.j]];
    polygon.splice(best.i + 1, 0, ...walk, polygon[best.i]);
  }
  return polygon;
}

/** The outline of a union of rectangles as one polygon (see joinRings); exact, in the rectangles' units. */
export function rectsOutline(rects: readonly Rect[]): Point[] {
  const kept = rects.filter((r) => r[2] > 0 && r[3] > 0);
  const xs = [...new Set(kept.flatMap((r) => [r[0], right(r)]))].sort((a, b) => a - b);
  const ys = [...new Set(kept.flatMap((r) => [r[1], bottom(r)]))].sort((a, b) => a - b);
  const cols = Math.max(0, xs.length - 1);
  const rows = Math.max(0, ys.length - 1);
  const cells = new Uint8Array(cols * rows);
  for (const r of kept) {
    const c0 = xs.indexOf(r[0]);
    const c1 = xs.indexOf(right(r));
    const r0 = ys.indexOf(r[1]);
    const r1 = ys.indexOf(bottom(r));
    for (let row = r0; row < r1; row++) cells.fill(1, row * cols + c0, row * cols + c1);
  }
  return joinRings(traceCells(cells, cols, rows).map((ring) => ring.map(([c, r]): Point => [xs[c], ys[r]])));
}

/**
 * Why a hand-drawn outline cannot be an article's area, or null when it can: fewer than 3 points, a point off the
 * page (outside 0–1), no area, or two edges that cross (a figure eight). Edges that only touch or run along each
 * other (the slits joinRings makes) are allowed.
 */
export function polygonProblem(points: readonly Point[]): string | null {
  if (points.length < 3) return `a polygon needs at least 3 points, got ${points.length}`;
  const off = points.findIndex(([x, y]) => !(x >= 0 && x <= 1 && y >= 0 && y <= 1));
  if (off >= 0) return `point ${off + 1} [${points[off].join(", ")}] is off the page: x and y must be between 0 and 1`;
  if (polygonArea(points) <= 0) return "the polygon has no area: its points lie on one line";
  const edges = edgesOf(points);
  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      if (crossingHeight(edges[i], edges[j]) !== null) {
        return `the outline crosses itself (edge ${i + 1} crosses edge ${j + 1}): move the points so that no two edges cross`;
      }
    }
  }
  return null;
}
