// npm run desk: the night desk's hot folder. Watches the folder the typesetting system writes page PDFs into,
// imports each complete page (hand fixes carried over), checks it and redraws the proof sheet, publishes the
// edition once it is complete and each page replaced after that, and serves a status page — one step at a time,
// each recorded in the journal, so that killed at any moment it carries on where it stopped.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { formatDiagnostic } from "../../content/diagnostics.ts";
import { proofImage, type ProofImage } from "../../images/proof.ts";
import { fileStamp, writeAtomically } from "../../util/cache.ts";
import { consolidateLive } from "../../publish/consolidate.ts";
import { holderRuns, type LockRecord } from "../../publish/lock.ts";
import { publishEdition } from "../../publish/publish.ts";
import { PublishRoot } from "../../publish/release.ts";
import { writeProof } from "../proof/index.ts";
import { FolderWatch, type SeenFile, type WatchRules } from "./arrivals.ts";
import { finishInterrupted, importArrival, type ImportSettings, type Resolution } from "./import.ts";
import { Journal } from "./journal.ts";
import { pageFromName } from "./names.ts";
import { duePublishes, importedPages, type PublishStep } from "./schedule.ts";
import { startStatusServer } from "./server.ts";
import type { EditionView, PageCheck, StatusView } from "./status.ts";

export interface DeskOptions extends ImportSettings {
  siteFile: string;
  /** The publish root; the live site is <root>/current */
  root: string;
  cacheDir: string;
  /** The journal, proof sheets and staged imports */
  stateDir: string;
  /** Pages per edition when edition.yml does not say */
  pages?: number;
  /** The status page's port on 127.0.0.1 (0: any free one) */
  port: number;
  /** Time between polls of the folder */
  intervalMs: number;
  rules: WatchRules;
}

/** Editions the desk keeps proof sheets of, newest first */
const proofEditions = 3;

/** Editions the journal keeps (the older ones were published nights ago and their files gone from the folder) */
const journalEditions = 14;

interface ProofState {
  /** What the proof was drawn from: the journal's imports and publishes of the edition */
  signature: string;
  checks: Map<string, PageCheck>;
  counts: { errors: number; warnings: number };
  file: string;
}

/**
 * Asks the desk running on `stateDir` to publish an edition now (npm run desk -- --publish-now DATE): a file in its
 * state folder, read on its next poll, so that only the running desk ever writes its journal.
 */
export function requestPublish(stateDir: string, date: string): string {
  const file = path.join(stateDir, "requests", `publish-${date}`);
  writeAtomically(file, `${date}\n`);
  return file;
}

/** Pages an edition should have: edition.yml's `pages`, else --pages. */
export function expectedPages(options: Pick<DeskOptions, "editionsDir" | "pages">, date: string): number | undefined {
  const file = path.join(options.editionsDir, date, "edition.yml");
  try {
    const data = yaml.load(fs.readFileSync(file, "utf8")) as { pages?: unknown } | null;
    if (typeof data?.pages === "number" && Number.isInteger(data.pages) && data.pages > 0) return data.pages;
  } catch {
    // No edition.yml, or one the check will report: --pages says.
  }
  return options.pages;
}

/** The paper's time zone from site.json; the schema's default when it says none or cannot be read. */
function siteTimeZone(siteFile: string): string {
  try {
    const zone = (JSON.parse(fs.readFileSync(siteFile, "utf8")) as { timeZone?: unknown }).timeZone;
    if (typeof zone === "string") {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return zone;
    }
  } catch {
    // A site file the build will report: the status page still shows times, in the default zone.
  }
  return "Asia/Shanghai";
}

export class Desk {
  readonly journal: Journal;
  readonly watch: FolderWatch;
  private readonly token = crypto.randomBytes(16).toString("hex");
  private doing = "starting";
  private readonly resolutions: { page: string; choice: Resolution }[] = [];
  private readonly proofs = new Map<string, ProofState>();
  private readonly failedPublish = new Map<string, string>();
  private readonly images = new Map<string, ProofImage | null>();
  /** Per edition, the imports whose page images were made ahead of its publish */
  private readonly madeAhead = new Map<string, string>();
  private wake: () => void = () => undefined;
  private stopped = false;
  /** The paper's time zone (site.json), for the times on the status page */
  private readonly timeZone: string;

  constructor(readonly options: DeskOptions) {
    fs.mkdirSync(options.stateDir, { recursive: true });
    if (!fs.statSync(options.folder, { throwIfNoEntry: false })?.isDirectory())
      throw new Error(
        `${options.folder}: no such folder: give the folder the typesetting system writes page PDFs into`,
      );
    this.journal = new Journal(options.stateDir);
    this.watch = new FolderWatch(options.folder, options.rules);
    this.timeZone = siteTimeZone(options.siteFile);
  }

