// Finds a page's area problems: articles without an area, and articles whose areas overlap.
import type { Area } from "../content/schema.ts";
import { intersectRect, rectArea, type Rect } from "./geometry.ts";

export interface AreaProblem {
  kind: "missing-area" | "overlap";
  /** The article files concerned, as given. */
  files: string[];
  message: string;
}

export interface AreaProblemOptions {
  /** Overlaps up to this share of the smaller area are allowed: drawn areas touch and round off. */
  tolerance?: number;
}

type Point = [number, number];

function isRect(area: Area): area is Rect {
  return typeof area[0] === "number";
}

function polygonOf(area: Area): Point[] {
  if (!isRect(area)) return area as Point[];
  const [x, y, w, h] = area;
  return [[x, y], [x + w, y], [x + w, y + h], [x, y + h]];
}

function boundsOf(area: Area): Rect {
  if (isRect(area)) return area;
  const xs = (area as Point[]).map((p) => p[0]);
  const ys = (area as Point[]).map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
}

function polygonArea(points: Point[]): number {
  let sum = 0;
  points.forEach(([x0, y0], i) => {
    const [x1, y1] = points[(i + 1) % points.length];
    sum += x0 * y1 - x1 * y0;
  });
  return Math.abs(sum) / 2;
}

function inside(points: Point[], x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** The area two areas share: exact for rectangles, sampled on a 100 × 100 grid where a polygon is involved. */
function sharedArea(a: Area, b: Area): number {
  const common = intersectRect(boundsOf(a), boundsOf(b));
  if (!common) return 0;
  if (isRect(a) && isRect(b)) return rectArea(common);
  const pa = polygonOf(a);
  const pb = polygonOf(b);
  const steps = 100;
  let hits = 0;
  for (let i = 0; i < steps; i++) {
    for (let j = 0; j < steps; j++) {
      const x = common[0] + ((i + 0.5) / steps) * common[2];
      const y = common[1] + ((j + 0.5) / steps) * common[3];
      if (inside(pa, x, y) && inside(pb, x, y)) hits++;
    }
  }
  return (hits / (steps * steps)) * rectArea(common);
}

/**
 * The area problems of one page's articles: each article without an area (it cannot be clicked on the page
 * scan), and each pair whose areas overlap by more than `tolerance` (2 %) of the smaller one (a click there
 * cannot tell which is meant).
 */
export function findAreaProblems(
  articles: readonly { file: string; fields: { area?: Area } }[],
  options: AreaProblemOptions = {},
): AreaProblem[] {
  const tolerance = options.tolerance ?? 0.02;
  const problems: AreaProblem[] = [];
  for (const a of articles) {
    if (!a.fields.area) {
      problems.push({
        kind: "missing-area",
        files: [a.file],
        message: `${a.file}: no "area", so the article cannot be clicked on the page (npm run hotspots proposes one)`,
      });
    }
  }
  const placed = articles.filter((a): a is { file: string; fields: { area: Area } } => Boolean(a.fields.area));
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const [a, b] = [placed[i], placed[j]];
      const shared = sharedArea(a.fields.area, b.fields.area);
      const smaller = Math.min(polygonArea(polygonOf(a.fields.area)), polygonArea(polygonOf(b.fields.area)));
      if (shared > 0 && shared > tolerance * smaller) {
        const share = smaller > 0 ? Math.round((shared / smaller) * 100) : 100;
        problems.push({
          kind: "overlap",
          files: [a.file, b.file],
          message: `${a.file}: "area" overlaps that of ${b.file} (${share}% of the smaller one)`,
        });
      }
    }
  }
  return problems;
}
