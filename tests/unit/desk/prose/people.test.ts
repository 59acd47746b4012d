// Newsroom people: bylines, datelines (本报讯) and photo credits taken out of the text around them.
import { describe, expect, it } from "vitest";
import { bareName, bylineLine, splitCredit, takeDateline } from "../../../../src/desk/prose/people.ts";

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
    [
      "**本报讯**(记者 韩志刚 文/图)为贯彻落实",
      { dateline: "本报讯", byline: "记者 韩志刚 文/图", text: "为贯彻落实" },
    ],
    ["本报讯（记者 张明 文/图）走进", { dateline: "本报讯", byline: "记者 张明 文/图", text: "走进" }],
    [
      "本报讯 记者 李晓 通讯员 赵磊 9月5日上午,",
      { dateline: "本报讯", byline: "记者 李晓 通讯员 赵磊", text: "9月5日上午," },
    ],
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
