// Reads a page's text dump into its articles: banner, kicker, headline, subtitle, byline, dateline, captions, body.
import { toBlocks, unbold, type Block } from "./blocks.ts";
import { takeContinuations, takeMark } from "../prose/markers.ts";
import { bareName, bylineLine, splitCredit, takeDateline } from "../prose/people.ts";
import { ImportError, quote, type ImportWarning } from "./problems.ts";
import { isCjkText, proseLanguage } from "../prose/language.ts";
import { joinLines } from "../prose/paragraphs.ts";
import { endsSentence, squeezeSpaces, startsListItem } from "../prose/sentences.ts";

export interface DumpFigure {
  caption?: string;
  credit?: string;
  line: number;
}

/** One article as the dump prints it; file names and story keys are decided later (import-page.ts). */
export interface DumpArticle {
  line: number;
  column?: string;
  kicker?: string;
  headline: string;
  subtitle?: string;
  dateline?: string;
  byline?: string;
  mark?: string;
  figures: DumpFigure[];
  continuedFrom?: string;
  continuedOn?: string;
  /** Markdown: paragraphs and ### subheads, one blank line between. */
  body: string;
  paragraphs: number;
}

export interface ParsedDump {
  articles: DumpArticle[];
  warnings: ImportWarning[];
}

type BodyItem = { kind: "paragraph" | "subhead"; text: string; line: number };

/** A line this short with no full stop can be a kicker, a caption or a subtitle rather than a paragraph. */
const SHORT = 30;
const CAPTION_MAX = 40;
/** Columns whose articles are commentaries, under which a bare name is the author. */
const COMMENTARY = /评|论|谈|观点|声音|视点|随笔|杂文|札记|漫笔|快语|言/u;
/** 【时评】 at the start of a headline is the article's column. */
const BRACKET_COLUMN = /^【([^【】]{1,12})】\s*/u;

function chars(text: string): number {
  return Array.from(text).length;
}

function isKicker(block: Block, before: Block | undefined, headline: Block): boolean {
  if (block.kind !== "text" || headline.gap > 1) return false;
  // A short line after a wide gap is a photo caption of the article above, not this one's kicker.
  if (block.gap > 1 && before && before.kind !== "banner") return false;
  const text = block.text;
  return (
    chars(unbold(text)) <= SHORT &&
    !endsSentence(text) &&
    !takeMark(text).mark &&
    !bylineLine(text) &&
    !splitCredit(text).credit &&
    !takeDateline(text) &&
    !/^(?:——|--)/u.test(text) &&
    takeContinuations(text).text === text
  );
}

function isCommentary(column: string | undefined): boolean {
  return column !== undefined && chars(column) <= 12 && COMMENTARY.test(column);
}

/** A bold-only line (**营造“创文”氛围**) that reads as a subhead, not as a bold sentence. */
function boldSubhead(text: string): string | undefined {
  const match = /^\*\*([^*]+)\*\*$/u.exec(text.trim());
  if (!match) return undefined;
  const inner = match[1].trim();
  return inner && chars(inner) <= SHORT && !/[。！？!?]$/u.test(inner) ? inner : undefined;
}

/** Body blocks as paragraphs and subheads: ### lines and bold-only lines are subheads. */
function bodyItems(blocks: Block[]): BodyItem[] {
  return blocks.flatMap((block): BodyItem[] => {
    if (block.kind === "subhead") return [{ kind: "subhead", text: block.text, line: block.line }];
    if (block.kind !== "text") return [];
    const subhead = boldSubhead(block.text);
    return [{ kind: subhead ? "subhead" : "paragraph", text: subhead ?? block.text, line: block.line }];
  });
}

