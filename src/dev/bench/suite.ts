// The archive-scale benchmarks, each a ratio measured side by side in one run (absolute times vary ±30 % here):
//   P1  one edition, warm, against bare Eleventy on the same articles
//   P2  publishing tonight's edition into an archive of N editions, against publishing it into an empty site
//   P3  the sharded rebuild of that archive: wall time, peak memory per process, pages/s against bare Eleventy
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Log } from "../../pipeline/stages.ts";
import { rebuildArchive, stepPeakMb, type RebuildSummary } from "../../shards/run.ts";
import type { ShardBy } from "../../shards/plan.ts";
import { generateArchive } from "../synth/index.ts";
import { bareEleventyArgs, findArticleFiles, makeBareProject, readArticle } from "./bare.ts";
import { formatTable } from "../../cli/table.ts";
import { hugoVersion, makeHugoProject, timeHugo } from "./hugo.ts";
import { folderBytes, phone, searchRanges, timeSearch } from "./search.ts";
import { archiveQuery, benchArchiveSearch, type ArchiveSearchBench, type ConsolidationRun } from "./search-archive.ts";
import type { ConsolidateResult } from "../../search/consolidate.ts";
import { urls } from "../../model/urls.ts";
import { benchServe, type ServeBench } from "./serve.ts";
import { benchDesk, deskGoals, type DeskBench } from "./desk.ts";
import { projectRoot, scriptArgs } from "../../project.ts";
import type { PublishSummary } from "../../publish/publish.ts";
import { round, sideBySide, timeNode, trashDeleted, type Run, type Series } from "./measure.ts";
import { stageTable, stageTableRows, type StageRow, type TimedStep } from "./stages.ts";
import type { BuildSummary } from "../../pipeline/build.ts";

export interface BenchOptions {
  /** Editions already in the archive when tonight's is published */
  editions: number;
  quick: boolean;
  /** Where the synthetic editions, sites and caches go; emptied first */
  work: string;
  shardsBy: ShardBy;
  jobs?: number;
  /** Markdown files of the bare Eleventy project P3 compares with */
  bareFiles: number;
  /** Also rebuild the archive a second time, with every image cached */
  warmRebuild: boolean;
}

export const goals = {
  p1Ratio: 1.3,
  p2Ratio: 1.2,
  p3PeakRssMb: 2048,
  p3PagesRatio: 0.5,
  serveRatio: 1.2,
  editSeconds: 2,
  searchYearSeconds: 2,
  searchAllSeconds: 5,
  publishIndexMb: 2,
};

/** Every hit counted within the goals: a year's range (or less) within 2 s, the whole archive within 5 s. */
function searchOk(search: ArchiveSearchBench): boolean {
  return (
    search.ranges.every((r) => r.allResultsSeconds <= searchGoal(r.label)) &&
    search.publishIndexBytes <= goals.publishIndexMb * 2 ** 20
  );
}

/** The goal of a range: ten years (every year, no year filter) 5 s, a year or less 2 s. */
function searchGoal(label: string): number {
  return label.startsWith("all ") || label.includes("all years") ? goals.searchAllSeconds : goals.searchYearSeconds;
}

export interface RebuildResult {
  seconds: number;
  htmlPages: number;
  pagesPerSecond: number;
  shards: number;
  slowestShardSeconds: number;
  /** Largest peak memory of any one step (shard or cross-edition), its build process and its indexer together */
  peakRssMb: number | null;
  crossEditionSeconds: number;
  crossEditionPeakRssMb: number | null;
  /** Peak memory of each shard's build process and, separately, of the indexer it started */
  shardPeakRssMb: Record<string, { build: number | null; indexer: number | null }>;
  /** Each stage summed over the shards and the cross-edition step, with its share of their summed wall time */
  stages: StageRow[];
  /** CPU time of every step's build process, summed, and pages per CPU second: steadier than wall time on a busy machine */
  cpuSeconds: number | null;
  pagesPerCpuSecond: number | null;
}

