// A build's share of the cores: what the image stage is held to.
import os from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { coreBudget, limitCores } from "../../../src/util/cores.ts";

afterEach(() => limitCores(os.availableParallelism()));

describe("limitCores", () => {
  it("holds the build to its share", () => {
    limitCores(1);
    expect(coreBudget()).toBe(1);
  });

  it("never gives more cores than the machine has, nor fewer than one", () => {
    limitCores(os.availableParallelism() + 7);
    expect(coreBudget()).toBe(os.availableParallelism());
    limitCores(0);
    expect(coreBudget()).toBe(1);
  });
});
