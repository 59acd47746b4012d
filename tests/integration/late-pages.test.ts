// After midnight on a live archive: a late page, a correction, a withdrawal and a renamed article file, each
// published with the real publish command and read back from the live site.
import fs from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, repo, runScript, tempDir } from "../helpers/build.ts";
import { fixtureRoot, type FixtureRoot } from "../helpers/publish.ts";
import { copyTree, treeHash } from "../helpers/tree.ts";
import { sharedFixture } from "../helpers/fixture-builds.ts";

let editions: string;
let root: string;
let cache: string;
let publish: FixtureRoot["publish"];
const live = (url: string) => path.join(root, "current", url.replace(/^\//, ""), url.endsWith("/") ? "index.html" : "");
const read = (url: string) => fs.readFileSync(live(url), "utf8");
const storeFolder = (date: string) => fs.readlinkSync(path.join(root, "current", date));

/** Every text file of the live site (symlinks followed), and the words of the search index, as one string each. */
function liveText(): { files: Map<string, string>; search: string } {
  const files = new Map<string, string>();
  let search = "";
  const walk = (dir: string, rel: string) => {
    for (const name of fs.readdirSync(dir)) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) {
        if (name !== "img") walk(full, `${rel}/${name}`);
      } else if (/\.(html|xml|json|txt)$|^_redirects$/.test(name)) {
        const text = fs.readFileSync(full, "utf8");
        // A search result's file holds the article's indexed text.
        if (rel.endsWith("/search/a")) search += (JSON.parse(text) as { t: string }).t;
        else files.set(`${rel}/${name}`, text);
      }
    }
  };
  walk(path.join(root, "current"), "");
  return { files, search };
}

/** html-validate's findings on live pages, as the site checks run it. */
async function htmlProblems(pages: string[]): Promise<string[]> {
  const validator = new HtmlValidate({
    extends: ["html-validate:recommended"],
    rules: {
      "doctype-style": "off",
      "attribute-boolean-style": "off",
      "attribute-empty-style": "off",
      "long-title": "off",
    },
  });
  const problems: string[] = [];
  for (const url of pages) {
    const report = await validator.validateFile(live(url));
    for (const m of report.results.flatMap((r) => r.messages))
      problems.push(`${url}:${m.line}: ${m.ruleId}: ${m.message}`);
  }
  return problems;
}

