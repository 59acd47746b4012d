import fs from "node:fs";
import { describe, expect, it } from "vitest";
import {
  insidePolygon,
  iou,
  polygonArea,
  polygonIntersectionArea,
  rectArea,
  type Point,
  type Rect,
} from "../../../../src/model/geometry.ts";
import type { LayoutBlock, PageLayout } from "../../../../src/desk/hotspots/layout.ts";
import { readPageArticles, toArticleText } from "../../../../src/desk/hotspots/page-articles.ts";
import { readPdfLayout } from "../../../../src/desk/hotspots/pdf-text.ts";
import { proposeAreas, type ArticleText } from "../../../../src/desk/hotspots/propose.ts";

const pageDir = new URL("../../../fixtures/hotspots/2022-09-02/02/", import.meta.url).pathname;
const pdf = new URL("../../../fixtures/seed/page.pdf", import.meta.url).pathname;

/**
 * Each article's true region on the seed page, found without the matcher: the page was rendered at 2× with MuPDF
 * and looked at; the printed rules cut it into one cell per article (the vertical rule at x = 638 pt, the
 * horizontal rules at y = 677 and 788 pt, the column banner's bottom at 99 pt, the footer rule at 1388 pt on the
 * 992 × 1417 pt page), and each rectangle is the extent of the ink in its cell — kicker, headline, byline, the
 * column stack with its column rules, photo and caption — checked by drawing it over the render.
 */
const truth: Record<string, Rect> = {
  "01-xingzheng-fuwu.md": [0.031, 0.08, 0.504, 0.376],
  "02-chenzhou-jiedao.md": [0.655, 0.08, 0.315, 0.367],
  "03-laojiu-xiaoqu.md": [0.03, 0.484, 0.93, 0.068], // the photo left of the headline is the article's
  "04-dancheng-yingshang.md": [0.03, 0.568, 0.597, 0.409],
  "05-kaixue-diyitian.md": [0.655, 0.568, 0.315, 0.409],
};

describe("proposeAreas on the seed page PDF", async () => {
  const layout = readPdfLayout(fs.readFileSync(pdf));
  const articles = (await readPageArticles(pageDir)).map(toArticleText);
  const proposal = proposeAreas(layout, articles);

  it("reads the page's text blocks and its three photos", () => {
    expect(layout.width / layout.height).toBeCloseTo(350 / 500, 2);
    expect(layout.blocks.filter((b) => b.kind === "figure")).toHaveLength(3);
    expect(layout.blocks.filter((b) => b.kind === "text").length).toBeGreaterThan(50);
    for (const b of layout.blocks) {
      expect(Math.min(...b.bbox)).toBeGreaterThanOrEqual(0);
      expect(b.bbox[0] + b.bbox[2]).toBeLessThanOrEqual(1);
      expect(b.bbox[1] + b.bbox[3]).toBeLessThanOrEqual(1);
    }
  });

  it.each(Object.entries(truth))("proposes %s's true region (IoU ≥ 0.8)", (id, rect) => {
    const area = proposal.articles.find((a) => a.id === id)?.area;
    expect(area).not.toBeNull();
    expect(iou(area!, rect)).toBeGreaterThanOrEqual(0.8);
    for (const v of area!) expect(Math.round(v * 1000) / 1000).toBe(v);
  });

  it.each(Object.entries(truth))("outlines %s inside its true region, overlapping no other article", (id, rect) => {
    const polygon = proposal.articles.find((a) => a.id === id)!.polygon!;
    const truthPolygon: Point[] = [
      [rect[0], rect[1]],
      [rect[0] + rect[2], rect[1]],
      [rect[0] + rect[2], rect[1] + rect[3]],
      [rect[0], rect[1] + rect[3]],
    ];
    const shared = polygonIntersectionArea(polygon, truthPolygon);
    expect(shared / (polygonArea(polygon) + rectArea(rect) - shared)).toBeGreaterThanOrEqual(0.8);
    for (const other of proposal.articles.filter((a) => a.id !== id)) {
      expect(polygonIntersectionArea(polygon, other.polygon!)).toBe(0);
    }
    for (const r of proposal.articles.find((a) => a.id === id)!.regions.filter((r) => r.line !== undefined)) {
      expect(insidePolygon(polygon, r.bbox[0] + r.bbox[2] / 2, r.bbox[1] + r.bbox[3] / 2)).toBe(true);
    }
  });

  it("finds every headline, and the photos by their captions", () => {
    for (const a of proposal.articles) expect(a.regions.some((r) => r.role === "headline")).toBe(true);
    const figureOwners = proposal.articles.filter((a) => a.regions.some((r) => r.role === "figure")).map((a) => a.id);
    expect(figureOwners).toEqual(["02-chenzhou-jiedao.md", "03-laojiu-xiaoqu.md", "05-kaixue-diyitian.md"]);
    const wrapped = proposal.articles.find((a) => a.id === "05-kaixue-diyitian.md")!;
    expect(wrapped.regions.filter((r) => r.role === "headline").map((r) => r.text)).toEqual([
      "开学第一天 我市新建改扩建学",
      "校迎新生",
    ]);
  });

  it("leaves the column banner out of both its articles and reports the page furniture", () => {
    expect(proposal.columns).toEqual([
      expect.objectContaining({
        text: "创建全国文明城市进行时",
        articleIds: ["01-xingzheng-fuwu.md", "02-chenzhou-jiedao.md"],
      }),
    ]);
    expect(proposal.warnings).toEqual([
      expect.stringContaining("2 综合 2022年9月2日 星期五"),
      expect.stringContaining("示例版面 · 据样例文本排印"),
    ]);
  });
});

