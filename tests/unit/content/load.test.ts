// Content rules: what the loader accepts, and the message it gives for what it refuses.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Diagnostics, formatDiagnostic } from "../../../src/content/diagnostics.ts";
import { isCalendarDate, loadEditions } from "../../../src/content/load.ts";
import { schemaCheck } from "../../../src/content/schema-check.ts";
import { article, writeTree } from "../../helpers/editions.ts";

function load(files: Record<string, string>) {
  const root = writeTree(files);
  const diagnostics = new Diagnostics();
  const editions = loadEditions(root, diagnostics, schemaCheck);
  const messages = diagnostics.items.map((d) => formatDiagnostic(d).replace(`${root}${path.sep}`, ""));
  return { editions, messages };
}

const page = { "2024-01-02/01/page.yml": "section: 要闻\n" };

describe("isCalendarDate", () => {
  it("takes days that exist, leap days by the Gregorian rule, and nothing else", () => {
    for (const day of ["2024-02-29", "2000-02-29", "2023-12-31", "2024-04-30", "2016-01-01"])
      expect(isCalendarDate(day), day).toBe(true);
    for (const day of [
      "2023-02-29",
      "2100-02-29",
      "2024-04-31",
      "2024-13-01",
      "2024-00-10",
      "2024-01-00",
      "2024-1-01",
      "2024-01-01x",
    ]) {
      expect(isCalendarDate(day), day).toBe(false);
    }
  });
});

describe("loadEditions", () => {
  it("reads pages in label order and articles in reading order", () => {
    const { editions, messages } = load({
      ...page,
      "2024-01-02/A02/page.yml": "section: 城市\n",
      "2024-01-02/01/02-b.md": article("headline: 乙"),
      "2024-01-02/01/01-a.md": article("headline: 甲"),
      "2024-01-02/A02/01-c.md": article("headline: 丙"),
    });
    expect(messages).toEqual([]);
    expect(editions[0].pages.map((p) => p.label)).toEqual(["01", "A02"]);
    expect(editions[0].pages[0].articles.map((a) => a.fields.headline)).toEqual(["甲", "乙"]);
  });

  it.each([
    [
      "a typo in a key",
      "headline: 甲\nsubtilte: 乙",
      'error: 2024-01-02/01/01-a.md:3: front matter "subtilte": unknown key: did you mean "subtitle"?',
    ],
    ["a missing headline", "kicker: 甲", 'error: 2024-01-02/01/01-a.md: front matter "headline": is required'],
    [
      "a list where text belongs",
      "headline: [甲, 乙]",
      'error: 2024-01-02/01/01-a.md:2: front matter "headline": expected text, got a list',
    ],
    [
      "an area with 3 numbers",
      "headline: 甲\narea: [0.1, 0.2, 0.3]",
      'error: 2024-01-02/01/01-a.md:3: front matter "area": expected 4 numbers [x, y, width, height], got 3',
    ],
    [
      "an area off the page",
      "headline: 甲\narea: [0.8, 0.1, 0.3, 0.2]",
      'error: 2024-01-02/01/01-a.md:3: front matter "area": the area reaches outside the page: x + width and y + height must be at most 1',
    ],
    [
      "a polygon point off the page",
      "headline: 甲\narea: [[0.1, 0.1], [1.2, 0.1], [0.5, 0.5]]",
      'error: 2024-01-02/01/01-a.md:3: front matter "area[1][0]": must be between 0 and 1',
    ],
    [
      "a bad page label",
      'headline: 甲\ncontinued_on: "第三版"',
      'error: 2024-01-02/01/01-a.md:3: front matter "continued_on": expected a page label such as 01 or A03',
    ],
    [
      "invalid YAML",
      'headline: "甲',
      "error: 2024-01-02/01/01-a.md:3: invalid YAML: unexpected end of the stream within a double quoted scalar",
    ],
  ])("reports %s with file, line and field", (_, fields, message) => {
    const { messages } = load({ ...page, "2024-01-02/01/01-a.md": article(fields) });
    expect(messages).toEqual([message]);
  });

  it("accepts a polygon area and Windows line endings with a BOM", () => {
    const { editions, messages } = load({
      ...page,
      "2024-01-02/01/01-a.md": `\uFEFF${article("headline: 甲\narea: [[0.1, 0.1], [0.9, 0.1], [0.5, 0.6]]")}`.replace(
        /\n/g,
        "\r\n",
      ),
    });
    expect(messages).toEqual([]);
    expect(editions[0].pages[0].articles[0].fields.area).toEqual([
      [0.1, 0.1],
      [0.9, 0.1],
      [0.5, 0.6],
    ]);
    expect(editions[0].pages[0].articles[0].body).toBe("正文。");
  });

  it("refuses edition folders that are not real dates and duplicate page numbers", () => {
    const { messages } = load({
      ...page,
      "2024-01-02/1-yaowen/page.yml": "section: 要闻\n",
      "2023-02-30/01/page.yml": "section: 要闻\n",
    });
    expect(messages).toContain(
      'error: 2023-02-30: edition folder "2023-02-30" is not a real date (no such day in the calendar): name it YYYY-MM-DD, e.g. 2022-09-02',
    );
    expect(messages).toContain(
      'error: 2024-01-02/1-yaowen: two page folders have page number 1: "01" and "1-yaowen"; rename one',
    );
  });
});

