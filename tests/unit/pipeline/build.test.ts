// The one pipeline in process: stages in order with their times, what a change rebuilds, and the site data.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mergeArchiveIndex, buildCalendar, type IndexedEdition } from "../../../src/model/archive.ts";
import { affectedEditions } from "../../../src/pipeline/build.ts";
import { runPool } from "../../../src/util/pool.ts";
import { buildModel, readContent } from "../../../src/pipeline/prepare.ts";
import { assembleSite } from "../../../src/pipeline/site-data.ts";
import { Stages } from "../../../src/pipeline/stages.ts";
import { Diagnostics } from "../../../src/content/diagnostics.ts";
import { article, writeTree } from "../../helpers/editions.ts";
import { repo } from "../../helpers/build.ts";

const dates = ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-05", "2024-01-08"];

describe("affectedEditions", () => {
  it("takes the changed edition, its neighbours and the newest", () => {
    expect([...affectedEditions(["2024-01-02"], dates)].sort()).toEqual([
      "2024-01-01",
      "2024-01-02",
      "2024-01-03",
      "2024-01-08",
    ]);
  });
  it("takes only the newest for the newest, and ignores a date that is not an edition", () => {
    expect([...affectedEditions(["2024-01-08"], dates)].sort()).toEqual(["2024-01-05", "2024-01-08"]);
    expect([...affectedEditions(["2023-12-31"], dates)]).toEqual(["2023-12-31", "2024-01-08"]);
  });
});

describe("Stages", () => {
  it("prints ✓ or ✗ a stage and adds up each stage's time", async () => {
    const lines: string[] = [];
    const stages = new Stages((l) => lines.push(l));
    await stages.run("content", () => 1);
    await stages.run("content", () => 2, "content again");
    await expect(
      stages.run("pages", () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(lines.map((l) => l.replace(/\(.*\)/, "()"))).toEqual(["✓ content ()", "✓ content again ()", "✗ pages ()"]);
    expect(Object.keys(stages.times).sort()).toEqual(["content", "pages"]);
  });
});

describe("runPool", () => {
  it("works every item, never more than `size` at once, and stops when asked", async () => {
    let running = 0,
      most = 0;
    const done: number[] = [];
    await runPool([1, 2, 3, 4, 5], 2, async (n) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 5));
      done.push(n);
      running--;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    const seen: number[] = [];
    await runPool(
      [1, 2, 3, 4],
      1,
      async (n) => {
        seen.push(n);
      },
      { stopped: () => seen.length >= 2 },
    );
    expect(seen).toEqual([1, 2]);
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

describe("prepare stages", () => {
  const root = writeTree({
    "2024-01-01/01/page.yml": "section: 要闻\n",
    "2024-01-01/01/01-a.md": article("headline: 甲"),
    "2024-01-02/01/page.yml": "section: 要闻\n",
    "2024-01-02/01/01-b.md": article("headline: 乙"),
    "2024-01-03/01/page.yml": "section: 要闻\n",
    "2024-01-03/01/01-c.md": article("headline: 丙"),
  });
  const options = {
    editionsDir: root,
    siteFile: path.join(repo, "_data/site.json"),
    outDir: path.join(root, "..", "out"),
    cacheDir: "",
  };

  it("reads only the editions asked for, and the newest N as the whole site", async () => {
    const d = new Diagnostics();
    const content = await readContent({ ...options, recent: 2 }, d);
    expect(content.allDates).toEqual(["2024-01-02", "2024-01-03"]);
    expect(content.sources.map((s) => s.date)).toEqual(["2024-01-02", "2024-01-03"]);
    const some = await readContent({ ...options, dates: ["2024-01-02"] }, d);
    expect(some.sources.map((s) => s.date)).toEqual(["2024-01-02"]);
    expect(d.items).toEqual([]);
  });

  it("names a date that is not an edition", async () => {
    const d = new Diagnostics();
    await readContent({ ...options, dates: ["2024-02-30"] }, d);
    expect(d.errors.map((e) => e.message)).toEqual(["no such edition folder: check the date or run npm run new"]);
  });

  it("a shard's site data has no archive-wide lists and reads nothing of a published site", async () => {
    const d = new Diagnostics();
    const content = await readContent({ ...options, dates: ["2024-01-02"] }, d);
    const editions = buildModel(content, d);
    fs.rmSync(options.outDir, { recursive: true, force: true });
    const shard = assembleSite(content, editions, { ...options, dates: ["2024-01-02"], crossEdition: false });
    expect(shard.crossEdition).toBe(false);
    expect([shard.calendar, shard.feed]).toEqual([[], []]);
    expect(shard.sitemapMonths.map((m) => m.month)).toEqual(["2024-01"]);
    const whole = assembleSite(content, editions, options);
    expect(whole.calendar[0].count).toBe(1);
    expect(whole.editions[0].previous?.url).toBe("/2024-01-01/");
  });
});
