// Reads editions/ into plain source records, checking every file against the content format.
import fs from "node:fs";
import path from "node:path";
import { splitFrontMatter } from "./article-file.ts";
import type { FieldsOf, FrontMatterCheck } from "./check.ts";
import { describeControl, findControl } from "../util/control.ts";
import { dateProblem, isCalendarDate } from "./dates.ts";
import { limits } from "./limits.ts";
import type { Diagnostics } from "./diagnostics.ts";
import type { ArticleFields, EditionFields, PageFields } from "./schema.ts";
import { bodyReferences } from "../markdown/index.ts";
import { checkBodyReference, entryKind, readFile, resolveInside } from "./paths.ts";

export interface ArticleSource {
  /** Path as shown to people, e.g. editions/2022-09-02/02/03-kaixue.md */
  file: string;
  order: number;
  slug: string;
  fields: ArticleFields;
  body: string;
  /** Line of the file where the body starts, for messages */
  bodyLine: number;
  /** Absolute paths of the figures, in the order of fields.figures (null where missing) */
  figurePaths: (string | null)[];
}

export interface PageSource {
  dir: string;
  /** Printed label as the folder gives it: "02", "A01" */
  label: string;
  letter: string;
  number: number;
  fields: PageFields;
  scanPath: string | null;
  pdfPath: string | null;
  articles: ArticleSource[];
}

export interface EditionSource {
  date: string;
  dir: string;
  fields: EditionFields;
  pages: PageSource[];
}

export interface LoadOptions {
  /** Only these dates (YYYY-MM-DD); all when absent */
  dates?: Set<string>;
  /** The edition folders' dates as listEditionDates gave them, its problems reported by the caller */
  listed?: string[];
}

const pageDirPattern = /^([A-Z]?)(\d{1,3})(?:-[a-z0-9-]+)?$/;
const articleFilePattern = /^(\d{1,3})-([a-z0-9][a-z0-9-]*)\.md$/;
const scanNames = ["page.jpg", "page.jpeg", "page.png", "page.tif", "page.tiff", "page.webp"];

export { isCalendarDate } from "./dates.ts";

/** Lists the edition folders' dates, checking their names, without reading their content. */
export function listEditionDates(root: string, diagnostics: Diagnostics): string[] {
  if (!fs.existsSync(root)) {
    diagnostics.error(root, "the editions folder does not exist: create it or pass the right path");
    return [];
  }
  const dates: string[] = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const kind = entryKind(root, entry, diagnostics, "editions/");
    if (kind === "refused") continue;
    if (kind !== "folder") {
      if (!/\.(md|txt)$/i.test(entry.name)) continue;
      diagnostics.warn(
        path.join(root, entry.name),
        "files directly in the editions folder are ignored: put them in an edition folder",
      );
      continue;
    }
    if (!isCalendarDate(entry.name)) {
      const why = dateProblem(entry.name)!
        .replace(/^"[^"]*" is /, "is ")
        .replace(/give it as/, "name it");
      diagnostics.error(path.join(root, entry.name), `edition folder "${entry.name}" ${why}`);
      continue;
    }
    dates.push(entry.name);
  }
  return dates.sort();
}

/**
 * Reads the editions under `root`. `check` checks each file's front matter: `schemaCheck`
 * (src/content/schema-check.ts) against the schemas, or a build's `RememberedChecks` (src/content/check.ts).
 */
export function loadEditions(
  root: string,
  diagnostics: Diagnostics,
  check: FrontMatterCheck,
  options: LoadOptions = {},
): EditionSource[] {
  const dates = (options.listed ?? listEditionDates(root, diagnostics)).filter(
    (d) => !options.dates || options.dates.has(d),
  );
  return dates.map((date) => loadEdition(root, date, diagnostics, check));
}

