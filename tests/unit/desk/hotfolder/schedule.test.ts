// When the desk publishes: the edition once complete (or asked), then each replaced or added page as a late page.
import { describe, expect, it } from "vitest";
import type { JournalData, PageRecord } from "../../../../src/desk/hotfolder/journal.ts";
import { duePublishes } from "../../../../src/desk/hotfolder/schedule.ts";

const page = (label: string, hash: string | null): PageRecord => ({
  date: "2022-09-03",
  label,
  imports: 1,
  imported:
    hash === null
      ? undefined
      : {
          source: `${label}.pdf`,
          version: 1,
          inputs: {},
          hash,
          base: "b",
          time: "",
          headlines: [],
          warnings: [],
          kept: [],
        },
});
const journal = (pages: PageRecord[], extra: Partial<JournalData> = {}): JournalData => ({
  format: 1,
  files: {},
  published: {},
  publishNow: [],
  log: [],
  pages: Object.fromEntries(pages.map((p) => [`${p.date}/${p.label}`, p])),
  ...extra,
});

describe("duePublishes", () => {
  const three = () => 3;
  it("waits for the expected pages, then publishes the edition", () => {
    expect(duePublishes(journal([page("01", "a"), page("02", "b"), page("03", null)]), three, new Set())).toEqual([]);
    expect(duePublishes(journal([page("01", "a"), page("02", "b"), page("03", "c")]), three, new Set())).toEqual([
      { date: "2022-09-03", kind: "edition", pages: ["01", "02", "03"] },
    ]);
  });

  it("never publishes by itself when nobody said how many pages, but does when asked", () => {
    const data = journal([page("01", "a")]);
    expect(duePublishes(data, () => undefined, new Set())).toEqual([]);
    expect(duePublishes({ ...data, publishNow: ["2022-09-03"] }, () => undefined, new Set())[0].kind).toBe("edition");
  });

  it("publishes a replaced or added page of a live edition as a late page, and nothing when all is live", () => {
    const published = {
      "2022-09-03": { release: "r", time: "", kind: "edition" as const, seconds: 1, pages: { "01": "a", "02": "b" } },
    };
    const live = new Set(["2022-09-03"]);
    expect(duePublishes(journal([page("01", "a"), page("02", "b")], { published }), three, live)).toEqual([]);
    expect(
      duePublishes(journal([page("01", "a"), page("02", "b2"), page("03", "c")], { published }), three, live),
    ).toEqual([{ date: "2022-09-03", kind: "late", pages: ["02", "03"] }]);
  });
});
