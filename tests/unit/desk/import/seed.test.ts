// The seed page's dump, imported, must give the sample edition's page 02 that was made from it by hand.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { formatArticleFile, splitFrontMatter } from "../../../../src/content/article-file.ts";
import { decodeDump } from "../../../../src/desk/import/decode.ts";
import { importDump } from "../../../../src/desk/import/import-page.ts";
import { widenPunctuation } from "../../../../src/desk/import/punctuation.ts";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const dumpFile = path.join(root, "tests/fixtures/dumps/seed-page.md");
const pageDir = path.join(root, "editions/2022-09-02/02");
const photos = ["lumian.png", "laojiu.png", "ruxue.png"];

const sample = readdirSync(pageDir)
  .filter((name) => /^\d+-.*\.md$/.test(name))
  .sort()
  .map((name) => {
    const text = readFileSync(path.join(pageDir, name), "utf8");
    const { yaml: front, body } = splitFrontMatter(text);
    return { name, text, fields: yaml.load(front ?? "") as Record<string, unknown>, body: body.trim() };
  });

const { text: dump } = decodeDump(readFileSync(dumpFile), "seed-page.md");

/** Front matter as the importer can know it: no area (drawn on the scan later), figure files only if given. */
function comparable(fields: Record<string, unknown>, withFiles: boolean): Record<string, unknown> {
  const { area: _area, story: _story, ...rest } = fields;
  if (Array.isArray(rest.figures) && !withFiles) {
    rest.figures = rest.figures.map(({ file: _file, ...figure }: Record<string, unknown>) => figure);
  }
  return rest;
}

describe("importing the seed page", () => {
  // The sample edition was made by hand from the dump as printed, ASCII punctuation and all.
  const page = importDump(dump, { source: "seed-page.md", keepPunctuation: true });

  it("finds the sample edition's five articles in reading order", () => {
    expect(sample).toHaveLength(5);
    expect(page.articles.map((a) => a.fields.headline)).toEqual(sample.map((s) => s.fields.headline));
  });

  it.each(sample.map((s, i) => [s.name, i] as const))(
    "%s: same front matter (but area and figure files)",
    (_name, i) => {
      expect(comparable(page.articles[i].fields, false)).toEqual(comparable(sample[i].fields, false));
    },
  );

  it.each(sample.map((s, i) => [s.name, i] as const))("%s: same body text", (_name, i) => {
    expect(page.articles[i].body).toBe(sample[i].body);
  });

  it("keys the continued article's story by its file's slug", () => {
    const continued = page.articles.filter((a) => a.fields.continued_from || a.fields.continued_on);
    expect(continued.map((a) => a.fields.headline)).toEqual(["郸城县：政务服务“快”人一步 营商环境“智”在千里"]);
    expect(continued[0].fields.story).toBe(continued[0].name.replace(/^\d+-/, ""));
    expect(page.articles.filter((a) => a.fields.story)).toHaveLength(1);
  });

  it("gives the figures placeholder files and says so", () => {
    expect(page.articles.flatMap((a) => a.fields.figures ?? []).map((f) => f.file)).toEqual([
      `photos/${page.articles[1].name}-1.jpg`,
      `photos/${page.articles[2].name}-1.jpg`,
      `photos/${page.articles[4].name}-1.jpg`,
    ]);
    expect(page.warnings.map((w) => w.message).join("\n")).toMatch(/placeholder.*put the photos there/);
  });

  it("with the photos and the sample's slugs, writes the sample's files exactly (but for area)", () => {
    const slugs = sample.map((s) => s.name.replace(/^\d+-|\.md$/g, ""));
    const named = importDump(dump, { source: "seed-page.md", photos, slugs, keepPunctuation: true });
    expect(named.articles.map((a) => `${a.name}.md`)).toEqual(sample.map((s) => s.name));
    named.articles.forEach((article, i) => {
      expect(comparable(article.fields, true)).toEqual(comparable(sample[i].fields, true));
      expect(article.fields.story).toBe(sample[i].fields.story);
      expect(formatArticleFile(article.fields, article.body)).toBe(sample[i].text.replace(/^area: .*\n/m, ""));
    });
    expect(named.warnings.map((w) => w.message).join("\n")).not.toMatch(/placeholder/);
  });

  it.each([
    ["one blank line between all blocks", dump.replace(/\n{3,}/g, "\n\n")],
    ["no blank lines at all", dump.replace(/\n{2,}/g, "\n")],
  ])("reads the same articles from a dump with %s", (_layout, squeezed) => {
    const withoutLines = (articles: typeof page.articles) => articles.map(({ line: _line, ...article }) => article);
    const again = importDump(squeezed, { source: "seed-page.md", keepPunctuation: true });
    expect(withoutLines(again.articles)).toEqual(withoutLines(page.articles));
  });

  it("reads the dump the same with Windows line endings and a byte-order mark", () => {
    const windows = Buffer.from(`\uFEFF${dump.replace(/\n/g, "\r\n")}`, "utf8");
    const again = importDump(decodeDump(windows, "seed-page.md").text, {
      source: "seed-page.md",
      keepPunctuation: true,
    });
    expect(again.articles).toEqual(page.articles);
  });

  it("by default gives Chinese text full-width punctuation, and changes nothing else", () => {
    const widened = importDump(dump, { source: "seed-page.md" });
    const dancheng = widened.articles.find((a) => a.name.includes("dancheng"))!;
    expect(dancheng.body).toContain("开展减证便民行动等，该县出台“8章61条”营商环境实施意见，");
    expect(dancheng.body).not.toMatch(/\p{Script=Han}[,;:?!]/u);
    expect(widened.articles.map((a) => widenPunctuation(a.body))).toEqual(
      page.articles.map((a) => widenPunctuation(a.body)),
    );
    expect(widened.articles.map((a) => a.name)).toEqual(page.articles.map((a) => a.name));
  });
});
