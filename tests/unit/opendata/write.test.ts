// A year's IIIF Collection is taken from the cache when the same editions and settings made it before, and made
// again when an edition is added or a setting changes.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en, zhCN } from "../../../src/locale/index.ts";
import { yearCollection, type IiifOptions } from "../../../src/opendata/iiif.ts";
import { yearCollectionText } from "../../../src/opendata/write.ts";
import type { IndexedEdition } from "../../../src/model/archive.ts";
import { tempDir } from "../../helpers/build.ts";

const options: IiifOptions = {
  root: "https://epaper.example.cn/",
  paper: "示例日报",
  timeZone: "Asia/Shanghai",
  locale: zhCN,
};
const editions = [
  { date: "2024-03-01", dateLabel: "2024年3月1日 星期五" },
  { date: "2024-03-02", dateLabel: "2024年3月2日 星期六" },
] as IndexedEdition[];

describe("yearCollectionText", () => {
  it("is the year's Collection, kept in the cache and taken from it while its editions and settings stay", () => {
    const cache = tempDir("iiif");
    const text = yearCollectionText(2024, editions, options, cache);
    expect(JSON.parse(text)).toEqual(yearCollection(2024, editions, options));
    const [file] = fs.readdirSync(path.join(cache, "iiif"));
    // What is in the cache is what a build writes: changed by hand here, it comes back as changed.
    fs.writeFileSync(path.join(cache, "iiif", file), "kept");
    expect(yearCollectionText(2024, editions, options, cache)).toBe("kept");
    // Another edition, another paper name or another language: made again.
    const more = [...editions, { date: "2024-03-04", dateLabel: "2024年3月4日 星期一" }] as IndexedEdition[];
    expect(JSON.parse(yearCollectionText(2024, more, options, cache))).toEqual(yearCollection(2024, more, options));
    expect(JSON.parse(yearCollectionText(2024, editions, { ...options, paper: "另一报" }, cache)).label).toEqual(
      yearCollection(2024, editions, { ...options, paper: "另一报" }).label,
    );
    expect(yearCollectionText(2024, editions, { ...options, locale: en }, cache)).not.toBe("kept");
    expect(fs.readdirSync(path.join(cache, "iiif"))).toHaveLength(4);
  });

  it("is made every time without a cache folder", () => {
    expect(JSON.parse(yearCollectionText(2024, editions, options))).toEqual(yearCollection(2024, editions, options));
  });
});
