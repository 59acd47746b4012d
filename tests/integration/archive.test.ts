// A sharded rebuild of a 30-edition archive into a publish root, then tonight's publish on top of it: no old
// edition is lost, every link holds, and the cross-edition pages (calendar, home, feed) know all 31 editions.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateArchive } from "../../src/dev/synth/index.ts";
import { runScript, tempDir, type CommandResult } from "../helpers/build.ts";

let root: string;
let dates: string[];
let tonight: string;
let rebuild: CommandResult;
let publish: CommandResult;

const file = (url: string) => path.join(root, "current", url.replace(/^\//, ""), url.endsWith("/") ? "index.html" : "");
const read = (url: string) => fs.readFileSync(file(url), "utf8");
const attribute = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]);
/** An edition's first page (01, or A01 for editions printed in sections), as its overview links it. */
const firstPage = (date: string) => attribute(read(`/${date}/`), new RegExp(`href="(/${date}/[a-z0-9]+/)"`, "g"))[0];

/** Site-relative URLs a page links to or loads: href, src and every srcset candidate. */
function linkedUrls(html: string): string[] {
  const urls = [
    ...attribute(html, /\s(?:href|src)="(\/[^"]*)"/g),
    ...attribute(html, /\ssrcset="([^"]*)"/g).flatMap((set) => set.split(",").map((c) => c.trim().split(/\s+/)[0])),
  ];
  return [...new Set(urls.filter((u) => u.startsWith("/")).map((u) => u.split("#")[0]))];
}

beforeAll(async () => {
  const base = tempDir("archive");
  const editions = path.join(base, "editions");
  const cache = path.join(base, "cache");
  root = path.join(base, "public");
  // 31 editions from mid-December: two month shards, two calendar years. Small pages keep the images quick.
  await generateArchive({ out: editions, editions: 31, pages: 4, articles: 12, seed: 3, startDate: "2015-12-10" });
  dates = fs.readdirSync(editions).sort();
  tonight = dates[dates.length - 1];
  fs.renameSync(path.join(editions, tonight), path.join(base, tonight));
  rebuild = runScript("rebuild.ts", ["--editions", editions, "--root", root, "--cache", cache, "--jobs", "2"]);
  if (rebuild.code !== 0) throw new Error(rebuild.output);
  fs.renameSync(path.join(base, tonight), path.join(editions, tonight));
  publish = runScript("publish.ts", [tonight, "--editions", editions, "--root", root, "--cache", cache]);
  if (publish.code !== 0) throw new Error(publish.output);
});

