// One article from its pieces: headline, kicker, subtitle, byline, body paragraphs and subheads, figures.
import { pageLabel, takeContinuations } from "../prose/markers.ts";
import { bareName, bylineLine, splitCredit, takeDateline } from "../prose/people.ts";
import { endsSentence, endsWithAddress } from "../prose/sentences.ts";
import type { PageWords } from "../prose/hyphenation.ts";
import { flowParagraphs, joinLines, type FlowLine } from "../prose/paragraphs.ts";
import { readingRuns } from "./order.ts";
import { SIGNATURE, signedAfterText } from "./signature.ts";
import type { LayoutRules } from "./rules.ts";
import { markdownTable, type Grid } from "./tables.ts";
import type { Figure, Heading, PagePiece } from "./pieces.ts";
import { union, type Box } from "./boxes.ts";
import type { TextLine } from "./read.ts";
import type { Segment } from "./segment.ts";
import { bodySize as mostUsedSize, runningType, tidyCjk } from "./typography.ts";

export interface PdfFigure {
  /** Where the picture is printed, in PDF points. */
  box: Box;
  caption?: string;
  credit?: string;
}

/** An article as read from the page PDF, before it becomes a file. */
export interface PdfArticle {
  /** The column (栏目) a rubric over the headline names. */
  column?: string;
  kicker?: string;
  headline: string;
  subtitle?: string;
  byline?: string;
  dateline?: string;
  /** Markdown: paragraphs and `### ` subheads, one blank line between. */
  body: string;
  subheads: string[];
  paragraphs: number;
  /** The author note printed at the end, （作者为…）; also the body's last paragraph. */
  note?: string;
  figures: PdfFigure[];
  continuedFrom?: string;
  continuedOn?: string;
  /** Every text line of the article (headline, byline, body, captions), in PDF points. */
  lines: Box[];
  /** The article's bounds in PDF points. */
  box: Box;
  /** How many lines of its text are set in the page's body type (an advertisement has few or none). */
  textLines: number;
}

export interface ArticleContext {
  body: number;
  cjk: boolean;
  /** The language of the page's prose, for its hyphenation. */
  language: string;
  /** The page's own words, for the hyphenation. */
  words: PageWords;
  rules: LayoutRules;
  warn: (message: string) => void;
}

const isLine = (p: PagePiece): p is PagePiece & { data: { line: TextLine } } => "line" in p.data;
const isHeading = (p: PagePiece): p is PagePiece & { data: { heading: Heading } } => "heading" in p.data;
const isFigure = (p: PagePiece): p is PagePiece & { data: { figure: Figure } } => "figure" in p.data;

/** Lines side by side on one row, left to right; rows top to bottom. */
function rows(lines: TextLine[]): TextLine[][] {
  const out: TextLine[][] = [];
  for (const line of [...lines].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0])) {
    const row = out.find((r) => Math.abs(r[0].box[3] - line.box[3]) < 0.4 * line.size);
    if (row) row.push(line);
    else out.push([line]);
  }
  return out.map((r) => r.sort((a, b) => a.box[0] - b.box[0]));
}

/** A row (left to right) whose lines stand apart by at least a gutter: lines of columns, not one line in pieces. */
function inColumns(row: TextLine[], gutter: number): boolean {
  return row.slice(1).some((l, i) => l.box[0] - row[i].box[2] >= gutter);
}

function rowText(row: TextLine[], cjk: boolean): string {
  const text = row.map((l) => l.text).join(" ");
  return cjk ? tidyCjk(text) : text;
}

function joinRows(texts: string[], cjk: boolean): string {
  return texts.reduce((a, b) => joinLines(a, b, { cjk, language: "en" }), "");
}

type HeadingFields = { column?: string; kicker?: string; headline: string; subtitle?: string };

/**
 * A column's name set as a rubric over the piece's own title (LE CAHIER DES SPORTS over GRANDIR): capitals in the
 * largest type, then, under them, a short title in type less than half their size. The rubric is the column (栏目),
 * the title the headline; what follows the title is its subtitle.
 */