  /** Runs until stop(): finishes what a killed run left, serves the status page, then polls. */
  async run(onListening: (url: string) => void = () => undefined): Promise<void> {
    await finishInterrupted(this.journal);
    // Files no longer in the hot folder are forgotten, and editions older than a fortnight: the journal stays the
    // size of a few nights, however many it has seen.
    for (const name of Object.keys(this.journal.data.files)) {
      if (!fs.existsSync(path.join(this.options.folder, name))) delete this.journal.data.files[name];
    }
    this.journal.forgetEditionsBefore(this.dates().slice(-journalEditions)[0]);
    const server = await startStatusServer(this.options.port, this.token, {
      view: () => this.view(),
      proofFile: (date) => {
        const file = this.proofs.get(date)?.file;
        return file && fs.existsSync(file) ? file : null;
      },
      liveDir: new PublishRoot(this.options.root).current,
      publishNow: (date) => this.askPublish(date),
      resolve: (page, choice) => this.askResolve(page, choice),
    });
    fs.writeFileSync(path.join(this.options.stateDir, "status-url"), `${server.url}\n`);
    this.journal.note(`watching ${this.options.folder}; status page ${server.url}`);
    this.journal.save();
    onListening(server.url);
    try {
      while (!this.stopped) {
        const busy = await this.step();
        if (!busy)
          await new Promise<void>((resolve) => {
            this.wake = resolve;
            setTimeout(resolve, this.options.intervalMs);
          });
      }
    } finally {
      server.close();
    }
  }

  stop(): void {
    this.stopped = true;
    this.wake();
  }

  /** One round: poll, import what is complete, answer the editor, publish what is due, redraw proofs. Returns
   * whether anything was done (then the next round comes at once). */
  async step(): Promise<boolean> {
    const known = (f: SeenFile) => {
      const done = this.journal.data.files[f.relative];
      return done !== undefined && done.size === f.size && done.mtimeMs === f.mtimeMs;
    };
    this.doing = "watching";
    this.readRequests();
    // The newest version of a page first: an older one complete in the same poll is then passed over.
    const version = (f: SeenFile) => pageFromName(f.relative, this.options.patterns)?.version ?? 0;
    const arrivals = this.watch.poll(known).sort((a, b) => version(b) - version(a));
    for (const file of arrivals) {
      this.doing = `importing ${file.relative}`;
      await this.importOne(file);
    }
    let busy = arrivals.length > 0;
    for (let next = this.resolutions.shift(); next; next = this.resolutions.shift()) {
      const page = this.journal.data.pages[next.page];
      if (!page?.problem || page.problem.kind !== "conflict") continue;
      const { source } = page.problem;
      const stat = fs.statSync(path.join(this.options.folder, source), { throwIfNoEntry: false });
      if (!stat) {
        this.journal.note(`${next.page}: ${source} is no longer in the hot folder; drop the page again`);
        page.problem = undefined;
        this.journal.save();
        continue;
      }
      this.doing = `importing ${source} (${next.choice})`;
      await this.importOne({ relative: source, size: stat.size, mtimeMs: stat.mtimeMs }, next.choice);
      busy = true;
    }
    if (busy) return true;
    for (const step of duePublishes(
      this.journal.data,
      (d) => expectedPages(this.options, d),
      new Set(new PublishRoot(this.options.root).currentEditions().keys()),
    )) {
      if (await this.publish(step)) return true;
    }
    return (await this.redrawProofs()) || this.makeImagesAhead();
  }

  /**
   * Imports one arrival. What importArrival does not report as the page's problem (a page folder it cannot write,
   * two folders for one page) is logged and the file set aside, so one page cannot stop the night; but once an
   * import is staged, a failure stops the desk, so that the next start finishes it rather than miss it.
   */
  private async importOne(file: SeenFile, resolution?: Resolution): Promise<void> {
    try {
      await importArrival(this.journal, file, this.options, resolution);
    } catch (err) {
      if (this.journal.data.intent) throw err;
      this.journal.data.files[file.relative] = { ...file, hash: "" };
      this.journal.note(
        `${file.relative} could not be imported: ${(err instanceof Error ? err.message : String(err)).split("\n")[0]}; ` +
          "fix that, then put the file into the hot folder again",
      );
      this.journal.save();
    }
  }

