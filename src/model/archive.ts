// The archive index: one small record per edition (≈150 bytes), enough for home, calendar and the sitemap index
// without reading every edition's content; and each edition's own summary (its pages and articles), written once
// with the edition, for the feed and the monthly sitemaps. Both persist in the published site.
import fs from "node:fs";
import path from "node:path";
import type { Edition } from "../model/types.ts";
import { urls } from "../model/urls.ts";

export interface IndexedArticle {
  headline: string;
  url: string;
  excerpt: string;
  page: string;
  /** 版名 and 栏目, for the feeds of one section or column */
  section: string;
  column?: string;
  /** The latest correction (更正): its time (ISO 8601) and text */
  modified?: string;
  correction?: string;
}

export interface IndexedEdition {
  date: string;
  issue?: number;
  dateLabel: string;
  url: string;
  firstPageUrl: string;
}

/** An edition's own summary, at /<date>/edition.json. */
export interface EditionSummary extends IndexedEdition {
  pages: { label: string; section: string; url: string }[];
  articles: IndexedArticle[];
  stories: string[];
}

export interface ArchiveIndex {
  version: 2;
  editions: IndexedEdition[];
}

export const archiveIndexFile = "_banmian/archive.json";

export function indexEdition(edition: Edition): IndexedEdition {
  return {
    date: edition.date,
    issue: edition.issue,
    dateLabel: edition.dateLabel,
    url: edition.url,
    firstPageUrl: edition.pages[0]?.url ?? edition.url,
  };
}

export function summarizeEdition(edition: Edition): EditionSummary {
  return {
    ...indexEdition(edition),
    pages: edition.pages.map((p) => ({ label: p.label, section: p.section, url: p.url })),
    articles: edition.articles.map((a) => ({
      headline: a.headline,
      url: a.url,
      excerpt: a.excerpt,
      page: a.page.label,
      section: a.page.section,
      ...(a.column ? { column: a.column } : {}),
      ...(a.modified ? { modified: a.modified, correction: a.corrections[a.corrections.length - 1].text } : {}),
    })),
    stories: edition.stories.map((s) => s.url),
  };
}

export function editionSummaryFile(siteDir: string, date: string): string {
  return path.join(siteDir, date, "edition.json");
}

/** The summary a previous build wrote for `date`, or null if there is none. */
export function readEditionSummary(siteDir: string, date: string): EditionSummary | null {
  const file = editionSummaryFile(siteDir, date);
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, "utf8")) as EditionSummary;
}

export function emptyArchiveIndex(): ArchiveIndex {
  return { version: 2, editions: [] };
}

export function readArchiveIndex(siteDir: string): ArchiveIndex {
  const file = path.join(siteDir, archiveIndexFile);
  if (!fs.existsSync(file)) return emptyArchiveIndex();
  const index = JSON.parse(fs.readFileSync(file, "utf8")) as ArchiveIndex;
  if (index.version !== 2)
    throw new Error(
      `${file}: archive index version ${index.version} is not 2: rebuild the whole site (npm run rebuild)`,
    );
  return index;
}

/** Replaces the records of the given editions, keeps the others, drops dates that no longer exist. */
export function mergeArchiveIndex(
  previous: ArchiveIndex,
  built: IndexedEdition[],
  existingDates: Set<string>,
): ArchiveIndex {
  const byDate = new Map(previous.editions.filter((e) => existingDates.has(e.date)).map((e) => [e.date, e]));
  for (const e of built) byDate.set(e.date, e);
  return {
    version: 2,
    editions: [...byDate.values()]
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .map(({ date, issue, dateLabel, url, firstPageUrl }) => ({ date, issue, dateLabel, url, firstPageUrl })),
  };
}

/** Years whose editions (dates and first pages) are the same in both indexes: their archive pages are too. */
export function unchangedYears(previous: ArchiveIndex, next: ArchiveIndex): Set<number> {
  // Both indexes are sorted by date: one walk over each year's records, side by side.
  const yearOf = (e: IndexedEdition) => e.date.slice(0, 4);
  const [a, b] = [previous.editions, next.editions];
  const unchanged = new Set<number>();
  let i = 0;
  let j = 0;
  while (j < b.length) {
    const year = yearOf(b[j]);
    while (i < a.length && yearOf(a[i]) < year) i++;
    let same = true;
    for (; j < b.length && yearOf(b[j]) === year; j++) {
      const before = i < a.length && yearOf(a[i]) === year ? a[i++] : null;
      if (!before || before.date !== b[j].date || before.firstPageUrl !== b[j].firstPageUrl) same = false;
    }
    // Editions of that year the new index has not (removed from editions/).
    for (; i < a.length && yearOf(a[i]) === year; i++) same = false;
    if (same) unchanged.add(Number(year));
  }
  return unchanged;
}

export interface CalendarDay {
  day: number;
  date: string;
  url: string | null;
}

export interface CalendarMonth {
  year: number;
  month: number;
  title: string;
  /** Weeks from Monday; null for days outside the month */
  weeks: (CalendarDay | null)[][];
  count: number;
}

export interface CalendarYear {
  year: number;
  title: string;
  url: string;
  months: CalendarMonth[];
  count: number;
}

export function buildCalendar(
  editions: IndexedEdition[],
  monthTitle: (y: number, m: number) => string,
  yearTitle: (y: number) => string,
): CalendarYear[] {
  const byYear = new Map<number, Map<number, Map<number, IndexedEdition>>>();
  for (const e of editions) {
    const [y, m, d] = e.date.split("-").map(Number);
    if (!byYear.has(y)) byYear.set(y, new Map());
    const months = byYear.get(y)!;
    if (!months.has(m)) months.set(m, new Map());
    months.get(m)!.set(d, e);
  }
  return [...byYear.keys()]
    .sort((a, b) => b - a)
    .map((year) => {
      const months = [...byYear.get(year)!.keys()]
        .sort((a, b) => a - b)
        .map((month) => {
          const days = byYear.get(year)!.get(month)!;
          const first = new Date(Date.UTC(year, month - 1, 1));
          const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
          const offset = (first.getUTCDay() + 6) % 7;
          const cells: (CalendarDay | null)[] = Array.from({ length: offset }, () => null);
          for (let d = 1; d <= length; d++) {
            const date = `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
            cells.push({ day: d, date, url: days.get(d)?.firstPageUrl ?? null });
          }
          while (cells.length % 7) cells.push(null);
          const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
          return { year, month, title: monthTitle(year, month), weeks, count: days.size };
        });
      return {
        year,
        title: yearTitle(year),
        url: urls.archiveYear(year),
        months,
        count: months.reduce((n, m) => n + m.count, 0),
      };
    });
}