describe("loadEditions: files that claim one address or lead elsewhere", () => {
  it("refuses two articles with one slug, naming both files", () => {
    const { messages } = load({
      ...page,
      "2024-01-02/01/02-chenzhou-jiedao.md": article("headline: 甲"),
      "2024-01-02/01/06-chenzhou-jiedao.md": article("headline: 乙"),
    });
    expect(messages).toEqual([
      'error: 2024-01-02/01/06-chenzhou-jiedao.md: two articles have the slug "chenzhou-jiedao" ("02-chenzhou-jiedao.md" and "06-chenzhou-jiedao.md"), so both would be at one address: give one another slug',
    ]);
  });

  it("refuses a folder named like an article file and a file named like a page", () => {
    const { messages } = load({
      ...page,
      "2024-01-02/01/07-folder.md/a.txt": "x",
      "2024-01-02/02": "section: 综合\n",
    });
    expect(messages).toEqual([
      'error: 2024-01-02/01/07-folder.md: "07-folder.md" is a folder, not an article file: an article is one NN-slug.md file; rename the folder or move its files out',
      'error: 2024-01-02/02: "02" is a file, not a page folder: make it a folder holding page.yml and the page\'s articles',
    ]);
  });

  it("refuses links that lead out of the edition and accepts one inside it", () => {
    const root = writeTree({ ...page, "2024-01-02/01/drafts/01-a.md": article("headline: 甲") });
    fs.symlinkSync("drafts/01-a.md", path.join(root, "2024-01-02/01/01-a.md"));
    fs.symlinkSync("/etc/hostname", path.join(root, "2024-01-02/01/02-b.md"));
    const diagnostics = new Diagnostics();
    const editions = loadEditions(root, diagnostics, schemaCheck);
    expect(diagnostics.items.map((d) => d.message)).toEqual([
      '"02-b.md" is a link to /etc/hostname, outside the edition folder: copy it in instead of linking',
    ]);
    expect(editions[0].pages[0].articles.map((a) => a.fields.headline)).toEqual(["甲"]);
  });

  it.each([
    ["an image from another site", "![x](https://example.com/x.png)", 7, "is on another site"],
    ["a protocol-relative image", "![x](//example.com/x.png)", 7, "is on another site"],
    ["a data: image", "![x](data:image/png;base64,AAAA)", 7, "an image written into the text (data:)"],
    ["a local image in the body", "![x](photos/a.png)", 7, 'pictures are listed under "figures"'],
    ["a link to a file outside", "[x](../../../secret.txt)", 7, "points to a file, outside the edition folder"],
  ])("refuses %s, with its line", (_, markdown, line, message) => {
    const { messages } = load({ ...page, "2024-01-02/01/01-a.md": article("headline: 甲", `正文。\n\n${markdown}`) });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`2024-01-02/01/01-a.md:${line}: `);
    expect(messages[0]).toContain(message);
  });

  it("keeps links to web addresses and to the site itself", () => {
    const { messages } = load({
      ...page,
      "2024-01-02/01/01-a.md": article(
        "headline: 甲",
        "[a](https://example.com/) [b](/2024-01-02/01/) [c](#x) [d](mailto:a@b.cn)",
      ),
    });
    expect(messages).toEqual([]);
  });
});

describe("loadEditions: corrections (更正)", () => {
  it("reads one correction or a list, as a list", () => {
    const one = load({
      ...page,
      "2024-01-02/01/01-a.md": article("headline: 甲\ncorrection:\n  time: 2024-01-02 09:30\n  text: 日期应为1月2日。"),
    });
    expect(one.messages).toEqual([]);
    expect(one.editions[0].pages[0].articles[0].fields.correction).toEqual([
      { time: "2024-01-02 09:30", text: "日期应为1月2日。" },
    ]);
    const two = load({
      ...page,
      "2024-01-02/01/01-a.md": article(
        'headline: 甲\ncorrection:\n  - { time: 2024-01-02 09:30, text: 一 }\n  - { time: "2024-01-02T11:00", text: 二 }',
      ),
    });
    expect(two.messages).toEqual([]);
    expect(two.editions[0].pages[0].articles[0].fields.correction!.map((c) => c.text)).toEqual(["一", "二"]);
  });

  it.each([
    [
      "a time without the hour",
      "correction:\n  time: 2024-01-02\n  text: 一",
      'front matter "correction[0].time": expected a date and time such as 2024-05-06 09:30',
    ],
    ["no text", "correction:\n  time: 2024-01-02 09:30", 'front matter "correction[0].text": is required'],
    [
      "a typo in a key",
      "correction:\n  time: 2024-01-02 09:30\n  text: 一\n  txt: 二",
      'front matter "correction[0].txt": unknown key',
    ],
    [
      "a day that does not exist",
      "correction:\n  time: 2024-02-30 09:30\n  text: 一",
      'front matter "correction[0].time": "2024-02-30 09:30" is not a real date and time',
    ],
    [
      "an hour past 23",
      "correction:\n  time: 2024-01-02 25:61\n  text: 一",
      'front matter "correction[0].time": "2024-01-02 25:61" is not a real date and time',
    ],
  ])("refuses a correction with %s", (_, fields, message) => {
    const { messages } = load({ ...page, "2024-01-02/01/01-a.md": article(`headline: 甲\n${fields}`) });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(message);
  });
});

describe("loadEditions: files with no keys", () => {
  it("says what is missing instead of dropping the page or the article", () => {
    const { messages } = load({
      "2024-01-02/01/page.yml": "# 版名待定\n",
      "2024-01-02/02/page.yml": "section: 综合\n",
      "2024-01-02/02/01-a.md": "---\n---\n\n正文。\n",
      "2024-01-02/edition.yml": "",
    });
    expect(messages).toEqual([
      'error: 2024-01-02/01/page.yml: front matter "section": is required',
      'error: 2024-01-02/02/01-a.md: front matter "headline": is required',
    ]);
  });
});
