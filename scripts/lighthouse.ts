// npm run lighthouse -- [SITE_DIR] [--prefix /epaper/] [--url /2022-09-02/02/ …] [--min 95] [--runs 1]: serves an
// already built site (default _site/), runs Lighthouse (mobile) on its page and article views, exits 1 below --min.
import fs from "node:fs";
import { categories, defaultTargets, runLighthouse, type PageReport } from "../src/dev/audit/lighthouse.ts";
import { serveStatic } from "../src/dev/serve-static.ts";
import { fail, parseArgs } from "./args.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    prefix: { type: "string", default: "/" },
    url: { type: "string", multiple: true },
    min: { type: "string", default: "95" },
    runs: { type: "string", default: "1" },
    chrome: { type: "string", default: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
  },
});
const siteDir = positionals[0] ?? "_site";
const min = Number(values.min);
const runs = Number(values.runs);
if (!Number.isFinite(min)) fail(`--min: expected a number, got "${values.min}"`);
if (!Number.isInteger(runs) || runs < 1) fail(`--runs: expected a whole number of at least 1, got "${values.runs}"`);
if (!fs.existsSync(values.chrome)) fail(`Chromium not found at ${values.chrome}: apt-get install -y chromium fonts-noto-cjk, or pass --chrome PATH`);
if (!fs.existsSync(siteDir)) fail(`${siteDir}: no such folder; build the site first (npm run build)`);

let paths = values.url;
if (!paths?.length) {
  const { page, article } = defaultTargets(siteDir);
  paths = article ? [page, article] : [page];
}
const server = await serveStatic(siteDir, { prefix: values.prefix });
let below = 0;
try {
  const urls = paths.map((p) => new URL(p.replace(/^\//, ""), server.url).href);
  const line = (report: PageReport) => `${new URL(report.url).pathname}  ${categories.map((c) => `${c} ${report.scores[c]}`).join("  ")}`;
  const reports = await runLighthouse(urls, {
    chromePath: values.chrome, min, runs,
    log: (report, run) => {
      if (runs === 1) return;
      console.log(`run ${run}: ${line(report)}`);
      for (const finding of report.findings) console.log(`  ${finding}`);
    },
  });
  for (const report of reports) {
    console.log(line(report));
    for (const finding of report.findings) console.log(`  ${finding}`);
    below += categories.filter((c) => report.scores[c] < min).length;
  }
} finally {
  await server.close();
}
if (below) fail(`lighthouse: ${below} ${below === 1 ? "score is" : "scores are"} below ${min}`);
console.log(`lighthouse: every score is ${min} or more`);
