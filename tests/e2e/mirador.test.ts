// A real IIIF client: Mirador 4 (from npm, a dev dependency) in Chromium opens an edition's manifest from the
// built site served over HTTP — the sample edition, and the English paper under /epaper/ — and shows the page from
// its level-0 tiles, the articles in its table of contents and the article areas as annotations.
// Some callbacks here run inside the page, in Chromium: they see the DOM.
/// <reference lib="dom" />
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { repo } from "../helpers/build.ts";
import { sharedFixture } from "../helpers/fixture-builds.ts";
import { launchChromium } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";

const miradorScript = path.join(repo, "node_modules/mirador/dist/mirador.min.js");
/** Mirador lists only commenting and tagging annotations unless told: the areas are linking annotations. */
const motivations = ["oa:commenting", "oa:tagging", "sc:painting", "commenting", "tagging", "linking"];

const screenshots = path.join(repo, ".tmp", "screenshots");

let browser: Browser;
const contexts: BrowserContext[] = [];
let sample: StaticServer;
let en: StaticServer;

beforeAll(async () => {
  browser = await launchChromium();
  const built = async (editions: string, site?: string) => (await sharedFixture(editions, { site })).out;
  fs.mkdirSync(screenshots, { recursive: true });
  sample = await serveStatic(await built("editions"));
  en = await serveStatic(await built("tests/fixtures/editions-en", "tests/fixtures/site-en.json"), {
    prefix: "/epaper/",
  });
});

afterEach(async () => {
  // Tiles may still be on their way when a test ends: their routes are dropped before the context closes.
  await Promise.all(
    contexts.splice(0).map(async (c) => {
      await c.unrouteAll({ behavior: "ignoreErrors" });
      await c.close();
    }),
  );
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([sample, en].map((s) => s?.close()));
});

/** The viewer page, as a library's site would have it; served on the site's origin so that no CORS is involved. */
function viewerHtml(manifest: string): string {
  const config = {
    id: "viewer",
    windows: [{ manifestId: manifest, sideBarOpen: true, sideBarPanel: "canvas" }],
    annotations: { filteredMotivations: motivations },
  };
  return `<!doctype html><html><head><meta charset="utf-8"><title>Mirador</title></head><body>
<div id="viewer" style="position:absolute;inset:0"></div>
<script src="/__mirador/mirador.min.js"></script>
<script>window.viewer = Mirador.viewer(${JSON.stringify(config)});</script>
</body></html>`;
}

/** The English fixture's front-page headline, from its article file. */
function enHeadline(): string {
  const text = fs.readFileSync(path.join(repo, "tests/fixtures/editions-en/1920-11-15/A01/01-treaty.md"), "utf8");
  return /^headline: (.+)$/m.exec(text)![1].replace(/^["']|["']$/g, "");
}

interface Opened {
  page: Page;
  tiles: string[];
  failures: string[];
}

/**
 * Opens Mirador on `manifest`, a URL of the public site `publicRoot` (as the manifest's ids are), answering the
 * public site's requests from the local server. The viewer page sits on the public origin too, as it would on the
 * paper's own site, so no CORS is involved.
 */
async function openInMirador(server: StaticServer, publicRoot: string, manifest: string): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  const tiles: string[] = [];
  const failures: string[] = [];
  const origin = new URL(publicRoot).origin;
  // Nothing leaves the machine (Mirador would fetch web fonts).
  await context.route(/^https?:\/\//, async (route) => {
    const url = route.request().url();
    if (url === `${origin}/__mirador/`) return route.fulfill({ contentType: "text/html", body: viewerHtml(manifest) });
    if (url === `${origin}/__mirador/mirador.min.js`)
      return route.fulfill({ contentType: "text/javascript", body: fs.readFileSync(miradorScript) });
    if (!url.startsWith(publicRoot)) return route.abort();
    const response = await route.fetch({ url: `${server.url}${url.slice(publicRoot.length)}` });
    return route.fulfill({ response });
  });
  page.on("response", (response) => {
    const url = response.url();
    if (response.status() >= 400) failures.push(`${response.status()} ${url}`);
    if (/\/iiif\/\d+,\d+,\d+,\d+\/\d*,\d*\/0\/default\.jpg$/.test(url) && response.status() === 200) tiles.push(url);
  });
  page.on("pageerror", (err) => failures.push(String(err)));
  await page.goto(`${origin}/__mirador/`);
  return { page, tiles, failures };
}

