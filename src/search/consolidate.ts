// Yearly segments: the editions' own segments of one year merged into one, so that a search of ten years fetches
// ten files per term instead of 3,650. Made by a full build and by the rebuild's cross-edition step, and after a
// publish by `npm run search:consolidate` (a background step: its segment goes live with the next publish). A
// segment is named by what it is made of and never changed; an edition republished since (a late page) is searched
// from its own segment, the yearly one's documents of it left aside (see manifest.ts).
//
// Memory stays bounded by a share of one year: the year's buckets (more for a bigger year, bucketsFor) are a
// multiple of an edition's, so the terms
// of an edition's bucket k land only in yearly buckets ≡ k; the merge reads bucket k of every edition, writes
// those yearly buckets, and lets them go before bucket k + 1.
import fs from "node:fs";
import path from "node:path";
import { hashBytes } from "../util/cache.ts";
import { editionBuckets, readEditionMeta, type EditionSegmentMeta } from "./edition.ts";
import { readBucket, TermPostings, writeBuckets } from "./postings.ts";

/**
 * A yearly bucket's size to aim at: a term's postings are fetched with its bucket's other terms, which are only
 * ballast (with 32 KB buckets, 90 % of what a ten-year query fetched); smaller buckets mean more files, not more.
 */
export const bucketTargetBytes = 4 * 1024;

/** Buckets of a segment of `bytes` of postings: a power of two (a multiple of an edition's), at most 16,384. */
export function bucketsFor(bytes: number): number {
  let buckets = editionBuckets;
  while (buckets < 16384 && bytes / buckets > bucketTargetBytes) buckets *= 2;
  return buckets;
}

/** meta.json of a yearly segment. */
export interface YearSegmentMeta {
  version: 1;
  id: string;
  year: number;
  buckets: number;
  docs: number;
  /** The editions merged, in document order: date, documents, the edition segment's hash */
  editions: [string, number, string][];
  sections: string[];
  columns: string[];
  /** Bytes of the bucket files */
  bytes: number;
}

/** An edition's segment folder, to merge. */
export interface EditionSegment {
  date: string;
  dir: string;
}

/** The id of the yearly segment of these editions' segments: the year and a hash of what it is made of. */
export function yearSegmentId(year: number, metas: Pick<EditionSegmentMeta, "date" | "hash">[]): string {
  return `${year}-${hashBytes("1", ...metas.map((m) => `${m.date}:${m.hash}`)).slice(0, 12)}`;
}

/**
 * The yearly segment of `editions` (one year's, oldest first) in `store`: made unless the store has it already.
 * Returns its meta and whether it was made now.
 */
export function consolidateYear(
  year: number,
  editions: EditionSegment[],
  store: string,
): { meta: YearSegmentMeta; made: boolean } {
  const metas = editions.map((e) => {
    const meta = readEditionMeta(e.dir);
    if (!meta) throw new Error(`${e.dir}: no search segment of ${e.date} to merge into ${year}'s`);
    return meta;
  });
  const id = yearSegmentId(year, metas);
  const target = path.join(store, id);
  const existing = readYearMeta(target);
  if (existing) return { meta: existing, made: false };

  const temp = `${target}.tmp-${process.pid}`;
  fs.rmSync(temp, { recursive: true, force: true });
  const offsets: number[] = [];
  let docs = 0;
  for (const meta of metas) {
    offsets.push(docs);
    docs += meta.docs;
  }
  const buckets = bucketsFor(editions.reduce((n, e) => n + folderBytes(path.join(e.dir, "b")), 0));
  let bytes = 0;
  for (let k = 0; k < editionBuckets; k++) {
    const terms = new Map<string, TermPostings>();
    editions.forEach((edition, i) => {
      const bucket = readBucket(edition.dir, k);
      for (const [term, ranges] of bucket.terms) {
        let merged = terms.get(term);
        if (!merged) terms.set(term, (merged = new TermPostings()));
        merged.copy(bucket.docs, ranges.docs, bucket.positions, ranges.positions, offsets[i]);
      }
    });
    bytes += writeBuckets(temp, terms, buckets, (j) => j % editionBuckets === k);
  }
  const meta: YearSegmentMeta = {
    version: 1,
    id,
    year,
    buckets,
    docs,
    editions: metas.map((m) => [m.date, m.docs, m.hash]),
    sections: [...new Set(metas.flatMap((m) => m.sections))],
    columns: [...new Set(metas.flatMap((m) => m.columns))],
    bytes,
  };
  fs.writeFileSync(path.join(temp, "meta.json"), JSON.stringify(meta));
  fs.mkdirSync(store, { recursive: true });
  fs.renameSync(temp, target);
  return { meta, made: true };
}

