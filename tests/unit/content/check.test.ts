// Front matter an earlier build found valid is remembered by its text: a warm read gives the same editions
// without the schemas, a changed or new file asks for them, and what fails is never remembered.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NotRemembered, RememberedChecks, type FrontMatterCheck } from "../../../src/content/check.ts";
import { Diagnostics } from "../../../src/content/diagnostics.ts";
import { loadEditions } from "../../../src/content/load.ts";
import { schemaCheck } from "../../../src/content/schema-check.ts";
import { readContent } from "../../../src/pipeline/prepare.ts";
import { repo, tempDir } from "../../helpers/build.ts";
import { article, writeTree } from "../../helpers/editions.ts";

/** The schemas, counting how often they are asked. */
function counting(): FrontMatterCheck & { calls: number } {
  const counted: FrontMatterCheck & { calls: number } = {
    calls: 0,
    check: (kind, text, file, diagnostics, lineOffset) => (
      counted.calls++, schemaCheck.check(kind, text, file, diagnostics, lineOffset)
    ),
  };
  return counted;
}

const files = {
  "2024-03-01/edition.yml": "issue: 101\n",
  "2024-03-01/01/page.yml": "section: 要闻\n",
  "2024-03-01/01/01-a.md": article(
    "headline: 甲\narea: [0.1, 0.1, 0.5, 0.4]\ncorrection:\n  time: 2024-03-01 09:30\n  text: 更正",
  ),
  "2024-03-01/01/02-b.md": article("headline: 乙\ncontinued_on: 2"),
  "2024-03-01/02/page.yml": "section: 综合\n",
  "2024-03-01/02/01-b-cont.md": article('headline: 乙（续）\ncontinued_from: "01"'),
};

/** An archive read once with the schemas, its checks saved in a new cache folder. */
function checkedOnce(): { root: string; cache: string } {
  const root = writeTree(files);
  const cache = tempDir("checks");
  const first = new RememberedChecks(cache);
  first.fallback = schemaCheck;
  loadEditions(root, new Diagnostics(), first);
  first.save();
  return { root, cache };
}

describe("RememberedChecks", () => {
  it("reads unchanged editions again without the schemas, to the same sources", () => {
    const root = writeTree(files);
    const cache = tempDir("checks");
    const first = new RememberedChecks(cache);
    const schemas = counting();
    first.fallback = schemas;
    const checked = loadEditions(root, new Diagnostics(), first);
    first.save();
    expect(schemas.calls).toBe(6);
    expect(fs.readdirSync(path.join(cache, "content"))).toEqual(["2024-03-01.json"]);

    // No fallback: anything not remembered would throw.
    const again = loadEditions(root, new Diagnostics(), new RememberedChecks(cache));
    expect(again).toEqual(checked);
    expect(again[0].pages[0].articles[0].fields.area).toEqual([0.1, 0.1, 0.5, 0.4]);
    expect(again[0].pages[1].articles[0].fields.continued_from).toBe("01");
  });

  it("asks for the schemas when a file changes or is new", () => {
    const { root, cache } = checkedOnce();
    fs.writeFileSync(path.join(root, "2024-03-01/01/02-b.md"), article("headline: 乙改\ncontinued_on: 2"));
    expect(() => loadEditions(root, new Diagnostics(), new RememberedChecks(cache))).toThrow(NotRemembered);
  });

  it("forgets the old text of an edited file once the edition is read again", () => {
    const { root, cache } = checkedOnce();
    const file = path.join(cache, "content", "2024-03-01.json");
    const count = () => Object.keys(JSON.parse(fs.readFileSync(file, "utf8")).entries).length;
    expect(count()).toBe(6);
    fs.writeFileSync(path.join(root, "2024-03-01/01/02-b.md"), article("headline: 乙改\ncontinued_on: 2"));
    const checks = new RememberedChecks(cache);
    checks.fallback = schemaCheck;
    loadEditions(root, new Diagnostics(), checks);
    checks.save();
    expect(count()).toBe(6);
    expect(() => loadEditions(root, new Diagnostics(), new RememberedChecks(cache))).not.toThrow();
  });

  it("never remembers front matter that fails: each build reports it again", () => {
    const root = writeTree({ ...files, "2024-03-01/01/03-c.md": article("headlin: 丙") });
    const cache = tempDir("checks");
    for (let build = 0; build < 2; build++) {
      const checks = new RememberedChecks(cache);
      checks.fallback = schemaCheck;
      const diagnostics = new Diagnostics();
      loadEditions(root, diagnostics, checks);
      checks.save();
      expect(diagnostics.errors.map((d) => d.field)).toEqual(["headlin"]);
    }
  });

  it("forgets everything when the schemas' code changes (another version in the file)", () => {
    const { root, cache } = checkedOnce();
    const file = path.join(cache, "content", "2024-03-01.json");
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, "utf8")), version: "older" }));
    expect(() => loadEditions(root, new Diagnostics(), new RememberedChecks(cache))).toThrow(NotRemembered);
  });
});

describe("readContent with a cache", () => {
  it("gives the same content warm as cold, and the same warnings", async () => {
    const root = writeTree({
      ...files,
      "2024-03-01/03/page.yml": "section: 文体\n",
      "2024-03-01/03/01-d.md": article("headline: 丁", ""),
    });
    const options = {
      editionsDir: root,
      siteFile: path.join(repo, "_data/site.json"),
      outDir: "",
      cacheDir: tempDir("checks"),
    };
    const cold = new Diagnostics();
    const first = await readContent(options, cold);
    const warm = new Diagnostics();
    const second = await readContent(options, warm);
    expect(second).toEqual(first);
    expect(warm.items).toEqual(cold.items);
    expect(cold.warnings.length).toBeGreaterThan(0);
    expect(fs.readdirSync(path.join(options.cacheDir, "content")).sort()).toEqual(["2024-03-01.json", "settings.json"]);
  });
});
