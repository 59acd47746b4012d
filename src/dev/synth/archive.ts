// Writes a synthetic archive of daily editions in the content format, for load tests and search tests.
import { writeFile } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { dayNumber, publicationDates } from "./calendar.ts";
import { planEdition } from "./edition.ts";
import { imageSet } from "./images.ts";

export interface ArchiveOptions {
  /** The editions folder to fill; created if missing. */
  out: string;
  editions: number;
  pages?: number;
  /** Articles per edition, continued parts included. */
  articles?: number;
  seed?: number;
  /** The first edition's date (YYYY-MM-DD); later ones follow on publication days. */
  startDate?: string;
  /** The first edition's issue number (总第…期). */
  firstIssue?: number;
  /** Remove `out` first. Without it, an `out` that already holds files is refused. */
  clean?: boolean;
  /** Files being written at once; more only adds memory once the disk is busy. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ArchiveSummary {
  out: string;
  editions: number;
  pages: number;
  articles: number;
  figures: number;
  /** Articles continued on another page. */
  stories: number;
  sectionedEditions: number;
  files: number;
  firstDate: string | null;
  lastDate: string | null;
  /** Calendar days from the first to the last edition, both included. */
  daysSpanned: number;
}

/** Beyond this many articles a page, the column grid has no room left between gutters. */
const MAX_ARTICLES_PER_PAGE = 400;

export async function generateArchive(options: ArchiveOptions): Promise<ArchiveSummary> {
  const { out, editions, pages = 8, articles = 60, seed = 1, startDate = "2016-01-01", firstIssue = 8001 } = options;
  checkCount("editions", editions, 0);
  checkCount("pages", pages, 1, 99);
  checkCount("articles", articles, 0, pages * MAX_ARTICLES_PER_PAGE);
  checkCount("seed", seed, 0);
  checkCount("firstIssue", firstIssue, 1);
  dayNumber(startDate); // throws on a date that does not exist, before anything is written

  if (options.clean) await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  if ((await readdir(out)).length > 0) {
    throw new Error(`${out} is not empty; pass clean to replace it (--clean on the command line)`);
  }

  const images = await imageSet();
  const queue = new WriteQueue(options.concurrency ?? 32);
  const summary: ArchiveSummary = {
    out,
    editions: 0,
    pages: 0,
    articles: 0,
    figures: 0,
    stories: 0,
    sectionedEditions: 0,
    files: 0,
    firstDate: null,
    lastDate: null,
    daysSpanned: 0,
  };

  const dates = publicationDates(seed, startDate);
  for (let index = 0; index < editions; index++) {
    const date = dates.next().value as string;
    const plan = planEdition({ seed, index, date, issue: firstIssue + index, pages, articles, images });
    // Folders are few (one a page); making them before queueing the edition's files keeps writes free of ordering.
    for (const dir of plan.dirs) await mkdir(path.join(out, dir), { recursive: true });
    for (const file of plan.files) await queue.write(path.join(out, file.path), file.data);

    summary.editions++;
    summary.pages += plan.pages;
    summary.articles += plan.articles;
    summary.figures += plan.figures;
    summary.stories += plan.stories;
    summary.files += plan.files.length;
    if (plan.sectioned) summary.sectionedEditions++;
    summary.firstDate ??= date;
    summary.lastDate = date;
    options.onProgress?.(index + 1, editions);
  }
  await queue.drain();

  if (summary.firstDate && summary.lastDate) {
    summary.daysSpanned = (Date.parse(summary.lastDate) - Date.parse(summary.firstDate)) / 86_400_000 + 1;
  }
  return summary;
}

function checkCount(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max < Number.MAX_SAFE_INTEGER ? `from ${min} to ${max}` : `of at least ${min}`;
    throw new Error(`${name}: expected a whole number ${range}, got ${value}`);
  }
}

/**
 * At most `limit` writes in flight: enough to keep the disk busy, few enough that a 220,000-file archive never
 * sits in memory. The producer waits in `write` while the queue is full. Callback-style fs.writeFile, because
 * creating files is the generator's bottleneck and it costs about a third less than the FileHandle-based promise.
 */
class WriteQueue {
  private inFlight = 0;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly limit: number) {}

  async write(file: string, data: string | Buffer): Promise<void> {
    while (this.inFlight >= this.limit) await new Promise<void>((resolve) => (this.wake = resolve));
    this.throwIfFailed();
    this.inFlight++;
    writeFile(file, data, (error) => {
      this.inFlight--;
      // Kept for the next write or drain to throw: this callback has no caller to hand the error to.
      if (error) this.failure ??= error;
      const wake = this.wake;
      this.wake = undefined;
      wake?.();
    });
  }

  async drain(): Promise<void> {
    while (this.inFlight > 0) await new Promise<void>((resolve) => (this.wake = resolve));
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
