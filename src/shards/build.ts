// The two kinds of build a sharded rebuild is made of: one shard's editions, and the cross-edition pages.
import { indexEdition } from "../pipeline/archive.ts";
import { buildSite, renderSite, summarize, writeEditionSummaries, type BuildSummary } from "../pipeline/run.ts";
import { prepareSite, type SiteOptions } from "../pipeline/site.ts";
import { progressLine, stage, type Log } from "../pipeline/stages.ts";
import { ContentError, Diagnostics, formatDiagnostic } from "../content/diagnostics.ts";
import { listEditionDates } from "../content/load.ts";
import { writeSearchIndexes } from "../search/index.ts";
import { mergeShardPartsInto, writeShardPart } from "./parts.ts";
import { selectShards } from "./plan.ts";

export interface ShardSummary extends BuildSummary {
  shard: string;
  htmlPages: number;
}

/**
 * Builds one shard's editions into `outDir` — their pages, articles, stories and images, nothing else — and
 * writes the shard's part of the archive index. Home, calendar, feed and sitemap are left to the cross-edition
 * step, so shards never write the same file and can run at once, on one machine or on many.
 */
export async function buildShard(options: SiteOptions & { shard: string }, log: Log = console.log): Promise<ShardSummary> {
  const allDates = listEditionDates(options.editionsDir, new Diagnostics());
  const [shard] = selectShards(allDates, [options.shard]);
  const builtAt = Date.now();
  const prepared = await stage(`content and images of ${shard.id}`, log, async () => {
    const site = await prepareSite({
      ...options,
      dates: shard.dates,
      // A shard's pages never show the archive index, so it need not read the (large) published one:
      // there is no archive index under /dev/null.
      previousSite: "/dev/null",
      progress: options.progress ?? progressLine("images", log),
    });
    for (const d of site.diagnostics.items) log(formatDiagnostic(d));
    if (site.diagnostics.errors.length) throw new ContentError(site.diagnostics.items);
    site.data.crossEdition = false;
    return site;
  });
  // The home page is the newest edition's front page: a shard without that edition has nothing to render it from.
  await stage(`pages of ${shard.id}`, log, () => renderSite(prepared, options, ["src/render/templates/home.njk"]));
  const { data } = prepared;
  writeEditionSummaries(prepared, options.outDir);
  await stage(`search index of ${shard.id}`, log, () => writeSearchIndexes(data.editions, options.outDir, data.settings));
  const htmlPages = data.editions.length + data.pages.length + data.articles.length + data.stories.length;
  writeShardPart(options.outDir, {
    version: 1, shard: shard.id, builtAt, editions: data.editions.map(indexEdition), htmlPages,
  });
  return { shard: shard.id, htmlPages, ...summarize(prepared) };
}

/**
 * The last step of a sharded rebuild: merges the shards' parts into the archive index, then builds the newest
 * edition (the home page is its front page) with every cross-edition page: home, archive calendar, feed, sitemap.
 */
export async function buildCrossEdition(options: SiteOptions, log: Log = console.log): Promise<BuildSummary> {
  const allDates = listEditionDates(options.editionsDir, new Diagnostics());
  if (!allDates.length) throw new Error(`${options.editionsDir}: no editions to build`);
  const index = await stage("archive index", log, () => mergeShardPartsInto(options.outDir, allDates));
  log(`  ${index.editions.length} editions in the archive index`);
  return buildSite({ ...options, previousSite: options.outDir, dates: [allDates[allDates.length - 1]] }, log);
}
