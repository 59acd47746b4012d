// Reading articles from page PDFs made for the test: headlines (two-line, vertical), kickers, bylines, columns,
// an L-shaped article, a figure's caption, an author note, page furniture, and an English page.
import { describe, expect, it } from "vitest";
import { importPdf } from "../../../../src/desk/import/pdf-page.ts";
import { importPdfPage } from "../../../../src/desk/pdf/index.ts";
import type { Area } from "../../../../src/content/schema.ts";
import { areaToPolygon, insidePolygon } from "../../../../src/model/geometry.ts";
import { flow, makePdf, type TextSpec } from "./make-pdf.ts";

const W = 600;
const H = 800;
const han = (seed: string, n: number) => Array.from({ length: n }, (_, i) => seed[i % seed.length]).join("");
const sentence = (seed: string, n: number) => `${han(seed, n)}。`;
const strip = (text: string) => text.replace(/[\s\p{P}]/gu, "");

/** A page header over a rule and a footer under one, as every page prints them. */
const furniture: TextSpec[] = [
  { x: 20, y: 12, size: 9, text: "2018年1月10日 星期三" },
  { x: 500, y: 8, size: 16, text: "7 理论" },
  { x: 20, y: 785, size: 7, text: "本版编辑：李四 版式设计：王五" },
];
const furnitureRules: [number, number, number, number][] = [
  [20, 32, 580, 32],
  [20, 780, 580, 780],
];

describe("a Chinese page with a lead, a vertical headline and furniture", () => {
  const leadParagraphs = [sentence("新时代新征程", 60), sentence("坚持改革开放", 70), "（作者为某大学教授）"];
  const sideParagraphs = [sentence("法治德治相得益彰", 50), sentence("道德法律", 40)];
  const bytes = makePdf({
    width: W,
    height: H,
    texts: [
      ...furniture,
      { x: 60, y: 50, size: 14, text: "深入学习贯彻" },
      { x: 40, y: 70, size: 26, text: "新时代的历史" },
      { x: 40, y: 100, size: 26, text: "使命与担当" },
      { x: 60, y: 132, size: 13, text: "——学术研讨会述要" },
      { x: 150, y: 152, size: 10.5, text: "张 三" },
      ...flow(
        leadParagraphs,
        [
          [20, 175, 460],
          [160, 175, 460],
          [300, 175, 460],
        ],
        10,
        12,
      ),
      // Beside the lead, in a frame: a vertical headline with its author beside it, the text to its left.
      { x: 545, y: 60, size: 26, text: "法治与德治", vertical: true },
      { x: 528, y: 90, size: 9, text: "李明", vertical: true },
      ...flow(sideParagraphs, [[440, 50, 460]], 10, 8),
    ],
    rules: furnitureRules,
    frames: [[432, 44, 585, 470]],
  });
  const page = importPdfPage(bytes);

  it("finds the two articles in reading order, the lead first", () => {
    expect(page.articles.map((a) => a.headline)).toEqual(["新时代的历史使命与担当", "法治与德治"]);
  });

  it("reads kicker, two-line headline, subtitle and byline of the lead", () => {
    const [lead] = page.articles;
    expect(lead.kicker).toBe("深入学习贯彻");
    expect(lead.subtitle).toBe("——学术研讨会述要");
    expect(lead.byline).toBe("张 三");
  });

  it("joins a paragraph cut by a column break and keeps the author note last", () => {
    const [lead] = page.articles;
    expect(lead.body.split("\n\n")).toEqual(leadParagraphs);
    expect(lead.note).toBe("（作者为某大学教授）");
  });

  it("reads a vertical headline with the byline set beside it", () => {
    const side = page.articles[1];
    expect(side.byline).toBe("李明");
    expect(side.body.split("\n\n")).toEqual(sideParagraphs);
  });

  it("leaves the page furniture out of every article and takes the editor from the credits", () => {
    const all = page.articles.map((a) => [a.kicker, a.headline, a.subtitle, a.byline, a.body].join(" ")).join(" ");
    expect(all).not.toMatch(/本版编辑|版式设计|星期三|理论/u);
    expect(page.furniture.header).toEqual(expect.arrayContaining(["7 理论"]));
    expect(page.furniture.editor).toBe("李四");
  });
});

