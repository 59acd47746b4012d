// Lays articles out on a page as non-overlapping rectangles on a column grid, in reading order.
import type { Random } from "./random.ts";

/** [x, y, width, height] in fractions of the page, as the content format's `area`. */
export type Rect = [number, number, number, number];

export interface LayoutOptions {
  /** Where the articles start: below the masthead on a front page, below the page header elsewhere. */
  top: number;
  /** How many columns the page is set in; a crowded row gets more. */
  columns?: number;
}

const LEFT = 0.025;
const RIGHT = 0.975;
const BOTTOM = 0.975;
/** Space between articles; wider than the 0.001 rounding, so rounded rectangles still never touch. */
const GUTTER = 0.012;

/**
 * Rows from top to bottom, each split into blocks of whole columns, read left to right. The first row is taller,
 * because a page opens with its lead story.
 */
export function layoutPage(rng: Random, count: number, options: LayoutOptions): Rect[] {
  if (count <= 0) return [];
  const columns = options.columns ?? 6;
  const rowCount = Math.max(1, Math.min(count, Math.round(Math.sqrt(count / 1.6))));

  const perRow = new Array<number>(rowCount).fill(Math.floor(count / rowCount));
  for (const row of rng.sample(rowCount, count % rowCount)) perRow[row]++;

  const weights = perRow.map((_, row) => (row === 0 ? 1.5 : 1) * rng.float(0.75, 1.25));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const height = BOTTOM - options.top;

  const rects: Rect[] = [];
  let y0 = options.top;
  for (let row = 0; row < rowCount; row++) {
    const y1 = row === rowCount - 1 ? BOTTOM : y0 + (height * weights[row]) / totalWeight;
    const k = perRow[row];
    const grid = Math.max(columns, k);
    // k - 1 cuts between columns give k blocks, each at least one column wide.
    const cuts = [0, ...rng.sample(grid - 1, k - 1).map((c) => c + 1), grid];
    const columnWidth = (RIGHT - LEFT) / grid;
    for (let i = 0; i < k; i++) {
      rects.push(inset(LEFT + cuts[i] * columnWidth, y0, LEFT + cuts[i + 1] * columnWidth, y1));
    }
    y0 = y1;
  }
  return rects;
}

/** Shrinks a cell by half a gutter on each side and rounds to three decimals without leaving the cell. */
function inset(x0: number, y0: number, x1: number, y1: number): Rect {
  const x = round(x0 + GUTTER / 2);
  const y = round(y0 + GUTTER / 2);
  return [x, y, floor(x1 - GUTTER / 2 - x), floor(y1 - GUTTER / 2 - y)];
}

const round = (v: number) => Math.round(v * 1000) / 1000;
const floor = (v: number) => Math.floor(v * 1000 + 1e-6) / 1000;
