import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAlto, proposeAreasFromAlto } from "../../../../src/desk/hotspots/alto.ts";
import { iou, unionRect } from "../../../../src/model/geometry.ts";
import { blockText } from "../../../../src/desk/hotspots/layout.ts";

const xml = fs.readFileSync(new URL("../../../fixtures/chronam/omaha-0003.alto.xml", import.meta.url), "utf8");

describe("parseAlto on The Omaha Daily Bee, 1887-03-03, page 3", () => {
  const layout = parseAlto(xml);

  it("reads the page size, its unit and every TextBlock with its lines", () => {
    expect(layout).toMatchObject({ width: 22204, height: 28848, unit: "inch1200" });
    expect(layout.blocks).toHaveLength(8);
    expect(layout.blocks.map((b) => b.lines.length)).toEqual([2, 169, 220, 212, 217, 198, 169, 178]);
    expect(layout.blocks[0].lines[0].text).toBe("THE OMAHA DAILY");
  });

  it("gives regions in fractions of the page", () => {
    // The masthead block: HPOS 0, VPOS 0, WIDTH 22204, HEIGHT 2560 of a 22204 × 28848 page.
    expect(layout.blocks[0].bbox).toEqual([0, 0, 1, 2560 / 28848]);
    for (const rect of layout.blocks.flatMap((b) => [b.bbox, ...b.lines.map((l) => l.bbox)])) {
      expect(Math.min(...rect)).toBeGreaterThanOrEqual(0);
      expect(rect[0] + rect[2]).toBeLessThanOrEqual(1);
      expect(rect[1] + rect[3]).toBeLessThanOrEqual(1);
    }
  });

  it("marks a line that ends in a hyphen", () => {
    const lines = layout.blocks.flatMap((b) => b.lines.map((l) => l.text));
    expect(lines).toContain("LINCOLN , Neb. , March 2. ( Special Tele-");
  });

  it("finds a block's region from the block's text", () => {
    const block = layout.blocks[4];
    const proposal = proposeAreasFromAlto(xml, [{ id: "column-5", body: blockText(block) }]);
    expect(iou(proposal.articles[0].area!, block.bbox)).toBeGreaterThanOrEqual(0.95);
  });

  it("finds a story's lines inside a column from the story's text", () => {
    const block = layout.blocks[4];
    const story = block.lines.slice(60, 100);
    const proposal = proposeAreasFromAlto(xml, [{ id: "story", body: story.map((l) => l.text).join("\n") }]);
    const area = proposal.articles[0].area!;
    expect(iou(area, unionRect(story.map((l) => l.bbox))!)).toBeGreaterThanOrEqual(0.9);
    expect(area[0]).toBeGreaterThanOrEqual(block.bbox[0] - 0.001);
    expect(area[0] + area[2]).toBeLessThanOrEqual(block.bbox[0] + block.bbox[2] + 0.001);
  });

  it("rejects a file that is not ALTO", () => {
    expect(() => parseAlto("<html><body/></html>")).toThrow(/not an ALTO file/);
  });
});
