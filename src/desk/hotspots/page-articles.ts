// A page's article files and page PDF for proposing areas, read through the one content reader (src/content).
import path from "node:path";
import { ContentError, Diagnostics, type Diagnostic } from "../../content/diagnostics.ts";
import { loadArticle, loadEdition, type ArticleSource, type PageSource } from "../../content/load.ts";
import type { ArticleFields } from "../../content/schema.ts";
import { schemaCheck } from "../../content/schema-check.ts";
import type { ArticleText } from "./propose.ts";

export interface PageArticle {
  /** Path of the article file. */
  file: string;
  fields: ArticleFields;
  body: string;
}

/** A page folder as the content reader has it: its articles in reading order and its PDF (inside the edition). */
export interface HotspotPage {
  dir: string;
  articles: ArticleSource[];
  /** The page PDF (page.yml "pdf", default page.pdf), or null when there is none. */
  pdfPath: string | null;
  /** Why there is no PDF, when page.yml names one that cannot be used (missing, outside the edition). */
  pdfProblem?: Diagnostic;
}

// Proposing areas needs the words and the page, not the photos: a missing photo is `npm run check`'s to report.
const mattersHere = (d: Diagnostic) => d.level === "error" && !d.field?.startsWith("figures[");

function insideFolder(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return !rel.startsWith("..") && !path.isAbsolute(rel);
}

/**
 * Reads one page folder of an edition with the content reader. Errors in this page's files (front matter,
 * file names, page.yml) throw a ContentError listing them; other pages' problems are left to `npm run check`.
 */
export function readHotspotPage(editionsRoot: string, date: string, label: string): HotspotPage {
  const diagnostics = new Diagnostics();
  let edition;
  try {
    edition = loadEdition(editionsRoot, date, diagnostics, schemaCheck);
  } catch (err) {
    throw new Error(
      `${path.join(editionsRoot, date)}: no such edition folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
  }
  const page: PageSource | undefined = edition.pages.find((p) => p.label === label);
  if (!page) {
    // A folder for the page that the reader refused (no page.yml, a bad name) says why; else there is none.
    const top = (file: string) => path.relative(edition.dir, file).split(path.sep)[0];
    const refused = diagnostics.items.filter(
      (d) => d.level === "error" && (top(d.file) === label || top(d.file).startsWith(`${label}-`)),
    );
    if (refused.length > 0) throw new ContentError(refused);
    throw new Error(`${edition.dir}: no page folder named ${label} or ${label}-…`);
  }
  const mine = diagnostics.items.filter((d) => insideFolder(d.file, page.dir) && mattersHere(d));
  const pdfProblem = mine.find((d) => path.basename(d.file) === "page.yml" && d.field === "pdf");
  const blocking = mine.filter((d) => d !== pdfProblem);
  if (blocking.length > 0) throw new ContentError(blocking);
  return { dir: page.dir, articles: page.articles, pdfPath: page.pdfPath, pdfProblem };
}

/** The articles of a page folder (…/YYYY-MM-DD/NN), in reading order. */
export function readPageArticles(pageDir: string): PageArticle[] {
  const dir = path.resolve(pageDir);
  const date = path.basename(path.dirname(dir));
  const label = path.basename(dir).split("-")[0];
  return readHotspotPage(path.dirname(path.dirname(dir)), date, label).articles;
}

/** Reads and checks one article file; throws a ContentError naming the file and field on bad front matter. */
export function readArticleFile(file: string): PageArticle {
  const name = path.basename(file);
  const match = /^(\d{1,3})-(.+)\.md$/.exec(name);
  const diagnostics = new Diagnostics();
  // The edition folder is two up (edition/page/article.md); it only bounds where figures may point.
  const article = loadArticle(
    path.dirname(path.dirname(file)),
    file,
    Number(match?.[1] ?? 0),
    match?.[2] ?? name,
    diagnostics,
    schemaCheck,
  );
  const errors = diagnostics.items.filter(mattersHere);
  if (!article || errors.length > 0) throw new ContentError(errors);
  return { file: article.file, fields: article.fields, body: article.body };
}

/** What the matcher compares with the printed page: every printed field and the body. */
export function toArticleText(article: PageArticle): ArticleText {
  const f = article.fields;
  return {
    id: path.basename(article.file),
    column: f.column,
    kicker: f.kicker,
    headline: f.headline,
    subtitle: f.subtitle,
    dateline: f.dateline,
    byline: f.byline,
    body: article.body,
    captions: (f.figures ?? []).map((fig) => [fig.caption, fig.credit].filter(Boolean).join(" ")).filter(Boolean),
    mark: f.mark,
  };
}