describe("sharded rebuild, then tonight's publish", () => {
  it("builds each month as its own shard, reporting its memory, then the cross-edition pages", () => {
    expect(dates).toHaveLength(31);
    // Two at once on this two-core machine (CI's too): a core each, so one's images do not slow the other's render.
    expect(rebuild.stdout).toMatch(
      new RegExp(
        `rebuilding 30 editions in 2 shards, 2 at once, ${Math.max(1, Math.floor(os.availableParallelism() / 2))} cores? each`,
      ),
    );
    expect(rebuild.stdout).toMatch(/✓ 2015-12: \d+ editions, \d+ pages, [\d.]+ s, peak \d+ MB/);
    expect(rebuild.stdout).toMatch(/✓ 2016-01: \d+ editions, \d+ pages, [\d.]+ s, peak \d+ MB/);
    expect(rebuild.stdout).toMatch(/✓ cross-edition: .*peak \d+ MB/);
  });

  it("publishes tonight by rebuilding only tonight's edition and the one before it", () => {
    expect(publish.stdout).toContain(`editions rebuilt: ${dates[29]}, ${tonight},`);
  });

  it("keeps every old edition, each linked to the editions before and after it", () => {
    for (const [i, date] of dates.entries()) {
      const html = read(`/${date}/`);
      expect(attribute(html, /rel="prev" href="([^"]*)"/g), date).toEqual(i > 0 ? [`/${dates[i - 1]}/`] : []);
      expect(attribute(html, /rel="next" href="([^"]*)"/g), date).toEqual(i < 30 ? [`/${dates[i + 1]}/`] : []);
      expect(fs.existsSync(file(firstPage(date))), date).toBe(true);
    }
  });

  it("leaves no broken link or image on the pages of the oldest, the shard-edge, yesterday's and tonight's editions", () => {
    const edge = dates.findIndex((d) => d.startsWith("2016-"));
    const sample = [dates[0], dates[edge - 1], dates[edge], dates[29], tonight];
    const pages = sample.flatMap((date) => {
      const overview = read(`/${date}/`);
      const article = attribute(overview, new RegExp(`href="(/${date}/[a-z0-9]+/[a-z0-9-]+/)"`, "g")).find(
        (u) => !u.includes("/story/"),
      )!;
      return [`/${date}/`, firstPage(date), article];
    });
    let checked = 0;
    for (const page of ["/", "/archive/", ...pages]) {
      for (const url of linkedUrls(read(page))) {
        expect(fs.existsSync(file(url)), `${page} links to ${url}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("lists all 31 editions in the archive calendar", () => {
    const listed = ["/archive/2015/", "/archive/2016/"].flatMap((url) =>
      attribute(read(url), /<a href="([^"]+)" aria-label="\d{4}-\d{2}-\d{2}"/g),
    );
    expect(listed.map((u) => u.slice(1, 11)).sort()).toEqual(dates);
    for (const url of listed) expect(fs.existsSync(file(url)), url).toBe(true);
    expect(read("/archive/")).toContain('href="/archive/2015/"');
  });

  it("renders only the archive page of tonight's year: 2015's is the rebuild's file, linked", () => {
    const releases = path.join(root, "releases");
    const live = fs.realpathSync(path.join(root, "current"));
    const rebuilt = fs
      .readdirSync(releases)
      .map((name) => path.join(releases, name))
      .find((dir) => dir !== live)!;
    const inode = (release: string, year: number) =>
      fs.statSync(path.join(release, "archive", String(year), "index.html")).ino;
    expect(inode(live, 2015)).toBe(inode(rebuilt, 2015));
    expect(inode(live, 2016)).not.toBe(inode(rebuilt, 2016));
    expect(read("/archive/2016/")).toContain(`aria-label="${tonight}"`);
  });

  it("lists all 31 editions in the IIIF collections by year, merged from both shards and tonight's publish", () => {
    const json = (url: string) => JSON.parse(fs.readFileSync(file(url), "utf8"));
    expect(json("/iiif/collection.json").items.map((c: { id: string }) => c.id)).toEqual([
      "https://epaper.example.cn/iiif/2016.json",
      "https://epaper.example.cn/iiif/2015.json",
    ]);
    const manifests = ["/iiif/2015.json", "/iiif/2016.json"].flatMap((url) =>
      json(url).items.map((m: { id: string }) => m.id),
    );
    expect(manifests).toEqual(dates.map((d) => `https://epaper.example.cn/${d}/manifest.json`));
    for (const date of [dates[0], dates[29], tonight])
      expect(json(`/${date}/manifest.json`).partOf[0].id).toBe(
        `https://epaper.example.cn/iiif/${date.slice(0, 4)}.json`,
      );
  });

  it("shows tonight's front page as the home page", () => {
    const front = firstPage(tonight);
    expect(read("/")).toContain(`<link rel="canonical" href="https://epaper.example.cn${front}">`);
    expect(attribute(read("/archive/"), /<ul class="recent">\s*<li><a href="([^"]+)"/g)).toEqual([front]);
  });

  it("lists tonight's articles in the feed", () => {
    const articles = attribute(
      read(`/${tonight}/`),
      new RegExp(`href="(/${tonight}/[a-z0-9]+/[a-z0-9-]+/)"`, "g"),
    ).filter((u) => !u.includes("/story/"));
    expect(articles.length).toBeGreaterThanOrEqual(12);
    const feed = read("/feed.xml");
    for (const url of articles) expect(feed, url).toContain(`<link href="https://epaper.example.cn${url}"/>`);
  });
});
