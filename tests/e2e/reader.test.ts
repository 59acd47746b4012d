// The reader's experience in real Chromium: flipping pages, hotspots, continuations, zoom, phones, offline reading,
// accessibility and page weight, against the built sample and fixture editions served over HTTP.
// Some callbacks here run inside the page, in Chromium: they see the DOM.
/// <reference lib="dom" />
import { AxeBuilder } from "@axe-core/playwright";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repo } from "../helpers/build.ts";
import { sharedFixture } from "../helpers/fixture-builds.ts";
import { checkedContexts, launchChromium, type Problem } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";

const screenshots = path.join(repo, ".tmp", "screenshots");
const phone: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

let browser: Browser;
let sample: StaticServer;
let zh: StaticServer;
let en: StaticServer;
let enDir: string;
// Every page visited in every test: no console error, no uncaught exception, no CSP violation.
const { problems, context: checkedContext } = checkedContexts(() => browser);

/** The run's shared build of a fixture (served, never written into). */
async function build(editions: string, site?: string): Promise<string> {
  return (await sharedFixture(editions, { site })).out;
}

beforeAll(async () => {
  browser = await launchChromium();
  sample = await serveStatic(await build("editions"));
  zh = await serveStatic(await build("tests/fixtures/editions-zh"));
  enDir = await build("tests/fixtures/editions-en", "tests/fixtures/site-en.json");
  en = await serveStatic(enDir, { prefix: "/epaper/" });
  fs.mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([sample, zh, en].map((s) => s?.close()));
});

async function open(server: StaticServer, url: string, options: BrowserContextOptions = desktop): Promise<Page> {
  const context = await checkedContext(options);
  const page = await context.newPage();
  await page.goto(new URL(url.replace(/^\//, ""), server.url).href);
  return page;
}

const pathOf = (page: Page) => new URL(page.url()).pathname;

/**
 * Records every navigation the page starts from now on. The Navigation API's navigate event fires inside the
 * `location.href = …` that starts one, so once a key press or touch has been handled (Playwright's input calls
 * return then), what it started is already listed: "nothing happened" needs no sleep.
 */
async function recordNavigations(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { navigations: string[]; navigation: EventTarget };
    w.navigations = [];
    w.navigation.addEventListener("navigate", (e) =>
      w.navigations.push(new URL((e as unknown as { destination: { url: string } }).destination.url).pathname),
    );
  });
  return () => page.evaluate(() => (window as unknown as { navigations: string[] }).navigations);
}

/**
 * Waits until the page has loaded and the work the reader script defers to an idle moment after load (the next
 * scan's prefetch) has run, then until a request the page makes after it has reached the test: requests that
 * work started are reported before it.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => setTimeout(resolve))));
  const marker = `/robots.txt?settled=${Math.random()}`;
  await Promise.all([
    page.waitForRequest((r) => r.url().endsWith(marker)),
    page.evaluate((url) => fetch(url).then(() => undefined), marker),
  ]);
}

describe("flipping pages", () => {
  it("ArrowRight and ArrowLeft go to the next and previous page, but not while typing", async () => {
    const page = await open(zh, "/2024-03-01/01/");
    await page.keyboard.press("ArrowRight");
    await page.waitForURL("**/2024-03-01/02/");
    await page.keyboard.press("ArrowRight");
    await page.waitForURL("**/2024-03-01/03/");
    await page.keyboard.press("ArrowLeft");
    await page.waitForURL("**/2024-03-01/02/");

    // A search box on the page (as a masthead search would be): arrows move the caret, not the page.
    await page.evaluate(() => {
      const input = document.createElement("input");
      input.type = "search";
      input.id = "typing";
      document.querySelector(".masthead")!.append(input);
    });
    const navigations = await recordNavigations(page);
    await page.locator("#typing").fill("新桥");
    await page.locator("#typing").press("ArrowLeft");
    await page.locator("#typing").press("ArrowRight");
    expect(await navigations()).toEqual([]);
    expect(pathOf(page)).toBe("/2024-03-01/02/");
    // The same key outside the box does flip: the record would have seen it.
    await page.locator("#typing").blur();
    await page.keyboard.press("ArrowRight");
    await page.waitForURL("**/2024-03-01/03/");
  });

  it("flipping keeps the path prefix (/epaper/)", async () => {
    const page = await open(en, "/1920-11-15/a01/");
    await page.keyboard.press("ArrowRight");
    await page.waitForURL("**/epaper/1920-11-15/a04/");
    await page.keyboard.press("ArrowLeft");
    await page.waitForURL("**/epaper/1920-11-15/a01/");
  });

  it("a swipe left goes to the next page, a swipe right back; a vertical swipe scrolls", async () => {
    const page = await open(zh, "/2024-03-01/01/", phone);
    const cdp = await page.context().newCDPSession(page);
    const swipe = async (from: [number, number], to: [number, number]) => {
      await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: from[0], y: from[1] }] });
      for (let i = 1; i <= 5; i++) {
        const x = from[0] + ((to[0] - from[0]) * i) / 5,
          y = from[1] + ((to[1] - from[1]) * i) / 5;
        await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y }] });
      }
      await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    };
    const navigations = await recordNavigations(page);
    await swipe([200, 300], [200, 120]);
    expect(await navigations()).toEqual([]);
    expect(pathOf(page)).toBe("/2024-03-01/01/");
    // Swipes start on the page's heading: under load a lazy picture can still move what lies at a fixed point
    // (the page strip, where a sideways swipe scrolls the strip instead).
    const headingY = async () => {
      await page.waitForLoadState("networkidle");
      await page.locator("h1").first().scrollIntoViewIfNeeded();
      const box = (await page.locator("h1").first().boundingBox())!;
      return box.y + box.height / 2;
    };
    let y = await headingY();
    await swipe([300, y], [60, y + 10]);
    await page.waitForURL("**/2024-03-01/02/");
    y = await headingY();
    await swipe([60, y], [300, y - 10]);
    await page.waitForURL("**/2024-03-01/01/");
  });
});

