// npm run build: the whole site into _site/ (or --out DIR); or, for a sharded rebuild (npm run rebuild),
// one shard's editions (--shard 2016-03 or --shard 2016) or the cross-edition pages (--cross-edition).
import {
  editionDate,
  fail,
  parseCommand,
  report,
  runCommand,
  siteFlags,
  siteOptions,
  wholeNumber,
} from "../src/cli/index.ts";
import { limitCores } from "../src/util/cores.ts";
import { build } from "../src/pipeline/build.ts";
import { buildCrossEdition, buildShard } from "../src/shards/build.ts";

const usage = `usage: npm run build -- [--date YYYY-MM-DD … | --shard YYYY[-MM] | --cross-edition]
                     [--out DIR] [--editions DIR] [--site FILE] [--cache DIR] [--image-dir DIR] [--cores N] [--json]
  --cores N  threads libvips gives each image; default the core count (a rebuild gives each shard its share)
  --json     print the result as one JSON line (for a parent process), the stages' lines on stderr`;
const { values } = parseCommand({
  usage,
  options: {
    ...siteFlags,
    date: { type: "string", multiple: true },
    shard: { type: "string" },
    "cross-edition": { type: "boolean" },
    "image-dir": { type: "string" },
    cores: { type: "string" },
    json: { type: "boolean" },
  },
});
if ([values.date, values.shard, values["cross-edition"]].filter(Boolean).length > 1) fail(usage);
for (const date of values.date ?? []) editionDate(date, usage);
const options = { ...siteOptions(values), imageDir: values["image-dir"] };
const log = values.json ? console.error : console.log;
const started = performance.now();
await runCommand(
  async () => {
    const cores = wholeNumber("cores", values.cores);
    if (cores !== undefined) limitCores(cores);
    const summary = values.shard
      ? await buildShard({ ...options, shard: values.shard }, log)
      : values["cross-edition"]
        ? await buildCrossEdition(options, log)
        : await build({ ...options, dates: values.date }, log);
    const seconds = (performance.now() - started) / 1000;
    report(
      values.json,
      { ...summary, seconds },
      () =>
        `built ${values.shard ? `shard ${values.shard}: ` : ""}${summary.editions} editions, ${summary.pages} pages, ${summary.articles} articles, ` +
        `${summary.images} images (${summary.encoded} made anew), ${summary.warnings} warnings in ${seconds.toFixed(1)} s`,
    );
  },
  (reason) => `build failed: ${reason}; nothing was published`,
);
