// Noticing pages in the hot folder: polls the folder (and its date folders) with fs.stat and hands on a file only
// once it is complete — unchanged in size and time over `settlePolls` polls and, for a PDF, JPEG or PNG, ending as
// one ends.
import fs from "node:fs";
import path from "node:path";
import { isTemporaryName } from "./names.ts";

export interface WatchRules {
  /** Polls a file must stay unchanged (size, modification time) before it is taken; at least 1. */
  settlePolls: number;
  /**
   * A PDF that does not end with %%EOF (a JPEG without its end marker, a PNG without IEND) is still being written;
   * one that stays so for this many polls has stopped growing half-way (the writer died): it is taken, and its
   * import says it is damaged.
   */
  givenUpPolls: number;
}

export const defaultWatchRules: WatchRules = { settlePolls: 2, givenUpPolls: 60 };

/** A file seen in the hot folder, by its path relative to the folder. */
export interface SeenFile {
  relative: string;
  size: number;
  mtimeMs: number;
}

interface Watched extends SeenFile {
  /** Polls in a row it was seen with this size and time */
  unchanged: number;
  /** Whether it was handed on as it is now */
  taken: boolean;
}

/** The files of the folder and of its date folders (one level), without temporary names. */
export function listFolder(folder: string): SeenFile[] {
  const found: SeenFile[] = [];
  const visit = (dir: string, prefix: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      // A date folder removed between listing and reading it is simply gone; the hot folder itself must exist.
      if (depth > 0 && (err as NodeJS.ErrnoException).code === "ENOENT") return;
      throw err;
    }
    for (const entry of entries) {
      if (isTemporaryName(entry.name)) continue;
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (depth === 0) visit(path.join(dir, entry.name), relative, 1);
        continue;
      }
      const stat = fs.statSync(path.join(dir, entry.name), { throwIfNoEntry: false });
      if (stat?.isFile()) found.push({ relative, size: stat.size, mtimeMs: stat.mtimeMs });
    }
  };
  visit(folder, "", 0);
  return found.sort((a, b) => a.relative.localeCompare(b.relative));
}

/** The end a complete file of each kind has, written last: a PDF's %%EOF, a JPEG's EOI marker, a PNG's IEND chunk. */
const endings: Record<string, RegExp> = {
  ".pdf": /%%EOF[\s\0]*$/u,
  ".jpg": /\xff\xd9\0*$/u,
  ".jpeg": /\xff\xd9\0*$/u,
  ".png": /IEND\xaeB`\x82$/u,
};

/** Whether a file ends as a complete file of its kind does (true for kinds with no such end: dumps, TIFF, WebP). */
export function endsComplete(file: string, size: number): boolean {
  const ending = endings[path.extname(file).toLowerCase()];
  if (!ending) return true;
  if (size < 8) return false;
  const length = Math.min(1024, size);
  const tail = Buffer.alloc(length);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, tail, 0, length, size - length);
  } finally {
    fs.closeSync(fd);
  }
  return ending.test(tail.toString("latin1"));
}

export class FolderWatch {
  private readonly files = new Map<string, Watched>();
  /** Polls done so far (the status page shows it; tests wait on it) */
  polls = 0;

  constructor(
    readonly folder: string,
    readonly rules: WatchRules = defaultWatchRules,
  ) {}

  /**
   * One poll: the files that are complete now and were not handed on as they are (new, or changed since).
   * `known(file)` says whether a file with this size and time was dealt with already (before a restart).
   */
  poll(known: (file: SeenFile) => boolean = () => false): SeenFile[] {
    this.polls++;
    const now = listFolder(this.folder);
    const present = new Set(now.map((f) => f.relative));
    for (const name of this.files.keys()) if (!present.has(name)) this.files.delete(name);
    const complete: SeenFile[] = [];
    for (const file of now) {
      let watched = this.files.get(file.relative);
      if (!watched || watched.size !== file.size || watched.mtimeMs !== file.mtimeMs) {
        watched = { ...file, unchanged: 0, taken: known(file) };
        this.files.set(file.relative, watched);
        continue;
      }
      watched.unchanged++;
      if (watched.taken || watched.unchanged < this.rules.settlePolls || file.size === 0) continue;
      if (
        watched.unchanged < this.rules.givenUpPolls &&
        !endsComplete(path.join(this.folder, file.relative), file.size)
      )
        continue;
      watched.taken = true;
      complete.push(file);
    }
    return complete;
  }

  /** Files seen but not complete yet: still growing, or a PDF without its end. */
  arriving(): SeenFile[] {
    return [...this.files.values()]
      .filter((f) => !f.taken)
      .map(({ relative, size, mtimeMs }) => ({ relative, size, mtimeMs }));
  }
}