/** Markdown would read a paragraph starting "1. " or "- " as a list; the print text means plain text. */
function escapeParagraph(text: string): string {
  return /^(?:#{1,6}\s|[-+*]\s|\d+[.)]\s|>)/u.test(text) ? `\\${text}` : text;
}

interface Header {
  subtitle: string[];
  bylines: string[];
  figures: DumpFigure[];
  /** An editor's mark printed after a caption. */
  mark?: string;
  rest: Block[];
}

/** Takes one line into the header if it is a subtitle, byline or caption; false once the text has begun. */
function readHeaderLine(
  header: Header,
  text: string,
  line: number,
  at: { gap: number; beforeDateline: boolean; commentary: boolean },
): boolean {
  const underHeadline = !header.bylines.length && !header.figures.length;
  if (/^(?:——|—|--|－－)\s*\S/u.test(unbold(text)) && !header.figures.length) {
    header.subtitle.push(squeezeSpaces(unbold(text)));
    return true;
  }
  if (boldSubhead(text)) return false;
  const byline = bylineLine(text);
  if (byline) {
    header.bylines.push(byline);
    return true;
  }
  const name = bareName(text);
  // Under a commentary's headline a bare name is its author; elsewhere only a name too short to be a phrase.
  if (name && (name.decorated || (at.gap <= 1 && underHeadline && (at.commentary || chars(name.name) <= 3)))) {
    header.bylines.push(name.name);
    return true;
  }
  if (takeDateline(text)) return false;
  const { text: plain, mark } = takeMark(text);
  const credited = splitCredit(plain);
  // Where a photo sits the dump has a wide gap, then the caption: short, or ending with the photographer's credit.
  // Without the gap, a short line just before the dateline that starts the text can only be a caption too.
  const captionLike = credited.credit !== undefined || (chars(plain) <= CAPTION_MAX && !endsSentence(plain));
  if ((at.gap > 1 || at.beforeDateline) && captionLike) {
    header.figures.push({ caption: credited.caption || undefined, credit: credited.credit, line });
    if (mark) header.mark = mark;
    return true;
  }
  // A plain line right under the headline, shorter than any paragraph and without a comma, is a subtitle.
  const plainSubtitle =
    underHeadline &&
    !header.subtitle.length &&
    at.gap <= 1 &&
    !name &&
    chars(text) <= SHORT &&
    !/[。！？!?，,、；;：:]/u.test(text);
  if (plainSubtitle) header.subtitle.push(squeezeSpaces(text));
  return plainSubtitle;
}

/**
 * Reads what stands between the headline and the text: subtitles (——…), bylines, and photo captions where the
 * photo sits. Stops at the first line that is none of these; the rest is the article's text.
 */
function readHeader(blocks: Block[], commentary: boolean): Header {
  const header: Header = { subtitle: [], bylines: [], figures: [], rest: [] };
  for (let b = 0; b < blocks.length; b++) {
    const { kind, text, line, gap } = blocks[b];
    const next = blocks[b + 1];
    const beforeDateline = next?.kind === "text" && takeDateline(next.text) !== undefined;
    if (kind !== "text" || !readHeaderLine(header, text, line, { gap, beforeDateline, commentary })) {
      header.rest = blocks.slice(b);
      return header;
    }
  }
  return header;
}

interface ArticleDraft {
  headlineBlock: Block;
  kicker?: string;
  content: Block[];
}

function buildArticle(
  draft: ArticleDraft,
  column: string | undefined,
  file: string,
  warn: (message: string, line?: number) => void,
): DumpArticle {
  const headlineLine = draft.headlineBlock.line;
  let headline = squeezeSpaces(draft.headlineBlock.text);
  const bracket = BRACKET_COLUMN.exec(headline);
  if (bracket) {
    column = bracket[1].trim();
    headline = headline.slice(bracket[0].length).trim();
  }
  if (!headline) {
    const printed = draft.headlineBlock.text;
    throw new ImportError(
      file,
      `the headline ${quote(printed)} is only a column; put the headline after it`,
      headlineLine,
    );
  }

  const header = readHeader(draft.content, isCommentary(column));
  const article: DumpArticle = {
    line: headlineLine,
    column,
    kicker: draft.kicker,
    headline,
    subtitle: header.subtitle.length ? header.subtitle.join(" ") : undefined,
    byline: header.bylines.length ? header.bylines.join(" ") : undefined,
    mark: header.mark,
    figures: header.figures,
    body: "",
    paragraphs: 0,
  };

  // Marks and continuation markers come off every paragraph; the last mark printed is the article's mark.
  const ends = new Set<BodyItem>();
  const items: BodyItem[] = [];
  for (const item of bodyItems(header.rest)) {
    if (item.kind === "subhead") {
      items.push(item);
      continue;
    }
    const continued = takeContinuations(item.text);
    if (continued.from) article.continuedFrom = continued.from;
    if (continued.on) article.continuedOn = continued.on;
    if (continued.unreadable) {
      warn(`cannot read the page number in ${continued.unreadable}; it was left in the text`, item.line);
    }
    const marked = takeMark(continued.text);
    if (marked.mark) article.mark = marked.mark;
    if (!marked.text) continue;
    item.text = marked.text;
    if (marked.mark) ends.add(item);
    items.push(item);
  }

  const first = items[0];
  if (first?.kind === "paragraph") {
    const dateline = takeDateline(first.text);
    if (dateline) {
      article.dateline = dateline.dateline;
      if (dateline.unclear) {
        warn(`cannot tell the byline after ${dateline.dateline} from the text; check the first paragraph`, first.line);
      }
      if (dateline.byline) {
        if (article.byline && article.byline !== dateline.byline) {
          const both = `${quote(article.byline)} under the headline and ${quote(dateline.byline)} after the dateline`;
          warn(`two bylines: ${both}; kept the second`, first.line);
        }
        article.byline = dateline.byline;
      }
      if (dateline.text) first.text = dateline.text;
      else items.shift();
    }
  }

  // Photo news: the headline, then one caption paragraph ending with the photographer's credit, and no text.
  const only = items.length === 1 ? items[0] : undefined;
  if (only?.kind === "paragraph" && !article.figures.length && !article.dateline) {
    const credited = splitCredit(only.text);
    if (credited.credit) {
      article.figures.push({ caption: credited.caption, credit: credited.credit, line: only.line });
      items.length = 0;
    }
  }

  // A column break cuts a paragraph in two; the first half then ends without a full stop. Real paragraphs end in one.
  const body: BodyItem[] = [];
  // Halves of a paragraph are joined as the PDF import joins lines: a Latin word broken by a hyphen made whole.
  const all = items.map((i) => i.text).join(" ");
  const prose = { cjk: isCjkText(all), language: proseLanguage(all) };
  for (const item of items) {
    const previous = body.at(-1);
    if (
      item.kind === "paragraph" &&
      previous?.kind === "paragraph" &&
      !ends.has(previous) &&
      !endsSentence(previous.text) &&
      !startsListItem(item.text)
    ) {
      previous.text = joinLines(previous.text, item.text, prose);
      if (ends.has(item)) ends.add(previous);
    } else {
      body.push(item);
    }
  }

  const last = body.at(-1);
  if (last?.kind === "paragraph" && !ends.has(last) && !endsSentence(last.text) && !article.continuedOn) {
    const ending = quote(Array.from(last.text).slice(-12).join(""));
    warn(`${quote(headline)} ends mid-sentence (${ending}): is text missing?`, last.line);
  }
  if (!body.length && !article.figures.length) warn(`${quote(headline)} has a headline but no text`, headlineLine);

  article.body = body
    .map((item) => (item.kind === "subhead" ? `### ${item.text}` : escapeParagraph(item.text)))
    .join("\n\n");
  article.paragraphs = body.filter((item) => item.kind === "paragraph").length;
  return article;
}

/** Parses a page dump. `file` names the dump in errors and warnings. */
export function parseDump(text: string, file: string): ParsedDump {
  const warnings: ImportWarning[] = [];
  const warn = (message: string, line?: number) => warnings.push({ line, message });
  const blocks = toBlocks(text);

  const headlines = blocks.flatMap((block, index) => (block.kind === "headline" ? [index] : []));
  if (!headlines.length) {
    throw new ImportError(
      file,
      `no headline found: each article's headline must be on its own line starting with "## "`,
    );
  }
  // Where each article starts: at its kicker if the line just above the headline is one.
  const starts = headlines.map((h) => (h > 0 && isKicker(blocks[h - 1], blocks[h - 2], blocks[h]) ? h - 1 : h));

  let banner: { text: string; line: number; used: number } | undefined;
  const takeBanners = (region: Block[]) => {
    for (const block of region) {
      if (block.kind !== "banner") continue;
      if (banner && !banner.used) warn(`banner ${quote(banner.text)} is followed by no article`, banner.line);
      banner = { text: squeezeSpaces(block.text), line: block.line, used: 0 };
    }
  };

  const preamble = blocks.slice(0, starts[0]);
  takeBanners(preamble);
  for (const block of preamble) {
    if (block.kind === "banner") continue;
    warn(`text before the first headline belongs to no article and was left out: ${quote(block.text)}`, block.line);
  }

  const articles: DumpArticle[] = [];
  headlines.forEach((h, index) => {
    const end = index + 1 < starts.length ? starts[index + 1] : blocks.length;
    const region = blocks.slice(h + 1, end);
    const kicker = starts[index] < h ? unbold(blocks[h - 1].text) : undefined;
    // A kicker that is only 【时评】 is the column, printed above the headline.
    const columnOnly = kicker ? /^【([^【】]{1,12})】$/u.exec(kicker) : null;
    const draft: ArticleDraft = {
      headlineBlock: blocks[h],
      kicker: kicker && !columnOnly ? squeezeSpaces(kicker) : undefined,
      content: region.filter((block) => block.kind !== "banner"),
    };
    let column = columnOnly ? columnOnly[1].trim() : undefined;
    // A banner covers the first article under it and every following one that has a kicker, as laid out in print.
    if (banner && (banner.used === 0 || draft.kicker)) {
      column ??= banner.text;
      banner.used++;
    } else {
      banner = undefined;
    }
    articles.push(buildArticle(draft, column, file, warn));
    takeBanners(region);
  });
  if (banner && !banner.used) warn(`banner ${quote(banner.text)} is followed by no article`, banner.line);
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { articles, warnings };
}