describe("from the scan to the article and along the story", () => {
  it("clicking a hotspot opens its article", async () => {
    const page = await open(zh, "/2024-03-01/01/");
    await page.locator("#area-tianqi").click();
    await page.waitForURL("**/2024-03-01/01/tianqi/");
    await expect.poll(() => page.locator("h1").textContent()).toBe("明日天气晴好");
  });

  it("hotspots are reachable with Tab and show a visible focus ring", async () => {
    const page = await open(zh, "/2024-03-01/01/");
    let focused = "";
    for (let i = 0; i < 30 && focused !== "area-xinqiao"; i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.id ?? "");
    }
    expect(focused).toBe("area-xinqiao");
    const stroke = await page.locator("#area-xinqiao polygon").evaluate((p) => getComputedStyle(p).stroke);
    expect(stroke).toBe("rgb(11, 87, 208)");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/2024-03-01/01/xinqiao/");
  });

  it("下转第三版 leads to the continuation, 上接第一版 back", async () => {
    const page = await open(zh, "/2024-03-01/01/xinqiao/");
    // Its JSON-LD is data, not script: the CSP (checked after every test) has nothing to say about it.
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(1);
    await page.getByRole("link", { name: "（下转第三版）" }).click();
    await page.waitForURL("**/2024-03-01/03/xinqiao-xu/");
    await expect.poll(() => page.locator(".body").textContent()).toContain("桥面设计为双向六车道");
    await page.getByRole("link", { name: "（上接第一版）" }).click();
    await page.waitForURL("**/2024-03-01/01/xinqiao/");
    await expect.poll(() => page.locator("h1").textContent()).toBe("沙河新桥今日通车");
  });
});

