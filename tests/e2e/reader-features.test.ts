// What issue 13 gave readers, in real Chromium against built sites: offline search, zoom and removal, a saved
// edition updated by a new release, reading settings, 繁體, read aloud, print, share, list ⇄ scan, thumbnails,
// search hits on the scan and the whole-edition downloads.
// Some callbacks here run inside the page, in Chromium: they see the DOM.
/// <reference lib="dom" />
import { AxeBuilder } from "@axe-core/playwright";
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, repo, tempDir } from "../helpers/build.ts";
import { launchChromium, watchedContext, type Problem } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";

const phone: BrowserContextOptions = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const shots = process.env.BANMIAN_SHOTS ?? path.join(repo, ".tmp", "screenshots");

let browser: Browser;
let sample: StaticServer;
let sampleDir: string;
let zh: StaticServer;
let en: StaticServer;
const problems: Problem[] = [];
const contexts: BrowserContext[] = [];

function build(editions: string, options: { site?: string; out?: string } = {}): string {
  const built = buildFixture(editions, options);
  if (built.result.code !== 0) throw new Error(built.result.output);
  return built.out;
}

beforeAll(async () => {
  browser = await launchChromium();
  sampleDir = build("editions");
  sample = await serveStatic(sampleDir);
  zh = await serveStatic(build("tests/fixtures/editions-zh"));
  en = await serveStatic(build("tests/fixtures/editions-en", { site: "tests/fixtures/site-en.json" }), { prefix: "/epaper/" });
  fs.mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([sample, zh, en].map((s) => s?.close()));
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  const seen = problems.splice(0);
  expect(seen).toEqual([]);
});

async function context(options: BrowserContextOptions = desktop): Promise<BrowserContext> {
  const made = await watchedContext(browser, problems, options);
  contexts.push(made);
  return made;
}

async function open(server: StaticServer, url: string, options: BrowserContextOptions = desktop): Promise<Page> {
  const page = await (await context(options)).newPage();
  await page.goto(new URL(url.replace(/^\//, ""), server.url).href);
  return page;
}

/** Saves the edition of the open page for offline reading, through its button. */
async function saveOffline(page: Page, saved = "本期已保存，断网也能阅读"): Promise<void> {
  await page.locator(".offline-button").click();
  await expect.poll(() => page.locator(".offline-status").textContent(), { timeout: 30_000 }).toBe(saved);
}

/** Offline, requests for files that were not saved fail by design; nothing else may go wrong. */
function forgetOfflineNoise(): void {
  const rest = problems.filter((p) => !(p.kind === "console" && /Failed to load resource|ERR_INTERNET_DISCONNECTED|ERR_FAILED/.test(p.text)));
  problems.splice(0, problems.length, ...rest);
}

describe("offline reading (issue 13 §11, issue 15 §3)", () => {
  it("a saved edition can be searched and zoomed offline, and removed again", async () => {
    const own = await serveStatic(sampleDir);
    const browserContext = await context();
    const page = await browserContext.newPage();
    await page.goto(`${own.url}2022-09-02/02/`);
    await saveOffline(page);
    await own.close();
    await browserContext.setOffline(true);

    await page.goto(`${own.url}search/?q=${encodeURIComponent("开学")}`);
    await expect.poll(() => page.locator("#search-results li a").first().textContent(), { timeout: 20_000 })
      .toBe("开学第一天 我市新建改扩建学校迎新生");

    await page.goto(`${own.url}2022-09-02/02/`);
    await page.locator(".zoom-button").click();
    await expect.poll(() => page.locator(".zoom-hotspot").count(), { timeout: 20_000 }).toBe(await page.locator(".hotspots a").count());
    await expect.poll(() => page.locator("#zoom-viewer canvas").count(), { timeout: 20_000 }).toBeGreaterThan(0);

    await page.getByRole("button", { name: "删除离线副本" }).click();
    await expect.poll(() => page.locator(".offline-status").textContent()).toBe("已删除本期的离线副本");
    expect(await page.evaluate(() => caches.keys())).toEqual([]);
    expect(await page.locator(".offline-remove").isHidden()).toBe(true);
    forgetOfflineNoise();
  });

  it("a page replaced in a new release reaches the saved copy on the next visit; the old copy is dropped", async () => {
    const editions = path.join(tempDir("late-page"), "editions");
    fs.cpSync(path.join(repo, "editions"), editions, { recursive: true });
    const out = build(editions);
    const own = await serveStatic(out);
    const browserContext = await context();
    const page = await browserContext.newPage();
    await page.goto(`${own.url}2022-09-02/02/`);
    await saveOffline(page);
    const [first] = await page.evaluate(() => caches.keys());

    const article = path.join(editions, "2022-09-02/02/02-chenzhou-jiedao.md");
    fs.writeFileSync(article, fs.readFileSync(article, "utf8").replace("headline: 扎实开展“创文”攻坚工作", "headline: 更正后的标题：扎实开展“创文”工作"));
    build(editions, { out });

    await page.goto(`${own.url}2022-09-02/02/`);
    await expect.poll(() => page.locator(".offline-status").textContent(), { timeout: 30_000 }).toBe("离线副本已更新为最新版本");
    const names = await page.evaluate(() => caches.keys());
    expect(names).toHaveLength(1);
    expect(names[0]).not.toBe(first);

    await own.close();
    await browserContext.setOffline(true);
    await page.goto(`${own.url}2022-09-02/02/chenzhou-jiedao/`);
    expect(await page.locator("h1").textContent()).toBe("更正后的标题：扎实开展“创文”工作");
    forgetOfflineNoise();
  });
});

describe("the page scan and photos (issue 13 §11)", () => {
  it("the scan loads first with high priority; a photo's alt does not repeat its caption", async () => {
    const page = await open(sample, "/2022-09-02/02/");
    const scan = page.locator(".replica-image");
    expect(await scan.getAttribute("loading")).toBeNull();
    expect(await scan.getAttribute("fetchpriority")).toBe("high");
    const article = await open(zh, "/2024-03-01/01/xinqiao/");
    const figure = article.locator(".photo").first();
    expect(await figure.locator("figcaption").textContent()).toContain("新桥夜景");
    expect(await figure.locator("img").getAttribute("alt")).not.toContain("新桥夜景");
  });
});
