// The search bench's ranges, and the ten-year site it makes from a smaller one (no browser here; timeSearch is the
// bench's own run in Chromium).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extendSearchSite, folderBytes, searchRanges } from "../../../../src/dev/bench/search.ts";
import { writeTree } from "../../../helpers/editions.ts";

describe("searchRanges", () => {
  it("times the default 30, the newest year and everything", () => {
    const dates = ["2015-12-30", "2015-12-31", "2016-01-01", "2016-01-02"];
    expect(searchRanges(dates)).toEqual([
      { label: "last 30 editions", scope: "recent", editions: 4 },
      { label: "year 2016", scope: "2016", editions: 2 },
      { label: "all 2 years", scope: "all", editions: 4 },
    ]);
  });
});

describe("extendSearchSite", () => {
  it("lists the built editions, newest first, then added days back to the count, each linked to a built edition's folder", () => {
    const entry = (date: string) => ({
      date,
      year: Number(date.slice(0, 4)),
      label: date,
      index: `/${date}/pagefind/`,
    });
    const site = writeTree({
      "search/index.html": "<!doctype html>",
      "search/editions.json": JSON.stringify([entry("2016-01-02"), entry("2016-01-01")]),
      "assets/search.js": "// script",
      "2016-01-01/pagefind/pagefind-entry.json": '{"a":1}',
      "2016-01-02/pagefind/pagefind-entry.json": '{"b":22}',
    });
    const out = path.join(site, "..", `${path.basename(site)}-extended`);
    const dates = extendSearchSite(site, 5, out);
    expect(dates).toEqual(["2015-12-29", "2015-12-30", "2015-12-31", "2016-01-01", "2016-01-02"]);
    const list = JSON.parse(fs.readFileSync(path.join(out, "search", "editions.json"), "utf8"));
    expect(list.map((e: { date: string }) => e.date)).toEqual([...dates].reverse());
    expect(list[2]).toEqual(entry("2015-12-31"));
    // Added days take the built editions' folders in turn, newest first.
    expect(fs.readFileSync(path.join(out, "2015-12-31", "pagefind", "pagefind-entry.json"), "utf8")).toBe('{"b":22}');
    expect(fs.readFileSync(path.join(out, "2015-12-30", "pagefind", "pagefind-entry.json"), "utf8")).toBe('{"a":1}');
    expect(fs.readFileSync(path.join(out, "assets", "search.js"), "utf8")).toBe("// script");
    expect(folderBytes(path.join(site, "2016-01-02"))).toBe(8);
  });
});
