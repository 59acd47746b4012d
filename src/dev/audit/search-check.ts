// A query through the real search page in Chromium on a built or published site (e.g. a benchmark archive): the
// newest edition among the default range's hits, and the oldest edition's own index searched alone.
// Some callbacks here run inside the page, in Chromium: they see the DOM.
/// <reference lib="dom" />
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { serveStatic } from "../serve-static.ts";

export async function searchCheck(
  root: string,
  query: string,
  log: (line: string) => void = console.log,
): Promise<void> {
  const index = JSON.parse(fs.readFileSync(path.join(root, "_banmian/archive.json"), "utf8")).editions;
  const [oldest, newest] = [index[0], index[index.length - 1]];
  log(`archive: ${index.length} editions, oldest ${oldest.date}, newest ${newest.date}`);
  const server = await serveStatic(root);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const page = await browser.newPage();
  for (const [scope, expectDate] of [["recent", newest]] as const) {
    const t0 = performance.now();
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}&scope=${scope}`);
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0, null, {
      timeout: 300_000,
    });
    const ms = performance.now() - t0;
    const metas = await page.locator("#search-results .search-meta").allTextContents();
    const hit = metas.some((m) => m.startsWith(expectDate.dateLabel));
    log(
      `scope ${scope}: ${metas.length} hits shown in ${(ms / 1000).toFixed(1)} s; ${expectDate.date} among them: ${hit}; first: ${metas[0]}`,
    );
  }
  // The oldest edition's own bundle, searched alone.
  await page.goto(`${server.url}search/`);
  // A string, not a function: the compile rewrites a function's import() into a call of its own helper
  // (__rewriteRelativeImportExtension), which the page does not have.
  const bundle = `${server.url}${oldest.date}/pagefind/pagefind.js`;
  const urls = (await page.evaluate(`(async () => {
    const pf = await import(${JSON.stringify(bundle)});
    await pf.options({ baseUrl: "/" });
    const found = await pf.search(${JSON.stringify(query)});
    return Promise.all(found.results.map((r) => r.data().then((d) => d.url)));
  })()`)) as string[];
  log(`oldest edition's index alone: ${JSON.stringify(urls)}`);
  await browser.close();
  await server.close();
}
