// One arrival's import, in-process: what is passed over (no page in its name, not a page file, the same bytes, an
// older version) and what holds a page (two folders for it), each said in the journal.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { importArrival, type ImportSettings } from "../../../../src/desk/hotfolder/import.ts";
import { Journal } from "../../../../src/desk/hotfolder/journal.ts";
import { defaultPatterns } from "../../../../src/desk/hotfolder/names.ts";
import yaml from "js-yaml";
import { headedPage, twoArticlePage } from "../../../helpers/page-pdfs.ts";

let settings: ImportSettings;
let journal: Journal;

beforeEach(() => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "banmian-desk-import-"));
  settings = {
    folder: path.join(base, "hot"),
    editionsDir: path.join(base, "editions"),
    patterns: defaultPatterns,
    section: "综合",
  };
  fs.mkdirSync(settings.folder);
  journal = new Journal(path.join(base, "state"));
});

function arrive(name: string, bytes: Uint8Array) {
  const file = path.join(settings.folder, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  const stat = fs.statSync(file);
  return importArrival(journal, { relative: name, size: stat.size, mtimeMs: stat.mtimeMs }, settings);
}
const lastLog = () => journal.data.log.at(-1)!.text;
const pdf = (variant: string) =>
  twoArticlePage({ headline: "春风化雨", seed: "春风化雨润物" }, { headline: variant, seed: `${variant}夏长` });

describe("importArrival", () => {
  it("imports a page PDF into its page folder and records it once", async () => {
    expect(await arrive("rmrb2024050101.pdf", pdf("秋收冬藏"))).toBe("imported");
    const page = journal.data.pages["2024-05-01/01"];
    expect(page.imports).toBe(1);
    expect(page.imported!.headlines).toEqual(["春风化雨", "秋收冬藏"]);
    expect(
      fs.readdirSync(path.join(settings.editionsDir, "2024-05-01", "01")).filter((n) => n.endsWith(".md")),
    ).toHaveLength(2);
    expect(journal.data.intent).toBeUndefined();
  });

  it("passes over the same bytes again, and an older version after a newer one", async () => {
    await arrive("rmrb2024050101_v2.pdf", pdf("秋收冬藏"));
    expect(await arrive("2024-05-01/01.pdf", pdf("秋收冬藏"))).toBe("skipped");
    expect(lastLog()).toMatch(/the same as page 01 of 2024-05-01 already in \(rmrb2024050101_v2\.pdf\)/);
    expect(await arrive("rmrb2024050101.pdf", pdf("江河奔流"))).toBe("skipped");
    expect(lastLog()).toMatch(
      /an older version \(1\) than page 01's import \(rmrb2024050101_v2\.pdf, version 2\); not used/,
    );
    expect(journal.data.pages["2024-05-01/01"].imports).toBe(1);
  });

  it("skips a file whose name says no page, and one that is no page file, saying why", async () => {
    expect(await arrive("front-page.pdf", pdf("秋收冬藏"))).toBe("skipped");
    expect(lastLog()).toMatch(
      /front-page\.pdf: skipped, neither its name .* nor its running head says its date and page/,
    );
    expect(await arrive("rmrb2024050101.docx", Buffer.from("x"))).toBe("skipped");
    expect(lastLog()).toMatch(/not a page PDF, text dump or scan/);
    expect(journal.data.pages).toEqual({});
  });

  it("takes the date, page and section from the running head of a PDF whose name says nothing", async () => {
    const headed = headedPage("春风化雨", "春风化雨");
    expect(await arrive("export-17.pdf", headed)).toBe("imported");
    const pageYml = path.join(settings.editionsDir, "2024-05-06", "05", "page.yml");
    // The running head's section, not the one --section gives every page.
    expect(yaml.load(fs.readFileSync(pageYml, "utf8"))).toMatchObject({ section: "要闻", pdf: "page.pdf" });
    expect(journal.data.pages["2024-05-06/05"].imported!.warnings.join("\n")).not.toMatch(/section set to/);
  });

  it("holds a page that has two folders, writing nothing", async () => {
    for (const folder of ["02", "02-zonghe"])
      fs.mkdirSync(path.join(settings.editionsDir, "2024-05-01", folder), { recursive: true });
    expect(await arrive("rmrb2024050102.pdf", pdf("秋收冬藏"))).toBe("failed");
    const problem = journal.data.pages["2024-05-01/02"].problem!;
    expect(problem.message).toMatch(/has 2 folders for page 02 \(02, 02-zonghe\).*merge or rename the folders/);
    expect(fs.readdirSync(path.join(settings.editionsDir, "2024-05-01", "02"))).toEqual([]);
  });

  it("reports a scan that cannot be read, and the pages go on", async () => {
    expect(await arrive("rmrb2024050103.jpg", Buffer.from("\xff\xd8 not really a JPEG \xff\xd9", "latin1"))).toBe(
      "failed",
    );
    expect(journal.data.pages["2024-05-01/03"].problem!.message).toMatch(
      /rmrb2024050103\.jpg cannot be read as a page scan/,
    );
    expect(await arrive("rmrb2024050101.pdf", pdf("秋收冬藏"))).toBe("imported");
  });
});
