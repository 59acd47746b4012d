// The site handed to Eleventy is frozen all the way down (Eleventy then neither copies it into every template's
// data nor reads it through proxies), cycles and shared objects included.
import { describe, expect, it } from "vitest";
import { deepFreeze } from "../../../src/render/eleventy.ts";

describe("deepFreeze", () => {
  it("freezes nested objects, arrays and Map values, through cycles", () => {
    const edition: any = { date: "2024-03-01", pages: [] as any[] };
    const page = { label: "01", edition, areas: [{ bounds: [0, 0, 1, 1] }] };
    edition.pages.push(page);
    const site = deepFreeze({ editions: [edition], byDate: new Map([["2024-03-01", { note: "x" }]]) });
    expect(Object.isFrozen(site.editions)).toBe(true);
    expect(Object.isFrozen(edition)).toBe(true);
    expect(Object.isFrozen(page.areas[0].bounds)).toBe(true);
    expect(Object.isFrozen(site.byDate.get("2024-03-01"))).toBe(true);
    expect(() => {
      (page as any).label = "02";
    }).toThrow(TypeError);
  });
});
