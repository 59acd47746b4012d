// npm run search:check -- <site dir> [query]: a query through the real search page in Chromium on a built or
// published site (e.g. a benchmark archive): the newest edition among the default range's hits, and the oldest
// edition's own index searched alone. Prints what it found and how long the page took.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { serveStatic } from "../src/dev/serve-static.ts";

const root = process.argv[2];
const query = process.argv[3] ?? "档案测试甲";
if (!root) {
  console.error("usage: npm run search:check -- <site dir> [query]   (default query: the synthetic archive's marker 档案测试甲)");
  process.exit(1);
}
const index = JSON.parse(fs.readFileSync(path.join(root, "_banmian/archive.json"), "utf8")).editions;
const [oldest, newest] = [index[0], index[index.length - 1]];
console.log(`archive: ${index.length} editions, oldest ${oldest.date}, newest ${newest.date}`);
const server = await serveStatic(root);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const page = await browser.newPage();
for (const [scope, expectDate] of [["recent", newest]] as const) {
  const t0 = performance.now();
  await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}&scope=${scope}`);
  await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0, null, { timeout: 300_000 });
  const ms = performance.now() - t0;
  const metas = await page.locator("#search-results .search-meta").allTextContents();
  const hit = metas.some((m) => m.startsWith(expectDate.dateLabel));
  console.log(`scope ${scope}: ${metas.length} hits shown in ${(ms / 1000).toFixed(1)} s; ${expectDate.date} among them: ${hit}; first: ${metas[0]}`);
}
// The oldest edition's own bundle, searched alone.
await page.goto(`${server.url}search/`);
const urls = await page.evaluate(async ([bundle, q]) => {
  const pf = await import(bundle + "pagefind.js");
  await pf.options({ baseUrl: "/" });
  const found = await pf.search(q);
  return Promise.all(found.results.map((r: any) => r.data().then((d: any) => d.url)));
}, [`${server.url}${oldest.date}/pagefind/`, query] as const);
console.log(`oldest edition's index alone: ${JSON.stringify(urls)}`);
await browser.close();
await server.close();