export interface BenchResults {
  version: 1;
  startedAt: string;
  seconds: number;
  quick: boolean;
  machine: { cpus: number; memoryGb: number; node: string; platform: string; loadAverage: number[] };
  goals: typeof goals;
  p1: {
    edition: { pages: number; articles: number };
    banmian: Series;
    bareEleventy: Series;
    ratio: number;
    /** The same ratio of CPU times, steadier on a busy machine; the goal is judged on wall time */
    cpuRatio: number | null;
    ok: boolean;
    note: string;
    /** Where the median Banmian run's time went */
    stages: StageRow[];
  };
  p2: {
    archiveEditions: number;
    /** The first publish after the rebuilds, untimed in the series: its spare release is the first rebuild's,
     * every link of it wrong, so it makes a new release folder with every link, as no nightly publish does */
    firstAfterRebuildSeconds: number;
    intoArchive: Series & { rebuiltEditions: string };
    intoEmpty: Series & { rebuiltEditions: string };
    ratio: number;
    cpuRatio: number | null;
    ok: boolean;
    note: string;
    /** Where the median publish into the archive spent its time */
    stages: StageRow[];
  };
  p3: {
    editions: number;
    shardsBy: ShardBy;
    jobs: number;
    cold: RebuildResult;
    warm: RebuildResult | null;
    bareEleventy: Series & { files: number; pagesPerSecond: number };
    /** Hugo on the same files; null when hugo is not installed */
    hugo: (Series & { version: string; pagesPerSecond: number }) | null;
    /** Rebuild pages/s (warm when measured, else cold) over bare Eleventy's */
    pagesPerSecondRatio: number;
    /** The same with pages per CPU second on both sides (the rebuild's processes summed; bare Eleventy is one) */
    pagesPerCpuSecondRatio: number | null;
    ok: boolean;
    note: string;
  };
  search: ArchiveSearchBench & { ok: boolean; note: string };
  serve: ServeBench & { ok: boolean; note: string };
  /** npm run desk: page PDFs dropped into the hot folder until live */
  desk: DeskBench;
}

const repo = projectRoot;
const script = (name: string) => scriptArgs(name.replace(/\.ts$/, ""));

