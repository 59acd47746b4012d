// An edition too big for one build is refused up front, by npm run check and by the build alike: one message naming
// the edition and the limit, exit 2 — where ten pages of 999 articles passed the check and then killed the build
// with "JavaScript heap out of memory".
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runScript, tempDir } from "../helpers/build.ts";
import { limits } from "../../src/content/limits.ts";

const date = "2024-05-06";

/** An edition of `pages` pages of `articles` articles each, every body `body`. */
function edition(pages: number, articles: number, body = "简讯。"): string {
  const editions = path.join(tempDir("size"), "editions");
  for (let p = 1; p <= pages; p++) {
    const dir = path.join(editions, date, String(p).padStart(2, "0"));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "page.yml"), "section: 要闻\n");
    for (let a = 1; a <= articles; a++) {
      fs.writeFileSync(
        path.join(dir, `${String(a).padStart(3, "0")}-jianxun-${a}.md`),
        `---\nheadline: 简讯${p}-${a}\n---\n\n${body}\n`,
      );
    }
  }
  return editions;
}

/** check and build on `editions`: each must exit 2 with exactly `message` as its one error line. */
function refusedByBoth(editions: string, message: string): void {
  const out = path.join(path.dirname(editions), "site");
  for (const [script, args] of [
    ["check.ts", ["--editions", editions]],
    ["build.ts", ["--editions", editions, "--out", out, "--cache", path.join(path.dirname(editions), "cache")]],
  ] as const) {
    const result = runScript(script, [...args]);
    expect(result.code, `${script}\n${result.output}`).toBe(2);
    const errors = result.output.split("\n").filter((l) => l.startsWith("error: "));
    expect(errors, `${script}\n${result.output}`).toEqual([`error: ${message}`]);
    expect(result.output).not.toMatch(/heap out of memory|^\s+at /m);
  }
  expect(fs.existsSync(path.join(out, date))).toBe(false);
}

describe("an edition too big for one build", () => {
  it("ten pages of 999 articles: one message naming the edition, from check and build", () => {
    const editions = edition(10, 999);
    refusedByBoth(
      editions,
      `${path.join(editions, date)}: the edition has 9990 articles, over the limit of ${limits.articlesPerEdition} that one build holds in memory: split it into editions, or check for copies`,
    );
  }, 240_000);

  it("articles holding more text than a build holds: one message naming the edition and the size", () => {
    // 40 articles of a little over 1 MB each: fewer articles than any limit, more text than one build holds.
    const body = `${"社区卫生服务中心开展义诊活动，居民排队问诊。".repeat(20)}\n\n`.repeat(830);
    const editions = edition(2, 20, body);
    const mb = (40 * Buffer.byteLength(body.trim())) / 1024 / 1024;
    expect(mb).toBeGreaterThan(limits.editionTextBytes / 1024 / 1024);
    refusedByBoth(
      editions,
      `${path.join(editions, date)}: the edition's articles hold ${mb.toFixed(1)} MB of text, over the limit of ${(limits.editionTextBytes / 1024 / 1024).toFixed(1)} MB that one build holds in memory: split it into editions, or check for copies`,
    );
  }, 240_000);

  it("two pages past the articles a page may have: one message naming both", () => {
    const over = limits.articlesPerPage + 1;
    const editions = edition(2, over);
    refusedByBoth(
      editions,
      `${path.join(editions, date)}: pages 01, 02 have more than ${limits.articlesPerPage} articles each (up to ${over}), over the limit for one page: are briefs one file each?`,
    );
  }, 240_000);
});
