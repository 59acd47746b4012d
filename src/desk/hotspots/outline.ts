// Draws each article's area as the outline of where it is printed — L-shapes and steps included — from the boxes
// of its lines and figures, so that no two articles' areas overlap.
import { joinRings, traceCells, type Point, type Rect } from "../../model/geometry.ts";

/** What is printed of one article: boxes [x, y, width, height] in the page's unit (PDF points), y down. */
export interface ArticleBoxes {
  /** Its text lines: headline, body, captions, byline … */
  lines: readonly Rect[];
  /** Its figures (photos, charts), covered too. */
  figures?: readonly Rect[];
}

export interface OutlineInput {
  /** The page's size in the boxes' unit. */
  width: number;
  height: number;
  articles: readonly ArticleBoxes[];
  /** Printed things of no article (page furniture, advertisements): no area covers them. */
  avoid?: readonly Rect[];
}

export interface OutlineOptions {
  /** Cells across and down the page: areas come out on this grid (1000: 3 decimals, the `area` precision). */
  grid?: number;
}

/** A box on the grid: [x0, y0, x1, y1], cells x0 ≤ x < x1. */
type Cells = [number, number, number, number];

const overlapX = (a: Cells, b: Cells) => Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
const overlapY = (a: Cells, b: Cells) => Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
const meets = (a: Cells, b: Cells) => overlapX(a, b) > 0 && overlapY(a, b) > 0;
const hull = (a: Cells, b: Cells): Cells => [
  Math.min(a[0], b[0]),
  Math.min(a[1], b[1]),
  Math.max(a[2], b[2]),
  Math.max(a[3], b[3]),
];
const size = (a: Cells) => (a[2] - a[0]) * (a[3] - a[1]);

/** How strongly a cell is an article's: its own print beats its runs, which beat the space between them. */
const Claim = { Joint: 1, Run: 2, Print: 3 } as const;

/**
 * One polygon per article (null for an article with no boxes), in fractions of the page rounded to the grid
 * (3 decimals), that follows the article's printed shape:
 * - its lines are gathered into runs: the largest rectangles (a column's stretch, a headline over its columns)
 *   that hold none of another article's or `avoid` boxes;
 * - runs are joined across the gutters and gaps between them (the space between two runs side by side over
 *   their common height, or one above the other over their common width) wherever that space holds nothing of
 *   another article, so columns, headline and figures become one L-shaped or stepped outline;
 * - each cell of the page belongs to at most one article (its own print first, then runs, then gaps), so two
 *   areas never overlap, and every line lies inside its own article's area.
 * An article printed in pieces that nothing joins (or around another article) still gets one polygon: the pieces
 * are joined by zero-width slits (see joinRings), which change nothing about where a click lands.
 */
export function outlineArticles(input: OutlineInput, options: OutlineOptions = {}): (Point[] | null)[] {
  const n = options.grid ?? 1000;
  const { width, height } = input;
  const toCells = (r: Rect): Cells => {
    const x0 = Math.max(0, Math.min(n - 1, Math.round((r[0] / width) * n)));
    const y0 = Math.max(0, Math.min(n - 1, Math.round((r[1] / height) * n)));
    const x1 = Math.min(n, Math.max(x0 + 1, Math.round(((r[0] + r[2]) / width) * n)));
    const y1 = Math.min(n, Math.max(y0 + 1, Math.round(((r[1] + r[3]) / height) * n)));
    return [x0, y0, x1, y1];
  };
  const own = input.articles.map((a) => [...a.lines, ...(a.figures ?? [])].map(toCells));
  const avoid = (input.avoid ?? []).map(toCells);
  // Every box with its article (-1: avoid), to tell whether a rectangle would take in someone else's print.
  const print = [...own.flatMap((boxes, i) => boxes.map((b) => ({ b, i }))), ...avoid.map((b) => ({ b, i: -1 }))];
  const foreignIn = (r: Cells, article: number) => print.some((p) => p.i !== article && meets(p.b, r));

  const runs = own.map((boxes, i) => gatherRuns(boxes, (r) => foreignIn(r, i)));
  const bridges = joinRuns(runs, foreignIn);

  const owner = new Int16Array(n * n).fill(-1);
  const claim = new Uint8Array(n * n);
  const paint = (r: Cells, article: number, strength: number) => {
    for (let y = r[1]; y < r[3]; y++) {
      for (let x = r[0]; x < r[2]; x++) {
        const k = y * n + x;
        if (claim[k] < strength) {
          claim[k] = strength;
          owner[k] = article;
        }
      }
    }
  };
  bridges.forEach((rs, i) => rs.forEach((r) => paint(r, i, Claim.Joint)));
  runs.forEach((rs, i) => rs.forEach((r) => paint(r, i, Claim.Run)));
  own.forEach((rs, i) => rs.forEach((r) => paint(r, i, Claim.Print)));

  return own.map((boxes, i) => {
    if (boxes.length === 0) return null;
    const all = [...runs[i], ...bridges[i]].reduce(hull);
    const cols = all[2] - all[0];
    const rows = all[3] - all[1];
    const cells = new Uint8Array(cols * rows);
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < cols; x++) cells[y * cols + x] = owner[(y + all[1]) * n + x + all[0]] === i ? 1 : 0;
    }
    const rings = traceCells(cells, cols, rows).map((ring) =>
      ring.map(([x, y]): Point => [round3((x + all[0]) / n), round3((y + all[1]) / n)]),
    );
    return joinRings(rings);
  });
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/**
 * An article's boxes gathered top to bottom into rectangles: a box joins the rectangle above it that it shares
 * most of its width with (a line of the same column, a subhead within it) if the grown rectangle still holds no
 * foreign print; otherwise it starts a rectangle of its own.
 */
