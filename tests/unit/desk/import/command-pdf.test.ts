// The import command given page PDFs: one page from its PDF alone, a dump with the PDF for its areas, a folder.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../../../src/content/article-file.ts";
import { headedPage, twoArticlePage, words } from "../../../helpers/page-pdfs.ts";
import { compiledScript } from "../../../helpers/build.ts";

const root = fileURLToPath(new URL("../../../../", import.meta.url));

function runImport(...args: string[]) {
  // The compiled command, as npm run import runs it (npm test and test:unit compile first).
  const result = spawnSync(process.execPath, [...compiledScript("import.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A page with two articles side by side, a rule between them, and the editor's credit in the footer. */
const page = (left: string, right: string) =>
  twoArticlePage({ headline: left, seed: "春风化雨" }, { headline: right, seed: "秋收冬藏" });

const fields = (file: string) =>
  yaml.load(splitFrontMatter(readFileSync(file, "utf8")).yaml ?? "") as Record<string, unknown>;

describe("npm run import with page PDFs", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "banmian-pdf-import-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("takes the date, page and section a page prints in its running head when the options leave them out", () => {
    const pdf = path.join(dir, "headed.pdf");
    const bytes = headedPage("春风化雨", "春风化雨");
    writeFileSync(pdf, bytes);
    const editions = path.join(dir, "headed");
    const run = runImport(pdf, "--editions", editions);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/section «要闻» from its running head/u);
    const pageYml = path.join(editions, "2024-05-06", "05", "page.yml");
    expect(yaml.load(readFileSync(pageYml, "utf8"))).toMatchObject({ section: "要闻", pdf: "page.pdf" });
  });

  it("asks for the date and page a page PDF does not print, naming the file, and writes nothing", () => {
    const pdf = path.join(dir, "bare.pdf");
    writeFileSync(pdf, page("春风化雨", "秋收冬藏"));
    const editions = path.join(dir, "bare");
    const run = runImport(pdf, "--section", "理论", "--editions", editions);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/missing --date, --page \(.*bare\.pdf does not print its date and page number/u);
    expect(() => readdirSync(editions)).toThrow();
  });

  it("imports a page from its PDF alone: article files with outline areas, page.yml with pdf: and the editor", () => {
    const pdf = path.join(dir, "page-07.pdf");
    writeFileSync(pdf, page("春风化雨", "秋收冬藏"));
    const editions = path.join(dir, "alone");
    const run = runImport(pdf, "--date", "2018-01-10", "--page", "07", "--section", "理论", "--editions", editions);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/page PDF, zh\): 2 articles/);
    const pageDir = path.join(editions, "2018-01-10", "07");
    expect(readdirSync(pageDir).sort()).toEqual([
      "01-chunfeng-huayu.md",
      "02-qiushou-dongcang.md",
      "page.pdf",
      "page.yml",
    ]);
    expect(yaml.load(readFileSync(path.join(pageDir, "page.yml"), "utf8"))).toEqual({
      section: "理论",
      pdf: "page.pdf",
      editor: "赵六",
    });
    expect(readFileSync(path.join(pageDir, "page.pdf")).equals(readFileSync(pdf))).toBe(true);
    const first = fields(path.join(pageDir, "01-chunfeng-huayu.md"));
    expect(first.headline).toBe("春风化雨");
    expect(Array.isArray((first.area as unknown[])[0])).toBe(true);
  });

  it("with a dump, keeps the dump's fields and takes only the areas from the PDF", () => {
    const pdf = path.join(dir, "page-for-dump.pdf");
    writeFileSync(pdf, page("春风化雨", "秋收冬藏"));
    const dump = path.join(dir, "dump.md");
    writeFileSync(dump, `## 编辑定的标题\n\n${words("秋收冬藏", 100)}\n`);
    const editions = path.join(dir, "dump");
    const run = runImport(
      dump,
      "--pdf",
      pdf,
      "--date",
      "2018-01-10",
      "--page",
      "07",
      "--section",
      "理论",
      "--editions",
      editions,
    );
    expect(run.code).toBe(0);
    const article = fields(path.join(editions, "2018-01-10", "07", "01-bianji-dingde.md"));
    expect(article.headline).toBe("编辑定的标题");
    const xs = (article.area as [number, number][]).map(([x]) => x);
    // The right-hand article's area: the dump's text is printed there.
    expect(Math.min(...xs)).toBeGreaterThan(0.45);
  });

  it("imports a folder page by page, reports a page that fails and lands the others", () => {
    const folder = path.join(dir, "folder");
    mkdirSync(folder);
    writeFileSync(path.join(folder, "rmrb2018011007.pdf"), page("春风化雨", "秋收冬藏"));
    writeFileSync(path.join(folder, "rmrb2018011107.pdf"), page("夏日炎炎", "冬雪皑皑"));
    writeFileSync(path.join(folder, "rmrb2018011207.pdf"), "not a PDF at all");
    const editions = path.join(dir, "many");
    const run = runImport(folder, "--pattern", "rmrb{date}{page}.pdf", "--section", "理论", "--editions", editions);
    // The page that failed is the input's fault (not a PDF): exit 2, as for content errors.
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^ok +.*rmrb2018011007\.pdf → .*2018-01-10.07: 2 articles/m);
    expect(run.stdout).toMatch(/^ok +.*rmrb2018011107\.pdf → .*2018-01-11.07: 2 articles/m);
    expect(run.stdout).toMatch(/^FAILED +.*rmrb2018011207\.pdf: .*not a PDF/m);
    expect(run.stdout).toMatch(/2 page\(s\) imported, 1 failed/);
    expect(readdirSync(path.join(editions, "2018-01-11", "07"))).toContain("01-xiari-yanyan.md");
  });
});
