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
  /** The newest edition's date */
  newest: string;
  /** Newest first: days before the newer edition, documents, the segment searched (index into segments, -1: the
   * edition's own), documents of that segment between it and its newer edition there (manifestEditions in
   * src/client/search-core.js reads them back as dates and first documents) */
  editions: [number, number, number, number][];
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
    newest: editions.length ? editions[editions.length - 1].date : "",
    editions: compact(
      [...editions].reverse().map((e) => [e.date, e.docs, ...(place.get(e.date) ?? [-1, 0])]),
      used.map((s) => s.docs),
    ),
    sections: [...new Set(editions.flatMap((e) => e.sections))],
    columns: [...new Set(editions.flatMap((e) => e.columns))].sort(),
  };
}

/** Newest-first [date, documents, segment, first document] as the manifest keeps them (see manifestEditions). */
function compact(
  editions: [string, number, number, number][],
  segmentDocs: number[],
): [number, number, number, number][] {
  const cursor = [...segmentDocs];
  let newer = editions.length ? Date.parse(`${editions[0][0]}T00:00:00Z`) : 0;
  return editions.map(([date, docs, seg, offset]) => {
    const day = Date.parse(`${date}T00:00:00Z`);
    const gap = Math.round((newer - day) / 86_400_000);
    newer = day;
    if (seg < 0) return [gap, docs, seg, 0];
    const skip = cursor[seg] - offset - docs;
    cursor[seg] = offset;
    return [gap, docs, seg, skip];
  });
}
