// Stories: parts tied by key, continuation links both ways, and the rules for parts that do not fit.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Diagnostics, formatDiagnostic } from "../../../src/content/diagnostics.ts";
import { loadEditions } from "../../../src/content/load.ts";
import { schemaCheck } from "../../../src/content/schema-check.ts";
import { zhCN } from "../../../src/locale/index.ts";
import { buildEdition } from "../../../src/model/build.ts";
import { article, writeTree } from "../../helpers/editions.ts";

function model(files: Record<string, string>) {
  const root = writeTree({
    "2024-01-02/01/page.yml": "section: 要闻\n",
    "2024-01-02/02/page.yml": "section: 综合\n",
    "2024-01-02/03/page.yml": "section: 经济\n",
    ...files,
  });
  const diagnostics = new Diagnostics();
  const [source] = loadEditions(root, diagnostics, schemaCheck);
  const edition = buildEdition(
    source,
    { locale: zhCN, timeZone: "Asia/Shanghai", allDates: ["2024-01-01", "2024-01-02"] },
    diagnostics,
  );
  const messages = diagnostics.items.map((d) => formatDiagnostic(d).replace(`${root}${path.sep}`, ""));
  return { edition, messages };
}

describe("stories", () => {
  it("links the parts both ways and orders them by the chain of pages", () => {
    const { edition, messages } = model({
      "2024-01-02/01/01-a.md": article('headline: 甲\nstory: s\ncontinued_on: "03"'),
      "2024-01-02/03/01-b.md": article('headline: 甲\nstory: s\ncontinued_from: "01"'),
    });
    expect(messages).toEqual([]);
    const [first, second] = [edition.pages[0].articles[0], edition.pages[2].articles[0]];
    expect(first.continuedOn).toEqual({ text: "下转第三版", printed: "（下转第三版）", url: "/2024-01-02/03/b/" });
    expect(second.continuedFrom).toEqual({ text: "上接第一版", printed: "（上接第一版）", url: "/2024-01-02/01/a/" });
    expect(edition.stories.map((s) => [s.key, s.url, s.parts.map((p) => p.id)])).toEqual([
      ["s", "/2024-01-02/story/s/", ["2024-01-02/01/a", "2024-01-02/03/b"]],
    ]);
  });

  it("computes navigation once: pages, articles and editions", () => {
    const { edition } = model({
      "2024-01-02/01/01-a.md": article("headline: 甲"),
      "2024-01-02/02/01-b.md": article("headline: 乙"),
    });
    expect(edition.pages[1].previous).toEqual({ url: "/2024-01-02/01/", text: "01版：要闻" });
    expect(edition.articles[0].next).toEqual({ url: "/2024-01-02/02/b/", text: "乙" });
    expect(edition.previous).toEqual({ url: "/2024-01-01/", text: "2024年1月1日 星期一" });
    expect(edition.next).toBeNull();
  });

  it.each([
    [
      "a part missing",
      { "2024-01-02/01/01-a.md": article('headline: 甲\nstory: s\ncontinued_on: "02"') },
      'error: 2024-01-02/01/01-a.md: front matter "continued_on": story "s" has a part missing: no article on page 02 has "story: s"',
    ],
    [
      "two first parts",
      {
        "2024-01-02/01/01-a.md": article("headline: 甲\nstory: s"),
        "2024-01-02/02/01-b.md": article("headline: 甲\nstory: s"),
      },
      'error: 2024-01-02/02/01-b.md: front matter "story": story "s" has two first parts',
    ],
    [
      "a cycle",
      {
        "2024-01-02/01/01-a.md": article('headline: 甲\nstory: s\ncontinued_from: "02"\ncontinued_on: "02"'),
        "2024-01-02/02/01-b.md": article('headline: 甲\nstory: s\ncontinued_from: "01"\ncontinued_on: "01"'),
      },
      'error: 2024-01-02/01/01-a.md: front matter "continued_from": story "s" goes round in a circle',
    ],
    [
      "no story key",
      { "2024-01-02/01/01-a.md": article('headline: 甲\ncontinued_on: "02"') },
      'error: 2024-01-02/01/01-a.md: front matter "story": a continued article needs a "story" key',
    ],
  ])("reports %s", (_, files, message) => {
    const { messages } = model(files as Record<string, string>);
    expect(messages).toHaveLength(1);
    expect(messages[0].startsWith(message)).toBe(true);
  });

  it("warns, and keeps the label without a link, when the other page is not in the edition", () => {
    const root = { "2024-01-02/02/01-a.md": article('headline: 甲\ncontinued_from: "05"') };
    const { edition, messages } = model(root);
    expect(messages).toEqual([
      'warning: 2024-01-02/02/01-a.md: front matter "continued_from": page 05 is not in this edition: "上接第五版" is shown without a link',
    ]);
    expect(edition.pages[1].articles[0].continuedFrom).toEqual({
      text: "上接第五版",
      printed: "（上接第五版）",
      url: null,
    });
  });
});