export async function runBench(options: BenchOptions, log: Log = console.log): Promise<BenchResults> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const work = path.resolve(options.work);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const repeats = options.quick ? 3 : 5;
  const progress = (name: string) => (who: string, run: Run) =>
    log(
      `  ${name} ${who}: ${run.seconds.toFixed(2)} s${run.cpuSeconds === null ? "" : ` (CPU ${run.cpuSeconds.toFixed(2)} s)`}`,
    );

  // P1: one edition, warm.
  log("P1: one 8-page, 60-article edition, warm, against bare Eleventy on its 60 articles");
  const p1 = path.join(work, "p1");
  await generateArchive({
    out: path.join(p1, "editions"),
    editions: 1,
    pages: 8,
    articles: 60,
    seed: 7,
    startDate: "2024-03-01",
    clean: true,
  });
  const p1Build = (out: string) => [
    ...script("build.ts"),
    "--editions",
    path.join(p1, "editions"),
    "--out",
    out,
    "--cache",
    path.join(p1, "cache"),
    "--json",
  ];
  const p1Steps: TimedStep[] = [];
  await timeNode(p1Build(path.join(p1, "site-cold")), { cwd: repo });
  makeBareProject(path.join(p1, "bare"), findArticleFiles(path.join(p1, "editions")).map(readArticle));
  const p1Series = await sideBySide(
    repeats,
    {
      banmian: {
        prepare: () => fs.rmSync(path.join(p1, "site"), { recursive: true, force: true }),
        run: async () => reported(await timeNode(p1Build(path.join(p1, "site")), { cwd: repo }), p1Steps),
      },
      bareEleventy: {
        prepare: () => fs.rmSync(path.join(p1, "bare", "_site"), { recursive: true, force: true }),
        run: () => timeNode(bareEleventyArgs(repo), { cwd: path.join(p1, "bare") }),
      },
    },
    progress("P1"),
  );
  const p1Ratio = p1Series.banmian.seconds / p1Series.bareEleventy.seconds;

  // npm start against npm run build on the same 30 editions, and one edit seen in the browser.
  log("serve: npm start on 30 editions against npm run build of them, then one article edited");
  const serveDir = path.join(work, "serve");
  await generateArchive({ out: path.join(serveDir, "editions"), editions: 30, seed: 3, clean: true });
  const served = await benchServe(path.join(serveDir, "editions"), serveDir, path.join(serveDir, "cache"));
  log(
    `  serve: ${served.serveSeconds.toFixed(2)} s against build ${served.buildSeconds.toFixed(2)} s; edit served after ${served.editSeconds.toFixed(2)} s`,
  );

  // The archive: N editions, with tonight's edition (the N+1st) kept aside until P2 publishes it.
  log(`synthetic archive: ${options.editions} editions and tonight's`);
  const archive = path.join(work, "archive");
  const editionsDir = path.join(archive, "editions");
  const synth = await generateArchive({ out: editionsDir, editions: options.editions + 1, seed: 1, clean: true });
  const tonight = synth.lastDate!;
  const aside = path.join(archive, "aside");
  fs.mkdirSync(aside);
  fs.renameSync(path.join(editionsDir, tonight), path.join(aside, tonight));
  const root = path.join(archive, "public");
  const cache = path.join(archive, "cache");

  // P3: the rebuild that publishes the archive the first time (images made), then again (images cached).
  const rebuild = async (label: string) => {
    log(`P3: sharded rebuild of ${options.editions} editions (${label}) into a publish root`);
    const summary = await rebuildArchive(
      {
        editionsDir,
        siteFile: path.join(repo, "_data/site.json"),
        cacheDir: cache,
        root,
        by: options.shardsBy,
        jobs: options.jobs,
      },
      (line) => log(`  ${line}`),
    );
    return rebuildResult(summary);
  };
  const cold = await rebuild("first build, images made");
  const warm = options.warmRebuild ? await rebuild("again, images cached") : null;
  log(`P3: bare Eleventy on ${options.bareFiles} markdown files`);
  const bareDir = path.join(work, "p3-bare");
  const bareArticles = findArticleFiles(editionsDir, options.bareFiles).map(readArticle);
  makeBareProject(bareDir, bareArticles, options.bareFiles);
  // Hugo on the same files, taking turns with bare Eleventy, when Debian's hugo is installed.
  const hugo = hugoVersion();
  const hugoDir = path.join(work, "p3-hugo");
  if (hugo) makeHugoProject(hugoDir, bareArticles, options.bareFiles);
  else log("  Hugo: not installed (apt-get install -y hugo), so the bench has no outside yardstick");
  const yardsticks = await sideBySide(
    options.quick ? 2 : 3,
    {
      bareEleventy: {
        prepare: () => fs.rmSync(path.join(bareDir, "_site"), { recursive: true, force: true }),
        run: () => timeNode(bareEleventyArgs(repo), { cwd: bareDir }),
      },
      ...(hugo ? { hugo: { run: () => timeHugo(hugoDir) } } : {}),
    } as Record<"bareEleventy" | "hugo", { prepare?: () => void; run: () => Promise<Run> }>,
    progress("P3"),
  );
  const bare = yardsticks.bareEleventy;
  const barePps = options.bareFiles / bare.seconds;
  const compared = warm ?? cold;

  // P2: tonight's edition into the archive, and into an empty site; its images made once beforehand for both.
  log(`P2: publish ${tonight} into the archive of ${options.editions} editions, and into an empty site`);
  fs.renameSync(path.join(aside, tonight), path.join(editionsDir, tonight));
  const p2 = path.join(work, "p2");
  fs.cpSync(path.join(editionsDir, tonight), path.join(p2, "editions", tonight), { recursive: true });
  await timeNode(
    [
      ...script("build.ts"),
      "--editions",
      path.join(p2, "editions"),
      "--out",
      path.join(p2, "warm-up"),
      "--cache",
      cache,
    ],
    { cwd: repo },
  );
  const publish = (editions: string, publishRoot: string) => [
    ...script("publish.ts"),
    tonight,
    "--editions",
    editions,
    "--root",
    publishRoot,
    "--cache",
    cache,
    "--json",
  ];
  const rebuilt: Record<string, string> = {};
  const p2Steps: Record<string, TimedStep[]> = { intoArchive: [], intoEmpty: [] };
  const timed = (name: string, args: string[]) => async () => {
    const run = reported(await timeNode(args, { cwd: repo }), p2Steps[name]);
    rebuilt[name] = ((run.json as PublishSummary | null)?.rebuiltEditions ?? []).join(", ");
    return run;
  };
  const emptyRoot = path.join(p2, "public");
  // Each run starts once the previous publish's background deletion is over (after the first, the first
  // rebuild's edition folders), so that it loads neither side's runs nor the search timings after them.
  const settle = async () => {
    const waited = await trashDeleted(root);
    if (waited > 1) log(`  (waited ${waited.toFixed(1)} s for the last publish's background deletion)`);
  };
  const first = await timeNode(publish(editionsDir, root), { cwd: repo });
  log(`  P2 first publish after the rebuild (not in the series): ${first.seconds.toFixed(2)} s`);
  const p2Series = await sideBySide(
    repeats,
    {
      intoArchive: { prepare: settle, run: timed("intoArchive", publish(editionsDir, root)) },
      intoEmpty: {
        prepare: async () => {
          fs.rmSync(emptyRoot, { recursive: true, force: true });
          await settle();
        },
        run: timed("intoEmpty", publish(path.join(p2, "editions"), emptyRoot)),
      },
    },
    progress("P2"),
  );
  await settle();
  const p2Ratio = p2Series.intoArchive.seconds / p2Series.intoEmpty.seconds;

  // Search on the published archive, as a phone meets it; then the background step after tonight's publish.
  const live = path.join(root, "current");
  const liveDates = (
    JSON.parse(fs.readFileSync(path.join(live, "_banmian", "archive.json"), "utf8")).editions as { date: string }[]
  ).map((e) => e.date);
  log(`search: ${archiveQuery} on the search page of the published ${liveDates.length} editions`);
  const searched = await timeSearch(live, [
    ...searchRanges(liveDates, archiveQuery),
    { label: "a common word (城市), all years", query: `?q=${encodeURIComponent("城市")}`, editions: liveDates.length },
  ]);
  for (const t of searched)
    log(`  ${t.label}: ${t.hits} hits, first ${t.firstResultSeconds} s, all counted ${t.allResultsSeconds} s`);
  const publishIndexBytes = folderBytes(path.join(live, urls.searchIndex(tonight).slice(1)));
  const nightly = await timeNode([...script("search-consolidate.ts"), "--root", root, "--json"], { cwd: repo });
  const nightlyResult = nightly.json as ConsolidateResult | null;
  const consolidations: ConsolidationRun[] = [
    {
      what: "every year, inside the rebuild's cross-edition step (its whole peak)",
      seconds: cold.crossEditionSeconds,
      peakRssMb: cold.crossEditionPeakRssMb,
      years: new Set(liveDates.map((d) => d.slice(0, 4))).size,
      bytes: 0,
    },
    {
      what: "the year tonight's publish changed (npm run search:consolidate --root, the background step)",
      seconds: round(nightly.seconds, 1),
      peakRssMb: nightly.peakRssMb === null ? null : Math.round(nightly.peakRssMb),
      years: nightlyResult?.made.length ?? 0,
      bytes: nightlyResult?.made.reduce((n, y) => n + y.bytes, 0) ?? 0,
    },
  ];
  const store = path.join(root, "store", "img", "search");
  const search: ArchiveSearchBench = {
    editions: liveDates.length,
    articles: 0,
    query: archiveQuery,
    conditions: phone,
    publishIndexBytes,
    consolidations,
    editionSegmentsBytes: liveDates.reduce((n, d) => n + folderBytes(path.join(live, urls.searchIndex(d).slice(1))), 0),
    yearSegmentsBytes: folderBytes(store),
    ranges: searched,
  };

  log("hot folder: npm run desk, page PDFs dropped until live");
  const desk = await benchDesk(path.join(work, "desk"), log);

  return {
    version: 1,
    startedAt,
    seconds: round((performance.now() - started) / 1000, 1),
    quick: options.quick,
    machine: {
      cpus: os.availableParallelism(),
      memoryGb: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      loadAverage: os.loadavg().map((l) => round(l, 2)),
    },
    goals,
    p1: {
      edition: { pages: 8, articles: 60 },
      banmian: p1Series.banmian,
      bareEleventy: p1Series.bareEleventy,
      ratio: round(p1Ratio),
      cpuRatio: cpuRatio(p1Series.banmian, p1Series.bareEleventy),
      ok: p1Ratio <= goals.p1Ratio,
      stages: stageTable([medianStep(p1Steps)]),
      note: "npm run build of the edition (node scripts/build.ts, images cached, fresh output folder) against Eleventy's CLI on its 60 article bodies with one trivial layout; medians of alternating runs",
    },
    p2: {
      archiveEditions: options.editions,
      firstAfterRebuildSeconds: round(first.seconds, 2),
      intoArchive: { ...p2Series.intoArchive, rebuiltEditions: rebuilt.intoArchive },
      intoEmpty: { ...p2Series.intoEmpty, rebuiltEditions: rebuilt.intoEmpty },
      ratio: round(p2Ratio),
      cpuRatio: cpuRatio(p2Series.intoArchive, p2Series.intoEmpty),
      ok: p2Ratio <= goals.p2Ratio,
      stages: stageTable([medianStep(p2Steps.intoArchive)]),
      note: "node scripts/publish.ts (what npm run publish runs) of the same edition, its images cached, after one publish into the archive (the first after the rebuilds, reported apart); the empty site's publish root is removed before each run; medians of alternating runs",
    },
    p3: {
      editions: options.editions,
      shardsBy: options.shardsBy,
      jobs: options.jobs ?? os.availableParallelism(),
      cold,
      warm,
      bareEleventy: { ...bare, files: options.bareFiles, pagesPerSecond: round(barePps, 1) },
      hugo:
        hugo && yardsticks.hugo
          ? { ...yardsticks.hugo, version: hugo, pagesPerSecond: round(options.bareFiles / yardsticks.hugo.seconds, 1) }
          : null,
      pagesPerSecondRatio: round(compared.pagesPerSecond / barePps),
      pagesPerCpuSecondRatio:
        compared.pagesPerCpuSecond !== null && bare.cpuSeconds
          ? round(compared.pagesPerCpuSecond / (options.bareFiles / bare.cpuSeconds))
          : null,
      ok:
        cold.peakRssMb !== null &&
        cold.peakRssMb < goals.p3PeakRssMb &&
        (warm === null || (warm.peakRssMb !== null && warm.peakRssMb < goals.p3PeakRssMb)),
      note: "npm run rebuild --root (shards as child processes, several at once, then the cross-edition step, then the release); bare Eleventy runs in one process",
    },
    serve: {
      ...served,
      ratio: round(served.ratio),
      ok: served.ratio <= goals.serveRatio && served.editSeconds <= goals.editSeconds,
      note: "node dist/scripts/serve.js (npm start) until the newest edition answers, against node dist/scripts/build.js of the same 30 editions, images cached for both; then one article file edited until the dev server answers with the edit",
    },
    search: { ...search, ok: searchOk(search), note: searchNote },
    desk,
  };
}

