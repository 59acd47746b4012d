// The summaries stage: each edition's open data and URL ledger beside its pages, the archive index (or a shard's
// part of it), and what the build left out linked from the live site.
import fs from "node:fs";
import path from "node:path";
import { archiveIndexFile, indexEdition } from "../model/archive.ts";
import { ledgerFile, redirectIndexFile } from "../model/ledger.ts";
import { writeShardPart } from "../model/shard-parts.ts";
import type { SiteData } from "../model/site.ts";
import type { Edition } from "../model/types.ts";
import { urls } from "../model/urls.ts";
import { writeOpenData } from "../opendata/write.ts";
import { linkMissing } from "../util/files.ts";
import type { BuildOptions } from "./options.ts";

/** What the summaries stage wrote: the archive index whole, or a shard's part of it; and the folders it linked. */
export interface SummariesResult {
  index: "archive" | "shard part";
  /** Folders of the previous site linked into this build: editions kept as they are live, unchanged years' archive pages */
  linked: string[];
}

/**
 * Writes the summaries; `kept` are the built editions whose other files are the live site's (rebuilt for their
 * links, or with their search index kept). Runs last but for the offline manifests, once nothing more is
 * written into these editions' folders.
 */
export function writeSummaries(
  data: SiteData,
  options: BuildOptions,
  htmlPages: number,
  kept: readonly Edition[],
): SummariesResult {
  // Each edition's summary (edition.json) is part of its open data: IIIF manifest, JSON per page and article.
  writeOpenData(data, options.outDir, options.cacheDir);
  for (const ledger of data.ledgers) writeJson(ledgerFile(options.outDir, ledger.date), ledger);
  if (data.crossEdition) writeJson(path.join(options.outDir, redirectIndexFile), data.redirectIndex);
  if (options.shard) {
    writeShardPart(options.outDir, {
      version: 1,
      shard: options.shard,
      builtAt: Date.now(),
      editions: data.editions.map(indexEdition),
      htmlPages,
    });
  } else {
    writeJson(path.join(options.outDir, archiveIndexFile), data.index);
  }
  return { index: options.shard ? "shard part" : "archive", linked: linkFromPrevious(data, options, kept) };
}

/** What the build left out of an edition rebuilt for its links (its article views, its search index), and the
 * archive pages of the years whose editions did not change, as the previous site has them. */
function linkFromPrevious(data: SiteData, options: BuildOptions, kept: readonly Edition[]): string[] {
  const previous = options.previousSite;
  if (!previous) return [];
  const rendered = new Set(data.archiveYears);
  const folders = [
    ...kept.map((e) => e.date),
    ...data.calendar.filter((year) => !rendered.has(year)).map((year) => urls.archiveYear(year.year).slice(1)),
  ];
  for (const folder of folders) linkMissing(path.join(previous, folder), path.join(options.outDir, folder));
  return folders;
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value));
}
