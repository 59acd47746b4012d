// npm run rebuild: the whole archive as independent shard builds (child processes, several at once), then the
// cross-edition step — into an output folder, or into a publish root as a new release.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { archiveIndexFile } from "../model/archive.ts";
import { searchStateFile } from "../search/manifest.ts";
import { ledgerFile, redirectIndexFile } from "../model/ledger.ts";
import type { BuildSummary } from "../pipeline/build.ts";
import { seconds as secondsSince, type Log, type StageTimes } from "../pipeline/stages.ts";
import { Diagnostics } from "../content/diagnostics.ts";
import { listEditionDates } from "../content/load.ts";
import { PublishRoot } from "../publish/release.ts";
import { exitCodes } from "../cli/index.ts";
import { projectRoot, scriptArgs } from "../project.ts";
import { runPool } from "../util/pool.ts";
import { runNode, type ChildResult, type RunningChild } from "../util/child.ts";
import { shardPartsDir } from "../model/shard-parts.ts";
import { planShards, selectShards, shardOf, type Shard, type ShardBy } from "./plan.ts";

export interface RebuildOptions {
  editionsDir: string;
  siteFile: string;
  cacheDir: string;
  /** Build into this folder (served as it is, or the artefact of a CI job) … */
  outDir?: string;
  /** … or into this publish root as a new release, which npm run publish then continues from */
  root?: string;
  /** Shard size for a whole rebuild */
  by: ShardBy;
  /** Rebuild only these shards (2016-03, 2016); the other editions stay as they are */
  shards?: string[];
  /** Shards built at once; default the core count */
  jobs?: number;
  /** Heap limit of each shard process (node --max-old-space-size), for machines short of memory */
  maxOldSpaceMb?: number;
}

export interface StepResult {
  /** The shard id, or "cross-edition" */
  name: string;
  editions: number;
  /** HTML pages written */
  htmlPages: number;
  seconds: number;
  /** Peak memory of the build process … */
  peakRssMb: number | null;
  /** … and of the helper processes it started (any a stage starts) */
  helperPeakRssMb: number | null;
  /** User + system CPU time of the build process … */
  cpuSeconds: number | null;
  /** … and of its helpers */
  helperCpuSeconds: number | null;
  attempts: number;
  /** Seconds in each pipeline stage, as the child reported them: wall time … */
  stages: StageTimes;
  /** … and CPU time */
  stageCpu: StageTimes;
}

export interface RebuildSummary {
  shards: StepResult[];
  crossEdition: StepResult;
  editions: number;
  htmlPages: number;
  seconds: number;
  /** The largest peak memory of any one step: its build process and that process's helpers */
  peakRssMb: number | null;
  /** Set when built into a publish root */
  release?: string;
}

export async function rebuildArchive(options: RebuildOptions, log: Log = console.log): Promise<RebuildSummary> {
  if (!options.outDir === !options.root)
    throw new Error("give either an output folder (--out) or a publish root (--root)");
  const diagnostics = new Diagnostics();
  const allDates = listEditionDates(options.editionsDir, diagnostics);
  if (diagnostics.errors.length) throw new Error(diagnostics.errors.map((d) => `${d.file}: ${d.message}`).join("\n"));
  if (!allDates.length) throw new Error(`${options.editionsDir}: no editions to build`);
  return options.root
    ? rebuildIntoRoot(options, options.root, allDates, log)
    : rebuildIntoFolder(options, options.outDir!, allDates, log);
}

async function rebuildIntoFolder(
  options: RebuildOptions,
  outDir: string,
  allDates: string[],
  log: Log,
): Promise<RebuildSummary> {
  const shards = options.shards ? selectShards(allDates, options.shards) : planShards(allDates, options.by);
  // A whole rebuild starts the index afresh: parts left by an earlier rebuild with other shards would overlap.
  if (!options.shards) fs.rmSync(path.join(outDir, shardPartsDir), { recursive: true, force: true });
  return runSteps(options, shards, { outDir }, log);
}

/**
 * The live URL ledgers of the editions about to be rebuilt, and the site's redirect index, copied into the
 * staging folder the shards build in (their previous site): a full rebuild keeps every renamed article's old
 * address answering, as a publish does.
 */
function carryLedgers(current: string, staging: string, dates: string[]): void {
  const files = [...dates.map((d) => path.relative(current, ledgerFile(current, d))), redirectIndexFile];
  for (const file of files) {
    if (!fs.existsSync(path.join(current, file))) continue;
    fs.mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
    fs.copyFileSync(path.join(current, file), path.join(staging, file));
  }
}

