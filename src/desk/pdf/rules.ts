// Every threshold the page reader reasons with, in one place: relative to the type size of the text at hand (or the
// page), never a paper's words, fonts or page sizes. Pass a partial object to try other values.

export interface LayoutRules {
  /** Display type starts this much larger than the text it heads (or than the page's body type). */
  displayRatio: number;
  /** Type this much larger than the page's body type is a headline wherever it stands (else a subhead inside text). */
  headlineRatio: number;
  /** A heading at least this much larger than the text right below it heads that text: a brief's small headline. */
  localHeadlineRatio: number;
  /** A heading at most this share of the size of a headline spanning it above (no rule between) is its subhead. */
  subheadShare: number;
  /** A heading's text starts within this many of its own type sizes below it. */
  headingReach: number;
  /** A drop cap is at least this many times the size of the text beside it, and one or two letters. */
  dropCapRatio: number;
  /** Empty space this many body sizes wide is a gutter or a gap between blocks (the XY cut's unit). */
  gapRatio: number;
  /** In a column, a gap above a line larger than this many of its sizes (beyond the usual leading) is a break. */
  paragraphGap: number;
  /** A first line set in by at least this many of its sizes starts a paragraph. */
  indent: number;
  /** A line ending this many of its sizes short of its column's right edge is the last of its paragraph. */
  shortLine: number;
  /** Lines of an article set in body type (±10 %): fewer than this and no captioned picture, not an article. */
  minTextLines: number;
  /** Characters of body text an article needs at least. */
  minArticleChars: number;
  /** The page's top and bottom bands (shares of its height) where running heads and folios stand without a rule. */
  headerBand: number;
  footerBand: number;
  /** Within this share of the page's top or bottom, a small line standing apart from every column is furniture. */
  edgeBand: number;
  /** Pictures smaller than this share of the page are logos and ornaments, not photos. */
  minFigureShare: number;
  /** Smaller than this share of the page even a portrait is an ornament. */
  minPhotoShare: number;
  /** Most glyphs (this share) unreadable — U+FFFD, private use, control characters: the text layer is not text. */
  unreadableShare: number;
}

export const DEFAULT_RULES: Readonly<LayoutRules> = Object.freeze({
  displayRatio: 1.2,
  headlineRatio: 1.75,
  localHeadlineRatio: 1.5,
  subheadShare: 0.6,
  headingReach: 1.6,
  dropCapRatio: 1.8,
  gapRatio: 0.8,
  paragraphGap: 0.5,
  indent: 0.8,
  shortLine: 1.5,
  minTextLines: 3,
  minArticleChars: 12,
  headerBand: 0.05,
  footerBand: 0.015,
  edgeBand: 0.07,
  minFigureShare: 0.02,
  minPhotoShare: 0.002,
  unreadableShare: 0.5,
});

export function layoutRules(overrides: Partial<LayoutRules> = {}): LayoutRules {
  return { ...DEFAULT_RULES, ...overrides };
}
