// The proof sheet's model and HTML, from a real check of a fixture edition with an overlap, a linked story, a
// continuation to a page that is not in the edition and a page without a scan.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proofModel, type ProofSheet } from "../../../../src/desk/proof/model.ts";
import { renderProof } from "../../../../src/desk/proof/render.ts";
import { checkSite } from "../../../../src/pipeline/check.ts";

const fixture = new URL("../../../fixtures/editions-zh", import.meta.url).pathname;
let tmp: string;
let sheet: ProofSheet;
let html: string;

function edit(file: string, from: string, to: string): void {
  const text = fs.readFileSync(file, "utf8");
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  fs.writeFileSync(file, text.replace(from, to));
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "banmian-proof-"));
  const editions = path.join(tmp, "editions");
  fs.cpSync(fixture, editions, { recursive: true });
  const day = path.join(editions, "2024-03-01");
  // 天气 now reaches into 新桥's area; 新桥's second part goes on to page 07, which this edition does not have.
  edit(path.join(day, "01", "02-tianqi.md"), "[[0.55, 0.05], [0.95, 0.05]", "[[0.3, 0.05], [0.95, 0.05]");
  edit(path.join(day, "03", "01-xinqiao-xu.md"), 'continued_from: "01"', 'continued_from: "01"\ncontinued_on: "07"');
  const check = await checkSite({
    editionsDir: editions,
    siteFile: new URL("../../../../_data/site.json", import.meta.url).pathname,
    outDir: path.join(tmp, "site"),
    cacheDir: path.join(tmp, "cache"),
    dates: ["2024-03-01"],
  });
  sheet = proofModel(check);
  html = renderProof(sheet, new Map());
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("proofModel", () => {
  it("lays the check's edition out page by page with every article's area", () => {
    expect(sheet.editions.map((e) => e.date)).toEqual(["2024-03-01"]);
    const [p1, p2, p3] = sheet.editions[0].pages;
    expect([p1.label, p2.label, p3.label]).toEqual(["01", "02", "03"]);
    expect(p1.articles.map((a) => a.headline)).toEqual(["沙河新桥今日通车", "明日天气晴好"]);
    expect(p1.articles[0].polygon).toEqual([
      [0.05, 0.05],
      [0.45, 0.05],
      [0.45, 0.35],
      [0.05, 0.35],
    ]);
    // Page 02 has no scan, so the check does not warn, but its article has no area all the same.
    expect(p2.withoutArea.map((a) => a.headline)).toEqual(["社区食堂开张"]);
  });

  it("marks both articles of the overlap the check warns about, and puts the warning beside their page", () => {
    const p1 = sheet.editions[0].pages[0];
    expect(p1.articles.map((a) => a.overlaps.map((f) => path.basename(f)))).toEqual([
      ["02-tianqi.md"],
      ["01-xinqiao.md"],
    ]);
    expect(p1.problems.map((d) => [d.code, path.basename(d.file)])).toEqual([["overlap", "01-xinqiao.md"]]);
    expect(sheet.counts.overlaps).toBe(1);
  });

  it("draws the story's link once and the continuation to a missing page as dangling", () => {
    const [linked, dangling] = sheet.editions[0].continuations;
    expect(linked).toMatchObject({
      text: "下转第三版",
      from: { page: sheet.editions[0].pages[0].id },
      to: { page: sheet.editions[0].pages[2].id },
    });
    expect(dangling).toMatchObject({ text: "下转第七版", direction: "on", to: null });
    expect(sheet.editions[0].continuations).toHaveLength(2);
    expect(sheet.counts).toMatchObject({
      editions: 1,
      pages: 3,
      articles: 4,
      errors: 0,
      warnings: 2,
      withoutArea: 1,
      dangling: 1,
    });
    const p3 = sheet.editions[0].pages[2];
    expect(p3.problems.map((d) => d.field)).toEqual(["continued_on"]);
  });
});

describe("renderProof", () => {
  it("draws each area as a labelled polygon, the overlap marked, the arrows, the problems and the counts", () => {
    expect(html.match(/<g class="area[^"]*"/g)).toHaveLength(3);
    expect(html.match(/<g class="area overlap"/g)).toHaveLength(2);
    expect(html).toContain("<title>沙河新桥今日通车");
    expect(html.match(/<g class="continuation"/g)).toHaveLength(1);
    expect(html).toMatch(/<g class="continuation dangling"[^>]*>.*✗ 下转第七版/);
    expect(html).toContain(
      "1 期 · 3 个版面 · 4 篇文章 · 0 个错误 · 2 个警告 · 1 篇没有区域 · 1 处区域重叠 · 1 处接续版面不在本期",
    );
    expect(html).toMatch(/<ul class="without-area"><li[^>]*>社区食堂开张/);
    expect(html).toContain("page 07 is not in this edition");
    // Self-contained: no script, no file or address it would have to fetch.
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
  });
});

describe("an English paper's proof", () => {
  it("speaks English and follows the paper's page labels", async () => {
    const root = new URL("../../../fixtures/", import.meta.url).pathname;
    const check = await checkSite({
      editionsDir: path.join(root, "editions-en"),
      siteFile: path.join(root, "site-en.json"),
      outDir: path.join(tmp, "site-en"),
      cacheDir: path.join(tmp, "cache-en"),
    });
    const english = renderProof(proofModel(check), new Map());
    expect(english).toContain('<html lang="en">');
    expect(english).toMatch(/<g class="continuation"[^>]*>.*Continued on page A4/);
    expect(english).toContain("editions: 1 · pages: 2 · articles: 2 · errors: 0 · warnings: 1 · without an area: 1");
    expect(english).toContain("<h3>A04 City News</h3><h4>Articles without an area</h4>");
    expect(english).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
