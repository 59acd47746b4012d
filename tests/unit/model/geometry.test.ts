import { describe, expect, it } from "vitest";
import {
  insideArea, insidePolygon, joinRings, polygonArea, polygonIntersectionArea, rectsOutline, sharedArea, traceCells,
  type Point,
} from "../../../src/model/geometry.ts";

const square = (x: number, y: number, s: number): Point[] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s]];
const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 9);

describe("polygonIntersectionArea", () => {
  it.each([
    ["two squares a quarter over each other", square(0, 0, 2), square(1, 1, 2), 1],
    ["a square inside another", square(0, 0, 4), square(1, 1, 1), 1],
    ["squares side by side", square(0, 0, 1), square(1, 0, 1), 0],
    ["a triangle and the square it halves", [[0, 0], [2, 0], [0, 2]] as Point[], square(0, 0, 2), 2],
    ["two crossing triangles", [[0, 0], [2, 0], [1, 2]] as Point[], [[0, 2], [2, 2], [1, 0]] as Point[], 1],
  ])("measures %s", (_, a, b, expected) => {
    close(polygonIntersectionArea(a, b), expected);
    close(polygonIntersectionArea(b, a), expected);
  });

  it("measures an L against the rectangle in its notch as nothing, where bounding boxes would say a quarter", () => {
    const l: Point[] = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2]];
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
    const outline = rectsOutline([[0, 0, 3, 1], [0, 1, 1, 2], [0.5, 0.5, 0.5, 1]]);
    expect(outline).toHaveLength(6);
    close(polygonArea(outline), 5);
    expect(insideArea(outline, 2, 2)).toBe(false);
    expect(insideArea([0, 0, 1, 1], 0.5, 0.5)).toBe(true);
  });
});
