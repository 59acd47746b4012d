// The first stages of every build, each a function with a typed result: content (read and validate editions/),
// model (link editions, pages, articles, stories), images (derivatives), and the site data the templates get
// (archive index, calendar, feed). No Eleventy here.
import fs from "node:fs";
import path from "node:path";
import { Diagnostics } from "../content/diagnostics.ts";
import { listEditionDates, loadEditions, type EditionSource } from "../content/load.ts";
import type { Settings } from "../content/settings.ts";
import { NotRemembered, RememberedChecks } from "../content/check.ts";
import { checkImages, runImageStage, type ImageStageResult } from "../images/stage.ts";
import { shareCodes } from "../images/qr.ts";
import { getLocale, type Locale } from "../locale/index.ts";
import { findAreaProblems } from "../model/area-problems.ts";
import { buildEdition } from "../model/build.ts";
import type { Edition } from "../model/types.ts";
import { urls } from "../model/urls.ts";
import {
  buildCalendar,
  emptyArchiveIndex,
  unchangedYears,
  indexEdition,
  mergeArchiveIndex,
  readArchiveIndex,
  readEditionSummary,
  summarizeEdition,
  type EditionSummary,
} from "../model/archive.ts";
import { topicFeedEditions, topicFeeds } from "../opendata/feeds.ts";
import type { ShareCodes, SiteData } from "../model/site.ts";
import { buildLedger, mergeRedirectIndex, readLedger, readRedirectIndex, redirectsFileLines } from "../model/ledger.ts";
import type { SiteOptions } from "./options.ts";
import { Stages } from "./stages.ts";

export type { SiteOptions } from "./options.ts";

export interface PreparedSite {
  data: SiteData;
  diagnostics: Diagnostics;
  images: ImageStageResult | null;
}

/** What the image stage made: the derivatives (null when only checked) and the share QR codes. */
export interface MadeImages {
  images: ImageStageResult | null;
  shareCodes: ShareCodes;
}

/** What the content stage read: the settings and the editions' sources, checked against the schemas. */
export interface ContentStage {
  settings: Settings;
  locale: Locale;
  /** Every edition of the site, oldest first (not only those built now) */
  allDates: string[];
  sources: EditionSource[];
}

export async function readContent(options: SiteOptions, diagnostics: Diagnostics): Promise<ContentStage> {
  const checks = new RememberedChecks(options.cacheDir);
  const settings = await checks.loadSettings(options.siteFile);
  const locale = getLocale(settings.locale);
  const listed = listEditionDates(options.editionsDir, diagnostics);
  const allDates = options.recent ? listed.slice(-options.recent) : listed;
  for (const date of options.dates ?? []) {
    if (!allDates.includes(date))
      diagnostics.error(
        path.join(options.editionsDir, date),
        "no such edition folder: check the date or run npm run new",
      );
  }
  const selected = new Set(options.dates ?? allDates);
  // First with what earlier builds found valid; the schemas (and zod) are loaded only for a new or changed file,
  // and the editions are then read again with them.
  let sources: EditionSource[];
  try {
    const trial = new Diagnostics();
    sources = loadEditions(options.editionsDir, trial, checks, { dates: selected, listed });
    diagnostics.items.push(...trial.items);
  } catch (err) {
    if (!(err instanceof NotRemembered)) throw err;
    checks.fallback = (await import("../content/schema-check.ts")).schemaCheck;
    sources = loadEditions(options.editionsDir, diagnostics, checks, { dates: selected, listed });
  }
  checks.save();
  return { settings, locale, allDates, sources };
}

/** The linked model of the editions read, with the page-level checks that need it (areas). */
export function buildModel(content: ContentStage, diagnostics: Diagnostics): Edition[] {
  const { locale, settings, allDates } = content;
  const editions = content.sources.map((s) =>
    buildEdition(s, { locale, timeZone: settings.timeZone, allDates }, diagnostics),
  );
  checkAreas(editions, diagnostics);
  return editions;
}

/**
 * Derivatives of every scan, PDF and figure, and the share QR codes (images too, made once and cached the same
 * way); with content errors (or `images: false`) the images are only checked and no code is made.
 */
export async function makeImages(
  editions: Edition[],
  content: ContentStage,
  options: SiteOptions,
  diagnostics: Diagnostics,
): Promise<MadeImages> {
  if (options.images === false || diagnostics.errors.length > 0) {
    // No derivatives now, but every image is still checked so one run lists every problem.
    await checkImages(editions, diagnostics);
    return { images: null, shareCodes: new Map() };
  }
  const root = siteRoot(content.settings);
  const images = await runImageStage(editions, {
    outDir: options.outDir,
    imageDir: options.imageDir,
    cacheDir: options.cacheDir,
    siteRoot: root,
    diagnostics,
    progress: options.progress,
    // Only a build of every edition knows which cached derivatives are stale.
    prune: !options.dates && !options.recent,
  });
  return { images, shareCodes: shareCodes(editions, root, content.locale.strings.shareQr, options.cacheDir) };
}

export function siteRoot(settings: Settings): string {
  return `${settings.baseUrl}${settings.pathPrefix}`;
}

