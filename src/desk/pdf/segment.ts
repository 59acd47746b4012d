// Cuts a page into articles by its geometry: rules and gutters split the page (an XY cut), headlines claim regions.
import { height, union, width, type Box } from "./boxes.ts";
import type { LayoutRules } from "./rules.ts";

/** Something printed that takes room on the page: a text line, a group of display lines, a figure, a frame. */
export interface Piece<T = unknown> {
  box: Box;
  kind: "text" | "heading" | "figure" | "frame";
  /** A heading group with a headline in it: each article has exactly one. */
  headline?: boolean;
  /** Set in a column, one character under the other. */
  vertical?: boolean;
  /** A heading that is not a headline (a subhead): the headline of a region ruled off with no headline of its own. */
  heading?: boolean;
  data: T;
}

export interface Segment<T> {
  headline?: Piece<T>;
  pieces: Piece<T>[];
  /** Headless pieces already found not to be the neighbouring article's: no region around takes them either. */
  apart?: boolean;
}

export interface CutOptions<T = unknown> {
  /** Rules drawn on the page: a gap with a rule in it separates articles even when narrow. */
  rules: Box[];
  /** Empty space at least this wide (points) is a gap between columns or blocks. */
  minGap: number;
  /** How much of a region a rule must run along to part it, how far a border's bleed goes, what a heading heads. */
  layout: Pick<
    LayoutRules,
    "ruledGapCover" | "ruleCutCover" | "ruleSliver" | "ruleGraze" | "borderBleed" | "minRegionLines"
  >;
  /**
   * Whether pieces no headline claims are the rest of the article beside them (else they stay apart, headless:
   * an advertisement, a cartoon's lettering). Without it, they always are.
   */
  belongs?: (orphans: Piece<T>[], article: Segment<T>, ruled: boolean) => boolean;
}

type Axis = 0 | 1;

interface Gap {
  from: number;
  to: number;
  ruled: boolean;
}

function regionBox(pieces: Piece[]): Box {
  return union(pieces.map((p) => p.box));
}

/** Empty bands across `axis` (0: columns, split by x; 1: rows, split by y) between the pieces. */
function gaps<T>(pieces: Piece<T>[], axis: Axis, options: CutOptions<T>): Gap[] {
  const region = regionBox(pieces);
  const lo = axis === 0 ? 0 : 1;
  const hi = lo + 2;
  const spans = pieces.map((p) => [p.box[lo], p.box[hi]] as const).sort((a, b) => a[0] - b[0]);
  const found: Gap[] = [];
  let reach = spans[0][1];
  for (const [start, end] of spans.slice(1)) {
    if (start > reach) {
      const ruled = options.rules.some((rule) => {
        const across = axis === 0 ? height(rule) : width(rule);
        const along = axis === 0 ? width(rule) : height(rule);
        if (along > across) return false;
        const at = (rule[lo] + rule[hi]) / 2;
        const [r0, r1] = axis === 0 ? [rule[1], rule[3]] : [rule[0], rule[2]];
        const [g0, g1] = axis === 0 ? [region[1], region[3]] : [region[0], region[2]];
        const covered = Math.min(r1, g1) - Math.max(r0, g0);
        return at >= reach - 1 && at <= start + 1 && covered >= options.layout.ruledGapCover * (g1 - g0);
      });
      if (ruled || start - reach >= options.minGap) found.push({ from: reach, to: start, ruled });
    }
    reach = Math.max(reach, end);
  }
  return found;
}

/**
 * Rules across the region that a picture's bleed overlaps a little, so no empty band runs along them: each still
 * parts the region where nothing straddles it by more than a sliver of its own size.
 */
function ruleCuts<T>(pieces: Piece<T>[], axis: Axis, options: CutOptions<T>): Gap[] {
  const { ruleCutCover, ruleSliver, ruleGraze } = options.layout;
  const region = regionBox(pieces);
  const lo = axis === 0 ? 0 : 1;
  const hi = lo + 2;
  const [g0, g1] = axis === 0 ? [region[1], region[3]] : [region[0], region[2]];
  const found: Gap[] = [];
  for (const rule of options.rules) {
    const across = axis === 0 ? height(rule) : width(rule);
    const along = axis === 0 ? width(rule) : height(rule);
    if (along > across) continue;
    const at = (rule[lo] + rule[hi]) / 2;
    const [r0, r1] = axis === 0 ? [rule[1], rule[3]] : [rule[0], rule[2]];
    if (at <= region[lo] + 1 || at >= region[hi] - 1 || Math.min(r1, g1) - Math.max(r0, g0) < ruleCutCover * (g1 - g0))
      continue;
    const straddles = pieces.some((p) => {
      const sliver = Math.max(3, ruleSliver * (p.box[hi] - p.box[lo]));
      const [p0, p1] = axis === 0 ? [p.box[1], p.box[3]] : [p.box[0], p.box[2]];
      // …over the rule's length: a heading that only grazes the rule's end does not stop it.
      const along = Math.min(p1, r1) - Math.max(p0, r0);
      return p.box[lo] < at - sliver && p.box[hi] > at + sliver && along > Math.max(3, ruleGraze * (p1 - p0));
    });
    if (!straddles && !found.some((g) => Math.abs(g.from - at) < 2)) found.push({ from: at, to: at, ruled: true });
  }
  return found.sort((a, b) => a.from - b.from);
}

