// Sentence rules: where a sentence ends, and how two lines join.
import { describe, expect, it } from "vitest";
import { endsSentence, joinText } from "../../../../src/desk/prose/sentences.ts";

describe("sentence ends and joins", () => {
  it.each([
    ["彰显。", true],
    ["上档次!我非常喜欢。”", true],
    ["岂可估量?", true],
    ["……", true],
    ["下功夫:", true],
    ["办事难、脸难看、事难办的问题。)", true],
    ["解决", false],
    ["je m’en fous !\u2009»", true],
    ["»Ja.«", true],
    ["le mot « fous »", false],
    ["同时强化背街小巷、", false],
    ["总抓手,", false],
    ["“最美名片”", false],
    ["共有企业", false],
    ["的问题。(记者 张三)", true],
    ["(完)", true],
    ["便民生活圈(以下简称“生活圈”)", false],
  ])("endsSentence(%s) = %s", (text, ends) => {
    expect(endsSentence(text)).toBe(ends);
  });

  it("joins Chinese without a space and Latin words with one", () => {
    expect(joinText("全县共有企业", "14614家")).toBe("全县共有企业14614家");
    expect(joinText("总抓手,", "把企业家")).toBe("总抓手,把企业家");
    expect(joinText("the Belt and", "Road")).toBe("the Belt and Road");
  });
});