function takeRubric(lines: readonly TextLine[], max: number): { rubric: TextLine[]; rest: TextLine[] } | undefined {
  const rubric = lines.filter((l) => l.size >= 0.75 * max);
  const rest = lines.filter((l) => !rubric.includes(l));
  if (!rest.length || !rubric.every((l) => /\p{Lu}/u.test(l.text) && l.text === l.text.toUpperCase())) return undefined;
  const bottom = Math.max(...rubric.map((l) => l.box[3]));
  if (!rest.every((l) => l.box[1] >= bottom - 1)) return undefined;
  const title = rest.sort((a, b) => a.box[1] - b.box[1])[0];
  const short = title.text.trim().split(/\s+/u).length <= 6 && !/[.,;:]$/u.test(title.text.trim());
  return title.size <= 0.55 * max && short ? { rubric, rest } : undefined;
}

/** Headline lines are the largest type of the heading; smaller lines above are the kicker, below the subtitle. */
function readHeading(heading: Heading, cjk: boolean): HeadingFields {
  const text = (lines: TextLine[]) => {
    if (!lines.length) return undefined;
    if (lines.length === 1 && lines[0].vertical) return lines[0].text.replace(/\s+/gu, "");
    return (
      joinRows(
        rows(lines).map((r) => rowText(r, cjk)),
        cjk,
      ) || undefined
    );
  };
  const max = Math.max(...heading.lines.map((l) => l.size));
  const rubric = cjk ? undefined : takeRubric(heading.lines, max);
  if (rubric) return { column: text(rubric.rubric), ...readHeading({ lines: rubric.rest }, cjk) };
  const big = heading.lines.filter((l) => l.size >= 0.85 * max);
  const top = Math.min(...big.map((l) => l.box[1]));
  // Above by its middle: a large headline's type box reaches up over the label set right over it.
  const above = heading.lines.filter((l) => !big.includes(l) && (l.box[1] + l.box[3]) / 2 < top);
  const below = heading.lines.filter((l) => !big.includes(l) && !above.includes(l));
  return { kicker: text(above), headline: text(big) ?? "", subtitle: text(below) };
}

const BY = /^(?:[Bb]y|BY|[Dd]i|[Dd]e|[Pp]ar|[Vv]on|[Pp]or)\s+\p{Lu}/u;
const NOTE = /^[(（][^()（）]{2,}[)）]$/u;
const CREDIT =
  /(?:制图|摄影?|供图|图片来源|数据来源|来源|photo(?:graph)?s?|source|graphic|illustration)\s*[:：/]|摄$|供图$/iu;
const JUMP =
  /^(?:\(?\s*)?(?:continued|see)\s+(?:on\s+)?(?:page\s+)?([A-Z]?\d{1,3})\s*\)?\.?$|^segue a pagina\s+(\d{1,3})$|^a pagina\s+(\d{1,3})$/iu;
const JUMP_FROM = /^\(?\s*(?:continued|segue)\s+(?:from|da)\s+(?:page\s+|pagina\s+)?([A-Z]?\d{1,3})\s*\)?\.?$/iu;

/** A footnote's reference mark: an asterisk, a dagger, a superscript digit, a bracketed number. */
const FOOTNOTE_MARK = /^(?:[*†‡§¹²³⁴⁵⁶⁷⁸⁹]|\(\d{1,2}\)\s)/u;

/**
 * A footnote set under the text, smaller than it, opening with its reference mark ("* noms connus de la
 * rédaction"): taken off the last run, so that what stands above it (a signature) ends the text, and read after it.
 */
function takeFootnote(runs: FlowLine[][], runningSize: number): string | undefined {
  const run = runs.at(-1);
  if (!run) return undefined;
  let at = run.length;
  while (at > 0 && !run[at - 1].subhead && !run[at - 1].table && run[at - 1].size < 0.95 * runningSize) at--;
  if (at === run.length || at === 0 || !FOOTNOTE_MARK.test(run[at].text.trim())) return undefined;
  const lines = run.splice(at);
  return lines.map((l) => l.text.trim()).join(" ");
}