function whole(mb: number | null): number | null {
  return mb === null ? null : Math.round(mb);
}

function cpuRatio(a: Series, b: Series): number | null {
  return a.cpuSeconds === null || b.cpuSeconds === null ? null : round(a.cpuSeconds / b.cpuSeconds);
}

/** Keeps the stage times a build child reported with --json next to its wall time. */
function reported<R extends Run & { json: unknown }>(run: R, into: TimedStep[]): R {
  const report = run.json as BuildSummary | null;
  if (!report?.stages) throw new Error("a build run with --json reported no stage times");
  into.push({ seconds: run.seconds, stages: report.stages, stageCpu: report.stageCpu, cpuSeconds: processCpu(run) });
  return run;
}

/** A process's CPU time with its helpers', or null when either is unknown. */
function processCpu(run: { cpuSeconds: number | null; helperCpuSeconds?: number | null }): number | null {
  return run.cpuSeconds === null || run.helperCpuSeconds == null ? null : run.cpuSeconds + run.helperCpuSeconds;
}

/** The run of median wall time, so a stage table and the ratio it explains describe the same kind of run. */
function medianStep(steps: TimedStep[]): TimedStep {
  return [...steps].sort((a, b) => a.seconds - b.seconds)[Math.floor((steps.length - 1) / 2)];
}

