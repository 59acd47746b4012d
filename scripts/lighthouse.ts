// npm run lighthouse -- [SITE_DIR] [--prefix /epaper/] [--url /2022-09-02/02/ …] [--min 95] [--runs 1]: serves an
// already built site (default _site/), runs Lighthouse (mobile) on its page and article views, exits 1 below --min.
import fs from "node:fs";
import { fail, parseCommand, runCommand, wholeNumber } from "../src/cli/index.ts";
import { lighthouseSite } from "../src/dev/audit/lighthouse.ts";

const { values, positionals } = parseCommand({
  usage:
    "usage: npm run lighthouse -- [SITE_DIR] [--prefix /epaper/] [--url PATH …] [--min 95] [--runs 1] [--chrome PATH]",
  positionals: true,
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
if (!Number.isFinite(min)) fail(`--min: expected a number, got "${values.min}"`);
if (!fs.existsSync(values.chrome))
  fail(`Chromium not found at ${values.chrome}: apt-get install -y chromium fonts-noto-cjk, or pass --chrome PATH`);
if (!fs.existsSync(siteDir)) fail(`${siteDir}: no such folder; build the site first (npm run build)`);
await runCommand(() =>
  lighthouseSite({
    siteDir,
    prefix: values.prefix,
    urls: values.url,
    min,
    runs: wholeNumber("runs", values.runs)!,
    chromePath: values.chrome,
  }),
);
