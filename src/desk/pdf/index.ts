// Imports a page from its PDF alone: reads the type and geometry, finds the articles, says what it left out.
import { pageWords } from "../prose/hyphenation.ts";
import { isCjkText, proseLanguage } from "../prose/language.ts";
import { ADDRESS } from "../prose/sentences.ts";
import { buildArticle, type PdfArticle } from "./article.ts";
import { belongsToArticle } from "./belongs.ts";
import { splitRunIn, splitSigned } from "./letters.ts";
import type { Box } from "./boxes.ts";
import { pageIdentity, type PageIdentity } from "./identity.ts";
import { pagePieces } from "./pieces.ts";
import { readPage } from "./read.ts";
import { layoutRules, type LayoutRules } from "./rules.ts";
import { segmentPage } from "./segment.ts";
import { UnreadableTextLayer, unreadableShare } from "./unreadable.ts";

export type { PdfArticle, PdfFigure } from "./article.ts";
export type { Box } from "./boxes.ts";

export interface PdfImportOptions {
  /** Which page of the PDF, from 0. */
  pageIndex?: number;
  /** "zh", "en", … ; detected from the page's text when not given. */
  locale?: string;
  /** Thresholds other than the defaults (rules.ts). */
  rules?: Partial<LayoutRules>;
}

export interface PdfFurniture {
  header: string[];
  footer: string[];
  banners: string[];
  credits: string[];
  /** The editor named in the page's credits (本版编辑：…), for page.yml. */
  editor?: string;
}

/** Something printed on the page that is no article: no article's area may cover it. */
export interface LeftOut {
  what: "advertisement" | "banner" | "furniture" | "no headline" | "puzzle";
  box: Box;
  /** Its headline or first words, for the import report. */
  text: string;
}

export interface PdfPage {
  /** Page size in PDF points; article boxes are in the same units, y growing down. */
  width: number;
  height: number;
  locale: string;
  articles: PdfArticle[];
  /** What was printed but is no article: advertisements, puzzles, furniture, text with no headline. */
  leftOut: LeftOut[];
  /** What the running head says of the page: section, date, folio. */
  identity: PageIdentity;
  /** Advertisements left out, with their bounds (PDF points) and first words. */
  advertisements: { box: Box; text: string }[];
  furniture: PdfFurniture;
  warnings: string[];
}

/**
 * Articles in reading order: rows of articles that start about level with each other (within `level` points of the
 * row's first), rows top to bottom, each row left to right. Grouping first keeps the order transitive.
 */
export function readingOrder<A extends { box: Box }>(articles: readonly A[], level: number): A[] {
  const rows: A[][] = [];
  for (const article of [...articles].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0])) {
    const row = rows.at(-1);
    if (row && article.box[1] - row[0].box[1] < level) row.push(article);
    else rows.push([article]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.box[0] - b.box[0]));
}

const NUMBER_RUN = /\+?\d[\d ./()-]{6,}\d/gu;

/**
 * Whether the text gives an address to call or visit: a web or e-mail address, or a number of nine digits or more
 * (a telephone's; a date has eight at most).
 */
function givesContact(text: string): boolean {
  return ADDRESS.test(text) || [...text.matchAll(NUMBER_RUN)].some((m) => m[0].replace(/\D/gu, "").length >= 9);
}

/**
 * What a segment is when it is no article, and why (for the report): text with no headline, a headline with almost
 * no text (a banner, a logo), wares and an address with not one sentence, display type with hardly a line of running
 * text and no captioned picture (an advertisement, a notice). Undefined for an article.
 */