/** A text block whose lines are stacked evenly in `bbox`. */
function textBlock(id: string, bbox: Rect, ...lines: string[]): LayoutBlock {
  const h = bbox[3] / lines.length;
  return {
    id,
    kind: "text",
    bbox,
    lines: lines.map((text, i) => ({ bbox: [bbox[0], bbox[1] + i * h, bbox[2], h], text })),
  };
}

describe("proposeAreas on a made-up page", () => {
  const a: ArticleText = {
    id: "a.md",
    column: "创建全国文明城市进行时",
    headline: "市行政服务中心优质服务提质增效",
    body:
      "今年以来,市行政服务中心积极响应全市创建全国文明城市号召,以“主人翁”的态度多措并举," +
      "把政务服务大厅打造成展示我市文明形象的最美名片。大厅内的电子显示屏上滚动播放着各类公益宣传标语。",
  };
  const b: ArticleText = {
    id: "b.md",
    headline: "开学第一天 我市新建改扩建学校迎新生",
    body:
      "9月1日,秋季开学第一天。与往年不同的是,市中心城区29所新建改扩建中小学及幼儿园投入使用," +
      "一所所充满现代化气息的新校园迎来新生。各班老师带领学生参观学校报告厅、图书室、阅览室。",
    captions: ["入学报到"],
  };
  const c: ArticleText = { id: "c.md", headline: "这篇文章不在版面上", body: "完全不同的另一段文字内容。" };
  const merged = textBlock(
    "t-merged",
    [0.05, 0.3, 0.9, 0.06],
    "大厅内的电子显示屏上滚动播放",
    "着各类公益宣传标语。",
    "各班老师带领学生参观学校",
    "报告厅、图书室、阅览室。",
  );
  merged.lines[0].bbox = [0.05, 0.3, 0.4, 0.015];
  merged.lines[1].bbox = [0.05, 0.315, 0.4, 0.015];
  merged.lines[2].bbox = [0.55, 0.46, 0.4, 0.015];
  merged.lines[3].bbox = [0.55, 0.475, 0.4, 0.015];
  const layout: PageLayout = {
    width: 1000,
    height: 1000,
    unit: "pt",
    blocks: [
      textBlock("t-head-a", [0.05, 0.05, 0.4, 0.04], "市行政服务中心 优质服务提质增效"),
      textBlock(
        "t-body-a",
        [0.05, 0.1, 0.4, 0.2],
        "今年以来,市行政服务中心积极响应全市",
        "创建全国文明城市号召,以“主人翁”的",
        "态度多措并举,把政务服务大厅打造成",
        "展示我市文明形象的最美名片。",
      ),
      textBlock("t-short", [0.2, 0.2, 0.02, 0.02], "市"),
      textBlock("t-head-b1", [0.55, 0.05, 0.4, 0.03], "开学第一天 我市新建改扩建学"),
      textBlock("t-head-b2", [0.65, 0.085, 0.2, 0.03], "校迎新生"),
      { id: "f-photo", kind: "figure", bbox: [0.55, 0.12, 0.4, 0.1], lines: [] },
      textBlock("t-caption", [0.7, 0.225, 0.1, 0.015], "入学报到"),
      textBlock(
        "t-body-b",
        [0.55, 0.25, 0.4, 0.2],
        "9月1日,秋季开学第一天。与往年不同的",
        "是,市中心城区29所新建改扩建中小学及",
        "幼儿园投入使用,一所所充满现代化气息",
        "的新校园迎来新生。",
      ),
      merged,
      { id: "f-banner", kind: "figure", bbox: [0.05, 0.6, 0.9, 0.05], lines: [] },
      textBlock("t-banner", [0.3, 0.61, 0.4, 0.03], "创建全国文明城市进行时"),
      textBlock("t-far", [0.05, 0.9, 0.4, 0.03], "把政务服务大厅打造成展示我市文明形象的最美名片"),
    ],
  };
  const proposal = proposeAreas(layout, [a, b, c]);
  const byId = (id: string) => proposal.articles.find((p) => p.id === id)!;
  const blocksOf = (id: string) =>
    byId(id).regions.map((r) => (r.line === undefined ? r.blockId : `${r.blockId}:${r.line}`));

  it.each([
    ["a.md", ["t-head-a", "t-body-a", "t-merged:0", "t-merged:1", "t-short"], [0.05, 0.05, 0.4, 0.28]],
    [
      "b.md",
      ["t-head-b1", "t-head-b2", "t-caption", "t-body-b", "t-merged:2", "t-merged:3", "f-photo"],
      [0.55, 0.05, 0.4, 0.44],
    ],
  ] as [string, string[], Rect][])("gives %s its blocks and their bounding box", (id, blocks, area) => {
    expect(blocksOf(id).sort()).toEqual([...blocks].sort());
    expect(byId(id).area).toEqual(area);
  });

  it("splits a block that holds two articles' lines", () => {
    expect(
      byId("a.md")
        .regions.filter((r) => r.blockId === "t-merged")
        .map((r) => r.line),
    ).toEqual([0, 1]);
    expect(
      byId("b.md")
        .regions.filter((r) => r.blockId === "t-merged")
        .map((r) => r.line),
    ).toEqual([2, 3]);
  });

  it("leaves out a chance match printed far away, and says so", () => {
    expect(proposal.unmatched).toContainEqual(expect.objectContaining({ blockId: "t-far", reason: "apart" }));
    expect(proposal.warnings).toContainEqual(expect.stringMatching(/^a\.md: left out block t-far/));
  });

  it("treats a banner shape with text on it as no photo", () => {
    expect(proposal.columns.map((col) => col.blockId)).toEqual(["t-banner"]);
    expect(proposal.unmatched).toContainEqual(expect.objectContaining({ blockId: "f-banner", reason: "background" }));
  });

  it("reports an article nothing on the page matched", () => {
    expect(byId("c.md").area).toBeNull();
    expect(proposal.warnings[0]).toBe("c.md: nothing printed on the page matched this article");
  });
});

