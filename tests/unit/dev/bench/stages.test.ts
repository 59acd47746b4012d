// The bench's stage table: stages summed over processes, the rest of their wall time as start-up, shares of the total.
import { describe, expect, it } from "vitest";
import { stageTable, stageTableRows } from "../../../../src/dev/bench/stages.ts";

describe("stageTable", () => {
  it("sums each stage over the processes and counts the rest of their wall time as start-up", () => {
    const rows = stageTable([
      { seconds: 4, stages: { content: 0.5, pages: 1, search: 2 } },
      { seconds: 2, stages: { content: 0.5, pages: 0.5 } },
    ]);
    const of = (stage: string) => rows.find((r) => r.stage === stage);
    expect(of("content")).toEqual({ stage: "content", seconds: 1, share: 0.167, cpuSeconds: null });
    expect(of("pages")?.seconds).toBe(1.5);
    expect(of("search")).toEqual({ stage: "search", seconds: 2, share: 0.333, cpuSeconds: null });
    expect(of("start-up")).toEqual({ stage: "start-up", seconds: 1.5, share: 0.25, cpuSeconds: null });
    expect(of("images")).toBeUndefined();
    expect(rows.reduce((n, r) => n + r.share, 0)).toBeCloseTo(1, 2);
  });

  it("sums CPU time the same way, the process's CPU outside every stage as start-up's", () => {
    const rows = stageTable([
      { seconds: 4, stages: { pages: 3 }, stageCpu: { pages: 1.5 }, cpuSeconds: 2.25 },
      { seconds: 2, stages: { pages: 1 }, stageCpu: { pages: 1 }, cpuSeconds: 1.5 },
    ]);
    const of = (stage: string) => rows.find((r) => r.stage === stage);
    expect(of("pages")?.cpuSeconds).toBe(2.5);
    expect(of("start-up")).toEqual({ stage: "start-up", seconds: 2, share: 0.333, cpuSeconds: 1.25 });
    // One process without CPU times makes the column unknown rather than short.
    const partial = stageTable([
      { seconds: 1, stages: { pages: 1 }, stageCpu: { pages: 1 }, cpuSeconds: 1 },
      { seconds: 1, stages: { pages: 1 } },
    ]);
    expect(partial.find((r) => r.stage === "pages")?.cpuSeconds).toBeNull();
    expect(stageTableRows([rows]).find((r) => r[0] === "Eleventy render")?.[1]).toBe("4.00 s   67 %  CPU 2.50 s");
  });

  it("lays several tables side by side, in pipeline order, blank where a table lacks a stage", () => {
    const a = stageTable([{ seconds: 1, stages: { images: 0.5 } }]);
    const b = stageTable([{ seconds: 1, stages: { pages: 0.25 } }]);
    const rows = stageTableRows([a, b]);
    expect(rows.map((r) => r[0])).toEqual([
      "images: cache look-ups (and images, share codes made)",
      "search indexing",
      "Eleventy render",
      "process start-up, module loading, exit",
    ]);
    expect(rows[0][1]).toBe("0.50 s   50 %");
    expect(rows[0][2]).toBe("");
    expect(rows[2][2]).toBe("0.25 s   25 %");
  });
});
