import { describe, expect, it } from "vitest";
import type { Area } from "../../../src/content/schema.ts";
import { readPageArticles } from "../../../src/desk/hotspots/page-articles.ts";
import { findAreaProblems } from "../../../src/model/area-problems.ts";

const pageDir = new URL("../../fixtures/hotspots/2022-09-02/02/", import.meta.url).pathname;
const article = (file: string, area?: Area) => ({ file, fields: area ? { area } : {} });

describe("findAreaProblems", () => {
  it("finds nothing wrong with the sample page's hand-drawn areas", async () => {
    const articles = await readPageArticles(pageDir);
    expect(articles).toHaveLength(5);
    expect(findAreaProblems(articles)).toEqual([]);
  });

  it("names an article without an area", () => {
    const problems = findAreaProblems([
      article("editions/2022-09-02/02/01-a.md", [0, 0, 0.5, 0.5]),
      article("editions/2022-09-02/02/02-b.md"),
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ kind: "missing-area", files: ["editions/2022-09-02/02/02-b.md"] }),
    ]);
    expect(problems[0].message).toMatch(/^editions\/2022-09-02\/02\/02-b\.md: no "area"/);
  });

  it.each([
    ["half of the smaller", [0, 0, 0.5, 0.5], [0.25, 0, 0.5, 0.5], 50],
    ["one inside the other", [0, 0, 1, 1], [0.2, 0.2, 0.1, 0.1], 100],
    [
      "a polygon over a rectangle",
      [
        [0, 0],
        [0.5, 0],
        [0.5, 0.5],
        [0, 0.5],
      ],
      [0.4, 0.4, 0.2, 0.2],
      25,
    ],
    [
      "an L over the column in its notch, measured exactly",
      [
        [0, 0],
        [0.7, 0],
        [0.7, 0.3],
        [0.5, 0.3],
        [0.5, 0.9],
        [0, 0.9],
      ],
      [0.4, 0.3, 0.3, 0.6],
      33,
    ],
  ] as [string, Area, Area, number][])("reports areas overlapping by %s, naming both files", (_, a, b, share) => {
    const problems = findAreaProblems([article("01-a.md", a), article("02-b.md", b)]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: "overlap", files: ["01-a.md", "02-b.md"] });
    expect(problems[0].message).toBe(`01-a.md: "area" overlaps that of 02-b.md (${share}% of the smaller one)`);
  });

  it.each([
    ["touching", [0, 0, 0.5, 0.5], [0.5, 0, 0.5, 0.5]],
    ["overlapping by 1% of the smaller", [0, 0, 0.5, 0.5], [0.495, 0, 0.5, 0.5]],
    [
      "a triangle beside a rectangle in its bounding box",
      [
        [0, 0],
        [1, 0],
        [0, 1],
      ],
      [0.6, 0.6, 0.3, 0.3],
    ],
    [
      "an L-shaped lead and the column in its notch",
      [
        [0, 0],
        [0.7, 0],
        [0.7, 0.3],
        [0.5, 0.3],
        [0.5, 0.9],
        [0, 0.9],
      ],
      [0.51, 0.31, 0.19, 0.59],
    ],
  ] as [string, Area, Area][])("lets areas %s pass", (_, a, b) => {
    expect(findAreaProblems([article("01-a.md", a), article("02-b.md", b)])).toEqual([]);
  });
});
