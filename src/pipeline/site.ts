// Prepares everything the templates need: settings, the linked model of the editions being built, images,
// and the archive-wide index for cross-edition pages. No Eleventy here.
import path from "node:path";
import { Diagnostics } from "../content/diagnostics.ts";
import { listEditionDates, loadEditions } from "../content/load.ts";
import { loadSettings, type Settings } from "../content/settings.ts";
import { findAreaProblems } from "../model/area-problems.ts";
import { checkImages, runImageStage, type ImageStageResult } from "../images/stage.ts";
import { getLocale, type Locale } from "../locale/index.ts";
import { buildEdition } from "../model/build.ts";
import type { Article, Edition, Page, Story } from "../model/types.ts";
import { urls } from "../model/urls.ts";
import {
  buildCalendar, emptyArchiveIndex, indexEdition, mergeArchiveIndex, readArchiveIndex, readEditionSummary, summarizeEdition,
  type ArchiveIndex, type CalendarYear, type EditionSummary, type IndexedEdition,
} from "./archive.ts";

export interface SiteOptions {
  editionsDir: string;
  siteFile: string;
  outDir: string;
  cacheDir: string;
  /** Derivatives go here instead of outDir/img (publish shares them between releases) */
  imageDir?: string;
  /** The published site whose archive index lists the editions not built now; default outDir */
  previousSite?: string;
  /** Build only these editions (the others are taken from the archive index in outDir); all when absent */
  dates?: string[];
  /** Editions whose search index must be written; all built editions when absent (publish passes only
   * tonight's: a neighbour rebuilt for its links keeps its index) */
  searchDates?: string[];
  /** Skip making images (npm run check) */
  images?: boolean;
  progress?: (done: number, total: number) => void;
}

export interface SiteData {
  settings: Settings;
  locale: Locale;
  t: Locale["strings"];
  lang: string;
  /** The site's absolute root: baseUrl + pathPrefix */
  root: string;
  editions: Edition[];
  pages: Page[];
  articles: Article[];
  stories: Story[];
  /** The newest edition of the whole archive, when it is among those built */
  latest: Edition | null;
  index: ArchiveIndex;
  calendar: CalendarYear[];
  /** Newest editions first, for the feed and the archive page */
  recent: IndexedEdition[];
  urls: typeof urls;
  /** The newest editions' summaries, for the feed */
  feed: EditionSummary[];
  /** Monthly sitemaps to write: the months of the editions built now */
  sitemapMonths: { month: string; url: string; editions: EditionSummary[] }[];
  /** Every month's sitemap, for the sitemap index */
  sitemapIndex: string[];
  /** Editions with a search index, newest first: what the search page may merge */
  searchEditions: { date: string; year: number; label: string; index: string }[];
  /** Whether cross-edition pages (home, archive, feed, sitemap) are part of this build */
  crossEdition: boolean;
}

export interface PreparedSite {
  data: SiteData;
  diagnostics: Diagnostics;
  images: ImageStageResult | null;
}

export async function prepareSite(options: SiteOptions): Promise<PreparedSite> {
  const diagnostics = new Diagnostics();
  const settings = loadSettings(options.siteFile);
  const locale = getLocale(settings.locale);
  const allDates = listEditionDates(options.editionsDir, new Diagnostics());
  const selected = options.dates ? new Set(options.dates) : undefined;
  for (const date of options.dates ?? []) {
    if (!allDates.includes(date)) diagnostics.error(path.join(options.editionsDir, date), "no such edition folder: check the date or run npm run new");
  }
  const sources = loadEditions(options.editionsDir, diagnostics, { dates: selected });
  const editions = sources.map((s) => buildEdition(s, { locale, timeZone: settings.timeZone, allDates }, diagnostics));
  const root = `${settings.baseUrl}${settings.pathPrefix}`;
  checkAreas(editions, diagnostics);

  let images: ImageStageResult | null = null;
  if (options.images === false || diagnostics.errors.length > 0) {
    // No derivatives now, but every image is still checked so one run lists every problem.
    await checkImages(editions, diagnostics);
  } else {
    images = await runImageStage(editions, {
      outDir: options.outDir, imageDir: options.imageDir, cacheDir: options.cacheDir, siteRoot: root, diagnostics, progress: options.progress,
      // Only a build of every edition knows which cached derivatives are stale.
      prune: !options.dates,
    });
  }

  // A build of every edition needs nothing from the previous site.
  const previous = options.dates ? readArchiveIndex(options.previousSite ?? options.outDir) : emptyArchiveIndex();
  const index = mergeArchiveIndex(previous, editions.map(indexEdition), new Set(allDates));
  const newest = allDates[allDates.length - 1];
  // Summaries of editions not built now come from the previous site, one small file each.
  const built = new Map(editions.map((e) => [e.date, summarizeEdition(e)]));
  const summaryOf = (date: string) => built.get(date) ?? readEditionSummary(options.previousSite ?? options.outDir, date);
  const months = [...new Set(index.editions.map((e) => e.date.slice(0, 7)))];
  const builtMonths = new Set(editions.map((e) => e.date.slice(0, 7)));
  const data: SiteData = {
    settings, locale, t: locale.strings, lang: locale.lang, root,
    editions,
    pages: editions.flatMap((e) => e.pages),
    articles: editions.flatMap((e) => e.articles),
    stories: editions.flatMap((e) => e.stories),
    latest: editions.find((e) => e.date === newest) ?? null,
    index,
    calendar: buildCalendar(index.editions, locale.monthTitle, locale.yearTitle),
    recent: [...index.editions].reverse().slice(0, 30),
    urls,
    feed: [...index.editions].reverse().slice(0, 7).flatMap((e) => summaryOf(e.date) ?? []),
    sitemapMonths: months.filter((m) => builtMonths.has(m)).map((month) => ({
      month,
      url: urls.sitemapMonth(month),
      editions: index.editions.filter((e) => e.date.startsWith(month)).flatMap((e) => summaryOf(e.date) ?? []),
    })),
    sitemapIndex: months.map((m) => urls.sitemapMonth(m)),
    searchEditions: [...index.editions].reverse().map((e) => ({
      date: e.date, year: Number(e.date.slice(0, 4)), label: e.dateLabel, index: `${settings.pathPrefix}${urls.searchIndex(e.date).slice(1)}`,
    })),
    crossEdition: true,
  };
  return { data, diagnostics, images };
}

/** Pages with a scan: articles without an area cannot be clicked on it; overlapping areas confuse readers. */
function checkAreas(editions: Edition[], diagnostics: Diagnostics): void {
  for (const page of editions.flatMap((e) => e.pages)) {
    if (!page.scanPath && !page.pdfPath) continue;
    for (const problem of findAreaProblems(page.articles)) {
      diagnostics.warn(problem.files[0], problem.message, { field: "area" });
    }
  }
}

/** Where build options come from when Eleventy runs on its own (npm start): the environment, or defaults. */
export function siteOptionsFromEnv(env = process.env): SiteOptions {
  return {
    editionsDir: env.BANMIAN_EDITIONS ?? "editions",
    siteFile: env.BANMIAN_SITE ?? "_data/site.json",
    outDir: env.BANMIAN_OUT ?? "_site",
    cacheDir: env.BANMIAN_CACHE ?? ".cache/images",
    dates: env.BANMIAN_DATES ? env.BANMIAN_DATES.split(",") : undefined,
  };
}
