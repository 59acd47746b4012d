// npm run eval:pages: both ways of making a page (text given, areas proposed; PDF alone) measured on real pages
// against the publisher's text.
import fs from "node:fs/promises";
import path from "node:path";
import type { Area } from "../../content/schema.ts";
import { readPdfLayout } from "../../desk/hotspots/pdf-text.ts";
import { proposeAreas, type ArticleText } from "../../desk/hotspots/propose.ts";
import { formatTable } from "../../desk/import/table.ts";
import { clickAccuracy, type ClickResult, type PrintedLine } from "./metrics.ts";

/** One article as the publisher lists it (articles.json). */
export interface PublisherArticle {
  order: number;
  /** A kicker, where printed, comes first, joined to the headline by two spaces. */
  title: string;
  subtitle: string;
  authors: { name: string; organization?: string }[];
  subheads: string[];
  sentences: string[];
}

export interface PublisherPage {
  date: string;
  page: string;
  articles: PublisherArticle[];
}

export interface TextModeResult {
  clicks: ClickResult;
  areas: (Area | null)[];
}

export interface PageResult {
  name: string;
  text: TextModeResult;
}

/** The publisher's article as article files would hold it: what `npm run hotspots` is given. */
export function toArticleText(a: PublisherArticle): ArticleText {
  const split = a.title.split(/ {2,}|\u3000/);
  const headline = split.length > 1 ? split.slice(1).join(" ") : a.title;
  return {
    id: `${String(a.order).padStart(2, "0")}`,
    kicker: split.length > 1 ? split[0] : undefined,
    headline,
    subtitle: a.subtitle || undefined,
    byline: a.authors.map((p) => p.name).join(" ") || undefined,
    body: [...a.subheads.map((s) => `### ${s}`), ...a.sentences].join("\n"),
  };
}

/** Everything of the article the publisher lists as its text: what a click on the page may land on. */
export function publisherText(a: PublisherArticle): string {
  return [a.title, a.subtitle, ...a.subheads, ...a.sentences].join("\n");
}

export function printedLines(layout: ReturnType<typeof readPdfLayout>): PrintedLine[] {
  return layout.blocks.flatMap((b) => b.lines);
}

/** Text mode: the publisher's articles given, their areas proposed from the page PDF. */
export function runTextMode(pdf: Uint8Array, page: PublisherPage): TextModeResult {
  const layout = readPdfLayout(pdf);
  const proposal = proposeAreas(layout, page.articles.map(toArticleText));
  const areas = proposal.articles.map((a) => a.polygon ?? a.area);
  return { areas, clicks: clickAccuracy(printedLines(layout), page.articles.map(publisherText), areas) };
}

/** The page folders under `root` that hold page.pdf and articles.json, by name. */
export async function findPageFolders(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { withFileTypes: true });
  const found: string[] = [];
  for (const e of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = path.join(root, e.name);
    const has = await Promise.all(["page.pdf", "articles.json"].map((f) => fs.stat(path.join(dir, f)).then(() => true, () => false)));
    if (has.every(Boolean)) found.push(dir);
  }
  return found;
}

export async function evaluatePage(dir: string): Promise<PageResult> {
  const pdf = await fs.readFile(path.join(dir, "page.pdf"));
  const page = JSON.parse(await fs.readFile(path.join(dir, "articles.json"), "utf8")) as PublisherPage;
  return { name: path.basename(dir), text: runTextMode(pdf, page) };
}

const percent = (right: number, total: number) => (total === 0 ? "-" : `${((100 * right) / total).toFixed(1)} %`);

export function formatPageResult(r: PageResult, verbose = false): string {
  const c = r.text.clicks;
  const out = [
    r.name,
    formatTable(["mode", "clicks", "right", "click accuracy"], [["text", String(c.clicks), String(c.right), percent(c.right, c.clicks)]]),
  ];
  if (verbose) for (const m of c.misses) out.push(`  miss: article ${m.article + 1} "${m.text.trim()}" landed in [${m.landedIn.map((i) => i + 1).join(", ")}]`);
  return out.join("\n");
}

export function formatSummary(results: readonly PageResult[]): string {
  const clicks = results.reduce((s, r) => s + r.text.clicks.clicks, 0);
  const right = results.reduce((s, r) => s + r.text.clicks.right, 0);
  const worst = results.reduce((w, r) => Math.min(w, r.text.clicks.clicks ? r.text.clicks.right / r.text.clicks.clicks : 1), 1);
  return [
    `summary (${results.length} pages)`,
    formatTable(["mode", "clicks", "right", "click accuracy", "worst page"], [
      ["text", String(clicks), String(right), percent(right, clicks), `${(100 * worst).toFixed(1)} %`],
    ]),
  ].join("\n");
}

export interface EvaluateOptions {
  /** Also list every wrong click. */
  verbose?: boolean;
  print: (text: string) => void;
}

/** Evaluates every page folder under `root`, printing each page's table as it is done and then the summary. */
export async function evaluateFolder(root: string, options: EvaluateOptions): Promise<{ pages: number; results: PageResult[] }> {
  const dirs = await findPageFolders(root);
  if (dirs.length === 0) {
    options.print(`${root}: no page folders holding page.pdf and articles.json`);
    return { pages: 0, results: [] };
  }
  const results: PageResult[] = [];
  for (const dir of dirs) {
    const result = await evaluatePage(dir);
    results.push(result);
    options.print(`${formatPageResult(result, options.verbose)}\n`);
  }
  options.print(formatSummary(results));
  return { pages: results.length, results };
}
