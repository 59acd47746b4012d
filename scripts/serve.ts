// npm start: build the site, then serve it with live reload while editions/ changes.
import { Eleventy } from "@11ty/eleventy";
import { buildSite } from "../src/pipeline/run.ts";
import { ContentError } from "../src/content/diagnostics.ts";
import { fail, parseArgs, siteFlags, siteOptions } from "./args.ts";

const { values } = parseArgs({ options: { ...siteFlags, port: { type: "string", default: "8080" } } });
const options = siteOptions(values);
try {
  // A first full build makes every image; the dev server then re-renders pages as content changes.
  await buildSite(options);
} catch (err) {
  if (err instanceof ContentError) fail("fix the errors above, then run npm start again");
  throw err;
}
process.env.BANMIAN_EDITIONS = options.editionsDir;
process.env.BANMIAN_SITE = options.siteFile;
process.env.BANMIAN_OUT = options.outDir;
process.env.BANMIAN_CACHE = options.cacheDir;
const eleventy = new Eleventy(".", options.outDir, { configPath: "eleventy.config.ts", quietMode: true, runMode: "serve" });
await eleventy.init();
await eleventy.watch();
await eleventy.serve(Number(values.port));
