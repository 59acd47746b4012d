// The command-line table's column widths: a Chinese character takes two columns of a terminal.
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../../src/cli/table.ts";

describe("displayWidth", () => {
  it("counts Chinese characters double", () => {
    expect(displayWidth("记者 韩志刚")).toBe(11);
    expect(displayWidth("②15")).toBe(3);
  });
});