describe("proposeAreas, line by line", () => {
  const lead: ArticleText = {
    id: "lead.md",
    headline: "“一国两制”是保持长期繁荣稳定的最佳制度",
    byline: "蒋建国",
    body:
      "坚持一国两制，保持香港澳门长期繁荣稳定，是实现中华民族伟大复兴的必然要求。" +
      "党的十九大报告站在时代和全局的高度，深刻总结了回归祖国以来取得的巨大成功。",
  };
  const side: ArticleText = {
    id: "side.md",
    headline: "法治与德治何以相得益彰",
    body:
      "坚持依法治国和以德治国相结合，是中国特色社会主义法治道路的一个鲜明特点。" +
      "二者分别用依和以，用语准确，不能换位。历史上，儒家主张以德治国，但其本质是依德治国。",
  };
  // The layout reader ran the lead's byline, printed under its headline, into the side article's column beside it.
  const layout: PageLayout = {
    width: 1000,
    height: 1000,
    unit: "pt",
    blocks: [
      textBlock("t-head", [0.05, 0.05, 0.6, 0.05], "“一国两制”是保持长期繁荣稳定的最佳制度"),
      {
        id: "t-mixed",
        kind: "text",
        bbox: [0.3, 0.11, 0.6, 0.1],
        lines: [
          { bbox: [0.3, 0.11, 0.05, 0.01], text: "蒋建国" },
          { bbox: [0.7, 0.11, 0.2, 0.01], text: "坚持依法治国和以德治国相结合，是中" },
          { bbox: [0.7, 0.122, 0.2, 0.01], text: "国特色社会主义法治道路的一个鲜明" },
          { bbox: [0.7, 0.134, 0.2, 0.01], text: "特点。二者分别用依和以，用语准确，" },
          { bbox: [0.7, 0.146, 0.2, 0.01], text: "不能换位。历史上，儒家主张以德治国，" },
          { bbox: [0.7, 0.158, 0.2, 0.01], text: "但其本质是依德治国。" },
        ],
      },
      textBlock("t-note", [0.7, 0.172, 0.2, 0.01], "（作者为中国人民大学教授）"),
      textBlock(
        "t-lead",
        [0.05, 0.13, 0.6, 0.05],
        "坚持一国两制，保持香港澳门长期繁荣稳定，是实现中华民族伟大复兴的必然要求。",
        "党的十九大报告站在时代和全局的高度，深刻总结了回归祖国以来取得的巨大成功。",
      ),
      textBlock("t-side-head", [0.92, 0.05, 0.03, 0.2], "法治与德治何以相得益彰"),
      textBlock("t-furniture", [0.05, 0.9, 0.3, 0.01], "本版编辑：张三"),
    ],
  };
  const proposal = proposeAreas(layout, [lead, side]);
  const byId = (id: string) => proposal.articles.find((p) => p.id === id)!;

  it("gives a byline run into another article's block to its own article, and areas that do not overlap", () => {
    expect(byId("lead.md").regions.map((r) => r.text)).toContain("蒋建国");
    expect(byId("side.md").regions.map((r) => r.text)).not.toContain("蒋建国");
    expect(polygonIntersectionArea(byId("lead.md").polygon!, byId("side.md").polygon!)).toBe(0);
  });

  it("keeps an author note printed under the article's last line with the article, and the page furniture out", () => {
    expect(byId("side.md").regions.map((r) => r.text)).toContain("（作者为中国人民大学教授）");
    expect(insidePolygon(byId("side.md").polygon!, 0.8, 0.177)).toBe(true);
    expect(proposal.unmatched).toContainEqual(expect.objectContaining({ blockId: "t-furniture", reason: "none" }));
    expect(insidePolygon(byId("lead.md").polygon!, 0.2, 0.905)).toBe(false);
  });
});

