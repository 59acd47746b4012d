import { describe, expect, it } from "vitest";
import {
  insideArea,
  insidePolygon,
  joinRings,
  polygonArea,
  polygonIntersectionArea,
  polygonProblem,
  rectsOutline,
  sharedArea,
  traceCells,
  type Point,
} from "../../../src/model/geometry.ts";

const square = (x: number, y: number, s: number): Point[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
];
const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 9);

describe("polygonIntersectionArea", () => {
  it.each([
    ["two squares a quarter over each other", square(0, 0, 2), square(1, 1, 2), 1],
    ["a square inside another", square(0, 0, 4), square(1, 1, 1), 1],
    ["squares side by side", square(0, 0, 1), square(1, 0, 1), 0],
    [
      "a triangle and the square it halves",
      [
        [0, 0],
        [2, 0],
        [0, 2],
      ] as Point[],
      square(0, 0, 2),
      2,
    ],
    [
      "two crossing triangles",
      [
        [0, 0],
        [2, 0],
        [1, 2],
      ] as Point[],
      [
        [0, 2],
        [2, 2],
        [1, 0],
      ] as Point[],
      1,
    ],
  ])("measures %s", (_, a, b, expected) => {
    close(polygonIntersectionArea(a, b), expected);
    close(polygonIntersectionArea(b, a), expected);
  });

  it("measures an L against the rectangle in its notch as nothing, where bounding boxes would say a quarter", () => {
    const l: Point[] = [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
    ];
    close(polygonIntersectionArea(l, square(1, 1, 1)), 0);
    close(sharedArea(l, [1, 1, 1, 1]), 0);
    close(sharedArea(l, [0.5, 0.5, 1, 1]), 0.75);
  });
});

describe("traceCells and joinRings", () => {
  it("traces an L of cells with its six corners, clockwise on screen", () => {
    // ##
    // #.
    const rings = traceCells([1, 1, 1, 0], 2, 2);
    expect(rings).toHaveLength(1);
    expect(rings[0]).toHaveLength(6);
    close(polygonArea(rings[0]), 3);
  });

  it("gives cells that touch only at a corner a ring each", () => {
    const rings = traceCells([1, 0, 0, 1], 2, 2);
    expect(rings.map((r) => r.length)).toEqual([4, 4]);
  });

  it("joins a frame's outline and its hole into one polygon whose hole stays outside", () => {
    const frame = [1, 1, 1, 1, 0, 1, 1, 1, 1];
    const rings = traceCells(frame, 3, 3);
    expect(rings).toHaveLength(2);
    const polygon = joinRings(rings);
    expect(insidePolygon(polygon, 1.5, 1.5)).toBe(false);
    expect(insidePolygon(polygon, 0.5, 1.5)).toBe(true);
    expect(insidePolygon(polygon, 2.5, 2.5)).toBe(true);
    close(polygonArea(polygon), 8);
  });
});

describe("rectsOutline", () => {
  it("outlines rectangles that touch and overlap as one shape", () => {
    const outline = rectsOutline([
      [0, 0, 3, 1],
      [0, 1, 1, 2],
      [0.5, 0.5, 0.5, 1],
    ]);
    expect(outline).toHaveLength(6);
    close(polygonArea(outline), 5);
    expect(insideArea(outline, 2, 2)).toBe(false);
    expect(insideArea([0, 0, 1, 1], 0.5, 0.5)).toBe(true);
  });
});

describe("polygonProblem", () => {
  it.each([
    ["a square", square(0.1, 0.1, 0.2), null],
    [
      "an L-shape",
      [
        [0, 0],
        [0.6, 0],
        [0.6, 0.3],
        [0.3, 0.3],
        [0.3, 0.6],
        [0, 0.6],
      ] as Point[],
      null,
    ],
    ["an outline with a slit to its hole", joinRings([square(0, 0, 0.9), square(0.3, 0.3, 0.3).reverse()]), null],
    [
      "a figure eight",
      [
        [0.1, 0.1],
        [0.5, 0.5],
        [0.5, 0.1],
        [0.1, 0.5],
      ] as Point[],
      /edge 1 crosses edge 3/,
    ],
    [
      "a point right of the page",
      [
        [0.1, 0.1],
        [1.01, 0.1],
        [0.5, 0.5],
      ] as Point[],
      /point 2 .* off the page/,
    ],
    [
      "a point above the page",
      [
        [0.1, -0.2],
        [0.9, 0.1],
        [0.5, 0.5],
      ] as Point[],
      /point 1 .* off the page/,
    ],
    [
      "two points",
      [
        [0.1, 0.1],
        [0.5, 0.5],
      ] as Point[],
      /at least 3 points, got 2/,
    ],
    [
      "points on one line",
      [
        [0.1, 0.1],
        [0.2, 0.2],
        [0.3, 0.3],
      ] as Point[],
      /no area/,
    ],
  ])("%s", (_name, polygon, expected) => {
    const problem = polygonProblem(polygon);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
