// Reading order of things on a page or in an article, as a tree: columns left to right (cut at gutters), rows top
// to bottom (cut at gaps). A tree, not a sort with a pairwise comparator, so the order is always consistent.
import type { Box } from "./boxes.ts";

export interface OrderOptions<T = never> {
  /** A gutter between columns is at least this wide (points). */
  columnGap: number;
  /** A gap between rows is at least this tall (points); smaller gaps (the leading) are not cut. */
  rowGap: number;
  /**
   * Where neither a gutter nor such a gap parts the items, a smaller gap that still runs across them all (more than
   * the leading): a deck spanning the columns set close above them, so the gutter under it can be found.
   */
  closeRowGap?: number;
  /**
   * Items that may stand across a gutter (a quote set into two columns, the text running around it): left out when
   * looking for gutters where nothing else parts the items, then read in the column their middle stands in.
   */
  floating?: (item: T) => boolean;
}

/** The empty bands across one axis (0: x, 1: y) between the items' spans, widest first not needed: in order. */
function cuts<T extends { box: Box }>(items: readonly T[], axis: 0 | 1, min: number): number[] {
  const spans = items.map((i) => [i.box[axis], i.box[axis + 2]] as const).sort((a, b) => a[0] - b[0]);
  const found: number[] = [];
  let reach = spans[0][1];
  for (const [start, end] of spans.slice(1)) {
    if (start - reach >= min) found.push((start + reach) / 2);
    reach = Math.max(reach, end);
  }
  return found;
}

function split<T extends { box: Box }>(items: readonly T[], axis: 0 | 1, at: number[]): T[][] {
  const parts: T[][] = at.map(() => []);
  parts.push([]);
  for (const item of items) {
    const index = at.findIndex((c) => (item.box[axis] + item.box[axis + 2]) / 2 < c);
    parts[index === -1 ? at.length : index].push(item);
  }
  return parts.filter((p) => p.length);
}

/**
 * The items grouped into runs read one after the other (a column's stretch of lines), in reading order: gutters
 * cut first, then gaps between rows, recursively. Each run is sorted top to bottom.
 */
export function readingRuns<T extends { box: Box }>(items: readonly T[], options: OrderOptions<T>): T[][] {
  if (items.length < 2) return items.length ? [[...items]] : [];
  const columns = cuts(items, 0, options.columnGap);
  if (columns.length) return split(items, 0, columns).flatMap((part) => readingRuns(part, options));
  const rows = cuts(items, 1, options.rowGap);
  if (rows.length) return split(items, 1, rows).flatMap((part) => readingRuns(part, options));
  const close = options.closeRowGap ? cuts(items, 1, options.closeRowGap) : [];
  const parts = split(items, 1, close);
  if (parts.length > 1 && parts.some((part) => cuts(part, 0, options.columnGap).length)) {
    return parts.flatMap((part) => readingRuns(part, options));
  }
  const { floating } = options;
  const fixed = floating ? items.filter((i) => !floating(i)) : items;
  const gutters = fixed.length && fixed.length < items.length ? cuts(fixed, 0, options.columnGap) : [];
  if (gutters.length) return split(items, 0, gutters).flatMap((part) => readingRuns(part, options));
  return [[...items].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0])];
}