beforeAll(async () => {
  ({ editions, root, cache, publish } = fixtureRoot("late"));
  // One photo shown in both editions (by the article withdrawn below and by tonight's lead): the image store is
  // content-addressed, so both editions show the same derivatives.
  const photo = await sharp({ create: { width: 240, height: 160, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .png()
    .toBuffer();
  for (const [file, headline] of [
    ["2024-03-01/01/02-tianqi.md", "明日天气晴好"],
    ["2024-03-02/A01/01-chunjie.md", "春季招聘会举行"],
  ]) {
    const full = path.join(editions, file);
    fs.mkdirSync(path.join(path.dirname(full), "photos"), { recursive: true });
    fs.writeFileSync(path.join(path.dirname(full), "photos/shared.png"), photo);
    fs.writeFileSync(
      full,
      fs
        .readFileSync(full, "utf8")
        .replace(
          `headline: ${headline}\n`,
          `headline: ${headline}\nfigures:\n  - file: photos/shared.png\n    caption: 晴空\n`,
        ),
    );
  }
  for (const date of ["2024-03-01", "2024-03-02"]) {
    const result = publish(date);
    if (result.code !== 0) throw new Error(result.output);
  }
});

describe("after midnight", () => {
  it("a late page replaces one page of a live edition; other editions' store folders are untouched", () => {
    const otherFolder = storeFolder("2024-03-02");
    const otherTree = treeHash(path.join(root, "current", "2024-03-02"));
    const file = path.join(editions, "2024-03-01/03/01-xinqiao-xu.md");
    fs.appendFileSync(file, "\n迟到的补充：新桥夜间照明同步启用。\n");
    const result = publish("2024-03-01", "--page", "03");
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toContain("editions rebuilt: 2024-03-01,");
    // The page's article, the story that continues onto it, and the edition's search index have the new words.
    expect(read("/2024-03-01/03/xinqiao-xu/")).toContain("新桥夜间照明同步启用");
    expect(read("/2024-03-01/story/xinqiao/")).toContain("新桥夜间照明同步启用");
    expect(liveText().search).toContain("新桥夜间照明同步启用");
    // Tonight's edition (2024-03-02) is the same store folder, byte for byte, and the home page is still its.
    expect(storeFolder("2024-03-02")).toBe(otherFolder);
    expect(treeHash(path.join(root, "current", "2024-03-02"))).toEqual(otherTree);
    expect(read("/")).toContain("A01版：要闻");
  });

  it("refuses a late page that is not in the edition, or for an edition not live yet, and unknown flags", () => {
    const missing = publish("2024-03-01", "--page", "09");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("--page 09: no such page folder; the pages are 01, 02, 03");
    fs.mkdirSync(path.join(editions, "2024-03-03/01"), { recursive: true });
    fs.writeFileSync(path.join(editions, "2024-03-03/01/page.yml"), "section: 要闻\n");
    try {
      const early = publish("2024-03-03", "--page", "01");
      expect(early.code).toBe(1);
      expect(early.stderr).toContain("2024-03-03 is not live yet: publish the whole edition first");
    } finally {
      fs.rmSync(path.join(editions, "2024-03-03"), { recursive: true });
    }
    const unknown = publish("2024-03-01", "--pages", "03");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("usage: npm run publish -- YYYY-MM-DD [--page NN | --withdraw [NN/]slug]");
  });

  it("a correction appears under the headline, in the feed, in JSON-LD and on the edition's corrections page", () => {
    const file = path.join(editions, "2024-03-01/02/01-shequ.md");
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, "utf8")
        .replace(
          "headline: 社区食堂开张",
          "headline: 社区食堂开张\ncorrection:\n  time: 2024-03-01 10:30\n  text: 原文把开张日期误作2月28日，应为3月1日。",
        ),
    );
    const result = publish("2024-03-01", "--page", "02");
    expect(result.code, result.output).toBe(0);
    const article = read("/2024-03-01/02/shequ/");
    expect(article).toContain(
      '<p class="correction"><strong>更正</strong> <time datetime="2024-03-01T10:30:00+08:00">2024年3月1日 10:30</time>：原文把开张日期误作2月28日，应为3月1日。</p>',
    );
    expect(article).toContain('"dateModified":"2024-03-01T10:30:00+08:00"');
    expect(read("/2024-03-01/02/")).toContain('"dateModified":"2024-03-01T10:30:00+08:00"');
    const feed = read("/feed.xml");
    const entry = feed.slice(feed.indexOf("<title>社区食堂开张</title>"));
    expect(entry.slice(0, entry.indexOf("</entry>"))).toMatch(
      /<updated>2024-03-01T10:30:00\+08:00<\/updated>\s*<summary>更正：原文把开张日期误作2月28日，应为3月1日。 /,
    );
    expect(read("/2024-03-01/")).toContain('<a href="/2024-03-01/corrections/">本期更正</a>');
    const corrections = read("/2024-03-01/corrections/");
    expect(corrections).toContain('<a href="/2024-03-01/02/shequ/">社区食堂开张</a>');
    expect(corrections).toContain("原文把开张日期误作2月28日");
    // An edition with nothing corrected has no corrections page and no link to one.
    expect(read("/2024-03-02/")).not.toContain("本期更正");
  });

  it("a withdrawn article is gone from every listed place, its address says so, and a full rebuild keeps it gone", async () => {
    const before = JSON.parse(fs.readFileSync(path.join(root, "current/2024-03-01/_banmian/urls.json"), "utf8"));
    const images: string[] = before.articles.find((a: { url: string }) => a.url === "/2024-03-01/01/tianqi/").images;
    expect(images.length).toBeGreaterThan(0);
    // The photo tonight's edition shows too.
    type Ledger = { articles: { url: string; images: string[] }[] };
    const tonight = (): Ledger =>
      JSON.parse(fs.readFileSync(path.join(root, "current/2024-03-02/_banmian/urls.json"), "utf8"));
    const shared = images.filter((key) => tonight().articles.some((a) => a.images.includes(key)));
    expect(shared).toHaveLength(1);
    const result = publish("2024-03-01", "--withdraw", "tianqi");
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toContain("withdrawn: /2024-03-01/01/tianqi/");
    expect(fs.readFileSync(path.join(editions, "2024-03-01/edition.yml"), "utf8")).toMatch(
      /withdrawn:\n {2}- \{ article: 01\/tianqi, time: "\d{4}-\d{2}-\d{2} \d{2}:\d{2}" \}/,
    );

    const check = () => {
      const { files, search } = liveText();
      const page = read("/2024-03-01/01/tianqi/");
      expect(page).toContain("<h1>本文已撤回</h1>");
      expect(page).toContain('<meta name="robots" content="noindex">');
      expect(page).not.toContain("明日天气晴好");
      // Not in the page's areas and article list, the edition view, feed, sitemap, offline manifest, JSON, search.
      for (const [name, text] of files) {
        if (
          name === "/2024-03-01/01/tianqi/index.html" ||
          name.endsWith("/_banmian/urls.json") ||
          name.endsWith("_banmian/redirects.json") ||
          name === "/_redirects"
        )
          continue;
        expect(text.includes("明日天气晴好") || text.includes("01/tianqi/"), name).toBe(false);
      }
      expect(search).not.toContain("明日天气晴好");
      expect(search).toContain("沙河新桥");
      expect(files.get("/_redirects")).toContain("/2024-03-01/01/tianqi/ /2024-03-01/01/tianqi/index.html 410!");
    };
    check();
    expect(await htmlProblems(["/2024-03-01/01/tianqi/"])).toEqual([]);
    // Its clipping and share card are deleted from the image store, not only unlinked; the photo tonight's edition
    // shows too stays, and every picture of tonight's article pages still resolves.
    for (const key of images) expect(fs.existsSync(path.join(root, "store/img", key)), key).toBe(shared.includes(key));
    for (const article of tonight().articles) {
      const pictures = [...read(article.url).matchAll(/(?:src|srcset)="([^"]+)"/g)]
        .flatMap((m) => m[1].split(/,\s*/).map((c) => c.split(" ")[0]))
        .filter((url) => url.startsWith("/img/"));
      if (article.images.includes(shared[0]))
        expect(
          pictures.some((url) => url.startsWith(`/img/${shared[0]}/`)),
          article.url,
        ).toBe(true);
      for (const url of pictures) expect(fs.existsSync(live(url)), `${article.url}: ${url}`).toBe(true);
    }
    const rebuild = runScript("rebuild.ts", ["--editions", editions, "--root", root, "--cache", cache]);
    expect(rebuild.code, rebuild.output).toBe(0);
    check();
    // Brought back by deleting its line: the article, its pictures and its place in the feed return.
    const yml = path.join(editions, "2024-03-01/edition.yml");
    fs.writeFileSync(yml, fs.readFileSync(yml, "utf8").replace(/withdrawn:\n.*01\/tianqi.*\n/, ""));
    const back = publish("2024-03-01", "--page", "01");
    expect(back.code, back.output).toBe(0);
    expect(read("/2024-03-01/01/tianqi/")).toContain("明日天气晴好");
    expect(read("/feed.xml")).toContain("明日天气晴好");
    for (const key of images) expect(fs.existsSync(path.join(root, "store/img", key)), key).toBe(true);
    expect(read("/_redirects")).not.toContain("tianqi");
  });

  it("a renamed article file's old address points to the new one, and _redirects lists it", () => {
    const dir = path.join(editions, "2024-03-01/02");
    fs.renameSync(path.join(dir, "01-shequ.md"), path.join(dir, "01-shequ-shitang.md"));
    const result = publish("2024-03-01");
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toContain("redirect: /2024-03-01/02/shequ/ → /2024-03-01/02/shequ-shitang/");
    expect(read("/2024-03-01/02/shequ-shitang/")).toContain("社区食堂开张");
    const old = read("/2024-03-01/02/shequ/");
    expect(old).toContain('<meta http-equiv="refresh" content="0; url=/2024-03-01/02/shequ-shitang/">');
    expect(old).toContain('<link rel="canonical" href="https://epaper.example.cn/2024-03-01/02/shequ-shitang/">');
    expect(read("/_redirects").split("\n")).toContain("/2024-03-01/02/shequ/ /2024-03-01/02/shequ-shitang/ 301");
    // Renamed again: both old addresses go to the newest one.
    fs.renameSync(path.join(dir, "01-shequ-shitang.md"), path.join(dir, "01-shitang.md"));
    expect(publish("2024-03-01").code).toBe(0);
    expect(read("/_redirects").split("\n")).toEqual(
      expect.arrayContaining([
        "/2024-03-01/02/shequ/ /2024-03-01/02/shitang/ 301",
        "/2024-03-01/02/shequ-shitang/ /2024-03-01/02/shitang/ 301",
      ]),
    );
    expect(read("/2024-03-01/02/shequ/")).toContain("url=/2024-03-01/02/shitang/");
  });

  it("the corrections and redirect pages are valid HTML", async () => {
    expect(
      await htmlProblems(["/2024-03-01/corrections/", "/2024-03-01/02/shequ/", "/2024-03-01/02/shitang/"]),
    ).toEqual([]);
  });

  it("a withdrawn article's words leave its page's word boxes (search hits on the scan)", async () => {
    const work = tempDir("withdrawn-words");
    const sample = path.join(work, "editions");
    copyTree(path.join(repo, "editions"), sample);
    const words = (site: ReturnType<typeof buildFixture>) =>
      (JSON.parse(site.read("/2022-09-02/02/words.json")) as { lines: { text: string }[] }).lines
        .map((l) => l.text)
        .join("");
    // The sample edition as built before the withdrawal (the run's shared build of it), and its cache: the build
    // after it is warm, as the night's publish is.
    const before = await sharedFixture("editions");
    const cache = path.join(work, "cache");
    copyTree(before.cache, cache);
    fs.appendFileSync(
      path.join(sample, "2022-09-02/edition.yml"),
      'withdrawn:\n  - { article: 02/chenzhou-jiedao, time: "2022-09-02 23:00" }\n',
    );
    const after = buildFixture(sample, { cache });
    expect(after.result.code, after.result.output).toBe(0);
    expect(words(before)).toContain("攻坚");
    expect(words(after)).not.toContain("攻坚");
    expect(words(after)).toContain("老旧小区");
  });
});