function rebuildResult(s: RebuildSummary): RebuildResult {
  const steps = [...s.shards, s.crossEdition];
  const cpu = steps.every((r) => r.cpuSeconds !== null) ? steps.reduce((n, r) => n + r.cpuSeconds!, 0) : null;
  return {
    seconds: round(s.seconds, 1),
    htmlPages: s.htmlPages,
    pagesPerSecond: round(s.htmlPages / s.seconds, 1),
    shards: s.shards.length,
    slowestShardSeconds: round(Math.max(...s.shards.map((r) => r.seconds)), 1),
    peakRssMb: s.peakRssMb === null ? null : Math.round(s.peakRssMb),
    crossEditionSeconds: round(s.crossEdition.seconds, 1),
    crossEditionPeakRssMb: whole(stepPeakMb(s.crossEdition)),
    shardPeakRssMb: Object.fromEntries(
      s.shards.map((r) => [r.name, { build: whole(r.peakRssMb), indexer: whole(r.helperPeakRssMb) }]),
    ),
    stages: stageTable(steps.map((r) => ({ ...r, cpuSeconds: processCpu(r) }))),
    cpuSeconds: cpu === null ? null : round(cpu, 1),
    pagesPerCpuSecond: cpu === null ? null : round(s.htmlPages / cpu, 1),
  };
}

