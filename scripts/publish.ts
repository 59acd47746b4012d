// npm run publish -- YYYY-MM-DD: validate, build and atomically publish one edition into the live site.
import { editionDate, fail, parseCommand, report, runCommand } from "../src/cli/index.ts";
import { defaultPaths } from "../src/pipeline/options.ts";
import { CleanUpError, publishEdition } from "../src/publish/publish.ts";

const usage = "usage: npm run publish -- YYYY-MM-DD [--page NN | --withdraw [NN/]slug] [--root public] [--editions editions] [--site FILE] [--cache DIR] [--json]";
const { values, positionals } = parseCommand({
  usage,
  positionals: true,
  options: {
    editions: { type: "string", default: defaultPaths.editions },
    site: { type: "string", default: defaultPaths.site },
    root: { type: "string", default: defaultPaths.root },
    cache: { type: "string", default: defaultPaths.cache },
    json: { type: "boolean" },
    page: { type: "string" },
    withdraw: { type: "string" },
  },
});
if (positionals.length !== 1) fail(usage);
const date = editionDate(positionals[0], usage);
if (values.page !== undefined && values.withdraw !== undefined) fail(`error: --page and --withdraw are two publishes: run them one after the other\n${usage}`);
const started = performance.now();
await runCommand(async () => {
  const s = await publishEdition(
    { date, editionsDir: values.editions, siteFile: values.site, root: values.root, cacheDir: values.cache, page: values.page, withdraw: values.withdraw },
    values.json ? console.error : console.log,
  ).catch((err: unknown) => (err instanceof CleanUpError ? fail(`publish went live but did not finish: ${err.message}`) : Promise.reject(err)));
  const seconds = (performance.now() - started) / 1000;
  report(values.json, { ...s, seconds }, () =>
    `published ${date} as release ${s.release}: ${s.pages} pages, ${s.articles} articles, ${s.images} images (${s.encoded} made anew), ` +
      `editions rebuilt: ${s.rebuiltEditions.join(", ")}, ${seconds.toFixed(1)} s\n` +
      [...s.withdrawn.map((u) => `withdrawn: ${u}`), ...s.redirects.map((r) => `redirect: ${r.from} → ${r.to}`)].map((l) => `${l}\n`).join("") +
      `live site: ${values.root}/current`);
}, (reason) => `publish failed: ${reason}\nthe live site was not changed`);
