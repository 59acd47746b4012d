// A query through the real search page in Chromium on a built or published site (e.g. a benchmark archive): every
// hit counted newest first, and the oldest edition's hits found with the year and month filters, oldest first.
// Some callbacks here run inside the page, in Chromium: they see the DOM.
/// <reference lib="dom" />
import fs from "node:fs";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
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
  try {
    const page = await browser.newPage();
    const q = `q=${encodeURIComponent(query)}`;
    const t0 = performance.now();
    const status = await searched(page, `${server.url}search/?${q}`);
    const metas = await page.locator("#search-results .search-meta").allTextContents();
    log(`newest first: ${status} in ${((performance.now() - t0) / 1000).toFixed(1)} s; first: ${metas[0] ?? "none"}`);
    const [year, month] = oldest.date.split("-");
    await searched(page, `${server.url}search/?${q}&sort=oldest&year=${year}&month=${Number(month)}`);
    const urls = await page
      .locator("#search-results li > a:first-child")
      .evaluateAll(
        (as, date) =>
          as.map((a) => new URL((a as HTMLAnchorElement).href).pathname).filter((p) => p.includes(`/${date}/`)),
        oldest.date,
      );
    log(`oldest edition's hits: ${JSON.stringify(urls)}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Opens a search and waits until the status line gives its outcome; returns it. */
async function searched(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.waitForFunction(
    () => {
      const status = document.getElementById("search-status")!;
      return status.textContent !== "" && status.textContent !== status.getAttribute("data-searching");
    },
    null,
    { timeout: 300_000 },
  );
  return (await page.locator("#search-status").textContent()) ?? "";
}