/** The results as a table for the terminal. */
export function formatResults(r: BenchResults): string {
  const s = (x: number) => `${x.toFixed(2)} s`;
  const m = (x: number | null) => (x === null ? "?" : `${Math.round(x)} MB`);
  const mark = (ok: boolean) => (ok ? "✓" : "✗");
  const x = (ratio: number | null) => (ratio === null ? "?" : `${ratio}×`);
  const header = ["", "measured", "against", "ratio", "CPU ratio", "goal (wall time)"];
  const rows: string[][] = [
    [
      "P1 one edition, warm",
      s(r.p1.banmian.seconds),
      `${s(r.p1.bareEleventy.seconds)} bare Eleventy`,
      `${r.p1.ratio}×`,
      x(r.p1.cpuRatio),
      `${mark(r.p1.ok)} ≤ ${goals.p1Ratio}×`,
    ],
    [
      `P2 publish into ${r.p2.archiveEditions} editions (first after the rebuild ${s(r.p2.firstAfterRebuildSeconds)})`,
      s(r.p2.intoArchive.seconds),
      `${s(r.p2.intoEmpty.seconds)} into empty site`,
      `${r.p2.ratio}×`,
      x(r.p2.cpuRatio),
      `${mark(r.p2.ok)} ≤ ${goals.p2Ratio}×`,
    ],
    [
      `P3 rebuild, first (${r.p3.cold.shards} shards)`,
      `${r.p3.cold.seconds.toFixed(1)} s, ${r.p3.cold.pagesPerSecond} pages/s`,
      "",
      "",
      "",
      `${mark((r.p3.cold.peakRssMb ?? Infinity) < goals.p3PeakRssMb)} peak ${m(r.p3.cold.peakRssMb)} < ${goals.p3PeakRssMb} MB`,
    ],
  ];
  if (r.p3.warm) {
    rows.push([
      "P3 rebuild, images cached",
      `${r.p3.warm.seconds.toFixed(1)} s, ${r.p3.warm.pagesPerSecond} pages/s`,
      "",
      "",
      "",
      `${mark((r.p3.warm.peakRssMb ?? Infinity) < goals.p3PeakRssMb)} peak ${m(r.p3.warm.peakRssMb)} < ${goals.p3PeakRssMb} MB`,
    ]);
  }
  rows.push(
    [
      `P3 pages/s vs bare Eleventy (${r.p3.bareEleventy.files} files)`,
      `${(r.p3.warm ?? r.p3.cold).pagesPerSecond} pages/s`,
      `${r.p3.bareEleventy.pagesPerSecond} pages/s`,
      `${r.p3.pagesPerSecondRatio}×`,
      x(r.p3.pagesPerCpuSecondRatio),
      `${mark(r.p3.pagesPerSecondRatio >= goals.p3PagesRatio)} ≥ ${goals.p3PagesRatio}×`,
    ],
    [
      `Hugo, same ${r.p3.bareEleventy.files} files`,
      r.p3.hugo ? `${r.p3.hugo.pagesPerSecond} pages/s` : "not installed (apt-get install -y hugo)",
      r.p3.hugo ? `${r.p3.bareEleventy.pagesPerSecond} pages/s bare Eleventy` : "",
      r.p3.hugo ? `${round(r.p3.hugo.pagesPerSecond / r.p3.bareEleventy.pagesPerSecond)}×` : "",
      "",
      r.p3.hugo?.version.split(" ")[1] ?? "",
    ],
    [
      `npm start, ${r.serve.editions} editions`,
      s(r.serve.serveSeconds),
      `${s(r.serve.buildSeconds)} npm run build`,
      `${r.serve.ratio}×`,
      "",
      `${mark(r.serve.ratio <= goals.serveRatio)} ≤ ${goals.serveRatio}×`,
    ],
    [
      "npm start, one article edited",
      s(r.serve.editSeconds),
      "until served",
      "",
      "",
      `${mark(r.serve.editSeconds <= goals.editSeconds)} ≤ ${goals.editSeconds} s`,
    ],
  );
  rows.push(...searchRows(r.search));
  rows.push(...deskRows(r.desk));
  return `${formatTable(header, rows, { rule: false })}\n\n${formatStages(r)}`;
}