function gatherRuns(boxes: readonly Cells[], blocked: (r: Cells) => boolean): Cells[] {
  const runs: Cells[] = [];
  const sorted = [...boxes].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  for (const box of sorted) {
    const width = box[2] - box[0];
    let best = -1;
    let bestGap = Infinity;
    runs.forEach((run, k) => {
      const shared = overlapX(run, box);
      if (shared < 0.5 * Math.min(width, run[2] - run[0])) return;
      const gap = Math.max(0, box[1] - run[3]);
      if (gap < bestGap && !blocked(hull(run, box))) {
        best = k;
        bestGap = gap;
      }
    });
    if (best >= 0) runs[best] = hull(runs[best], box);
    else runs.push(box);
  }
  // Runs that have grown into each other become one where the joint rectangle is free.
  for (let merged = true; merged; ) {
    merged = false;
    for (let a = 0; a < runs.length && !merged; a++) {
      for (let b = a + 1; b < runs.length && !merged; b++) {
        if (meets(runs[a], runs[b]) && !blocked(hull(runs[a], runs[b]))) {
          runs[a] = hull(runs[a], runs[b]);
          runs.splice(b, 1);
          merged = true;
        }
      }
    }
  }
  return runs;
}

/**
 * The space between each article's runs that is its own: between two rectangles side by side, over their common
 * height; between two one above the other, over their common width — where it holds nothing of another article
 * and crosses no other article's run or joint. Smaller joints are settled first; a second round joins the joints
 * too (the corner under a headline between two columns).
 */
function joinRuns(runs: readonly Cells[][], foreignIn: (r: Cells, article: number) => boolean): Cells[][] {
  const joints: Cells[][] = runs.map(() => []);
  const taken = (r: Cells, article: number) =>
    runs.some((rs, i) => i !== article && rs.some((x) => meets(x, r))) ||
    joints.some((rs, i) => i !== article && rs.some((x) => meets(x, r)));
  for (let round = 0; round < 3; round++) {
    const candidates: { r: Cells; article: number }[] = [];
    runs.forEach((rs, article) => {
      const pieces = [...rs, ...joints[article]];
      for (let a = 0; a < pieces.length; a++) {
        for (let b = a + 1; b < pieces.length; b++) {
          const r = between(pieces[a], pieces[b]);
          if (r && !pieces.some((p) => covers(p, r))) candidates.push({ r, article });
        }
      }
    });
    candidates.sort((p, q) => size(p.r) - size(q.r));
    let added = 0;
    for (const { r, article } of candidates) {
      if (joints[article].some((x) => covers(x, r)) || foreignIn(r, article) || taken(r, article)) continue;
      joints[article].push(r);
      added++;
    }
    if (added === 0) break;
  }
  return joints;
}

function covers(outer: Cells, inner: Cells): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

/** The gap between two rectangles side by side or one above the other, or null (apart diagonally, or touching). */
function between(a: Cells, b: Cells): Cells | null {
  if (overlapY(a, b) > 0) {
    const [l, r] = a[0] <= b[0] ? [a, b] : [b, a];
    if (r[0] > l[2]) return [l[2], Math.max(a[1], b[1]), r[0], Math.min(a[3], b[3])];
  }
  if (overlapX(a, b) > 0) {
    const [t, u] = a[1] <= b[1] ? [a, b] : [b, a];
    if (u[1] > t[3]) return [Math.max(a[0], b[0]), t[3], Math.min(a[2], b[2]), u[1]];
  }
  return null;
}
