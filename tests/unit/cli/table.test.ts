// The command-line table (src/cli/table.ts): a Chinese character takes two columns of a terminal.
import { describe, expect, it } from "vitest";
import { displayWidth, formatTable } from "../../../src/cli/table.ts";

describe("displayWidth", () => {
  it("counts Chinese characters double", () => {
    expect(displayWidth("记者 韩志刚")).toBe(11);
    expect(displayWidth("②15")).toBe(3);
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