/** The manifest a page view links in its head, as an absolute URL of the public site. */
async function manifestLinkOf(server: StaticServer, publicRoot: string, url: string): Promise<string> {
  const html = await (await fetch(new URL(url.replace(/^\//, ""), server.url))).text();
  const href = /<link rel="alternate" type="application\/ld\+json;profile=[^"]*" href="([^"]+)">/.exec(html)?.[1];
  expect(href, `${url} links no manifest`).toBeTruthy();
  return new URL(href!, publicRoot).href;
}

/** What Mirador's store holds for the window's canvases: annotation ids and their SVG selectors. */
async function annotationsInStore(page: Page): Promise<{ id: string; svg: string; body: string[] }[]> {
  return page.evaluate(() => {
    const state = (window as unknown as { viewer: { store: { getState(): any } } }).viewer.store.getState();
    const found: { id: string; svg: string; body: string[] }[] = [];
    for (const byPage of Object.values(state.annotations ?? {}) as any[]) {
      for (const entry of Object.values(byPage) as any[]) {
        for (const item of entry?.json?.items ?? []) {
          found.push({
            id: item.id,
            svg: item.target?.selector?.value ?? "",
            body: (item.body ?? []).map((b: { value?: string; id?: string }) => b.value ?? b.id ?? ""),
          });
        }
      }
    }
    return found;
  });
}

/** `toc`: the table of contents as Mirador lists it; `areas`: the article pages the annotations on the first canvas link. */
async function expectViewer(opened: Opened, toc: string[], areas: { headline: string; url: string }[]): Promise<void> {
  const { page } = opened;
  // The page image: tiles of the level-0 service, fetched by the viewer's OpenSeadragon.
  await expect.poll(() => opened.tiles.length, { timeout: 30_000 }).toBeGreaterThan(0);
  await page.locator(".openseadragon-canvas canvas").first().waitFor({ timeout: 30_000 });

  // The table of contents: one entry per article by its headline, then the continued stories.
  const tree = page.locator('[role="tree"]');
  await tree.waitFor({ timeout: 30_000 });
  await expect.poll(() => tree.locator('[role="treeitem"]').allInnerTexts(), { timeout: 10_000 }).toEqual(toc);

  // The areas: one linking annotation per article on the canvas shown, each an SVG path, linking the article.
  await expect.poll(async () => (await annotationsInStore(page)).length, { timeout: 20_000 }).toBe(areas.length);
  const stored = await annotationsInStore(page);
  for (const a of stored)
    expect(a.svg, a.id).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"><path d="M\d+,\d+( L\d+,\d+)+ Z"\/><\/svg>$/,
    );
  for (const { headline, url } of areas)
    expect(
      stored.some((a) => a.body[0] === headline && a.body[1] === url),
      url,
    ).toBe(true);
  // … and listed by headline in Mirador's annotation panel.
  await page.locator('[role="tab"][aria-label="Annotations"], button[aria-label="Annotations"]').first().click();
  await page
    .getByText(`Showing ${areas.length} annotation${areas.length === 1 ? "" : "s"}`, { exact: true })
    .waitFor({ timeout: 10_000 });
  // The table of contents has given its place to the annotation list: these items are the annotations.
  await expect(tree.count()).resolves.toBe(0);
  for (const { headline } of areas)
    await page.locator("li").filter({ hasText: headline }).first().waitFor({ timeout: 10_000 });
  expect(opened.failures).toEqual([]);
}

describe("Mirador 4 opens the editions' manifests", () => {
  it("the sample edition: page image from the tiles, the articles in the table of contents, their areas", async () => {
    const root = "https://epaper.example.cn/";
    const manifest = await manifestLinkOf(sample, root, "/2022-09-02/02/");
    expect(manifest).toBe(`${root}2022-09-02/manifest.json`);
    const opened = await openInMirador(sample, root, manifest);
    const articles = [
      ["“创文”工作持续发力 优质服务提质增效", "xingzheng-fuwu"],
      ["扎实开展“创文”攻坚工作", "chenzhou-jiedao"],
      ["加快老旧小区改造 为市民幸福加码", "laojiu-xiaoqu"],
      ["郸城县：政务服务“快”人一步 营商环境“智”在千里", "dancheng-yingshang"],
      ["开学第一天 我市新建改扩建学校迎新生", "kaixue-diyitian"],
    ];
    await expectViewer(
      opened,
      articles.map(([headline]) => headline),
      articles.map(([headline, slug]) => ({ headline, url: `${root}2022-09-02/02/${slug}/` })),
    );
    await opened.page.screenshot({ path: path.join(screenshots, "mirador-sample.png") });
  });

  it("the English paper under /epaper/: its front page, the continued story in the table of contents", async () => {
    const root = "https://news.example.com/epaper/";
    const manifest = await manifestLinkOf(en, root, "/1920-11-15/");
    expect(manifest).toBe(`${root}1920-11-15/manifest.json`);
    const opened = await openInMirador(en, root, manifest);
    const headline = enHeadline();
    // Both parts carry the headline; the story's range spans A01 and A04.
    await expectViewer(
      opened,
      [headline, headline, `${headline} (whole story)`],
      [{ headline, url: `${root}1920-11-15/a01/treaty/` }],
    );
    await opened.page.screenshot({ path: path.join(screenshots, "mirador-en.png") });
  });
});
