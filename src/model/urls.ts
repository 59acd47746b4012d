// Every URL of the site, built in one place (site-relative; the path prefix is added when HTML is written).

export const urls = {
  home: () => "/",
  edition: (date: string) => `/${date}/`,
  page: (date: string, label: string) => `/${date}/${label.toLowerCase()}/`,
  article: (date: string, label: string, slug: string) => `/${date}/${label.toLowerCase()}/${slug}/`,
  story: (date: string, key: string) => `/${date}/story/${key}/`,
  /** What a reader's browser stores to read an edition offline */
  offlineManifest: (date: string) => `/${date}/offline.json`,
  serviceWorker: () => "/sw.js",
  archive: () => "/archive/",
  archiveYear: (year: number) => `/archive/${year}/`,
  search: () => "/search/",
  /** One Pagefind bundle per edition */
  searchIndex: (date: string) => `/${date}/pagefind/`,
  /** The list of editions the search page can merge */
  searchEditions: () => "/search/editions.json",
  feed: () => "/feed.xml",
  sitemap: () => "/sitemap.xml",
  /** One sitemap per month (a sitemap may list at most 50,000 URLs) */
  sitemapMonth: (month: string) => `/sitemaps/${month}.xml`,
};

/** Parses a page label as printed ("02", "A3", "a03") into its section letter and number. */
export function parseLabel(label: string): { letter: string; number: number } | null {
  const match = /^([A-Za-z]?)0*(\d{1,3})$/.exec(label.trim());
  if (!match) return null;
  return { letter: match[1].toUpperCase(), number: Number(match[2]) };
}
