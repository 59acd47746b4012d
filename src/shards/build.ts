// The two kinds of build a sharded rebuild is made of: one shard's editions, and the cross-edition pages. Both
// are the one pipeline (src/pipeline/build.ts) with other options.
import { build, type BuildSummary } from "../pipeline/build.ts";
import type { SiteOptions } from "../pipeline/options.ts";
import { addStageTimes, Stages, type Log } from "../pipeline/stages.ts";
import { Diagnostics } from "../content/diagnostics.ts";
import { listEditionDates } from "../content/load.ts";
import { mergeShardPartsInto } from "../model/shard-parts.ts";
import { selectShards } from "./plan.ts";

export interface ShardSummary extends BuildSummary {
  shard: string;
}

/**
 * Builds one shard's editions into `outDir` — their pages, articles, stories and images, nothing else — and
 * writes the shard's part of the archive index. Home, calendar, feed and sitemap are left to the cross-edition
 * step, so shards never write the same file and can run at once, on one machine or on many.
 */
export async function buildShard(
  options: SiteOptions & { shard: string },
  log: Log = console.log,
): Promise<ShardSummary> {
  const allDates = listEditionDates(options.editionsDir, new Diagnostics());
  const [shard] = selectShards(allDates, [options.shard]);
  const summary = await build({ ...options, dates: shard.dates, shard: shard.id }, log);
  return { shard: shard.id, ...summary };
}

/**
 * The last step of a sharded rebuild: merges the shards' parts into the archive index, then builds the newest
 * edition (the home page is its front page) with every cross-edition page: home, archive calendar, feed, sitemap.
 */
export async function buildCrossEdition(options: SiteOptions, log: Log = console.log): Promise<BuildSummary> {
  const allDates = listEditionDates(options.editionsDir, new Diagnostics());
  if (!allDates.length) throw new Error(`${options.editionsDir}: no editions to build`);
  const stages = new Stages(log);
  const index = await stages.run("shard merge", () => mergeShardPartsInto(options.outDir, allDates), "archive index");
  log(`  ${index.editions.length} editions in the archive index`);
  const summary = await build(
    { ...options, previousSite: options.outDir, dates: [allDates[allDates.length - 1]], consolidateSearch: true },
    log,
  );
  addStageTimes(summary, stages);
  return summary;
}
