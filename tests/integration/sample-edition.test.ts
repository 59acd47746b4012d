// The sample edition (the seed page as page 02) built by the real build command, read as a reader gets it.
import { beforeAll, describe, expect, it } from "vitest";
import { buildStageNames } from "../../src/pipeline/stages.ts";
import fs from "node:fs";
import path from "node:path";
import { buildFixture, type BuiltSite, tempDir } from "../helpers/build.ts";
import { sharedFixture } from "../helpers/fixture-builds.ts";

let site: BuiltSite;
beforeAll(async () => {
  site = await sharedFixture("editions");
});

describe("sample edition 2022-09-02", () => {
  it("builds with one warning for the continuation from the missing page 01", () => {
    expect(site.result.output).toContain(
      'warning: editions/2022-09-02/02/04-dancheng-yingshang.md: front matter "continued_from": page 01 is not in this edition',
    );
    expect(site.result.output).toMatch(/built 1 editions, 1 pages, 5 articles/);
  });

  it("with --json, stdout is the summary alone, one JSON line (a parent process reads it; Eleventy's own line is off)", () => {
    // With a copy of the first build's cache: the shared build is read, never written into.
    const cache = path.join(tempDir("cache"), "cache");
    fs.cpSync(site.cache, cache, { recursive: true });
    const again = buildFixture("editions", { cache, args: ["--json"] });
    expect(again.result.code).toBe(0);
    const lines = again.result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]);
    expect(summary).toMatchObject({ editions: 1, pages: 1, articles: 5 });
    // Stage times are kept in the order the stages ran: the order the README and stageNames give.
    expect(Object.keys(summary.stages)).toEqual([...buildStageNames]);
    expect(again.result.stderr).toContain("✓ pages");
  });

  it("home is the latest edition's first page", () => {
    const home = site.read("/");
    expect(home).toContain('<h1 class="page-title">02版：综合</h1>');
    expect(home).toContain('<link rel="canonical" href="https://epaper.example.cn/2022-09-02/02/">');
  });

  it("page view: scan, five hotspot links named by headline, strip, date, PDF", () => {
    const html = site.read("/2022-09-02/02/");
    expect(html).toContain("2022年9月2日 星期五");
    expect(html).toContain("总第12866期");
    const hotspots = [
      ...html.matchAll(/<a href="([^"]+)" id="area-[^"]+" aria-label="([^"]+)"[^>]*><polygon points="([^"]+)">/g),
    ];
    expect(hotspots.map((m) => m[2])).toEqual([
      "“创文”工作持续发力 优质服务提质增效",
      "扎实开展“创文”攻坚工作",
      "加快老旧小区改造 为市民幸福加码",
      "郸城县：政务服务“快”人一步 营商环境“智”在千里",
      "开学第一天 我市新建改扩建学校迎新生",
    ]);
    expect(hotspots[4][1]).toBe("/2022-09-02/02/kaixue-diyitian/");
    expect(hotspots[4][3]).toBe("655,568 970,568 970,977 655,977");
    expect(html).toMatch(
      /<img class="replica-image" src="\/img\/[0-9a-f]{20}\/1000\.jpg" srcset="[^"]+640\.jpg 640w, [^"]+1000\.jpg 1000w, [^"]+1600\.jpg 1600w" sizes="[^"]+" width="2067" height="2952"/,
    );
    expect(html).toContain("<span>02版：综合</span>");
    expect(html).toMatch(/<a class="pdf-link" href="\/2022-09-02\/02\/2022-09-02-02\.pdf" download>下载本版PDF<\/a>/);
    expect(site.exists("/2022-09-02/02/2022-09-02-02.pdf")).toBe(true);
  });

  it("no original scan or photo is sent to readers", () => {
    const html = site.read("/2022-09-02/02/") + site.read("/2022-09-02/02/chenzhou-jiedao/");
    expect(html).not.toMatch(/page\.jpg|lumian\.png/);
  });

  it("article view: kicker, column, headline, dateline with byline, figure with caption, body without marks", () => {
    const html = site.read("/2022-09-02/02/chenzhou-jiedao/");
    expect(html).toContain('<p class="column">创建全国文明城市进行时</p>');
    expect(html).toContain('<p class="kicker">陈州街道办事处</p>');
    expect(html).toContain('<h1 class="headline">扎实开展“创文”攻坚工作</h1>');
    // As printed: the dateline and the byline in brackets open the first paragraph.
    expect(html).toContain(
      '<div class="body"><p><strong class="dateline">本报讯</strong>（记者 韩志刚 文/图）为贯彻落实市、区“创文”工作会议精神',
    );
    expect(html).toContain("<figcaption>路面整修</figcaption>");
    expect(html).toContain("同时强化背街小巷、老旧小区治理"); // column-broken paragraph joined
    expect(html).not.toContain("①6");
    expect(html).toMatch(/<a href="\/2022-09-02\/02\/#area-chenzhou-jiedao">返回版面/);
  });

  it("photo news: caption and credit", () => {
    const html = site.read("/2022-09-02/02/laojiu-xiaoqu/");
    expect(html).toMatch(/让群众生活更舒心更便捷。 <span class="credit">记者 刘俊涛 摄<\/span><\/figcaption>/);
    expect(html).not.toContain("①9");
  });

  it("the continued part shows 上接第一版 without a dead link", () => {
    const html = site.read("/2022-09-02/02/dancheng-yingshang/");
    expect(html).toContain(
      '<div class="body"><p><span class="continuation continued-from">（上接第一版）</span>针对社会资本市场准入条件',
    );
    expect(html).not.toMatch(/<a[^>]*>（上接第一版）/);
  });

  it("subheads are h2 under the h1 headline, mid-text marks removed", () => {
    const html = site.read("/2022-09-02/02/xingzheng-fuwu/");
    expect(html).toContain("<h2>营造“创文”氛围</h2>");
    expect(html).toContain("<h2>创新服务措施</h2>");
    const kaixue = site.read("/2022-09-02/02/kaixue-diyitian/");
    expect(kaixue).toContain("缓解了中心城区的就学压力。</p>");
    expect(kaixue).not.toContain("②15");
  });

  it("previous/next article links follow reading order", () => {
    const html = site.read("/2022-09-02/02/laojiu-xiaoqu/");
    expect(html).toMatch(/<a rel="prev" href="\/2022-09-02\/02\/chenzhou-jiedao\/">/);
    expect(html).toMatch(/<a rel="next" href="\/2022-09-02\/02\/dancheng-yingshang\/">/);
  });

  it("edition overview and archive calendar link the edition", () => {
    expect(site.read("/2022-09-02/")).toContain('<a href="/2022-09-02/02/">02版：综合</a>');
    expect(site.read("/archive/")).toContain('<a href="/archive/2022/">2022年</a>');
    const year = site.read("/archive/2022/");
    expect(year).toContain("<caption>2022年9月</caption>");
    expect(year).toContain('<a href="/2022-09-02/02/" aria-label="2022-09-02">2</a>');
  });
});
