// npm run build: the whole site into _site/ (or --out DIR); or, for a sharded rebuild (npm run rebuild),
// one shard's editions (--shard 2016-03 or --shard 2016) or the cross-edition pages (--cross-edition).
import { buildSite } from "../src/pipeline/run.ts";
import { ContentError } from "../src/content/diagnostics.ts";
import { buildCrossEdition, buildShard } from "../src/shards/build.ts";
import { fail, parseArgs, siteFlags, siteOptions } from "./args.ts";

const { values } = parseArgs({
  options: {
    ...siteFlags,
    date: { type: "string", multiple: true },
    shard: { type: "string" },
    "cross-edition": { type: "boolean" },
    "image-dir": { type: "string" },
  },
});
if ([values.date, values.shard, values["cross-edition"]].filter(Boolean).length > 1) {
  fail("usage: npm run build -- [--date YYYY-MM-DD … | --shard YYYY[-MM] | --cross-edition] [--out DIR] [--editions DIR]");
}
const options = { ...siteOptions(values), imageDir: values["image-dir"] };
const started = performance.now();
const took = () => ((performance.now() - started) / 1000).toFixed(1);
try {
  if (values.shard) {
    const s = await buildShard({ ...options, shard: values.shard });
    console.log(`built shard ${s.shard}: ${s.editions} editions, ${s.pages} pages, ${s.articles} articles, ${s.htmlPages} HTML pages, ${s.images} images (${s.encoded} made anew), ${s.warnings} warnings in ${took()} s`);
  } else {
    const summary = values["cross-edition"] ? await buildCrossEdition(options) : await buildSite({ ...options, dates: values.date });
    console.log(`built ${summary.editions} editions, ${summary.pages} pages, ${summary.articles} articles, ${summary.images} images (${summary.encoded} made anew), ${summary.warnings} warnings in ${took()} s`);
  }
} catch (err) {
  if (err instanceof ContentError) fail(`build failed: ${err.diagnostics.filter((d) => d.level === "error").length} errors (listed above); nothing was published`);
  throw err;
}
