// The one staged build every command runs — npm run build, npm start, npm run publish, a shard of npm run rebuild:
// content → model → images → site data → search → pages → downloads → summaries → offline (stageNames in
// stages.ts, in the same order). They differ only in the options:
// which editions, where the output goes, whether the cross-edition pages are part of it.
import fs from "node:fs";
import path from "node:path";
import { ContentError, formatDiagnostic } from "../content/diagnostics.ts";
import { renderSite, templates } from "../render/eleventy.ts";
import { writeEditionDownloads } from "../render/downloads.ts";
import { writeOfflineManifests } from "../render/offline.ts";
import { writeSearch } from "../search/index.ts";
import { builtAfter, linkMissing } from "../util/files.ts";
import { writeShardPart } from "../model/shard-parts.ts";
import { writeOpenData } from "../opendata/write.ts";
import { archiveIndexFile, indexEdition } from "../model/archive.ts";
import { ledgerFile, redirectIndexFile } from "../model/ledger.ts";
import { urls } from "../model/urls.ts";
import type { RenderedSite } from "../model/site.ts";
import type { SiteOptions } from "./options.ts";
import { prepareSite, type PreparedSite } from "./prepare.ts";
import { progressLine, Stages, type Log, type StageTimes } from "./stages.ts";

export interface BuildOptions extends SiteOptions {
  /** A shard of a sharded rebuild (2016-03): its part of the archive index is written instead of the index */
  shard?: string;
}

export interface BuildSummary {
  editions: number;
  pages: number;
  articles: number;
  /** Reader pages of the editions built: one per edition overview, page, article and story */
  htmlPages: number;
  images: number;
  encoded: number;
  warnings: number;
  /** Seconds spent in each stage: wall time … */
  stages: StageTimes;
  /** … and CPU time, the build process's and its helpers' */
  stageCpu: StageTimes;
}

export async function build(options: BuildOptions, log: Log = console.log): Promise<BuildSummary> {
  const stages = new Stages(log);
  const crossEdition = options.crossEdition !== false && !options.shard;
  const prepared = await prepareSite(
    { ...options, crossEdition, progress: options.progress ?? progressLine("images", log) },
    stages,
  );
  // Each problem once per build, errors and warnings alike; errors stop it before anything is written.
  for (const d of prepared.diagnostics.items) log(formatDiagnostic(d));
  if (prepared.diagnostics.errors.length) throw new ContentError(prepared.diagnostics.items);
  const { data } = prepared;
  // The home page is the newest edition's front page: a build without that edition has nothing to render it from.
  const ignore = crossEdition && data.latest ? [] : [templates.home];
  const linksOnly = linksOnlyEditions(options);
  const indexed = data.editions.filter((e) => !options.searchDates || options.searchDates.includes(e.date));
  await stages.run(
    "search",
    () =>
      writeSearch(indexed, {
        outDir: options.outDir,
        previousSite: options.previousSite,
        imageDir: options.imageDir,
        archive: crossEdition ? data.index.editions.map((e) => e.date) : undefined,
        // A build of the whole archive merges its years; a publish adds tonight's segment only (see README "Search").
        consolidate: crossEdition && (!options.dates || options.consolidateSearch === true),
      }),
    "search index",
  );
  await stages.run("pages", async () => {
    // A neighbour rebuilt for its links gets its page and edition views only (the article and story views, which
    // do not link other editions, are linked from the live site below).
    const site: RenderedSite = linksOnly.size
      ? {
          ...data,
          articles: data.articles.filter((a) => !linksOnly.has(a.edition.date)),
          stories: data.stories.filter((s) => !linksOnly.has(s.edition.date)),
        }
      : data;
    await renderSite(site, { outDir: options.outDir, ignore, cacheDir: options.cacheDir });
  });
  const htmlPages = data.editions.length + data.pages.length + data.articles.length + data.stories.length;
  await stages.run(
    "downloads",
    () => writeEditionDownloads(data, options.outDir, options.imageDir, options.cacheDir),
    "edition PDF and EPUB",
  );
  await stages.run("summaries", () => {
    writeSummaries(prepared, options, htmlPages);
    // Last of all, once nothing more is written into these editions' folders: what the build left out of an
    // edition rebuilt for its links (its article views, its search index) is the live site's.
    const kept = data.editions.filter((e) => !indexed.includes(e) || linksOnly.has(e.date));
    if (options.previousSite)
      for (const e of kept) linkMissing(path.join(options.previousSite, e.date), path.join(options.outDir, e.date));
    // The archive pages of the years whose editions did not change, as the previous site has them.
    const rendered = new Set(data.archiveYears);
    for (const year of data.calendar) {
      const folder = urls.archiveYear(year.year).slice(1);
      if (!rendered.has(year) && options.previousSite)
        linkMissing(path.join(options.previousSite, folder), path.join(options.outDir, folder));
    }
  });
  // After the summaries: the offline copy lists the files of the finished edition folders.
  await stages.run(
    "offline",
    () => writeOfflineManifests(data.editions, options.outDir, data.lang, options.imageDir),
    "offline manifests",
  );
  return summarize(prepared, htmlPages, stages);
}

/**
 * The editions of `options.linksOnly` whose files are as they were when the live copy was built: an edition edited
 * since (an article renamed or corrected in yesterday's folder) is rebuilt whole, so no view of it is stale.
 */
function linksOnlyEditions(options: BuildOptions): Set<string> {
  const previous = options.previousSite;
  if (!previous) return new Set();
  return new Set(
    (options.linksOnly ?? []).filter((date) =>
      builtAfter(path.join(options.editionsDir, date), path.join(previous, date, "edition.json")),
    ),
  );
}

/** Each edition's summary next to its pages, and the archive index (or, for a shard, its part of it). */
function writeSummaries(prepared: PreparedSite, options: BuildOptions, htmlPages: number): void {
  const { data } = prepared;
  // Each edition's summary (edition.json) is part of its open data: IIIF manifest, JSON per page and article.
  writeOpenData(data, options.outDir, options.cacheDir);
  for (const ledger of data.ledgers) writeJson(ledgerFile(options.outDir, ledger.date), ledger);
  if (data.crossEdition) writeJson(path.join(options.outDir, redirectIndexFile), data.redirectIndex);
  if (options.shard) {
    writeShardPart(options.outDir, {
      version: 1,
      shard: options.shard,
      builtAt: Date.now(),
      editions: data.editions.map(indexEdition),
      htmlPages,
    });
  } else {
    writeJson(path.join(options.outDir, archiveIndexFile), data.index);
  }
}

/**
 * What a change to `changed` editions asks to rebuild: each of them, its neighbours (their previous/next edition
 * links), and the newest edition (the home page is its front page). `allDates` is every edition of the site.
 */
export function affectedEditions(changed: string[], allDates: string[]): Set<string> {
  const rebuild = new Set<string>(changed);
  if (allDates.length) rebuild.add(allDates[allDates.length - 1]);
  for (const date of changed) {
    const i = allDates.indexOf(date);
    if (i < 0) continue;
    for (const j of [i - 1, i + 1]) if (allDates[j]) rebuild.add(allDates[j]);
  }
  return rebuild;
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value));
}

function summarize(prepared: PreparedSite, htmlPages: number, stages: Stages): BuildSummary {
  const { data } = prepared;
  return {
    editions: data.editions.length,
    pages: data.pages.length,
    articles: data.articles.length,
    htmlPages,
    images: prepared.images?.images ?? 0,
    encoded: prepared.images?.encoded ?? 0,
    warnings: prepared.diagnostics.warnings.length,
    stages: stages.times,
    stageCpu: stages.cpu,
  };
}
