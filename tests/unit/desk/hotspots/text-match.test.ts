import { describe, expect, it } from "vitest";
import { gramSizeFor, normalizeText, TextProfile } from "../../../../src/desk/hotspots/text-match.ts";

describe("normalizeText", () => {
  it.each([
    ["“创文”工作持续发力 优质服务提质增效", "创文工作持续发力优质服务提质增效"],
    ["本报讯(记者 韩志刚 文/图)为贯彻", "本报讯记者韩志刚文图为贯彻"],
    ["摄①9", "摄19"],
    ["１３５５家", "1355家"],
    ["LINCOLN , Neb. , March 2. ( Special Tele-\ngram", "lincolnnebmarch2specialtelegram"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe("TextProfile.coverage", () => {
  const article = new TextProfile("为贯彻落实市、区“创文”工作会议精神,进一步推进全国文明城市创建工作。", 3);

  it("is 1 for a printed block wrapped anywhere", () => {
    expect(article.coverage(normalizeText("为贯彻落实市、区“创\n文”工作会议精神,进\n一步推进"))).toBe(1);
  });

  it("is low for another article's text", () => {
    expect(article.coverage(normalizeText("9月1日,秋季开学第一天。与往年不同的是"))).toBeLessThan(0.2);
  });

  it("counts a snippet shorter than a gram only where it occurs", () => {
    expect(article.coverage("精神")).toBe(1);
    expect(article.coverage("开学")).toBe(0);
  });
});

describe("gramSizeFor", () => {
  it("uses short grams for Chinese and long ones for alphabetic text", () => {
    expect(gramSizeFor(normalizeText("郸城县宁平镇李孟胡庄的李彪在温州打拼19年"))).toBe(3);
    expect(gramSizeFor(normalizeText("The Railroad Lobby Easily Defeated"))).toBe(7);
  });
});