  /** Publishes one due step; false when it failed (it is tried again once something changes). */
  private async publish(step: PublishStep): Promise<boolean> {
    const pages = importedPages(this.journal.data, step.date);
    const signature = JSON.stringify([...pages]) + this.journal.data.publishNow.join();
    if (this.failedPublish.get(step.date) === signature) return false;
    const busy = this.otherPublisher();
    if (busy !== null) {
      // npm run publish run by hand, or another desk: this publish waits for the next round rather than failing.
      this.doing = `waiting for another publish (process ${busy}) to finish`;
      return false;
    }
    const what =
      step.kind === "edition" ? `the edition (${step.pages.length} pages)` : `late page(s) ${step.pages.join(", ")}`;
    this.doing = `publishing ${step.date}: ${what}`;
    this.journal.note(`publishing ${step.date}: ${what}`);
    this.journal.save();
    const started = performance.now();
    try {
      const summary = await publishEdition(
        {
          date: step.date,
          editionsDir: this.options.editionsDir,
          siteFile: this.options.siteFile,
          root: this.options.root,
          cacheDir: this.options.cacheDir,
          page: step.kind === "late" ? step.pages[0] : undefined,
          at: this.options.at,
        },
        (line) => console.log(`    ${line}`),
      );
      const seconds = (performance.now() - started) / 1000;
      this.journal.data.published[step.date] = {
        release: summary.release,
        time: new Date().toISOString(),
        kind: step.kind,
        pages: Object.fromEntries(pages),
        seconds,
      };
      this.journal.data.publishNow = this.journal.data.publishNow.filter((d) => d !== step.date);
      this.failedPublish.delete(step.date);
      this.journal.note(`published ${step.date} (${what}) as release ${summary.release} in ${seconds.toFixed(1)} s`);
      this.journal.save();
      this.consolidateSearch(step.date);
      return true;
    } catch (err) {
      // The live site is as it was (a publish is atomic); the editor sees why, fixes the page, and the next
      // change (or Publish now) tries again.
      if (this.otherPublisher() === null) this.failedPublish.set(step.date, signature);
      const reason = err instanceof Error ? err.message : String(err);
      this.journal.note(
        `publish of ${step.date} failed, the live site was not changed: ${reason.split("\n")[0]} (see the proof sheet)`,
      );
      this.journal.save();
      return false;
    }
  }

  /**
   * The background step after a publish (npm run search:consolidate): the year just published merged into its yearly
   * search segment, which the next publish names. The live site is not touched; a failure is noted, never fatal.
   */
  private consolidateSearch(date: string): void {
    try {
      const result = consolidateLive(this.options.root, [Number(date.slice(0, 4))]);
      this.journal.note(
        `search: ${date.slice(0, 4)} merged into its yearly segment (${result.deleted.length} old ones deleted)`,
      );
    } catch (err) {
      this.journal.note(
        `search: the yearly segment was not merged (${err instanceof Error ? err.message : String(err)}); the edition is searched from its own segment`,
      );
    }
    this.journal.save();
  }

  /** The pid of another process holding the publish lock, or null. */
  private otherPublisher(): number | null {
    let record: LockRecord;
    try {
      record = JSON.parse(fs.readFileSync(path.join(new PublishRoot(this.options.root).dir, "publish.lock"), "utf8"));
    } catch {
      // No lock (or one being written): nobody publishes, as far as can be known; takeLock decides for certain.
      return null;
    }
    return record.pid !== process.pid && holderRuns(record) ? record.pid : null;
  }

  /** Checks each edition that changed since its last proof and draws its proof sheet. */
  private async redrawProofs(): Promise<boolean> {
    // The newest editions only: the journal remembers a fortnight, and older proofs do not change.
    for (const date of this.dates().slice(-proofEditions)) {
      const signature = JSON.stringify([
        [...importedPages(this.journal.data, date)],
        this.journal.data.published[date]?.release,
      ]);
      if (this.proofs.get(date)?.signature === signature) continue;
      this.doing = `checking ${date} and drawing its proof sheet`;
      const file = path.join(this.options.stateDir, "proof", `${date}.html`);
      try {
        const { check } = await writeProof(
          {
            editionsDir: this.options.editionsDir,
            siteFile: this.options.siteFile,
            outDir: path.join(this.options.stateDir, "check"),
            cacheDir: this.options.cacheDir,
            dates: [date],
          },
          file,
          (scan, pdf) => this.pageImage(scan, pdf),
        );
        const checks = new Map<string, PageCheck>();
        for (const d of check.site.diagnostics.items) {
          const label =
            /\/\d{4}-\d{2}-\d{2}\/([A-Z]?\d{1,3})(?:-[a-z0-9-]+)?\//u.exec(d.file.replace(/\\/g, "/"))?.[1] ?? "";
          const entry = checks.get(label) ?? { errors: [], warnings: [] };
          (d.level === "error" ? entry.errors : entry.warnings).push(formatDiagnostic(d));
          checks.set(label, entry);
        }
        this.proofs.set(date, { signature, checks, counts: { errors: check.errors, warnings: check.warnings }, file });
        this.journal.note(`checked ${date}: ${check.errors} errors, ${check.warnings} warnings; proof sheet redrawn`);
      } catch (err) {
        // The check stops at what it cannot read; the status page says so, and the desk goes on with the pages.
        this.proofs.set(date, {
          signature,
          checks: new Map([["", { errors: [String((err as Error).message ?? err)], warnings: [] }]]),
          counts: { errors: 1, warnings: 0 },
          file,
        });
        this.journal.note(`check of ${date} failed: ${(err as Error).message?.split("\n")[0]}`);
      }
      this.journal.save();
      return true;
    }
    this.doing = "waiting for pages";
    return false;
  }

