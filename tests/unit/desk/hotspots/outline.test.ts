import { describe, expect, it } from "vitest";
import { outlineArticles, type ArticleBoxes } from "../../../../src/desk/hotspots/outline.ts";
import { insidePolygon, polygonIntersectionArea, type Point, type Rect } from "../../../../src/model/geometry.ts";

// A made-up 1000 × 1000 pt page with 9 columns 100 pt apart (90 pt of type, 10 pt gutter) and 12 pt line pitch.
const page = { width: 1000, height: 1000 };
const column = (col: number, from: number, to: number): Rect[] => {
  const lines: Rect[] = [];
  for (let y = from; y + 9 <= to; y += 12) lines.push([10 + col * 100, y, 90, 9]);
  return lines;
};
const headline = (fromCol: number, toCol: number, y: number): Rect => [
  10 + fromCol * 100,
  y,
  (toCol - fromCol) * 100 + 90,
  30,
];
const centre = (r: Rect): [number, number] => [(r[0] + r[2] / 2) / page.width, (r[1] + r[3] / 2) / page.height];

function expectSound(articles: ArticleBoxes[], polygons: (Point[] | null)[]) {
  articles.forEach((a, i) => {
    for (const line of a.lines) {
      const [x, y] = centre(line);
      polygons.forEach((p, j) => expect(insidePolygon(p!, x, y), `line of ${i} in ${j}`).toBe(i === j));
    }
  });
  for (let i = 0; i < polygons.length; i++) {
    for (let j = i + 1; j < polygons.length; j++) expect(polygonIntersectionArea(polygons[i]!, polygons[j]!)).toBe(0);
  }
}

describe("outlineArticles", () => {
  it("draws an L: a headline over three columns, the third column taken lower down by another article", () => {
    const lead: ArticleBoxes = {
      lines: [headline(0, 2, 10), ...column(0, 50, 600), ...column(1, 50, 600), ...column(2, 50, 300)],
    };
    const other: ArticleBoxes = { lines: [[210, 310, 90, 20], ...column(2, 340, 600)] };
    const polygons = outlineArticles({ ...page, articles: [lead, other] });
    expectSound([lead, other], polygons);
    expect(polygons[0]).toHaveLength(6);
    expect(polygons[1]).toHaveLength(4);
    // The gutters between the lead's columns are its own: a click between two of its columns lands in it.
    expect(insidePolygon(polygons[0]!, 0.105, 0.3)).toBe(true);
  });

  it("draws steps: each column starts lower than the one before", () => {
    // Lines on one baseline grid, so that the three columns end on the same line.
    const stepped: ArticleBoxes = { lines: [...column(0, 100, 500), ...column(1, 196, 500), ...column(2, 304, 500)] };
    const above: ArticleBoxes = { lines: [...column(1, 10, 190), ...column(2, 10, 290)] };
    const polygons = outlineArticles({ ...page, articles: [stepped, above] });
    expectSound([stepped, above], polygons);
    expect(polygons[0]).toHaveLength(8);
    expect(polygons[1]).toHaveLength(6);
  });

  it("keeps two neighbours apart whose bounding boxes overlap (a lead around a column with a vertical headline)", () => {
    // The lead runs over columns 0–3 and, below the side article, on under it; the side article sits in column 3
    // with its headline set vertically in a narrow column of its own.
    const lead: ArticleBoxes = {
      lines: [
        headline(0, 2, 10),
        ...column(0, 50, 800),
        ...column(1, 50, 800),
        ...column(2, 50, 800),
        ...column(3, 520, 800),
      ],
    };
    const side: ArticleBoxes = {
      lines: [[310, 10, 20, 200], ...column(3, 220, 500), [335, 10, 65, 9], [335, 22, 65, 9]],
    };
    const polygons = outlineArticles({ ...page, articles: [lead, side] });
    expectSound([lead, side], polygons);
  });

  it("leaves out what belongs to no article and keeps an article printed in two pieces as one polygon", () => {
    const split: ArticleBoxes = { lines: [...column(0, 10, 200), ...column(0, 400, 600)] };
    const between: ArticleBoxes = { lines: column(0, 220, 380) };
    const banner: Rect = [10, 700, 290, 40];
    const below: ArticleBoxes = { lines: column(1, 760, 900) };
    const polygons = outlineArticles({ ...page, articles: [split, between, below], avoid: [banner] });
    expectSound([split, between, below], polygons);
    expect(insidePolygon(polygons[0]!, 0.05, 0.72)).toBe(false);
    expect(polygons[2]).toHaveLength(4);
  });

  it("covers an article's figure and gives null to an article with nothing printed", () => {
    const photo: Rect = [10, 10, 190, 150];
    const withPhoto: ArticleBoxes = { lines: [...column(0, 170, 400), ...column(1, 170, 400)], figures: [photo] };
    const polygons = outlineArticles({ ...page, articles: [withPhoto, { lines: [] }] });
    expect(insidePolygon(polygons[0]!, 0.1, 0.08)).toBe(true);
    expect(polygons[0]).toHaveLength(4);
    expect(polygons[1]).toBeNull();
  });
});
