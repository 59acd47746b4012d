// Where the import writes a page and what it refuses to touch: checked before anything is written.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importDump } from "../../../../src/desk/import/import-page.ts";
import { pageFolder, planPage } from "../../../../src/desk/import/write-page.ts";

const { articles } = importDump("## 开学第一天\n\n正文。\n\n## 秋粮颗粒归仓\n\n正文。\n", { source: "test.md" });

describe("planPage", () => {
  let editions: string;
  beforeEach(() => {
    editions = mkdtempSync(path.join(os.tmpdir(), "banmian-plan-"));
  });
  afterEach(() => rmSync(editions, { recursive: true, force: true }));

  it("uses a page folder that already exists under a longer name", () => {
    mkdirSync(path.join(editions, "2022-09-02", "02-zonghe"), { recursive: true });
    for (const page of ["02", "2"]) {
      expect(pageFolder({ editions, date: "2022-09-02", page })).toBe(path.join(editions, "2022-09-02", "02-zonghe"));
    }
    expect(pageFolder({ editions, date: "2022-09-02", page: "a3" })).toBe(path.join(editions, "2022-09-02", "A03"));
  });

  it.each([
    ["2022-02-30", "02", /^--date: "2022-02-30" is not a real date \(no such day in the calendar\)/],
    ["2022-9-2", "02", /^--date: "2022-9-2" is not a real date: give it as YYYY-MM-DD/],
    ["2024-13-01", "02", /^--date: "2024-13-01" is not a real date/],
    ["9999-12-31", "02", /^--date: "9999-12-31" is outside the years an edition can have/],
    ["2022-09-02", "第二版", /^--page: 第二版 is not a page label/],
  ])("refuses --date %s --page %s", (date, page, message) => {
    expect(() => pageFolder({ editions, date, page })).toThrow(message);
  });

  it("counts an older file with the same reading-order number as a file it would replace", () => {
    const pageDir = path.join(editions, "2022-09-02", "02");
    mkdirSync(pageDir, { recursive: true });
    writeFileSync(path.join(pageDir, "page.yml"), "section: 综合\n");
    writeFileSync(path.join(pageDir, "02-qiushou.md"), "---\nheadline: 旧稿\n---\n");
    writeFileSync(path.join(pageDir, "03-other.md"), "---\nheadline: 另一篇\n---\n");
    const options = { editions, date: "2022-09-02", page: "02" };
    expect(() => planPage(articles, options)).toThrow(`${path.join(pageDir, "02-qiushou.md")}: already exists`);
    const plan = planPage(articles, { ...options, force: true, section: "要闻" });
    expect(plan.removes).toEqual([path.join(pageDir, "02-qiushou.md")]);
    expect(plan.writes.map((w) => path.basename(w.path))).toEqual(["01-kaixue-diyi.md", "02-qiuliang-keli.md"]);
    expect(plan.notes).toEqual([
      `${path.join(pageDir, "03-other.md")} is not from this dump; left in place (check the page's reading order)`,
      `${path.join(pageDir, "page.yml")} already exists (section: 综合); --section 要闻 was not used`,
    ]);
  });
});
