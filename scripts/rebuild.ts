// npm run rebuild: the whole archive in shards (a month or a year of editions each), several at once, then the
// cross-edition pages. See docs/ci-shards.md for running the shards as a CI matrix instead.
import os from "node:os";
import { isShardId } from "../src/shards/plan.ts";
import { formatRebuild, listShardIds, rebuildArchive } from "../src/shards/run.ts";
import { fail, parseCommand, runCommand, wholeNumber } from "../src/cli/index.ts";
import { defaultPaths } from "../src/pipeline/options.ts";

const usage = `usage: npm run rebuild -- --editions DIR (--out DIR | --root DIR)
                       [--shard 2016-03 … | --shards-by month|year] [--jobs N] [--cache DIR] [--site FILE]
       npm run rebuild -- --editions DIR --list [--shards-by month|year]
  --list           print the shard ids as a JSON array (a CI matrix) and stop
  --out DIR        write the site into DIR
  --root DIR       publish it into the publish root DIR as a new release (npm run publish continues from it)
  --shard ID       rebuild only this month (2016-03) or year (2016); repeat for more; the rest stays as it is
  --shards-by      shard size for a whole rebuild: month (default; less memory a process) or year
  --jobs N         shards built at once (default: the core count, ${os.availableParallelism()} here)
  --max-old-space MB   heap limit of each shard process`;

const { values } = parseCommand({
  usage,
  options: {
    editions: { type: "string", default: defaultPaths.editions },
    site: { type: "string", default: defaultPaths.site },
    cache: { type: "string", default: defaultPaths.cache },
    out: { type: "string" },
    root: { type: "string" },
    shard: { type: "string", multiple: true },
    "shards-by": { type: "string", default: "month" },
    jobs: { type: "string" },
    "max-old-space": { type: "string" },
    list: { type: "boolean" },
  },
});
const by = values["shards-by"];
if (by !== "month" && by !== "year") fail(`--shards-by: expected month or year, got "${by}"`);
if (!values.list && !values.out === !values.root) fail(`${usage}\n\ngive either --out or --root`);
for (const id of values.shard ?? [])
  if (!isShardId(id)) fail(`--shard: expected a year (2016) or a month (2016-03), got "${id}"`);
await runCommand(
  async () => {
    if (values.list) {
      console.log(JSON.stringify(listShardIds(values.editions, by)));
      return;
    }
    const summary = await rebuildArchive({
      editionsDir: values.editions,
      siteFile: values.site,
      cacheDir: values.cache,
      outDir: values.out,
      root: values.root,
      by,
      shards: values.shard,
      jobs: wholeNumber("jobs", values.jobs),
      maxOldSpaceMb: wholeNumber("max-old-space", values["max-old-space"]),
    });
    console.log(formatRebuild(summary));
  },
  (reason) => (values.list ? reason : `rebuild failed: ${reason}`),
);
