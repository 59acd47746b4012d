// The JSON layer from a small in-process model: an article's fields, body as text, continuation links and
// corrections, each record valid against the checked-in schema and linked to its neighbours.
import fs from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../../src/content/diagnostics.ts";
import { articleJson, editionJson, pageJson } from "../../../src/opendata/json.ts";
import { buildModel, readContent } from "../../../src/pipeline/prepare.ts";
import { repo } from "../../helpers/build.ts";
import { article, writeTree } from "../../helpers/editions.ts";

const site = "https://epaper.example.cn/";
const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addFormat("uri", (value: string) => URL.canParse(value));
const schema = (name: string) =>
  ajv.compile(JSON.parse(fs.readFileSync(path.join(repo, "docs/schemas", `${name}.json`), "utf8")));
const valid = (validate: ReturnType<typeof schema>, doc: unknown) => (validate(doc) ? [] : validate.errors);

async function edition() {
  const root = writeTree({
    "2024-05-06/01/page.yml": "section: 要闻\neditor: 王编\n",
    "2024-05-06/01/01-qiao.md": article(
      'column: 城市新貌\nheadline: 新桥通车\narea: [0.1, 0.1, 0.5, 0.3]\nstory: qiao\ncontinued_on: "02"\ncorrection:\n  time: 2024-05-06 09:30\n  text: 桥长应为一千二百米。',
      "第一段，\n接着写。\n\n### 小标题\n\n第二段。",
    ),
    "2024-05-06/02/page.yml": "section: 综合\n",
    "2024-05-06/02/01-qiao-xu.md": article('headline: 新桥通车（续）\nstory: qiao\ncontinued_from: "01"'),
  });
  const d = new Diagnostics();
  const content = await readContent(
    { editionsDir: root, siteFile: path.join(repo, "_data/site.json"), outDir: "", cacheDir: "" },
    d,
  );
  const [e] = buildModel(content, d);
  expect(d.errors).toEqual([]);
  return e;
}

describe("JSON layer", () => {
  it("article.json: the file's fields, the body as text with its paragraphs, continuations and the correction", async () => {
    const e = await edition();
    const doc = articleJson(e.articles[0], site);
    expect(valid(schema("article"), doc)).toEqual([]);
    expect(doc).toMatchObject({
      version: 1,
      site,
      date: "2024-05-06",
      page: "01",
      section: "要闻",
      slug: "qiao",
      column: "城市新貌",
      url: "/2024-05-06/01/qiao/",
      json: "/2024-05-06/01/qiao/article.json",
      area: [0.1, 0.1, 0.5, 0.3],
      story: "qiao",
      storyUrl: "/2024-05-06/story/qiao/",
      continued_from: null,
      continued_on: { page: "02", text: "下转第二版", url: "/2024-05-06/02/qiao-xu/" },
      correction: [{ time: "2024-05-06T09:30:00+08:00", text: "桥长应为一千二百米。" }],
      modified: "2024-05-06T09:30:00+08:00",
      previous: null,
      next: "/2024-05-06/02/qiao-xu/article.json",
    });
    expect(doc.body.text).toBe("第一段，接着写。\n\n小标题\n\n第二段。");
    expect("kicker" in doc).toBe(false);
    const second = articleJson(e.articles[1], site);
    expect(valid(schema("article"), second)).toEqual([]);
    expect(second.continued_from).toEqual({ page: "01", text: "上接第一版", url: "/2024-05-06/01/qiao/" });
    expect([second.correction, second.modified, second.area]).toEqual([[], null, null]);
  });

  it("page.json and edition.json link every record and validate", async () => {
    const e = await edition();
    const page = pageJson(e.pages[0], site);
    expect(valid(schema("page"), page)).toEqual([]);
    expect(page).toMatchObject({
      label: "01",
      sequence: 1,
      editor: "王编",
      image: null,
      pdf: null,
      previous: null,
      next: "/2024-05-06/02/page.json",
    });
    expect(page.articles).toEqual([
      {
        headline: "新桥通车",
        url: "/2024-05-06/01/qiao/",
        json: "/2024-05-06/01/qiao/article.json",
        area: [0.1, 0.1, 0.5, 0.3],
      },
    ]);
    expect(pageJson(e.pages[1], site).previous).toBe("/2024-05-06/01/page.json");
    const ed = editionJson(e, site);
    expect(valid(schema("edition"), ed)).toEqual([]);
    expect(ed.pages.map((p) => p.json)).toEqual(["/2024-05-06/01/page.json", "/2024-05-06/02/page.json"]);
    expect(ed.articles[0]).toMatchObject({
      section: "要闻",
      column: "城市新貌",
      json: "/2024-05-06/01/qiao/article.json",
      correction: "桥长应为一千二百米。",
    });
  });
});
