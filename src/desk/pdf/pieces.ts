// From a read page to the pieces the segmenter cuts: headings grouped, figures found, furniture set aside.
import { findFurniture, inside, type Furniture } from "./furniture.ts";
import { height, mergeTouching, union, width, type Box } from "./boxes.ts";
import type { PageDrawing, TextLine } from "./read.ts";
import type { Piece } from "./segment.ts";
import type { LayoutRules } from "./rules.ts";
import { findGrids, type Grid } from "./tables.ts";
import { bodySize } from "./typography.ts";

export interface Heading {
  lines: TextLine[];
  /** Large type set inside a column of text, text right above and below it: a pull quote, not a headline. */
  quote?: boolean;
}

export interface Figure {
  /** Text printed on the picture (a chart's labels, a credit in its corner). */
  lines: TextLine[];
}

export type PageData =
  | { line: TextLine }
  | { heading: Heading }
  | { figure: Figure }
  | { frame: true }
  | { table: Grid };
export type PagePiece = Piece<PageData>;

export interface PagePieces {
  body: number;
  /** Puzzle grids, left out of every article. */
  puzzles: Grid[];
  pieces: PagePiece[];
  furniture: Furniture;
  /** Rules, and the edges of frames and tint boxes: what separates articles. */
  separators: Box[];
}

/** Display lines one above the other (kicker, headline in two lines, subtitle) or side by side are one heading. */
function groupHeadings(lines: TextLine[], rules: LayoutRules): TextLine[][] {
  const groups: TextLine[][] = [];
  const sorted = [...lines].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
  for (const line of sorted) {
    const near = (other: TextLine) => {
      if (line.vertical || other.vertical) return false;
      const size = Math.max(line.size, other.size);
      const dy = line.box[1] - other.box[3];
      const overlapX = Math.min(line.box[2], other.box[2]) - Math.max(line.box[0], other.box[0]);
      // Pieces of one line of a headline: the same type, on one baseline, close together.
      const alike = Math.abs(line.size - other.size) <= rules.displaySizeTolerance * size;
      const sameRow =
        alike &&
        Math.abs(line.box[3] - other.box[3]) < rules.baselineTolerance * size &&
        overlapX > -rules.headlineSpace * size;
      return sameRow || (dy < rules.headingLineGap * size && dy > -rules.headingLineOverlap * size && overlapX > 0);
    };
    const group = groups.find((g) => g.some(near));
    if (group) group.push(line);
    else groups.push([line]);
  }
  return groups;
}

/**
 * Display type with a column's text running on right above and right below it, no rule between, is a quote
 * pulled out of the article (or a box of sayings) — an article's headline stands apart from the text before it.
 */
function isPullQuote(box: Box, text: TextLine[], separators: Box[], body: number, rules: LayoutRules): boolean {
  const beside = (l: TextLine) =>
    Math.min(l.box[2], box[2]) - Math.max(l.box[0], box[0]) > rules.columnOverlap * Math.min(width(l.box), width(box));
  const ruled = (y0: number, y1: number) =>
    separators.some((r) => width(r) > height(r) && r[1] >= y0 - 1 && r[3] <= y1 + 1 && r[0] < box[2] && r[2] > box[0]);
  const above = text.filter(
    (l) =>
      beside(l) &&
      l.box[3] <= box[1] + 1 &&
      box[1] - l.box[3] < rules.pullQuoteReach * body &&
      !ruled(l.box[3], box[1]),
  );
  const below = text.filter(
    (l) =>
      beside(l) &&
      l.box[1] >= box[3] - 1 &&
      l.box[1] - box[3] < rules.pullQuoteReach * body &&
      !ruled(box[3], l.box[1]),
  );
  // The same running text goes on over and under it (a kicker over a headline is set in other type).
  const sameType = (a: TextLine, b: TextLine) =>
    Math.abs(a.size - b.size) <= rules.sameSizeTolerance * b.size && a.font === b.font;
  return above.some((a) => below.some((b) => sameType(a, b)));
}

/**
 * A drop cap (or raised initial): one or two letters set far larger than the text beside them, level with the top of
 * a line of that text. It is the first letter of that line's first word, never a headline: joined to it.
 */
