// The search stage and the consolidation after it: each built edition's own segment (edition.ts), the yearly
// segments (consolidate.ts) and the search page's manifest (manifest.ts). See README "Search".
import fs from "node:fs";
import path from "node:path";
import type { Edition } from "../model/types.ts";
import { urls } from "../model/urls.ts";
import { consolidateYears, storedYearSegments, type ConsolidateResult } from "./consolidate.ts";
import { readEditionMeta, searchEdition, writeEditionSegment, type EditionSegmentMeta } from "./edition.ts";
import { planManifest, readSearchState, searchStateFile, type SearchState } from "./manifest.ts";

export interface SearchStageOptions {
  outDir: string;
  /** Where the editions not built now are (the live release); default outDir */
  previousSite?: string;
  /** The image folder (a publish root's shared store); yearly segments go into its search/ folder */
  imageDir?: string;
  /** The archive's dates, oldest first, when the build writes the manifest (a cross-edition build) */
  archive?: string[];
  /** Merge every year whose segment is missing or out of date (a full build, the rebuild's cross-edition step) */
  consolidate?: boolean;
}

export interface SearchStageResult {
  /** Editions whose own segment was written, and their articles */
  editions: number;
  articles: number;
  /** Yearly segments merged now, and those the manifest names */
  yearsMade: number;
  yearsUsed: number;
}

/** An edition's segment meta as the manifest needs it. */
export type EditionEntry = Pick<EditionSegmentMeta, "date" | "docs" | "hash" | "sections" | "columns">;

/** Where the yearly segments of a site are kept: beside the images, content-addressed like them. */
export function segmentStore(outDir: string, imageDir?: string): string {
  // The image folder is img/ in a site (src/images/stage.ts), or a publish root's shared store.
  return path.join(imageDir ?? path.join(outDir, "img"), "search");
}

/** An edition's own segment folder in a site. */
export function editionSegmentDir(site: string, date: string): string {
  return path.join(site, urls.searchIndex(date).slice(1));
}

export function writeSearch(indexed: Edition[], options: SearchStageOptions): SearchStageResult {
  const written = indexed.map((e) => writeEditionSegment(searchEdition(e), editionSegmentDir(options.outDir, e.date)));
  const result: SearchStageResult = {
    editions: written.length,
    articles: written.reduce((n, m) => n + m.docs, 0),
    yearsMade: 0,
    yearsUsed: 0,
  };
  if (!options.archive) return result;
  const previous = options.previousSite ?? options.outDir;
  const dirOf = (date: string) =>
    [options.outDir, previous].map((site) => editionSegmentDir(site, date)).find((d) => fs.existsSync(d)) ??
    editionSegmentDir(previous, date);
  const known = readSearchState(previous).editions;
  const fresh = new Map(written.map((m) => [m.date, m]));
  const entries: EditionEntry[] = [];
  for (const date of options.archive) {
    // Built now; else as the state of the live site has it (a publish reads one file); else, built by a shard of
    // this rebuild or live from before the state was kept, its own meta.
    const builtHere = !fresh.has(date) && fs.existsSync(editionSegmentDir(options.outDir, date));
    const entry =
      fresh.get(date) ?? (known[date] && !builtHere ? { date, ...known[date] } : readEditionMeta(dirOf(date)));
    if (entry) entries.push(entry);
  }
  const store = segmentStore(options.outDir, options.imageDir);
  if (options.consolidate) result.yearsMade = consolidateYears(entries, dirOf, store).made.length;
  result.yearsUsed = writeManifest(options.outDir, entries, store);
  return result;
}

/**
 * `npm run search:consolidate`: the yearly segments of a built site's editions (of `years`, or of every year whose
 * segment is missing or out of date) into `store`; with `manifest`, the site's manifest names them at once (a
 * plain site); a publish root's live release is never changed, its next publish names them.
 */
export function consolidateSite(
  site: string,
  store: string,
  options: { years?: number[]; manifest?: boolean } = {},
): ConsolidateResult {
  const state = readSearchState(site);
  const entries = Object.entries(state.editions)
    .map(([date, e]) => ({ date, ...e }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  if (!entries.length)
    throw new Error(`${path.join(site, searchStateFile)}: no editions to merge (build the site first)`);
  const result = consolidateYears(entries, (date) => editionSegmentDir(site, date), store, options.years);
  if (options.manifest) writeManifest(site, entries, store);
  return result;
}

/** The manifest and the state of `entries` over the segments in `store`; returns the segments it names. */
export function writeManifest(site: string, entries: EditionEntry[], store: string): number {
  const manifest = planManifest(entries, storedYearSegments(store), (id) => urls.searchSegment(id));
  writeJson(path.join(site, urls.searchManifest().slice(1)), manifest);
  const state: SearchState = {
    version: 1,
    editions: Object.fromEntries(
      entries.map((m) => [m.date, { docs: m.docs, hash: m.hash, sections: m.sections, columns: m.columns }]),
    ),
  };
  writeJson(path.join(site, searchStateFile), state);
  return manifest.segments.length;
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Replaced in one rename: a reader of a plain site never gets half a manifest.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(value));
  fs.renameSync(`${file}.tmp`, file);
}
