// Checks the column-grid layout: every article gets a rectangle inside the page, none overlapping, in reading order.
import { describe, expect, it } from "vitest";
import { layoutPage, type Rect } from "../../../../src/dev/synth/layout.ts";
import { Random } from "../../../../src/dev/synth/random.ts";

const overlap = ([ax, ay, aw, ah]: Rect, [bx, by, bw, bh]: Rect) =>
  ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;

describe("layoutPage", () => {
  it.each([1, 2, 3, 5, 7, 8, 12, 20, 37, 60, 150, 400])("lays out %i articles without overlap", (count) => {
    for (let seed = 1; seed <= 20; seed++) {
      const rects = layoutPage(new Random(seed), count, { top: 0.16 });
      expect(rects).toHaveLength(count);
      // Collected first and asserted once: 400 articles make 80,000 pairs.
      const problems: string[] = [];
      for (const [i, rect] of rects.entries()) {
        const [x, y, w, h] = rect;
        if (!(x >= 0 && y >= 0.16 && w > 0 && h > 0 && x + w <= 1 && y + h <= 1))
          problems.push(`${i} outside: ${rect}`);
        if (rect.some((n) => Math.round(n * 1000) / 1000 !== n)) problems.push(`${i} not rounded: ${rect}`);
        for (let j = i + 1; j < count; j++) if (overlap(rect, rects[j])) problems.push(`${i} overlaps ${j}`);
      }
      expect(problems, `seed ${seed}`).toEqual([]);
    }
  });

  it("reads top to bottom, then left to right within a row", () => {
    const rects = layoutPage(new Random(4), 9, { top: 0.07 });
    for (let i = 1; i < rects.length; i++) {
      const [px, py] = rects[i - 1];
      const [x, y] = rects[i];
      expect(y > py || (y === py && x > px)).toBe(true);
    }
  });

  it("gives the lead story (first row) a taller block on average", () => {
    let first = 0;
    let others = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const rects = layoutPage(new Random(seed), 8, { top: 0.07 });
      first += rects[0][3];
      others += rects.at(-1)![3];
    }
    expect(first).toBeGreaterThan(others);
  });

  it("returns nothing for an empty page", () => {
    expect(layoutPage(new Random(1), 0, { top: 0.07 })).toEqual([]);
  });
});