export function joinDropCaps(lines: readonly TextLine[], rules: LayoutRules): TextLine[] {
  const out = [...lines];
  for (const cap of lines) {
    if (cap.vertical || !/^\p{L}{1,2}$/u.test(cap.text.trim())) continue;
    const beside = out.filter(
      (l) =>
        l !== cap &&
        !l.vertical &&
        cap.size >= rules.dropCapRatio * l.size &&
        l.box[0] >= cap.box[2] - rules.dropCapOverlap * l.size &&
        l.box[0] - cap.box[2] < rules.dropCapReach * l.size &&
        l.box[1] >= cap.box[1] - rules.dropCapAlign * l.size &&
        l.box[1] < cap.box[1] + rules.dropCapAlign * l.size,
    );
    if (!beside.length) continue;
    const first = beside.sort((a, b) => a.box[1] - b.box[1])[0];
    out.splice(out.indexOf(first), 1, { ...first, text: cap.text.trim() + first.text.trimStart(), dropCap: cap.box });
    out.splice(out.indexOf(cap), 1);
  }
  return out;
}

/**
 * A label set in text type right over a headline (LE CHIFFRE, 记者手记, ANALYSIS): a few words standing alone, with no
 * text of a column running into them from above. It is the headline's kicker, not the end of the text above it.
 */
function kickerAbove(box: Box, size: number, text: readonly TextLine[], rules: LayoutRules): TextLine | undefined {
  const label = text
    .filter(
      (l) =>
        // Type boxes run from the font's ascender to its descender: a large headline's overlaps the label over it.
        l.box[3] <= box[1] + rules.kickerOverlap * size &&
        (l.box[1] + l.box[3]) / 2 < box[1] &&
        box[1] - l.box[3] < rules.kickerReach * size &&
        Math.min(l.box[2], box[2]) - Math.max(l.box[0], box[0]) > 0 &&
        l.text.trim().split(/\s+/u).length <= rules.kickerWords &&
        !/[.,;:!?。，；：！？]$/u.test(l.text.trim()),
    )
    .sort((a, b) => b.box[3] - a.box[3])[0];
  if (!label) return undefined;
  const runsInto = text.some(
    (o) =>
      o !== label &&
      o.box[3] <= label.box[1] + 1 &&
      label.box[1] - o.box[3] < rules.runOnGap * label.size &&
      Math.min(o.box[2], label.box[2]) - Math.max(o.box[0], label.box[0]) > 0,
  );
  return runsInto ? undefined : label;
}

/** The nearest line of text under a heading, in its columns: the text it heads, if any. */
function textBelow(box: Box, text: readonly TextLine[], size: number, reach: number): TextLine | undefined {
  return text
    .filter(
      (l) =>
        l.box[1] >= box[3] - 1 &&
        l.box[1] - box[3] < reach * size &&
        Math.min(l.box[2], box[2]) - Math.max(l.box[0], box[0]) > 0,
    )
    .sort((a, b) => a.box[1] - b.box[1])[0];
}