export function leaveOut(article: PdfArticle, rules: LayoutRules): { what: LeftOut["what"]; why?: string } | undefined {
  const chars = Array.from(article.body.replace(/\s/gu, "")).length;
  if (!article.headline) {
    const text = chars >= rules.minArticleChars;
    return {
      what: text || article.figures.length ? "no headline" : "furniture",
      why: text ? `text with no headline was left out: «${article.body.slice(0, 24)}…»` : undefined,
    };
  }
  if (chars < rules.minArticleChars && !article.figures.length) {
    return {
      what: "banner",
      why: `«${article.headline}» has a headline but almost no text; left out (a banner or a logo?)`,
    };
  }
  const captioned = article.figures.some((f) => f.caption || f.credit);
  // Not one sentence in the text, but an address to call or visit: an advertisement's list of wares.
  const prose = article.body
    .split("\n\n")
    .filter((p) => !p.startsWith("|") && !p.startsWith("#"))
    .some((p) => /[.!?。！？…](?:\s|[”’"»)）]|$)/u.test(p));
  if (!prose && givesContact(article.body)) {
    return {
      what: "advertisement",
      why: `«${article.headline}» is no prose, only wares and an address (an advertisement); left out`,
    };
  }
  if (article.textLines < rules.minTextLines && !captioned) {
    return {
      what: "advertisement",
      why: `«${article.headline}» has almost no running text (an advertisement?); left out`,
    };
  }
  return undefined;
}

/** Reads one page PDF into its articles in reading order. */
export function importPdfPage(bytes: Uint8Array, options: PdfImportOptions = {}): PdfPage {
  const rules = layoutRules(options.rules);
  const drawing = readPage(bytes, options.pageIndex ?? 0, rules);
  const unreadable = unreadableShare(drawing.lines);
  if (unreadable >= rules.unreadableShare) throw new UnreadableTextLayer(unreadable);
  const allText = drawing.lines.map((l) => l.text).join(" ");
  const locale = options.locale ?? (isCjkText(allText) ? "zh" : "en");
  const cjk = locale.startsWith("zh") || locale.startsWith("ja") || locale.startsWith("ko");
  const language = cjk ? locale.slice(0, 2) : proseLanguage(allText);
  const words = pageWords(drawing.lines.map((l) => l.text));
  const { body, pieces, furniture, separators, puzzles } = pagePieces(drawing, rules);
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);
  for (const puzzle of puzzles) {
    warn(
      `a puzzle grid (${puzzle.lines.length} cells${puzzle.title ? `, «${puzzle.title}»` : ""}) was left out: it is not prose`,
    );
  }

  const articles: PdfArticle[] = [];
  const leftOut: LeftOut[] = puzzles.map((p) => ({ what: "puzzle", box: p.box, text: p.title ?? "" }));
  // Each line and picture of what is left out, not their bounds: those may reach around an article's text.
  const advertisements: { box: Box; text: string }[] = [];
  const leave = (what: LeftOut["what"], article: PdfArticle) => {
    const text = article.headline || article.body.slice(0, 40);
    for (const box of [...article.lines, ...article.figures.map((f) => f.box)]) leftOut.push({ what, box, text });
    // Display type without running text (a few lines of it), or a picture and no headline: an advertisement.
    const ad =
      what === "advertisement" ||
      (what === "banner" && article.lines.length >= 3) ||
      (what === "no headline" && article.figures.length > 0);
    if (ad && article.box.every(Number.isFinite)) {
      advertisements.push({ box: article.box, text });
    }
  };
  const segments = segmentPage(pieces, {
    rules: separators,
    minGap: rules.gapRatio * body,
    layout: rules,
    belongs: belongsToArticle(
      drawing.lines,
      rules,
      furniture.banners.map((l) => l.box),
    ),
  });
  const order = { columnGap: rules.gapRatio * body, rowGap: 1.5 * body, closeRowGap: 0.5 * body };
  for (const { segment, column } of segments.flatMap((s) => {
    const signed = splitSigned(s, order);
    const split = signed.column ? signed : splitRunIn(s, order);
    return split.segments.map((segment) => ({ segment, column: split.column }));
  })) {
    // What the article's reading found to say (it ends mid-sentence) counts only for an article kept.
    const noticed: string[] = [];
    const article = buildArticle(segment, { body, cjk, language, words, rules, warn: (m) => noticed.push(m) });
    // Letters under the page's "Letters" heading: that heading is their column.
    if (column && segment.headline !== column && "heading" in column.data) {
      article.column ??= column.data.heading.lines.map((l) => l.text).join(" ");
    }
    const left = leaveOut(article, rules);
    if (left) {
      if (left.why) warn(left.why);
      leave(left.what, article);
      continue;
    }
    noticed.forEach(warn);
    articles.push(article);
  }
  const ordered = readingOrder(articles, 0.05 * drawing.height);
  const texts = (lines: { text: string }[]) => lines.map((l) => l.text);
  return {
    width: drawing.width,
    height: drawing.height,
    locale,
    articles: ordered,
    identity: pageIdentity(furniture.header, furniture.footer),
    advertisements,
    leftOut: [
      ...leftOut,
      ...[
        ...furniture.header,
        ...furniture.footer,
        ...furniture.banners,
        ...furniture.credits,
        ...furniture.labels,
      ].map((l) => ({
        what: "furniture" as const,
        box: l.box,
        text: l.text,
      })),
    ],
    furniture: {
      header: texts(furniture.header),
      footer: texts(furniture.footer),
      banners: texts(furniture.banners),
      credits: texts(furniture.credits),
      editor: furniture.editor,
    },
    warnings,
  };
}
