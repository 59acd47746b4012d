// The build's stage clock, on clocks the test moves by hand: each stage's wall and CPU time, added up when a stage
// runs twice, kept for a stage that fails; and the list of stages, in the order build.ts runs them and the README
// names them.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildStageNames, stageNames, Stages, type StageClocks } from "../../../src/pipeline/stages.ts";
import { repo } from "../../helpers/build.ts";

/** Clocks that stand still until a stage moves them. */
function handClocks(): StageClocks & { work(wallMs: number, cpuSeconds: number): void } {
  let wall = 1000;
  let cpu = 5;
  return {
    wallMs: () => wall,
    cpuSeconds: () => cpu,
    work(wallMs, cpuSeconds) {
      wall += wallMs;
      cpu += cpuSeconds;
    },
  };
}

describe("Stages", () => {
  it("keeps each stage's wall time and CPU time, and adds up a stage run twice", async () => {
    const clocks = handClocks();
    const lines: string[] = [];
    const stages = new Stages((l) => lines.push(l), clocks);
    await stages.run("content", () => clocks.work(150, 0.15));
    // Waiting is wall time, not CPU time.
    await stages.run("pages", async () => clocks.work(150, 0));
    await stages.run("content", () => clocks.work(100, 0.1), "content again");
    expect(stages.times).toEqual({ content: 0.25, pages: 0.15 });
    expect(stages.cpu.content).toBeCloseTo(0.25, 9);
    expect(stages.cpu.pages).toBe(0);
    expect(lines).toEqual(["✓ content (0.1 s)", "✓ pages (0.1 s)", "✓ content again (0.1 s)"]);
  });

  it("times a stage that fails, prints ✗ and lets the error through", async () => {
    const clocks = handClocks();
    const lines: string[] = [];
    const stages = new Stages((l) => lines.push(l), clocks);
    await expect(
      stages.run(
        "search",
        () => {
          clocks.work(2500, 1);
          throw new Error("indexer failed");
        },
        "search index",
      ),
    ).rejects.toThrow("indexer failed");
    expect(lines).toEqual(["✗ search index (2.5 s)"]);
    expect(stages.times).toEqual({ search: 2.5 });
    expect(stages.cpu).toEqual({ search: 1 });
  });

  it("keeps the stages in the order they first ran", async () => {
    const stages = new Stages(() => undefined, handClocks());
    for (const name of ["content", "model", "search", "content"] as const) await stages.run(name, () => undefined);
    expect(Object.keys(stages.times)).toEqual(["content", "model", "search"]);
  });
});

describe("stage names", () => {
  it("are the build's stages, with a publish's and a rebuild's own around them, each named once", () => {
    expect(buildStageNames).toEqual([
      "content",
      "model",
      "images",
      "site data",
      "search",
      "pages",
      "downloads",
      "summaries",
      "offline",
    ]);
    expect(stageNames).toEqual(["shard merge", ...buildStageNames, "release", "swap", "clean up"]);
    expect(new Set(stageNames).size).toBe(stageNames.length);
  });

  it("are the README's pipeline line, in the same order", () => {
    const readme = fs.readFileSync(path.join(repo, "README.md"), "utf8");
    const line = readme.match(/the same staged build, `src\/pipeline\/build\.ts`: \*\*([^*]+)\*\*/);
    expect(
      line,
      "README.md: no pipeline line (“the same staged build, `src/pipeline/build.ts`: **… → …**”)",
    ).not.toBeNull();
    expect(line![1].split("→").map((s) => s.replace(/\s+/g, " ").trim())).toEqual([...buildStageNames]);
  });

  it("are the stages build.ts runs, in the order it runs them", () => {
    // The calls in the source, in order: prepare.ts's (content to site data), then build.ts's.
    const calls = (file: string) =>
      [...fs.readFileSync(path.join(repo, "src/pipeline", file), "utf8").matchAll(/stages\.run\(\s*"([^"]+)"/g)].map(
        (m) => m[1],
      );
    expect([...calls("prepare.ts"), ...calls("build.ts")]).toEqual([...buildStageNames]);
  });
});
