// Area geometry in fractions of the page — rectangles and polygons — behind proposing, drawing, cropping and
// checking article areas. The one place for it.
import type { Area } from "../content/schema.ts";

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
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
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
  return [[x, y], [x + w, y], [x + w, y + h], [x, y + h]];
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

/** The area two areas share: exact for rectangles, sampled on a 100 × 100 grid where a polygon is involved. */
export function sharedArea(a: Area, b: Area): number {
  const common = intersectRect(areaBounds(a), areaBounds(b));
  if (!common) return 0;
  if (isRect(a) && isRect(b)) return rectArea(common);
  const pa = areaToPolygon(a);
  const pb = areaToPolygon(b);
  const steps = 100;
  let hits = 0;
  for (let i = 0; i < steps; i++) {
    for (let j = 0; j < steps; j++) {
      const x = common[0] + ((i + 0.5) / steps) * common[2];
      const y = common[1] + ((j + 0.5) / steps) * common[3];
      if (insidePolygon(pa, x, y) && insidePolygon(pb, x, y)) hits++;
    }
  }
  return (hits / (steps * steps)) * rectArea(common);
}
