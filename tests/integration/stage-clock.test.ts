// The stage clock's CPU reading on Linux: a helper process's CPU time is counted while it runs and after it ends.
// The helper says when it has used its CPU time (its own process.cpuUsage), so nothing here depends on how busy the
// machine is or how long anything takes.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { cpuSeconds } from "../../src/pipeline/stages.ts";

/** A node process that keeps a core busy until it has used `cpu` seconds, prints "used", then idles until stdin ends. */
function helper(cpu: number) {
  const child = spawn(process.execPath, [
    "-e",
    `
    const used = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
    while (used() < ${cpu});
    console.log("used");
    process.stdin.resume();
    process.stdin.on("end", () => process.exit(0));`,
  ]);
  const used = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (c: Buffer) => c.toString().includes("used") && resolve());
    child.on("exit", (code) => reject(new Error(`the helper ended first (${code})`)));
  });
  const ended = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return { used, end: () => (child.stdin.end(), ended) };
}

describe.runIf(process.platform === "linux")("cpuSeconds", () => {
  it("counts a helper still running, and does not drop when it ends and is reaped", async () => {
    const before = cpuSeconds();
    const busy = helper(0.3);
    await busy.used;
    const whileRunning = cpuSeconds();
    // /proc counts in ticks of 10 ms: a few may fall either side of the helper's own reading.
    expect(whileRunning - before).toBeGreaterThan(0.25);
    await busy.end();
    expect(cpuSeconds()).toBeGreaterThanOrEqual(whileRunning);
  });
});
