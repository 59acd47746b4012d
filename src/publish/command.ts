// npm run publish's command line: flags, the summary printed, and the exit code; `at` is for tests (see publish.ts).
import { editionDate, fail, parseCommand, report, runCommand } from "../cli/index.ts";
import { defaultPaths } from "../pipeline/options.ts";
import { CleanUpError, publishEdition, type PublishOptions } from "./publish.ts";

const usage =
  "usage: npm run publish -- YYYY-MM-DD [--page NN | --withdraw [NN/]slug] [--root public] [--editions editions] [--site FILE] [--cache DIR] [--json]";

export async function publishCommand(argv: string[], at?: PublishOptions["at"]): Promise<never> {
  const { values, positionals } = parseCommand(
    {
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
    },
    argv,
  );
  if (positionals.length !== 1) fail(usage);
  const date = editionDate(positionals[0], usage);
  if (values.page !== undefined && values.withdraw !== undefined)
    fail(`error: --page and --withdraw are two publishes: run them one after the other\n${usage}`);
  const started = performance.now();
  return runCommand(
    async () => {
      const s = await publishEdition(
        {
          date,
          editionsDir: values.editions,
          siteFile: values.site,
          root: values.root,
          cacheDir: values.cache,
          page: values.page,
          withdraw: values.withdraw,
          at,
        },
        values.json ? console.error : console.log,
      ).catch((err: unknown) =>
        err instanceof CleanUpError
          ? fail(`publish went live but did not finish: ${err.message}`)
          : Promise.reject(err),
      );
      const seconds = (performance.now() - started) / 1000;
      report(
        values.json,
        { ...s, seconds },
        () =>
          `published ${date} as release ${s.release}: ${s.pages} pages, ${s.articles} articles, ${s.images} images (${s.encoded} made anew), ` +
          `editions rebuilt: ${s.rebuiltEditions.join(", ")}, ${seconds.toFixed(1)} s\n` +
          [...s.withdrawn.map((u) => `withdrawn: ${u}`), ...s.redirects.map((r) => `redirect: ${r.from} → ${r.to}`)]
            .map((l) => `${l}\n`)
            .join("") +
          `live site: ${values.root}/current`,
      );
    },
    (reason) => `publish failed: ${reason}\nthe live site was not changed`,
  );
}
