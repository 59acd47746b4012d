// The one box type of the page readers (import and hotspots) and what they do with boxes: sizes, bounds, merging
// shapes that touch into one figure.
import { Groups } from "../groups.ts";

/** [x0, y0, x1, y1] in PDF points, y growing down the page. */
export type Box = [number, number, number, number];

export const width = (b: Box): number => b[2] - b[0];
export const height = (b: Box): number => b[3] - b[1];

export function union(boxes: readonly Box[]): Box {
  return boxes.reduce<Box>(
    (u, b) => [Math.min(u[0], b[0]), Math.min(u[1], b[1]), Math.max(u[2], b[2]), Math.max(u[3], b[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}

/** Boxes that overlap or come within `tolerance` of each other, joined into one: a picture drawn as many shapes. */
export function mergeTouching(boxes: readonly Box[], tolerance: number): Box[] {
  const sorted = [...boxes].sort((a, b) => a[0] - b[0]);
  const groups = new Groups(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j][0] <= sorted[i][2] + tolerance; j++) {
      if (sorted[j][1] <= sorted[i][3] + tolerance && sorted[i][1] <= sorted[j][3] + tolerance) groups.join(i, j);
    }
  }
  return groups.members().map((members) => union(members.map((i) => sorted[i])));
}
