// Content-addressed store of derivatives: an entry is keyed by the source bytes and the settings that made it.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { linkTree } from "../util/files.ts";
import { fileStamp, hashBytes, stageCacheFolders, writeAtomically } from "../util/cache.ts";

export interface CacheEntry<M> {
  key: string;
  dir: string;
  manifest: M;
}

/** Where a cache remembers the keys of source files (see DerivativeCache.sourceKey). */
const sourceKeysFolder = "keys";

export class DerivativeCache {
  /** Keys used by this build; everything else is stale and pruned at the end. */
  private readonly used = new Set<string>();
  encoded = 0;
  hits = 0;

  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  /** Returns the cached entry for `key`, or makes it with `make(dir)` in a temporary folder renamed into place. */
  async get<M>(key: string, make: (dir: string) => Promise<M>): Promise<CacheEntry<M>> {
    this.used.add(key);
    const dir = path.join(this.dir, key);
    const manifestFile = path.join(dir, "manifest.json");
    if (fs.existsSync(manifestFile)) {
      this.hits++;
      return { key, dir, manifest: JSON.parse(fs.readFileSync(manifestFile, "utf8")) as M };
    }
    // A half-made entry (killed build) never has a manifest; start it again from scratch.
    const temp = `${dir}.tmp-${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
    fs.mkdirSync(temp, { recursive: true });
    try {
      const manifest = await make(temp);
      fs.writeFileSync(path.join(temp, "manifest.json"), JSON.stringify(manifest));
      // A half-made entry has no manifest (see above); with one, another build process (a shard) made the same
      // bytes first, and its entry may be in use: keep it.
      if (fs.existsSync(dir) && !fs.existsSync(manifestFile)) fs.rmSync(dir, { recursive: true, force: true });
      try {
        fs.renameSync(temp, dir);
      } catch (err) {
        if (!fs.existsSync(manifestFile)) throw err;
        fs.rmSync(temp, { recursive: true, force: true });
      }
      this.encoded++;
      return { key, dir, manifest };
    } catch (err) {
      fs.rmSync(temp, { recursive: true, force: true });
      throw err;
    }
  }

  /**
   * `hashBytes(...parts, the file's bytes)`, remembered by the file's path, size, modification time and inode: a
   * warm build stats a scan instead of reading and hashing all of it. `read` is called only when the file is new
   * or changed.
   */
  sourceKey(file: string, parts: string[], read: () => Buffer): string {
    const memo = path.join(this.dir, sourceKeysFolder, `${hashBytes("source", path.resolve(file), ...parts)}.json`);
    const seen = fileStamp(file);
    try {
      const known = JSON.parse(fs.readFileSync(memo, "utf8")) as { seen: string; key: string };
      if (known.seen === seen) return known.key;
    } catch {
      // Not seen before (or a memo cut short): hash the bytes.
    }
    const key = hashBytes(...parts, read());
    writeAtomically(memo, JSON.stringify({ seen, key }));
    return key;
  }

  /** Marks an entry as in use without reading it (for shards that skip editions). */
  keep(key: string): void {
    this.used.add(key);
  }

  /** Removes entries no build of this run used. Only safe after a build of the whole archive. */
  prune(): number {
    let removed = 0;
    for (const name of fs.readdirSync(this.dir)) {
      // The other stages' caches are kept by their own builds; the remembered source keys are checked against
      // their files each time.
      const kept: string[] = [...Object.values(stageCacheFolders), sourceKeysFolder];
      if (this.used.has(name) || kept.includes(name)) continue;
      fs.rmSync(path.join(this.dir, name), { recursive: true, force: true });
      removed++;
    }
    return removed;
  }
}

/** Puts a cached entry's files at `target` (hard links where possible, copies otherwise). */
export function publishEntry(entryDir: string, target: string): void {
  if (fs.existsSync(target)) return;
  const temp = `${target}.tmp-${process.pid}`;
  fs.rmSync(temp, { recursive: true, force: true });
  linkTree(entryDir, temp, new Set(["manifest.json"]));
  try {
    fs.renameSync(temp, target);
  } catch (err) {
    // Another process (a parallel shard) put the same content-addressed files there first.
    fs.rmSync(temp, { recursive: true, force: true });
    if (!fs.existsSync(target)) throw err;
  }
}
