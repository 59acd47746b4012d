// The scripts' shared helper (src/cli/index.ts): whole numbers from flags.
import { describe, expect, it } from "vitest";
import { UsageError, wholeNumber } from "../../../src/cli/index.ts";

describe("wholeNumber", () => {
  it("reads a whole number, or says what it expected", () => {
    expect(wholeNumber("jobs", "4")).toBe(4);
    expect(wholeNumber("jobs", undefined)).toBeUndefined();
    expect(() => wholeNumber("jobs", "0")).toThrow(new UsageError('--jobs: expected a whole number above 0, got "0"'));
    expect(wholeNumber("recent", "0", { zero: true })).toBe(0);
    expect(() => wholeNumber("recent", "2.5", { zero: true })).toThrow('--recent: expected a whole number, got "2.5"');
  });
});
