// Finds a page's area problems: articles without an area, and articles whose areas overlap.
import type { Area } from "../content/schema.ts";
import { areaToPolygon, polygonArea, sharedArea } from "./geometry.ts";

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
      const smaller = Math.min(polygonArea(areaToPolygon(a.fields.area)), polygonArea(areaToPolygon(b.fields.area)));
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