  /**
   * Makes the page images of each edition not live yet (into the image cache and the publish root's image store,
   * which is content-addressed and only added to), while no page waits: pages come one by one through a night, so
   * the publish after the last one makes only that page's images.
   */
  private async makeImagesAhead(): Promise<boolean> {
    const live = new PublishRoot(this.options.root).currentEditions();
    for (const date of this.dates()
      .slice(-proofEditions)
      .filter((d) => !live.has(d))) {
      const signature = JSON.stringify([...importedPages(this.journal.data, date)]);
      if (this.madeAhead.get(date) === signature) continue;
      this.madeAhead.set(date, signature);
      this.doing = `making ${date}'s page images ahead of its publish`;
      try {
        const { prepareSite } = await import("../../pipeline/prepare.ts");
        await prepareSite({
          editionsDir: this.options.editionsDir,
          siteFile: this.options.siteFile,
          outDir: path.join(this.options.stateDir, "ahead"),
          cacheDir: this.options.cacheDir,
          imageDir: new PublishRoot(this.options.root).imageStore,
          dates: [date],
          crossEdition: false,
        });
      } catch (err) {
        // Only time is lost: the publish makes what is missing, and says what is wrong.
        this.journal.note(
          `making ${date}'s page images ahead did not finish: ${(err as Error).message?.split("\n")[0]}`,
        );
        this.journal.save();
      }
      return true;
    }
    return false;
  }

  /** A page's proof image, remembered while its scan or PDF is unchanged (MuPDF takes ~0.5 s a page). */
  private async pageImage(scan: string | null, pdf: string | null): Promise<ProofImage | null> {
    const source = scan ?? pdf;
    if (!source || !fs.existsSync(source)) return proofImage(scan, pdf);
    const key = fileStamp(source);
    if (!this.images.has(key)) this.images.set(key, await proofImage(scan, pdf));
    return this.images.get(key)!;
  }

  /** Publish requests left by npm run desk -- --publish-now. */
  private readRequests(): void {
    const dir = path.join(this.options.stateDir, "requests");
    if (!fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir)) {
      const date = /^publish-(\d{4}-\d{2}-\d{2})$/u.exec(name)?.[1];
      if (!date) continue;
      const problem = this.askPublish(date);
      if (problem) {
        this.journal.note(`publish now ${date} (asked from the command line): ${problem}`);
        this.journal.save();
      }
      fs.rmSync(path.join(dir, name), { force: true });
    }
  }

  private dates(): string[] {
    return [...new Set(Object.values(this.journal.data.pages).map((p) => p.date))].sort();
  }

  private askPublish(date: string): string | null {
    if (!this.dates().includes(date)) return `no page of ${date} has come in`;
    if (!this.journal.data.publishNow.includes(date)) this.journal.data.publishNow.push(date);
    this.failedPublish.delete(date);
    this.journal.note(`publish ${date} now: asked by the editor`);
    this.journal.save();
    this.wake();
    return null;
  }

  private askResolve(page: string, choice: string): string | null {
    if (choice !== "take" && choice !== "keep") return `choice must be take or keep, not ${choice}`;
    if (this.journal.data.pages[page]?.problem?.kind !== "conflict") return `page ${page} is not held`;
    this.resolutions.push({ page, choice });
    this.wake();
    return null;
  }

  /** What the status page shows now. */
  view(): StatusView {
    const live = new Set(new PublishRoot(this.options.root).currentEditions().keys());
    const editions: EditionView[] = this.dates()
      .reverse()
      .map((date) => {
        const proof = this.proofs.get(date);
        return {
          date,
          expected: expectedPages(this.options, date),
          live: live.has(date),
          pages: Object.values(this.journal.data.pages).filter((p) => p.date === date),
          published: this.journal.data.published[date],
          checks: proof?.checks,
          checkCounts: proof?.counts,
          proof: Boolean(proof),
        };
      });
    return {
      folder: this.options.folder,
      polls: this.watch.polls,
      doing: this.doing,
      arriving: this.watch.arriving(),
      editions,
      log: this.journal.data.log,
      token: this.token,
      refreshSeconds: 3,
      timeZone: this.timeZone,
    };
  }
}
