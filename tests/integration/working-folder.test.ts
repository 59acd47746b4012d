// Scripts started from a working folder that is not the project's (node /path/to/dist/scripts/build.js, a cron job,
// a hot folder): paths left out are the project's own, paths given are the working folder's, and a script that
// cannot do what it says refuses with a message — where a build once said "built …", exited 0 and wrote no HTML.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compiledScript, repo, tempDir } from "../helpers/build.ts";
import { copyTree } from "../helpers/tree.ts";

function runIn(cwd: string, script: string, args: string[]) {
  const result = spawnSync(process.execPath, [...compiledScript(script), ...args], {
    cwd,
    encoding: "utf8",
    timeout: 300_000,
  });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const sampleArticles = () =>
  fs
    .readdirSync(path.join(repo, "editions/2022-09-02"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md")).length;

describe("scripts run from another working folder", () => {
  it("check, with nothing given, checks the project's editions", () => {
    const elsewhere = tempDir("cwd-check");
    const result = runIn(elsewhere, "check.ts", []);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(new RegExp(`checked 1 editions, \\d+ pages, ${sampleArticles()} articles: 0 errors`));
  });

  it("check refuses, naming the folder, an editions folder given relative to the working folder that is not there", () => {
    const elsewhere = tempDir("cwd-check-missing");
    const result = runIn(elsewhere, "check.ts", ["--editions", "no-such-editions"]);
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toContain("no-such-editions");
    expect(result.output).not.toMatch(/^\s+at /m);
  });

  it("build, with paths given relative to the working folder, reads and writes there", () => {
    const work = tempDir("cwd-build");
    copyTree(path.join(repo, "tests/bad-input/base/editions"), path.join(work, "editions"));
    const result = runIn(work, "build.ts", [
      "--editions",
      "editions",
      "--out",
      "site",
      "--cache",
      "cache",
      "--site",
      path.join(repo, "_data/site.json"),
    ]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/built 1 editions, 2 pages, 3 articles/);
    expect(fs.readFileSync(path.join(work, "site/2024-05-06/01/chungeng/index.html"), "utf8")).toContain(
      "全市春耕生产有序推进",
    );
    expect(fs.existsSync(path.join(work, "cache"))).toBe(true);
  });

  it("build, with the editions and site settings left out, builds the project's editions into the folder given", () => {
    const work = tempDir("cwd-build-defaults");
    const result = runIn(work, "build.ts", ["--out", "site", "--cache", "cache"]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(new RegExp(`built 1 editions, \\d+ pages, ${sampleArticles()} articles`));
    const home = fs.readFileSync(path.join(work, "site/index.html"), "utf8");
    const settings = JSON.parse(fs.readFileSync(path.join(repo, "_data/site.json"), "utf8")) as { paper: string };
    expect(home).toContain(settings.paper);
    expect(fs.existsSync(path.join(work, "site/2022-09-02/index.html"))).toBe(true);
  });
});