/**
 * The author's name signed at the end of the text, set apart (flush right, or in other type than the running text):
 * taken out of the text, for the byline. Runs are read in place: the signature's line is removed from its run. A
 * signature in other type may start on the text's last line, after its last sentence ("… connu. Professeur" |
 * "Junge, phare de la pensée du futur").
 */
function takeSignature(
  runs: FlowLine[][],
  running: { font: string; size: number } | undefined,
  maxLines: number,
): string | undefined {
  const run = runs.at(-1);
  const last = run?.at(-1);
  if (!run || !last || last.subhead || last.table) return undefined;
  const runOn = running && runOnSignature(run, running.font, maxLines);
  if (runOn) return runOn;
  if (!SIGNATURE.test(last.text.trim()) || Array.from(last.text).length > 40) return undefined;
  const others = runs.flat().filter((l) => l !== last && !l.subhead && !l.table);
  if (!others.length) return undefined;
  const left = Math.min(...others.map((l) => l.box[0]));
  const right = Math.max(
    ...others.filter((l) => Math.min(l.box[2], last.box[2]) - Math.max(l.box[0], last.box[0]) > 0).map((l) => l.box[2]),
  );
  const flushRight = last.box[0] > left + 3 * last.size && Math.abs(last.box[2] - right) < 1.5 * last.size;
  const otherType = !!running && (last.font ?? running.font) !== running.font;
  if (!flushRight && !otherType) return undefined;
  run.pop();
  if (!run.length) runs.pop();
  return last.text.trim();
}

/**
 * A signature in other type than `font` that starts after the last sentence of one of the run's last lines and
 * runs to its end: the lines after that one are all in the signature's type.
 */
function runOnSignature(run: FlowLine[], font: string, maxLines: number): string | undefined {
  let at = run.length - 1;
  const lastFont = run[at].tail?.font ?? run[at].font;
  if (lastFont === font) return undefined;
  // Back over whole lines in the signature's type (`maxLines` at most) to the line it starts on.
  while (at > 0 && !run[at].tail && run[at].font === lastFont && run.length - at <= maxLines) at--;
  const start = run[at];
  const tail = start.tail;
  if (!tail || tail.font !== lastFont || !start.text.trimEnd().endsWith(tail.text)) return undefined;
  if (run.slice(at + 1).some((l) => l.tail || l.font !== lastFont)) return undefined;
  const text = start.text.trimEnd().slice(0, -tail.text.length).trimEnd();
  const signature = [tail.text, ...run.slice(at + 1).map((l) => l.text.trim())].join(" ");
  if (!endsSentence(text) || !signedAfterText(signature)) return undefined;
  run.splice(at, run.length - at, { ...start, text, tail: undefined });
  return signature;
}

/**
 * Short lines just under the headline (or beside a vertical one) that read as a byline: "By …", a name, 记者 …; a
 * Chinese byline is also known by being set a little larger than the text. Rows, top to bottom.
 */
function bylineUnder(
  headBox: Box,
  textLines: readonly TextLine[],
  { vertical, bodySize, cjk, maxChars }: { vertical: boolean; bodySize: number; cjk: boolean; maxChars: number },
): TextLine[][] {
  const near = textLines.filter((l) => {
    const chars = Array.from(l.text.replace(/\s/gu, "")).length;
    if (chars > maxChars || /[。.!?！？]$/u.test(l.text)) return false;
    if (vertical) {
      const apart = Math.max(headBox[0] - l.box[2], l.box[0] - headBox[2]);
      return l.vertical && apart < 4 * bodySize && l.box[1] < headBox[3] && l.box[3] > headBox[1];
    }
    const below = l.box[1] >= headBox[3] - 2 && l.box[1] <= headBox[3] + 2.5 * bodySize;
    const overlap = Math.min(l.box[2], headBox[2]) - Math.max(l.box[0], headBox[0]);
    const nameLike = BY.test(l.text) || !!bylineLine(l.text) || !!bareName(l.text);
    return below && overlap > 0 && l.size >= bodySize * 0.95 && (nameLike || (cjk && l.size > bodySize * 1.03));
  });
  return rows(near);
}

