// What `npm run desk` does once its flags are read: ask a running desk to publish now, or watch a hot folder until
// stopped (SIGINT, SIGTERM).
import path from "node:path";
import { parseCommand, runCommand, UsageError, wholeNumber } from "../../cli/index.ts";
import { dateProblem } from "../../content/dates.ts";
import { projectRoot } from "../../project.ts";
import { defaultPaths } from "../../pipeline/options.ts";
import { defaultWatchRules } from "./arrivals.ts";
import { Desk, type DeskOptions, requestPublish } from "./desk.ts";
import { defaultPatterns } from "./names.ts";

export type DeskCommand = { publishNow: string; stateDir: string } | ({ publishNow?: undefined } & DeskOptions);

export async function runDeskCommand(command: DeskCommand): Promise<void> {
  if (command.publishNow !== undefined) {
    const problem = dateProblem(command.publishNow);
    if (problem) throw new UsageError(`--publish-now: ${problem}`);
    requestPublish(command.stateDir, command.publishNow);
    console.log(
      `asked the desk watching with ${command.stateDir} to publish ${command.publishNow}: its status page and log say when it is live`,
    );
    return;
  }
  const desk = new Desk(command);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => desk.stop());
  await desk.run((url) => console.log(`status page: ${url}`));
}

/**
 * npm run desk's command: its flags read from `argv`, then run. `at` stops the desk on its way, for tests (a crash
 * test holds it at a point and kills it there); the product passes none.
 */
export async function deskCommand(argv: string[], at?: DeskOptions["at"]): Promise<void> {
  const usage =
    "usage: npm run desk -- <hot folder> [--pages N] [--pattern 'rmrb{date}{page}.pdf' …] [--section 要闻] [--locale zh|en]\n" +
    "       [--port 8090] [--interval-ms 1000] [--settle-polls 2] [--state .desk] [--editions editions] [--root public] [--site FILE] [--cache DIR]\n" +
    "       npm run desk -- --publish-now YYYY-MM-DD [--state .desk]   (asks the running desk to publish the edition now)";
  const { values, positionals } = parseCommand(
    {
      usage,
      positionals: true,
      options: {
        pages: { type: "string" },
        pattern: { type: "string", multiple: true },
        section: { type: "string" },
        locale: { type: "string" },
        port: { type: "string", default: "8090" },
        "interval-ms": { type: "string", default: "1000" },
        "settle-polls": { type: "string", default: String(defaultWatchRules.settlePolls) },
        // The journal's folder, like the other defaults the project's own (relative to the working folder).
        state: { type: "string", default: path.relative(process.cwd(), path.join(projectRoot, ".desk")) || "." },
        "publish-now": { type: "string" },
        editions: { type: "string", default: defaultPaths.editions },
        root: { type: "string", default: defaultPaths.root },
        site: { type: "string", default: defaultPaths.site },
        cache: { type: "string", default: defaultPaths.cache },
      },
    },
    argv,
  );

  await runCommand(() => {
    if (values["publish-now"] !== undefined)
      return runDeskCommand({ publishNow: values["publish-now"], stateDir: values.state });
    if (positionals.length !== 1) throw new UsageError(`give the one hot folder to watch\n${usage}`);
    return runDeskCommand({
      folder: positionals[0],
      editionsDir: values.editions,
      siteFile: values.site,
      root: values.root,
      cacheDir: values.cache,
      stateDir: values.state,
      patterns: values.pattern?.length ? values.pattern : defaultPatterns,
      section: values.section,
      locale: values.locale,
      pages: wholeNumber("pages", values.pages),
      port: wholeNumber("port", values.port, { zero: true })!,
      intervalMs: wholeNumber("interval-ms", values["interval-ms"])!,
      rules: { ...defaultWatchRules, settlePolls: wholeNumber("settle-polls", values["settle-polls"])! },
      at,
    });
  });
}
