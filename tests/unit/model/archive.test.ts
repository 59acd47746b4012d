// The archive index: merging a build's records into it, the calendar laid out from it, and which years' archive
// pages a build of some editions can leave as the previous site has them.
import { describe, expect, it } from "vitest";
import {
  buildCalendar,
  mergeArchiveIndex,
  unchangedYears,
  type ArchiveIndex,
  type IndexedEdition,
} from "../../../src/model/archive.ts";

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

describe("archive index and calendar", () => {
  const record = (date: string, label = date): IndexedEdition =>
    ({ date, issue: undefined, dateLabel: label, url: `/${date}/`, firstPageUrl: `/${date}/01/` }) as IndexedEdition;

  it("replaces the records built now, keeps the others, drops editions that are gone", () => {
    const previous = {
      version: 2 as const,
      editions: [record("2024-01-01", "old"), record("2024-01-02"), record("2024-01-03")],
    };
    const merged = mergeArchiveIndex(
      previous,
      [record("2024-01-01", "new"), record("2024-01-04")],
      new Set(["2024-01-01", "2024-01-03", "2024-01-04"]),
    );
    expect(merged.editions.map((e) => [e.date, e.dateLabel])).toEqual([
      ["2024-01-01", "new"],
      ["2024-01-03", "2024-01-03"],
      ["2024-01-04", "2024-01-04"],
    ]);
  });

  it("lays a month out in weeks from Monday, linking the days with an edition", () => {
    const [year] = buildCalendar(
      [record("2024-01-01"), record("2024-01-31")],
      (y, m) => `${y}年${m}月`,
      (y) => `${y}年`,
    );
    expect(year.title).toBe("2024年");
    const [january] = year.months;
    expect(january.weeks[0][0]).toEqual({ day: 1, date: "2024-01-01", url: "/2024-01-01/01/" }); // 2024-01-01 is a Monday
    expect(
      january.weeks
        .flat()
        .filter((d) => d?.url)
        .map((d) => d!.day),
    ).toEqual([1, 31]);
    expect(january.weeks.every((w) => w.length === 7)).toBe(true);
    expect(year.count).toBe(2);
  });
});
