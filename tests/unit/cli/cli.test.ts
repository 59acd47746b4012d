// The scripts' shared helper: whole numbers and the terminal table.
import { describe, expect, it } from "vitest";
import { UsageError, wholeNumber } from "../../../src/cli/index.ts";
import { displayWidth, formatTable } from "../../../src/cli/table.ts";

describe("wholeNumber", () => {
  it("reads a whole number, or says what it expected", () => {
    expect(wholeNumber("jobs", "4")).toBe(4);
    expect(wholeNumber("jobs", undefined)).toBeUndefined();
    expect(() => wholeNumber("jobs", "0")).toThrow(new UsageError('--jobs: expected a whole number above 0, got "0"'));
    expect(wholeNumber("recent", "0", { zero: true })).toBe(0);
    expect(() => wholeNumber("recent", "2.5", { zero: true })).toThrow('--recent: expected a whole number, got "2.5"');
  });
});

describe("formatTable", () => {
  it("lines columns up with Chinese characters two columns wide", () => {
    expect(displayWidth("记者 韩志刚")).toBe(11);
    expect(
      formatTable(
        ["file", "headline"],
        [
          ["01-a.md", "行政服务"],
          ["02-bb.md", "x"],
        ],
      ),
    ).toBe(["file      headline", "--------  --------", "01-a.md   行政服务", "02-bb.md  x"].join("\n"));
    expect(formatTable(["标题", "n"], [["甲", "1"]], { rule: false })).toBe("标题  n\n甲    1");
  });
});
