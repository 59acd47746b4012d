// npm run eval:pages: both ways of making a page (text given, areas proposed; PDF alone) measured on real pages
// against the publisher's text.
import fs from "node:fs/promises";
import path from "node:path";
import type { Area } from "../../content/schema.ts";
import { readPdfLayout } from "../../desk/hotspots/pdf-text.ts";
import { printedLines } from "./printed.ts";
import { proposeAreas, type ArticleText } from "../../desk/hotspots/propose.ts";
import { importPdf } from "../../desk/import/pdf-page.ts";
import { formatTable } from "../../cli/table.ts";
import {
  brokenParagraphs,
  clickAccuracy,
  comparable,
  matchArticles,
  titleRight,
  type ClickResult,
  type PrintedLine,
} from "./metrics.ts";
import { scoreTruth, type TruthPage, type TruthResult } from "./truth.ts";

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

/** Pdf mode: what the import from the page PDF alone got right, counted over the publisher's articles. */
export interface PdfModeResult {
  /** The publisher's articles. */
  expected: number;
  /** Produced articles matched to one of them (body F1 ≥ 0.3, one-to-one). */
  found: number;
  spurious: number;
  titles: number;
  /** Subtitles right: the publisher's subtitle (or none) equals the produced one (or none). */
  subtitles: number;
  /** Every author's name in the produced byline. */
  bylines: number;
  subheads: { found: number; expected: number };
  /** Body F1 of each publisher article (0 where nothing matched it). */
  bodyF1: number[];
  clicks: ClickResult;
  /** Body paragraphs of the produced articles that match a publisher's, and those ending mid-sentence. */
  paragraphs: { broken: number; total: number };
  brokenExamples: string[];
}

export interface PageResult {
  name: string;
  text: TextModeResult;
  /** null where the import failed; `error` says why. */
  pdf: PdfModeResult | null;
  error?: string;
}

