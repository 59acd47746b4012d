import { describe, expect, it } from "vitest";
import { Groups } from "../../../src/desk/groups.ts";

describe("Groups", () => {
  it("joins chains of pairs into one group and keeps loners apart, in order of first member", () => {
    const groups = new Groups(6);
    groups.join(4, 1);
    groups.join(1, 3);
    groups.join(5, 2);
    expect(groups.members()).toEqual([[0], [1, 3, 4], [2, 5]]);
  });

  it("gives every item its own group when nothing is joined", () => {
    expect(new Groups(3).members()).toEqual([[0], [1], [2]]);
    expect(new Groups(0).members()).toEqual([]);
  });
});
