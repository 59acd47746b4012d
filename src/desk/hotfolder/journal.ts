// The hot folder's journal: what was imported and published, written whole and atomically (a new file renamed over
// the old) after every step, so a process killed at any moment is started again from a consistent record.
import fs from "node:fs";
import path from "node:path";
import { hashBytes, writeAtomically } from "../../util/cache.ts";
import type { Conflict } from "./carry.ts";
import type { SeenFile } from "./arrivals.ts";

/** A file of the hot folder a page was made from. */
export interface InputRecord {
  /** Relative to the hot folder */
  source: string;
  version: number;
  /** SHA-256 of its bytes */
  hash: string;
}

/** A page's last import: what is in its page folder now. */
export interface ImportedRecord {
  /** The file whose arrival made this import, relative to the hot folder */
  source: string;
  version: number;
  /** What the page was made from: its PDF, its text dump, or both (the dump's words, the PDF's areas); its scan */
  inputs: { pdf?: InputRecord; dump?: InputRecord; scan?: InputRecord };
  /** The import's inputs in one hash (the PDF's own SHA-256 when that is all): what the live site is compared by */
  hash: string;
  /** Content hash of what the import wrote (bases/<hash>.json): the article files as the import made them */
  base: string;
  time: string;
  headlines: string[];
  warnings: string[];
  /** The hand fixes carried over from the files it replaced */
  kept: { name: string; fields: string[] }[];
}

/** A file that could not be imported, or a page held because hand fixes could not be carried over. */
export interface Problem {
  /** "failed": the file could not be imported (damaged, not a page); "conflict": hand fixes would be lost */
  kind: "failed" | "conflict";
  source: string;
  version: number;
  hash: string;
  message: string;
  conflicts?: Conflict[];
}

export interface PageRecord {
  date: string;
  label: string;
  imported?: ImportedRecord;
  problem?: Problem;
  /** How many imports went into the page folder: each arrival once, whatever was killed on the way */
  imports: number;
}

export interface PublishRecord {
  release: string;
  time: string;
  /** "edition" (the whole edition, the first time) or "late" (pages replaced or added after) */
  kind: "edition" | "late";
  /** Each page as it went live: the hash of the PDF its import came from */
  pages: Record<string, string>;
  seconds: number;
}

/** An import written to a staging folder and not yet copied into its page folder (see import.ts). */
export interface ImportIntent {
  key: string;
  staging: string;
}

export interface LogLine {
  time: string;
  text: string;
}

export interface JournalData {
  format: 1;
  /** By "DATE/LABEL" */
  pages: Record<string, PageRecord>;
  /** Files dealt with, by path relative to the hot folder: so a restart does not read them again */
  files: Record<string, SeenFile & { hash: string }>;
  published: Record<string, PublishRecord>;
  /** Editions an editor asked to publish now (status page) */
  publishNow: string[];
  intent?: ImportIntent;
  log: LogLine[];
}

const logLength = 300;

export const pageKey = (date: string, label: string) => `${date}/${label}`;

export class Journal {
  readonly file: string;
  readonly data: JournalData;

  constructor(readonly stateDir: string) {
    this.file = path.join(stateDir, "journal.json");
    this.data = Journal.read(this.file);
  }

  private static read(file: string): JournalData {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT")
        return { format: 1, pages: {}, files: {}, published: {}, publishNow: [], log: [] };
      throw err;
    }
    // The file is only ever replaced whole (rename), so it is never half-written; anything else is someone's edit.
    const data = JSON.parse(text) as JournalData;
    if (data.format !== 1)
      throw new Error(`${file}: not a journal this version of npm run desk writes (format ${String(data.format)})`);
    return data;
  }

  page(date: string, label: string): PageRecord {
    const key = pageKey(date, label);
    return (this.data.pages[key] ??= { date, label, imports: 0 });
  }

  /** Adds a line to the log (and prints it); saved with the next save(). */
  note(text: string, now = new Date()): void {
    const time = now.toISOString();
    console.log(`${time}  ${text}`);
    this.data.log.push({ time, text });
    if (this.data.log.length > logLength) this.data.log.splice(0, this.data.log.length - logLength);
  }

  /**
   * Forgets the pages and publishes of editions before `date`, and the stored imports no page refers to any more.
   * A file of such an edition dropped again is imported again, as a new page.
   */
  forgetEditionsBefore(date: string | undefined): void {
    if (date === undefined) return;
    for (const [key, page] of Object.entries(this.data.pages)) if (page.date < date) delete this.data.pages[key];
    for (const d of Object.keys(this.data.published)) if (d < date) delete this.data.published[d];
    const used = new Set(Object.values(this.data.pages).map((p) => p.imported?.base));
    const dir = path.join(this.stateDir, "bases");
    // An import staged but not yet recorded has its base written already: it is kept.
    const staged = this.data.intent ? fs.readFileSync(path.join(this.data.intent.staging, "plan.json"), "utf8") : "";
    for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      const hash = name.replace(/\.json$/u, "");
      if (!used.has(hash) && !staged.includes(hash)) fs.rmSync(path.join(dir, name), { force: true });
    }
    const dumps = new Set(Object.values(this.data.pages).map((p) => p.imported?.inputs.dump?.hash));
    const inputs = path.join(this.stateDir, "inputs");
    for (const name of fs.existsSync(inputs) ? fs.readdirSync(inputs) : []) {
      if (!dumps.has(name) && !staged.includes(name)) fs.rmSync(path.join(inputs, name), { force: true });
    }
    this.save();
  }

  save(): void {
    writeAtomically(this.file, `${JSON.stringify(this.data, null, 1)}\n`);
  }

  /** Stores the article files an import wrote, by their content hash; returns the hash. Written before the
   * journal names it, and never changed after. */
  saveBase(files: { name: string; text: string }[]): string {
    const text = JSON.stringify(files);
    const hash = hashBytes("base", text);
    const file = path.join(this.stateDir, "bases", `${hash}.json`);
    if (!fs.existsSync(file)) writeAtomically(file, text);
    return hash;
  }

  /** Keeps a copy of a text dump, so the page's PDF arriving later is read with it (by the dump's SHA-256). */
  saveInput(hash: string, bytes: Uint8Array): void {
    const file = path.join(this.stateDir, "inputs", hash);
    if (!fs.existsSync(file)) writeAtomically(file, bytes);
  }

  input(hash: string): Buffer {
    return fs.readFileSync(path.join(this.stateDir, "inputs", hash));
  }

  base(hash: string | undefined): { name: string; text: string }[] {
    if (!hash) return [];
    return JSON.parse(fs.readFileSync(path.join(this.stateDir, "bases", `${hash}.json`), "utf8"));
  }
}