async function rebuildIntoRoot(
  options: RebuildOptions,
  rootDir: string,
  allDates: string[],
  log: Log,
): Promise<RebuildSummary> {
  const root = new PublishRoot(rootDir);
  root.check();
  const unlock = root.lock();
  const id = root.newReleaseId();
  const staging = path.join(root.dir, `staging-${id}`);
  try {
    root.removeTempLinks();
    for (const dir of [root.releases, root.editionStore, root.imageStore]) fs.mkdirSync(dir, { recursive: true });
    const live = root.currentEditions();
    const current = root.currentRelease();
    let shards: Shard[];
    if (options.shards) {
      shards = selectShards(allDates, withChangedEditions(options.shards, allDates, [...live.keys()]));
      // The editions not rebuilt keep their records in the live index, and in the search's.
      for (const file of [archiveIndexFile, searchStateFile]) {
        if (!current || !fs.existsSync(path.join(current, file))) continue;
        fs.mkdirSync(path.join(staging, path.dirname(file)), { recursive: true });
        fs.copyFileSync(path.join(current, file), path.join(staging, file));
      }
    } else {
      shards = planShards(allDates, options.by);
    }
    if (current)
      carryLedgers(
        current,
        staging,
        shards.flatMap((s) => s.dates),
      );
    const summary = await runSteps(options, shards, { outDir: staging, imageDir: root.imageStore }, log);
    const rebuilt = new Set([...shards.flatMap((s) => s.dates), allDates[allDates.length - 1]]);
    const release = await root.assembleRelease({ id, staging, allDates, rebuilt });
    root.swap(release);
    root.collectGarbage();
    log(`✓ release ${id} is live: ${path.join(root.dir, "current")}`);
    return { ...summary, release: id };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    unlock();
  }
}

/**
 * The named shards, plus the months of editions that are new or gone since the live release, and of their
 * neighbours (whose previous/next edition links change), so that the release is whole.
 */
function withChangedEditions(ids: string[], allDates: string[], liveDates: string[]): string[] {
  const covered = (date: string) => ids.some((id) => date.startsWith(`${id}-`));
  const all = new Set(allDates);
  const live = new Set(liveDates);
  const touched = new Set<string>();
  const merged = [...new Set([...allDates, ...liveDates])].sort();
  merged.forEach((date, i) => {
    if (all.has(date) && live.has(date)) return;
    for (const d of [merged[i - 1], date, merged[i + 1]]) if (d && all.has(d)) touched.add(d);
  });
  const extra = [...touched].filter((d) => !covered(d)).map((d) => shardOf(d, "month"));
  return [...new Set([...ids, ...extra])];
}

interface Target {
  outDir: string;
  imageDir?: string;
}

/** The shards, several at once, then the cross-edition step; each a `scripts/build.ts` child process. */
async function runSteps(options: RebuildOptions, shards: Shard[], target: Target, log: Log): Promise<RebuildSummary> {
  const started = performance.now();
  const jobs = Math.max(1, options.jobs ?? os.availableParallelism());
  const total = shards.reduce((n, s) => n + s.dates.length, 0);
  const atOnce = Math.min(jobs, shards.length);
  // Each shard its share of the cores for libvips's threads: left to itself, each image of one shard would take
  // every core, and the shard rendering beside it would wait longer for one. (With a share of one core and two
  // images at once, a 60-edition rebuild took as long as with every core each: 57.6–59.4 s against 57.7–59.2 s.)
  const cores = Math.max(1, Math.floor(os.availableParallelism() / atOnce));
  log(
    `rebuilding ${total} editions in ${shards.length} shard${shards.length === 1 ? "" : "s"}, ${atOnce} at once, ${cores} core${cores === 1 ? "" : "s"} each`,
  );
  const results: StepResult[] = [];
  let editionsDone = 0;
  const running = new Set<RunningChild>();
  let failure: Error | null = null;

  const runShard = async (shard: Shard): Promise<void> => {
    let attempt = 0;
    let result: ChildResult;
    for (;;) {
      attempt++;
      const child = runNode(buildArgs(options, target, ["--shard", shard.id, "--cores", String(cores)]), {
        cwd: projectRoot,
      });
      running.add(child);
      result = await child.done;
      running.delete(child);
      if (result.code === 0 || failure) break;
      // A second try is cheap next to a lost rebuild, and survives what is passing (the memory killer picking
      // this shard while others peaked, a full disk freed); content errors are not passing, and are listed.
      if (attempt === 2 || result.code === exitCodes.contentErrors) {
        throw new Error(
          `shard ${shard.id} failed${attempt === 2 ? " twice" : ""} (${exitOf(result)}); its last output:\n${result.tail}`,
        );
      }
      log(
        `✗ shard ${shard.id} failed (${exitOf(result)}), trying once more; its last output:\n${indent(lastLines(result.tail, 12))}`,
      );
    }
    if (failure) return;
    const report = childReport(result, `shard ${shard.id}`);
    const htmlPages = report.htmlPages;
    results.push({
      name: shard.id,
      editions: shard.dates.length,
      htmlPages,
      seconds: result.seconds,
      peakRssMb: result.peakRssMb,
      helperPeakRssMb: result.helperPeakRssMb,
      cpuSeconds: result.cpuSeconds,
      helperCpuSeconds: result.helperCpuSeconds,
      attempts: attempt,
      stages: report.stages,
      stageCpu: report.stageCpu,
    });
    editionsDone += shard.dates.length;
    const elapsed = (performance.now() - started) / 1000;
    const left = (elapsed / editionsDone) * (total - editionsDone);
    log(
      `✓ ${shard.id}: ${shard.dates.length} editions, ${htmlPages} pages, ${result.seconds.toFixed(1)} s, ${mb(result.peakRssMb, result.helperPeakRssMb)}` +
        ` · ${results.length}/${shards.length} shards, ${clock(elapsed)} elapsed` +
        (editionsDone < total ? `, about ${clock(left)} left` : ""),
    );
  };

  await runPool(
    shards,
    jobs,
    async (shard) => {
      try {
        await runShard(shard);
      } catch (err) {
        failure ??= err as Error;
        // The rebuild has failed; shards still running would only keep the machine busy.
        for (const child of running) child.stop();
      }
    },
    { stopped: () => failure !== null },
  );
  if (failure) throw failure;

  const crossStarted = performance.now();
  const cross = await runNode(buildArgs(options, target, ["--cross-edition"]), { cwd: projectRoot }).done;
  if (cross.code !== 0)
    throw new Error(`the cross-edition step failed (${exitOf(cross)}); its last output:\n${cross.tail}`);
  const crossReport = childReport(cross, "the cross-edition step");
  const crossEdition: StepResult = {
    name: "cross-edition",
    editions: 1,
    htmlPages: 0,
    seconds: cross.seconds,
    peakRssMb: cross.peakRssMb,
    helperPeakRssMb: cross.helperPeakRssMb,
    cpuSeconds: cross.cpuSeconds,
    helperCpuSeconds: cross.helperCpuSeconds,
    attempts: 1,
    stages: crossReport.stages,
    stageCpu: crossReport.stageCpu,
  };
  log(
    `✓ cross-edition: home, archive calendar, feed, sitemap (${secondsSince(crossStarted)}, ${mb(cross.peakRssMb, cross.helperPeakRssMb)})`,
  );

  results.sort((a, b) => a.name.localeCompare(b.name));
  const peaks = [...results, crossEdition].map(stepPeakMb).filter((m): m is number => m !== null);
  return {
    shards: results,
    crossEdition,
    editions: total,
    htmlPages: results.reduce((n, r) => n + r.htmlPages, 0),
    seconds: (performance.now() - started) / 1000,
    peakRssMb: peaks.length ? Math.max(...peaks) : null,
  };
}

