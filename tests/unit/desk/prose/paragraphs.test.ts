import { describe, expect, it } from "vitest";
import { flowParagraphs, joinLines, type FlowLine } from "../../../../src/desk/prose/paragraphs.ts";

const options = { cjk: false, language: "en", indent: 0.8, shortLine: 1.5, paragraphGap: 0.5 };
/** A line of 10 pt type in a column from x to x + 100, `row` lines down from `top`. */
const at = (text: string, x: number, row: number, { width = 100, indent = 0, top = 0 } = {}): FlowLine => ({
  text,
  size: 10,
  box: [x + indent, top + row * 12, x + width, top + row * 12 + 10],
});

describe("paragraphs as printed", () => {
  it("runs a paragraph on across a column break and joins a word broken by a hyphen", () => {
    const runs = [
      [at("The liberal and pro-", 0, 0, { indent: 10 }), at("gressive strands of", 0, 1)],
      [at("the party met today.", 120, 0, { width: 60 })],
    ];
    expect(flowParagraphs(runs, options)).toEqual([
      { kind: "paragraph", text: "The liberal and progressive strands of the party met today." },
    ]);
  });

  it("starts a paragraph at an indented first line, and after a short line ending a sentence", () => {
    const run = [
      at("First paragraph runs on", 0, 0, { indent: 10 }),
      at("and ends here.", 0, 1, { width: 50 }),
      at("Second one, not indented,", 0, 2),
      at("ends too.", 0, 3, { width: 40 }),
      at("Third, indented.", 0, 4, { indent: 10 }),
    ];
    expect(flowParagraphs([run], options).map((p) => p.text)).toEqual([
      "First paragraph runs on and ends here.",
      "Second one, not indented, ends too.",
      "Third, indented.",
    ]);
  });

  it("keeps lines set in beside a picture or a drop cap in their sentence", () => {
    const run = [
      at("Beside the picture the", 0, 0, { indent: 30 }),
      at("lines are all set in", 0, 1, { indent: 30 }),
      at("until it ends and they", 0, 2, { indent: 30 }),
      at("run the full width again.", 0, 3),
    ];
    expect(flowParagraphs([run], options)).toHaveLength(1);
  });

  it("ends a paragraph at a subhead", () => {
    const run = [
      at("Text before.", 0, 0, { width: 40 }),
      { ...at("A subhead", 0, 1), subhead: true },
      at("Text after.", 0, 2),
    ];
    expect(flowParagraphs([run], options).map((p) => p.kind)).toEqual(["paragraph", "subhead", "paragraph"]);
  });

  it("reads a display line set into a sentence after that sentence's paragraph", () => {
    const run = [
      at("The text runs on into the", 0, 0, { indent: 10 }),
      { ...at("A LINE SET LARGE", 0, 1), subhead: true },
      at("quote and then ends.", 0, 2, { width: 60 }),
      at("Another paragraph.", 0, 3, { indent: 10 }),
    ];
    expect(flowParagraphs([run], options)).toEqual([
      { kind: "paragraph", text: "The text runs on into the quote and then ends." },
      { kind: "subhead", text: "A LINE SET LARGE" },
      { kind: "paragraph", text: "Another paragraph." },
    ]);
  });

  it("joins Chinese lines without a space and removes soft hyphens", () => {
    expect(joinLines("党的十九大报告对社会主义现代化强国作出这", "样的描述", { cjk: true, language: "zh" })).toBe(
      "党的十九大报告对社会主义现代化强国作出这样的描述",
    );
    expect(joinLines("a hy\u00ad", "phen", options)).toBe("a hyphen");
  });
});
