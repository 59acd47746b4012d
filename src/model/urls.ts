// Every URL of the site, built in one place (site-relative; the path prefix is added when HTML is written).
import { createHash } from "node:crypto";

export const urls = {
  home: () => "/",
  edition: (date: string) => `/${date}/`,
  page: (date: string, label: string) => `/${date}/${label.toLowerCase()}/`,
  article: (date: string, label: string, slug: string) => `/${date}/${label.toLowerCase()}/${slug}/`,
  story: (date: string, key: string) => `/${date}/story/${key}/`,
  /** The edition's corrections (更正), when it has any */
  corrections: (date: string) => `/${date}/corrections/`,
  /** Old addresses and where they went (renamed articles, withdrawn ones), in the format static hosts read */
  redirects: () => "/_redirects",
  /** What a reader's browser stores to read an edition offline */
  offlineManifest: (date: string) => `/${date}/offline.json`,
  serviceWorker: () => "/sw.js",
  /** Where each character of a page PDF's text is on the page, for boxing search hits on the scan */
  pageWords: (date: string, label: string) => `/${date}/${label.toLowerCase()}/words.json`,
  /** The whole edition: its page PDFs in one PDF with bookmarks, and its text as an EPUB */
  editionPdf: (date: string) => `/${date}/${date}.pdf`,
  editionEpub: (date: string) => `/${date}/${date}.epub`,
  archive: () => "/archive/",
  archiveYear: (year: number) => `/archive/${year}/`,
  search: () => "/search/",
  /** The search page asked for `terms` (OpenSearch passes its "{searchTerms}" placeholder as they are) */
  searchFor: (terms: string) => `/search/?q=${terms}`,
  /** An edition's own search segment, its article list and texts (written with the edition, never changed) */
  searchIndex: (date: string) => `/${date}/search/`,
  /** The search page's map of the archive: editions, the yearly segments in use, sections and columns */
  searchManifest: () => "/search/manifest.json",
  /** A yearly search segment: kept with the images (content-addressed, shared by releases) */
  searchSegment: (id: string) => `/img/search/${id}/`,
  /** The shared browser code of search (terms, postings), also run by the indexer */
  searchCore: () => "/assets/search-core.js",
  feed: () => "/feed.xml",
  sitemap: () => "/sitemap.xml",
  /** One sitemap per month (a sitemap may list at most 50,000 URLs) */
  sitemapMonth: (month: string) => `/sitemaps/${month}.xml`,
  // Open data (docs/api.md): these URLs are a published contract and are never renamed.
  /** IIIF Presentation 3 manifest of an edition */
  manifest: (date: string) => `/${date}/manifest.json`,
  editionJson: (date: string) => `/${date}/edition.json`,
  pageJson: (date: string, label: string) => `/${date}/${label.toLowerCase()}/page.json`,
  articleJson: (date: string, label: string, slug: string) => `/${date}/${label.toLowerCase()}/${slug}/article.json`,
  /** IIIF Collection of the years, and of one year's editions */
  iiifCollection: () => "/iiif/collection.json",
  iiifYear: (year: number) => `/iiif/${year}.json`,
  sectionFeed: (section: string) => `/feeds/section/${feedKey(section)}.xml`,
  columnFeed: (column: string) => `/feeds/column/${feedKey(column)}.xml`,
  openSearch: () => "/opensearch.xml",
  /** JSON Schemas of the JSON layer, published with the site */
  schema: (name: "edition" | "page" | "article") => `/schemas/${name}.json`,
};

/** Bytes of a feed's file name before ".xml": 40 Chinese characters (the longest name check lets through) fit;
 * a file name holds at most 255 bytes, and a longer name (from an edition published before the limit) would stop
 * the build ("Having trouble writing to …"). */
export const feedKeyBytes = 120;

/**
 * A section's or column's name as a file name: Chinese as it is, Latin letters in lower case, anything else a
 * dash ("要闻" → 要闻, "Sports & Leisure" → sports-leisure). A key longer than feedKeyBytes is cut, with a short
 * hash of the whole name after it, so two long names that start alike still get feeds of their own.
 */
export function feedKey(name: string): string {
  const key =
    name
      .normalize("NFC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "") || "-";
  if (Buffer.byteLength(key) <= feedKeyBytes) return key;
  const hash = createHash("sha256").update(name.normalize("NFC")).digest("hex").slice(0, 8);
  let cut = "";
  for (const char of key) {
    if (Buffer.byteLength(cut + char) > feedKeyBytes - hash.length - 1) break;
    cut += char;
  }
  return `${cut.replace(/-+$/, "")}-${hash}`;
}

/** Parses a page label as printed ("02", "A3", "a03") into its section letter and number. */
export function parseLabel(label: string): { letter: string; number: number } | null {
  const match = /^([A-Za-z]?)0*(\d{1,3})$/.exec(label.trim());
  if (!match) return null;
  return { letter: match[1].toUpperCase(), number: Number(match[2]) };
}
