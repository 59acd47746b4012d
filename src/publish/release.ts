// The published site's layout on disk: immutable releases, swapped in by renaming one symlink.
//
//   <root>/current          → releases/<id>     the web server serves this path
//   <root>/releases/<id>/   cross-edition pages (home, archive, feed, sitemap, search) and symlinks:
//        <date> → ../../store/editions/<date>@<id>   one edition's pages, written once, never changed
//        img    → ../../store/img                     content-addressed images, only ever added to
//   <root>/trash/                                   old releases and edition folders, deleted in the background
//
// Readers see the old release or the new one, never a mix: nothing a release points to is changed after
// it is made, and the swap is one rename(2).
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { urls } from "../model/urls.ts";
import { runPool } from "../pipeline/pool.ts";
import { takeLock } from "./lock.ts";

/** A build in a staging folder, to become a release. */
export interface StagedBuild {
  id: string;
  staging: string;
  /** Every edition date in editions/, oldest first: the release lists exactly these */
  allDates: string[];
  /** Editions whose folders the staging holds; the others stay as the live release has them */
  rebuilt: Set<string>;
  /** The links to the live editions, when linkLiveEditions started them during the build */
  linked?: Promise<void>;
}

/** An edition's search index inside a folder holding that edition's pages. */
export function searchIndexIn(editionDir: string, date: string): string {
  return path.join(editionDir, path.relative(urls.edition(date), urls.searchIndex(date)));
}

