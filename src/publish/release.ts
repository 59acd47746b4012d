// The published site's layout on disk: immutable releases, swapped in by renaming one symlink.
//
//   <root>/current          → releases/<id>     the web server serves this path
//   <root>/releases/<id>/   cross-edition pages (home, archive, feed, sitemap, search) and symlinks:
//        <date> → ../../store/editions/<date>@<id>   one edition's pages, written once, never changed
//        img    → ../../store/img                     content-addressed images, only ever added to
//   <root>/trash/                                   old releases and edition folders, deleted in the background
//
// Readers see the old release or the new one, never a mix: nothing is changed in the live release or in what it
// points to, and the swap is one rename(2). A publish makes its release from the spare one (the release before the
// live one, not served since the last swap), changing only the links that differ: a new folder would need one
// new symlink per edition of the archive, 3,650 for ten years.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { urls } from "../model/urls.ts";
import { runPool } from "../util/pool.ts";
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
    return release ? this.releaseLinks(release) : new Map();
  }

  /**
   * Dates and store folders a release points to: from the list assembleRelease wrote in it (one file, where
   * reading 3,650 links took 25 ms here), or from its links when it has none. Each release is read once per
   * process: the live one does not change, and the one this process makes is recorded when it is made.
   */
  releaseLinks(release: string): Map<string, string> {
    const known = this.links.get(release) ?? this.readLinkList(release);
    if (known) return known;
    const links = new Map<string, string>();
    for (const entry of fs.readdirSync(release, { withFileTypes: true })) {
      if (!entry.isSymbolicLink() || !editionName.test(entry.name)) continue;
      links.set(entry.name, path.resolve(release, fs.readlinkSync(path.join(release, entry.name))));
    }
    this.links.set(release, links);
    return links;
  }

  private readLinkList(release: string): Map<string, string> | null {
    let list: LinkList;
    try {
      list = JSON.parse(fs.readFileSync(linkListFile(release), "utf8")) as LinkList;
    } catch {
      // No list (a release made before lists were written, or one a killed publish was making): read its links.
      return null;
    }
    if (list.version !== 1) return null;
    // Joined by hand: path.join's normalising, 3,650 times, is most of the cost of reading the list.
    const store = this.editionStore + path.sep;
    const links = new Map<string, string>();
    for (const date in list.editions) links.set(date, store + list.editions[date]);
    this.links.set(release, links);
    return links;
  }

  /** Records a finished release's links in it, last of all: a release without the list is read link by link. */
  private writeLinkList(release: string, links: Map<string, string>): void {
    const editions: Record<string, string> = {};
    for (const [date, stored] of links) editions[date] = path.basename(stored);
    const list: LinkList = { version: 1, editions };
    fs.mkdirSync(path.dirname(linkListFile(release)), { recursive: true });
    fs.writeFileSync(linkListFile(release), JSON.stringify(list));
    this.links.set(release, links);
  }

  private readonly links = new Map<string, Map<string, string>>();

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
    const live = this.currentEditions();
    for (const date of staged.allDates) if (!rebuilt.has(date)) links.set(date, live.get(date)!);
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
    if (liveHome && !fs.existsSync(path.join(release, "index.html")) && fs.existsSync(liveHome))
      fs.linkSync(liveHome, path.join(release, "index.html"));
    for (const date of rebuilt) fs.symlinkSync(path.relative(release, links.get(date)!), path.join(release, date));
    if (!isSymlink(path.join(release, "img")))
      fs.symlinkSync(path.relative(release, this.imageStore), path.join(release, "img"));
    this.writeLinkList(release, links);
    return release;
  }

  /**
   * Makes release `id`'s folder with its links to the live folders of the editions not rebuilt (the rebuilt ones
   * are linked by assembleRelease). Throws at once for an edition neither rebuilt nor live. `live`: the live
   * editions' folders (currentEditions()), when the caller has read them already.
   *
   * The folder is the spare release renamed, its cross-edition files put in the trash and only its wrong links
   * changed, when more of its links are right than wrong (a publish after a publish: two or three change). Else
   * (the first publish after a rebuild, a rebuild) it is a new folder with one symlink per edition, made on
   * libuv's threads, so a publish starts them before its build (3,650 took 0.1–0.7 s of system time here).
   */
  linkLiveEditions(
    staged: Pick<StagedBuild, "id" | "allDates" | "rebuilt">,
    live = this.currentEditions(),
  ): Promise<void> {
    const { id, allDates, rebuilt } = staged;
    const kept: string[] = [];
    const missing: string[] = [];
    for (const d of allDates) if (!rebuilt.has(d)) (live.has(d) ? kept : missing).push(d);
    if (missing.length)
      throw new Error(`editions neither rebuilt nor live: ${missing.join(", ")}: rebuild their shards`);
    const release = path.join(this.releases, id);
    const spare = this.spareRelease();
    if (spare) {
      const had = this.releaseLinks(spare);
      const right = new Set<string>();
      const wrong: string[] = [];
      for (const d of kept) had.get(d) === live.get(d) ? right.add(d) : wrong.push(d);
      if (right.size > wrong.length + had.size - right.size) {
        this.reuseSpare(spare, release, right);
        for (const date of wrong) fs.symlinkSync(path.relative(release, live.get(date)!), path.join(release, date));
        return Promise.resolve();
      }
    }
    fs.mkdirSync(release);
    return runPool(kept, 16, (date) =>
      fs.promises.symlink(path.relative(release, live.get(date)!), path.join(release, date)),
    );
  }

  /** The newest release that is not live (normally the one before it), or null. */
  private spareRelease(): string | null {
    const live = this.currentRelease();
    if (!live || !fs.existsSync(this.releases)) return null;
    const spare = fs
      .readdirSync(this.releases)
      .sort()
      .reverse()
      .find((name) => path.join(this.releases, name) !== live);
    return spare ? path.join(this.releases, spare) : null;
  }

  /**
   * Renames the spare release to `release`, keeping its image link and the edition links in `right`: every other
   * link is removed and every other entry (last release's home, archive, search…) moved to the trash.
   */
  private reuseSpare(spare: string, release: string, right: Set<string>): void {
    fs.renameSync(spare, release);
    this.links.delete(spare);
    // First of all, so that a publish killed half-way leaves a release whose links are read one by one.
    fs.rmSync(linkListFile(release), { force: true });
    const bin = path.join(this.trash, `${path.basename(release)}-spare`);
    for (const entry of fs.readdirSync(release, { withFileTypes: true })) {
      const full = path.join(release, entry.name);
      if (entry.isSymbolicLink() && (entry.name === "img" || right.has(entry.name))) continue;
      if (entry.isSymbolicLink() && editionName.test(entry.name)) {
        fs.unlinkSync(full);
        continue;
      }
      fs.mkdirSync(bin, { recursive: true });
      fs.renameSync(full, path.join(bin, entry.name));
    }
  }

  /** Points `current` at the release in one rename; the temporary link is gone whether it worked or not. */
  swap(releaseDir: string): void {
    const temp = `${this.current}.tmp-${process.pid}`;
    fs.rmSync(temp, { force: true });
    fs.symlinkSync(path.relative(this.dir, releaseDir), temp);
    try {
      fs.renameSync(temp, this.current);
    } catch (err) {
      fs.rmSync(temp, { force: true });
      throw err;
    }
  }

  /**
   * What a publish needs of its root, checked before anything is built: a folder (or nothing yet) that can be
   * written, whose `current` is the link a publish replaces, not a real folder or file.
   */
  check(): void {
    const stat = fs.statSync(this.dir, { throwIfNoEntry: false });
    if (stat && !stat.isDirectory())
      throw new Error(`${this.dir} is a file, not a folder: give --root the publish folder (the one holding current/)`);
    if (!stat) return;
    try {
      fs.accessSync(this.dir, fs.constants.W_OK);
    } catch {
      throw new Error(`${this.dir} cannot be written to: let the publishing user write it, or give another --root`);
    }
    const current = fs.lstatSync(this.current, { throwIfNoEntry: false });
    if (current && !current.isSymbolicLink()) {
      throw new Error(
        `${this.current} is a real ${current.isDirectory() ? "folder" : "file"}, not a link: a publish switches the live site by replacing the ` +
          `link "current"; move it away (e.g. mv ${this.current} ${this.current}.old) and serve ${this.current} after the next publish`,
      );
    }
  }

  /** Removes the temporary links a killed publish left (current.tmp-PID). Only with the lock held: no other
   * publish is between making its link and renaming it. */
  removeTempLinks(): void {
    for (const name of fs.readdirSync(this.dir)) {
      if (/^current\.tmp-\d+$/.test(name)) fs.rmSync(path.join(this.dir, name), { force: true });
    }
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
    if (fs.existsSync(this.trash))
      for (const name of fs.readdirSync(this.trash))
        if (path.join(this.trash, name) !== bin) discard(path.join(this.trash, name));
    const live = this.currentRelease();
    const releases = fs.existsSync(this.releases) ? fs.readdirSync(this.releases).sort() : [];
    const keep = new Set<string>();
    const liveName = live ? path.basename(live) : null;
    const index = liveName ? releases.indexOf(liveName) : -1;
    if (liveName) keep.add(liveName);
    if (index > 0) keep.add(releases[index - 1]);
    for (const name of releases) if (!keep.has(name)) discard(path.join(this.releases, name));
    const used = new Set<string>();
    for (const name of keep)
      for (const stored of this.releaseLinks(path.join(this.releases, name)).values()) used.add(stored);
    if (fs.existsSync(this.editionStore)) {
      const store = this.editionStore + path.sep;
      for (const name of fs.readdirSync(this.editionStore)) if (!used.has(store + name)) discard(store + name);
    }
    if (moved) deleteInBackground(bin);
  }
}

const editionName = /^\d{4}-\d{2}-\d{2}$/;

/** A release's links as one file: edition date → its folder in store/editions/. */
interface LinkList {
  version: 1;
  editions: Record<string, string>;
}

function linkListFile(release: string): string {
  return path.join(release, "_banmian", "links.json");
}

function isSymlink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    // Nothing there.
    return false;
  }
}

/** Deletes `dir` in a detached process that outlives this one. */
function deleteInBackground(dir: string): void {
  const child = spawn(
    process.execPath,
    ["-e", "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })", dir],
    {
      detached: true,
      stdio: "ignore",
    },
  );
  child.unref();
}