function splitAt<T>(pieces: Piece<T>[], axis: Axis, cuts: Gap[]): Piece<T>[][] {
  const lo = axis === 0 ? 0 : 1;
  const parts: Piece<T>[][] = cuts.map(() => []);
  parts.push([]);
  for (const piece of pieces) {
    const middle = (piece.box[lo] + piece.box[lo + 2]) / 2;
    const index = cuts.findIndex((cut) => middle < (cut.from + cut.to) / 2);
    parts[index === -1 ? cuts.length : index].push(piece);
  }
  return parts.filter((part) => part.length);
}

/** Frames drawn around everything else in the region are the region's border, no longer obstacles inside it. */
function dropBorder(pieces: Piece[], bleed: number): Piece[] {
  if (pieces.length < 2) return pieces;
  const inner = pieces.filter((p) => p.kind !== "frame");
  if (!inner.length) return pieces;
  const content = regionBox(inner);
  // A box is often drawn twice (its tint and its outline): every frame around everything is the border.
  // A picture may bleed past the border by a little.
  const dx = Math.max(2, bleed * width(content));
  const dy = Math.max(2, bleed * height(content));
  const borders = pieces.filter(
    (p) =>
      p.kind === "frame" &&
      p.box[0] <= content[0] + dx &&
      p.box[1] <= content[1] + dy &&
      p.box[2] >= content[2] - dx &&
      p.box[3] >= content[3] - dy,
  );
  return borders.length ? pieces.filter((p) => !borders.includes(p)) : pieces;
}

/**
 * The region's pieces in reading order, as a tree: rules cut first (they separate articles), then gutters between
 * columns, then empty rows. Columns are read left to right and rows top to bottom.
 */
type Tree<T> = { leaf: Piece<T>[] } | { children: Tree<T>[]; framed?: boolean; ruled?: boolean };

function cut<T>(pieces: Piece<T>[], options: CutOptions<T>, depth = 0): Tree<T> {
  const before = pieces.length;
  pieces = dropBorder(pieces, options.layout.borderBleed) as Piece<T>[];
  const framed = pieces.length < before;
  if (pieces.length < 2 || depth > 60) return { leaf: pieces };
  const columns = gaps(pieces, 0, options);
  const rows = gaps(pieces, 1, options);
  const ruledRows = rows.filter((g) => g.ruled);
  const ruledColumns = columns.filter((g) => g.ruled);
  const overlapped = (): [Axis, Gap[]] => {
    const [byColumn, byRow] = [ruleCuts(pieces, 0, options), ruleCuts(pieces, 1, options)];
    return byColumn.length >= byRow.length && byColumn.length ? [0, byColumn] : [1, byRow];
  };
  // In order of strength: a rule across the whole region, a rule a picture's bleed overlaps (looked for only when
  // needed), a gutter, a gap between rows. A cut that leaves every piece on one side of it (a rule under a banner's
  // end) parts nothing.
  const choices: (() => [Axis, Gap[]])[] = [
    () => (ruledColumns.length > ruledRows.length ? [0, ruledColumns] : [1, ruledRows]),
    overlapped,
    () => [0, columns],
    () => [1, rows],
  ];
  for (const choice of choices) {
    const [axis, chosen] = choice();
    if (!chosen.length) continue;
    const parts = splitAt(pieces, axis, chosen);
    if (parts.length < 2) continue;
    return { children: parts.map((part) => cut(part, options, depth + 1)), framed, ruled: chosen.some((g) => g.ruled) };
  }
  return { leaf: pieces };
}

function flatten<T>(tree: Tree<T>): Piece<T>[] {
  return "leaf" in tree ? tree.leaf : tree.children.flatMap(flatten);
}

/** Pieces of a region no cut could separate, one article per headline: each piece goes to the headline above it. */
function splitLeaf<T>(pieces: Piece<T>[]): Segment<T>[] {
  const headlines = pieces.filter((p) => p.headline).sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
  const segments: Segment<T>[] = headlines.map((headline) => ({ headline, pieces: [] }));
  const across = (a: Box, b: Box) => Math.min(a[2], b[2]) - Math.max(a[0], b[0]) > 0;
  const unclaimed: Piece<T>[] = [];
  for (const piece of pieces) {
    // The nearest headline above in the piece's own columns; failing that, the nearest above at all. What stands
    // above every headline is left for the region around to place.
    if (
      !piece.headline &&
      piece.box[1] + 1 < segments[0].headline!.box[1] &&
      !headlines.some((h) => h.box[1] <= piece.box[1] + 1)
    ) {
      unclaimed.push(piece);
      continue;
    }
    let owner = segments[0];
    let columnOwner: Segment<T> | undefined;
    for (const segment of segments) {
      if (segment.headline!.box[1] > piece.box[1] + 1) continue;
      owner = segment;
      if (across(segment.headline!.box, piece.box)) columnOwner = segment;
    }
    (columnOwner ?? owner).pieces.push(piece);
  }
  return unclaimed.length ? [{ pieces: unclaimed }, ...segments] : segments;
}

