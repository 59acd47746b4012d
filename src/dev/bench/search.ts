// Search as a reader on a phone meets it: the real search page of a built archive in Chromium, with the conditions
// Lighthouse uses for a mobile run (CPU 4× slower, 1.6 Mbps down, 750 kbps up, 150 ms round trips), timed from
// the page's start until the first result is on screen and until the whole range is searched. Each range in a
// fresh browser context, so nothing is cached between them.
/// <reference lib="dom" />
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { serveStatic } from "../serve-static.ts";
import { round } from "./measure.ts";

export const phone = { cpuSlowdown: 4, downloadKbps: 1600, uploadKbps: 750, latencyMs: 150 };

export interface SearchRange {
  /** What the bench calls it: "last 30 editions", "last year", "ten years" */
  label: string;
  /** The search page's scope value: recent, a year, all */
  scope: string;
  editions: number;
}

export interface SearchTiming extends SearchRange {
  /** Until the first hit is listed */
  firstResultSeconds: number;
  /** Until the page says how many it found: every index of the range searched */
  allResultsSeconds: number;
  hits: number;
}

/** The ranges of an archive's search page worth timing: the default, the newest full year, and everything. */
export function searchRanges(editionDates: string[]): SearchRange[] {
  const newestYear = editionDates[editionDates.length - 1].slice(0, 4);
  const years = new Set(editionDates.map((d) => d.slice(0, 4)));
  return [
    { label: "last 30 editions", scope: "recent", editions: Math.min(30, editionDates.length) },
    { label: `year ${newestYear}`, scope: newestYear, editions: editionDates.filter((d) => d.startsWith(newestYear)).length },
    { label: `all ${years.size} years`, scope: "all", editions: editionDates.length },
  ];
}

/** Times `query` over each range on the site in `siteDir` (served at the site root), throttled like a phone. */
export async function timeSearch(siteDir: string, query: string, ranges: SearchRange[], options: { throttle?: boolean } = {}): Promise<SearchTiming[]> {
  const throttle = options.throttle !== false;
  const server = await serveStatic(siteDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const timings: SearchTiming[] = [];
  try {
    for (const range of ranges) {
      const context = await browser.newContext();
      const page = await context.newPage();
      if (throttle) {
        const cdp = await context.newCDPSession(page);
        await cdp.send("Network.enable");
        await cdp.send("Network.emulateNetworkConditions", {
          offline: false,
          latency: phone.latencyMs,
          downloadThroughput: (phone.downloadKbps * 1000) / 8,
          uploadThroughput: (phone.uploadKbps * 1000) / 8,
        });
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: phone.cpuSlowdown });
      }
      const started = performance.now();
      await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}&scope=${encodeURIComponent(range.scope)}`);
      await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0, null, { timeout: 600_000, polling: 50 });
      const first = (performance.now() - started) / 1000;
      // Done when the status line no longer says it is searching (it then gives the count).
      await page.waitForFunction(() => {
        const status = document.getElementById("search-status")!;
        return status.textContent !== "" && status.textContent !== status.getAttribute("data-searching");
      }, null, { timeout: 900_000, polling: 100 });
      const all = (performance.now() - started) / 1000;
      const hits = await page.locator("#search-results li").count();
      timings.push({ ...range, firstResultSeconds: round(first, 2), allResultsSeconds: round(all, 2), hits });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return timings;
}

/** Bytes under a folder (a search index), following no links. */
export function folderBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : fs.statSync(full).size;
  }
  return total;
}
