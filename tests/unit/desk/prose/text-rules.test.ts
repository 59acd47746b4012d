// The small rules the importer is built from: marks, page labels, bylines, datelines, credits, sentence ends, slugs.
import { describe, expect, it } from "vitest";
import { chineseNumber, pageLabel, takeContinuations, takeMark } from "../../../../src/desk/prose/markers.ts";
import { bareName, bylineLine, splitCredit, takeDateline } from "../../../../src/desk/prose/people.ts";
import { headlineSlug } from "../../../../src/desk/import/slug.ts";
import { displayWidth } from "../../../../src/cli/table.ts";
import { endsSentence, joinText } from "../../../../src/desk/prose/sentences.ts";

describe("page labels", () => {
  it.each([
    ["一", 1], ["十", 10], ["十二", 12], ["二十", 20], ["二十四", 24], ["一百零八", 108], ["两", 2], ["二四", undefined], ["版", undefined],
  ])("chineseNumber(%s) = %s", (numeral, number) => {
    expect(chineseNumber(numeral)).toBe(number);
  });

  it.each([
    ["一", "01"], ["三", "03"], ["十二", "12"], ["二十四", "24"], ["3", "03"], ["12", "12"], ["A3", "A03"], ["Ａ３", "A03"], ["b十", "B10"], ["0", undefined], ["甲", undefined],
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

describe("bylines", () => {
  it.each([
    ["记者 马月红 通讯员 宗贝贝", "记者 马月红 通讯员 宗贝贝"],
    ["□本报记者 张三", "本报记者 张三"],
    ["（记者 李四　文/图）", "记者 李四 文/图"],
    ["记者 刘华志/文 梁照曾/图", "记者 刘华志/文 梁照曾/图"],
    ["文/图 记者 阿依古丽·买买提", "文/图 记者 阿依古丽·买买提"],
    ["张三 李四 文/图", "张三 李四 文/图"],
    ["路面整修 记者 韩志刚 摄", undefined],
    ["陈州街道办事处", undefined],
    ["记者走进市行政服务中心", undefined],
  ])("%s", (line, byline) => {
    expect(bylineLine(line)).toBe(byline);
  });

  it("knows a bare name from a phrase", () => {
    expect(bareName("王建华")).toEqual({ name: "王建华", decorated: false });
    expect(bareName("■ 李明")).toEqual({ name: "李明", decorated: true });
    expect(bareName("便民生活圈建设")).toBeUndefined();
  });
});

describe("datelines", () => {
  it.each([
    ["**本报讯**(记者 韩志刚 文/图)为贯彻落实", { dateline: "本报讯", byline: "记者 韩志刚 文/图", text: "为贯彻落实" }],
    ["本报讯（记者 张明 文/图）走进", { dateline: "本报讯", byline: "记者 张明 文/图", text: "走进" }],
    ["本报讯 记者 李晓 通讯员 赵磊 9月5日上午,", { dateline: "本报讯", byline: "记者 李晓 通讯员 赵磊", text: "9月5日上午," }],
    ["本报讯 9月5日,全市", { dateline: "本报讯", text: "9月5日,全市" }],
    ["本报讯近日,全市", { dateline: "本报讯", text: "近日,全市" }],
    ["本报讯：近日,全市", { dateline: "本报讯", text: "近日,全市" }],
    ["新华社北京9月5日电 (记者 王峰)国务院", { dateline: "新华社北京9月5日电", byline: "记者 王峰", text: "国务院" }],
    ["本报讯 记者 张三今天上午", { dateline: "本报讯", text: "记者 张三今天上午", unclear: true }],
  ])("%s", (paragraph, expected) => {
    expect(takeDateline(paragraph)).toEqual(expected);
  });

  it.each(["本报记者从市通讯管理局获悉", "本报通讯员报道", "据了解,本报讯"])("%s is not a dateline", (paragraph) => {
    expect(takeDateline(paragraph)).toBeUndefined();
  });
});

describe("photo credits", () => {
  it.each([
    ["让群众生活更舒心更便捷。 记者 刘俊涛 摄", { caption: "让群众生活更舒心更便捷。", credit: "记者 刘俊涛 摄" }],
    ["路面整修 记者 韩志刚 摄", { caption: "路面整修", credit: "记者 韩志刚 摄" }],
    ["农户晾晒玉米。（通讯员 孙伟 摄）", { caption: "农户晾晒玉米。", credit: "通讯员 孙伟 摄" }],
    ["村民在采摘蔬菜 张三 李四 摄", { caption: "村民在采摘蔬菜", credit: "张三 李四 摄" }],
    ["路面整修", { caption: "路面整修" }],
    ["他举起相机拍摄", { caption: "他举起相机拍摄" }],
  ])("%s", (caption, expected) => {
    expect(splitCredit(caption)).toEqual(expected);
  });
});

describe("sentence ends and joins", () => {
  it.each([
    ["彰显。", true], ["上档次!我非常喜欢。”", true], ["岂可估量?", true], ["……", true], ["下功夫:", true],
    ["办事难、脸难看、事难办的问题。)", true], ["解决", false], ["同时强化背街小巷、", false], ["总抓手,", false],
    ["“最美名片”", false], ["共有企业", false], ["的问题。(记者 张三)", true], ["(完)", true],
    ["便民生活圈(以下简称“生活圈”)", false],
  ])("endsSentence(%s) = %s", (text, ends) => {
    expect(endsSentence(text)).toBe(ends);
  });

  it("joins Chinese without a space and Latin words with one", () => {
    expect(joinText("全县共有企业", "14614家")).toBe("全县共有企业14614家");
    expect(joinText("总抓手,", "把企业家")).toBe("总抓手,把企业家");
    expect(joinText("the Belt and", "Road")).toBe("the Belt and Road");
  });

  it("counts Chinese characters double for the table", () => {
    expect(displayWidth("记者 韩志刚")).toBe(11);
    expect(displayWidth("②15")).toBe(3);
  });
});

describe("slugs", () => {
  it.each([
    ["开学第一天 我市新建改扩建学校迎新生", "kaixue-diyi"],
    ["郸城县：政务服务“快”人一步", "dancheng-xian"],
    ["“创文”工作持续发力", "chuangwen-gongzuo"],
    ["绿色出行 从我做起", "lvse-chuxing"],
    ["银行网点延时服务", "yinhang-wangdian"],
    ["G20峰会开幕", "g20-fenghui"],
    ["！？", "article"],
  ])("%s → %s", (headline, slug) => {
    expect(headlineSlug(headline)).toBe(slug);
  });
});
