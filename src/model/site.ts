// The site the render gets: everything the templates and the open data read, assembled once from the stages'
// results (see pipeline/prepare.ts), and the shapes of the feeds and share codes in it. Types only.
import type { EditionSource } from "../content/load.ts";
import type { Settings } from "../content/settings.ts";
import type { Locale } from "../locale/index.ts";
import type { ArchiveIndex, CalendarYear, EditionSummary, IndexedEdition } from "./archive.ts";
import type { Redirect, RedirectIndex, UrlLedger } from "./ledger.ts";
import type { Article, Edition, Page, Story } from "./types.ts";
import type { urls } from "./urls.ts";

/** What the content stage read: the settings and the editions' sources, checked against the schemas. */
export interface ContentStage {
  settings: Settings;
  locale: Locale;
  /** Every edition of the site, oldest first (not only those built now) */
  allDates: string[];
  sources: EditionSource[];
}

/** Made codes by text and label: what the filter answers from before it makes one itself. */
export type ShareCodes = Map<string, string>;

export interface FeedEntry {
  headline: string;
  url: string;
  excerpt: string;
  /** The edition's date */
  date: string;
  /** The latest correction's time (ISO 8601) and text, for an article corrected since */
  modified?: string;
  correction?: string;
}

export interface AtomFeed {
  title: string;
  /** Site-relative URL the feed is identified by (the site feed's is the home page's); default its own URL */
  id?: string;
  /** Site-relative URL of the feed itself */
  url: string;
  /** The newest entry's edition date, or null for none */
  updated: string | null;
  entries: FeedEntry[];
}

export interface TopicFeed extends AtomFeed {
  kind: "section" | "column";
  name: string;
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
  /** The years whose archive page this build renders: every year, or in a build of some editions into a published
   * site, the years whose editions changed (the others' pages are linked from the previous site, as they were) */
  archiveYears: CalendarYear[];
  /** Newest editions first, for the feed and the archive page */
  recent: IndexedEdition[];
  urls: typeof urls;
  /** The newest editions' summaries, for the feed */
  feed: EditionSummary[];
  /** Feeds of one section or column, from the newest editions' summaries */
  topicFeeds: TopicFeed[];
  /** Monthly sitemaps to write: the months of the editions built now */
  sitemapMonths: { month: string; url: string; editions: EditionSummary[] }[];
  /** Every month's sitemap, for the sitemap index */
  sitemapIndex: string[];
  /** Whether cross-edition pages (home, archive, feed, sitemap) are part of this build */
  crossEdition: boolean;
  /** The share QR codes of the article and story views, made in the image stage */
  shareCodes: ShareCodes;
  /** Each built edition's URL ledger (written beside its pages) */
  ledgers: UrlLedger[];
  /** Old addresses of renamed articles of the built editions: a redirect page each */
  redirectPages: Redirect[];
  /** Addresses of withdrawn articles of the built editions: a "withdrawn" page each */
  withdrawnPages: { url: string; edition: Edition }[];
  /** Every edition's redirects and withdrawals, and the `_redirects` lines made of them (cross-edition builds) */
  redirectIndex: RedirectIndex;
  redirectLines: string[];
}

/** The site the render gets: the site data, assembled once and never changed. */
export type RenderedSite = Readonly<SiteData>;