export function loadEdition(
  root: string,
  date: string,
  diagnostics: Diagnostics,
  check: FrontMatterCheck,
): EditionSource {
  const dir = path.join(root, date);
  const metaFile = path.join(dir, "edition.yml");
  const fields = fs.existsSync(metaFile) ? (readYamlFile(metaFile, "edition", check, diagnostics) ?? {}) : {};
  const pages: PageSource[] = [];
  const seen = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort(byName)) {
    if (entry.name.startsWith(".") || entry.name === "photos") continue;
    const match = pageDirPattern.exec(entry.name);
    const shown = path.join(dir, entry.name);
    const kind = entryKind(dir, entry, diagnostics, "the edition folder");
    if (kind === "refused") continue;
    if (kind !== "folder") {
      // A file named like a page (03, 03-zonghe) is a page folder gone wrong, not a stray file to ignore.
      if (match)
        diagnostics.error(
          shown,
          `"${entry.name}" is a file, not a page folder: make it a folder holding page.yml and the page's articles`,
        );
      continue;
    }
    if (!match) {
      diagnostics.error(shown, `page folder "${entry.name}" is not a page label: name it 01, 02 … or A01, B03`);
      continue;
    }
    const [, letter, digits] = match;
    const number = Number(digits);
    const key = `${letter}${number}`;
    const twin = seen.get(key);
    if (twin) {
      diagnostics.error(
        shown,
        `two page folders have page number ${letter}${number}: "${twin}" and "${entry.name}"; rename one`,
      );
      continue;
    }
    seen.set(key, entry.name);
    const page = loadPage(dir, shown, entry.name.split("-")[0], letter, number, diagnostics, check);
    if (page) pages.push(page);
  }
  // Letters are A–Z or none: compared as they are (localeCompare's first call sets up a collator, 6 ms a build).
  pages.sort((a, b) => (a.letter === b.letter ? a.number - b.number : a.letter < b.letter ? -1 : 1));
  checkPageOrder(dir, pages, diagnostics);
  checkSize(dir, pages, diagnostics);
  if (pages.length === 0) diagnostics.error(dir, "the edition has no pages: add page folders such as 01/");
  return { date, dir, fields, pages };
}

function loadPage(
  editionDir: string,
  dir: string,
  label: string,
  letter: string,
  number: number,
  diagnostics: Diagnostics,
  check: FrontMatterCheck,
): PageSource | null {
  const metaFile = path.join(dir, "page.yml");
  if (!fs.existsSync(metaFile)) {
    diagnostics.error(metaFile, 'missing: every page folder needs a page.yml with at least "section: 版名"');
    return null;
  }
  const fields = readYamlFile(metaFile, "page", check, diagnostics);
  if (!fields) return null;
  const find = (field: string, given: string | undefined, names: string[]) => {
    // A file found by its usual name is checked like one named in page.yml (a link out of the edition is refused).
    const name = given ?? names.find((n) => fs.lstatSync(path.join(dir, n), { throwIfNoEntry: false }));
    return name ? resolveInside(editionDir, dir, name, metaFile, field, diagnostics) : null;
  };
  const scanPath = find("scan", fields.scan, scanNames);
  const pdfPath = find("pdf", fields.pdf, ["page.pdf"]);
  const articles: ArticleSource[] = [];
  const orders = new Map<number, string>();
  const slugs = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort(byName)) {
    const name = entry.name;
    if (!name.endsWith(".md")) continue;
    const file = path.join(dir, name);
    const kind = entryKind(editionDir, entry, diagnostics, "the edition folder");
    if (kind === "refused") continue;
    if (kind === "folder") {
      diagnostics.error(
        file,
        `"${name}" is a folder, not an article file: an article is one NN-slug.md file; rename the folder or move its files out`,
      );
      continue;
    }
    const match = articleFilePattern.exec(name);
    if (!match) {
      diagnostics.error(
        file,
        "article file name must be NN-slug.md (reading order, then lowercase letters, digits and dashes)",
      );
      continue;
    }
    const order = Number(match[1]);
    if (orders.has(order)) {
      diagnostics.error(
        file,
        `two articles have reading order ${order} ("${orders.get(order)}" and "${name}"); renumber one`,
      );
      continue;
    }
    // The slug is the article's URL on its page: two files with one slug would be one web page.
    const twin = slugs.get(match[2]);
    if (twin) {
      diagnostics.error(
        file,
        `two articles have the slug "${match[2]}" ("${twin}" and "${name}"), so both would be at one address: give one another slug`,
      );
      continue;
    }
    orders.set(order, name);
    slugs.set(match[2], name);
    const article = loadArticle(editionDir, file, order, match[2], diagnostics, check);
    if (article) articles.push(article);
  }
  articles.sort((a, b) => a.order - b.order);
  return { dir, label, letter, number, fields, scanPath, pdfPath, articles };
}

