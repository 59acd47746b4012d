// npm run publish -- YYYY-MM-DD: validate, build and atomically publish one edition into the live site.
import { ContentError } from "../src/content/diagnostics.ts";
import { publishEdition } from "../src/publish/publish.ts";
import { fail, parseArgs } from "./args.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    editions: { type: "string", default: "editions" },
    site: { type: "string", default: "_data/site.json" },
    root: { type: "string", default: "public" },
    cache: { type: "string", default: ".cache/images" },
  },
});
const date = positionals[0];
if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) fail("usage: npm run publish -- YYYY-MM-DD [--root public] [--editions editions]");
const started = performance.now();
try {
  const s = await publishEdition({ date, editionsDir: values.editions, siteFile: values.site, root: values.root, cacheDir: values.cache });
  const took = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`published ${date} as release ${s.release}: ${s.pages} pages, ${s.articles} articles, ${s.images} images (${s.encoded} made anew), editions rebuilt: ${s.rebuiltEditions.join(", ")}, ${took} s`);
  console.log(`live site: ${values.root}/current`);
} catch (err) {
  const reason = err instanceof ContentError ? `${err.diagnostics.filter((d) => d.level === "error").length} errors (listed above)` : (err as Error).message;
  fail(`publish failed: ${reason}\nthe live site was not changed`);
}