describe("search", () => {
  it("a Chinese word finds the article, with date, page label and snippet, and the hit opens it", async () => {
    const page = await open(sample, "/search/");
    await page.locator("#q").fill("开学");
    await page.locator(".search-form button[type=submit]").click();
    const hit = page.locator("#search-results li").first();
    await expect.poll(() => page.locator("#search-results li").count(), { timeout: 15_000 }).toBe(1);
    expect(await hit.locator(":scope > a:first-child").textContent()).toBe("开学第一天 我市新建改扩建学校迎新生");
    expect(await hit.locator(".search-meta").textContent()).toBe("2022年9月2日 星期五 · 02版：综合");
    expect(await hit.locator("mark").first().textContent()).toBe("开学");
    expect(page.url()).toContain("?q=%E5%BC%80%E5%AD%A6");
    await hit.locator(":scope > a:first-child").click();
    await page.waitForURL("**/2022-09-02/02/kaixue-diyitian/");
  });

  it("searches a year of editions under a path prefix", async () => {
    const page = await open(en, "/search/?q=treaty&year=1920");
    await expect.poll(() => page.locator("#search-results li").count(), { timeout: 15_000 }).toBe(2);
    const links = await page
      .locator("#search-results li > a:first-child")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname).sort());
    expect(links).toEqual(["/epaper/1920-11-15/a01/treaty/", "/epaper/1920-11-15/a04/treaty-cont/"]);
    expect(await page.locator("#search-status").textContent()).toBe("2 articles found");
  });

  it("finds articles from both editions of the zh fixtures", async () => {
    const page = await open(zh, "/search/?q=" + encodeURIComponent("招聘会"));
    await expect.poll(() => page.locator("#search-results li").count(), { timeout: 15_000 }).toBe(2);
    const links = await page
      .locator("#search-results li > a:first-child")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname).sort());
    expect(links).toEqual(["/2024-03-02/a01/chunjie/", "/2024-03-02/b01/zhaopin-xu/"]);
    const other = await open(zh, "/search/?q=" + encodeURIComponent("沙河新桥") + "&sort=oldest");
    await expect
      .poll(() => other.locator("#search-results li > a:first-child").first().textContent(), { timeout: 15_000 })
      .toBe("沙河新桥今日通车");
  });

  it("says that search failed when a segment or the manifest does not load, in the site's language, not searching… forever", async () => {
    for (const [server, blocked, message] of [
      [zh, "**/img/search/**", "搜索没有完成：无法载入搜索索引，请检查网络后再试。"],
      [
        en,
        "**/search/manifest.json",
        "Search could not finish: the search index did not load. Check the connection and try again.",
      ],
    ] as const) {
      const page = await (await checkedContext(desktop)).newPage();
      await page.route(blocked, (route) => route.abort("failed"));
      await page.goto(new URL("search/?q=" + encodeURIComponent(server === zh ? "招聘会" : "treaty"), server.url).href);
      await expect
        .poll(() => page.locator("#search-status[role=status]").textContent(), { timeout: 15_000 })
        .toBe(message);
      expect(await page.locator("#search-results li").count()).toBe(0);
    }
    // The failed fetches are what this test makes happen; anything else seen is still a problem.
    const rest = problems.filter(
      (p) => !(p.kind === "console" && /\/img\/search\/|\/search\/manifest\.json|ERR_FAILED/.test(p.text)),
    );
    problems.splice(0, problems.length, ...rest);
  });

  it("preloads the search's script, its shared module and the manifest, and asks for each once", async () => {
    const page = await (await checkedContext(desktop)).newPage();
    const requested: string[] = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(new URL("search/?q=treaty", en.url).href);
    await expect.poll(() => page.locator("#search-results li").count(), { timeout: 15_000 }).toBe(2);
    const preloads = await page
      .locator("link[rel=preload], link[rel=modulepreload]")
      .evaluateAll((ls) => ls.map((l) => new URL((l as HTMLLinkElement).href).pathname));
    expect(preloads).toEqual([
      "/epaper/assets/search.js",
      "/epaper/assets/search-core.js",
      "/epaper/search/manifest.json",
    ]);
    for (const file of preloads)
      expect(
        requested.filter((p) => p === file),
        file,
      ).toHaveLength(1);
  });
});

