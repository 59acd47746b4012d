// The build's stage clock: wall time and CPU time per stage, a helper process's CPU counted with its stage.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { cpuSeconds, Stages } from "../../../src/pipeline/stages.ts";

/** Keeps one core busy for `ms` in this process. */
function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

/** A node process that keeps a core busy for `ms`, then ends; resolves once it has been reaped. */
function busyHelper(ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", `const u = performance.now() + ${ms}; while (performance.now() < u);`]);
    child.on("error", reject);
    child.on("exit", () => resolve());
  });
}

describe("Stages", () => {
  it("keeps each stage's wall time and CPU time, and adds up a stage run twice", async () => {
    const stages = new Stages(() => undefined);
    await stages.run("content", () => spin(150));
    await stages.run("pages", () => new Promise((r) => setTimeout(r, 150)));
    await stages.run("content", () => spin(100));
    expect(stages.times.content).toBeGreaterThanOrEqual(0.25);
    expect(stages.cpu.content).toBeGreaterThan(0.15);
    // Waiting is wall time, not CPU time.
    expect(stages.times.pages).toBeGreaterThanOrEqual(0.14);
    expect(stages.cpu.pages).toBeLessThan(0.05);
  });

  it("counts a helper process's CPU time in the stage that ran it", async () => {
    const stages = new Stages(() => undefined);
    await stages.run("search", () => busyHelper(400));
    expect(stages.cpu.search).toBeGreaterThan(0.25);
  });

  it("reads a helper still running, so the sum does not drop when it ends", async () => {
    const before = cpuSeconds();
    const helper = busyHelper(600);
    // This process sleeps meanwhile: what the clock gains is the helper's, read from /proc while it runs.
    await new Promise((r) => setTimeout(r, 450));
    const whileRunning = cpuSeconds();
    await helper;
    expect(whileRunning - before).toBeGreaterThan(0.2);
    expect(cpuSeconds()).toBeGreaterThanOrEqual(whileRunning);
  });
});