describe("an L-shaped article beside a small one", () => {
  // A: headline over three columns, text in columns 1–2 to the bottom and in column 3 down to a rule;
  // B: under the rule in column 3.
  const a = [sentence("甲乙丙丁戊己庚辛", 150), sentence("子丑寅卯", 80)];
  const b = [sentence("东南西北中", 40)];
  const bytes = makePdf({
    width: W,
    height: H,
    texts: [
      { x: 40, y: 40, size: 26, text: "拐角形状的文章标题" },
      ...flow(
        a,
        [
          [20, 90, 560],
          [200, 90, 560],
          [380, 90, 320],
        ],
        10,
        14,
      ),
      { x: 390, y: 340, size: 20, text: "短小文章" },
      ...flow(b, [[380, 380, 560]], 10, 14),
    ],
    rules: [[375, 330, 560, 330]],
  });
  const result = importPdf(bytes, { source: "l-shape.pdf" });

  it("keeps each article's text together", () => {
    expect(result.articles.map((x) => x.fields.headline)).toEqual(["拐角形状的文章标题", "短小文章"]);
    expect(strip(result.articles[0].body)).toBe(strip(a.join("")));
    expect(strip(result.articles[1].body)).toBe(strip(b.join("")));
  });

  it("draws areas that follow the L and hold every line of their own article only", () => {
    const areas = result.articles.map((x) => areaToPolygon(x.fields.area as Area));
    result.pdf.articles.forEach((article, i) => {
      for (const box of article.lines) {
        const [x, y] = [(box[0] + box[2]) / 2 / W, (box[1] + box[3]) / 2 / H];
        expect(insidePolygon(areas[i], x, y)).toBe(true);
        expect(insidePolygon(areas[1 - i], x, y)).toBe(false);
      }
    });
  });
});

describe("a figure with its caption", () => {
  const text = [sentence("春夏秋冬", 90)];
  const bytes = makePdf({
    width: W,
    height: H,
    texts: [
      { x: 40, y: 40, size: 26, text: "秋收时节" },
      ...flow(
        text,
        [
          [20, 90, 500],
          [200, 90, 500],
        ],
        10,
        14,
      ),
      { x: 380, y: 295, size: 9, text: "农民在田间收割水稻。 记者 王五 摄" },
    ],
    pictures: [[380, 90, 560, 290]],
  });
  const page = importPdfPage(bytes);

  it("gives the article the figure, its caption and the photographer's credit; the caption is not in the text", () => {
    expect(page.articles).toHaveLength(1);
    const [article] = page.articles;
    expect(article.figures).toHaveLength(1);
    expect(article.figures[0]).toMatchObject({ caption: "农民在田间收割水稻。", credit: "记者 王五 摄" });
    expect(article.body).not.toContain("收割");
  });
});

describe("an English page", () => {
  const words = (n: number) =>
    Array.from({ length: n }, (_, i) => ["city", "council", "voted", "budget", "school", "roads", "parks"][i % 7]).join(
      " ",
    );
  const bytes = makePdf({
    width: W,
    height: H,
    texts: [
      { x: 40, y: 40, size: 30, text: "Council Passes Budget" },
      { x: 40, y: 80, size: 10, text: "By Jane Smith" },
      { x: 40, y: 100, size: 10, text: "    The city council voted on Tuesday" },
      { x: 40, y: 114, size: 10, text: "to pass the budget for next year, fund-" },
      { x: 40, y: 128, size: 10, text: "ing schools and roads. " + words(2) + "." },
      { x: 40, y: 142, size: 10, text: "Continued on A4" },
    ],
  });
  const page = importPdfPage(bytes);

  it("detects the language, reads the byline without 'By' and the jump line as a continuation", () => {
    expect(page.locale).toBe("en");
    const [article] = page.articles;
    expect(article.headline).toBe("Council Passes Budget");
    expect(article.byline).toBe("Jane Smith");
    expect(article.continuedOn).toBe("A04");
    expect(article.body).toContain("next year, funding schools");
    expect(article.body).not.toContain("Continued");
  });
});

describe("an English page with a pull quote and an advertisement", () => {
  const line = (i: number) =>
    `Residents of the town met on Monday night to talk ${i % 2 ? "about" : "over"} the new bridge plan`;
  const column = (x: number, from: number, count: number): TextSpec[] =>
    Array.from({ length: count }, (_, i) => ({ x, y: from + i * 14, size: 10, text: line(i) }));
  const bytes = makePdf({
    width: W,
    height: H,
    texts: [
      { x: 20, y: 30, size: 30, text: "Town Weighs Bridge" },
      { x: 20, y: 70, size: 10, text: "By Ann Lee" },
      { x: 20, y: 86, size: 10, text: "Continued from A1" },
      ...column(20, 102, 12),
      // A pull quote inside the column, repeating the text in large type.
      { x: 30, y: 272, size: 20, text: '"We need the bridge"' },
      ...column(20, 300, 12),
      // An advertisement: large type in a box, a telephone number, no running text.
      { x: 420, y: 420, size: 28, text: "BIG SALE" },
      { x: 420, y: 460, size: 9, text: "Call 555-0100" },
    ],
    frames: [[410, 410, 580, 480]],
  });
  const page = importPdfPage(bytes);

  it("keeps the article whole, reads the jump from page A1, and leaves the advertisement out", () => {
    expect(page.articles.map((a) => a.headline)).toEqual(["Town Weighs Bridge"]);
    const [article] = page.articles;
    expect(article.byline).toBe("Ann Lee");
    expect(article.continuedFrom).toBe("A01");
    expect(article.body).not.toContain("We need the bridge");
    expect(article.body.split(/Residents/).length - 1).toBe(24);
    expect(page.warnings.join("\n")).toMatch(/BIG SALE.*advertisement/);
  });
});