export function pagePieces(page: PageDrawing, rules: LayoutRules): PagePieces {
  const body = bodySize(page.lines);
  const furniture = findFurniture(page, body, rules);
  const set = new Set<TextLine>([
    ...furniture.header,
    ...furniture.footer,
    ...furniture.banners,
    ...furniture.credits,
    ...furniture.labels,
  ]);
  const grids = findGrids(
    page.lines.filter((l) => !set.has(l)),
    rules,
  );
  for (const grid of grids) grid.lines.forEach((l) => set.add(l));
  const lines = joinDropCaps(
    page.lines.filter((l) => !set.has(l)),
    rules,
  );
  const headlineSize = rules.headlineRatio * body;
  const isDisplay = (l: TextLine) => l.size >= rules.displayRatio * body;

  const pageArea = page.width * page.height;
  const pictures = page.images.filter(
    (b) =>
      !furniture.logos.includes(b) &&
      b[1] >= (furniture.header.at(-1)?.box[3] ?? 0) &&
      width(b) * height(b) < rules.maxFigureShare * pageArea,
  );
  const figureBoxes = mergeTouching(pictures, 2).filter((b) => {
    const covers = (logo: Box) => width(logo) * height(logo) >= rules.logoCover * width(b) * height(b);
    if (furniture.logos.some((logo) => inside(logo, b, 0) && covers(logo))) return false;
    // A picture behind a headline is its background, not a photo.
    return !lines.some((l) => l.size >= headlineSize && inside(l.box, b));
  });

  const pieces: PagePiece[] = [];
  const onFigure = new Set<TextLine>();
  for (const box of figureBoxes) {
    const on = lines.filter((l) => inside(l.box, box, 0));
    on.forEach((l) => onFigure.add(l));
    pieces.push({ box, kind: "figure", data: { figure: { lines: on } } });
  }
  const free = lines.filter((l) => !onFigure.has(l));

  // Frames and tint boxes with text in them keep what is inside apart from what is outside.
  for (const box of [...page.frames, ...page.fills]) {
    if (width(box) * height(box) < rules.minFrameShare * pageArea) continue;
    if (free.some((l) => !isDisplay(l) && inside(l.box, box)))
      pieces.push({ box, kind: "frame", data: { frame: true } });
  }
  const separators = [...page.rules];

  // Display type: larger than the page's body type, or clearly larger than the text right under it (a brief's title
  // over small type), and not the lone letter of a drop cap.
  const headsText = (l: TextLine) => {
    const under = textBelow(l.box, free, l.size, rules.headingReach);
    return !!under && l.size >= rules.localHeadlineRatio * under.size && under.size < rules.displayRatio * body;
  };
  const display = free.filter((l) => isDisplay(l) || headsText(l));
  const text = free.filter((l) => !display.includes(l));
  const groups = groupHeadings(display, rules).map((lines) => ({
    lines,
    box: union(lines.map((l) => l.box)),
    size: Math.max(...lines.map((l) => l.size)),
  }));
  const ruledBetween = (y0: number, y1: number, x0: number, x1: number) =>
    separators.some((r) => width(r) > height(r) && r[1] >= y0 - 1 && r[3] <= y1 + 1 && r[0] < x1 && r[2] > x0);
  /**
   * A heading far smaller than a headline above it and across some of its columns, with no rule between: a subhead of that
   * article (a section of a long piece), not the headline of an article of its own.
   */
  const underHeadline = (g: (typeof groups)[number]) =>
    groups.some(
      (o) =>
        o !== g &&
        o.size >= headlineSize &&
        g.size <= rules.subheadShare * o.size &&
        o.box[3] <= g.box[1] + 1 &&
        Math.min(o.box[2], g.box[2]) - Math.max(o.box[0], g.box[0]) > 0 &&
        !ruledBetween(o.box[3], g.box[1], g.box[0], g.box[2]),
    );
  const taken = new Set<TextLine>();
  for (const group of groups) {
    const { box, size, lines: members } = group;
    // Subheads sit inside the columns too; only type as large as a headline's is taken for a pulled quote.
    const large = size >= headlineSize;
    const quote = large && isPullQuote(box, text, separators, body, rules);
    // A heading of its own text, with no text of the same size running on right above it: a brief's headline.
    const under = textBelow(box, text, size, rules.headingReach);
    const local =
      !!under &&
      size >= rules.localHeadlineRatio * under.size &&
      !isPullQuote(box, text, separators, under.size, rules) &&
      !underHeadline(group);
    const headline = (large || local) && !quote;
    const vertical = members.some((l) => l.vertical);
    const heading = !headline && !quote && !vertical;
    const kicker = headline && !vertical ? kickerAbove(box, size, text, rules) : undefined;
    if (kicker) taken.add(kicker);
    const lines = kicker ? [kicker, ...members] : members;
    pieces.push({
      box: kicker ? union([box, kicker.box]) : box,
      kind: "heading",
      headline,
      vertical,
      heading,
      data: { heading: { lines, quote } },
    });
  }
  for (const line of text) if (!taken.has(line)) pieces.push({ box: line.box, kind: "text", data: { line } });
  for (const table of grids.filter((g) => !g.puzzle)) pieces.push({ box: table.box, kind: "figure", data: { table } });
  return { body, pieces, furniture, separators, puzzles: grids.filter((g) => g.puzzle) };
}
