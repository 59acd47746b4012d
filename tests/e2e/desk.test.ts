// The night desk in real Chromium: the proof sheet of the sample edition (its areas drawn where they are, its
// dangling continuation in red), and npm start's area editor — a vertex moved with the mouse and with the keyboard,
// the article file changed only on its area: line, the page rebuilt — and that another web page cannot save.
// Some callbacks here run inside the page, in Chromium: they see the DOM.
/// <reference lib="dom" />
import { AxeBuilder } from "@axe-core/playwright";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { compiledScript, repo, runScript, tempDir } from "../helpers/build.ts";
import { sharedFixture } from "../helpers/fixture-builds.ts";
import { launchChromium, watchedContext, type Problem } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";

const shots = process.env.BANMIAN_SHOTS ?? path.join(repo, ".tmp", "screenshots");
let browser: Browser;
const problems: Problem[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  fs.mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  expect(problems.splice(0)).toEqual([]);
});

async function open(url: string, width = 1280, height = 1000): Promise<Page> {
  const context = await watchedContext(browser, problems, { viewport: { width, height } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

describe("the proof sheet", () => {
  it("draws the sample's areas over its page with their headlines, and its dangling continuation in red", async () => {
    const out = path.join(tempDir("proof"), "proof.html");
    const result = runScript("check.ts", ["--editions", "editions", "--proof", out]);
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toContain(`proof: ${out}`);

    const page = await open(`file://${out}`, 900);
    // Geometry in the spread's own units (its viewBox is its size in CSS pixels), without the strokes.
    const bbox = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => {
          const b = (el as SVGGraphicsElement).getBBox();
          return { x: b.x, y: b.y, width: b.width, height: b.height };
        });
    const image = await bbox(".spread image");
    expect(image.width).toBe(320);
    const areas = page.locator(".spread .area");
    expect(await areas.count()).toBe(5);
    expect(await page.locator(".spread .area title").allTextContents()).toEqual([
      "“创文”工作持续发力 优质服务提质增效",
      "扎实开展“创文”攻坚工作",
      "加快老旧小区改造 为市民幸福加码",
      "郸城县：政务服务“快”人一步 营商环境“智”在千里",
      "开学第一天 我市新建改扩建学校迎新生",
    ]);
    // The first article's area is [0.031, 0.08, 0.504, 0.376] of the page: drawn there over the image.
    const first = await bbox(".spread .area polygon");
    for (const [got, want] of [
      [first.x - image.x, 0.031 * image.width],
      [first.y - image.y, 0.08 * image.height],
      [first.width, 0.504 * image.width],
      [first.height, 0.376 * image.height],
    ])
      expect(Math.abs(got - want), JSON.stringify({ first, image })).toBeLessThan(0.2);
    await expect.poll(() => areas.first().locator("text").textContent()).toMatch(/^“创文”工作/);

    // 04 continues from page 01, which the sample does not have: a red arrow into its area and the check's warning.
    const dangling = page.locator(".continuation.dangling");
    expect(await dangling.count()).toBe(1);
    expect(await dangling.locator("text").first().textContent()).toBe("✗ 上接第一版");
    expect(await dangling.locator("path").evaluate((p) => getComputedStyle(p).stroke)).toBe("rgb(217, 48, 37)");
    expect(await page.locator(".column .problems li.warning").textContent()).toContain(
      'editions/2022-09-02/02/04-dancheng-yingshang.md: front matter "continued_from": page 01 is not in this edition',
    );
    expect(await page.locator("#counts").textContent()).toBe(
      "1 期 · 1 个版面 · 5 篇文章 · 0 个错误 · 1 个警告 · 0 篇没有区域 · 0 处区域重叠 · 1 处接续版面不在本期",
    );
    await page.screenshot({ path: path.join(shots, "proof.png"), fullPage: true });
  });
});

/** npm start on a copy of the sample, as the night editor runs it; resolves when it serves the page view. */
async function startDevServer(
  options: { pathPrefix?: string } = {},
): Promise<{ child: ChildProcess; url: string; editions: string; stop(): Promise<void> }> {
  const dir = tempDir("editor");
  // A site served under a path prefix gets its own settings file; the printed URL then ends in the prefix.
  const site = path.join(dir, "site.json");
  fs.writeFileSync(
    site,
    JSON.stringify({ ...JSON.parse(fs.readFileSync(path.join(repo, "_data/site.json"), "utf8")), ...options }),
  );
  const editions = path.join(dir, "editions");
  fs.cpSync(path.join(repo, "editions"), editions, { recursive: true });
  // The images as the run's shared build of the sample edition made them (those keyed by the site's root among them).
  fs.cpSync((await sharedFixture("editions")).cache, path.join(dir, "cache"), { recursive: true });
  // One article without an area, to draw one for.
  const bare = path.join(editions, "2022-09-02", "02", "04-dancheng-yingshang.md");
  fs.writeFileSync(bare, fs.readFileSync(bare, "utf8").replace(/^area: .*\n/m, ""));
  // Port 0: the system picks a free one, and npm start prints the URL it serves at.
  const child = spawn(
    process.execPath,
    [
      ...compiledScript("serve.ts"),
      "--editions",
      editions,
      "--out",
      path.join(dir, "site"),
      "--cache",
      path.join(dir, "cache"),
      "--site",
      site,
      "--port",
      "0",
    ],
    { cwd: repo, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => (output += c));
  let url = "";
  for (let i = 0; ; i++) {
    url = /serving \d+ editions? at (http:\/\/localhost:\d+\/\S*)/.exec(output)?.[1] ?? "";
    const ok =
      url !== "" &&
      (await fetch(`${url}2022-09-02/02/`).then(
        (r) => r.ok,
        () => false,
      ));
    if (ok) break;
    if (child.exitCode !== null || i > 600) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { child, url, editions, stop };
}

describe("the area editor in npm start", () => {
  let dev: Awaited<ReturnType<typeof startDevServer>>;
  beforeAll(async () => {
    dev = await startDevServer();
  }, 180_000);
  afterAll(async () => {
    await dev?.stop();
  });

  const file = (name: string) => path.join(dev.editions, "2022-09-02", "02", name);
  const areaLine = (text: string) => /^area: .*$/m.exec(text)![0];
  const areaOf = (text: string): number[][] => {
    const area = JSON.parse(areaLine(text).slice("area: ".length));
    const r = (v: number) => Math.round(v * 1000) / 1000;
    return typeof area[0] === "number"
      ? [
          [area[0], area[1]],
          [r(area[0] + area[2]), area[1]],
          [r(area[0] + area[2]), r(area[1] + area[3])],
          [area[0], r(area[1] + area[3])],
        ]
      : area;
  };
  /** Waits until the file's area line is no longer `before`'s, and the rebuilt page shows the new area. */
  async function saved(page: Page, name: string, slug: string, before: string): Promise<string> {
    await expect
      .poll(() => areaLine(fs.readFileSync(file(name), "utf8")), { timeout: 10_000 })
      .not.toBe(areaLine(before));
    const after = fs.readFileSync(file(name), "utf8");
    const points = areaOf(after).map(([x, y]) => `${Math.round(x * 1000 * 10) / 10},${Math.round(y * 1000 * 10) / 10}`);
    await expect
      .poll(
        () =>
          page
            .locator(`#area-${slug} polygon`)
            .getAttribute("points")
            .catch(() => ""),
        { timeout: 60_000 },
      )
      .toBe(points.join(" "));
    return after;
  }

  it("moves a vertex with the mouse; the file changes on its area: line only and the page shows the new area", async () => {
    const name = "03-laojiu-xiaoqu.md";
    const before = fs.readFileSync(file(name), "utf8");
    const page = await open(`${dev.url}2022-09-02/02/`);
    await page.locator(".editor-toggle").click();
    await page.locator('.editor-area[data-article="2022-09-02/02/03-laojiu-xiaoqu.md"]').click();
    // The editor in edit mode, an area selected with its vertices shown: nothing axe finds.
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes[0]?.html}`)).toEqual(
      [],
    );
    const frame = (await page.locator(".replica-frame").boundingBox())!;
    const corner = page.locator(".vertex[data-index='2']");
    const box = (await corner.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2 + 30, { steps: 5 });
    await page.mouse.up();
    expect(await page.locator(".editor-status").textContent()).toMatch(/^顶点 3\/4：x 0\.\d{3}，y 0\.\d{3}$/);
    await page.screenshot({ path: path.join(shots, "editor.png") });
    await page.locator('button[data-action="save"]').click();

    const after = await saved(page, name, "laojiu-xiaoqu", before);
    expect(Buffer.from(after).equals(Buffer.from(before.replace(areaLine(before), areaLine(after))))).toBe(true);
    const [old, moved] = [areaOf(before), areaOf(after)];
    expect(moved).toHaveLength(4);
    expect(moved.filter((_, i) => i !== 2)).toEqual(old.filter((_, i) => i !== 2));
    expect(Math.abs(moved[2][0] - (old[2][0] - 60 / frame.width))).toBeLessThan(0.004);
    expect(Math.abs(moved[2][1] - (old[2][1] + 30 / frame.height))).toBeLessThan(0.004);
    // After the live reload the editor is back as it was, and says what it saved.
    await expect
      .poll(() => page.locator(".editor-status").textContent(), { timeout: 10_000 })
      .toMatch(/^已保存 .*03-laojiu-xiaoqu\.md$/);
  }, 120_000);

  it("moves and adds a vertex with the keyboard alone, announced in the live region, and saves with Ctrl+S", async () => {
    const name = "05-kaixue-diyitian.md";
    const before = fs.readFileSync(file(name), "utf8");
    const page = await open(`${dev.url}2022-09-02/02/`);
    await page.locator(".editor-toggle").focus();
    await page.keyboard.press("Enter");
    // Tab from the toolbar reaches the areas; Enter on one selects it and puts the focus on its first vertex.
    const target = page.locator('.editor-area[data-article="2022-09-02/02/05-kaixue-diyitian.md"]');
    for (let i = 0; i < 40 && !(await target.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement!.className)).toBe("vertex current");
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("ArrowDown");
    const status = page.locator(".editor-status[aria-live='polite']");
    expect(await status.textContent()).toBe("顶点 1/4：x 0.675，y 0.569");
    await page.keyboard.press("]");
    expect(await status.textContent()).toBe("顶点 2/4：x 0.970，y 0.568");
    await page.keyboard.press("+");
    expect(await status.textContent()).toBe("顶点 3/5：x 0.970，y 0.773");
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe("solid");
    expect(new URL(page.url()).pathname).toBe("/2022-09-02/02/");
    await page.keyboard.press("Control+s");

    const after = await saved(page, name, "kaixue-diyitian", before);
    expect(Buffer.from(after).equals(Buffer.from(before.replace(areaLine(before), areaLine(after))))).toBe(true);
    expect(areaLine(after)).toBe("area: [[0.675, 0.569], [0.97, 0.568], [0.97, 0.773], [0.97, 0.977], [0.655, 0.977]]");
  }, 120_000);

  it("draws a new area for an article that has none, click by click; the line goes in where it belongs", async () => {
    const name = "04-dancheng-yingshang.md";
    const before = fs.readFileSync(file(name), "utf8");
    expect(before).not.toMatch(/^area:/m);
    // Tall enough that the whole page image is on the screen to click on.
    const page = await open(`${dev.url}2022-09-02/02/`, 1280, 1800);
    expect(await page.locator("#area-dancheng-yingshang").count()).toBe(0);
    await page.locator(".editor-toggle").click();
    const choice = page.locator('.editor-list button[data-article="2022-09-02/02/04-dancheng-yingshang.md"]');
    expect(await choice.textContent()).toBe("郸城县：政务服务“快”人一步 营商环境“智”在千里 (无区域)");
    await choice.click();
    await page.locator('button[data-action="draw"]').click();
    expect(await page.locator(".editor-status").textContent()).toBe("在版面上点击放置顶点（至少三个），然后保存");
    const frame = (await page.locator(".replica-frame").boundingBox())!;
    const corners = [
      [0.03, 0.57],
      [0.62, 0.57],
      [0.62, 0.97],
      [0.03, 0.97],
    ];
    for (const [x, y] of corners) await page.mouse.click(frame.x + x * frame.width, frame.y + y * frame.height);
    expect(await page.locator(".vertex").count()).toBe(4);
    await page.locator('button[data-action="save"]').click();

    await expect.poll(() => fs.readFileSync(file(name), "utf8"), { timeout: 10_000 }).toMatch(/^area: /m);
    const after = fs.readFileSync(file(name), "utf8");
    expect(after).toBe(
      before.replace("story: dancheng-yingshang\n", `${areaLine(after)}\nstory: dancheng-yingshang\n`),
    );
    areaOf(after).forEach(([x, y], i) => {
      expect(Math.abs(x - corners[i][0])).toBeLessThan(0.003);
      expect(Math.abs(y - corners[i][1])).toBeLessThan(0.003);
    });
    await expect.poll(() => page.locator("#area-dancheng-yingshang").count(), { timeout: 60_000 }).toBe(1);
  }, 120_000);

  it("refuses an outline that crosses itself, says why, and leaves the file alone", async () => {
    const name = "02-chenzhou-jiedao.md";
    const before = fs.readFileSync(file(name));
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: "zh-CN" });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${dev.url}2022-09-02/02/`);
    await page.locator(".editor-toggle").click();
    await page.locator('.editor-list button[data-article="2022-09-02/02/02-chenzhou-jiedao.md"]').click();
    // The first corner dragged below the bottom edge: the outline becomes a figure eight.
    await page.locator(".vertex[data-index='0']").focus();
    for (let i = 0; i < 45; i++) await page.keyboard.press("Shift+ArrowDown");
    await page.locator('button[data-action="save"]').click();
    await expect
      .poll(() => page.locator(".editor-status").textContent())
      .toMatch(/^未保存：the outline crosses itself \(edge \d+ crosses edge \d+\)/);
    expect(fs.readFileSync(file(name)).equals(before)).toBe(true);
  }, 60_000);

  it("another web page open in the browser cannot save: no secret, and no way round the same-origin checks", async () => {
    const name = "01-xingzheng-fuwu.md";
    const before = fs.readFileSync(file(name));
    const dir = tempDir("evil");
    fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>elsewhere</title>");
    const evil: StaticServer = await serveStatic(dir);
    try {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(evil.url);
      const endpoint = `${dev.url}_banmian/area`;
      const results = await page.evaluate(async (endpoint) => {
        const body = JSON.stringify({
          article: "2022-09-02/02/01-xingzheng-fuwu.md",
          polygon: [
            [0, 0],
            [0.5, 0],
            [0.5, 0.5],
          ],
        });
        const tries: string[] = [];
        // A "simple" request needs no preflight: text/plain, no-cors.
        await fetch(endpoint, {
          method: "POST",
          mode: "no-cors",
          headers: { "Content-Type": "text/plain" },
          body,
        }).then(
          (r) => tries.push(`simple: ${r.type}`),
          (e) => tries.push(`simple: ${e}`),
        );
        // JSON with a guessed secret needs a preflight, which the dev server does not grant.
        await fetch(endpoint, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Banmian-Secret": "guess" },
          body,
        }).then(
          (r) => tries.push(`json: ${r.status}`),
          () => tries.push("json: blocked"),
        );
        // And the page view itself cannot be read from here to find the secret.
        await fetch(endpoint.replace("_banmian/area", "2022-09-02/02/"))
          .then((r) => r.text())
          .then(
            () => tries.push("read: allowed"),
            () => tries.push("read: blocked"),
          );
        return tries;
      }, endpoint);
      expect(results).toEqual(["simple: opaque", "json: blocked", "read: blocked"]);
      expect(fs.readFileSync(file(name)).equals(before)).toBe(true);
    } finally {
      await evil.close();
    }
  }, 60_000);
});

describe("the area editor in npm start under a path prefix (/epaper/)", () => {
  let dev: Awaited<ReturnType<typeof startDevServer>>;
  beforeAll(async () => {
    dev = await startDevServer({ pathPrefix: "/epaper/" });
  }, 180_000);
  afterAll(async () => {
    await dev?.stop();
  });

  it("serves the page view with the editor under the prefix, and a vertex moved there is saved to the file", async () => {
    expect(new URL(dev.url).pathname).toBe("/epaper/");
    const file = path.join(dev.editions, "2022-09-02", "02", "03-laojiu-xiaoqu.md");
    const before = fs.readFileSync(file, "utf8");
    const page = await open(`${dev.url}2022-09-02/02/`);
    await page.locator(".editor-toggle").click();
    await page.locator('.editor-area[data-article="2022-09-02/02/03-laojiu-xiaoqu.md"]').click();
    const box = (await page.locator(".vertex[data-index='2']").boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 40, box.y + box.height / 2 + 20, { steps: 5 });
    await page.mouse.up();
    await page.locator('button[data-action="save"]').click();
    const areaLine = (text: string) => /^area: .*$/m.exec(text)![0];
    await expect.poll(() => areaLine(fs.readFileSync(file, "utf8")), { timeout: 10_000 }).not.toBe(areaLine(before));
    await expect
      .poll(() => page.locator(".editor-status").textContent(), { timeout: 30_000 })
      .toMatch(/^已保存 .*03-laojiu-xiaoqu\.md$/);
    expect(new URL(page.url()).pathname).toBe("/epaper/2022-09-02/02/");
  }, 120_000);
});

describe("a built site", () => {
  it("has no trace of the area editor", async () => {
    const built = await sharedFixture("editions");
    const files = fs.readdirSync(built.out, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.length).toBeGreaterThan(20);
    const traces: string[] = [];
    for (const f of files) {
      const full = path.join(f.parentPath, f.name);
      if (/editor/i.test(path.relative(built.out, full))) traces.push(full);
      if (
        /\.(html|js|css|json)$/.test(f.name) &&
        /banmian-editor|_banmian\/(area|editor)|X-Banmian-Secret|editor-layer/.test(fs.readFileSync(full, "utf8"))
      )
        traces.push(full);
    }
    expect(traces).toEqual([]);
  }, 180_000);
});
