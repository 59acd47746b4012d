// The archive search in real Chromium on a fixture archive made here (13 editions over two years, two sections, a
// column): every hit counted, sorted, filtered by year, month, section and column, phrases, paging, a shared
// address reopened, 繁體 input, malformed addresses, and an edition republished after its year was merged.
// Some callbacks here run inside the page, in Chromium: they see the DOM.
/// <reference lib="dom" />
import { AxeBuilder } from "@axe-core/playwright";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, runScript, type BuiltSite } from "../helpers/build.ts";
import { checkedContexts, launchChromium } from "../helpers/browser.ts";
import { article, writeTree } from "../helpers/editions.ts";
import { manifestEditions } from "../../src/client/search-core.js";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";

/** Two in December 2023, five in January and six in February 2024. */
const dates = [
  "2023-12-30",
  "2023-12-31",
  ...[3, 8, 12, 19, 26].map((d) => `2024-01-${String(d).padStart(2, "0")}`),
  ...[2, 9, 14, 16, 21, 28].map((d) => `2024-02-${String(d).padStart(2, "0")}`),
];

/**
 * Each edition: on 01 (要闻) an article on flood control (防汛工作, in the column 防汛一线 on odd days), on 02 (经济)
 * one that has 防汛 and 工作 apart; on 2024-01-19 a third article that says 防汛工作 in its headline and three times.
 * Opening ceremonies (开学典礼) in February only.
 */
function archive(): string {
  const files: Record<string, string> = {};
  dates.forEach((date, i) => {
    const day = Number(date.slice(8));
    files[`${date}/01/page.yml`] = "section: 要闻\n";
    files[`${date}/02/page.yml`] = "section: 经济\n";
    files[`${date}/01/01-fangxun.md`] = article(
      `headline: 第${i + 1}次部署会召开${day % 2 ? "\ncolumn: 防汛一线" : ""}`,
      `全市防汛工作会议今天召开，第${i + 1}次部署。${date.startsWith("2024-02") ? "各校开学典礼同日举行。" : ""}`,
    );
    files[`${date}/02/01-wuzi.md`] = article("headline: 物资储备充足", "防汛物资已经到位，各项工作有序推进。");
  });
  files["2024-01-19/01/02-zhuanti.md"] = article(
    "headline: 防汛工作专题报道",
    "防汛工作是头等大事。防汛工作要落实到人。防汛工作不能松懈。",
  );
  return writeTree(files);
}

let browser: Browser;
let editions: string;
let built: BuiltSite;
let server: StaticServer;
const { context } = checkedContexts(() => browser);

