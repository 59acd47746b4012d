// Search as a reader on a phone meets it: the real search page of a built archive in Chromium, with the conditions
// Lighthouse uses for a mobile run (CPU 4× slower, 1.6 Mbps down, 750 kbps up, 150 ms round trips), timed from
// the page's start until the first result is on screen and until every hit is counted. Each range in a fresh
// browser context, so nothing is cached between them.
/// <reference lib="dom" />
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { serveStatic } from "../serve-static.ts";
import { round } from "./measure.ts";

export const phone = { cpuSlowdown: 4, downloadKbps: 1600, uploadKbps: 750, latencyMs: 150 };

export interface SearchRange {
  /** What the bench calls it: "ten years", "one year (2034)" */
  label: string;
  /** The search page's query string: ?q=…&year=… */
  query: string;
  editions: number;
}

export interface SearchTiming extends SearchRange {
  /** Until the first hit is listed */
  firstResultSeconds: number;
  /** Until the page says how many it found: every hit of the range counted, the first page of them listed */
  allResultsSeconds: number;
  /** The count the page gave */
  hits: number;
}

/** The ranges worth timing on an archive: everything (newest first), its newest full year, and its newest month. */
export function searchRanges(editionDates: string[], query: string): SearchRange[] {
  const q = `q=${encodeURIComponent(query)}`;
  const years = [...new Set(editionDates.map((d) => d.slice(0, 4)))];
  // The newest year with a segment of its own when the archive has a full year before it.
  const year = years.length > 1 ? years[years.length - 2] : years[0];
  const newest = editionDates[editionDates.length - 1];
  const month = newest.slice(0, 7);
  const count = (prefix: string) => editionDates.filter((d) => d.startsWith(prefix)).length;
  return [
    { label: `all ${years.length} years, newest first`, query: `?${q}`, editions: editionDates.length },
    { label: `year ${year}`, query: `?${q}&year=${year}`, editions: count(year) },
    {
      label: `newest month (${month})`,
      query: `?${q}&year=${month.slice(0, 4)}&month=${Number(month.slice(5))}`,
      editions: count(month),
    },
  ];
}

/** Times each range's search on the site in `siteDir` (served at the site root), throttled like a phone. */
export async function timeSearch(
  siteDir: string,
  ranges: SearchRange[],
  options: { throttle?: boolean } = {},
): Promise<SearchTiming[]> {
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
      await page.goto(`${server.url}search/${range.query}`);
      await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0, null, {
        timeout: 600_000,
        polling: 50,
      });
      const first = (performance.now() - started) / 1000;
      // Done when the status line gives the count (every hit counted).
      await page.waitForFunction(
        () => {
          const status = document.getElementById("search-status")!;
          return status.textContent !== "" && status.textContent !== status.getAttribute("data-searching");
        },
        null,
        { timeout: 600_000, polling: 50 },
      );
      const all = (performance.now() - started) / 1000;
      const status = (await page.locator("#search-status").textContent()) ?? "";
      const hits = Number(/\d+/.exec(status)?.[0] ?? Number.NaN);
      if (!Number.isFinite(hits)) throw new Error(`${range.query}: the search page said "${status}"`);
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
