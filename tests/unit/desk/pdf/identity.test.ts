import { describe, expect, it } from "vitest";
import { pageIdentity, printedDate } from "../../../../src/desk/pdf/identity.ts";

const at = (text: string, x: number, y: number, size = 10) => ({
  text,
  size,
  box: [x, y, x + 100, y + size] as [number, number, number, number],
});

describe("a page's running head", () => {
  it("gives the date in the forms papers print it", () => {
    expect(printedDate("2018 年1 月25 日星期四")).toBe("2018-01-25");
    expect(printedDate("Vigousse vendredi 18 décembre 2015")).toBe("2015-12-18");
    expect(printedDate("Monday, March 3, 2025")).toBe("2025-03-03");
    expect(printedDate("Dienstag, 4. März 2025")).toBe("2025-03-04");
    expect(printedDate("Edition of 2024-05-06")).toBe("2024-05-06");
    expect(printedDate("31 February 2025")).toBeUndefined();
    expect(printedDate("Page 7")).toBeUndefined();
  });

  it("gives the folio and the section printed beside it, not a banner under the head", () => {
    expect(pageIdentity([at("7 理论", 890, 11, 33), at("2018 年1 月25 日星期四", 744, 30)])).toEqual({
      date: "2018-01-25",
      folio: "7",
      section: "理论",
    });
    expect(
      pageIdentity([
        at("2", 30, 24, 25),
        at("综合", 432, 36, 15),
        at("2022年9月2日 星期五", 862, 42),
        at("创建全国文明城市进行时", 339, 72, 21),
      ]),
    ).toEqual({
      date: "2022-09-02",
      folio: "2",
      section: "综合",
    });
    expect(pageIdentity([at("A3", 20, 20), at("SPORT", 300, 20)], [at("Friday, 18 December 2015", 400, 780)])).toEqual({
      date: "2015-12-18",
      folio: "A3",
      section: "SPORT",
    });
  });
});
