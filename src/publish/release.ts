// The published site's layout on disk: immutable releases, swapped in by renaming one symlink.
//
//   <root>/current          → releases/<id>     the web server serves this path
//   <root>/releases/<id>/   cross-edition pages (home, archive, feed, sitemap, search) and symlinks:
//        <date> → ../../store/editions/<date>@<id>   one edition's pages, written once, never changed
//        img    → ../../store/img                     content-addressed images, only ever added to
//
// Readers see the old release or the new one, never a mix: nothing a release points to is changed after
// it is made, and the swap is one rename(2).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { urls } from "../model/urls.ts";
import { takeLock } from "./lock.ts";

/** A build in a staging folder, to become a release. */
export interface StagedBuild {
  id: string;
  staging: string;
  /** Every edition date in editions/, oldest first: the release lists exactly these */
  allDates: string[];
  /** Editions whose folders the staging holds; the others stay as the live release has them */
  rebuilt: Set<string>;
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
    const { id, staging, allDates, rebuilt } = staged;
    const live = this.currentEditions();
    const links = new Map<string, string>();
    for (const date of allDates) {
      const previous = live.get(date);
      if (!rebuilt.has(date) && previous) links.set(date, previous);
    }
    const missing = allDates.filter((d) => !rebuilt.has(d) && !links.has(d));
    if (missing.length) throw new Error(`editions neither rebuilt nor live: ${missing.join(", ")}: rebuild their shards`);

    const release = path.join(this.releases, id);
    fs.mkdirSync(release);
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
    for (const date of allDates) fs.symlinkSync(path.relative(release, links.get(date)!), path.join(release, date));
    fs.symlinkSync(path.relative(release, this.imageStore), path.join(release, "img"));
    return release;
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

  /** Removes releases other than the live one and the one before it, and the edition folders none of them use. */
  collectGarbage(): void {
    // Staging folders of publishes that were killed: this process holds the lock, so none is in use.
    for (const name of fs.readdirSync(this.dir)) {
      if (name.startsWith("staging-")) fs.rmSync(path.join(this.dir, name), { recursive: true, force: true });
    }
    const live = this.currentRelease();
    const releases = fs.existsSync(this.releases) ? fs.readdirSync(this.releases).sort() : [];
    const keep = new Set<string>();
    const liveName = live ? path.basename(live) : null;
    const index = liveName ? releases.indexOf(liveName) : -1;
    if (liveName) keep.add(liveName);
    if (index > 0) keep.add(releases[index - 1]);
    for (const name of releases) {
      if (!keep.has(name)) fs.rmSync(path.join(this.releases, name), { recursive: true, force: true });
    }
    const used = new Set<string>();
    for (const name of keep) {
      const release = path.join(this.releases, name);
      for (const entry of fs.readdirSync(release)) {
        const full = path.join(release, entry);
        if (fs.lstatSync(full).isSymbolicLink()) used.add(path.resolve(release, fs.readlinkSync(full)));
      }
    }
    if (!fs.existsSync(this.editionStore)) return;
    for (const name of fs.readdirSync(this.editionStore)) {
      const full = path.join(this.editionStore, name);
      if (!used.has(full)) fs.rmSync(full, { recursive: true, force: true });
    }
  }
}
