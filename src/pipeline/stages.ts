// Runs named build stages with a ✓/✗ line each, so a night editor sees where a build stopped, and keeps each
// stage's wall time and CPU time so that a benchmark can say where a build's time goes, and tell a stage that
// works from one that waits for a core another process holds.
import fs from "node:fs";

export type Log = (line: string) => void;

/** The build's stages, in the order build.ts runs them (the README's pipeline line names the same, in this order). */
export const buildStageNames = [
  "content",
  "model",
  "images",
  "site data",
  "search",
  "pages",
  "downloads",
  "summaries",
  "offline",
] as const;

/**
 * Every stage a command times, in the order they run: a rebuild's cross-edition step merges the shards' parts of
 * the archive index before its build; a publish assembles the release, swaps it in and cleans up after its build.
 */
export const stageNames = ["shard merge", ...buildStageNames, "release", "swap", "clean up"] as const;
export type StageName = (typeof stageNames)[number];

export type StageTimes = Partial<Record<StageName, number>>;

/** The clocks a stage is timed with: wall time in milliseconds, CPU time in seconds. Tests pass their own. */
export interface StageClocks {
  wallMs(): number;
  cpuSeconds(): number;
}

const realClocks: StageClocks = { wallMs: () => performance.now(), cpuSeconds: () => cpuSeconds() };

export class Stages {
  /** Wall time of each stage, in the order the stages first ran */
  readonly times: StageTimes = {};
  /** CPU time of each stage: this process's threads (libvips's among them) and its helper processes' */
  readonly cpu: StageTimes = {};

  constructor(
    readonly log: Log,
    private readonly clocks: StageClocks = realClocks,
  ) {}

  /** Runs one stage; `label` is what the line shows (default the stage's name). */
  async run<T>(name: StageName, run: () => Promise<T> | T, label: string = name): Promise<T> {
    const started = this.clocks.wallMs();
    const cpuStarted = this.clocks.cpuSeconds();
    const took = () => `${((this.clocks.wallMs() - started) / 1000).toFixed(1)} s`;
    try {
      const result = await run();
      this.log(`✓ ${label} (${took()})`);
      return result;
    } catch (err) {
      this.log(`✗ ${label} (${took()})`);
      throw err;
    } finally {
      this.times[name] = (this.times[name] ?? 0) + (this.clocks.wallMs() - started) / 1000;
      this.cpu[name] = (this.cpu[name] ?? 0) + this.clocks.cpuSeconds() - cpuStarted;
    }
  }
}

/** Adds what `more` timed (a caller's own steps around a build) to a build's stage times. */
export function addStageTimes(into: { stages: StageTimes; stageCpu: StageTimes }, more: Stages): void {
  for (const name of stageNames) {
    if (more.times[name] !== undefined) into.stages[name] = (into.stages[name] ?? 0) + more.times[name];
    if (more.cpu[name] !== undefined) into.stageCpu[name] = (into.stageCpu[name] ?? 0) + more.cpu[name];
  }
}

/** Clock ticks a second in /proc's times: USER_HZ, 100 on every Linux a build runs on. */
const ticks = 100;
/** This process's running children, listed by the kernel (Linux with CONFIG_PROC_CHILDREN, as Debian's is) */
const childrenFile = `/proc/self/task/${process.pid}/children`;
const hasProc = fs.existsSync(childrenFile);

/**
 * CPU seconds used so far by this process and its helper processes (any a stage starts): those that ended and
 * were reaped (the kernel's children times), and those still running, read from /proc. Counting both keeps the
 * sum steady when a helper ends between two readings. Elsewhere than Linux, this process's own time only.
 */
export function cpuSeconds(): number {
  const own = process.cpuUsage();
  let seconds = (own.user + own.system) / 1e6;
  if (!hasProc) return seconds;
  seconds += procTimes("/proc/self/stat").children;
  for (const pid of fs.readFileSync(childrenFile, "utf8").split(" ").filter(Boolean)) {
    try {
      const times = procTimes(`/proc/${pid}/stat`);
      seconds += times.own + times.children;
    } catch {
      // It ended between the listing and the reading: it is counted among the reaped children a moment later.
    }
  }
  return seconds;
}

/** A /proc stat file's user + system times: the process's own and its reaped children's, in seconds. */
function procTimes(file: string): { own: number; children: number } {
  const stat = fs.readFileSync(file, "utf8");
  // Fields after the command name (in parentheses, and it may hold spaces): utime, stime, cutime, cstime are
  // fields 14–17 of the file, 11–14 counted from the state.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return {
    own: (Number(fields[11]) + Number(fields[12])) / ticks,
    children: (Number(fields[13]) + Number(fields[14])) / ticks,
  };
}

export function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/** A progress line that rewrites itself on a terminal and stays quiet when the work is quick. */
export function progressLine(label: string, log: Log): (done: number, total: number) => void {
  const started = performance.now();
  let last = 0;
  return (done, total) => {
    const now = performance.now();
    if (now - started < 2000 || (now - last < 1000 && done < total)) return;
    last = now;
    log(`  ${label}: ${done} of ${total} (${seconds(started)})`);
  };
}