/** A heading's text, row by row. */
function headingText(h: Heading, cjk: boolean): string {
  return joinRows(
    rows(h.lines).map((r) => rowText(r, cjk)),
    cjk,
  );
}

interface FigureContext {
  textLines: readonly TextLine[];
  /** Lines already read as something (a byline, a caption): not a caption again. */
  used: Set<TextLine>;
  inRunningType: (l: TextLine) => boolean;
  bodySize: number;
  gutter: number;
  cjk: boolean;
  /** More caption rows than this, in the text's own type, are the text. */
  maxCaptionRows: number;
}

/**
 * A figure with its caption (the rows right under it, within its width, unless they are the text going on), its
 * title (a heading set right above it, no wider than it) and its credit (printed on it, or split off the caption).
 * The caption's lines are marked used.
 */
function readFigure(
  f: PagePiece & { data: { figure: Figure } },
  titles: readonly (PagePiece & { data: { heading: Heading } })[],
  { textLines, used, inRunningType, bodySize, gutter, cjk, maxCaptionRows }: FigureContext,
): { figure: PdfFigure; title?: PagePiece & { data: { heading: Heading } } } {
  const box = f.box;
  const captionRows: TextLine[][] = [];
  let reach = box[3];
  const within = textLines.filter(
    (l) => !used.has(l) && l.box[0] >= box[0] - 2 && l.box[2] <= box[2] + 3 * bodySize && l.box[0] < box[2],
  );
  // A picture set inside a column of running text, the text above it stopping mid-sentence: what follows under it
  // in the same type is that text going on, not a caption.
  const above = within
    .filter((l) => l.box[3] <= box[1] + 1 && box[1] - l.box[3] < 2 * l.size)
    .sort((a, b) => b.box[3] - a.box[3])[0];
  const textGoesOn = !!above && inRunningType(above) && !endsSentence(above.text);
  for (const row of rows(within)) {
    const top = Math.min(...row.map((l) => l.box[1]));
    const middle = (top + Math.max(...row.map((l) => l.box[3]))) / 2;
    const size = Math.max(...row.map((l) => l.size));
    // Beside the picture, not under it; under the caption's first rows, a row set tight may overlap the one above.
    if (captionRows.length ? middle < reach : top < reach - 2) continue;
    if (top > reach + (captionRows.length ? 1.2 : 1.6) * size) break;
    if (textGoesOn && row.every(inRunningType)) break;
    // Running type in two columns side by side under a picture at the top of them: the text, not a caption.
    if (row.length > 1 && row.some(inRunningType) && inColumns(row, gutter)) break;
    captionRows.push(row);
    reach = Math.max(...row.map((l) => l.box[3]));
  }
  // More rows than a caption has, all in the running type: the text going on under a picture at its column's top.
  if (captionRows.length > maxCaptionRows && captionRows.every((row) => row.every(inRunningType))) {
    captionRows.length = 0;
  }
  for (const row of captionRows) for (const l of row) used.add(l);
  // A heading set right above the picture, no wider than it, is the chart's or photo's title.
  const title = titles.find(
    (p) =>
      p.box[3] <= box[1] + 2 && p.box[3] >= box[1] - 2 * bodySize && p.box[0] >= box[0] - 2 && p.box[2] <= box[2] + 2,
  );
  // A credit printed on the picture, with the rows that run on from it.
  const onPicture: TextLine[] = [];
  for (const row of rows(f.data.figure.lines)) {
    const last = onPicture.at(-1);
    const runsOn = last && Math.min(...row.map((l) => l.box[1])) - last.box[3] < 0.6 * last.size;
    if (CREDIT.test(rowText(row, cjk)) || (onPicture.length && runsOn)) onPicture.push(...row);
    else if (onPicture.length) break;
  }
  // Tidied after the credit is split off: spaces part the photographer's name from the caption and the role.
  const captionTexts = captionRows.map((r) => r.map((l) => l.text).join(" "));
  if (title) captionTexts.unshift(headingText(title.data.heading, cjk));
  let caption = captionTexts.length ? joinRows(captionTexts, cjk) : undefined;
  let credit =
    joinRows(
      rows(onPicture).map((r) => rowText(r, cjk)),
      cjk,
    ) || undefined;
  if (caption) {
    const split = splitCredit(caption);
    if (cjk) split.caption = tidyCjk(split.caption);
    if (split.credit) {
      caption = split.caption || undefined;
      credit = credit ? `${credit} ${split.credit}` : split.credit;
    } else if (!credit) {
      // 数据来源：… / 制图：… closes the caption: it is the figure's credit.
      const at = caption.search(CREDIT);
      if (at >= 0) {
        credit = caption.slice(at).trim();
        caption = caption.slice(0, at).trim() || undefined;
      }
    }
    if (caption && cjk) caption = tidyCjk(caption);
    // A credit keeps its spaces, as a byline does: 记者 王五 摄.
    if (credit) credit = credit.replace(/\s+/gu, " ");
  }
  return { figure: { box, caption, credit }, title };
}