/** A truth folder's page: the PDF-only import scored against hand-made truth (null where the import failed). */
export interface TruthPageResult {
  name: string;
  truth: TruthResult | null;
  error?: string;
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

/** Text mode: the publisher's articles given, their areas proposed from the page PDF. */
export function runTextMode(pdf: Uint8Array, page: PublisherPage): TextModeResult {
  const layout = readPdfLayout(pdf);
  const proposal = proposeAreas(layout, page.articles.map(toArticleText));
  const areas = proposal.articles.map((a) => a.polygon ?? a.area);
  return { areas, clicks: clickAccuracy(printedLines(pdf), page.articles.map(publisherText), areas) };
}

/** The produced body with its subheads (### lines) taken out, as body F1 compares it. */
function bodyWithoutSubheads(markdown: string): string {
  return markdown
    .split("\n")
    .filter((l) => !/^#{1,6}\s/u.test(l))
    .join("\n");
}

/** Pdf mode: the page imported from its PDF alone (the article files `npm run import -- page.pdf` writes). */
export function runPdfMode(pdf: Uint8Array, page: PublisherPage): PdfModeResult {
  const imported = importPdf(pdf, { source: "page.pdf" });
  const produced = imported.articles;
  const expected = page.articles;
  const { pairs, f1 } = matchArticles(
    produced.map((a) => bodyWithoutSubheads(a.body)),
    expected.map((a) => a.sentences.join("")),
  );
  const byExpected = expected.map((_, e) => pairs.indexOf(e));
  let titles = 0,
    subtitles = 0,
    bylines = 0,
    subheadsFound = 0;
  byExpected.forEach((p, e) => {
    if (p < 0) return;
    const want = expected[e];
    const got = produced[p].fields;
    if (titleRight(want.title, got)) titles++;
    if (comparable(want.subtitle) === comparable(got.subtitle ?? "")) subtitles++;
    const byline = comparable(got.byline ?? "");
    if (want.authors.every((a) => byline.includes(comparable(a.name)))) bylines++;
    const producedSubheads = new Set(
      produced[p].body
        .split("\n")
        .filter((l) => /^#{1,6}\s/u.test(l))
        .map((l) => comparable(l.replace(/^#+/u, ""))),
    );
    subheadsFound += want.subheads.filter((s) => producedSubheads.has(comparable(s))).length;
  });
  // A click must land in its article's area and in no other: spurious articles' areas count as others.
  const areas = [
    ...byExpected.map((p) => (p >= 0 ? (produced[p].fields.area ?? null) : null)),
    ...produced.filter((_, p) => pairs[p] < 0).map((a) => a.fields.area ?? null),
  ];
  const paragraphs = { broken: 0, total: 0 };
  const brokenExamples: string[] = [];
  produced.forEach((a, p) => {
    if (pairs[p] < 0) return;
    const counted = brokenParagraphs(a.body);
    paragraphs.total += counted.total;
    paragraphs.broken += counted.broken.length;
    brokenExamples.push(...counted.broken.map((b) => `«${a.fields.headline}»: …${Array.from(b).slice(-24).join("")}`));
  });
  return {
    paragraphs,
    brokenExamples,
    expected: expected.length,
    found: byExpected.filter((p) => p >= 0).length,
    spurious: pairs.filter((e) => e < 0).length,
    titles,
    subtitles,
    bylines,
    subheads: { found: subheadsFound, expected: expected.reduce((n, a) => n + a.subheads.length, 0) },
    bodyF1: byExpected.map((p) => (p >= 0 ? f1[p] : 0)),
    clicks: clickAccuracy(printedLines(pdf), expected.map(publisherText), areas),
  };
}

/** The page folders under `root`, by name: those with page.pdf and the publisher's articles.json, and truth folders. */
export async function findPageFolders(root: string): Promise<{ publisher: string[]; truth: string[] }> {
  const entries = await fs.readdir(root, { withFileTypes: true });
  const found = { publisher: [] as string[], truth: [] as string[] };
  const exists = (file: string) =>
    fs.stat(file).then(
      () => true,
      () => false,
    );
  for (const e of entries
    .filter((e) => e.isDirectory())
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const dir = path.join(root, e.name);
    if (!(await exists(path.join(dir, "page.pdf")))) continue;
    if (await exists(path.join(dir, "articles.json"))) found.publisher.push(dir);
    else if (await exists(path.join(dir, "truth.json"))) found.truth.push(dir);
  }
  return found;
}

/** A truth folder's page imported from its PDF alone and scored. */
export async function evaluateTruthPage(dir: string): Promise<TruthPageResult> {
  const pdf = await fs.readFile(path.join(dir, "page.pdf"));
  const truth = JSON.parse(await fs.readFile(path.join(dir, "truth.json"), "utf8")) as TruthPage;
  const name = path.basename(dir);
  try {
    const imported = importPdf(pdf, { source: "page.pdf" });
    return { name, truth: scoreTruth(truth, printedLines(pdf), imported.articles) };
  } catch (err) {
    // One page the importer cannot read is reported in its row; the other pages are still measured.
    return { name, truth: null, error: err instanceof Error ? err.message : String(err) };
  }
}

export async function evaluatePage(dir: string): Promise<PageResult> {
  const pdf = await fs.readFile(path.join(dir, "page.pdf"));
  const page = JSON.parse(await fs.readFile(path.join(dir, "articles.json"), "utf8")) as PublisherPage;
  const name = path.basename(dir);
  const text = runTextMode(pdf, page);
  try {
    return { name, text, pdf: runPdfMode(pdf, page) };
  } catch (err) {
    // One page the importer cannot read is reported in its row; the other pages are still measured.
    return { name, text, pdf: null, error: err instanceof Error ? err.message : String(err) };
  }
}

// Two decimals: 2303 of 2304 is 99.96 %, not 100.0 %.
const percent = (right: number, total: number) => (total === 0 ? "-" : `${((100 * right) / total).toFixed(2)} %`);
const ratio = (right: number, total: number) => `${right}/${total}`;
const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

const header = [
  "mode",
  "articles found",
  "spurious",
  "titles",
  "subtitles",
  "bylines",
  "subheads",
  "body F1",
  "clicks",
  "click accuracy",
  "broken paragraphs",
];

function textRow(c: ClickResult): string[] {
  return ["text", "-", "-", "-", "-", "-", "-", "-", String(c.clicks), percent(c.right, c.clicks), "-"];
}

function pdfRow(r: PdfModeResult | null, error?: string): string[] {
  if (!r) return ["pdf", `failed: ${error ?? "?"}`, "", "", "", "", "", "", "", "", ""];
  return [
    "pdf",
    ratio(r.found, r.expected),
    String(r.spurious),
    ratio(r.titles, r.expected),
    ratio(r.subtitles, r.expected),
    ratio(r.bylines, r.expected),
    ratio(r.subheads.found, r.subheads.expected),
    mean(r.bodyF1).toFixed(3),
    String(r.clicks.clicks),
    percent(r.clicks.right, r.clicks.clicks),
    ratio(r.paragraphs.broken, r.paragraphs.total),
  ];
}

function missLines(mode: string, c: ClickResult): string[] {
  return c.misses.map(
    (m) =>
      `  ${mode} miss: article ${m.article + 1} "${m.text.trim()}" landed in [${m.landedIn.map((i) => i + 1).join(", ")}]`,
  );
}

export function formatPageResult(r: PageResult, verbose = false): string {
  const out = [r.name, formatTable(header, [textRow(r.text.clicks), pdfRow(r.pdf, r.error)])];
  if (verbose) {
    out.push(...missLines("text", r.text.clicks));
    if (r.pdf) out.push(...missLines("pdf", r.pdf.clicks));
    if (r.pdf) out.push(...r.pdf.brokenExamples.map((b) => `  pdf broken paragraph: ${b}`));
  }
  return out.join("\n");
}

function sumClicks(results: readonly ClickResult[]): ClickResult {
  return {
    clicks: results.reduce((n, c) => n + c.clicks, 0),
    right: results.reduce((n, c) => n + c.right, 0),
    misses: [],
  };
}

const worst = (results: readonly ClickResult[]) =>
  results.reduce((w, c) => Math.min(w, c.clicks ? c.right / c.clicks : 1), 1);

export function formatSummary(results: readonly PageResult[]): string {
  const text = results.map((r) => r.text.clicks);
  const pdfs = results.flatMap((r) => (r.pdf ? [r.pdf] : []));
  const total = (f: (p: PdfModeResult) => number) => pdfs.reduce((n, p) => n + f(p), 0);
  const expected = total((p) => p.expected);
  const pdfClicks = sumClicks(pdfs.map((p) => p.clicks));
  const rows = [
    [...textRow(sumClicks(text)), `${(100 * worst(text)).toFixed(2)} %`],
    [
      "pdf",
      ratio(
        total((p) => p.found),
        expected,
      ),
      `${total((p) => p.spurious)} (most on a page: ${Math.max(0, ...pdfs.map((p) => p.spurious))})`,
      ratio(
        total((p) => p.titles),
        expected,
      ),
      ratio(
        total((p) => p.subtitles),
        expected,
      ),
      ratio(
        total((p) => p.bylines),
        expected,
      ),
      ratio(
        total((p) => p.subheads.found),
        total((p) => p.subheads.expected),
      ),
      mean(pdfs.flatMap((p) => p.bodyF1)).toFixed(3),
      String(pdfClicks.clicks),
      percent(pdfClicks.right, pdfClicks.clicks),
      `${ratio(
        total((p) => p.paragraphs.broken),
        total((p) => p.paragraphs.total),
      )} ${percent(
        total((p) => p.paragraphs.broken),
        total((p) => p.paragraphs.total),
      )}`,
      pdfs.length ? `${(100 * worst(pdfs.map((p) => p.clicks))).toFixed(2)} %` : "-",
    ],
  ];
  const failed = results.filter((r) => !r.pdf).map((r) => `pdf mode failed on ${r.name}: ${r.error}`);
  return [
    `summary (${results.length} pages${failed.length ? `, pdf mode on ${pdfs.length}` : ""})`,
    formatTable([...header, "worst page"], rows),
    ...failed,
  ].join("\n");
}

const truthHeader = [
  "page",
  "headlines",
  "separated",
  "clicks",
  "furniture out",
  "merged",
  "spurious",
  "broken paragraphs",
];

function truthRow(name: string, r: TruthResult | null, error?: string): string[] {
  if (!r) return [name, `failed: ${error ?? "?"}`, "", "", "", "", "", ""];
  return [
    name,
    ratio(r.headlines.found, r.headlines.expected),
    ratio(r.separated.right, r.separated.expected),
    `${ratio(r.clicks.right, r.clicks.clicks)} ${percent(r.clicks.right, r.clicks.clicks)}`,
    ratio(r.furniture.out, r.furniture.lines),
    String(r.merged),
    `${r.spurious} of ${r.produced}`,
    `${ratio(r.paragraphs.broken, r.paragraphs.total)} ${percent(r.paragraphs.broken, r.paragraphs.total)}`,
  ];
}

/** The truth set's pages, one row each, then the sums: the measures of the truth's README. */
export function formatTruthSummary(results: readonly TruthPageResult[]): string {
  const scored = results.flatMap((r) => (r.truth ? [r.truth] : []));
  const sum = (f: (t: TruthResult) => number) => scored.reduce((n, t) => n + f(t), 0);
  const clicksRight = sum((t) => t.clicks.right);
  const clicks = sum((t) => t.clicks.clicks);
  const worstPage = scored.reduce((w, t) => Math.min(w, t.clicks.clicks ? t.clicks.right / t.clicks.clicks : 1), 1);
  const pct = (a: number, b: number) => `${ratio(a, b)} ${percent(a, b)}`;
  const rows = results.map((r) => truthRow(r.name, r.truth, r.error));
  const summary = [
    [
      "headlines",
      pct(
        sum((t) => t.headlines.found),
        sum((t) => t.headlines.expected),
      ),
    ],
    [
      "articles separated",
      pct(
        sum((t) => t.separated.right),
        sum((t) => t.separated.expected),
      ),
    ],
    ["clicks", `${pct(clicksRight, clicks)} (worst page ${(100 * worstPage).toFixed(2)} %)`],
    [
      "ads and furniture left out",
      pct(
        sum((t) => t.furniture.out),
        sum((t) => t.furniture.lines),
      ),
    ],
    ["merged areas", String(sum((t) => t.merged))],
    ["spurious articles", `${sum((t) => t.spurious)} of ${sum((t) => t.produced)} produced`],
    [
      "broken paragraphs",
      pct(
        sum((t) => t.paragraphs.broken),
        sum((t) => t.paragraphs.total),
      ),
    ],
  ];
  const failed = results.filter((r) => !r.truth).map((r) => `pdf import failed on ${r.name}: ${r.error}`);
  const unplaced = scored.reduce((n, t) => n + t.unplaced.length, 0);
  return [
    formatTable(truthHeader, rows),
    "",
    `summary (${results.length} truth pages${failed.length ? `, scored ${scored.length}` : ""})`,
    formatTable(["measure", "value"], summary),
    ...(unplaced ? [`${unplaced} listed line(s) not found in the pages' text (counted as wrong clicks)`] : []),
    ...failed,
  ].join("\n");
}

export interface EvaluateOptions {
  /** Also list every wrong click. */
  verbose?: boolean;
  print: (text: string) => void;
}

/** Evaluates every page folder under `root`, printing each page's table as it is done and then the summaries. */
export async function evaluateFolder(
  root: string,
  options: EvaluateOptions,
): Promise<{ pages: number; results: PageResult[]; truth: TruthPageResult[] }> {
  const dirs = await findPageFolders(root);
  const pages = dirs.publisher.length + dirs.truth.length;
  if (pages === 0) {
    options.print(`${root}: no page folders holding page.pdf with articles.json or truth.json`);
    return { pages: 0, results: [], truth: [] };
  }
  const results: PageResult[] = [];
  for (const dir of dirs.publisher) {
    const result = await evaluatePage(dir);
    results.push(result);
    options.print(`${formatPageResult(result, options.verbose)}\n`);
  }
  if (results.length) options.print(formatSummary(results));
  const truth: TruthPageResult[] = [];
  for (const dir of dirs.truth) {
    const result = await evaluateTruthPage(dir);
    truth.push(result);
    if (options.verbose && result.truth)
      options.print([result.name, ...result.truth.notes.map((n) => `  ${n}`)].join("\n"));
  }
  if (truth.length) options.print(formatTruthSummary(truth));
  return { pages, results, truth };
}
