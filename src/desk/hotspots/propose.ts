// Proposes each article's area on a page by finding where its text is printed in the page's layout.
import { Groups } from "../groups.ts";
import {
  center,
  containsPoint,
  finishArea,
  gapBetween,
  rectArea,
  right,
  unionRect,
  type Point,
  type Rect,
} from "../../model/geometry.ts";
import { aspectOf, blockText, type LayoutBlock, type PageLayout } from "./layout.ts";
import { outlineArticles } from "./outline.ts";
import { gramSizeFor, normalizeText, TextProfile } from "./text-match.ts";

/** An article's words as the print system has them; every field but `id` is optional. */
export interface ArticleText {
  /** Names the article in results and messages, e.g. its file name "03-laojiu-xiaoqu.md". */
  id: string;
  column?: string;
  kicker?: string;
  headline?: string;
  subtitle?: string;
  dateline?: string;
  byline?: string;
  /** The body as markdown or plain text; markup characters are ignored. */
  body?: string;
  /** Figure captions, each with its credit. */
  captions?: string[];
  mark?: string;
}

export type Role = "headline" | "body" | "caption" | "figure";

/** A block, or one line of a block, found to belong to an article. */
export interface MatchedRegion {
  blockId: string;
  /** Set when only this line of the block matched (the block as a whole held other text too). */
  line?: number;
  role: Role;
  bbox: Rect;
  text: string;
}

export interface ArticleProposal {
  id: string;
  /** The bounding box [x, y, width, height] in fractions of the page, rounded to 3 decimals; null when nothing matched. */
  area: Rect | null;
  /**
   * The area that follows the article's shape (outlineArticles): a polygon in fractions of the page, rounded to 3
   * decimals, overlapping no other article's; null when nothing matched.
   */
  polygon: Point[] | null;
  regions: MatchedRegion[];
}

export interface UnmatchedRegion {
  blockId: string;
  line?: number;
  kind: LayoutBlock["kind"];
  bbox: Rect;
  text: string;
  /** none: matches no article; ambiguous: could be several; apart: matched an article but is printed far from it;
   * background: a shape with text on it (banner, tint box, frame), not a photo. */
  reason: "none" | "ambiguous" | "apart" | "background";
}

export interface Proposal {
  articles: ArticleProposal[];
  /** Column banners (栏目) printed over several articles: left out of every area. */
  columns: { blockId: string; text: string; articleIds: string[] }[];
  unmatched: UnmatchedRegion[];
  /** For people: articles that matched nothing, and everything unmatched. */
  warnings: string[];
}

export interface ProposeOptions {
  /** n-gram length for matching; by default 3 for Chinese text, 7 for alphabetic. */
  gramSize?: number;
  /** Share of a block's n-grams an article must contain to claim the whole block. */
  blockCoverage?: number;
  /** The same for one line, tried for blocks no article claims whole (e.g. a column of several articles). */
  lineCoverage?: number;
  /** How far the best article's coverage must lead the next one's for a clear decision. */
  margin?: number;
  /** Text printed further than this (in page heights) from the rest of its article's text is left out. */
  clusterGap?: number;
  /** A figure belongs to the article whose caption (or, lacking one, text) is at most this far from it. */
  figureGap?: number;
  /** Added around each area, in fractions of the page. */
  padding?: number;
}

const defaults = {
  blockCoverage: 0.7,
  lineCoverage: 0.6,
  margin: 0.15,
  clusterGap: 0.05,
  figureGap: 0.02,
  padding: 0,
};

interface Profile {
  article: ArticleText;
  text: TextProfile;
  /** kicker + headline + subtitle, normalized: a headline block's text is part of it. */
  heading: string;
  headline: string;
  captions: string;
  column: string;
}

interface Unit {
  blockId: string;
  line?: number;
  kind: LayoutBlock["kind"];
  bbox: Rect;
  text: string;
  norm: string;
}

