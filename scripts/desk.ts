// npm run desk -- <hot folder>: watch the folder the typesetting system writes page PDFs into, import, check,
// proof and publish each page as it comes, with a status page on 127.0.0.1. See README "A night with the hot folder".
import path from "node:path";
import { parseCommand, runCommand, UsageError, wholeNumber } from "../src/cli/index.ts";
import { defaultWatchRules } from "../src/desk/hotfolder/arrivals.ts";
import { runDeskCommand } from "../src/desk/hotfolder/command.ts";
import { defaultPatterns } from "../src/desk/hotfolder/names.ts";
import { defaultPaths } from "../src/pipeline/options.ts";
import { projectRoot } from "../src/project.ts";

const usage =
  "usage: npm run desk -- <hot folder> [--pages N] [--pattern 'rmrb{date}{page}.pdf' …] [--section 要闻] [--locale zh|en]\n" +
  "       [--port 8090] [--interval-ms 1000] [--settle-polls 2] [--state .desk] [--editions editions] [--root public] [--site FILE] [--cache DIR]\n" +
  "       npm run desk -- --publish-now YYYY-MM-DD [--state .desk]   (asks the running desk to publish the edition now)";
const { values, positionals } = parseCommand({
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
});

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
  });
});