const searchNote =
  "the real search page in Chromium (src/dev/bench/search.ts), each range in a fresh browser context, phone conditions; every hit counted and the first page listed: ten years ≤ 5 s, a year or less ≤ 2 s; the index one publish adds ≤ 2 MB; consolidation in its own process (peak memory)";

/** The search rows: each range's count and times, what a publish adds, and what the consolidations took. */
export function searchRows(search: ArchiveSearchBench): string[][] {
  const mark = (ok: boolean) => (ok ? "✓" : "✗");
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MB`;
  return [
    ...search.ranges.map((t) => [
      `search, ${t.label} (${t.editions} editions), phone`,
      `all ${t.hits} counted ${t.allResultsSeconds.toFixed(2)} s`,
      `first hit ${t.firstResultSeconds.toFixed(2)} s`,
      "",
      "",
      `${mark(t.allResultsSeconds <= searchGoal(t.label))} ≤ ${searchGoal(t.label)} s`,
    ]),
    [
      "search index added by one publish",
      mb(search.publishIndexBytes),
      `editions' own ${mb(search.editionSegmentsBytes)}, yearly ${mb(search.yearSegmentsBytes)}`,
      "",
      "",
      `${mark(search.publishIndexBytes <= goals.publishIndexMb * 2 ** 20)} ≤ ${goals.publishIndexMb} MB`,
    ],
    ...search.consolidations.map((c) => [
      `search consolidation: ${c.what}`,
      `${c.seconds.toFixed(1)} s, ${c.years} years`,
      `peak ${c.peakRssMb ?? "?"} MB`,
      "",
      "",
      c.bytes ? `wrote ${mb(c.bytes)}` : "",
    ]),
  ];
}