function buildArgs(options: RebuildOptions, target: Target, step: string[]): string[] {
  return [
    ...(options.maxOldSpaceMb ? [`--max-old-space-size=${options.maxOldSpaceMb}`] : []),
    ...scriptArgs("build"),
    ...step,
    "--json",
    "--editions",
    path.resolve(options.editionsDir),
    "--site",
    path.resolve(options.siteFile),
    "--cache",
    path.resolve(options.cacheDir),
    "--out",
    path.resolve(target.outDir),
    ...(target.imageDir ? ["--image-dir", path.resolve(target.imageDir)] : []),
  ];
}

/** The summary a build child reported with --json. */
function childReport(result: ChildResult, what: string): BuildSummary {
  const report = result.json as BuildSummary | null;
  if (!report || typeof report.htmlPages !== "number")
    throw new Error(`${what} reported no result; its last output:\n${result.tail}`);
  return report;
}

function exitOf(result: ChildResult): string {
  return result.signal ? `killed by ${result.signal}` : `exit code ${result.code}`;
}

function lastLines(text: string, n: number): string {
  return text.split("\n").slice(-n).join("\n");
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
}

/** A step's memory: its process and that process's helpers together (they run at the same time). */
export function stepPeakMb(step: { peakRssMb: number | null; helperPeakRssMb: number | null }): number | null {
  return step.peakRssMb === null ? null : step.peakRssMb + (step.helperPeakRssMb ?? 0);
}

export function mb(value: number | null, helpers?: number | null): string {
  if (value === null) return "peak memory unknown";
  return `peak ${Math.round(value)} MB${helpers ? ` + ${Math.round(helpers)} MB indexer` : ""}`;
}

export function clock(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}

/** The rebuild's one-line report: editions, pages and their rate, the largest process, the slowest shard. */
export function formatRebuild(s: RebuildSummary): string {
  const slowest = [...s.shards].sort((a, b) => b.seconds - a.seconds)[0];
  return (
    `rebuilt ${s.editions} editions (${s.htmlPages} HTML pages) in ${s.shards.length} shard${s.shards.length === 1 ? "" : "s"} in ${clock(s.seconds)}, ` +
    `${(s.htmlPages / s.seconds).toFixed(0)} pages/s; largest process: ${mb(s.peakRssMb)}; slowest shard: ${slowest.name} (${slowest.seconds.toFixed(1)} s)` +
    (s.release ? `; live release ${s.release}` : "")
  );
}

/** The shard ids of the archive under `editionsDir` (`npm run rebuild -- --list`: a CI matrix). */
export function listShardIds(editionsDir: string, by: ShardBy): string[] {
  const diagnostics = new Diagnostics();
  const dates = listEditionDates(editionsDir, diagnostics);
  if (diagnostics.errors.length) throw new Error(diagnostics.errors.map((d) => `${d.file}: ${d.message}`).join("\n"));
  return planShards(dates, by).map((s) => s.id);
}
