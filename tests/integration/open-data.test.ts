// The open data of real builds (sample, Chinese fixtures, the English paper under /epaper/): every IIIF manifest
// and collection passes @iiif/parser (strict upgrade without a warning, upgrade, normalize, traverse), every JSON
// file validates against the checked-in JSON Schemas with ajv, and every URL they give resolves to a file.
import fs from "node:fs";
import path from "node:path";
import { normalize, Traverse } from "@iiif/parser";
import { presentation3StrictUpgrade } from "@iiif/parser/strict";
import { upgrade } from "@iiif/parser/upgrader";
import type { Manifest } from "@iiif/presentation-3";
import { Ajv2020 } from "ajv/dist/2020.js";
import yaml from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { repo } from "../helpers/build.ts";
import { type FixtureSite, sharedFixtureSites } from "../helpers/fixture-builds.ts";

let builds: FixtureSite[] = [];

beforeAll(async () => {
  builds = await sharedFixtureSites();
});

const built = (name: string) => builds.find((b) => b.name === name)!;

function filesNamed(dir: string, test: (rel: string) => boolean): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((rel) => test(rel.split(path.sep).join("/")))
    .sort();
}

const readJson = (b: FixtureSite, rel: string) => JSON.parse(fs.readFileSync(path.join(b.site.out, rel), "utf8"));

/** The file an absolute URL of this site names (folders answer with their index.html). */
function fileOf(b: FixtureSite, url: string): string {
  expect(url.startsWith(b.root), `${url} is not under ${b.root}`).toBe(true);
  const rel = decodeURIComponent(url.slice(b.root.length).split("#")[0]);
  return path.join(b.site.out, rel, rel.endsWith("/") || rel === "" ? "index.html" : "");
}

/** Every IIIF document of a build: the manifests and the collections. */
function iiifFiles(b: FixtureSite): string[] {
  return filesNamed(
    b.site.out,
    (rel) => /^\d{4}-\d{2}-\d{2}\/manifest\.json$/.test(rel) || /^iiif\/.+\.json$/.test(rel),
  );
}

function strictWarnings(doc: unknown): string[] {
  const state = { warnings: [] as string[] };
  presentation3StrictUpgrade(structuredClone(doc) as Manifest, state);
  return state.warnings;
}

