// Yearly segments: merged from the editions' own segments, they hold exactly the editions' postings (document ids
// moved up), are named by what they are made of and made once.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bucketOf, occurrences, positional, readPositions, readPostings } from "../../../src/client/search-core.js";
import { bucketsFor, consolidateYears, storedYearSegments } from "../../../src/search/consolidate.ts";
import { editionBuckets, writeEditionSegment, type SearchEdition } from "../../../src/search/edition.ts";
import { readBucket } from "../../../src/search/postings.ts";
import { tempDir } from "../../helpers/build.ts";

const edition = (date: string, bodies: string[]): SearchEdition => ({
  date,
  label: date,
  articles: bodies.map((text, i) => ({
    url: `/${date}/01/a${i}/`,
    headline: `标题${i}`,
    text,
    captions: [],
    section: "要闻",
    page: "01版：要闻",
  })),
});

/** Every document's postings of `term` in a segment folder, as the search page reads them. */
function postingsOf(dir: string, term: string, buckets: number) {
  const bucket = readBucket(dir, bucketOf(term, buckets));
  const ranges = bucket.terms.get(term);
  if (!ranges) return [];
  const found = readPostings(bucket.docs, ranges.docs);
  if (positional(term)) readPositions(bucket.positions, ranges.positions, found);
  return found;
}

describe("consolidateYears", () => {
  it("merges a year's editions into one segment holding each edition's postings at its offset, once", () => {
    const site = tempDir("segments");
    const editions = [
      edition("2024-01-01", ["沙河新桥今日通车", "招聘会在会展中心举行"]),
      edition("2024-01-02", ["新桥全长一千二百米，沙河新桥", "公园新添步道"]),
      edition("2025-01-01", ["新年招聘会"]),
    ];
    const dirOf = (date: string) => path.join(site, date, "search");
    const metas = editions.map((e) => writeEditionSegment(e, dirOf(e.date)));
    const store = path.join(site, "store");
    const first = consolidateYears(metas, dirOf, store);
    expect(first.made.map((y) => [y.year, y.docs])).toEqual([
      [2024, 4],
      [2025, 1],
    ]);
    const [y2024] = storedYearSegments(store).filter((s) => s.year === 2024);
    expect(y2024.editions.map(([date, docs]) => [date, docs])).toEqual([
      ["2024-01-01", 2],
      ["2024-01-02", 2],
    ]);
    const yearDir = path.join(store, y2024.id);
    const texts = editions.slice(0, 2).flatMap((e) => e.articles.map((a) => `${a.headline}\n${a.text}`));
    const terms = new Set(texts.flatMap((t) => occurrences(t).map((o: { term: string }) => o.term)));
    expect(terms.size).toBeGreaterThan(20);
    for (const term of terms) {
      const expected = editions
        .slice(0, 2)
        .flatMap((e, i) => postingsOf(dirOf(e.date), term, editionBuckets).map((p) => ({ ...p, doc: p.doc + i * 2 })));
      expect(postingsOf(yearDir, term, y2024.buckets), term).toEqual(expected);
    }
    // The headline (标题0, 4 characters and a newline) comes first in the indexed text.
    expect(postingsOf(yearDir, "新桥", y2024.buckets).map((p) => [p.doc, p.positions])).toEqual([
      [0, [6]],
      [2, [4, 16]],
    ]);
    // Nothing changed: nothing is merged again.
    const again = consolidateYears(metas, dirOf, store);
    expect(again.made).toEqual([]);
    expect(again.kept).toEqual([2024, 2025]);
    expect([...again.current].sort()).toEqual(fs.readdirSync(store).sort());
    // An edition republished with other words: its year is merged anew, the other year is kept.
    metas[1] = writeEditionSegment(edition("2024-01-02", ["改写后的文章"]), dirOf("2024-01-02"));
    expect(consolidateYears(metas, dirOf, store).made.map((y) => y.year)).toEqual([2024]);
    expect(fs.readdirSync(store).filter((n) => n.startsWith("2024-"))).toHaveLength(2);
    // A year one of whose editions is not at hand (a rebuild of other shards) is left for later.
    const partial = consolidateYears([...metas, { date: "2025-06-01", hash: "x" }], dirOf, store);
    expect(partial.skipped).toEqual([2025]);
    expect(partial.kept).toEqual([2024]);
  });

  it("sizes a year's buckets to its postings: a power of two from an edition's 64 to 16,384", () => {
    expect(bucketsFor(0)).toBe(64);
    expect(bucketsFor(32 * 1024 * 1024)).toBe(8192);
    expect(bucketsFor(10 ** 12)).toBe(16384);
  });
});
