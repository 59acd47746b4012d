// The search stage: each built edition's own segment (edition.ts), the yearly segments a full build makes
// (consolidate.ts), and the search page's manifest (manifest.ts). See README "Search".
import fs from "node:fs";
import path from "node:path";
import type { Edition } from "../model/types.ts";
import { urls } from "../model/urls.ts";
import { consolidateYear, storedYearSegments } from "./consolidate.ts";
import { readEditionMeta, searchEdition, writeEditionSegment, type EditionSegmentMeta } from "./edition.ts";
import { planManifest, readSearchState, searchStateFile, type SearchState } from "./manifest.ts";

export interface SearchStageOptions {
  outDir: string;
  /** Where the editions not built now are (the live release); default outDir */
  previousSite?: string;
  /** The image folder (a publish root's shared store); yearly segments go into its search/ folder */
  imageDir?: string;
  /** Whether to write the manifest: the archive's dates, oldest first, when the build is a cross-edition one */
  archive?: string[];
  /** Merge every year whose segment is missing or out of date (a full build, the rebuild's cross-edition step) */
  consolidate?: boolean;
}

export interface SearchStageResult {
  /** Editions whose own segment was written */
  editions: number;
  articles: number;
  /** Yearly segments made now, and in use */
  yearsMade: number;
  yearsUsed: number;
}

/** Where the yearly segments of a build are kept: beside the images, content-addressed like them. */
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
    [options.outDir, previous].map((site) => editionSegmentDir(site, date)).find((d) => fs.existsSync(d)) ?? null;
  const known = readSearchState(previous);
  const fresh = new Map(written.map((m) => [m.date, m]));
  const metas: EditionSegmentMeta[] = [];
  for (const date of options.archive) {
    const meta =
      fresh.get(date) ??
      // Built by a shard of this rebuild, or live since before the state was kept: its own meta.
      (known.editions[date] && !fs.existsSync(editionSegmentDir(options.outDir, date))
        ? { version: 1 as const, date, buckets: 0, ...known.editions[date] }
        : readEditionMeta(dirOf(date) ?? ""));
    if (meta) metas.push(meta);
  }
  const store = segmentStore(options.outDir, options.imageDir);
  if (options.consolidate) {
    const years = new Map<number, string[]>();
    for (const m of metas) {
      const year = Number(m.date.slice(0, 4));
      years.set(year, [...(years.get(year) ?? []), m.date]);
    }
    for (const [year, dates] of years) {
      const made = consolidateYear(
        year,
        dates.map((date) => ({ date, dir: dirOf(date)! })),
        store,
      );
      if (made.made) result.yearsMade++;
    }
  }
  const manifest = planManifest(metas, storedYearSegments(store), (id) => urls.searchSegment(id));
  result.yearsUsed = manifest.segments.length;
  writeJson(path.join(options.outDir, urls.searchManifest().slice(1)), manifest);
  const state: SearchState = {
    version: 1,
    editions: Object.fromEntries(
      metas.map((m) => [m.date, { docs: m.docs, hash: m.hash, sections: m.sections, columns: m.columns }]),
    ),
  };
  writeJson(path.join(options.outDir, searchStateFile), state);
  return result;
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value));
}