describe("IIIF Presentation 3", () => {
  it("every manifest and collection passes @iiif/parser's strict upgrade without a warning, upgrades and normalizes", () => {
    let checked = 0;
    for (const b of builds) {
      const files = iiifFiles(b);
      expect(files.length, b.name).toBeGreaterThanOrEqual(3);
      for (const rel of files) {
        const doc = readJson(b, rel);
        expect(doc["@context"], rel).toBe("http://iiif.io/api/presentation/3/context.json");
        expect(strictWarnings(doc), `${b.name} ${rel}`).toEqual([]);
        // Already Presentation 3: the upgrader leaves it as it is.
        expect(upgrade(structuredClone(doc)), rel).toEqual(doc);
        const { entities, resource } = normalize(structuredClone(doc));
        expect(resource.id, rel).toBe(doc.id);
        expect((entities as unknown as Record<string, Record<string, unknown>>)[doc.type][doc.id], rel).toBeDefined();
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it("the sample edition: a canvas on the level-0 image service, the page PDF, a range and an area per article", () => {
    const b = built("sample");
    const manifest = readJson(b, "2022-09-02/manifest.json");
    expect(manifest.label).toEqual({ "zh-CN": ["示例日报 2022年9月2日 星期五"] });
    // Midnight in Shanghai.
    expect(manifest.navDate).toBe("2022-09-01T16:00:00Z");
    expect(manifest.items).toHaveLength(1);
    const canvas = manifest.items[0];
    const painting = canvas.items[0].items[0];
    expect(painting.motivation).toBe("painting");
    const service = painting.body.service[0];
    // The very id src/images wrote into the tiles' info.json.
    const info = JSON.parse(fs.readFileSync(fileOf(b, `${service.id}/info.json`), "utf8"));
    expect(service).toEqual({ id: info.id, type: "ImageService3", profile: "level0" });
    expect([canvas.width, canvas.height]).toEqual([info.width, info.height]);
    expect(fs.existsSync(fileOf(b, painting.body.id))).toBe(true);
    expect(canvas.rendering).toEqual([
      {
        id: "https://epaper.example.cn/2022-09-02/02/2022-09-02-02.pdf",
        type: "Text",
        label: { "zh-CN": ["下载本版PDF"] },
        format: "application/pdf",
      },
    ]);
    expect(fs.existsSync(fileOf(b, canvas.rendering[0].id))).toBe(true);

    const articles = fs.readdirSync(path.join(repo, "editions/2022-09-02/02")).filter((f) => f.endsWith(".md"));
    expect(manifest.structures.map((r: { label: Record<string, string[]> }) => r.label["zh-CN"][0])).toContain(
      "扎实开展“创文”攻坚工作",
    );
    expect(manifest.structures).toHaveLength(articles.length);
    const areas = canvas.annotations[0].items;
    expect(areas).toHaveLength(articles.length);
    const area = areas.find(
      (a: { label: Record<string, string[]> }) => a.label["zh-CN"][0] === "扎实开展“创文”攻坚工作",
    );
    expect(area.motivation).toBe("linking");
    expect(area.target.source.id).toBe(canvas.id);
    // The article file's area, in fractions of the scan, becomes canvas pixels.
    const front = fs.readFileSync(path.join(repo, "editions/2022-09-02/02/02-chenzhou-jiedao.md"), "utf8");
    const [ax, ay, aw, ah] = (yaml.load(front.split("---")[1]) as { area: number[] }).area;
    const [x0, y0, x1, y1] = [
      ax * canvas.width,
      ay * canvas.height,
      (ax + aw) * canvas.width,
      (ay + ah) * canvas.height,
    ].map(Math.round);
    expect(area.target.selector.value).toBe(
      `<svg xmlns="http://www.w3.org/2000/svg"><path d="M${x0},${y0} L${x1},${y0} L${x1},${y1} L${x0},${y1} Z"/></svg>`,
    );
    expect(area.body[1]).toMatchObject({
      id: "https://epaper.example.cn/2022-09-02/02/chenzhou-jiedao/",
      type: "Text",
      format: "text/html",
    });
    expect(fs.existsSync(fileOf(b, area.body[1].id))).toBe(true);
  });

  it("a continued story gets one range over its parts' canvases, in reading order; every range and target is a canvas of the manifest", () => {
    for (const b of builds) {
      for (const rel of iiifFiles(b).filter((f) => f.endsWith("manifest.json"))) {
        const manifest = readJson(b, rel);
        const canvases = new Set<string>();
        let annotations = 0;
        new Traverse({
          canvas: [
            (c) => {
              canvases.add(c.id);
            },
          ],
          annotation: [
            () => {
              annotations++;
            },
          ],
        }).traverseManifest(structuredClone(manifest));
        expect(canvases.size, rel).toBe(manifest.items.length);
        for (const range of manifest.structures)
          for (const item of range.items) expect(canvases.has(item.id), `${rel} ${range.id}`).toBe(true);
        for (const c of manifest.items)
          for (const a of c.annotations?.[0].items ?? []) expect(a.target.source.id).toBe(c.id);
        expect(annotations, rel).toBeGreaterThan(0);
      }
    }
    const zh = readJson(built("zh fixtures"), "2024-03-01/manifest.json");
    const story = zh.structures.find(
      (r: { id: string }) => r.id === "https://epaper.example.cn/2024-03-01/story/xinqiao/range",
    );
    expect(story.label["zh-CN"][0]).toMatch(/（全文）$/);
    expect(story.items.map((i: { id: string }) => i.id)).toEqual([
      "https://epaper.example.cn/2024-03-01/01/canvas",
      "https://epaper.example.cn/2024-03-01/03/canvas",
    ]);
    const en = readJson(built("en fixtures under /epaper/"), "1920-11-15/manifest.json");
    expect(en.label).toEqual({ en: ["The Evening Example, Monday, November 15, 1920"] });
    // Midnight in New York (EST).
    expect(en.navDate).toBe("1920-11-15T05:00:00Z");
    expect(en.id).toBe("https://news.example.com/epaper/1920-11-15/manifest.json");
    expect(en.structures.at(-1).items.map((i: { id: string }) => i.id)).toEqual([
      "https://news.example.com/epaper/1920-11-15/a01/canvas",
      "https://news.example.com/epaper/1920-11-15/a04/canvas",
    ]);
  });

  it("collections: the paper's years, each year's editions with their manifests", () => {
    const b = built("zh fixtures");
    const top = readJson(b, "iiif/collection.json");
    expect(top.items).toEqual([
      { id: "https://epaper.example.cn/iiif/2024.json", type: "Collection", label: { "zh-CN": ["示例日报 2024年"] } },
    ]);
    const year = readJson(b, "iiif/2024.json");
    expect(year.items.map((m: { id: string }) => m.id)).toEqual([
      "https://epaper.example.cn/2024-03-01/manifest.json",
      "https://epaper.example.cn/2024-03-02/manifest.json",
    ]);
    for (const m of year.items) expect(fs.existsSync(fileOf(b, m.id)), m.id).toBe(true);
    expect(readJson(built("en fixtures under /epaper/"), "iiif/1920.json").items[0].navDate).toBe(
      "1920-11-15T05:00:00Z",
    );
  });

  it("page and edition views link their manifest in the head; reader pages get no new script", () => {
    const b = built("en fixtures under /epaper/");
    const type = "application/ld+json;profile=&quot;http://iiif.io/api/presentation/3/context.json&quot;";
    for (const url of ["/1920-11-15/", "/1920-11-15/a01/"]) {
      expect(b.site.read(url)).toContain(
        `<link rel="alternate" type="${type}" href="/epaper/1920-11-15/manifest.json">`,
      );
    }
    expect(b.site.read("/1920-11-15/a01/")).toContain(
      '<link rel="alternate" type="application/json" href="/epaper/1920-11-15/a01/page.json">',
    );
    expect(b.site.read("/1920-11-15/a01/")).toContain(
      '<link rel="search" type="application/opensearchdescription+xml" href="/epaper/opensearch.xml" title="The Evening Example">',
    );
    const scripts = b.site.read("/1920-11-15/a01/").match(/<script\b[^>]*>/g) ?? [];
    expect(
      scripts.every((s) => /application\/ld\+json|\/assets\//.test(s)),
      scripts.join(" "),
    ).toBe(true);
  });
});

describe("JSON layer", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  // The schemas' only format; ajv leaves formats to a plugin, and a URL is all it needs here.
  ajv.addFormat("uri", (value: string) => URL.canParse(value));
  const validators = Object.fromEntries(
    ["edition", "page", "article"].map((name) => [
      name,
      ajv.compile(JSON.parse(fs.readFileSync(path.join(repo, "docs/schemas", `${name}.json`), "utf8"))),
    ]),
  );

  it("every edition.json, page.json and article.json validates against its schema, and its paths resolve", () => {
    const counts: Record<string, number> = { edition: 0, page: 0, article: 0 };
    for (const b of builds) {
      for (const rel of filesNamed(b.site.out, (r) =>
        /^\d{4}-\d{2}-\d{2}\/(.+\/)?(edition|page|article)\.json$/.test(r),
      )) {
        const kind = path.basename(rel, ".json");
        const doc = readJson(b, rel);
        const validate = validators[kind];
        expect(validate(doc) ? [] : validate.errors, `${b.name} ${rel}`).toEqual([]);
        expect(doc.site).toBe(b.root);
        expect(doc.json, rel).toBe(`/${rel}`);
        for (const ref of [doc.url, doc.manifest, doc.edition, doc.pdf, doc.image?.iiif, doc.storyUrl].filter(
          Boolean,
        )) {
          expect(fs.existsSync(fileOf(b, `${b.root}${ref.slice(1)}`)), `${rel}: ${ref}`).toBe(true);
        }
        for (const item of [...(doc.pages ?? []), ...(doc.articles ?? [])]) {
          expect(fs.existsSync(fileOf(b, `${b.root}${item.json.slice(1)}`)), `${rel}: ${item.json}`).toBe(true);
        }
        counts[kind]++;
      }
    }
    expect(counts.edition).toBe(4);
    expect(counts.page).toBeGreaterThanOrEqual(8);
    expect(counts.article).toBeGreaterThanOrEqual(12);
  });

  it("an article's JSON has the content format's fields, the body as markdown, text and HTML, and its continuation links", () => {
    const doc = readJson(built("zh fixtures"), "2024-03-01/01/xinqiao/article.json");
    expect(doc).toMatchObject({
      version: 1,
      date: "2024-03-01",
      page: "01",
      headline: "沙河新桥今日通车",
      subtitle: "——两岸居民出行时间缩短一半",
      story: "xinqiao",
      storyUrl: "/2024-03-01/story/xinqiao/",
      continued_on: { page: "03", text: "下转第三版", url: "/2024-03-01/03/xinqiao-xu/" },
      continued_from: null,
    });
    expect(doc.body.text).toContain("正式通车，两岸居民");
    expect(doc.body.text).not.toContain("<");
    expect(doc.body.html).toContain("<p>");
    expect(doc.figures[0]).toMatchObject({ caption: "新桥夜景", credit: "记者 张伟 摄" });
    expect(fs.readFileSync(path.join(repo, "docs/schemas/article.json"), "utf8")).toBe(
      fs.readFileSync(path.join(built("zh fixtures").site.out, "schemas/article.json"), "utf8"),
    );
  });
});

describe("feeds and search description", () => {
  it("a feed per section and per column, with that section's articles only", () => {
    const b = built("zh fixtures");
    const section = b.site.read("/feeds/section/要闻.xml");
    expect(section).toContain("<title>示例日报 · 要闻版</title>");
    expect(section).toContain('<link href="https://epaper.example.cn/2024-03-01/01/xinqiao/"/>');
    expect(section).not.toContain("/2024-03-01/03/xinqiao-xu/");
    const column = built("sample").site.read("/feeds/column/创建全国文明城市进行时.xml");
    expect(column).toContain("<title>示例日报 · 栏目：创建全国文明城市进行时</title>");
    expect(column.match(/<entry>/g)).toHaveLength(2);
    expect(column).toContain('<link href="https://epaper.example.cn/2022-09-02/02/xingzheng-fuwu/"/>');
    expect(built("en fixtures under /epaper/").site.read("/feeds/section/front-page.xml")).toContain(
      '<link href="https://news.example.com/epaper/1920-11-15/a01/treaty/"/>',
    );
  });

  it("OpenSearch: the search page's URL template under the path prefix", () => {
    const xml = built("en fixtures under /epaper/").site.read("/opensearch.xml");
    expect(xml).toContain(
      '<Url type="text/html" method="get" template="https://news.example.com/epaper/search/?q={searchTerms}"/>',
    );
    // OpenSearch allows 16 characters.
    expect(xml).toContain("<ShortName>The Evening Exam</ShortName>");
    expect(xml).toContain("<Description>Search the articles of The Evening Example</Description>");
  });
});
