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

  // Lines alike and in line, relative to their type size.
  /** Two lines within this share of each other's type size, in one font, are set in the same type. */
  sameSizeTolerance: number;
  /** Pieces of display type within this share of the larger's size are of one headline's type. */
  displaySizeTolerance: number;
  /** Pieces of a headline whose bottoms are within this many of its sizes stand on one line of it… */
  baselineTolerance: number;
  /** …when no further apart across than this many of its sizes. */
  headlineSpace: number;
  /** Display lines one under the other are one heading with a gap under this many of their sizes… */
  headingLineGap: number;
  /** …or overlapping by less than this many (type boxes run from ascender to descender). */
  headingLineOverlap: number;
  /** Middles within this many of the type's sizes line up: cells on one row or in one column, a folio and its head. */
  alignTolerance: number;
  /** A line under another of its column, less than this many of their sizes below it, runs on from it. */
  runOnGap: number;
  /** A line stands in a box's columns when their widths overlap by more than this share of the narrower. */
  columnOverlap: number;

  // Pull quotes, drop caps, kickers.
  /** Display type with text of its column running on within this many body sizes above and below it is a quote. */
  pullQuoteReach: number;
  /** The text beside a drop cap starts at most this many of its sizes left of the cap's right edge… */
  dropCapOverlap: number;
  /** …and less than this many of its sizes right of it… */
  dropCapReach: number;
  /** …its top within this many of its sizes of the cap's top. */
  dropCapAlign: number;
  /** A headline's kicker may reach this many of the headline's sizes into its type box… */
  kickerOverlap: number;
  /** …and stands less than this many of them above it… */
  kickerReach: number;
  /** …in at most this many words. */
  kickerWords: number;

  // Pictures and frames, as shares of the page (or of the picture).
  /** A picture covering at least this share of the page is its background, not a figure. */
  maxFigureShare: number;
  /** Pictures a logo covers this share of are that logo. */
  logoCover: number;
  /** Logos are more than this many times wider than tall (or taller than wide), when not too small for a photo. */
  logoAspect: number;
  /** Frames and tint boxes smaller than this share of the page part nothing. */
  minFrameShare: number;

  // Furniture.
  /** A picture, rule or tint at least this share of the page's width spans it. */
  spanShare: number;
  /** A spanning edge within this share of the page's height from its top closes the header… */
  headerRuleBand: number;
  /** …and one within this share of it from the bottom opens the footer. */
  footerRuleBand: number;
  /** An advertisement's label is one word of at most this many characters. */
  maxLabelChars: number;

  // Tables and puzzles.
  /** At least this many cells make a grid… */
  minGridCells: number;
  /** …on at least this many rows and columns. */
  minGridRows: number;
  minGridColumns: number;
  /** A cell is a piece of text of at most this many characters… */
  maxCellChars: number;
  /** …or of at most this many with a digit in it (a score, a price). */
  maxNumberCellChars: number;
  /** A grid's cells have at most this many characters, at the median: more, it is prose. */
  maxMedianCellChars: number;
  /** Cells less than this many of their sizes apart across are of one grid… */
  cellReachAcross: number;
  /** …and this many of their sizes down. */
  cellReachDown: number;
  /** A line on a grid's row belongs to it within this many of the cells' sizes beside it (a name before numbers)… */
  rowLabelReach: number;
  /** …and of at most this many characters. */
  maxRowLabelChars: number;
  /** A grid this share of whose cells are single letters is a crossword… */
  puzzleLetterShare: number;
  /** …or this share single digits, on at least so many columns, a sudoku. */
  sudokuDigitShare: number;
  sudokuColumns: number;
  /** A grid's title stands less than this many of its sizes above it… */
  gridTitleReach: number;
  /** …its left edge within this many of the cells' sizes of the grid's… */
  gridTitleAlign: number;
  /** …no wider than this many times the grid. */
  gridTitleWidth: number;

  // The XY cut.
  /** A rule in a gap parts it when it runs along at least this share of the region. */
  ruledGapCover: number;
  /** A rule a picture's bleed overlaps parts the region when it runs along at least this share of it… */
  ruleCutCover: number;
  /** …and nothing straddles it by more than this share of its own size… */
  ruleSliver: number;
  /** …over more than this share of its length. */
  ruleGraze: number;
  /** Frames around a region's content, within this share of its size (a picture's bleed), are its border. */
  borderBleed: number;
  /** A region ruled or boxed off with no headline, topped by a heading over this many lines of text, is its article. */
  minRegionLines: number;

  // What no headline claims: whether it joins the article beside it.
  /** Type this much larger than the article's headline is a nameplate's, a banner's or an advertisement's. */
  nameplateRatio: number;
  /** At most this many lines around a section's banner: its nameplate. */
  nameplateLines: number;
  /** A picture with this many lines printed on it in other type, ruled off or over the headline, is lettered. */
  minLettering: number;
  /** Display type alone, within this many of its heights under the article, is a quote of it. */
  quoteReach: number;
  /** Within a headline's width: with this many of its heights' slack either side. */
  headlineSlack: number;
  /** Text starting less than this many of its sizes under the headline is its deck. */
  deckReach: number;
  /** Display type over fewer than this many lines of text, no headline of its own, is a box's or an advertisement's. */
  minHeadedLines: number;
  /** A picture with at most this many lines: its caption, the article's. */
  captionLines: number;
  /** A byline or credit takes at most this many rows… */
  bylineRows: number;
  /** …and stands less than this many of its sizes from the article. */
  bylineReach: number;
  /** Orphans join when at least this share of their characters is in the article's running type or the page's. */
  runningShare: number;
  // Reading the page (read.ts).
  /** A painted shape thinner than this many body sizes is a rule (or a frame's edge), not a box. */
  ruleWidth: number;
  /** A thin shape shorter than this many body sizes is an ornament, not a rule. */
  ruleLength: number;
  /** A title run in at a line's start is set at least this much larger than the words after it. */
  leadRatio: number;
  /** A title run in is a few words, no more characters than this. */
  leadChars: number;
  // Fields of an article (article.ts).
  /** A caption runs to this many rows at most; more, in the text's own type, are the text. */
  maxCaptionRows: number;
  /** A signature run on after the text runs to this many lines at most (a name, a role, a place). */
  maxSignatureLines: number;
  /** The most characters a line of a byline holds. */
  bylineChars: number;
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
  sameSizeTolerance: 0.1,
  displaySizeTolerance: 0.15,
  baselineTolerance: 0.3,
  headlineSpace: 1.5,
  headingLineGap: 0.9,
  headingLineOverlap: 0.5,
  alignTolerance: 0.5,
  runOnGap: 1.2,
  columnOverlap: 0.5,
  pullQuoteReach: 1.5,
  dropCapOverlap: 0.5,
  dropCapReach: 2,
  dropCapAlign: 0.8,
  kickerOverlap: 0.3,
  kickerReach: 0.6,
  kickerWords: 6,
  maxFigureShare: 0.8,
  logoCover: 0.9,
  logoAspect: 2,
  minFrameShare: 0.005,
  spanShare: 0.6,
  headerRuleBand: 0.1,
  footerRuleBand: 0.08,
  maxLabelChars: 12,
  minGridCells: 12,
  minGridRows: 3,
  minGridColumns: 3,
  maxCellChars: 4,
  maxNumberCellChars: 24,
  maxMedianCellChars: 8,
  cellReachAcross: 8,
  cellReachDown: 2,
  rowLabelReach: 12,
  maxRowLabelChars: 30,
  puzzleLetterShare: 0.5,
  sudokuDigitShare: 0.75,
  sudokuColumns: 9,
  gridTitleReach: 1.5,
  gridTitleAlign: 2,
  gridTitleWidth: 2.5,
  ruledGapCover: 0.4,
  ruleCutCover: 0.6,
  ruleSliver: 0.08,
  ruleGraze: 0.25,
  borderBleed: 0.02,
  minRegionLines: 3,
  nameplateRatio: 1.2,
  nameplateLines: 3,
  minLettering: 2,
  quoteReach: 3,
  headlineSlack: 0.5,
  deckReach: 2,
  minHeadedLines: 3,
  captionLines: 3,
  bylineRows: 2,
  bylineReach: 2,
  runningShare: 0.5,
  ruleWidth: 0.3,
  ruleLength: 2,
  leadRatio: 1.15,
  leadChars: 40,
  maxCaptionRows: 4,
  maxSignatureLines: 3,
  bylineChars: 24,
});

export function layoutRules(overrides: Partial<LayoutRules> = {}): LayoutRules {
  return { ...DEFAULT_RULES, ...overrides };
}
