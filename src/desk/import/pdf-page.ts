// From a page PDF to the page's article files' contents, in the same form as a dump's import (import-page.ts).
import type { ArticleFields, FigureFields } from "../../content/schema.ts";
import { finishArea, type Rect } from "../../model/geometry.ts";
import { outlineArticles } from "../hotspots/outline.ts";
import { importPdfPage, type Box, type PdfArticle, type PdfPage } from "../pdf/index.ts";
import { finishArticle, uniqueSlugs, type ImportedArticle } from "./import-page.ts";
import { ImportError, type ImportWarning } from "./problems.ts";
import { UnreadableTextLayer } from "../pdf/unreadable.ts";
import { widenPunctuation } from "./punctuation.ts";

export interface PdfImportOptions {
  /** The PDF's name in errors and warnings. */
  source: string;
  /** "zh", "en", …; detected from the text when not given. */
  locale?: string;
  /** Keep ASCII punctuation in Chinese text as printed (else ，；：？！“”). */
  keepPunctuation?: boolean;
}

export interface ImportedPdfPage {
  articles: ImportedArticle[];
  warnings: ImportWarning[];
  /** The editor named in the page's credits, for page.yml. */
  editor?: string;
  /** What was read, boxes and all (for the areas of a dump's articles, for measuring). */
  pdf: PdfPage;
  /** The figures' files, to be cut from the page PDF: where each is printed, in PDF points. */
  crops: { file: string; box: Box }[];
  /** Advertisements left out, for page.yml: their areas in fractions of the page. */
  advertisements: { area: Rect; text?: string }[];
}

const toRect = (b: Box): Rect => [b[0], b[1], b[2] - b[0], b[3] - b[1]];

/** Each article's area: one outline per article that follows its columns, no two overlapping (hotspots/outline.ts). */
export function pdfAreas(pdf: PdfPage, articles: readonly PdfArticle[] = pdf.articles): ArticleFields["area"][] {
  const outlines = outlineArticles({
    width: pdf.width,
    height: pdf.height,
    articles: articles.map((a) => ({ lines: a.lines.map(toRect), figures: a.figures.map((f) => toRect(f.box)) })),
    avoid: pdf.leftOut.map((l) => toRect(l.box)),
  });
  return outlines.map((outline) => outline ?? undefined);
}

/** The page read, or the import refused naming the file when its text layer cannot be read. */
function readOrRefuse(bytes: Uint8Array, options: Pick<PdfImportOptions, "source" | "locale">): PdfPage {
  try {
    return importPdfPage(bytes, { locale: options.locale });
  } catch (error) {
    if (error instanceof UnreadableTextLayer) throw new ImportError(options.source, error.message);
    throw error;
  }
}