type Item = { kind: "paragraph" | "subhead" | "table"; text: string };

/**
 * The paragraphs without what is not text: continuation markers and jump lines (recorded on the article), a
 * "By …" line, a dateline at the start (and the byline in it); Chinese, a byline line opening the text.
 */
function takeMarkers(
  items: Item[],
  article: PdfArticle,
  found: string | undefined,
  cjk: boolean,
): { items: Item[]; byline: string | undefined } {
  let byline = found;
  const kept: Item[] = [];
  for (const item of items) {
    if (item.kind === "paragraph") {
      const continued = takeContinuations(item.text);
      if (continued.from) article.continuedFrom = continued.from;
      if (continued.on) article.continuedOn = continued.on;
      const jump = JUMP.exec(continued.text);
      if (jump) {
        article.continuedOn = pageLabel(jump[1] ?? jump[2] ?? jump[3]);
        continue;
      }
      if (!byline && !kept.length && !cjk && BY.test(continued.text) && continued.text.length < 60) {
        byline = continued.text.replace(/^\S+\s+/u, "");
        continue;
      }
      if (!continued.text) continue;
      item.text = continued.text;
    }
    kept.push(item);
  }
  const first = kept[0];
  if (first?.kind === "paragraph") {
    const dateline = takeDateline(first.text);
    if (dateline) {
      article.dateline = dateline.dateline;
      if (dateline.byline) byline = dateline.byline;
      if (dateline.text) first.text = dateline.text;
      else kept.shift();
    } else if (cjk && !byline && bylineLine(first.text)) {
      byline = bylineLine(first.text);
      kept.shift();
    }
  }
  return { items: kept, byline };
}

/** Builds an article from its segment: its headline's region of the page, with what the segmenter gave it. */
/**
 * Text that is one quotation, between opening and closing quotation marks, and what follows it (who said it). A
 * closing mark may come inside the quotation, so the last one closes it.
 */
