// The import command as a night editor runs it: the table it prints, and that it never replaces files unasked.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compiledScript } from "../../../helpers/build.ts";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const seed = "tests/fixtures/dumps/seed-page.md";
const headlines = [
  "“创文”工作持续发力 优质服务提质增效",
  "扎实开展“创文”攻坚工作",
  "加快老旧小区改造 为市民幸福加码",
  "郸城县：政务服务“快”人一步 营商环境“智”在千里",
  "开学第一天 我市新建改扩建学校迎新生",
];

function runImport(...args: string[]) {
  // The compiled command, as npm run import runs it (npm test and test:unit compile first).
  const result = spawnSync(process.execPath, [...compiledScript("import.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run import", () => {
  let editions: string;
  let pageDir: string;
  const target = () => ["--date", "2022-09-02", "--page", "02", "--editions", editions];

  beforeAll(() => {
    editions = mkdtempSync(path.join(os.tmpdir(), "banmian-import-"));
    pageDir = path.join(editions, "2022-09-02", "02");
  });
  afterAll(() => rmSync(editions, { recursive: true, force: true }));

  it("asks for --section when the page has no page.yml yet, and writes nothing", () => {
    const run = runImport(seed, ...target());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${path.join(pageDir, "page.yml")}: does not exist yet; give the page's name with --section`,
    );
    expect(existsSync(pageDir)).toBe(false);
  });

  it("writes the articles and page.yml, and prints a table with every headline", () => {
    const run = runImport(seed, ...target(), "--section", "综合");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const table = run.stdout.split("\n");
    for (const headline of headlines) expect(table.some((line) => line.endsWith(headline))).toBe(true);
    expect(run.stdout).toMatch(/^file +column +kicker +byline +dateline +paras +figures +mark +continued +headline$/m);
    expect(run.stdout).toMatch(/^04-dancheng-xian\.md .* ②2 +from 01 +郸城县/m);
    expect(run.stdout).toContain("placeholder files");
    expect(readFileSync(path.join(pageDir, "page.yml"), "utf8")).toBe("section: 综合\n");
    const first = readFileSync(path.join(pageDir, "01-chuangwen-gongzuo.md"), "utf8");
    expect(first).toMatch(/^---\ncolumn: 创建全国文明城市进行时\nkicker: 市行政服务中心\nheadline: “创文”工作持续发力/);
    expect(run.stdout).toContain(`wrote  ${path.join(pageDir, "05-kaixue-diyi.md")}`);
  });

  it("refuses to replace article files without --force, naming the file, and writes nothing at all", () => {
    const edited = path.join(pageDir, "01-chuangwen-gongzuo.md");
    writeFileSync(edited, "---\nheadline: 编辑改过的标题\n---\n\n编辑改过的正文。\n");
    unlinkSync(path.join(pageDir, "05-kaixue-diyi.md"));
    const run = runImport(seed, ...target());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error: ${edited}: already exists`);
    expect(run.stderr).toContain("nothing was written. Run again with --force");
    expect(readFileSync(edited, "utf8")).toBe("---\nheadline: 编辑改过的标题\n---\n\n编辑改过的正文。\n");
    expect(existsSync(path.join(pageDir, "05-kaixue-diyi.md"))).toBe(false);
  });

  it("replaces them with --force", () => {
    const run = runImport(seed, ...target(), "--force");
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(pageDir, "01-chuangwen-gongzuo.md"), "utf8")).toContain(
      "headline: “创文”工作持续发力 优质服务提质增效",
    );
    expect(existsSync(path.join(pageDir, "05-kaixue-diyi.md"))).toBe(true);
    expect(run.stdout).toContain(`replaced  ${path.join(pageDir, "01-chuangwen-gongzuo.md")}`);
  });

  it("imports a GB18030 dump with --photos into a new page", () => {
    const dump = path.join(editions, "news-page.txt");
    const text = readFileSync(path.join(root, "tests/fixtures/dumps/news-page.md"), "utf8");
    writeFileSync(dump, iconv.encode(text, "gb18030"));
    const run = runImport(
      dump,
      "--date",
      "2022-09-06",
      "--page",
      "A3",
      "--section",
      "要闻",
      "--photos",
      "caiyuan.jpg,shaiqiu.jpg",
      "--editions",
      editions,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("(gb18030): 4 articles");
    expect(run.stdout).toContain("村里建起“共享菜园”");
    const photoNews = readFileSync(path.join(editions, "2022-09-06", "A03", "04-jinqiu-shijie.md"), "utf8");
    expect(photoNews).toContain("  - file: photos/shaiqiu.jpg\n");
    expect(photoNews).toContain("    credit: 通讯员 孙伟 摄\n");
  });

  it("says what is missing from the command line", () => {
    const run = runImport(seed, "--page", "02");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: missing --date\nusage: npm run import -- <dump> --date YYYY-MM-DD --page NN/);
  });

  it("says a page label that cannot be one with the usage, exit 1 as for any bad flag", () => {
    const run = runImport(seed, "--date", "2022-09-02", "--page", "second", "--editions", editions);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: --page: second is not a page label; .*\nusage: npm run import/);
  });

  it("exits 2, with one message naming the file and what to do, when the input is at fault", () => {
    const broken = path.join(editions, "no-headline.md");
    writeFileSync(broken, "只有正文，没有标题。\n");
    const run = runImport(broken, "--date", "2022-09-03", "--page", "01", "--section", "要闻", "--editions", editions);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      `error: ${broken}: no headline found: each article's headline must be on its own line starting with "## "`,
    ]);
    expect(run.stdout).toBe("");
    expect(existsSync(path.join(editions, "2022-09-03"))).toBe(false);
    const missing = runImport(
      path.join(editions, "nowhere.md"),
      "--date",
      "2022-09-03",
      "--page",
      "01",
      "--editions",
      editions,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nowhere.md: cannot be read (no such file); check the input's path");
  });
});
