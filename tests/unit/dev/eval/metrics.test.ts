import { describe, expect, it } from "vitest";
import { bigramF1, clickAccuracy, comparable, matchArticles, titleRight } from "../../../../src/dev/eval/metrics.ts";

describe("the measures of eval:pages", () => {
  it("compares text without whitespace and punctuation", () => {
    expect(comparable("“一国两制” 是\n最佳制度。")).toBe("一国两制是最佳制度");
  });

  it("scores body text by character bigrams, counted with repeats", () => {
    expect(bigramF1("一国两制", "一国两制")).toBe(1);
    expect(bigramF1("甲乙丙", "丁戊己")).toBe(0);
    // 甲乙 乙甲 甲乙 against 甲乙: precision 1/3, recall 1.
    expect(bigramF1("甲乙甲乙", "甲乙")).toBeCloseTo(0.5, 9);
  });

  it("pairs articles one to one, best score first, and leaves a poor match unpaired", () => {
    const publisher = ["法治与德治何以相得益彰", "建设海洋强国需完善海洋法律体系"];
    const { pairs } = matchArticles(["建设海洋强国需完善海洋法律", "法治与德治何以相得", "本版编辑张三"], publisher);
    expect(pairs).toEqual([1, 0, -1]);
  });

  it("takes a title as right with or without the kicker or subtitle the publisher joins to it", () => {
    const title = "为维护海权提供有力法律支撑  建设海洋强国需完善海洋法律体系";
    expect(
      titleRight(title, { kicker: "为维护海权提供有力法律支撑", headline: "建设海洋强国需完善海洋法律体系" }),
    ).toBe(true);
    expect(titleRight(title, { headline: "建设海洋强国需完善海洋法律体系" })).toBe(false);
    expect(titleRight("一带一路", { headline: "一带一路" })).toBe(true);
  });

  it("counts a click right only inside its own article's area and no other", () => {
    const lines = [
      { text: "只在甲文中的一行", bbox: [0.1, 0.1, 0.2, 0.01] as [number, number, number, number] },
      // Its centre (0.475) is where the two areas overlap.
      { text: "只在乙文中的一行", bbox: [0.375, 0.1, 0.2, 0.01] as [number, number, number, number] },
      { text: "两篇都有的一句话", bbox: [0.1, 0.5, 0.2, 0.01] as [number, number, number, number] },
      { text: "短", bbox: [0.1, 0.6, 0.2, 0.01] as [number, number, number, number] },
    ];
    const texts = ["只在甲文中的一行。两篇都有的一句话", "只在乙文中的一行，两篇都有的一句话"];
    const result = clickAccuracy(lines, texts, [
      [0, 0, 0.5, 1],
      [0.45, 0, 0.55, 1],
    ]);
    expect(result.clicks).toBe(2);
    expect(result.right).toBe(1);
    expect(result.misses).toEqual([{ text: "只在乙文中的一行", article: 1, landedIn: [0, 1] }]);
  });
});
