// The terms index and query share (src/client/search-core.js): what a text is cut into, what a query needs, the
// bucket a term is in, and postings read back as the indexer wrote them.
import { describe, expect, it } from "vitest";
import {
  bucketOf,
  bucketTerms,
  facetTerm,
  occurrences,
  positional,
  queryTerms,
  readPositions,
  readPostings,
  termHash,
} from "../../../src/client/search-core.js";
import { TermPostings, VarintWriter } from "../../../src/search/postings.ts";

describe("occurrences", () => {
  it("cuts Han text into bigrams at their positions, each character alone without one, other words whole", () => {
    expect(occurrences("学校，安全 New York")).toEqual([
      { term: "学", pos: -1 },
      { term: "学校", pos: 0 },
      { term: "校", pos: -1 },
      { term: "安", pos: -1 },
      { term: "安全", pos: 3 },
      { term: "全", pos: -1 },
      { term: "new", pos: 6 },
      { term: "york", pos: 10 },
    ]);
  });

  it("reads full-width letters and digits as ASCII, counts a character outside the BMP once, marks a lone character", () => {
    expect(occurrences("ＡＢＣ１２")).toEqual([{ term: "abc12", pos: 0 }]);
    expect(occurrences("𠀀好 3月").map((o) => [o.term, o.pos, o.lone ?? false])).toEqual([
      ["𠀀", -1, false],
      ["𠀀好", 0, false],
      ["好", -1, false],
      ["3", 3, false],
      ["月", -1, true],
    ]);
  });
});

describe("queryTerms", () => {
  it.each([
    [
      "档案测试甲",
      [
        ["档案", 0],
        ["测试", 2],
        ["试甲", 3],
      ],
    ],
    [
      "档案测试",
      [
        ["档案", 0],
        ["测试", 2],
      ],
    ],
    ["学校", [["学校", 0]]],
    ["甲", [["甲", -1]]],
    [
      "3月",
      [
        ["3", 0],
        ["月", -1],
      ],
    ],
    [
      "New  York",
      [
        ["new", 0],
        ["york", 4],
      ],
    ],
  ])("%s needs %j", (word, expected) => {
    expect(queryTerms(word).map((t: { term: string; offset: number }) => [t.term, t.offset])).toEqual(expected);
  });
});

describe("terms and buckets", () => {
  it("hashes with 32-bit FNV-1a (the indexer and the page must agree) into a power-of-two bucket", () => {
    expect(termHash("")).toBe(0x811c9dc5);
    expect(termHash("a")).toBe(0xe40c292c);
    for (const term of ["学校", "new", facetTerm("section", "要闻")]) {
      const b = bucketOf(term, 16);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(16);
      // A yearly segment's bucket of a term is one of the edition bucket's (their terms stay together).
      expect(bucketOf(term, 1024) % 16).toBe(b);
      expect(bucketOf(term, 16384) % 64).toBe(bucketOf(term, 64));
    }
  });

  it("keeps positions for bigrams and words only", () => {
    expect([positional("学校"), positional("new"), positional("学"), positional(facetTerm("column", "创文"))]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("postings", () => {
  it("reads a bucket's terms, documents and positions as TermPostings wrote them, copies moved by an offset included", () => {
    const edition = new TermPostings();
    edition.add(0, 2, [3, 200]);
    edition.add(5, 1, [70000]);
    const merged = new TermPostings();
    merged.add(1, 1, [90]);
    const part = edition.encoded();
    merged.copy(part.docs, [0, part.docs.length], part.positions, [0, part.positions.length], 10);
    const name = new TextEncoder().encode("学校");
    const body = merged.encoded();
    const file = new VarintWriter();
    file.push(1);
    file.push(name.length);
    file.pushBytes(name);
    file.push(body.docs.length);
    file.push(body.positions.length);
    file.pushBytes(body.docs);
    const bytes = file.done();
    const terms = bucketTerms(bytes);
    expect([...terms.keys()]).toEqual(["学校"]);
    const ranges = terms.get("学校")!;
    const found = readPostings(bytes, ranges.docs);
    // Without positions: counts, and whether the first match is early (in the headline).
    expect(found).toEqual([
      { doc: 1, count: 1, early: false, positions: null },
      { doc: 10, count: 2, early: true, positions: null },
      { doc: 15, count: 1, early: false, positions: null },
    ]);
    readPositions(body.positions, ranges.positions, found);
    expect(found.map((p) => p.positions)).toEqual([[90], [3, 200], [70000]]);
  });
});
