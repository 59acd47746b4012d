// Page names, continuation lines and dates per locale.
import { describe, expect, it } from "vitest";
import { chineseNumeral, en, getLocale, zhCN } from "../../../src/locale/index.ts";

describe("chineseNumeral", () => {
  it.each([
    [1, "一"],
    [2, "二"],
    [10, "十"],
    [11, "十一"],
    [19, "十九"],
    [20, "二十"],
    [24, "二十四"],
    [99, "九十九"],
    [100, "一百"],
    [105, "一百零五"],
    [110, "一百一十"],
    [124, "一百二十四"],
  ])("%i → %s", (n, text) => expect(chineseNumeral(n)).toBe(text));
});

describe("zh-CN", () => {
  it("names pages as printed: 第一版 … 第二十四版, and A3版 for papers in sections", () => {
    expect(zhCN.pageName({ letter: "", number: 1 })).toBe("第一版");
    expect(zhCN.pageName({ letter: "", number: 24 })).toBe("第二十四版");
    expect(zhCN.pageName({ letter: "A", number: 3 })).toBe("A3版");
  });
  it("writes continuation lines", () => {
    expect(zhCN.printed(zhCN.continuedOn({ letter: "", number: 3 }))).toBe("（下转第三版）");
    expect(zhCN.printed(zhCN.continuedFrom({ letter: "", number: 1 }))).toBe("（上接第一版）");
  });
  it("dates editions in the paper's time zone", () => {
    expect(zhCN.editionDate("2022-09-02", "Asia/Shanghai")).toBe("2022年9月2日 星期五");
    expect(zhCN.pageStripLabel("01", "要闻")).toBe("01版：要闻");
    expect(zhCN.issueNumber(12866)).toBe("总第12866期");
  });
});

describe("en", () => {
  it("writes Continued on page A4", () => {
    expect(en.printed(en.continuedOn({ letter: "A", number: 4 }))).toBe("(Continued on page A4)");
    expect(en.continuedFrom({ letter: "", number: 1 })).toBe("Continued from page 1");
    expect(en.editionDate("1920-11-15", "America/New_York")).toBe("Monday, November 15, 1920");
  });
  it("finds locales by tag and refuses unknown ones", () => {
    expect(getLocale("en-US")).toBe(en);
    expect(() => getLocale("xx")).toThrow(/unknown locale "xx"/);
  });
});
