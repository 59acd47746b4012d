// IIIF pieces that do not need a build: navDate in the paper's time zone, the image service id, areas in canvas
// pixels, feed names as file names; and a manifest of a small edition without scans.
import path from "node:path";
import { presentation3StrictUpgrade } from "@iiif/parser/strict";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../../src/content/diagnostics.ts";
import { en } from "../../../src/locale/index.ts";
import { polygonToPixels } from "../../../src/model/geometry.ts";
import { feedKey, feedKeyBytes, urls } from "../../../src/model/urls.ts";
import { editionManifest, imageServiceId, navDate } from "../../../src/opendata/iiif.ts";
import { buildModel, readContent } from "../../../src/pipeline/prepare.ts";
import { repo } from "../../helpers/build.ts";
import { article, writeTree } from "../../helpers/editions.ts";

describe("IIIF helpers", () => {
  it.each([
    ["2022-09-02", "Asia/Shanghai", "2022-09-01T16:00:00Z"],
    ["1920-11-15", "America/New_York", "1920-11-15T05:00:00Z"],
    ["2024-07-01", "America/New_York", "2024-07-01T04:00:00Z"],
    ["2024-07-01", "UTC", "2024-07-01T00:00:00Z"],
  ])("navDate of %s in %s is %s", (date, zone, expected) => {
    expect(navDate(date, zone)).toBe(expected);
  });

  it("the image service id is the one sharp writes into info.json: the site root, then the tiles folder", () => {
    expect(imageServiceId("/img/ed2abc2dc16020056500/iiif/info.json", "https://news.example.com/epaper/")).toBe(
      "https://news.example.com/epaper/img/ed2abc2dc16020056500/iiif",
    );
  });

  it("an area in fractions becomes whole canvas pixels", () => {
    expect(
      polygonToPixels(
        [
          [0.653, 0.072],
          [0.971, 0.072],
          [0.971, 0.45],
          [0.653, 0.45],
        ],
        2067,
        2952,
      ),
    ).toEqual([
      [1350, 213],
      [2007, 213],
      [2007, 1328],
      [1350, 1328],
    ]);
  });

  it.each([
    ["要闻", "要闻"],
    ["Front Page", "front-page"],
    ["Sports & Leisure", "sports-leisure"],
    ["A/B 版", "a-b-版"],
    ["!!!", "-"],
  ])("feed key of %s is %s", (name, key) => {
    expect(feedKey(name)).toBe(key);
    expect(urls.sectionFeed(name)).toBe(`/feeds/section/${key}.xml`);
  });

  it("a name too long for a file name gets a key cut to feedKeyBytes with a hash of the whole name", () => {
    const long = "新时代文明实践中心志愿服务".repeat(7).slice(0, 90);
    const other = `${long.slice(0, 89)}乙`;
    const key = feedKey(long);
    expect(Buffer.byteLength(key)).toBeLessThanOrEqual(feedKeyBytes);
    expect(key).toMatch(/^新时代文明实践中心志愿服务新时代.*-[0-9a-f]{8}$/);
    expect(feedKey(other)).not.toBe(key);
    expect(feedKey(long)).toBe(key);
    expect(Buffer.byteLength(urls.columnFeed(long).split("/").pop()!)).toBeLessThan(255);
    // Names the check lets through (at most 40 characters) keep the keys they always had: feed URLs are published.
    expect(feedKey("栏".repeat(40))).toBe("栏".repeat(40));
    expect(feedKey("x".repeat(300))).toMatch(/^x{111}-[0-9a-f]{8}$/);
  });
});

describe("editionManifest", () => {
  it("pages without a scan still get their canvas (no image), ranges and areas; the strict parser has nothing to say", async () => {
    const root = writeTree({
      "2024-03-01/A01/page.yml": "section: Front Page\n",
      "2024-03-01/A01/01-one.md": article("headline: One\narea: [0.1, 0.1, 0.4, 0.2]\nstory: one\ncontinued_on: A02"),
      "2024-03-01/A02/page.yml": "section: News\n",
      "2024-03-01/A02/01-one-cont.md": article("headline: One\nstory: one\ncontinued_from: A01"),
    });
    const d = new Diagnostics();
    const content = await readContent(
      { editionsDir: root, siteFile: path.join(repo, "tests/fixtures/site-en.json"), outDir: "", cacheDir: "" },
      d,
    );
    const [edition] = buildModel(content, d);
    const manifest = editionManifest(edition, {
      root: "https://news.example.com/epaper/",
      paper: "The Evening Example",
      timeZone: "America/New_York",
      locale: en,
    });
    const state = { warnings: [] as string[] };
    presentation3StrictUpgrade(structuredClone(manifest), state);
    expect(state.warnings).toEqual([]);
    expect(manifest.items.map((c) => [c.id, c.items, c.width, c.height])).toEqual([
      ["https://news.example.com/epaper/2024-03-01/a01/canvas", [], 1000, 1414],
      ["https://news.example.com/epaper/2024-03-01/a02/canvas", [], 1000, 1414],
    ]);
    expect(manifest.structures!.map((r) => r.label)).toEqual([
      { en: ["One"] },
      { en: ["One"] },
      { en: ["One (whole story)"] },
    ]);
    const area = manifest.items[0].annotations![0].items![0] as unknown as { target: { selector: { value: string } } };
    expect(area.target.selector.value).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg"><path d="M100,141 L500,141 L500,424 L100,424 Z"/></svg>',
    );
    expect(manifest.items[1].annotations).toBeUndefined();
  });
});