/** Imports a page PDF's bytes: the articles in reading order, ready for formatArticleFile. */
export function importPdf(bytes: Uint8Array, options: PdfImportOptions): ImportedPdfPage {
  const pdf = readOrRefuse(bytes, options);
  const warnings: ImportWarning[] = pdf.warnings.map((message) => ({ message }));
  if (!pdf.articles.length) {
    warnings.push({
      message: "no article found: the page has no headline set larger than its text (a scan without text?)",
    });
  }
  const cjk = /^(?:zh|ja|ko)/u.test(pdf.locale);
  const tidy = (text: string | undefined) =>
    text === undefined || options.keepPunctuation || !cjk ? text : widenPunctuation(text);
  const slugs = uniqueSlugs(pdf.articles, { source: options.source });
  const areas = pdfAreas(pdf);
  const crops: ImportedPdfPage["crops"] = [];

  const articles = pdf.articles.map((article, index): ImportedArticle => {
    const name = `${String(index + 1).padStart(2, "0")}-${slugs[index]}`;
    const figures = article.figures.map((figure, n): FigureFields => {
      const file = `photos/${name}-${n + 1}.jpg`;
      crops.push({ file, box: figure.box });
      return { file, caption: tidy(figure.caption), credit: tidy(figure.credit) };
    });
    const continued = article.continuedFrom !== undefined || article.continuedOn !== undefined;
    const fields: ArticleFields = {
      column: tidy(article.column),
      kicker: tidy(article.kicker),
      headline: tidy(article.headline)!,
      subtitle: tidy(article.subtitle),
      dateline: tidy(article.dateline),
      byline: article.byline,
      figures: figures.length ? figures : undefined,
      area: areas[index],
      story: continued ? slugs[index] : undefined,
      continued_from: article.continuedFrom,
      continued_on: article.continuedOn,
    };
    finishArticle(fields, { name, slug: slugs[index], source: options.source, line: 0 }, warnings);
    return { name, fields, body: tidy(article.body)!, line: 0, paragraphs: article.paragraphs };
  });
  if (crops.length) {
    const files = crops.map((c) => c.file).join(", ");
    warnings.push({
      message: `the figures were cut from the PDF (${files}); replace them with the original photos if you have them`,
    });
  }
  const advertisements = pdf.advertisements.map((ad) => ({
    area: finishArea([
      ad.box[0] / pdf.width,
      ad.box[1] / pdf.height,
      (ad.box[2] - ad.box[0]) / pdf.width,
      (ad.box[3] - ad.box[1]) / pdf.height,
    ]),
    text: ad.text.replace(/\s+/gu, " ").slice(0, 60) || undefined,
  }));
  for (const ad of advertisements)
    warnings.push({ message: `an advertisement was left out («${ad.text ?? "a picture"}»); listed in page.yml` });
  return { articles, warnings, editor: pdf.furniture.editor, pdf, crops, advertisements };
}

/** Character pairs of a text, without spaces and punctuation: what two readings of one article share. */
function bigrams(text: string): Map<string, number> {
  const chars = Array.from(text.replace(/[\s\p{P}\p{S}]/gu, ""));
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++)
    counts.set(chars[i] + chars[i + 1], (counts.get(chars[i] + chars[i + 1]) ?? 0) + 1);
  return counts;
}

function similarity(a: Map<string, number>, b: Map<string, number>): number {
  let common = 0;
  let na = 0;
  let nb = 0;
  for (const v of a.values()) na += v;
  for (const v of b.values()) nb += v;
  for (const [k, v] of a) common += Math.min(v, b.get(k) ?? 0);
  return na && nb ? (2 * common) / (na + nb) : 0;
}

/**
 * Gives a dump's articles their areas from the page PDF: each takes the area of the PDF article whose text is
 * most like its own (one to one, best pairs first); the dump's fields are kept as they are.
 */
export function matchPdfAreas(
  articles: ImportedArticle[],
  bytes: Uint8Array,
  options: Pick<PdfImportOptions, "source" | "locale">,
): { warnings: ImportWarning[]; editor?: string } {
  let pdf: PdfPage;
  try {
    pdf = importPdfPage(bytes, { locale: options.locale });
  } catch (error) {
    if (!(error instanceof UnreadableTextLayer)) throw error;
    // The dump's text stands; without readable text in the PDF nothing says where each article is printed.
    const message = `${options.source}: ${error.message}; no area could be matched (draw them in the area editor)`;
    return { warnings: [{ message }] };
  }
  const areas = pdfAreas(pdf);
  const theirs = pdf.articles.map((a) => bigrams(`${a.headline}${a.body}`));
  const ours = articles.map((a) => bigrams(`${a.fields.headline}${a.body}`));
  const pairs = ours.flatMap((o, i) => theirs.map((t, j) => ({ i, j, score: similarity(o, t) })));
  pairs.sort((a, b) => b.score - a.score);
  const taken = new Set<number>();
  const given = new Set<number>();
  for (const { i, j, score } of pairs) {
    if (score < 0.3 || given.has(i) || taken.has(j)) continue;
    given.add(i);
    taken.add(j);
    const area = areas[j];
    if (area) articles[i].fields.area = area;
  }
  const warnings: ImportWarning[] = articles
    .filter((_, i) => !given.has(i))
    .map((a) => ({
      message: `${a.name}: not found in ${options.source}; it has no area (draw it, or run npm run hotspots)`,
    }));
  return { warnings, editor: pdf.furniture.editor };
}
