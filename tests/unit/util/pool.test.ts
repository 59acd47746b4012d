// The one worker pool (src/util/pool.ts).
import { describe, expect, it } from "vitest";
import { runPool } from "../../../src/util/pool.ts";

describe("runPool", () => {
  it("works every item, never more than `size` at once, and stops when asked", async () => {
    let running = 0,
      most = 0;
    const done: number[] = [];
    await runPool([1, 2, 3, 4, 5], 2, async (n) => {
      most = Math.max(most, ++running);
      // A turn of the event loop, so the other jobs of the pool get to start while this one is running.
      await new Promise((r) => setImmediate(r));
      done.push(n);
      running--;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    const seen: number[] = [];
    await runPool(
      [1, 2, 3, 4],
      1,
      async (n) => {
        seen.push(n);
      },
      { stopped: () => seen.length >= 2 },
    );
    expect(seen).toEqual([1, 2]);
  });
});
