// Hand fixes across a replaced page: carried when the article's text is the same, a conflict when it is not.
import { describe, expect, it } from "vitest";
import { formatArticleFile } from "../../../../src/content/article-file.ts";
import type { ArticleFields } from "../../../../src/content/schema.ts";
import { carryHandFixes } from "../../../../src/desk/hotfolder/carry.ts";
import type { ImportedArticle } from "../../../../src/desk/import/import-page.ts";

const article = (name: string, fields: ArticleFields, body: string): ImportedArticle => ({
  name,
  fields,
  body,
  line: 0,
  paragraphs: 1,
});
const file = (a: ImportedArticle, change: (f: ArticleFields) => ArticleFields = (f) => f, body = a.body) => ({
  name: `${a.name}.md`,
  text: formatArticleFile(change({ ...a.fields }), body),
});

const spring = article("01-chunfeng", { headline: "春风化雨", area: [0.1, 0.1, 0.4, 0.5] }, "春风化雨润物无声。");
const autumn = article("02-qiushou", { headline: "秋收冬藏", area: [0.5, 0.1, 0.4, 0.5] }, "秋收冬藏夏长。");

describe("carryHandFixes", () => {
  it("replaces files the last import wrote and nobody touched", () => {
    const result = carryHandFixes([spring, autumn], [file(spring), file(autumn)], [file(spring), file(autumn)]);
    expect(result.conflicts).toEqual([]);
    expect(result.removable).toEqual(["01-chunfeng.md", "02-qiushou.md"]);
    expect(result.articles).toEqual([spring, autumn]);
  });

  it("keeps a headline fixed by hand and a moved area when the text is the same, and takes the rest from the new PDF", () => {
    const moved = {
      ...autumn,
      fields: { ...autumn.fields, area: [0.52, 0.1, 0.4, 0.6] as ArticleFields["area"] },
      name: "01-qiushou",
    };
    const fixed = file(spring, (f) => ({ ...f, headline: "春风化雨（改）", area: [0.1, 0.12, 0.4, 0.5] }));
    const result = carryHandFixes(
      [moved, { ...spring, name: "02-chunfeng" }],
      [fixed, file(autumn)],
      [file(spring), file(autumn)],
    );
    expect(result.conflicts).toEqual([]);
    expect(result.kept).toEqual([{ name: "01-chunfeng.md", fields: ["headline", "area"] }]);
    const carried = result.articles.find((a) => a.name === "02-chunfeng")!;
    expect(carried.fields).toEqual({ headline: "春风化雨（改）", area: [0.1, 0.12, 0.4, 0.5] });
    // What the PDF alone says, under the carried file's name: the next replacement compares with it.
    expect(result.pure.find((a) => a.name === "02-chunfeng")!.fields.headline).toBe("春风化雨");
    expect(result.articles.find((a) => a.name === "01-qiushou")!.fields.area).toEqual([0.52, 0.1, 0.4, 0.6]);
  });

  it("keeps a body corrected by hand when the PDF's text did not change", () => {
    const fixed = file(spring, (f) => f, "春风化雨，润物无声。");
    const result = carryHandFixes([spring], [fixed], [file(spring)]);
    expect(result.articles[0].body).toBe("春风化雨，润物无声。");
    expect(result.kept[0].fields).toEqual(["body"]);
  });

  it("is a conflict when the hand-fixed article's text changed in the new PDF, or left the page", () => {
    const fixed = file(spring, (f) => ({ ...f, headline: "改过" }));
    const rewritten = { ...spring, body: "全新的文字。" };
    const changed = carryHandFixes([rewritten, autumn], [fixed, file(autumn)], [file(spring), file(autumn)]);
    expect(changed.conflicts.map((c) => c.name)).toEqual(["01-chunfeng.md"]);
    expect(changed.conflicts[0].reason).toMatch(/改过/);
    expect(carryHandFixes([autumn], [fixed, file(autumn)], [file(spring), file(autumn)]).conflicts).toHaveLength(1);
  });

  it("treats files the hot folder never wrote as the editor's: kept whole when the text matches", () => {
    const own = file(spring, (f) => ({ ...f, kicker: "编者按" }));
    const result = carryHandFixes([spring, autumn], [own], []);
    expect(result.articles[0].fields).toMatchObject({ kicker: "编者按", headline: "春风化雨" });
    expect(result.conflicts).toEqual([]);
  });

  it("is a conflict when the front matter cannot be read", () => {
    const broken = { name: "01-chunfeng.md", text: "---\nheadline: [unclosed\n---\n春风化雨润物无声。\n" };
    expect(carryHandFixes([spring], [broken], [file(spring)]).conflicts[0].reason).toMatch(/cannot be read/);
  });
});