describe("zoom", () => {
  for (const [name, server, url] of [
    ["at the site root", () => zh, "/2024-03-01/01/"],
    ["under /epaper/", () => en, "/1920-11-15/a01/"],
  ] as const) {
    it(`放大版面 loads the deep-zoom tiles and puts the article areas over them (${name})`, async () => {
      const page = await open(server(), url);
      const tiles: { url: string; status: number }[] = [];
      page.on("response", (r) => {
        if (r.url().includes("/iiif/")) tiles.push({ url: r.url(), status: r.status() });
      });
      const button = page.locator(".zoom-button");
      await button.click();
      await expect
        .poll(() => page.locator(".zoom-hotspot").count(), { timeout: 15_000 })
        .toBe(await page.locator(".hotspots a").count());
      await expect
        .poll(() => tiles.filter((t) => /\/iiif\/.+\.(jpg|webp|png)$/.test(t.url)).length, { timeout: 15_000 })
        .toBeGreaterThan(0);
      expect(tiles.filter((t) => t.status !== 200)).toEqual([]);
      expect(tiles.every((t) => t.url.startsWith(server().url))).toBe(true);
      expect(await button.getAttribute("aria-expanded")).toBe("true");
      // The same button closes the viewer again.
      await button.click();
      expect(await page.locator("#zoom-viewer").isHidden()).toBe(true);
    });
  }
});