/** What no headline claims in a region (the rest of a column, a figure) joins the article before it, or after it. */
function absorbOrphans<T>(sequence: Segment<T>[], belongs: CutOptions<T>["belongs"], ruled = false): Segment<T>[] {
  const out: Segment<T>[] = [];
  const apart: Segment<T>[] = [];
  let pending: Piece<T>[] = [];
  const joins = (orphans: Piece<T>[], article: Segment<T>) => !belongs || belongs(orphans, article, ruled);
  for (const segment of sequence) {
    if (segment.apart) {
      apart.push(segment);
      continue;
    }
    if (!segment.headline) {
      const previous = [...out].reverse().find((s) => s.headline);
      if (previous && joins(segment.pieces, previous)) previous.pieces.push(...segment.pieces);
      else if (!previous) pending.push(...segment.pieces);
      else apart.push({ ...segment, apart: true });
      continue;
    }
    if (pending.length) {
      if (joins(pending, segment)) segment.pieces.unshift(...pending);
      else apart.push({ pieces: pending, apart: true });
      pending = [];
    }
    out.push(segment);
  }
  if (pending.length) apart.push({ pieces: pending });
  return out.length ? [...out, ...apart] : pending.length || apart.length ? apart : [];
}

const overlapsAcross = (a: Box, b: Box) => Math.min(a[2], b[2]) - Math.max(a[0], b[0]) > 0;

/**
 * A region with one headline is that article's, but for parts of it that stand beside the headline's columns
 * rather than under or over them (the rest of a neighbour's column next to a small article): those go back to
 * the region around, to join the article before them. A framed region and a vertical headline's keep everything.
 */
/**
 * A region ruled or boxed off from the rest with no headline in it, topped by a heading (a column of briefs under
 * its banner, a boxed item): that heading is its headline.
 */
function promoteHeading<T>(pieces: Piece<T>[], minLines: number): Piece<T> | undefined {
  const top = [...pieces].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0])[0];
  const text = pieces.filter((p) => p.kind === "text").length;
  return top?.kind === "heading" && top.heading && text >= minLines ? top : undefined;
}

function assign<T>(tree: Tree<T>, options: CutOptions<T>, apart = false): Segment<T>[] {
  const { belongs, layout } = options;
  const pieces = flatten(tree);
  const headlines = pieces.filter((p) => p.headline);
  if (headlines.length === 0) {
    const promoted =
      apart || ("children" in tree && tree.framed) ? promoteHeading(pieces, layout.minRegionLines) : undefined;
    return promoted ? [{ headline: promoted, pieces }] : [{ pieces }];
  }
  if (headlines.length === 1) {
    const [headline] = headlines;
    if ("leaf" in tree && !headline.vertical) {
      // What stands above the headline with no cut between them (a picture's bleed reaches the headline's row):
      // left for the region around to place, as what stands above every headline is.
      const above = (p: Piece<T>) => p.kind !== "heading" && (p.box[1] + p.box[3]) / 2 < headline.box[1];
      const over = pieces.filter(above);
      if (over.length) return [{ pieces: over }, { headline, pieces: pieces.filter((p) => !above(p)) }];
    }
    if ("leaf" in tree || tree.framed || headline.vertical) return [{ headline, pieces }];
    const article: Segment<T> = { headline, pieces: [] };
    const out: Segment<T>[] = [];
    for (const child of tree.children) {
      const inside = flatten(child);
      if (inside.includes(headline)) {
        for (const segment of assign(child, options)) {
          if (segment.headline === headline) {
            article.pieces.push(...segment.pieces);
            out.push(article);
          } else if (segment.headline) {
            out.push(segment);
          } else {
            out.push(segment);
          }
        }
      } else if ((tree.ruled || tree.framed) && promoteHeading(inside, layout.minRegionLines)) {
        out.push({ headline: promoteHeading(inside, layout.minRegionLines), pieces: inside });
      } else if (regionBox(inside)[3] <= headline.box[1] + 1) {
        // Above the headline: the end of what came before (an article running on beside a picture), not its text.
        out.push({ pieces: inside });
      } else if (overlapsAcross(regionBox(inside), headline.box)) {
        if (!belongs || belongs(inside, article, !!tree.ruled)) article.pieces.push(...inside);
        else out.push({ pieces: inside, apart: true });
      } else {
        out.push({ pieces: inside });
      }
    }
    return out;
  }
  if ("leaf" in tree) return splitLeaf(tree.leaf);
  const ruled = tree.ruled || tree.framed;
  return absorbOrphans(
    tree.children.flatMap((child: Tree<T>) => assign<T>(child, options, ruled)),
    belongs,
    ruled,
  );
}

/** The page's pieces grouped into articles (each with its headline) in reading order; unclaimed pieces last. */
export function segmentPage<T>(pieces: Piece<T>[], options: CutOptions<T>): Segment<T>[] {
  if (!pieces.length) return [];
  return absorbOrphans(assign(cut(pieces, options), options), options.belongs);
}
