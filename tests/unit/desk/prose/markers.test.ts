// Newsroom markers: printed page labels, continuation lines ("上接第一版"), editor's marks (②15).
import { describe, expect, it } from "vitest";
import { chineseNumber, pageLabel, takeContinuations, takeMark } from "../../../../src/desk/prose/markers.ts";

describe("page labels", () => {
  it.each([
    ["一", 1],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["二十四", 24],
    ["一百零八", 108],
    ["两", 2],
    ["二四", undefined],
    ["版", undefined],
  ])("chineseNumber(%s) = %s", (numeral, number) => {
    expect(chineseNumber(numeral)).toBe(number);
  });

  it.each([
    ["一", "01"],
    ["三", "03"],
    ["十二", "12"],
    ["二十四", "24"],
    ["3", "03"],
    ["12", "12"],
    ["A3", "A03"],
    ["Ａ３", "A03"],
    ["b十", "B10"],
    ["0", undefined],
    ["甲", undefined],
  ])("pageLabel(%s) = %s", (printed, label) => {
    expect(pageLabel(printed)).toBe(label);
  });
});

describe("continuation markers", () => {
  it.each([
    ["(上接第一版)针对社会资本", { text: "针对社会资本", from: "01" }],
    ["（上接第二十四版）正文", { text: "正文", from: "24" }],
    ["全力以赴。（下转第三版）", { text: "全力以赴。", on: "03" }],
    ["全力以赴。(下转A3版)", { text: "全力以赴。", on: "A03" }],
    ["(紧接A1版)正文(转第5版)", { text: "正文", from: "A01", on: "05" }],
    ["(上接第甲版)正文", { text: "(上接第甲版)正文", unreadable: "(上接第甲版)" }],
  ])("%s", (text, expected) => {
    expect(takeContinuations(text)).toEqual(expected);
  });
});

describe("editor's marks", () => {
  it.each([
    ["文明在这里彰显。②15", { text: "文明在这里彰显。", mark: "②15" }],
    ["记者 刘俊涛 摄①9", { text: "记者 刘俊涛 摄", mark: "①9" }],
    ["第⑳条 ⑳3 ", { text: "第⑳条", mark: "⑳3" }],
    ["增长②至15%。", { text: "增长②至15%。" }],
  ])("%s", (text, expected) => {
    expect(takeMark(text)).toEqual(expected);
  });
});