describe("phones: text first", () => {
  it("the article list comes first; the scan is one tap away and not downloaded before", async () => {
    const page = await open(sample, "/2022-09-02/02/", phone);
    const scans: string[] = [];
    page.on("request", (r) => {
      if (/\/img\/[0-9a-f]+\/\d+\.(jpg|webp|avif)$/.test(r.url())) scans.push(r.url());
    });
    const list = page.locator(".article-list");
    const replica = page.locator(".replica-image:visible");
    expect(await list.isVisible()).toBe(true);
    expect(await replica.isVisible()).toBe(false);
    const top = (element: Element) => element.getBoundingClientRect().top + window.scrollY;
    expect(await list.evaluate(top)).toBeLessThan(740);
    await settled(page);
    expect(scans).toEqual([]);
    await page.getByRole("link", { name: "查看版面图" }).tap();
    await expect.poll(() => replica.isVisible()).toBe(true);
    await expect
      .poll(() => replica.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    expect(await replica.evaluate(top)).toBeGreaterThan(await list.evaluate(top));
    await page.screenshot({ path: path.join(screenshots, "page-360-replica.png") });
  });

  it("works without JavaScript too", async () => {
    const page = await open(sample, "/2022-09-02/02/", { ...phone, javaScriptEnabled: false });
    expect(await page.locator(".replica-image:visible").isVisible()).toBe(false);
    await page.getByRole("link", { name: "查看版面图" }).click();
    await expect.poll(() => page.locator(".replica-image:visible").isVisible()).toBe(true);
    // No script, no script-only controls.
    expect(await page.locator(".offline").isVisible()).toBe(false);
    expect(await page.locator(".zoom-button").isVisible()).toBe(false);
  });

  it("coming back from an article shows the scan with that article's area", async () => {
    const page = await open(sample, "/2022-09-02/02/chenzhou-jiedao/", phone);
    await page.getByRole("link", { name: /返回版面/ }).click();
    await page.waitForURL("**/2022-09-02/02/#area-chenzhou-jiedao");
    await expect.poll(() => page.locator(".replica-image:visible").isVisible()).toBe(true);
  });

  it("on a wide screen the scan is shown at once, without the extra link", async () => {
    const page = await open(sample, "/2022-09-02/02/");
    expect(await page.locator(".replica-image:visible").isVisible()).toBe(true);
    expect(await page.locator(".replica-jump").isVisible()).toBe(false);
  });

  it("no page scrolls sideways at 360 px", async () => {
    const urls: [StaticServer, string][] = [
      [sample, "/2022-09-02/02/"],
      [sample, "/2022-09-02/02/#replica"],
      [sample, "/2022-09-02/02/xingzheng-fuwu/"],
      [sample, "/2022-09-02/02/laojiu-xiaoqu/"],
      [sample, "/2022-09-02/"],
      [zh, "/2024-03-01/story/xinqiao/"],
      [zh, "/archive/"],
      [zh, "/archive/2024/"],
      [zh, "/search/"],
      [zh, "/2024-03-02/a01/chunjie/"],
    ];
    const page = await open(sample, "/", phone);
    for (const [server, url] of urls) {
      await page.goto(new URL(url.slice(1), server.url).href);
      const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
      expect({ url, width }).toEqual({ url, width: 360 });
    }
  });
});

describe("prefetching the next page", () => {
  it("fetches the next page's HTML and, on a wide screen, its scan in the size this screen needs", async () => {
    const context = await checkedContext(desktop);
    const requests: string[] = [];
    context.on("request", (r) => requests.push(new URL(r.url()).pathname));
    const page = await context.newPage();
    await page.goto(`${zh.url}2024-03-01/02/`);
    const candidates = await page.evaluate(() => {
      const img = (document.getElementById("next-scan") as HTMLTemplateElement).content.querySelector("source")!;
      return img
        .getAttribute("srcset")!
        .split(",")
        .map((c) => c.trim().split(" ")[0]);
    });
    await expect.poll(() => requests.filter((r) => candidates.includes(r))).toHaveLength(1);
    expect(requests).toContain("/2024-03-01/03/");
  });

  it("not on a phone, where the scan is hidden until asked for", async () => {
    const context = await checkedContext(phone);
    const requests: string[] = [];
    context.on("request", (r) => requests.push(new URL(r.url()).pathname));
    const page = await context.newPage();
    await page.goto(`${zh.url}2024-03-01/02/`);
    await settled(page);
    expect(requests.filter((r) => r.startsWith("/img/") && !r.endsWith("thumb.jpg"))).toEqual([]);
  });
});

describe("offline reading", () => {
  it("saves the edition, then reads a page and an article with the network gone (site under /epaper/)", async () => {
    // A server of its own, which the test stops: offline means nothing answers, whatever the browser emulates.
    const own = await serveStatic(enDir, { prefix: "/epaper/" });
    const context = await checkedContext(desktop);
    const page = await context.newPage();
    await page.goto(`${own.url}1920-11-15/a01/`);
    await page.getByRole("button", { name: "Save for offline reading" }).click();
    await expect
      .poll(() => page.locator(".offline-status").textContent(), { timeout: 20_000 })
      .toBe("Saved: this edition can be read offline");
    const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
    expect(scope).toBe(own.url);
    await page.reload();
    await expect
      .poll(() => page.locator(".offline-status").textContent())
      .toBe("Saved: this edition can be read offline");

    await own.close();
    await context.setOffline(true);
    for (const [url, heading] of [
      ["1920-11-15/a04/", "A04 City News"],
      ["1920-11-15/a01/treaty/", "Senate Takes Up Treaty Debate"],
      ["1920-11-15/a04/treaty-cont/", "Senate Takes Up Treaty Debate"],
      ["1920-11-15/story/treaty/", "Senate Takes Up Treaty Debate"],
    ]) {
      const response = await page.goto(`${own.url}${url}`);
      expect(response?.ok(), url).toBe(true);
      expect(await page.locator("h1").textContent()).toContain(heading);
    }
    // The scan of a saved page shows, in whatever width and format the browser asks for.
    await page.goto(`${own.url}1920-11-15/a01/`);
    await expect
      .poll(() =>
        page
          .locator(".replica-image:visible")
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      )
      .toBe(true);
    // Failed requests for files that were not saved are expected here; nothing else may go wrong.
    const offlineNoise = (p: Problem) =>
      p.kind === "console" && /Failed to load resource|ERR_INTERNET_DISCONNECTED|ERR_FAILED/.test(p.text);
    const rest = problems.filter((p) => !offlineNoise(p));
    problems.splice(0, problems.length, ...rest);
  });
});

describe("accessibility", () => {
  const pages: [() => StaticServer, string, BrowserContextOptions][] = [
    [() => sample, "/2022-09-02/02/", desktop],
    [() => sample, "/2022-09-02/02/", phone],
    [() => sample, "/2022-09-02/02/chenzhou-jiedao/", desktop],
    [() => sample, "/2022-09-02/02/xingzheng-fuwu/", phone],
    [() => zh, "/2024-03-01/01/", desktop],
    [() => zh, "/2024-03-01/02/", desktop],
    [() => zh, "/2024-03-01/01/xinqiao/", desktop],
    [() => zh, "/2024-03-01/story/xinqiao/", desktop],
    [() => zh, "/2024-03-01/", desktop],
    [() => zh, "/archive/", desktop],
    [() => zh, "/archive/2024/", desktop],
    [() => zh, "/search/", desktop],
  ];
  for (const [server, url, options] of pages) {
    it(`axe finds nothing on ${url} at ${options.viewport!.width} px`, async () => {
      const page = await open(server(), url, options);
      const results = await new AxeBuilder({ page }).analyze();
      const violations = results.violations.map((v) => ({
        rule: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => n.target.join(" ")),
      }));
      expect(violations).toEqual([]);
    });
  }

  it("the skip link is the first stop and takes keyboard users to the content", async () => {
    const page = await open(sample, "/2022-09-02/02/");
    await page.keyboard.press("Tab");
    const skip = page.locator(".skip");
    expect(await skip.evaluate((a) => a === document.activeElement)).toBe(true);
    expect((await skip.boundingBox())!.x).toBeGreaterThanOrEqual(0);
    await page.keyboard.press("Enter");
    expect(new URL(page.url()).hash).toBe("#main");
  });
});

