// Each shard writes its part of the archive index; the cross-edition step merges the parts into the whole index.
import fs from "node:fs";
import path from "node:path";
import {
  archiveIndexFile,
  mergeArchiveIndex,
  readArchiveIndex,
  type ArchiveIndex,
  type IndexedEdition,
} from "./archive.ts";

export const shardPartsDir = "_banmian/shards";

export interface ShardPart {
  version: 1;
  shard: string;
  /** When the shard was built (ms since 1970): of two parts holding one edition, the newer wins */
  builtAt: number;
  editions: IndexedEdition[];
  /** HTML pages the shard wrote: one per edition overview, page, article and story */
  htmlPages: number;
}

export function shardPartFile(siteDir: string, shard: string): string {
  return path.join(siteDir, shardPartsDir, `${shard}.json`);
}

export function writeShardPart(siteDir: string, part: ShardPart): void {
  const file = shardPartFile(siteDir, part.shard);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written under another name and renamed, so a killed shard never leaves half a part for the merge to read.
  const temp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temp, JSON.stringify(part));
  fs.renameSync(temp, file);
}

export function readShardParts(siteDir: string): ShardPart[] {
  const dir = path.join(siteDir, shardPartsDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .map((name) => {
      const file = path.join(dir, name);
      try {
        return JSON.parse(fs.readFileSync(file, "utf8")) as ShardPart;
      } catch (err) {
        throw new Error(
          `${file}: cannot read this shard's part of the archive index (${(err as Error).message}): build the shard again`,
        );
      }
    });
}

export interface MergeResult {
  index: ArchiveIndex;
  /** Editions in editions/ that neither the previous index nor any part lists */
  missing: string[];
}

/**
 * The archive index of `siteDir` with the parts laid over it, oldest part first, keeping only `allDates`.
 * The previous index covers editions whose shard was not built this time (a partial rebuild).
 */
export function mergeShardParts(previous: ArchiveIndex, parts: ShardPart[], allDates: string[]): MergeResult {
  const existing = new Set(allDates);
  let index = mergeArchiveIndex(previous, [], existing);
  for (const part of [...parts].sort((a, b) => a.builtAt - b.builtAt)) {
    index = mergeArchiveIndex(index, part.editions, existing);
  }
  const listed = new Set(index.editions.map((e) => e.date));
  return { index, missing: allDates.filter((d) => !listed.has(d)) };
}

/** Merges the parts found in `siteDir` into its archive index file; throws when an edition is in neither. */
export function mergeShardPartsInto(siteDir: string, allDates: string[]): ArchiveIndex {
  const { index, missing } = mergeShardParts(readArchiveIndex(siteDir), readShardParts(siteDir), allDates);
  if (missing.length) {
    const months = [...new Set(missing.map((d) => d.slice(0, 7)))];
    throw new Error(
      `${missing.length} editions have no part in the archive index (${missing.slice(0, 3).join(", ")}${missing.length > 3 ? " …" : ""}): ` +
        `build their shards first (${months.slice(0, 6).join(", ")}${months.length > 6 ? " …" : ""})`,
    );
  }
  const file = path.join(siteDir, archiveIndexFile);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(index));
  return index;
}
