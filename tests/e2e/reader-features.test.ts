// What issue 13 gave readers, in real Chromium against built sites: offline search (of the editions saved now), zoom and removal, a saved
// edition updated by a new release, reading settings, 繁體, read aloud, print, share, list ⇄ scan, thumbnails,
// search hits on the scan and the whole-edition downloads.
// Some callbacks here run inside the page, in Chromium: they see the DOM.
/// <reference lib="dom" />
import { AxeBuilder } from "@axe-core/playwright";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import jsQRModule from "jsqr";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repo, runScript, tempDir } from "../helpers/build.ts";
import { sharedFixture } from "../helpers/fixture-builds.ts";
import { checkedContexts, launchChromium } from "../helpers/browser.ts";
import { epubcheckJar } from "../../src/dev/setup.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";

// jsqr is a CommonJS bundle: its function is the module's default export's "default".
const jsQR = jsQRModule.default;

const phone: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const shots = process.env.BANMIAN_SHOTS ?? path.join(repo, ".tmp", "screenshots");

let browser: Browser;
let sample: StaticServer;
let sampleDir: string;
let zh: StaticServer;
let zhBuilt: string;
const zhDir = () => zhBuilt;
let en: StaticServer;
const { problems, context } = checkedContexts(() => browser);

/** The run's shared build of a fixture (served, never written into). */
async function build(editions: string, options: { site?: string } = {}): Promise<string> {
  return (await sharedFixture(editions, options)).out;
}

beforeAll(async () => {
  browser = await launchChromium();
  sampleDir = await build("editions");
  sample = await serveStatic(sampleDir);
  zhBuilt = await build("tests/fixtures/editions-zh");
  zh = await serveStatic(zhBuilt);
  en = await serveStatic(await build("tests/fixtures/editions-en", { site: "tests/fixtures/site-en.json" }), {
    prefix: "/epaper/",
  });
  fs.mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([sample, zh, en].map((s) => s?.close()));
});

