// One edition's search files, written with the edition into its folder (/DATE/search/) and never rewritten: its
// segment (postings in a few bucket files) and, per article, what its result shows (a/N.json: headline, edition,
// page, links, and the text its excerpt is cut from — one file per result, so a page of results is 20 requests). A night's publish adds these and nothing else; the yearly
// segments are made from them later (consolidate.ts). Offline, a saved edition is searched from these files alone.
import fs from "node:fs";
import path from "node:path";
import { facetTerm, occurrences, positional } from "../client/search-core.js";
import { hashBytes } from "../util/cache.ts";
import type { Edition } from "../model/types.ts";
import { TermPostings, writeBuckets } from "./postings.ts";

/** What the index keeps of an article: its words, where it is and what the result list shows. */
export interface SearchArticle {
  url: string;
  headline: string;
  kicker?: string;
  subtitle?: string;
  byline?: string;
  text: string;
  captions: string[];
  /** The page's section (版名) and the page as the strip labels it (02版：综合) */
  section: string;
  page: string;
  column?: string;
  /** The article's area on its page view, for 在版面上查看 */
  scan?: string;
}

export interface SearchEdition {
  date: string;
  /** The date as readers read it (2022年9月2日 星期五) */
  label: string;
  articles: SearchArticle[];
}

/** An edition's segment: 64 buckets keep each file near 4 KB for a 60-article edition. */
export const editionBuckets = 64;

/** meta.json of an edition's segment. */
export interface EditionSegmentMeta {
  version: 1;
  date: string;
  buckets: number;
  docs: number;
  /** Of the postings: the yearly segment made from this one names it */
  hash: string;
  sections: string[];
  columns: string[];
}

/** a/N.json: what a result shows of the segment's document N. */
export interface ResultDoc {
  /** url, headline, edition date label, page, section, column, scan link, indexed text */
  u: string;
  h: string;
  d: string;
  p: string;
  s: string;
  c?: string;
  a?: string;
  t: string;
}

/** The words of an article the index reads, headline first (a match early in the text ranks higher). */
export function indexedText(a: SearchArticle): string {
  return [a.kicker, a.headline, a.subtitle, a.byline, a.text, ...a.captions].filter(Boolean).join("\n");
}

export function searchEdition(edition: Edition): SearchEdition {
  return {
    date: edition.date,
    label: edition.dateLabel,
    articles: edition.articles.map((article) => ({
      url: article.url,
      headline: article.headline,
      kicker: article.kicker,
      subtitle: article.subtitle,
      byline: article.byline,
      text: article.text,
      captions: article.figures.map((f) => f.caption).filter((c): c is string => Boolean(c)),
      section: article.page.section,
      page: article.page.stripLabel,
      column: article.column,
      // Only articles with an area on a scan can be shown on their page.
      ...(article.polygon && article.page.images ? { scan: `${article.page.url}#area-${article.slug}` } : {}),
    })),
  };
}

/** Writes `edition`'s search files into `dir` (emptied first); returns its meta. */
export function writeEditionSegment(edition: SearchEdition, dir: string): EditionSegmentMeta {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, "a"), { recursive: true });
  const terms = new Map<string, TermPostings>();
  const postingsOf = (term: string) => {
    let p = terms.get(term);
    if (!p) terms.set(term, (p = new TermPostings()));
    return p;
  };
  edition.articles.forEach((article, doc) => {
    const text = indexedText(article);
    const result: ResultDoc = {
      u: article.url,
      h: article.headline,
      d: edition.label,
      p: article.page,
      s: article.section,
      ...(article.column ? { c: article.column } : {}),
      ...(article.scan ? { a: article.scan } : {}),
      t: text,
    };
    fs.writeFileSync(path.join(dir, "a", `${doc}.json`), JSON.stringify(result));
    const found = new Map<string, number[]>();
    const counts = new Map<string, number>();
    for (const o of occurrences(text)) {
      counts.set(o.term, (counts.get(o.term) ?? 0) + 1);
      if (o.pos >= 0) {
        const list = found.get(o.term);
        if (list) list.push(o.pos);
        else found.set(o.term, [o.pos]);
      }
    }
    for (const [term, count] of counts) postingsOf(term).add(doc, count, positional(term) ? found.get(term)! : null);
    postingsOf(facetTerm("section", article.section)).add(doc, 1, null);
    if (article.column) postingsOf(facetTerm("column", article.column)).add(doc, 1, null);
  });
  writeBuckets(dir, terms, editionBuckets);
  const bucketBytes = Array.from({ length: editionBuckets }, (_, k) =>
    ["b", "p"].map((folder) => fs.readFileSync(path.join(dir, folder, `${k}.bin`))),
  ).flat();
  const meta: EditionSegmentMeta = {
    version: 1,
    date: edition.date,
    buckets: editionBuckets,
    docs: edition.articles.length,
    hash: hashBytes(...bucketBytes),
    sections: [...new Set(edition.articles.map((a) => a.section))],
    columns: [...new Set(edition.articles.flatMap((a) => (a.column ? [a.column] : [])))],
  };
  fs.writeFileSync(path.join(dir, "meta.json"), JSON.stringify(meta));
  return meta;
}

export function readEditionMeta(dir: string): EditionSegmentMeta | null {
  try {
    const meta = JSON.parse(fs.readFileSync(path.join(dir, "meta.json"), "utf8")) as EditionSegmentMeta;
    return meta.version === 1 ? meta : null;
  } catch {
    // No segment there (an edition built before this index, or not built at all): the caller writes or skips it.
    return null;
  }
}
