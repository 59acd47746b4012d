// The model of corrections and withdrawals: times in the paper's zone, pages modified by their articles, and
// withdrawn articles (with their story's other parts) gone from pages, lists and navigation.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Diagnostics, formatDiagnostic } from "../../../src/content/diagnostics.ts";
import { loadEditions } from "../../../src/content/load.ts";
import { schemaCheck } from "../../../src/content/schema-check.ts";
import { en, zhCN } from "../../../src/locale/index.ts";
import { buildEdition } from "../../../src/model/build.ts";
import { article, writeTree } from "../../helpers/editions.ts";

function model(files: Record<string, string>, locale = zhCN, timeZone = "Asia/Shanghai") {
  const root = writeTree({
    "2024-01-02/01/page.yml": "section: 要闻\n",
    "2024-01-02/02/page.yml": "section: 综合\n",
    ...files,
  });
  const diagnostics = new Diagnostics();
  const [source] = loadEditions(root, diagnostics, schemaCheck);
  const edition = buildEdition(source, { locale, timeZone, allDates: ["2024-01-02"] }, diagnostics);
  return { edition, messages: diagnostics.items.map((d) => formatDiagnostic(d).replace(`${root}${path.sep}`, "")) };
}

describe("corrections in the model", () => {
  it("gives each correction its time with the paper's offset and its label; the page and edition know", () => {
    const { edition, messages } = model({
      "2024-01-02/01/01-a.md": article(
        "headline: 甲\ncorrection:\n  - { time: 2024-01-02 09:30, text: 一 }\n  - { time: 2024-01-03 08:05, text: 二 }",
      ),
      "2024-01-02/02/01-b.md": article("headline: 乙"),
    });
    expect(messages).toEqual([]);
    const a = edition.pages[0].articles[0];
    expect(a.corrections).toEqual([
      { time: "2024-01-02T09:30:00+08:00", label: "2024年1月2日 09:30", text: "一" },
      { time: "2024-01-03T08:05:00+08:00", label: "2024年1月3日 08:05", text: "二" },
    ]);
    expect(a.modified).toBe("2024-01-03T08:05:00+08:00");
    expect([edition.pages[0].modified, edition.pages[1].modified]).toEqual(["2024-01-03T08:05:00+08:00", null]);
    expect(edition.corrected.map((x) => x.headline)).toEqual(["甲"]);
    expect(edition.correctionsUrl).toBe("/2024-01-02/corrections/");
  });

  it("uses the English paper's zone and words", () => {
    const { edition } = model(
      { "2024-01-02/01/01-a.md": article("headline: A\ncorrection: { time: 2024-01-02 09:30, text: Fixed }") },
      en,
      "America/New_York",
    );
    expect(edition.articles[0].corrections[0]).toMatchObject({
      time: "2024-01-02T09:30:00-05:00",
      label: "January 2, 2024, 09:30",
    });
    expect(edition.published).toBe("2024-01-02T00:00:00-05:00");
  });
});

describe("withdrawn articles in the model", () => {
  it("leaves them out of pages, lists and navigation, with their story's other parts, and keeps their addresses", () => {
    const { edition, messages } = model({
      "2024-01-02/edition.yml": 'withdrawn:\n  - { article: 01/a, time: "2024-01-02 23:10" }\n',
      "2024-01-02/01/01-a.md": article('headline: 甲\nstory: s\ncontinued_on: "02"'),
      "2024-01-02/01/02-c.md": article("headline: 丙"),
      "2024-01-02/02/01-b.md": article('headline: 甲\nstory: s\ncontinued_from: "01"'),
      "2024-01-02/02/02-d.md": article("headline: 丁"),
    });
    expect(messages).toEqual([]);
    expect(edition.articles.map((a) => a.url)).toEqual(["/2024-01-02/01/c/", "/2024-01-02/02/d/"]);
    expect(edition.stories).toEqual([]);
    expect(edition.articles[0].next).toEqual({ url: "/2024-01-02/02/d/", text: "丁" });
    expect(edition.withdrawn).toEqual([
      { url: "/2024-01-02/01/a/", time: "2024-01-02 23:10" },
      { url: "/2024-01-02/02/b/", time: "2024-01-02 23:10" },
    ]);
  });

  it("warns when a withdrawn entry names no article", () => {
    const { messages } = model({
      "2024-01-02/edition.yml": 'withdrawn:\n  - { article: 02/gone, time: "2024-01-02 23:10" }\n',
      "2024-01-02/01/01-a.md": article("headline: 甲"),
    });
    expect(messages).toEqual([
      expect.stringContaining(
        'warning: 2024-01-02/edition.yml: front matter "withdrawn": withdrawn article "02/gone" is not in this edition',
      ),
    ]);
  });
});