async function open(server: StaticServer, url: string, options: BrowserContextOptions = desktop): Promise<Page> {
  const page = await (await context(options)).newPage();
  await page.goto(new URL(url.replace(/^\//, ""), server.url).href);
  return page;
}

/** The sample site's public root (_data/site.json), which shared links and QR codes carry. */
const sampleRoot = () => "https://epaper.example.cn/";

/** Saves the edition of the open page for offline reading, through its button. */
async function saveOffline(page: Page, saved = "本期已保存，断网也能阅读"): Promise<void> {
  await page.locator(".offline-button").click();
  await expect.poll(() => page.locator(".offline-status").textContent(), { timeout: 30_000 }).toBe(saved);
}

/** Offline, requests for files that were not saved fail by design; nothing else may go wrong. */
function forgetOfflineNoise(): void {
  const rest = problems.filter(
    (p) => !(p.kind === "console" && /Failed to load resource|ERR_INTERNET_DISCONNECTED|ERR_FAILED/.test(p.text)),
  );
  problems.splice(0, problems.length, ...rest);
}

describe("offline reading (issue 13 §11, issue 15 §3)", () => {
  it("a saved edition can be searched, zoomed, read in 繁體 and its search hits boxed offline, and removed again", async () => {
    const own = await serveStatic(sampleDir);
    const browserContext = await context();
    const page = await browserContext.newPage();
    await page.goto(`${own.url}2022-09-02/02/`);
    await saveOffline(page);
    await own.close();
    await browserContext.setOffline(true);

    await page.goto(`${own.url}search/?q=${encodeURIComponent("开学")}`);
    await expect
      .poll(() => page.locator("#search-results li > a:first-child").first().textContent(), { timeout: 20_000 })
      .toBe("开学第一天 我市新建改扩建学校迎新生");

    await page.goto(`${own.url}2022-09-02/02/`);
    await page.locator(".zoom-button").click();
    await expect
      .poll(() => page.locator(".zoom-hotspot").count(), { timeout: 20_000 })
      .toBe(await page.locator(".hotspots a").count());
    await expect.poll(() => page.locator("#zoom-viewer canvas").count(), { timeout: 20_000 }).toBeGreaterThan(0);

    // 繁體 and the word boxes of a search hit come from the saved copy too.
    await page.getByText("阅读设置").click();
    await page.getByLabel("繁體").check();
    await expect
      .poll(() => page.locator(".article-list").textContent(), { timeout: 20_000 })
      .toContain("陳州街道辦事處");
    await page.getByLabel("繁體").uncheck();
    await page.goto(`${own.url}2022-09-02/02/?hit=${encodeURIComponent("开学")}#area-kaixue-diyitian`);
    await expect.poll(() => page.locator(".hit-box").count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await page.getByRole("button", { name: "删除离线副本" }).click();
    await expect.poll(() => page.locator(".offline-status").textContent()).toBe("已删除本期的离线副本");
    expect(await page.evaluate(() => caches.keys())).toEqual([]);
    expect(await page.locator(".offline-remove").isHidden()).toBe(true);
    forgetOfflineNoise();
  });

  it("offline, search answers from the editions saved now: another saved set of the same size is not the last one's", async () => {
    const own = await serveStatic(zhDir());
    const browserContext = await context();
    const page = await browserContext.newPage();
    for (const url of ["2024-03-01/01/", "2024-03-02/a01/"]) {
      await page.goto(`${own.url}${url}`);
      await saveOffline(page);
    }
    await own.close();
    await browserContext.setOffline(true);
    await page.goto(`${own.url}search/`);
    // Which editions are saved is read from the cache names: parking one's cache under another name unsaves it,
    // without the page (and the engines it keeps) going away.
    const move = (from: string, to: string) =>
      page.evaluate(
        async ([from, to]) => {
          for (const name of await caches.keys()) {
            if (!name.startsWith(from)) continue;
            const source = await caches.open(name);
            const target = await caches.open(to + name.slice(from.length));
            for (const request of await source.keys()) await target.put(request, (await source.match(request))!);
            await caches.delete(name);
          }
        },
        [from, to],
      );
    const search = async (query: string) => {
      await page.locator("#q").fill(query);
      await page.locator(".search-form button[type=submit]").click();
      await expect.poll(() => page.locator("#search-status").textContent(), { timeout: 20_000 }).not.toBe("正在搜索…");
      return page.locator("#search-status").textContent();
    };
    const titles = () => page.locator("#search-results li > a:first-child").allTextContents();
    // One edition saved: 3 March only; 沙河新桥 is in 1 March's (3 March's 新添 is a near hit).
    await move("banmian-edition-2024-03-01-", "parked-2024-03-01-");
    await search("沙河新桥");
    expect(await titles()).not.toContain("沙河新桥今日通车");
    // One edition saved again, now 1 March: its own index answers, not 3 March's engine of the same size.
    await move("parked-2024-03-01-", "banmian-edition-2024-03-01-");
    await move("banmian-edition-2024-03-02-", "parked-2024-03-02-");
    expect(await search("沙河新桥")).toMatch(/^找到 \d+ 篇文章$/);
    expect(await titles()).toContain("沙河新桥今日通车");
    expect((await titles()).every((t) => !["城市公园新添步道", "春季招聘会举行"].includes(t))).toBe(true);
    forgetOfflineNoise();
  });

  it("a page replaced with npm run publish --page reaches the saved copy on the next visit; the old copy is dropped", async () => {
    const base = tempDir("late-page");
    const editions = path.join(base, "editions");
    fs.cpSync(path.join(repo, "editions"), editions, { recursive: true });
    // The images as the run's shared build of the sample edition made them: only the pages are new work here.
    fs.cpSync((await sharedFixture("editions")).cache, path.join(base, "cache"), { recursive: true });
    const publish = (...args: string[]) => {
      const result = runScript("publish.ts", [
        "2022-09-02",
        ...args,
        "--editions",
        editions,
        "--root",
        path.join(base, "public"),
        "--cache",
        path.join(base, "cache"),
      ]);
      expect(result.code, result.output).toBe(0);
    };
    publish();
    // The live site is public/current, a link the publish swaps to the new release.
    const own = await serveStatic(path.join(base, "public", "current"));
    const browserContext = await context();
    const page = await browserContext.newPage();
    await page.goto(`${own.url}2022-09-02/02/`);
    await saveOffline(page);
    const [first] = await page.evaluate(() => caches.keys());

    const article = path.join(editions, "2022-09-02/02/02-chenzhou-jiedao.md");
    fs.writeFileSync(
      article,
      fs
        .readFileSync(article, "utf8")
        .replace("headline: 扎实开展“创文”攻坚工作", "headline: 更正后的标题：扎实开展“创文”工作"),
    );
    publish("--page", "02");

    await page.goto(`${own.url}2022-09-02/02/`);
    await expect
      .poll(() => page.locator(".offline-status").textContent(), { timeout: 30_000 })
      .toBe("离线副本已更新为最新版本");
    const names = await page.evaluate(() => caches.keys());
    expect(names).toHaveLength(1);
    expect(names[0]).not.toBe(first);

    await own.close();
    await browserContext.setOffline(true);
    await page.goto(`${own.url}2022-09-02/02/chenzhou-jiedao/`);
    expect(await page.locator("h1").textContent()).toBe("更正后的标题：扎实开展“创文”工作");
    await page.goto(`${own.url}2022-09-02/02/`);
    expect(await page.locator(".article-list").textContent()).toContain("更正后的标题：扎实开展“创文”工作");
    forgetOfflineNoise();
  });
});

describe("the page scan and photos (issue 13 §11)", () => {
  it("on a wide screen the scan loads first with high priority; a photo's alt does not repeat its caption", async () => {
    const browserContext = await context();
    const requests: string[] = [];
    browserContext.on("request", (r) => requests.push(new URL(r.url()).pathname));
    const page = await browserContext.newPage();
    await page.goto(`${sample.url}2022-09-02/02/`);
    const scan = page.locator(".replica-image:visible");
    expect(await scan.getAttribute("loading")).toBeNull();
    expect(await scan.getAttribute("fetchpriority")).toBe("high");
    await expect.poll(() => scan.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // The first image the page asks for is the scan, in the width this screen needs (1000 px for a 42em column).
    expect(requests.filter((r) => r.startsWith("/img/"))[0]).toMatch(/\/img\/[0-9a-f]+\/1000\.webp$/);
    const article = await open(zh, "/2024-03-01/01/xinqiao/");
    const figure = article.locator(".photo").first();
    expect(await figure.locator("figcaption").textContent()).toContain("新桥夜景");
    expect(await figure.locator("img").getAttribute("alt")).not.toContain("新桥夜景");
  });
});

describe("reading settings (issue 13 §1)", () => {
  const bodySize = (page: Page) =>
    page
      .locator(".body p")
      .first()
      .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));

  it("text size and line spacing change the article's type and are remembered on the next page", async () => {
    const page = await open(sample, "/2022-09-02/02/chenzhou-jiedao/");
    const before = await bodySize(page);
    await page.getByText("阅读设置").click();
    await page.getByLabel("特大").check();
    await expect.poll(() => bodySize(page)).toBeGreaterThan(before * 1.3);
    const lineHeight = () =>
      page
        .locator(".body p")
        .first()
        .evaluate((p) => parseFloat(getComputedStyle(p).lineHeight) / parseFloat(getComputedStyle(p).fontSize));
    await page.getByLabel("宽松").check();
    expect(await lineHeight()).toBeGreaterThan(2);
    const larger = await bodySize(page);
    await page.reload();
    expect(await bodySize(page)).toBe(larger);
    await page.goto(`${sample.url}2022-09-02/02/xingzheng-fuwu/`);
    expect(await bodySize(page)).toBe(larger);
    await page.getByText("阅读设置").click();
    expect(await page.getByLabel("特大").isChecked()).toBe(true);
  });

  it("saved settings are on the page before its body is read: no first paint in the default size", async () => {
    const page = await open(sample, "/2022-09-02/02/chenzhou-jiedao/");
    await page.getByText("阅读设置").click();
    await page.getByLabel("特大").check();
    await page.getByLabel("长辈版（大字、高对比）").check();
    // Before the next page's body element exists, <html> must carry the saved size (reader.js runs much later).
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        const root = document.documentElement;
        (window as any).atBody = { size: root.getAttribute("data-size"), elder: root.classList.contains("elder") };
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${sample.url}2022-09-02/02/xingzheng-fuwu/`);
    expect(await page.evaluate(() => (window as any).atBody)).toEqual({ size: "4", elder: true });
  });

  it("长辈版 gives large type, high contrast and big targets, on a phone too; axe finds nothing in any state", async () => {
    const page = await open(sample, "/2022-09-02/02/chenzhou-jiedao/", phone);
    const before = await bodySize(page);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    await page.getByText("阅读设置").click();
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    await page.getByLabel("长辈版（大字、高对比）").check();
    await expect.poll(() => bodySize(page)).toBeGreaterThanOrEqual(before * 1.45);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
      "rgb(255, 255, 255)",
    );
    expect(
      await page
        .locator(".body p")
        .first()
        .evaluate((p) => getComputedStyle(p).color),
    ).toBe("rgb(0, 0, 0)");
    const button = await page.locator(".print-button").boundingBox();
    expect(button!.height).toBeGreaterThanOrEqual(44);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    await page.getByText("阅读设置").click();
    await page.locator(".article-header").evaluate((h) => h.scrollIntoView());
    await page.screenshot({ path: path.join(shots, "article-phone-elder.png"), fullPage: false });
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBe(360);
  });

  it("a system asking for more contrast gets the high-contrast colours without any setting", async () => {
    const page = await open(sample, "/2022-09-02/02/chenzhou-jiedao/", {
      ...desktop,
      contrast: "more",
    } as BrowserContextOptions);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
      "rgb(255, 255, 255)",
    );
    expect(
      await page
        .locator(".byline, .body p")
        .first()
        .evaluate((p) => getComputedStyle(p).color),
    ).toBe("rgb(0, 0, 0)");
  });

  it("without JavaScript the settings are not offered (they could not be kept)", async () => {
    const page = await open(sample, "/2022-09-02/02/chenzhou-jiedao/", { ...desktop, javaScriptEnabled: false });
    expect(await page.locator(".reading-settings").isVisible()).toBe(false);
    expect(await page.locator(".tool-buttons").isVisible()).toBe(false);
    expect(await page.locator(".share-link a").isVisible()).toBe(true);
    expect(await page.locator(".share-qr svg").isVisible()).toBe(true);
  });
});

describe("typography and zoom (issue 13 §10)", () => {
  it("headlines are balanced, line breaks follow 禁则, and a phone's headline never ends on one character", async () => {
    const page = await open(sample, "/2022-09-02/02/dancheng-yingshang/", phone);
    const headline = page.locator("h1.headline");
    expect(await headline.evaluate((h) => getComputedStyle(h).textWrap)).toContain("balance");
    expect(
      await page
        .locator(".body p")
        .first()
        .evaluate((p) => getComputedStyle(p).lineBreak),
    ).toBe("strict");
    // The last line's width, measured from the text's client rects: more than one character wide.
    const lastLine = await headline.evaluate((h) => {
      const range = document.createRange();
      range.selectNodeContents(h);
      const rects = Array.from(range.getClientRects());
      const bottom = Math.max(...rects.map((r) => r.bottom));
      const last = rects.filter((r) => Math.abs(r.bottom - bottom) < 2);
      return {
        width: Math.max(...last.map((r) => r.right)) - Math.min(...last.map((r) => r.left)),
        size: parseFloat(getComputedStyle(h).fontSize),
      };
    });
    expect(lastLine.width).toBeGreaterThan(lastLine.size * 1.5);
  });

  it("放大版面 opens the deep zoom in place of the scan, with the areas still links", async () => {
    const page = await open(sample, "/2022-09-02/02/");
    const top = (element: Element) => element.getBoundingClientRect().top + window.scrollY;
    const scanTop = await page.locator(".replica-frame").evaluate(top);
    await page.locator(".zoom-button").click();
    await expect.poll(() => page.locator(".zoom-hotspot").count(), { timeout: 15_000 }).toBe(5);
    expect(await page.locator(".replica-frame").isHidden()).toBe(true);
    expect(Math.abs((await page.locator("#zoom-viewer").evaluate(top)) - scanTop)).toBeLessThan(2);
    // The viewer springs into place after it opens: click once the first area's link holds still for two frames and
    // is what the viewer's click handler finds under its middle (the point the click lands on).
    const hotspot = page.locator(".zoom-hotspot a").first();
    const clickable = () =>
      hotspot.evaluate(
        (a) =>
          new Promise<boolean>((resolve) => {
            const at = () => JSON.stringify(a.getBoundingClientRect());
            const before = at();
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                const r = a.getBoundingClientRect();
                const under = document.elementsFromPoint(r.x + r.width / 2, r.y + r.height / 2);
                resolve(at() === before && under.some((el) => el.closest(".zoom-hotspot a") === a));
              }),
            );
          }),
      );
    await expect.poll(clickable, { timeout: 15_000 }).toBe(true);
    await hotspot.click({ force: true });
    await page.waitForURL(/\/2022-09-02\/02\/[a-z-]+\/$/);
  });
});

describe("list ⇄ scan and the page strip (issue 13 §6, §7)", () => {
  it("hovering or focusing an article in the list lights its area, and hovering the area lights the entry", async () => {
    const page = await open(sample, "/2022-09-02/02/");
    const entry = page.locator(".article-list li", { hasText: "扎实开展“创文”攻坚工作" });
    const area = page.locator("#area-chenzhou-jiedao");
    const stroke = () => area.locator("polygon").evaluate((p) => getComputedStyle(p).stroke);
    const none = "rgba(0, 0, 0, 0)";
    expect(await stroke()).toBe(none);
    await entry.hover();
    await expect.poll(stroke).toBe("rgb(164, 22, 26)");
    await page.mouse.move(5, 5);
    await expect.poll(stroke).toBe(none);
    await entry.locator("a").focus();
    await expect.poll(stroke).toBe("rgb(164, 22, 26)");
    await entry.locator("a").blur();
    await page.locator("#area-kaixue-diyitian polygon").hover();
    await expect
      .poll(() =>
        page.locator(".article-list li", { hasText: "开学第一天" }).evaluate((li) => li.classList.contains("lit")),
      )
      .toBe(true);
    await page.screenshot({ path: path.join(shots, "page-desktop-thumbnails-highlight.png") });
  });

  it("a story over two pages lights both its parts' areas and marks the other page in the strip", async () => {
    const page = await open(zh, "/2024-03-01/01/");
    await page.locator(".article-list li", { hasText: "沙河新桥今日通车" }).hover();
    await expect.poll(() => page.locator("#area-xinqiao").evaluate((a) => a.classList.contains("lit"))).toBe(true);
    const lit = await page.locator(".page-strip a.lit span").allTextContents();
    expect(lit).toContain("03版：经济");
    expect(await page.locator("#area-tianqi").evaluate((a) => a.classList.contains("lit"))).toBe(false);
    await page.screenshot({ path: path.join(shots, "page-desktop-story-highlight.png"), fullPage: true });
  });

  it("thumbnails with 01版 labels on a wide screen, the current page marked; labels alone on a phone", async () => {
    const wide = await open(zh, "/2024-03-01/01/");
    const strip = wide.locator(".page-strip");
    expect(await strip.locator("img").first().isVisible()).toBe(true);
    expect((await strip.locator("img").first().boundingBox())!.width).toBeGreaterThanOrEqual(80);
    expect(await strip.locator("a[aria-current=page] span").textContent()).toBe("01版：要闻");
    const narrow = await open(zh, "/2024-03-01/01/", phone);
    expect(await narrow.locator(".page-strip img").first().isVisible()).toBe(false);
    expect(await narrow.locator(".page-strip a span").first().isVisible()).toBe(true);
  });
});

describe("print and share (issue 13 §4, §5)", () => {
  it("printing shows the article with its source line and no navigation; the print button prints", async () => {
    const page = await open(sample, "/2022-09-02/02/chenzhou-jiedao/");
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.getByRole("button", { name: "打印" }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(await page.locator(".print-source").isVisible()).toBe(false);
    await page.emulateMedia({ media: "print" });
    for (const hidden of [
      ".site-nav",
      ".page-strip",
      ".pager",
      ".breadcrumb",
      ".tool-buttons",
      ".reading-settings",
      ".share-qr",
    ]) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    expect(await page.locator("h1.headline").isVisible()).toBe(true);
    expect(
      await page
        .locator(".photo img")
        .first()
        .evaluate((img) => img.getBoundingClientRect().width / img.closest("main")!.getBoundingClientRect().width),
    ).toBeGreaterThan(0.95);
    expect(await page.locator(".print-source").textContent()).toBe(
      `刊于 示例日报 · 2022年9月2日 星期五 · 02版：综合 · ${sampleRoot()}2022-09-02/02/chenzhou-jiedao/`,
    );
  });

  it("the QR code on a wide screen decodes to the article's URL; copy link puts it on the clipboard", async () => {
    const browserContext = await context(desktop);
    await browserContext.grantPermissions(["clipboard-read", "clipboard-write"], { origin: sample.url });
    const page = await browserContext.newPage();
    await page.goto(`${sample.url}2022-09-02/02/chenzhou-jiedao/`);
    const qr = page.locator(".share-qr svg");
    expect(await qr.isVisible()).toBe(true);
    const png = await qr.screenshot();
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const decoded = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
    expect(decoded?.data).toBe(`${sampleRoot()}2022-09-02/02/chenzhou-jiedao/`);
    await page.getByRole("button", { name: "复制链接" }).click();
    await expect.poll(() => page.locator(".tool-status").textContent()).toBe("链接已复制");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${sampleRoot()}2022-09-02/02/chenzhou-jiedao/`,
    );
    const onPhone = await open(sample, "/2022-09-02/02/chenzhou-jiedao/", phone);
    expect(await onPhone.locator(".share-qr").isVisible()).toBe(false);
    expect(await onPhone.locator(".share-link a").isVisible()).toBe(true);
  });
});

describe("繁體 and read aloud (issue 13 §3, §2)", () => {
  it("繁體 shows 陳州街道辦事處, loads the converter only when asked, is remembered and switches back", async () => {
    const browserContext = await context();
    const requests: string[] = [];
    browserContext.on("request", (r) => requests.push(new URL(r.url()).pathname));
    const page = await browserContext.newPage();
    await page.goto(`${sample.url}2022-09-02/02/chenzhou-jiedao/`);
    await page.waitForLoadState("networkidle");
    expect(requests.filter((r) => r.includes("opencc") || r.endsWith("hant.js"))).toEqual([]);
    expect(await page.locator(".kicker").textContent()).toBe("陈州街道办事处");
    await page.getByText("阅读设置").click();
    await page.getByLabel("繁體").check();
    await expect.poll(() => page.locator(".kicker").textContent(), { timeout: 20_000 }).toBe("陳州街道辦事處");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-TW");
    expect(requests.some((r) => r.endsWith("/assets/opencc/dict/STPhrases.js"))).toBe(true);
    await page.goto(`${sample.url}2022-09-02/02/`);
    await expect
      .poll(() => page.locator(".article-list").textContent(), { timeout: 20_000 })
      .toContain("陳州街道辦事處");
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    await page.getByText("閱讀設置").click();
    await page.getByLabel("繁體").uncheck();
    await expect.poll(() => page.locator(".article-list").textContent()).toContain("陈州街道办事处");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
  });

  it("an English paper offers no 繁體 switch", async () => {
    const page = await open(en, "/1920-11-15/a01/treaty/");
    await page.getByText("Reading settings").click();
    expect(await page.locator("input[name=hant]").count()).toBe(0);
    expect(await page.getByLabel("Larger").isVisible()).toBe(true);
  });

  /** Replaces the browser's speech engine (only that): utterances are recorded and end at once. */
  async function stubSpeech(page: Page, present = true): Promise<void> {
    await page.addInitScript((present: boolean) => {
      const spoken: string[] = [];
      (window as unknown as { spoken: string[] }).spoken = spoken;
      if (!present) {
        delete (window as { speechSynthesis?: unknown }).speechSynthesis;
        Object.defineProperty(window, "speechSynthesis", { value: undefined });
        return;
      }
      const engine = {
        speaking: false,
        paused: false,
        getVoices: () => [],
        speak(u: SpeechSynthesisUtterance) {
          spoken.push(u.text);
          setTimeout(() => u.onend?.(new Event("end") as SpeechSynthesisEvent), 5);
        },
        pause() {
          this.paused = true;
        },
        resume() {
          this.paused = false;
        },
        cancel() {},
        addEventListener() {},
        removeEventListener() {},
      };
      Object.defineProperty(window, "speechSynthesis", { value: engine, configurable: true });
    }, present);
  }

  it("read aloud speaks the headline and the body in order, then goes on into the next part of the story", async () => {
    const page = await (await context()).newPage();
    await stubSpeech(page);
    await page.goto(`${zh.url}2024-03-01/01/xinqiao/`);
    // What a reader sees, in order, without the continuation lines (reading goes on into the next part instead).
    const text = (root: Element) => {
      const copy = root.cloneNode(true) as Element;
      copy.querySelectorAll(".continuation").forEach((c) => c.remove());
      return Array.from(copy.querySelectorAll(".headline, .body p, .body h2, .body h3"))
        .map((e) => e.textContent)
        .join("");
    };
    const expected = await page.locator("main article").evaluate(text);
    await page.getByRole("button", { name: "朗读" }).click();
    await expect.poll(() => page.locator(".read-next").count(), { timeout: 15_000 }).toBe(1);
    const next = await page.locator(".read-next").evaluate(text);
    expect(next).toContain("桥面设计为双向六车道");
    await expect.poll(() => page.locator(".read-aloud").textContent(), { timeout: 15_000 }).toBe("朗读");
    const spoken = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
    const squash = (t: string) => t.replace(/\s+/g, "");
    expect(squash(spoken.join(""))).toBe(squash(expected + next));
    expect(spoken.length).toBeGreaterThan(3);
    expect(spoken[0]).toBe("沙河新桥今日通车");
  });

  it("the sentence being read is highlighted, and the button pauses and resumes", async () => {
    const page = await (await context()).newPage();
    await page.addInitScript(() => {
      const queue: SpeechSynthesisUtterance[] = [];
      const engine = {
        paused: false,
        getVoices: () => [],
        cancel() {},
        speak(u: SpeechSynthesisUtterance) {
          queue.push(u);
        },
        pause() {
          this.paused = true;
        },
        resume() {
          this.paused = false;
        },
      };
      Object.defineProperty(window, "speechSynthesis", { value: engine, configurable: true });
      (window as unknown as { finishOne(): void }).finishOne = () =>
        queue.shift()?.onend?.(new Event("end") as SpeechSynthesisEvent);
    });
    await page.goto(`${sample.url}2022-09-02/02/chenzhou-jiedao/`);
    const button = page.locator(".read-aloud");
    await button.click();
    const highlighted = () =>
      page.evaluate(() => {
        const h = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.get("read-aloud");
        return h ? [...h].map((r) => r.toString()).join("") : null;
      });
    await expect.poll(highlighted).toBe("扎实开展“创文”攻坚工作");
    await page.evaluate(() => (window as unknown as { finishOne(): void }).finishOne());
    await expect.poll(highlighted).toMatch(/^本报讯/);
    expect(await button.textContent()).toBe("暂停朗读");
    expect(await button.getAttribute("aria-pressed")).toBe("true");
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    await button.click();
    expect(await page.evaluate(() => (speechSynthesis as unknown as { paused: boolean }).paused)).toBe(true);
    expect(await button.textContent()).toBe("继续朗读");
    await button.click();
    expect(await page.evaluate(() => (speechSynthesis as unknown as { paused: boolean }).paused)).toBe(false);
  });

  it("no speech engine, no read-aloud button", async () => {
    const page = await (await context()).newPage();
    await stubSpeech(page, false);
    await page.goto(`${sample.url}2022-09-02/02/chenzhou-jiedao/`);
    expect(await page.locator(".print-button").isVisible()).toBe(true);
    expect(await page.locator(".read-aloud").isVisible()).toBe(false);
  });
});

describe("search hits on the scan (issue 13 §9)", () => {
  it("a result's 在版面上查看 opens the page with the article's area lit and the words boxed inside it", async () => {
    const browserContext = await context();
    const requests: string[] = [];
    browserContext.on("request", (r) => requests.push(new URL(r.url()).pathname));
    const page = await browserContext.newPage();
    await page.goto(`${sample.url}2022-09-02/02/`);
    await page.waitForLoadState("networkidle");
    expect(requests.filter((r) => r.endsWith("words.json"))).toEqual([]);

    await page.goto(`${sample.url}search/?q=${encodeURIComponent("开学")}`);
    const onPage = page.getByRole("link", { name: "在版面上查看" });
    await expect.poll(() => onPage.count(), { timeout: 15_000 }).toBe(1);
    await onPage.click();
    await page.waitForURL("**/2022-09-02/02/?hit=*#area-kaixue-diyitian");
    const area = page.locator("#area-kaixue-diyitian polygon");
    expect(await area.evaluate((p) => getComputedStyle(p).stroke)).toBe("rgb(164, 22, 26)");
    await expect.poll(() => page.locator(".hit-box").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const inside = await page.evaluate(() => {
      const a = document.querySelector("#area-kaixue-diyitian polygon")!.getBoundingClientRect();
      return Array.from(document.querySelectorAll(".hit-box"))
        .map((r) => r.getBoundingClientRect())
        .filter((b) => b.left >= a.left - 1 && b.right <= a.right + 1 && b.top >= a.top - 1 && b.bottom <= a.bottom + 1)
        .length;
    });
    expect(inside).toBeGreaterThan(0);
    expect(requests.filter((r) => r.endsWith("/2022-09-02/02/words.json"))).toHaveLength(1);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    // Zoomed in, the words stay boxed.
    await page.locator(".zoom-button").click();
    await expect
      .poll(() => page.locator(".zoom-hit").count(), { timeout: 15_000 })
      .toBe(await page.locator(".hit-box").count());
  });
});

describe("whole-edition downloads (issue 13 §8)", () => {
  const run = (command: string, args: string[]) => spawnSync(command, args, { encoding: "utf8", timeout: 120_000 });

  it("the edition PDF passes qpdf --check and has one bookmark per page and per article", async () => {
    const page = await open(sample, "/2022-09-02/02/", { ...desktop, javaScriptEnabled: false });
    const link = page.getByRole("link", { name: "下载本期PDF（含书签）" });
    const response = await page.request.get(new URL((await link.getAttribute("href"))!, page.url()).href);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const file = path.join(tempDir("edition-pdf"), "edition.pdf");
    fs.writeFileSync(file, await response.body());
    const check = run("qpdf", ["--check", file]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const outline = JSON.parse(run("qpdf", ["--json", "--json-key=outlines", file]).stdout).outlines as {
      title: string;
      kids: { title: string }[];
    }[];
    expect(outline.map((o) => o.title)).toEqual(["02版：综合"]);
    const headlines = await page.locator(".article-list li > a").allTextContents();
    expect(outline[0].kids.map((k) => k.title)).toEqual(headlines);
  });

  // Pages with a scan and no PDF go in as their scan; a page with neither (02) has nothing to print and is left out.
  it("an edition of scans without PDFs gets a bookmark per page and per article too", () => {
    const file = path.join(zhDir(), "2024-03-01", "2024-03-01.pdf");
    expect(run("qpdf", ["--check", file]).status).toBe(0);
    const outline = JSON.parse(run("qpdf", ["--json", "--json-key=outlines", file]).stdout).outlines as {
      title: string;
      kids: unknown[];
    }[];
    expect(outline.map((o) => [o.title, o.kids.length])).toEqual([
      ["01版：要闻", 2],
      ["03版：经济", 1],
    ]);
  });

  it("the EPUB of the edition's text passes epubcheck", async () => {
    const page = await open(sample, "/2022-09-02/", { ...desktop, javaScriptEnabled: false });
    const href = await page.getByRole("link", { name: "下载本期电子书（EPUB）" }).getAttribute("href");
    const response = await page.request.get(new URL(href!, page.url()).href);
    expect(response.headers()["content-type"]).toBe("application/epub+zip");
    const file = path.join(tempDir("edition-epub"), "edition.epub");
    fs.writeFileSync(file, await response.body());
    const check = run("java", ["-jar", epubcheckJar, file]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout + check.stderr).toContain("No errors or warnings detected");
  });
});

describe("accessibility of the new controls (issue 13)", () => {
  const axe = async (page: Page) =>
    (await new AxeBuilder({ page }).analyze()).violations.map((v) => ({
      rule: v.id,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  const views: [() => StaticServer, string, BrowserContextOptions][] = [
    [() => sample, "/2022-09-02/02/", desktop],
    [() => sample, "/2022-09-02/02/", phone],
    [() => zh, "/2024-03-01/story/xinqiao/", desktop],
    [() => sample, "/2022-09-02/", desktop],
    [() => en, "/1920-11-15/a01/treaty/", phone],
  ];
  for (const [server, url, options] of views) {
    it(`axe finds nothing on ${url} at ${options.viewport!.width} px with the settings open, 长辈版 on, and saved offline`, async () => {
      const page = await open(server(), url, options);
      const settings = page.locator(".reading-settings summary");
      if (await settings.count()) {
        await settings.click();
        expect(await axe(page)).toEqual([]);
        await page.locator("input[name=elder]").check();
        await page.locator("input[name=size][value='4']").check();
        expect(await axe(page)).toEqual([]);
      }
      if (await page.locator(".offline-button").count()) {
        await saveOffline(page, (await page.locator(".offline-button").getAttribute("data-saved")) ?? "");
        expect(await page.locator(".offline-remove").isVisible()).toBe(true);
        expect(await axe(page)).toEqual([]);
      }
      // Keyboard: every new control has a visible focus ring.
      for (const selector of [
        ".reading-settings summary",
        ".read-aloud:visible",
        ".print-button",
        ".copy-link",
        ".offline-remove:visible",
      ]) {
        const control = page.locator(selector).first();
        if (!(await control.count()) || !(await control.isVisible())) continue;
        await control.focus();
        await page.keyboard.press("Shift+Tab");
        await page.keyboard.press("Tab");
        expect(
          await control.evaluate((c) => c === document.activeElement && getComputedStyle(c).outlineStyle),
          selector,
        ).toBe("solid");
      }
    });
  }

  it("axe finds nothing on search results with their 在版面上查看 links", async () => {
    const page = await open(sample, `/search/?q=${encodeURIComponent("创文")}`);
    await expect.poll(() => page.locator(".search-scan").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await axe(page)).toEqual([]);
  });
});