function folderBytes(dir: string): number {
  return fs.readdirSync(dir).reduce((n, name) => n + fs.statSync(path.join(dir, name)).size, 0);
}

export function readYearMeta(dir: string): YearSegmentMeta | null {
  try {
    const meta = JSON.parse(fs.readFileSync(path.join(dir, "meta.json"), "utf8")) as YearSegmentMeta;
    return meta.version === 1 ? meta : null;
  } catch {
    // Not there, or a merge that was stopped half-way (it writes meta.json last): not a segment.
    return null;
  }
}

/** Every finished yearly segment in `store`. */
export function storedYearSegments(store: string): YearSegmentMeta[] {
  if (!fs.existsSync(store)) return [];
  return fs
    .readdirSync(store)
    .filter((name) => /^\d{4}-[0-9a-f]{12}$/.test(name))
    .flatMap((name) => readYearMeta(path.join(store, name)) ?? []);
}

/** What a consolidation did: each year merged now, and those whose segment was there already. */
export interface ConsolidateResult {
  made: { year: number; id: string; docs: number; bytes: number }[];
  kept: number[];
  /** Every year's segment as its editions are now, made or kept */
  current: string[];
  /** Years with editions whose own segments are not at hand */
  skipped: number[];
}

/**
 * The yearly segment of every year of `editions` (dates and their segments' hashes) that the store does not have as
 * they are now, or of `years` only. `dirOf` says where an edition's own segment is.
 */
export function consolidateYears(
  editions: { date: string; hash: string }[],
  dirOf: (date: string) => string,
  store: string,
  years?: number[],
): ConsolidateResult {
  const byYear = new Map<number, { date: string; hash: string }[]>();
  for (const e of editions) {
    const year = Number(e.date.slice(0, 4));
    if (years && !years.includes(year)) continue;
    byYear.set(year, [...(byYear.get(year) ?? []), e]);
  }
  const result: ConsolidateResult = { made: [], kept: [], current: [], skipped: [] };
  for (const [year, list] of [...byYear].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => (a.date < b.date ? -1 : 1));
    // A year some of whose editions are not at hand (a rebuild of some shards: the others are live) is left to
    // the next consolidation of the live site.
    if (list.some((e) => !fs.existsSync(dirOf(e.date)))) {
      result.skipped.push(year);
      continue;
    }
    const done = consolidateYear(
      year,
      list.map((e) => ({ date: e.date, dir: dirOf(e.date) })),
      store,
    );
    if (done.made) result.made.push({ year, id: done.meta.id, docs: done.meta.docs, bytes: done.meta.bytes });
    else result.kept.push(year);
    result.current.push(done.meta.id);
  }
  return result;
}

/** The consolidation's report: a line per year merged, then the counts. */
export function formatConsolidate(result: ConsolidateResult): string {
  return [
    ...result.made.map((y) => `✓ ${y.year}: ${y.docs} articles, ${(y.bytes / 2 ** 20).toFixed(1)} MB`),
    `${result.made.length} yearly segments merged, ${result.kept.length} already up to date`,
  ].join("\n");
}