describe("weight and looks", () => {
  it("the page view's HTML, CSS and JS come to at most 25 KB gzip-compressed (issue 13's budget)", async () => {
    const context = await checkedContext(desktop);
    const page = await context.newPage();
    const loaded: Promise<[string, number]>[] = [];
    page.on("response", (r) => {
      if (["document", "stylesheet", "script"].includes(r.request().resourceType())) {
        loaded.push(r.body().then((body) => [r.url(), zlib.gzipSync(body, { level: 9 }).length]));
      }
    });
    await page.goto(`${sample.url}2022-09-02/02/`);
    await page.waitForLoadState("networkidle");
    const sizes = await Promise.all(loaded);
    const total = sizes.reduce((sum, [, n]) => sum + n, 0);
    console.log(
      `page view weight (gzip): ${sizes.map(([u, n]) => `${new URL(u).pathname} ${n} B`).join(", ")}; total ${total} B`,
    );
    expect(sizes.map(([u]) => new URL(u).pathname).sort()).toEqual(
      ["/2022-09-02/02/", "/assets/reader.js", "/assets/settings.js", "/assets/site.css"].sort(),
    );
    expect(total).toBeLessThanOrEqual(25 * 1024);
  });

  it("screenshots of the page and article views at 360 and 1280 px", async () => {
    const written: string[] = [];
    for (const [name, options] of [
      ["360", phone],
      ["1280", desktop],
    ] as const) {
      for (const [view, url] of [
        ["page", "/2022-09-02/02/"],
        ["article", "/2022-09-02/02/chenzhou-jiedao/"],
      ]) {
        const page = await open(sample, url, options);
        await page.waitForLoadState("networkidle");
        const file = path.join(screenshots, `${view}-${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        written.push(path.relative(repo, file));
      }
    }
    console.log(`screenshots: ${written.join(", ")}`);
    for (const file of written) expect(fs.statSync(path.join(repo, file)).size).toBeGreaterThan(10_000);
  });
});
