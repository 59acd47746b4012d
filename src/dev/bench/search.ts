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
  /** Until the page says how many it found: every index of the range searched (null: not waited for, or not
   * done within `allWithinSeconds`) */
  allResultsSeconds: number | null;
  /** How long the bench waited for the whole range: set when it was not done by then */
  notDoneAfterSeconds?: number;
  hits: number;
}

/** The ranges of an archive's search page worth timing: the default, the newest full year, and everything. */
export function searchRanges(editionDates: string[]): SearchRange[] {
  const newestYear = editionDates[editionDates.length - 1].slice(0, 4);
  const years = new Set(editionDates.map((d) => d.slice(0, 4)));
  return [
    { label: "last 30 editions", scope: "recent", editions: Math.min(30, editionDates.length) },
    {
      label: `year ${newestYear}`,
      scope: newestYear,
      editions: editionDates.filter((d) => d.startsWith(newestYear)).length,
    },
    { label: `all ${years.size} years`, scope: "all", editions: editionDates.length },
  ];
}

/** Times `query` over each range on the site in `siteDir` (served at the site root), throttled like a phone. */
export async function timeSearch(
  siteDir: string,
  query: string,
  ranges: SearchRange[],
  options: { throttle?: boolean; waitForAll?: boolean; allWithinSeconds?: number } = {},
): Promise<SearchTiming[]> {
  // Ten years of indexes take minutes to search whole on a phone; the goals are on the first hits.
  const allWithin = options.allWithinSeconds ?? 300;
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
      await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0, null, {
        timeout: 600_000,
        polling: 50,
      });
      const first = (performance.now() - started) / 1000;
      // Done when the status line no longer says it is searching (it then gives the count).
      let all: number | null = null;
      let notDone = false;
      if (options.waitForAll !== false) {
        const left = allWithin * 1000 - (performance.now() - started);
        notDone = await page
          .waitForFunction(
            () => {
              const status = document.getElementById("search-status")!;
              return status.textContent !== "" && status.textContent !== status.getAttribute("data-searching");
            },
            null,
            { timeout: Math.max(1, left), polling: 100 },
          )
          .then(
            () => false,
            (err: Error) => {
              if (err.name !== "TimeoutError") throw err;
              return true;
            },
          );
        if (!notDone) all = round((performance.now() - started) / 1000, 2);
      }
      const hits = await page.locator("#search-results li").count();
      timings.push({
        ...range,
        firstResultSeconds: round(first, 2),
        allResultsSeconds: all,
        hits,
        ...(notDone ? { notDoneAfterSeconds: allWithin } : {}),
      });
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

/**
 * A larger search site made from a published one, for timing search over more editions than were built: the
 * search page, its assets and the edition list, the list extended back day by day to `editions` dates, each added
 * date's folder a link to a built edition's (cycled). The requests and bytes of a search are those of an archive of
 * that size; its hits repeat. Returns the dates, oldest first.
 */
export function extendSearchSite(site: string, editions: number, out: string): string[] {
  const built = JSON.parse(fs.readFileSync(path.join(site, "search", "editions.json"), "utf8")) as {
    date: string;
    year: number;
    label: string;
    index: string;
  }[];
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, "search"), { recursive: true });
  fs.copyFileSync(path.join(site, "search", "index.html"), path.join(out, "search", "index.html"));
  fs.symlinkSync(fs.realpathSync(path.join(site, "assets")), path.join(out, "assets"));
  const list = [...built];
  const link = (date: string, from: string) =>
    fs.symlinkSync(fs.realpathSync(path.join(site, from)), path.join(out, date));
  for (const e of built) link(e.date, e.date);
  const day = new Date(`${built[built.length - 1].date}T00:00:00Z`);
  for (let i = 0; list.length < editions; i++) {
    day.setUTCDate(day.getUTCDate() - 1);
    const date = day.toISOString().slice(0, 10);
    link(date, built[i % built.length].date);
    list.push({
      date,
      year: Number(date.slice(0, 4)),
      label: date,
      index: built[0].index.replace(built[0].date, date),
    });
  }
  fs.writeFileSync(path.join(out, "search", "editions.json"), JSON.stringify(list));
  return list.map((e) => e.date).reverse();
}