/** The hot folder's rows: the edition live after its last page, a replaced page live after it arrived. */
export function deskRows(d: DeskBench): string[][] {
  const mark = (ok: boolean) => (ok ? "✓" : "✗");
  return [
    [
      `hot folder: ${d.pages} page PDFs → edition live`,
      `${d.editionSeconds.toFixed(1)} s after the last page`,
      `publish ${d.publishSeconds.toFixed(1)} s of it`,
      "",
      "",
      `${mark(d.editionSeconds <= deskGoals.editionSeconds)} ≤ ${deskGoals.editionSeconds} s`,
    ],
    [
      "hot folder: replaced page → live",
      `${d.replacedSeconds.toFixed(1)} s after it arrived`,
      `publish ${d.replacedPublishSeconds.toFixed(1)} s of it`,
      "",
      "",
      `${mark(d.replacedSeconds <= deskGoals.replacedSeconds)} ≤ ${deskGoals.replacedSeconds} s`,
    ],
    [
      `hot folder: ${d.pages} pages one every ${d.trickle.intervalSeconds} s → edition live`,
      `${d.trickle.editionSeconds.toFixed(1)} s after the last page`,
      `publish ${d.trickle.publishSeconds.toFixed(1)} s of it`,
      "",
      "",
      `${mark(d.trickle.editionSeconds <= deskGoals.editionSeconds)} ≤ ${deskGoals.editionSeconds} s`,
    ],
  ];
}

/** Where the time goes: each stage of the warm rebuild (summed over shards), one publish and P1, with its share. */
export function formatStages(r: BenchResults): string {
  const tables = [
    {
      title: `rebuild, ${r.p3.warm ? "images cached" : "images made"} (${r.p3.cold.shards} shards + cross-edition)`,
      rows: (r.p3.warm ?? r.p3.cold).stages,
    },
    ...(r.p3.warm ? [{ title: "rebuild, images made", rows: r.p3.cold.stages }] : []),
    { title: `publish into ${r.p2.archiveEditions} editions`, rows: r.p2.stages },
    { title: "P1 one edition", rows: r.p1.stages },
  ];
  return formatTable(
    ["where the time goes (summed over processes)", ...tables.map((t) => t.title)],
    stageTableRows(tables.map((t) => t.rows)),
    { rule: false },
  );
}

export interface BenchCommand extends BenchOptions {
  /** Only the hot folder's rows. */
  deskOnly: boolean;
  /** Only the search rows, on a synthetic archive of `editions` indexed without building its pages. */
  searchOnly: boolean;
  /** Where the results go as JSON. */
  json: string;
  /** Keep the scratch folder. */
  keep: boolean;
}

/** What `npm run bench` does: the rows asked for, their JSON written, the scratch folder removed, a table printed. */
export async function runBenchCommand(options: BenchCommand): Promise<number> {
  const save = (results: unknown) => {
    fs.mkdirSync(path.dirname(options.json), { recursive: true });
    fs.writeFileSync(options.json, `${JSON.stringify(results, null, 2)}\n`);
    if (!options.keep) fs.rmSync(options.work, { recursive: true, force: true });
  };
  const kept = options.keep ? `; scratch kept in ${options.work}` : "";
  if (options.deskOnly) {
    const desk = await benchDesk(path.join(options.work, "desk"));
    save({ version: 1, startedAt: new Date().toISOString(), desk });
    const header = ["", "measured", "against", "ratio", "CPU ratio", "goal (wall time)"];
    console.log(`\n${formatTable(header, deskRows(desk), { rule: false })}\n\nresults: ${options.json}${kept}`);
    return desk.ok ? 0 : 1;
  }
  if (options.searchOnly) {
    const found = await benchArchiveSearch(options.editions, path.join(options.work, "search"));
    const search = { ...found, ok: searchOk(found), note: searchNote };
    save({ version: 1, startedAt: new Date().toISOString(), goals, search });
    const header = ["", "measured", "against", "ratio", "CPU ratio", "goal (wall time)"];
    console.log(`\n${formatTable(header, searchRows(search), { rule: false })}\n\nresults: ${options.json}${kept}`);
    return search.ok ? 0 : 1;
  }
  const results = await runBench(options);
  save(results);
  console.log(`\n${formatResults(results)}\n\nresults: ${options.json}${kept}`);
  return 0;
}
