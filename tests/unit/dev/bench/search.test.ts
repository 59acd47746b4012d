// The search bench's ranges and its folder sizes (no browser here; timeSearch is the bench's own run in Chromium).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { folderBytes, searchRanges } from "../../../../src/dev/bench/search.ts";
import { writeTree } from "../../../helpers/editions.ts";

describe("searchRanges", () => {
  it("times everything newest first, the last full year and the newest month, each by its address", () => {
    const dates = ["2015-12-30", "2015-12-31", "2016-01-01", "2016-02-02"];
    expect(searchRanges(dates, "档案")).toEqual([
      { label: "all 2 years, newest first", query: "?q=%E6%A1%A3%E6%A1%88", editions: 4 },
      { label: "year 2015", query: "?q=%E6%A1%A3%E6%A1%88&year=2015", editions: 2 },
      { label: "newest month (2016-02)", query: "?q=%E6%A1%A3%E6%A1%88&year=2016&month=2", editions: 1 },
    ]);
  });
});

describe("folderBytes", () => {
  it("adds up the files under a folder, and is 0 for none", () => {
    const site = writeTree({ "a/b.bin": "1234", "a/c/d.json": "{}" });
    expect(folderBytes(path.join(site, "a"))).toBe(6);
    expect(folderBytes(path.join(site, "missing"))).toBe(0);
    expect(fs.existsSync(site)).toBe(true);
  });
});