export class PublishRoot {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = path.resolve(dir);
  }

  get current(): string {
    return path.join(this.dir, "current");
  }
  get releases(): string {
    return path.join(this.dir, "releases");
  }
  get editionStore(): string {
    return path.join(this.dir, "store", "editions");
  }
  get imageStore(): string {
    return path.join(this.dir, "store", "img");
  }

  /** The live release's folder, or null before the first publish. */
  currentRelease(): string | null {
    try {
      return path.resolve(this.dir, fs.readlinkSync(this.current));
    } catch {
      return null;
    }
  }

  /** Dates and store folders the live release points to. */
  currentEditions(): Map<string, string> {
    const release = this.currentRelease();
    const links = new Map<string, string>();
    if (!release) return links;
    for (const name of fs.readdirSync(release)) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(name)) continue;
      links.set(name, path.resolve(release, fs.readlinkSync(path.join(release, name))));
    }
    return links;
  }

  newReleaseId(): string {
    // Sortable by time, unique between two publishes in one millisecond.
    return `${Date.now().toString(36).padStart(9, "0")}-${crypto.randomBytes(3).toString("hex")}`;
  }

  /**
   * Makes a release of a staged build — the one way releases are made (npm run publish, npm run rebuild --root):
   * rebuilt editions move into the store, the rest of the staging (cross-edition pages) into the release, and
   * the release links every edition's store folder and the image store. `beforeMove` runs between the two
   * moves (a publish's test hook). Returns the release folder, not yet live.
   */
  async assembleRelease(staged: StagedBuild, beforeMove: () => Promise<void> = async () => undefined): Promise<string> {
    const { id, staging, rebuilt } = staged;
    await (staged.linked ?? this.linkLiveEditions(staged));
    const release = path.join(this.releases, id);
    const links = new Map<string, string>();
    for (const date of rebuilt) {
      const stored = path.join(this.editionStore, `${date}@${id}`);
      fs.renameSync(path.join(staging, date), stored);
      links.set(date, stored);
    }
    await beforeMove();
    // A sharded rebuild's parts were needed for the merge only; the release keeps the merged index.
    fs.rmSync(path.join(staging, "_banmian", "shards"), { recursive: true, force: true });
    for (const name of fs.readdirSync(staging)) fs.renameSync(path.join(staging, name), path.join(release, name));
    this.carryOver(release, "sitemaps");
    // A publish that did not rebuild the newest edition (a late page of an older one) has no home page of its own.
    const liveHome = this.currentRelease() && path.join(this.currentRelease()!, "index.html");
    if (liveHome && !fs.existsSync(path.join(release, "index.html")) && fs.existsSync(liveHome)) fs.linkSync(liveHome, path.join(release, "index.html"));
    for (const [date, stored] of links) fs.symlinkSync(path.relative(release, stored), path.join(release, date));
    fs.symlinkSync(path.relative(release, this.imageStore), path.join(release, "img"));
    return release;
  }

  /**
   * Makes release `id`'s folder with its links to the live folders of the editions not rebuilt: one symlink per
   * edition (3,650 took 0.4 s here), made on libuv's threads, so a publish starts them before its build and they
   * are made while it renders. Throws at once for an edition neither rebuilt nor live. `live`: the live editions'
   * folders (currentEditions()), when the caller has read them already.
   */
  linkLiveEditions(staged: Pick<StagedBuild, "id" | "allDates" | "rebuilt">, live = this.currentEditions()): Promise<void> {
    const { id, allDates, rebuilt } = staged;
    const kept = allDates.filter((d) => !rebuilt.has(d) && live.has(d));
    const missing = allDates.filter((d) => !rebuilt.has(d) && !live.has(d));
    if (missing.length) throw new Error(`editions neither rebuilt nor live: ${missing.join(", ")}: rebuild their shards`);
    const release = path.join(this.releases, id);
    fs.mkdirSync(release);
    return runPool(kept, 16, (date) => fs.promises.symlink(path.relative(release, live.get(date)!), path.join(release, date)));
  }

  /** Points `current` at the release in one rename. */
  swap(releaseDir: string): void {
    const temp = `${this.current}.tmp-${process.pid}`;
    fs.rmSync(temp, { force: true });
    fs.symlinkSync(path.relative(this.dir, releaseDir), temp);
    fs.renameSync(temp, this.current);
  }

  /**
   * Links into `release` the files of `folder` (e.g. sitemaps/) that the live release has and this build did not
   * write: monthly files of months nobody touched tonight. Hard links, so nothing is copied or shared for writing.
   */
  carryOver(release: string, folder: string): void {
    const live = this.currentRelease();
    if (!live || !fs.existsSync(path.join(live, folder))) return;
    fs.mkdirSync(path.join(release, folder), { recursive: true });
    for (const name of fs.readdirSync(path.join(live, folder))) {
      const target = path.join(release, folder, name);
      if (!fs.existsSync(target)) fs.linkSync(path.join(live, folder, name), target);
    }
  }

  /** Takes the publish lock, so two night editors cannot publish at once (see lock.ts). */
  lock(): () => void {
    return takeLock(path.join(this.dir, "publish.lock"));
  }

  /** Where garbage waits for its background deletion (see collectGarbage). */
  get trash(): string {
    return path.join(this.dir, "trash");
  }

  /**
   * Removes releases other than the live one and the one before it, and the edition folders none of them use.
   * They are renamed into trash/ (one rename each) and deleted by a detached process, so the command does not wait:
   * after a full rebuild that is every edition's old folder, about 1.5 million files for ten years (89 s here).
   */
  collectGarbage(): void {
    const bin = path.join(this.trash, this.newReleaseId());
    let moved = 0;
    const discard = (full: string) => {
      fs.mkdirSync(bin, { recursive: true });
      fs.renameSync(full, path.join(bin, `${moved++}-${path.basename(full)}`));
    };
    // Staging folders of publishes that were killed: this process holds the lock, so none is in use.
    for (const name of fs.readdirSync(this.dir)) if (name.startsWith("staging-")) discard(path.join(this.dir, name));
    // What an earlier deletion left (its process killed): taken into this one.
    if (fs.existsSync(this.trash)) for (const name of fs.readdirSync(this.trash)) if (path.join(this.trash, name) !== bin) discard(path.join(this.trash, name));
    const live = this.currentRelease();
    const releases = fs.existsSync(this.releases) ? fs.readdirSync(this.releases).sort() : [];
    const keep = new Set<string>();
    const liveName = live ? path.basename(live) : null;
    const index = liveName ? releases.indexOf(liveName) : -1;
    if (liveName) keep.add(liveName);
    if (index > 0) keep.add(releases[index - 1]);
    for (const name of releases) if (!keep.has(name)) discard(path.join(this.releases, name));
    const used = new Set<string>();
    for (const name of keep) {
      const release = path.join(this.releases, name);
      for (const entry of fs.readdirSync(release, { withFileTypes: true })) {
        if (entry.isSymbolicLink()) used.add(path.resolve(release, fs.readlinkSync(path.join(release, entry.name))));
      }
    }
    if (fs.existsSync(this.editionStore)) {
      for (const name of fs.readdirSync(this.editionStore)) {
        const full = path.join(this.editionStore, name);
        if (!used.has(full)) discard(full);
      }
    }
    if (moved) deleteInBackground(bin);
  }
}

/** Deletes `dir` in a detached process that outlives this one. */
function deleteInBackground(dir: string): void {
  const child = spawn(process.execPath, ["-e", "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })", dir], {
    detached: true, stdio: "ignore",
  });
  child.unref();
}
