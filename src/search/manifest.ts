// The search page's map of the archive (/search/manifest.json): every edition, newest first, with the segment its
// documents are searched in — a yearly segment when one holds the edition as it is now, else the edition's own —
// and the sections and columns the filters offer. Written by every cross-edition build from the editions'
// segment metas (kept between builds in _banmian/search.json, so a publish reads one file, not one per edition).
import fs from "node:fs";
import path from "node:path";
import { urls } from "../model/urls.ts";
import { editionBuckets, type EditionSegmentMeta } from "./edition.ts";
import type { YearSegmentMeta } from "./consolidate.ts";

export interface SearchManifest {
  version: 1;
  /** An edition's own segment, from the site root: "/{date}/search/" with the date put in */
  edition: string;
  editionBuckets: number;
  /** The yearly segments in use, from the site root */
  segments: { path: string; year: number; buckets: number; docs: number }[];
  /** Newest first: date, documents, the segment searched (index into segments, -1: the edition's own), and the
   * edition's first document in it */
  editions: [string, number, number, number][];
  sections: string[];
  columns: string[];
}

/** What the builds keep of each edition's segment between them (_banmian/search.json). */
export interface SearchState {
  version: 1;
  editions: Record<string, Pick<EditionSegmentMeta, "docs" | "hash" | "sections" | "columns">>;
}

export const searchStateFile = "_banmian/search.json";

export function readSearchState(site: string): SearchState {
  try {
    const state = JSON.parse(fs.readFileSync(path.join(site, searchStateFile), "utf8")) as SearchState;
    if (state.version === 1) return state;
  } catch {
    // No state yet (the first build, or a site built before this index): the editions' own metas are read instead.
  }
  return { version: 1, editions: {} };
}

/**
 * The manifest of `editions` (the archive's, oldest first, each with its segment's meta) over the yearly segments
 * in `segments`: per year the segment that holds most of the year's editions as they are now.
 */
export function planManifest(
  editions: Pick<EditionSegmentMeta, "date" | "docs" | "hash" | "sections" | "columns">[],
  segments: YearSegmentMeta[],
  segmentPath: (id: string) => string,
): SearchManifest {
  const current = new Map(editions.map((e) => [e.date, e.hash]));
  const matching = (s: YearSegmentMeta) => s.editions.filter(([date, , hash]) => current.get(date) === hash).length;
  const chosen = new Map<number, YearSegmentMeta>();
  for (const s of segments) {
    const best = chosen.get(s.year);
    if (matching(s) > 0 && (!best || matching(s) > matching(best))) chosen.set(s.year, s);
  }
  const used = [...chosen.values()].sort((a, b) => a.year - b.year);
  const place = new Map<string, [number, number]>();
  used.forEach((s, index) => {
    let offset = 0;
    for (const [date, docs, hash] of s.editions) {
      if (current.get(date) === hash) place.set(date, [index, offset]);
      offset += docs;
    }
  });
  return {
    version: 1,
    edition: urls.searchIndex("{date}"),
    editionBuckets,
    segments: used.map((s) => ({ path: segmentPath(s.id), year: s.year, buckets: s.buckets, docs: s.docs })),
    editions: [...editions].reverse().map((e) => [e.date, e.docs, ...(place.get(e.date) ?? [-1, 0])]),
    sections: [...new Set(editions.flatMap((e) => e.sections))],
    columns: [...new Set(editions.flatMap((e) => e.columns))].sort(),
  };
}