export function loadArticle(
  editionDir: string,
  file: string,
  order: number,
  slug: string,
  diagnostics: Diagnostics,
  check: FrontMatterCheck,
): ArticleSource | null {
  const raw = readFile(file, diagnostics);
  if (raw === null) return null;
  const source = decodeUtf8(raw, file, diagnostics);
  if (source === null) return null;
  if (source.trim() === "") {
    diagnostics.error(file, 'the file is empty: an article needs front matter with at least "headline"');
    return null;
  }
  const split = splitFrontMatter(source);
  if (split.yaml === null) {
    diagnostics.error(file, 'no front matter: start the file with a "---" line, then "headline: …", then "---"', {
      line: 1,
    });
    return null;
  }
  const fields = check.check("article", split.yaml, file, diagnostics, 1);
  if (!fields) return null;
  const body = split.body.trim();
  for (const ref of bodyReferences(split.body)) checkBodyReference(ref, editionDir, file, split.bodyLine, diagnostics);
  if (!body && !fields.figures?.length) {
    diagnostics.warn(file, "the article has no text and no figures: is the body missing?");
  }
  const dir = path.dirname(file);
  const figurePaths = (fields.figures ?? []).map((figure, i) =>
    resolveInside(editionDir, dir, figure.file, file, `figures[${i}].file`, diagnostics),
  );
  return { file, order, slug, fields, body, bodyLine: split.bodyLine, figurePaths };
}

function decodeUtf8(raw: Buffer, file: string, diagnostics: Diagnostics): string | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    diagnostics.error(file, "the file is not UTF-8 text: save it as UTF-8 (npm run import converts GB18030/GBK dumps)");
    return null;
  }
  // Feeds and the EPUB are XML, which cannot carry them; no printed text has them.
  const control = findControl(text);
  if (control) {
    diagnostics.error(
      file,
      `a control character (${describeControl(control.char)}) is in the text: delete it (it comes from copying out of another program; npm run import removes them)`,
      { line: control.line },
    );
    return null;
  }
  return text;
}

function readYamlFile<K extends "edition" | "page">(
  file: string,
  kind: K,
  check: FrontMatterCheck,
  diagnostics: Diagnostics,
): FieldsOf[K] | null {
  const raw = readFile(file, diagnostics);
  if (raw === null) return null;
  const source = decodeUtf8(raw, file, diagnostics);
  if (source === null) return null;
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return check.check(kind, text, file, diagnostics, 0);
}

/**
 * An edition past what any paper prints is refused before the build tries to hold it all in memory: one message
 * naming the edition and the limit it is past (pages, articles, text), or naming the one page with too many
 * articles. The first limit found is the one said, so a runaway edition (ten pages of 999 articles) gives one
 * message rather than one per page.
 */
function checkSize(dir: string, pages: PageSource[], diagnostics: Diagnostics): void {
  const articles = pages.flatMap((page) => page.articles);
  const textBytes = articles.reduce((n, a) => n + Buffer.byteLength(a.body), 0);
  const crowded = pages.filter((page) => page.articles.length > limits.articlesPerPage);
  const most = Math.max(0, ...crowded.map((page) => page.articles.length));
  const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  if (pages.length > limits.pagesPerEdition) {
    diagnostics.error(
      dir,
      `the edition has ${pages.length} pages, over the limit of ${limits.pagesPerEdition}: is this more than one edition?`,
    );
  } else if (articles.length > limits.articlesPerEdition) {
    diagnostics.error(
      dir,
      `the edition has ${articles.length} articles, over the limit of ${limits.articlesPerEdition} that one build holds in memory: split it into editions, or check for copies`,
    );
  } else if (textBytes > limits.editionTextBytes) {
    diagnostics.error(
      dir,
      `the edition's articles hold ${megabytes(textBytes)} MB of text, over the limit of ${megabytes(limits.editionTextBytes)} MB that one build holds in memory: split it into editions, or check for copies`,
    );
  } else if (crowded.length === 1) {
    diagnostics.error(
      crowded[0].dir,
      `the page has ${most} articles, over the limit of ${limits.articlesPerPage}: is it more than one page, or are briefs one file each?`,
    );
  } else if (crowded.length > 1) {
    const labels = crowded.map((page) => page.label).join(", ");
    diagnostics.error(
      dir,
      `pages ${labels} have more than ${limits.articlesPerPage} articles each (up to ${most}), over the limit for one page: are briefs one file each?`,
    );
  }
}

function checkPageOrder(dir: string, pages: PageSource[], diagnostics: Diagnostics): void {
  for (let i = 1; i < pages.length; i++) {
    const [a, b] = [pages[i - 1], pages[i]];
    if (a.letter === b.letter && b.number !== a.number + 1) {
      diagnostics.warn(dir, `page order has a gap: ${a.label} is followed by ${b.label}; is a page missing?`);
    }
  }
}

function byName(a: fs.Dirent, b: fs.Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
