// ALTO OCR regions, on a small page written for the test (the real Chronicling America files are measured by
// npm run eval:alto, which reads ../shared).
import { describe, expect, it } from "vitest";
import { parseAlto, proposeAreasFromAlto } from "../../../../src/desk/hotspots/alto.ts";
import { blockText } from "../../../../src/desk/hotspots/layout.ts";
import { iou, unionRect } from "../../../../src/model/geometry.ts";
import { columnLines, makeAlto } from "../../../fixtures/alto/make-alto.ts";

const page = {
  width: 22200,
  height: 28800,
  masthead: ["THE PRAIRIE GAZETTE", "MORNING EDITION"],
  columns: [0, 1, 2, 3].map((c) => ({ lines: columnLines(c, 160) })),
};
const xml = makeAlto(page);

describe("parseAlto on a four-column front page", () => {
  const layout = parseAlto(xml);

  it("reads the page size, its unit and every TextBlock with its lines", () => {
    expect(layout).toMatchObject({ width: 22200, height: 28800, unit: "inch1200" });
    expect(layout.blocks).toHaveLength(5);
    expect(layout.blocks.map((b) => b.lines.length)).toEqual([2, 160, 160, 160, 160]);
    expect(layout.blocks[0].lines[0].text).toBe("THE PRAIRIE GAZETTE");
  });

  it("gives regions in fractions of the page", () => {
    // The masthead block: HPOS 0, VPOS 0, WIDTH 22200, HEIGHT 2000 of a 22200 × 28800 page.
    expect(layout.blocks[0].bbox).toEqual([0, 0, 1, 2000 / 28800]);
    for (const rect of layout.blocks.flatMap((b) => [b.bbox, ...b.lines.map((l) => l.bbox)])) {
      expect(Math.min(...rect)).toBeGreaterThanOrEqual(0);
      expect(rect[0] + rect[2]).toBeLessThanOrEqual(1);
      expect(rect[1] + rect[3]).toBeLessThanOrEqual(1);
    }
  });

  it("marks a line that ends in a hyphen", () => {
    const lines = layout.blocks.flatMap((b) => b.lines.map((l) => l.text));
    expect(lines).toContain(`${page.columns[1].lines[4].slice(0, -"tele-".length)}tele-`);
    expect(lines.filter((l) => l.endsWith("-")).length).toBe(4 * 18);
  });

  it("finds a block's region from the block's text", () => {
    const block = layout.blocks[3];
    const proposal = proposeAreasFromAlto(xml, [{ id: "column-3", body: blockText(block) }]);
    expect(iou(proposal.articles[0].area!, block.bbox)).toBeGreaterThanOrEqual(0.95);
  });

  it("finds a story's lines inside a column from the story's text", () => {
    const block = layout.blocks[2];
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
