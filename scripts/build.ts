// npm run build: the whole site into _site/ (or --out DIR).
import { buildSite } from "../src/build/run.ts";
import { ContentError } from "../src/content/diagnostics.ts";
import { fail, parseArgs, siteFlags, siteOptions } from "./args.ts";

const { values } = parseArgs({ options: { ...siteFlags, date: { type: "string", multiple: true } } });
const started = performance.now();
try {
  const summary = await buildSite({ ...siteOptions(values), dates: values.date });
  const took = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`built ${summary.editions} editions, ${summary.pages} pages, ${summary.articles} articles, ${summary.images} images (${summary.encoded} made anew), ${summary.warnings} warnings in ${took} s`);
} catch (err) {
  if (err instanceof ContentError) fail(`build failed: ${err.diagnostics.filter((d) => d.level === "error").length} errors (listed above); nothing was published`);
  throw err;
}
