// Template filters take the settings as plain values; the offline manifest lists what an edition needs.
import { describe, expect, it } from "vitest";
import { filtersPlugin } from "../../../src/render/filters.ts";

function filters(options = { root: "https://epaper.example.cn/epaper/", timeZone: "Asia/Shanghai" }) {
  const found: Record<string, (...args: any[]) => unknown> = {};
  filtersPlugin(
    {
      addFilter: (name: string, fn: (...args: any[]) => unknown) => {
        found[name] = fn;
      },
    },
    options,
  );
  return found;
}

describe("filters", () => {
  it("makes site-relative URLs absolute under the path prefix", () => {
    expect(filters().absolute("/2022-09-02/02/")).toBe("https://epaper.example.cn/epaper/2022-09-02/02/");
  });
  it("gives an edition's date as midnight in the paper's time zone, in UTC as Atom writes it", () => {
    expect(filters().editionTimestamp("2022-09-02")).toBe("2022-09-01T16:00:00Z");
    expect(filters({ root: "/", timeZone: "America/New_York" }).editionTimestamp("2022-09-02")).toBe(
      "2022-09-02T04:00:00Z",
    );
    expect(filters({ root: "/", timeZone: "America/New_York" }).editionTimestamp("2022-12-02")).toBe(
      "2022-12-02T05:00:00Z",
    );
  });
  it("writes polygon points in a 0–1000 box and JSON safe inside a script element", () => {
    expect(
      filters().points([
        [0, 0],
        [0.5, 0.25],
        [0.12345, 1],
      ]),
    ).toBe("0,0 500,250 123.5,1000");
    expect(filters().json({ a: "</script>" })).toBe('{"a":"\\u003c/script>"}');
  });
});