beforeAll(async () => {
  editions = archive();
  built = buildFixture(editions);
  if (built.result.code !== 0) throw new Error(built.result.output);
  browser = await launchChromium();
  server = await serveStatic(built.out);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function search(query: string, page?: Page): Promise<Page> {
  const p = page ?? (await (await context()).newPage());
  await p.goto(new URL(`search/${query}`, server.url).href);
  await settled(p);
  return p;
}

/** Waits until the status line no longer says it is searching. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const status = document.getElementById("search-status")!;
    return status.textContent !== "" && status.textContent !== status.getAttribute("data-searching");
  });
}

const status = (page: Page) => page.locator("#search-status").textContent();
const titles = (page: Page) => page.locator("#search-results li > a:first-child").allTextContents();
const metas = (page: Page) => page.locator("#search-results .search-meta").allTextContents();
const q = (text: string) => `?q=${encodeURIComponent(text)}`;

describe("archive search", () => {
  it("merges every year of the build into yearly segments and names them in the manifest", () => {
    const manifest = JSON.parse(built.read("/search/manifest.json"));
    expect(manifest.segments.map((s: { year: number }) => s.year)).toEqual([2023, 2024]);
    const editions = manifestEditions(manifest);
    expect(editions.map((e) => e[0])).toEqual([...dates].reverse());
    expect(editions.every((e) => e[2] >= 0)).toBe(true);
    expect(manifest.sections).toEqual(["要闻", "经济"]);
    expect(manifest.columns).toEqual(["防汛一线"]);
  });

  it("counts every hit, lists ten newest first with edition, page and headline, and the matched words marked", async () => {
    const page = await search(q("防汛工作"));
    // 防汛 and 工作 are two words: the 经济 articles (apart) count too.
    expect(await status(page)).toBe("找到 27 篇文章");
    expect(await page.locator("#search-results li").count()).toBe(10);
    expect((await metas(page))[0]).toBe("2024年2月28日 星期三 · 01版：要闻");
    expect((await titles(page)).slice(0, 2)).toEqual(["第13次部署会召开", "物资储备充足"]);
    const marks = await page.locator("#search-results li").first().locator("mark").allTextContents();
    expect(marks).toEqual(["防汛", "工作"]);
    expect(await page.locator(".search-showing").textContent()).toBe("第 1–10 篇");
  });

  it("newest first, lists the first page from the newest year while the older years are still on their way", async () => {
    const manifest = JSON.parse(built.read("/search/manifest.json"));
    const older = manifest.segments.find((s: { year: number }) => s.year === 2023).path;
    const page = await (await context()).newPage();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**${older}**`, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(new URL(`search/${q("防汛")}`, server.url).href);
    await expect.poll(() => page.locator("#search-results li").count()).toBe(10);
    expect(await status(page)).toBe("正在搜索…");
    const listed = await metas(page);
    release();
    await expect.poll(() => status(page)).toBe("找到 27 篇文章");
    expect(await metas(page)).toEqual(listed);
  });

  it("finds a quoted phrase only as written", async () => {
    const page = await search(q('"防汛工作"'));
    expect(await status(page)).toBe("找到 14 篇文章");
    expect(new Set(await titles(page))).not.toContain("物资储备充足");
    const marks = await page.locator("#search-results li").first().locator("mark").allTextContents();
    expect(marks).toEqual(["防汛工作"]);
  });

  it("sorts oldest first and by relevance (the article with the phrase in its headline first)", async () => {
    const oldest = await search(`${q('"防汛工作"')}&sort=oldest`);
    expect((await metas(oldest))[0]).toMatch(/^2023年12月30日/);
    expect(await oldest.locator("select[name=sort]").inputValue()).toBe("oldest");
    const relevance = await search(`${q('"防汛工作"')}&sort=relevance`);
    expect((await titles(relevance))[0]).toBe("防汛工作专题报道");
  });

  it("filters by year, month, section and column, each counted exactly", async () => {
    expect(await status(await search(`${q("防汛")}&year=2023`))).toBe("找到 4 篇文章");
    const february = await search(`${q("防汛")}&year=2024&month=2`);
    expect(await status(february)).toBe("找到 12 篇文章");
    expect((await metas(february)).every((m) => m.startsWith("2024年2月"))).toBe(true);
    const economy = await search(`${q("防汛")}&section=${encodeURIComponent("经济")}`);
    expect(await status(economy)).toBe("找到 13 篇文章");
    expect(new Set(await titles(economy))).toEqual(new Set(["物资储备充足"]));
    // Odd days: 2023-12-31, 2024-01-03, -19, -09 (Feb), -21 → 5, and the column's select lists it.
    const column = await search(`${q("防汛")}&column=${encodeURIComponent("防汛一线")}`);
    expect(await status(column)).toBe("找到 5 篇文章");
    expect(await column.locator("select[name=column]").inputValue()).toBe("防汛一线");
  });

  it("pages through the hits with addresses of their own, back and forward as the browser goes", async () => {
    const page = await search(q("防汛工作"));
    await page.locator(".search-next").click();
    await expect.poll(() => page.locator(".search-showing").textContent()).toBe("第 11–20 篇");
    expect(new URL(page.url()).searchParams.get("page")).toBe("2");
    await page.locator(".search-next").click();
    await expect.poll(() => page.locator(".search-showing").textContent()).toBe("第 21–27 篇");
    expect(await page.locator("#search-results li").count()).toBe(7);
    expect(await page.locator(".search-next").isHidden()).toBe(true);
    await page.goBack();
    await expect.poll(() => page.locator(".search-showing").textContent()).toBe("第 11–20 篇");
  });

  it("reopens a shared address as it was: query, order, filters and page", async () => {
    const first = await search(q("防汛"));
    await first.locator("select[name=year]").selectOption("2024");
    await expect.poll(() => status(first)).toBe("找到 23 篇文章");
    await first.locator("select[name=sort]").selectOption("oldest");
    await expect.poll(() => new URL(first.url()).searchParams.get("sort")).toBe("oldest");
    await settled(first);
    await first.locator(".search-next").click();
    await expect.poll(() => new URL(first.url()).searchParams.get("page")).toBe("2");
    await settled(first);
    const shared = first.url();
    const listed = await metas(first);
    // Another reader, another browser context.
    const other = await (await context()).newPage();
    await other.goto(shared);
    await settled(other);
    expect(await other.locator("input[name=q]").inputValue()).toBe("防汛");
    expect(await other.locator("select[name=year]").inputValue()).toBe("2024");
    expect(await other.locator("select[name=sort]").inputValue()).toBe("oldest");
    expect(await status(other)).toBe("找到 23 篇文章");
    expect(await metas(other)).toEqual(listed);
  });

  it("axe finds nothing on a page of results with its filters and pager, on a phone and a desktop", async () => {
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 1280, height: 900 },
    ]) {
      const page = await (await context({ viewport })).newPage();
      await search(`${q("防汛")}&page=2`, page);
      expect(await page.locator(".search-pager").isVisible()).toBe(true);
      expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    }
  });

  it("finds 繁體 input in a simplified paper", async () => {
    const page = await search(q("開學典禮"));
    expect(await status(page)).toBe("找到 6 篇文章");
    expect((await metas(page)).every((m) => m.startsWith("2024年2月"))).toBe(true);
    const marks = await page.locator("#search-results li").first().locator("mark").allTextContents();
    expect(marks.join("")).toBe("开学典礼");
  });

  it("takes a malformed address as the defaults, with no error", async () => {
    const page = await search(`${q("防汛")}&page=abc&sort=worst&year=99999&month=13&section=${"x".repeat(300)}`);
    expect(await status(page)).toBe("找到 27 篇文章");
    expect(await page.locator("select[name=sort]").inputValue()).toBe("newest");
    const past = await search(`${q("防汛")}&page=999`);
    expect(await past.locator(".search-showing").textContent()).toBe("第 21–27 篇");
    const nothing = await search(q('\u0001\u0000 ""'));
    expect(await nothing.locator("#search-results li").count()).toBe(0);
  });

  it("searches an edition republished after its year was merged from its own segment, not the merged one", async () => {
    const file = path.join(editions, "2024-01-03", "01", "01-fangxun.md");
    fs.writeFileSync(file, article("headline: 第3次部署会改期", "会议改期举行，另行通知。"));
    const again = runScript("build.ts", [
      "--editions",
      editions,
      "--out",
      built.out,
      "--cache",
      built.cache,
      "--date",
      "2024-01-03",
    ]);
    expect(again.code, again.output).toBe(0);
    const manifest = JSON.parse(built.read("/search/manifest.json"));
    expect(manifestEditions(manifest).find((e) => e[0] === "2024-01-03")?.[2]).toBe(-1);
    const page = await search(`${q('"防汛工作"')}&year=2024&month=1`);
    expect(await status(page)).toBe("找到 5 篇文章");
    expect(await titles(page)).not.toContain("第3次部署会召开");
    expect(await status(await search(q("改期")))).toBe("找到 1 篇文章");
  });
});
