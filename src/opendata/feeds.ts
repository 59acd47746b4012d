// Feeds of one section (版名) or one column (栏目), from the newest editions' summaries — the same small files the
// site feed reads, so a publish reads a fixed number of them whatever the archive's size.
import type { Locale } from "../locale/index.ts";
import { urls } from "../model/urls.ts";
import type { EditionSummary, IndexedArticle } from "../model/archive.ts";
import type { FeedEntry, TopicFeed } from "../model/site.ts";

/** Editions a section or column feed looks back over; a feed is written for each name seen in them. */
export const topicFeedEditions = 30;
/** Entries in one feed at most */
const maxEntries = 50;

/** The site feed's entries: every article of the given editions, newest edition first. */
export function feedEntries(summaries: EditionSummary[]): FeedEntry[] {
  return summaries.flatMap((e) => e.articles.map((a) => entryOf(a, e.date)));
}

function entryOf(a: IndexedArticle, date: string): FeedEntry {
  return {
    headline: a.headline,
    url: a.url,
    excerpt: a.excerpt,
    date,
    ...(a.modified ? { modified: a.modified, correction: a.correction } : {}),
  };
}

/** One feed per section and per column found in `summaries` (newest first), in name order. */
export function topicFeeds(summaries: EditionSummary[], paper: string, locale: Locale): TopicFeed[] {
  const feeds = new Map<string, TopicFeed>();
  const add = (kind: TopicFeed["kind"], name: string | undefined, entry: FeedEntry) => {
    if (!name) return;
    const url = kind === "section" ? urls.sectionFeed(name) : urls.columnFeed(name);
    let feed = feeds.get(url);
    if (!feed) {
      const title =
        kind === "section" ? locale.openData.sectionFeed(paper, name) : locale.openData.columnFeed(paper, name);
      feed = { kind, name, title, url, updated: entry.date, entries: [] };
      feeds.set(url, feed);
    }
    if (feed.entries.length < maxEntries) feed.entries.push(entry);
  };
  for (const e of summaries.slice(0, topicFeedEditions)) {
    for (const a of e.articles) {
      const entry = entryOf(a, e.date);
      // Summaries written before sections were recorded name only the page: look its section up.
      add("section", a.section ?? e.pages.find((p) => p.label === a.page)?.section, entry);
      add("column", a.column, entry);
    }
  }
  return [...feeds.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}