/** What the templates get: the model plus the archive-wide lists of cross-edition pages. */
export function assembleSite(
  content: ContentStage,
  editions: Edition[],
  options: SiteOptions,
  codes: ShareCodes = new Map(),
): SiteData {
  const { settings, locale, allDates } = content;
  const crossEdition = options.crossEdition !== false;
  // A build of every edition needs nothing from the previous site, and a shard shows no archive-wide page.
  const previousSite = options.previousSite ?? options.outDir;
  const previous = options.dates && crossEdition ? readArchiveIndex(previousSite) : emptyArchiveIndex();
  const index = mergeArchiveIndex(previous, editions.map(indexEdition), new Set(allDates));
  const newest = allDates[allDates.length - 1];
  // Summaries of editions not built now come from the previous site, one small file each.
  const summaries = new Map<string, EditionSummary | null>(editions.map((e) => [e.date, summarizeEdition(e)]));
  // The feed, the topic feeds and the month's sitemap read many of the same ones: each is read once.
  const summaryOf = (date: string) => {
    if (!summaries.has(date) && crossEdition) summaries.set(date, readEditionSummary(previousSite, date));
    return summaries.get(date) ?? null;
  };
  const months = [...new Set(index.editions.map((e) => e.date.slice(0, 7)))];
  const builtMonths = new Set(editions.map((e) => e.date.slice(0, 7)));
  const newestFirst = [...index.editions].reverse();
  const ledgers = editions.map((e) => buildLedger(e, readLedger(previousSite, e.date)));
  const calendar = crossEdition ? buildCalendar(index.editions, locale.monthTitle, locale.yearTitle) : [];
  const keptYears =
    options.dates && crossEdition
      ? new Set(
          [...unchangedYears(previous, index)].filter((y) =>
            fs.existsSync(path.join(previousSite, urls.archiveYear(y).slice(1), "index.html")),
          ),
        )
      : new Set<number>();
  const redirectIndex = crossEdition
    ? mergeRedirectIndex(
        options.dates ? readRedirectIndex(previousSite) : { version: 1, editions: {} },
        ledgers,
        new Set(allDates),
      )
    : { version: 1 as const, editions: {} };
  return {
    ledgers,
    redirectPages: ledgers.flatMap((l) => l.redirects),
    withdrawnPages: editions.flatMap((e) => e.withdrawn.map((w) => ({ url: w.url, edition: e }))),
    redirectIndex,
    redirectLines: redirectsFileLines(redirectIndex, settings.pathPrefix),
    settings,
    locale,
    t: locale.strings,
    lang: locale.lang,
    root: siteRoot(settings),
    editions,
    pages: editions.flatMap((e) => e.pages),
    articles: editions.flatMap((e) => e.articles),
    stories: editions.flatMap((e) => e.stories),
    latest: editions.find((e) => e.date === newest) ?? null,
    index,
    calendar,
    archiveYears: calendar.filter((y) => !keptYears.has(y.year)),
    recent: newestFirst.slice(0, 30),
    urls,
    feed: crossEdition ? newestFirst.slice(0, 7).flatMap((e) => summaryOf(e.date) ?? []) : [],
    topicFeeds: crossEdition
      ? topicFeeds(
          newestFirst.slice(0, topicFeedEditions).flatMap((e) => summaryOf(e.date) ?? []),
          settings.paper,
          locale,
        )
      : [],
    // A shard writes its own months' sitemaps: its index holds just its editions, all built now.
    sitemapMonths: months
      .filter((m) => builtMonths.has(m))
      .map((month) => ({
        month,
        url: urls.sitemapMonth(month),
        editions: index.editions.filter((e) => e.date.startsWith(month)).flatMap((e) => summaryOf(e.date) ?? []),
      })),
    sitemapIndex: months.map((m) => urls.sitemapMonth(m)),
    crossEdition,
    shareCodes: codes,
  };
}

/** Content, model, images and site data: every stage before Eleventy, each timed on `stages` when given. */
export async function prepareSite(
  options: SiteOptions,
  stages: Stages = new Stages(() => undefined),
): Promise<PreparedSite> {
  const diagnostics = new Diagnostics();
  const content = await stages.run("content", () => readContent(options, diagnostics));
  const editions = await stages.run("model", () => buildModel(content, diagnostics));
  const { images, shareCodes: codes } = await stages.run("images", () =>
    makeImages(editions, content, options, diagnostics),
  );
  const data = await stages.run("site data", () => assembleSite(content, editions, options, codes));
  return { data, diagnostics, images };
}

/** Pages with a scan: articles without an area cannot be clicked on it; overlapping areas confuse readers. */
function checkAreas(editions: Edition[], diagnostics: Diagnostics): void {
  for (const page of editions.flatMap((e) => e.pages)) {
    if (!page.scanPath && !page.pdfPath) continue;
    for (const problem of findAreaProblems(page.articles)) {
      diagnostics.warn(problem.files[0], problem.message, {
        field: "area",
        code: problem.kind,
        related: problem.files,
      });
    }
  }
}
