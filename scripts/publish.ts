// npm run publish -- YYYY-MM-DD: validate, build and atomically publish one edition into the live site.
import { fail, parseCommand, report, runCommand } from "../src/cli/index.ts";
import { defaultPaths } from "../src/pipeline/options.ts";
import { publishEdition } from "../src/publish/publish.ts";

const usage = "usage: npm run publish -- YYYY-MM-DD [--root public] [--editions editions] [--site FILE] [--cache DIR] [--json]";
const { values, positionals } = parseCommand({
  usage,
  positionals: true,
  options: {
    editions: { type: "string", default: defaultPaths.editions },
    site: { type: "string", default: defaultPaths.site },
    root: { type: "string", default: defaultPaths.root },
    cache: { type: "string", default: defaultPaths.cache },
    json: { type: "boolean" },
  },
});
const date = positionals[0];
if (positionals.length !== 1 || !/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(usage);
const started = performance.now();
await runCommand(async () => {
  const s = await publishEdition(
    { date, editionsDir: values.editions, siteFile: values.site, root: values.root, cacheDir: values.cache },
    values.json ? console.error : console.log,
  );
  const seconds = (performance.now() - started) / 1000;
  report(values.json, { ...s, seconds }, () =>
    `published ${date} as release ${s.release}: ${s.pages} pages, ${s.articles} articles, ${s.images} images (${s.encoded} made anew), ` +
      `editions rebuilt: ${s.rebuiltEditions.join(", ")}, ${seconds.toFixed(1)} s\nlive site: ${values.root}/current`);
}, (reason) => `publish failed: ${reason}\nthe live site was not changed`);
