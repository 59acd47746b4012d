// The site data stage: what the templates get, assembled once from the earlier stages' results — the model linked
// with its images, the archive index, calendar, feeds, sitemaps, URL ledgers and redirects.
import fs from "node:fs";
import path from "node:path";
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
import type { Settings } from "../content/settings.ts";
import type { ContentStage, RenderedSite, ShareCodes, SiteData } from "../model/site.ts";
import { buildLedger, mergeRedirectIndex, readLedger, readRedirectIndex, redirectsFileLines } from "../model/ledger.ts";
import type { SiteOptions } from "./options.ts";

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

export function siteRoot(settings: Settings): string {
  return `${settings.baseUrl}${settings.pathPrefix}`;
}

/**
 * The site the pages stage renders, assembled once from the site data. A neighbour
 * rebuilt for its links (`linksOnly`) gets its page and edition views only: its article and story views, which do
 * not link other editions, are linked from the live site.
 */
export function renderedSite(data: SiteData, linksOnly: ReadonlySet<string>): RenderedSite {
  if (!linksOnly.size) return data;
  return {
    ...data,
    articles: data.articles.filter((a) => !linksOnly.has(a.edition.date)),
    stories: data.stories.filter((s) => !linksOnly.has(s.edition.date)),
  };
}
