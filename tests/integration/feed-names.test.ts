// A column (栏目) name too long for a file name: the check refuses it in an edition's files (corpus case 78), but an
// edition published before that limit still names it in its summary, which every later build reads for the column
// feeds. The feed is written under a bounded name (cut, with a hash of the whole name); the build no longer stops
// with "Having trouble writing to …feed-topic.njk".
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { buildFixture, repo, tempDir } from "../helpers/build.ts";
import { copyTree } from "../helpers/tree.ts";

it("an older edition's 90-character column gets a column feed under a file name of at most 120 bytes", () => {
  const work = tempDir("feed-names");
  const editions = path.join(work, "editions");
  copyTree(path.join(repo, "tests/bad-input/base/editions"), editions);
  const out = path.join(work, "site");
  const first = buildFixture(editions, { out, cache: path.join(work, "cache") });
  expect(first.result.code, first.result.output).toBe(0);

  // As a build before the name limit wrote it: the summary of 2024-05-06 with a column of 90 characters.
  const column = "新时代文明实践中心志愿服务".repeat(7).slice(0, 90);
  expect(Array.from(column)).toHaveLength(90);
  const summaryFile = path.join(out, "2024-05-06", "edition.json");
  const summary = JSON.parse(fs.readFileSync(summaryFile, "utf8"));
  summary.articles[0].column = column;
  fs.writeFileSync(summaryFile, JSON.stringify(summary));

  copyTree(path.join(editions, "2024-05-06"), path.join(editions, "2024-05-07"));
  const next = buildFixture(editions, { out, cache: path.join(work, "cache"), args: ["--date", "2024-05-07"] });
  expect(next.result.code, next.result.output).toBe(0);
  const feeds = fs.readdirSync(path.join(out, "feeds", "column"));
  expect(feeds).toHaveLength(1);
  expect(feeds[0]).toMatch(/^新时代文明实践中心志愿服务.*-[0-9a-f]{8}\.xml$/);
  expect(Buffer.byteLength(feeds[0])).toBeLessThanOrEqual(124);
  const feed = fs.readFileSync(path.join(out, "feeds", "column", feeds[0]), "utf8");
  // The feed's title keeps the whole name.
  expect(feed).toContain(`<title>示例日报 · 栏目：${column}</title>`);
});
