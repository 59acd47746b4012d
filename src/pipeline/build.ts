// The one staged build every command runs — npm run build, npm start, npm run publish, a shard of npm run rebuild:
// content → model → images → site data → search → pages → downloads → summaries → offline (buildStageNames in
// stages.ts, in the same order), each a function with a typed result that the later stages read; the site the
// pages stage renders is assembled once from them and never changed. The commands differ only in the options:
// which editions, where the output goes, whether the cross-edition pages are part of it.
import path from "node:path";
import { ContentError, formatDiagnostic } from "../content/diagnostics.ts";
import type { RenderedSite, SiteData } from "../model/site.ts";
import { writeEditionDownloads } from "../render/downloads.ts";
import { writeOfflineManifests } from "../render/offline.ts";
import { builtAfter } from "../util/files.ts";
import type { BuildOptions } from "./options.ts";
import { prepareSite, type PreparedSite } from "./prepare.ts";
import { searchStage } from "./search-stage.ts";
import { renderedSite } from "./site-data.ts";
import { type Log, progressLine, type StageTimes, Stages } from "./stages.ts";
import { writeSummaries } from "./summaries.ts";

export type { BuildOptions } from "./options.ts";

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

/** What the pages stage rendered. */
export interface PagesResult {
  /** Reader pages of the editions built (see BuildSummary) */
  htmlPages: number;
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
  const linksOnly = linksOnlyEditions(options);
  const indexed = data.editions.filter((e) => !options.searchDates || options.searchDates.includes(e.date));
  await stages.run("search", () => searchStage(data, indexed, options), "search index");
  const site = renderedSite(data, linksOnly);
  const pages = await stages.run("pages", () => renderPages(site, data, options));
  await stages.run(
    "downloads",
    () => writeEditionDownloads(data, options.outDir, options.imageDir, options.cacheDir),
    "edition PDF and EPUB",
  );
  // What the build left out of an edition rebuilt for its links (its article views, its search index) is the
  // live site's: linked last of all, once nothing more is written into these editions' folders.
  const kept = data.editions.filter((e) => !indexed.includes(e) || linksOnly.has(e.date));
  await stages.run("summaries", () => writeSummaries(data, options, pages.htmlPages, kept));
  // After the summaries: the offline copy lists the files of the finished edition folders.
  await stages.run(
    "offline",
    () => writeOfflineManifests(data.editions, options.outDir, data.lang, options.imageDir),
    "offline manifests",
  );
  return summarize(prepared, pages, stages);
}

/** The pages stage: Eleventy renders the site (loaded only now: a build stopped by content errors never needs it). */
async function renderPages(site: RenderedSite, data: SiteData, options: BuildOptions): Promise<PagesResult> {
  const { renderSite, templates } = await import("../render/eleventy.ts");
  // The home page is the newest edition's front page: a build without that edition has nothing to render it from.
  const ignore = site.crossEdition && site.latest ? [] : [templates.home];
  await renderSite(site, { outDir: options.outDir, ignore, cacheDir: options.cacheDir });
  // Counted over the editions built, the views linked from the live site included.
  return { htmlPages: data.editions.length + data.pages.length + data.articles.length + data.stories.length };
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

function summarize(prepared: PreparedSite, pages: PagesResult, stages: Stages): BuildSummary {
  const { data } = prepared;
  return {
    editions: data.editions.length,
    pages: data.pages.length,
    articles: data.articles.length,
    htmlPages: pages.htmlPages,
    images: prepared.images?.images ?? 0,
    encoded: prepared.images?.encoded ?? 0,
    warnings: prepared.diagnostics.warnings.length,
    stages: stages.times,
    stageCpu: stages.cpu,
  };
}