function quoted(text: string): { quote: string; by?: string } | undefined {
  const found = /^([«“„"‚‘「『][\s\S]*[»”"’」』])\s*([^«»“”„"「」『』]*)$/u.exec(text.trim());
  if (!found) return undefined;
  const by = found[2].replace(/^[—–-]\s*/u, "").trim();
  return by ? { quote: found[1], by } : { quote: found[1] };
}

export function buildArticle(segment: Segment<PagePiece["data"]>, context: ArticleContext): PdfArticle {
  const { body: bodySize, cjk, rules } = context;
  const prose = { cjk, language: context.language, words: context.words };
  const pieces = segment.pieces as PagePiece[];
  const headlinePiece = segment.headline as (PagePiece & { data: { heading: Heading } }) | undefined;
  const heading: HeadingFields = headlinePiece ? readHeading(headlinePiece.data.heading, cjk) : { headline: "" };
  const headBox = headlinePiece?.box;
  const vertical = headlinePiece?.data.heading.lines.some((l) => l.vertical) ?? false;

  const textLines = pieces.filter(isLine).map((p) => p.data.line);
  const figures = pieces.filter(isFigure);
  const tables = pieces.filter((p): p is PagePiece & { data: { table: Grid } } => "table" in p.data);
  const used = new Set<TextLine>();

  // Kicker printed as its own heading above the headline.
  const otherHeadings = pieces.filter((p) => isHeading(p) && p !== headlinePiece) as (PagePiece & {
    data: { heading: Heading };
  })[];
  let kicker = heading.kicker;
  const subheadCandidates = otherHeadings.filter((p) => {
    const above = headBox && p.box[3] <= headBox[1] + 1 && p.box[3] >= headBox[1] - 3 * bodySize;
    if (above && !kicker && !p.data.heading.lines.some((l) => l.vertical)) {
      kicker = headingText(p.data.heading, cjk);
      return false;
    }
    return true;
  });

  // Byline: short lines just under (or, for a vertical headline, beside) the headline.
  const bylineRows = headBox
    ? bylineUnder(headBox, textLines, { vertical, bodySize, cjk, maxChars: rules.bylineChars })
    : [];
  for (const row of bylineRows) for (const l of row) used.add(l);

  const titled = new Set<PagePiece>();
  let jumpTo: string | undefined;
  let jumpFrom: string | undefined;
  const running = runningType(textLines);
  const inRunningType = (l: TextLine) =>
    !!running && l.font === running.font && Math.abs(l.size - running.size) <= 0.1 * running.size;
  // Captions: lines right under a figure, within its width; credits on or under it.
  const figureContext = {
    textLines,
    used,
    inRunningType,
    bodySize,
    gutter: rules.gapRatio * bodySize,
    cjk,
    maxCaptionRows: rules.maxCaptionRows,
  };
  const pdfFigures: PdfFigure[] = figures.map((f) => {
    const { figure, title } = readFigure(f, subheadCandidates, figureContext);
    if (title) titled.add(title);
    return figure;
  });

  // A pull quote repeats the text; it is not read twice.
  const subheadPieces = subheadCandidates.filter((p) => !titled.has(p) && !p.data.heading.quote);

  // Jump lines (Continued on A4, segue a pagina 24) stand on a line of their own.
  for (const l of textLines) {
    const jump = !used.has(l) && JUMP.exec(l.text.trim());
    const from = !used.has(l) && JUMP_FROM.exec(l.text.trim());
    if (jump) jumpTo = pageLabel(jump[1] ?? jump[2] ?? jump[3]);
    if (from) jumpFrom = pageLabel(from[1]);
    if (jump || from) used.add(l);
  }
  // The body: the remaining lines and subheads in reading order, run by run, joined into paragraphs as printed.
  const bodyLines = textLines.filter((l) => !used.has(l) && !l.vertical);
  const flow: FlowLine[] = [
    ...bodyLines.map((line) => {
      const text = cjk ? tidyCjk(line.text) : line.text;
      // A title run in is printed bold and larger: it is set in bold at the start of its paragraph.
      const lead = line.lead && text.startsWith(line.lead.text) ? line.lead.text : undefined;
      return {
        box: line.box,
        size: line.size,
        font: line.font,
        tail: line.tail,
        text: lead ? `**${lead}**${text.slice(lead.length)}` : text,
        lead: !!lead,
      };
    }),
    ...subheadPieces.map((p) => ({
      box: p.box,
      size: bodySize,
      text: headingText(p.data.heading, cjk),
      subhead: true,
    })),
    ...tables.map((p) => ({ box: p.box, size: bodySize, text: markdownTable(p.data.table.rows), table: true })),
  ];
  const runs = readingRuns(flow, {
    columnGap: rules.gapRatio * bodySize,
    rowGap: 1.5 * bodySize,
    closeRowGap: 0.5 * bodySize,
    floating: (l) => !!l.subhead,
  });
  const footnote = running && takeFootnote(runs, running.size);
  const signature = cjk ? undefined : takeSignature(runs, running, rules.maxSignatureLines);
  const flowed: Item[] = [
    ...flowParagraphs(runs, { ...prose, ...rules }),
    ...(footnote ? [{ kind: "paragraph" as const, text: footnote }] : []),
  ];
  // Lines of running text: the article's own text size (most of its characters), if that is text type at all.
  const runningSize = bodyLines.length ? mostUsedSize(bodyLines) : 0;
  const textType = runningSize >= 0.7 * bodySize && runningSize < rules.displayRatio * bodySize;
  const runningLines = textType
    ? bodyLines.filter((l) => Math.abs(l.size - runningSize) <= 0.1 * runningSize).length
    : 0;
  // Nothing but display type under the headline, or hardly any running text beside a quotation set large (a quote
  // in a box): that is the article's text, and who is quoted, after the quotation, its byline.
  const quotation =
    runningLines < rules.minTextLines ? flowed.find((i) => i.kind === "subhead" && quoted(i.text)) : undefined;
  const said = quotation && quoted(quotation.text);
  const boxed = !!quotation || flowed.every((i) => i.kind === "subhead");
  const items: Item[] = boxed
    ? flowed.map((i) => ({ ...i, kind: "paragraph" as const, text: i === quotation && said ? said.quote : i.text }))
    : flowed;
  const attribution = said?.by;

  const article: PdfArticle = {
    column: heading.column,
    kicker: kicker || undefined,
    headline: heading.headline,
    subtitle: heading.subtitle,
    body: "",
    subheads: [],
    paragraphs: 0,
    figures: pdfFigures,
    lines: [
      ...textLines.flatMap((l) => (l.dropCap ? [l.box, l.dropCap] : [l.box])),
      ...(headlinePiece ? headlinePiece.data.heading.lines.map((l) => l.box) : []),
    ],
    box: union(pieces.map((p) => p.box)),
    textLines: 0,
  };
  // Every heading of the article (subheads, a chart's title, a pull quote) lies inside its area too.
  for (const p of otherHeadings) article.lines.push(...p.data.heading.lines.map((l) => l.box));
  for (const p of tables) article.lines.push(p.box);

  if (jumpTo) article.continuedOn = jumpTo;
  if (jumpFrom) article.continuedFrom = jumpFrom;
  article.textLines = runningLines;
  // A quote set large as the box's text counts as its running text.
  if (boxed) article.textLines += subheadPieces.reduce((n, p) => n + p.data.heading.lines.length, 0);
  // Spaces in a byline are kept: they part the names (周 江  张济坤).
  let byline =
    bylineRows
      .map((row) =>
        row
          .map((l) => l.text)
          .join(" ")
          .replace(/\s+/gu, " "),
      )
      .join(" ")
      .trim() || undefined;
  if (byline && !cjk) byline = byline.replace(BY, (m) => m.slice(m.search(/\s/u) + 1).trimStart()).trim();

  // Continuation markers and jump lines come off the paragraphs; a dateline and its byline off the first one.
  const taken = takeMarkers(items, article, byline, cjk);
  const kept = taken.items;
  byline = taken.byline;
  const last = kept.at(-1);
  if (last?.kind === "paragraph" && NOTE.test(last.text)) article.note = last.text;
  // The text's last paragraph, before an author note or a footnote.
  const lastText = kept.filter((i) => i.kind === "paragraph" && !NOTE.test(i.text) && i.text !== footnote).at(-1)?.text;
  const complete = (text: string) => endsSentence(text) || endsWithAddress(text);
  if (heading.headline && lastText && !complete(lastText) && !article.continuedOn) {
    context.warn(
      `«${heading.headline}» ends mid-sentence («${Array.from(lastText).slice(-12).join("")}»): is a part of it elsewhere?`,
    );
  }
  article.byline = byline ?? signature ?? attribution;
  article.subheads = kept.filter((i) => i.kind === "subhead").map((i) => i.text);
  article.paragraphs = kept.filter((i) => i.kind === "paragraph").length;
  article.body = kept
    .map((i) =>
      i.kind === "table"
        ? i.text
        : i.kind === "subhead"
          ? `### ${i.text}`
          : /^(?:#{1,6}\s|[-+*]\s|\d+[.)]\s|>)/u.test(i.text)
            ? `\\${i.text}`
            : i.text,
    )
    .join("\n\n");
  return article;
}
