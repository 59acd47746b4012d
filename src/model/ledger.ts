// The URL ledger: which article addresses an edition had when it was last built, so an address keeps answering
// after a night editor renames an article file (a redirect page) or takes the article off the site (a "withdrawn"
// page), and so a withdrawal knows which images to delete. One small file per edition, written with its pages;
// `_banmian/redirects.json` gathers every edition's redirects for the site's `_redirects` file.
import fs from "node:fs";
import path from "node:path";
import type { Article, Edition } from "../model/types.ts";

export interface LedgerArticle {
  url: string;
  /** Page label as the folder gives it */
  page: string;
  order: number;
  headline: string;
  /** Folders under img/ that only this article's views use: its clipping and share card, its photos */
  images: string[];
}

/** An old address and where it went, both site-relative. */
export interface Redirect {
  from: string;
  to: string;
}

export interface UrlLedger {
  version: 1;
  date: string;
  articles: LedgerArticle[];
  /** Every rename seen so far, each pointing at the article's address now */
  redirects: Redirect[];
  /** Addresses of articles taken off the site */
  withdrawn: string[];
  /** img/ folders of withdrawn articles, kept from the ledger where they were live (so deleting them can be
   * done again by a later publish if the one that withdrew them was killed first) */
  withdrawnImages?: string[];
}

/** All editions' redirects and withdrawals, for the `_redirects` file (site-wide, merged like the archive index). */
export interface RedirectIndex {
  version: 1;
  editions: Record<string, { redirects: Redirect[]; withdrawn: string[] }>;
}

export const redirectIndexFile = "_banmian/redirects.json";

export function ledgerFile(siteDir: string, date: string): string {
  return path.join(siteDir, date, "_banmian", "urls.json");
}

function readJson<T>(file: string): T | null {
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

export function readLedger(siteDir: string, date: string): UrlLedger | null {
  const ledger = readJson<UrlLedger>(ledgerFile(siteDir, date));
  return ledger?.version === 1 ? ledger : null;
}

export function readRedirectIndex(siteDir: string): RedirectIndex {
  const index = readJson<RedirectIndex>(path.join(siteDir, redirectIndexFile));
  return index?.version === 1 ? index : { version: 1, editions: {} };
}

/** The img/ folder of a derivative's URL: /img/<key>/800.jpg → <key>. */
function imageKey(url: string | undefined): string[] {
  const match = url ? /^\/img\/([^/]+)\//.exec(url) : null;
  return match ? [match[1]] : [];
}

export function ledgerArticle(article: Article): LedgerArticle {
  const images = new Set([
    ...imageKey(article.clipping?.url),
    ...imageKey(article.shareImage?.url),
    ...article.figures.flatMap((f) => imageKey(f.picture?.fallback.url)),
  ]);
  return {
    url: article.url,
    page: article.page.label,
    order: article.order,
    headline: article.headline,
    images: [...images].sort(),
  };
}

/**
 * Renames between the last build of an edition and this one. An address that is gone (and not withdrawn) went to
 * the new address on the same page that did not exist before and has the same headline; failing that (the
 * headline was changed too), to the one at the same reading position (NN). Anything else is left unmatched: a
 * guess would send readers of one article to another.
 */
export function findRenames(before: LedgerArticle[], now: LedgerArticle[], withdrawn: Set<string>): Redirect[] {
  const nowUrls = new Set(now.map((a) => a.url));
  const beforeUrls = new Set(before.map((a) => a.url));
  const gone = before.filter((a) => !nowUrls.has(a.url) && !withdrawn.has(a.url));
  const fresh = now.filter((a) => !beforeUrls.has(a.url));
  const taken = new Set<string>();
  const redirects: Redirect[] = [];
  for (const match of [
    (o: LedgerArticle, n: LedgerArticle) => o.headline === n.headline,
    (o: LedgerArticle, n: LedgerArticle) => o.order === n.order,
  ]) {
    for (const old of gone) {
      if (redirects.some((r) => r.from === old.url)) continue;
      const candidates = fresh.filter((n) => n.page === old.page && !taken.has(n.url) && match(old, n));
      if (candidates.length !== 1) continue;
      taken.add(candidates[0].url);
      redirects.push({ from: old.url, to: candidates[0].url });
    }
  }
  return redirects;
}

/**
 * This build's ledger of `edition`: the renames since `previous` added to the ones it had, each old address
 * pointing at the article's address now (a file renamed twice redirects both old names to the newest), and none
 * from an address that is an article again.
 */
export function buildLedger(edition: Edition, previous: UrlLedger | null): UrlLedger {
  const articles = edition.articles.map(ledgerArticle);
  const withdrawn = edition.withdrawn.map((w) => w.url);
  const renames = findRenames(previous?.articles ?? [], articles, new Set(withdrawn));
  const live = new Set([...articles.map((a) => a.url), ...withdrawn]);
  const target = new Map(renames.map((r) => [r.from, r.to]));
  const redirects = new Map<string, string>();
  for (const r of [...(previous?.redirects ?? []), ...renames]) {
    if (!live.has(r.from)) redirects.set(r.from, target.get(r.to) ?? r.to);
  }
  const gone = new Set(withdrawn);
  const shown = new Set(articles.flatMap((a) => a.images));
  // An article brought back (its line deleted from edition.yml) shows its pictures again: they are not withdrawn.
  const withdrawnImages = new Set(
    [
      ...(previous?.withdrawnImages ?? []),
      ...(previous?.articles ?? []).filter((a) => gone.has(a.url)).flatMap((a) => a.images),
    ].filter((key) => !shown.has(key)),
  );
  return {
    version: 1,
    date: edition.date,
    articles,
    redirects: [...redirects].map(([from, to]) => ({ from, to })).sort((a, b) => (a.from < b.from ? -1 : 1)),
    withdrawn,
    ...(withdrawnImages.size ? { withdrawnImages: [...withdrawnImages].sort() } : {}),
  };
}

/** Replaces the built editions' entries, keeps the others, drops editions that no longer exist. */
export function mergeRedirectIndex(
  previous: RedirectIndex,
  built: UrlLedger[],
  existingDates: Set<string>,
): RedirectIndex {
  const editions: RedirectIndex["editions"] = {};
  for (const [date, entry] of Object.entries(previous.editions)) if (existingDates.has(date)) editions[date] = entry;
  for (const l of built) editions[l.date] = { redirects: l.redirects, withdrawn: l.withdrawn };
  const sorted: RedirectIndex["editions"] = {};
  for (const date of Object.keys(editions).sort()) {
    if (editions[date].redirects.length || editions[date].withdrawn.length) sorted[date] = editions[date];
  }
  return { version: 1, editions: sorted };
}

/**
 * The `_redirects` file static hosts read (Netlify, Cloudflare Pages: "from to status"): a renamed article's old
 * address moves permanently (301); a withdrawn one answers 410 Gone with its withdrawn page (Netlify's forced
 * rewrite "410!"; hosts without it serve the page itself, with noindex, and status 200).
 */
export function redirectsFileLines(index: RedirectIndex, prefix: string): string[] {
  const p = (url: string) => `${prefix}${url.slice(1)}`;
  return Object.values(index.editions).flatMap((e) => [
    ...e.redirects.map((r) => `${p(r.from)} ${p(r.to)} 301`),
    ...e.withdrawn.map((url) => `${p(url)} ${p(url)}index.html 410!`),
  ]);
}