type Verdict = { kind: "none" } | { kind: "one"; article: number } | { kind: "several"; articles: number[] };

function fullText(a: ArticleText): string {
  // In print order, so that n-grams running from dateline to byline to body ("本报讯(记者 …)为贯彻") exist here too.
  return [a.kicker, a.headline, a.subtitle, a.dateline, a.byline, a.body, ...(a.captions ?? []), a.mark]
    .filter((s): s is string => Boolean(s))
    .join("\n");
}

function excerpt(text: string, max = 24): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return Array.from(flat).length > max ? `${Array.from(flat).slice(0, max).join("")}…` : flat;
}

function describe(u: { blockId: string; line?: number; text: string }): string {
  return `block ${u.blockId}${u.line === undefined ? "" : ` line ${u.line + 1}`} "${excerpt(u.text)}"`;
}

/** Groups regions whose gaps chain together within `maxGap` (page heights). */
function clusters<T extends { bbox: Rect }>(items: T[], aspect: number, maxGap: number): T[][] {
  const groups = new Groups(items.length);
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (gapBetween(items[i].bbox, items[j].bbox, aspect) <= maxGap) groups.join(i, j);
    }
  }
  return groups.members().map((members) => members.map((i) => items[i]));
}

/** Assigns the page's blocks to the articles and returns each article's area with what it was made of. */
export function proposeAreas(
  layout: PageLayout,
  articles: readonly ArticleText[],
  options: ProposeOptions = {},
): Proposal {
  const opts = { ...defaults, ...options };
  const aspect = aspectOf(layout);
  const texts = articles.map(fullText);
  const n = opts.gramSize ?? gramSizeFor(normalizeText(texts.join("")));
  const profiles: Profile[] = articles.map((article, i) => ({
    article,
    text: new TextProfile(texts[i], n),
    heading: normalizeText([article.kicker, article.headline, article.subtitle].filter(Boolean).join("\n")),
    headline: normalizeText(article.headline ?? ""),
    captions: normalizeText((article.captions ?? []).join("\n")),
    column: normalizeText(article.column ?? ""),
  }));

  const regions: MatchedRegion[][] = profiles.map(() => []);
  const deferred: { unit: Unit; articles: number[] }[] = [];
  const unmatched: UnmatchedRegion[] = [];
  const columns: Proposal["columns"] = [];
  const warnings: string[] = [];

  const roleOf = (p: Profile, norm: string): Role => {
    if (p.heading.includes(norm) || (p.headline.length > 0 && norm.includes(p.headline))) return "headline";
    if (p.captions.includes(norm)) return "caption";
    return "body";
  };
  const claim = (article: number, u: Unit): void => {
    regions[article].push({
      blockId: u.blockId,
      line: u.line,
      role: roleOf(profiles[article], u.norm),
      bbox: u.bbox,
      text: u.text,
    });
  };
  const leaveOut = (u: Unit, reason: UnmatchedRegion["reason"]): void => {
    unmatched.push({ blockId: u.blockId, line: u.line, kind: u.kind, bbox: u.bbox, text: u.text, reason });
  };

  // A headline's lines are exact pieces of kicker + headline + subtitle, wrapped anywhere; a piece no longer than
  // an n-gram ("综合") could be anything.
  const headingOwners = (norm: string): number[] =>
    profiles.flatMap((p, i) => {
      const len = Array.from(norm).length;
      return p.heading.length > 0 && len >= Math.min(n + 1, Array.from(p.heading).length) && p.heading.includes(norm)
        ? [i]
        : [];
    });

  const judge = (norm: string, threshold: number): Verdict => {
    const scores = profiles.map((p) => p.text.coverage(norm));
    const ranked = scores
      .map((_, i) => i)
      .filter((i) => scores[i] >= threshold)
      .sort((a, b) => scores[b] - scores[a]);
    if (ranked.length === 0) return { kind: "none" };
    // A snippet of few n-grams ("综合", "passed.") occurs in too many texts to be evidence by itself: where it is
    // printed decides.
    if (Array.from(norm).length < 2 * n) return { kind: "several", articles: ranked };
    if (ranked.length === 1 || scores[ranked[0]] - scores[ranked[1]] >= opts.margin) {
      return { kind: "one", article: ranked[0] };
    }
    return { kind: "several", articles: ranked };
  };

  const verdictFor = (u: Unit, threshold: number): Verdict => {
    const heads = headingOwners(u.norm);
    if (heads.length === 1) return { kind: "one", article: heads[0] };
    if (heads.length > 1) return { kind: "several", articles: heads };
    return judge(u.norm, threshold);
  };

  const apply = (u: Unit, verdict: Verdict): void => {
    if (verdict.kind === "one") claim(verdict.article, u);
    else if (verdict.kind === "several") deferred.push({ unit: u, articles: verdict.articles });
  };

  for (const block of layout.blocks) {
    if (block.kind !== "text") continue;
    const text = blockText(block);
    const unit: Unit = { blockId: block.id, kind: block.kind, bbox: block.bbox, text, norm: normalizeText(text) };
    if (!unit.norm) continue;

    // A column banner repeats none of its articles' words but its own name.
    const len = Array.from(unit.norm).length;
    const owners = profiles.flatMap((p, i) =>
      p.column.length > 0 && len >= Math.min(n + 1, Array.from(p.column).length) && p.column.includes(unit.norm)
        ? [i]
        : [],
    );
    if (owners.length > 0) {
      columns.push({ blockId: block.id, text, articleIds: owners.map((i) => profiles[i].article.id) });
      continue;
    }
    const whole = verdictFor(unit, opts.blockCoverage);
    if (block.lines.length < 2) {
      if (whole.kind === "none") leaveOut(unit, "none");
      apply(unit, whole);
      continue;
    }
    const lines: Unit[] = block.lines.map((line, i) => ({
      blockId: block.id,
      line: i,
      kind: block.kind,
      bbox: line.bbox,
      text: line.text,
      norm: normalizeText(line.text),
    }));
    const verdicts = lines.map((u): Verdict => (u.norm ? verdictFor(u, opts.lineCoverage) : { kind: "none" }));

    if (whole.kind === "one") {
      // One article's block — unless the layout reader ran another article's lines into it (a byline beside the
      // next column, a column printed next to a headline): a line that this article's text does not hold but
      // another's does is settled line by line. A line nobody's text holds stays with its block.
      const mine = whole.article;
      const holds = (u: Unit) => profiles[mine].text.coverage(u.norm) >= opts.lineCoverage;
      const strays = lines.map((u, i) => Boolean(u.norm) && verdicts[i].kind !== "none" && !holds(u));
      if (!strays.some(Boolean)) {
        claim(mine, unit);
        continue;
      }
      lines.forEach((u, i) => {
        if (!u.norm) return;
        const v = verdicts[i];
        if (!strays[i]) claim(mine, u);
        else if (v.kind === "one") claim(v.article, u);
        else if (v.kind === "several") deferred.push({ unit: u, articles: v.articles });
      });
      continue;
    }
    if (whole.kind === "several") {
      apply(unit, whole);
      continue;
    }

    // No article claims the whole block: it may hold several articles' text (an OCR column, a merged block).
    const sameAs = (j: number, article: number) => {
      const v = verdicts[j];
      return v !== undefined && v.kind === "one" && v.article === article;
    };
    if (verdicts.every((v) => v.kind === "none")) {
      leaveOut(unit, "none");
      continue;
    }
    lines.forEach((u, i) => {
      const v = verdicts[i];
      if (!u.norm) return;
      if (v.kind === "none") leaveOut(u, "none");
      // An article's text runs on from line to line; a line matched alone among others' lines may be chance.
      else if (v.kind === "one" && !sameAs(i - 1, v.article) && !sameAs(i + 1, v.article)) {
        apply(u, { kind: "several", articles: [v.article] });
      } else apply(u, v);
    });
  }

  // Text that could belong to several articles goes to the one it is printed inside, or just above or below
  // (a credit under a caption, a last line under a column).
  // Printed between two lines of one of them in the same column, it is that one's, whatever the bounding boxes say
  // (an L-shaped article's box takes in the article in its notch).
  const boxesOf = lineBoxes(layout);
  const placed = regions.flatMap((rs, article) =>
    rs.filter((r) => r.role !== "figure").flatMap((r) => boxesOf(r).map((bbox) => ({ bbox, article }))),
  );
  const provisional = regions.map((rs) => unionRect(rs.map((r) => r.bbox)));
  for (const { unit, articles: candidates } of deferred) {
    const above = columnNeighbour(unit.bbox, placed, false);
    const under = columnNeighbour(unit.bbox, placed, true);
    if (above && under && above.article === under.article && candidates.includes(above.article)) {
      claim(above.article, unit);
      placed.push({ bbox: unit.bbox, article: above.article });
      continue;
    }
    const [cx, cy] = center(unit.bbox);
    const inside = candidates
      .filter((i) => provisional[i] && containsPoint(provisional[i]!, cx, cy))
      .sort((a, b) => rectArea(provisional[a]!) - rectArea(provisional[b]!));
    const alignedGap = (r: Rect) => {
      const overlap = Math.min(right(unit.bbox), right(r)) - Math.max(unit.bbox[0], r[0]);
      return overlap >= 0.5 * unit.bbox[2] ? gapBetween(unit.bbox, r, aspect) : Infinity;
    };
    const near = candidates.filter((i) => regions[i].some((r) => alignedGap(r.bbox) <= opts.figureGap / 2));
    if (inside.length > 0) claim(inside[0], unit);
    else if (near.length === 1) claim(near[0], unit);
    else leaveOut(unit, "ambiguous");
  }

  // Text far from the rest of its article is a chance match, unless it is the headline or a caption, which a
  // photo may separate from the body.
  profiles.forEach((p, i) => {
    const groups = clusters(regions[i], aspect, opts.clusterGap);
    if (groups.length < 2) return;
    const weight = (g: MatchedRegion[]): number => g.reduce((sum, r) => sum + normalizeText(r.text).length, 0);
    const main = groups.reduce((a, b) => (weight(b) > weight(a) ? b : a));
    const kept = groups.filter((g) => g === main || g.some((r) => r.role === "headline" || r.role === "caption"));
    const dropped = groups.filter((g) => !kept.includes(g)).flat();
    regions[i] = kept.flat();
    for (const r of dropped) {
      unmatched.push({ blockId: r.blockId, line: r.line, kind: "text", bbox: r.bbox, text: r.text, reason: "apart" });
      warnings.push(`${p.article.id}: left out ${describe(r)}, printed apart from the article's other text`);
    }
  });

  adoptContinuations(layout, regions, unmatched);

  // Figures: the article whose caption is printed next to it, else the one whose text is (alone) next to it.
  const textBlocks = layout.blocks.filter((b) => b.kind === "text");
  for (const figure of layout.blocks.filter((b) => b.kind === "figure")) {
    const unit: Unit = { blockId: figure.id, kind: "figure", bbox: figure.bbox, text: "", norm: "" };
    const nearest = (pick: (r: MatchedRegion) => boolean) =>
      regions
        .map((rs, i) => ({
          article: i,
          gap: Math.min(...rs.filter(pick).map((r) => gapBetween(figure.bbox, r.bbox, aspect))),
        }))
        .sort((a, b) => a.gap - b.gap);
    const byCaption = nearest((r) => r.role === "caption")[0];
    let owner: number | null = byCaption && byCaption.gap <= opts.figureGap ? byCaption.article : null;
    if (owner === null) {
      if (textBlocks.some((b) => containsPoint(figure.bbox, ...center(b.bbox)))) {
        leaveOut(unit, "background");
        continue;
      }
      const [first, second] = nearest((r) => r.role !== "figure");
      const clear = first && first.gap <= opts.figureGap && (!second || second.gap > first.gap + opts.figureGap / 2);
      owner = clear ? first.article : null;
    }
    if (owner === null) leaveOut(unit, "none");
    else regions[owner].push({ blockId: figure.id, role: "figure", bbox: figure.bbox, text: "" });
  }

  // The outline follows the lines themselves: a block claimed whole gives each of its lines.
  const polygons = outlineArticles({
    width: 1,
    height: 1,
    articles: regions.map((rs) => ({
      lines: rs.filter((r) => r.role !== "figure").flatMap(boxesOf),
      figures: rs.filter((r) => r.role === "figure").map((r) => r.bbox),
    })),
    avoid: unmatched.filter((u) => u.reason === "none" && u.kind === "text").map((u) => u.bbox),
  });
  const result = profiles.map((p, i): ArticleProposal => {
    const box = unionRect(regions[i].map((r) => r.bbox));
    return {
      id: p.article.id,
      area: box ? finishArea(box, opts.padding) : null,
      polygon: box ? polygons[i] : null,
      regions: regions[i],
    };
  });
  warnings.unshift(
    ...result.filter((a) => !a.area).map((a) => `${a.id}: nothing printed on the page matched this article`),
  );

  // One warning per block: an OCR column can hold hundreds of lines no article claims.
  const byBlock = new Map<string, UnmatchedRegion[]>();
  for (const u of unmatched) {
    if (u.reason === "apart") continue;
    const group = byBlock.get(u.blockId);
    if (group) group.push(u);
    else byBlock.set(u.blockId, [u]);
  }
  for (const [blockId, group] of byBlock) {
    const first = group[0];
    if (first.kind === "figure") {
      const where = `figure ${blockId} at [${finishArea(first.bbox).join(", ")}]`;
      warnings.push(
        first.reason === "background"
          ? `${where} has text on it (a banner or box); not counted as a photo`
          : `${where} is next to no article's caption or text`,
      );
    } else if (group.length === 1) {
      warnings.push(
        first.reason === "none"
          ? `${describe(first)} matched no article`
          : `${describe(first)} is too short or too common to tell whose it is; left out`,
      );
    } else {
      const lines = layout.blocks.find((b) => b.id === blockId)?.lines ?? [];
      warnings.push(
        group.length >= lines.length
          ? `${describe({ blockId, text: lines.map((l) => l.text).join(" ") })} matched no article`
          : `block ${blockId}: ${group.length} of ${lines.length} lines matched no article (first: "${excerpt(first.text)}")`,
      );
    }
  }
  return { articles: result, columns, unmatched, warnings };
}