describe("proposeAreas with an L-shaped article", () => {
  // The lead: headline over two columns, a long first column and a short second one. The other article runs in
  // the second column from under the lead down the page: the lead's bounding box takes in its top, and is the
  // smaller of the two boxes.
  const lead: ArticleText = {
    id: "lead.md",
    headline: "全面准确贯彻一国两制方针",
    body:
      "一个制度好不好，能不能行得通、办得到、得人心，最终看实践。香港澳门回归祖国以来取得举世公认的成功。" +
      "这是包括港澳同胞在内的全国人民的共识，也是世界上所有致力于和平与发展的有识之士的共识。继续推向前进。",
  };
  const other: ArticleText = {
    id: "other.md",
    headline: "为维护海权提供有力法律支撑",
    body:
      "我国是海洋大国，海岸线漫长，管辖海域广袤，海洋资源丰富。维护国家海权、发展海洋事业是重大战略课题。" +
      "继续推向前进。完善海洋法律体系是建设海洋强国的重要保障，需要加快制定海洋基本法。",
  };
  const col = (x: number, y: number, texts: string[]) =>
    texts.map((text, i) => ({ bbox: [x, y + i * 0.012, 0.2, 0.009] as Rect, text }));
  const layout: PageLayout = {
    width: 1000,
    height: 1000,
    unit: "pt",
    blocks: [
      textBlock("t-lead-head", [0.05, 0.05, 0.45, 0.04], "全面准确贯彻一国两制方针"),
      // The layout reader's block runs on below its last line, as blocks do over a column's blank foot.
      {
        id: "t-lead-1",
        kind: "text",
        bbox: [0.05, 0.1, 0.2, 0.16],
        lines: col(0.05, 0.1, [
          "一个制度好不好，能不能行得通、",
          "办得到、得人心，最终看实践。香",
          "港澳门回归祖国以来取得举世公",
          "认的成功。这是包括港澳同胞在",
          "内的全国人民的共识，也是世界上",
          "所有致力于和平与发展的有识之",
        ]),
      },
      { id: "t-lead-2", kind: "text", bbox: [0.3, 0.1, 0.2, 0.02], lines: col(0.3, 0.1, ["士的共识。继续推向前进。"]) },
      textBlock("t-other-head", [0.3, 0.125, 0.2, 0.02], "为维护海权提供有力法律支撑"),
      {
        id: "t-other-1",
        kind: "text",
        bbox: [0.3, 0.15, 0.2, 0.04],
        lines: col(0.3, 0.15, ["我国是海洋大国，海岸线漫长，管", "辖海域广袤，海洋资源丰富。"]),
      },
      { id: "t-short", kind: "text", bbox: [0.3, 0.174, 0.2, 0.009], lines: col(0.3, 0.174, ["向前进。"]) },
      {
        id: "t-other-2",
        kind: "text",
        bbox: [0.3, 0.186, 0.2, 0.46],
        lines: col(0.3, 0.186, [
          "维护国家海权、发展海洋事业是重",
          "大战略课题。完善海洋法律体系是",
          "建设海洋强国的重要保障，需要加",
          "快制定海洋基本法。",
        ]).map((l, i) => ({ ...l, bbox: [0.3, 0.186 + i * 0.15, 0.2, 0.009] as Rect })),
      },
    ],
  };
  const proposal = proposeAreas(layout, [lead, other]);
  const byId = (id: string) => proposal.articles.find((p) => p.id === id)!;

  it("gives a line that could be either's to the article printed above and below it in its column", () => {
    expect(byId("other.md").regions.map((r) => r.blockId)).toContain("t-short");
    expect(byId("lead.md").regions.map((r) => r.blockId)).not.toContain("t-short");
  });

  it("outlines the lead as an L that leaves the other article's top out", () => {
    const l = byId("lead.md").polygon!;
    expect(l).toHaveLength(6);
    expect(insidePolygon(l, 0.4, 0.178)).toBe(false);
    expect(insidePolygon(byId("other.md").polygon!, 0.4, 0.178)).toBe(true);
    expect(polygonIntersectionArea(l, byId("other.md").polygon!)).toBe(0);
  });
});
