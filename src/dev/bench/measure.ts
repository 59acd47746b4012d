// Times whole commands as child processes, all measured the same way (wall time, peak memory of the process).
import fs from "node:fs";
import path from "node:path";
import { runNode, type ChildResult } from "../../util/child.ts";

export interface Run {
  seconds: number;
  peakRssMb: number | null;
  /** User + system CPU time of the process: steadier than wall time on a machine shared with other work */
  cpuSeconds: number | null;
  /** … and of the helper processes it started (any a stage starts), when measured */
  helperCpuSeconds?: number | null;
}

export interface Series {
  /** The median of the runs' wall times: the number compared */
  seconds: number;
  runs: number[];
  /** The median of the runs' CPU times */
  cpuSeconds: number | null;
  peakRssMb: number | null;
}

/** Runs `node <args>` once; throws with the command's last output when it fails. */
export async function timeNode(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Run & { tail: string; json: unknown }> {
  const result: ChildResult = await runNode(args, { cwd: options.cwd, env: options.env }).done;
  if (result.code !== 0) {
    throw new Error(
      `node ${args.join(" ")} (in ${options.cwd}) failed with ${result.signal ?? `exit code ${result.code}`}:\n${result.tail}`,
    );
  }
  return {
    seconds: result.seconds,
    peakRssMb: result.peakRssMb,
    cpuSeconds: result.cpuSeconds,
    helperCpuSeconds: result.helperCpuSeconds,
    tail: result.tail,
    json: result.json,
  };
}

export function series(runs: Run[]): Series {
  const peaks = runs.map((r) => r.peakRssMb).filter((m): m is number => m !== null);
  const cpu = runs.map((r) => r.cpuSeconds).filter((c): c is number => c !== null);
  return {
    seconds: round(median(runs.map((r) => r.seconds)), 3),
    runs: runs.map((r) => round(r.seconds, 3)),
    cpuSeconds: cpu.length === runs.length ? round(median(cpu), 3) : null,
    peakRssMb: peaks.length ? Math.round(Math.max(...peaks)) : null,
  };
}

/**
 * Runs each contender `repeats` times, taking turns (a b a b …), so that a busy spell of a shared machine
 * falls on both rather than on one. `prepare` runs before every run, untimed (fresh output folders).
 */
export async function sideBySide<K extends string>(
  repeats: number,
  contenders: Record<K, { prepare?: () => void | Promise<void>; run: () => Promise<Run> }>,
  onRun?: (name: K, run: Run) => void,
): Promise<Record<K, Series>> {
  const names = Object.keys(contenders) as K[];
  const runs = Object.fromEntries(names.map((n) => [n, [] as Run[]])) as Record<K, Run[]>;
  for (let i = 0; i < repeats; i++) {
    for (const name of names) {
      await contenders[name].prepare?.();
      const run = await contenders[name].run();
      runs[name].push(run);
      onRun?.(name, run);
    }
  }
  return Object.fromEntries(names.map((n) => [n, series(runs[n])])) as Record<K, Series>;
}

/**
 * Waits until the publish root's trash (old releases and edition folders a detached process deletes after a
 * publish) is empty: after a rebuild's first publish that is about 1.5 million files for ten years, whose
 * deletion would otherwise load the machine while the next runs are timed. Returns the seconds waited.
 */
export async function trashDeleted(root: string, timeoutSeconds = 900): Promise<number> {
  const started = performance.now();
  const trash = path.join(root, "trash");
  while (fs.existsSync(trash) && fs.readdirSync(trash).length > 0) {
    if (performance.now() - started > timeoutSeconds * 1000)
      throw new Error(`${trash} still holds files after ${timeoutSeconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return (performance.now() - started) / 1000;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