/** The boxes of a region's lines: each line of a block claimed whole, else the region's own box. */
function lineBoxes(layout: PageLayout): (r: { blockId: string; line?: number; role?: Role; bbox: Rect }) => Rect[] {
  const blockById = new Map(layout.blocks.map((b) => [b.id, b]));
  return (r) => {
    const block = r.line === undefined && r.role !== "figure" ? blockById.get(r.blockId) : undefined;
    return block && block.lines.length > 0 ? block.lines.map((l) => l.bbox) : [r.bbox];
  };
}

/**
 * Lines that no article's text holds but that are printed on in an article's column, right under or over its
 * lines, become that article's: a run of them between two stretches of the same article (a sentence the article
 * file lacks, lines that matched another article by chance and were left out as printed apart from it), or a short
 * run that only this article's lines touch (an author note, a last paragraph). A run that touches two articles, or
 * a long open run (an OCR column of stories nobody gave), stays out; so does what is set apart by more than 2½
 * line heights, such as page furniture.
 */
function adoptContinuations(
  layout: PageLayout,
  regions: MatchedRegion[][],
  unmatched: UnmatchedRegion[],
  maxTail = 8,
): void {
  const boxesOf = lineBoxes(layout);
  const placed = regions.flatMap((rs, article) =>
    rs.filter((r) => r.role !== "figure").flatMap((r) => boxesOf(r).map((bbox) => ({ bbox, article }))),
  );
  const blockById = new Map(layout.blocks.map((b) => [b.id, b]));
  const candidates = unmatched.flatMap((u, index) => {
    if ((u.reason !== "none" && u.reason !== "apart") || u.kind !== "text") return [];
    const lines = u.line === undefined ? (blockById.get(u.blockId)?.lines ?? []) : [{ bbox: u.bbox, text: u.text }];
    return lines.map((l, k) => ({ index, line: u.line ?? k, bbox: l.bbox, text: l.text, article: -1 }));
  });
  const all = [
    ...placed.map((p) => ({ bbox: p.bbox, article: p.article, candidate: -1 })),
    ...candidates.map((c, i) => ({ bbox: c.bbox, article: -1, candidate: i })),
  ];

  const neighbour = (box: Rect, below: boolean) =>
    columnNeighbour(
      box,
      all.filter((p) => p.bbox !== box),
      below,
    );

  // Runs of candidate lines linked above and below, with the articles' lines they touch at either end.
  const linked = new Groups(candidates.length);
  const touches = candidates.map(() => ({ above: new Set<number>(), below: new Set<number>() }));
  candidates.forEach((c, i) => {
    for (const below of [false, true]) {
      const n = neighbour(c.bbox, below);
      if (!n) continue;
      if (n.candidate >= 0) linked.join(i, n.candidate);
      else (below ? touches[i].below : touches[i].above).add(n.article);
    }
  });
  for (const members of linked.members()) {
    const above = new Set(members.flatMap((i) => [...touches[i].above]));
    const below = new Set(members.flatMap((i) => [...touches[i].below]));
    const articles = new Set([...above, ...below]);
    if (articles.size !== 1) continue;
    const [article] = articles;
    const enclosed = above.has(article) && below.has(article);
    if (enclosed || members.length <= maxTail) for (const i of members) candidates[i].article = article;
  }

  const adopted = candidates.filter((c) => c.article >= 0);
  if (adopted.length === 0) return;
  for (const c of adopted) {
    const u = unmatched[c.index];
    regions[c.article].push({ blockId: u.blockId, line: c.line, role: "body", bbox: c.bbox, text: c.text });
  }
  // What is left of each unit: nothing, or the lines not adopted.
  const rest = candidates.filter((c) => c.article < 0);
  const touched = new Set(adopted.map((c) => c.index));
  const kept = unmatched.filter((_, i) => !touched.has(i));
  for (const index of touched) {
    const u = unmatched[index];
    for (const c of rest.filter((r) => r.index === index))
      kept.push({ ...u, line: c.line, bbox: c.bbox, text: c.text });
  }
  unmatched.splice(0, unmatched.length, ...kept);
}

/**
 * The nearest of `lines` printed right above (or below) `box` in its column: holding at least half of its width,
 * within 2½ heights of the smaller of the two lines (a note is set off by a little space; a page header in large
 * type is not close).
 */
function columnNeighbour<T extends { bbox: Rect }>(box: Rect, lines: readonly T[], below: boolean): T | null {
  let best: T | null = null;
  let bestGap = Infinity;
  for (const p of lines) {
    const shared = Math.min(right(box), right(p.bbox)) - Math.max(box[0], p.bbox[0]);
    if (shared < 0.5 * box[2]) continue;
    const gap = below ? p.bbox[1] - (box[1] + box[3]) : box[1] - (p.bbox[1] + p.bbox[3]);
    const small = Math.min(box[3], p.bbox[3]);
    if (gap >= -0.5 * small && gap <= 2.5 * small && gap < bestGap) {
      best = p;
      bestGap = gap;
    }
  }
  return best;
}
