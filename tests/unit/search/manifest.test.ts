// The search page's map: each edition's segment — the yearly one that holds it as it is now, else its own.
import { describe, expect, it } from "vitest";
import type { YearSegmentMeta } from "../../../src/search/consolidate.ts";
import { manifestEditions } from "../../../src/client/search-core.js";
import { planManifest } from "../../../src/search/manifest.ts";

const entry = (date: string, docs: number, hash: string, sections = ["要闻"], columns: string[] = []) => ({
  date,
  docs,
  hash,
  sections,
  columns,
});

const segment = (id: string, year: number, editions: [string, number, string][]): YearSegmentMeta => ({
  version: 1,
  id,
  year,
  buckets: 64,
  docs: editions.reduce((n, e) => n + e[1], 0),
  editions,
  sections: [],
  columns: [],
  bytes: 0,
});

describe("planManifest", () => {
  it("lists editions newest first with their segment and offset; an edition changed since its merge is its own", () => {
    const editions = [
      entry("2023-12-31", 3, "a"),
      entry("2024-01-01", 2, "b"),
      entry("2024-01-02", 4, "c2", ["经济"], ["创文"]),
      entry("2024-01-03", 5, "d"),
    ];
    const merged = segment("2024-merged", 2024, [
      ["2024-01-01", 2, "b"],
      ["2024-01-02", 4, "c1"],
    ]);
    const manifest = planManifest(editions, [merged], (id) => `/img/search/${id}/`);
    expect(manifest.segments.map((s) => s.path)).toEqual(["/img/search/2024-merged/"]);
    expect(manifestEditions(manifest)).toEqual([
      ["2024-01-03", 5, -1, 0],
      ["2024-01-02", 4, -1, 0],
      ["2024-01-01", 2, 0, 0],
      ["2023-12-31", 3, -1, 0],
    ]);
    expect(manifest.sections).toEqual(["要闻", "经济"]);
    expect(manifest.columns).toEqual(["创文"]);
    expect(manifest.edition).toBe("/{date}/search/");
  });

  it("takes the yearly segment holding most of the year as it is, each edition at its first document", () => {
    const editions = [entry("2024-01-01", 2, "b"), entry("2024-01-02", 4, "c")];
    const full = segment("2024-full", 2024, [
      ["2024-01-01", 2, "b"],
      ["2024-01-02", 4, "c"],
    ]);
    const part = segment("2024-part", 2024, [["2024-01-01", 2, "b"]]);
    const manifest = planManifest(editions, [part, full], (id) => id);
    expect(manifest.segments.map((s) => s.path)).toEqual(["2024-full"]);
    expect(manifestEditions(manifest)).toEqual([
      ["2024-01-02", 4, 0, 2],
      ["2024-01-01", 2, 0, 0],
    ]);
  });
});
