// The archive index: which years' archive pages a build of some editions can leave as the previous site has them.
import { describe, expect, it } from "vitest";
import { unchangedYears, type ArchiveIndex } from "../../../src/model/archive.ts";

function index(...editions: (string | [string, string])[]): ArchiveIndex {
  return {
    version: 2,
    editions: editions.map((e) => {
      const [date, firstPageUrl] = Array.isArray(e) ? e : [e, `/${e}/01/`];
      return { date, dateLabel: date, url: `/${date}/`, firstPageUrl };
    }),
  };
}

describe("unchangedYears", () => {
  const before = index("2015-12-30", "2016-01-02", "2016-01-03", "2017-01-01");
  it.each([
    ["nothing changed", before, [2015, 2016, 2017]],
    [
      "an edition added to 2016",
      index("2015-12-30", "2016-01-02", "2016-01-03", "2016-01-04", "2017-01-01"),
      [2015, 2017],
    ],
    ["an edition of 2016 removed", index("2015-12-30", "2016-01-02", "2017-01-01"), [2015, 2017]],
    ["one replaced by another day", index("2015-12-30", "2016-01-02", "2016-01-05", "2017-01-01"), [2015, 2017]],
    [
      "a first page renamed (A01 printed in sections)",
      index("2015-12-30", "2016-01-02", ["2016-01-03", "/2016-01-03/a01/"], "2017-01-01"),
      [2015, 2017],
    ],
    ["a new year", index("2015-12-30", "2016-01-02", "2016-01-03", "2017-01-01", "2018-01-01"), [2015, 2016, 2017]],
    ["a year gone", index("2016-01-02", "2016-01-03", "2017-01-01"), [2016, 2017]],
  ])("%s", (_name, after, years) => {
    expect([...unchangedYears(before, after)].sort()).toEqual(years);
  });

  it("finds no year unchanged against an empty index (a first publish)", () => {
    expect([...unchangedYears({ version: 2, editions: [] }, before)]).toEqual([]);
  });
});
