// Whether text no headline claims is the rest of the article beside it: the same running type, or a picture.
// What is set in other type (an advertisement, a cartoon's lettering, a box of listings) stays apart.
import type { PagePiece } from "./pieces.ts";
import { type Box, union } from "./boxes.ts";
import { inside } from "./furniture.ts";
import type { TextLine } from "./read.ts";
import type { LayoutRules } from "./rules.ts";
import { runningType } from "./typography.ts";
import type { Segment } from "./segment.ts";

const linesOf = (pieces: readonly PagePiece[]): TextLine[] =>
  pieces.flatMap((p) => ("line" in p.data ? [p.data.line] : []));
const chars = (l: TextLine) => Array.from(l.text.replace(/\s/gu, "")).length;

/** The largest type of a heading, or of the lettering on a picture. */
const headingSize = (p: PagePiece): number => {
  const lines = "heading" in p.data ? p.data.heading.lines : "figure" in p.data ? p.data.figure.lines : [];
  return Math.max(0, ...lines.map((l) => l.size));
};

/**
 * The rule for a page: orphans join the article beside them when most of their text is set in that article's
 * running type or the page's; a picture alone joins too.
 */
export function belongsToArticle(pageLines: readonly TextLine[], rules: LayoutRules, banners: readonly Box[] = []) {
  const pageType = runningType(pageLines);
  const sameType = (l: TextLine, type: { font: string; size: number } | undefined) =>
    !!type && l.font === type.font && Math.abs(l.size - type.size) <= rules.sameSizeTolerance * type.size;
  return (orphans: PagePiece[], article: Segment<PagePiece["data"]>, ruled: boolean): boolean => {
    const own = linesOf(orphans);
    // Around a section's banner (display type on a tint, already left out as furniture), hardly any text: the
    // section's nameplate, with its pictures and its editor's name.
    const region = union(orphans.map((p) => p.box));
    if (own.length <= rules.nameplateLines && banners.some((b) => inside(b, region, 0))) return false;
    // A picture ruled off from the article with words printed on it in other type: an advertisement or a cartoon.
    const lettering = orphans.flatMap((p) => ("figure" in p.data ? p.data.figure.lines : []));
    // So is one over the article's headline (a speech bubble, a nameplate's picture): an article's own picture
    // stands under or beside its headline, or carries the headline itself.
    const head = article.headline?.box;
    const over = !!head && union(orphans.map((p) => p.box))[3] <= head[1] + 1;
    const lettered = lettering.length >= rules.minLettering && !lettering.every((l) => sameType(l, pageType));
    if ((ruled || over) && !own.length && lettered) return false;
    // Display type alone right under the article's headline and within its width: a quote set large in a box, the
    // article's text.
    if (head && own.length === 0 && orphans.every((p) => "heading" in p.data)) {
      const box = union(orphans.map((p) => p.box));
      const under =
        box[1] >= head[3] - 1 &&
        box[1] - union(article.pieces.map((p) => p.box))[3] < rules.quoteReach * (box[3] - box[1]);
      const slack = rules.headlineSlack * (head[3] - head[1]);
      if (under && box[0] >= head[0] - slack && box[2] <= head[2] + slack) return true;
    }
    // Text set right under the headline, within its width: its deck (chapô), in whatever type.
    if (head && own.length) {
      const box = union(own.map((l) => l.box));
      const gap = box[1] - head[3];
      const slack = rules.headlineSlack * (head[3] - head[1]);
      if (gap > -1 && gap < rules.deckReach * own[0].size && box[0] >= head[0] - slack && box[0] < head[2]) return true;
    }
    // Type set larger than the article's headline (a heading, or lettering on a picture), with no headline of its
    // own: a section's nameplate, a banner or an advertisement's, not the article's.
    const headSize = article.headline ? headingSize(article.headline as PagePiece) : 0;
    if (headSize && orphans.some((p) => headingSize(p) > rules.nameplateRatio * headSize)) return false;
    // Display type of its own with no headline over it: an advertisement's or a box's, not the article's.
    if (orphans.some((p) => "heading" in p.data && !p.data.heading.quote) && own.length < rules.minHeadedLines)
      return false;
    // A picture alone joins the article beside it, unless a rule parts them (a cartoon, an illustration of its own).
    if (!own.length) return !ruled;
    // A picture with its caption: the article's.
    if (orphans.some((p) => "figure" in p.data) && own.length <= rules.captionLines) return true;
    // A line or two right by the article (a byline, a credit; its names may come as pieces on one row) is its own;
    // further off, a label or a folio.
    const rows = new Set(own.map((l) => Math.round((l.box[1] + l.box[3]) / 2 / l.size)));
    if (rows.size <= rules.bylineRows) {
      const near = union(article.pieces.map((p) => p.box));
      const box = union(own.map((l) => l.box));
      const away = Math.max(near[0] - box[2], box[0] - near[2], near[1] - box[3], box[1] - near[3]);
      return away < rules.bylineReach * own[0].size;
    }
    const total = own.reduce((n, l) => n + chars(l), 0);
    const setIn = (type: { font: string; size: number } | undefined) =>
      own.filter((l) => sameType(l, type)).reduce((n, l) => n + chars(l), 0) >= rules.runningShare * total;
    return setIn(runningType(linesOf(article.pieces as PagePiece[]))) || setIn(pageType);
  };
}
