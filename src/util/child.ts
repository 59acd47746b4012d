// Runs a node command as a child process and measures it: wall time, and (reported by the child) peak memory.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Wall time from spawn to exit */
  seconds: number;
  /** Peak resident set size of the child, null when it died before it could say (SIGKILL, out of memory) */
  peakRssMb: number | null;
  /** Sum of the peaks of the processes the child started (any a stage starts); 0 when there were none */
  helperPeakRssMb: number | null;
  /** User + system CPU time of the child itself … */
  cpuSeconds: number | null;
  /** … and of the processes it started that ended before it did */
  helperCpuSeconds: number | null;
  /** The last lines the child printed, stdout and stderr interleaved */
  tail: string;
  /** What a child run with --json reported: its last line on stdout, parsed; null when it printed none */
  json: unknown;
}

export interface ChildOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Every line the child prints, as it prints it */
  onLine?: (line: string) => void;
  /** Lines of output kept for the result; default 60 */
  keepLines?: number;
}

export interface RunningChild {
  pid: number | undefined;
  done: Promise<ChildResult>;
  stop(): void;
}

const peakMemoryPreload = new URL("./peak-memory.mjs", import.meta.url).href;

/** `node <nodeArgs>`, with the peak-memory preload in front so every measured command is measured alike. */
export function runNode(nodeArgs: string[], options: ChildOptions = {}): RunningChild {
  const statsFile = path.join(
    os.tmpdir(),
    `banmian-stats-${process.pid}-${crypto.randomBytes(4).toString("hex")}.json`,
  );
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", peakMemoryPreload, ...nodeArgs], {
    cwd: options.cwd,
    env: { ...(options.env ?? process.env), BANMIAN_STATS_FILE: statsFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = options.keepLines ?? 60;
  const lines: string[] = [];
  const partial = { stdout: "", stderr: "" };
  let lastStdout = "";
  const take = (stream: "stdout" | "stderr") => (chunk: Buffer) => {
    const text = partial[stream] + chunk.toString();
    const complete = text.split("\n");
    partial[stream] = complete.pop()!;
    for (const line of complete) {
      if (stream === "stdout" && line.trim()) lastStdout = line;
      addLine(line);
    }
  };
  const addLine = (line: string) => {
    options.onLine?.(line);
    lines.push(line);
    if (lines.length > keep) lines.shift();
  };
  child.stdout.on("data", take("stdout"));
  child.stderr.on("data", take("stderr"));
  const done = new Promise<ChildResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (partial.stdout.trim()) lastStdout = partial.stdout;
      for (const rest of [partial.stdout, partial.stderr]) if (rest) addLine(rest);
      const seconds = (performance.now() - started) / 1000;
      let stats: {
        maxRssKb: number;
        helpersMaxRssKb: number;
        cpuSeconds: number;
        helpersCpuSeconds: number | null;
      } | null = null;
      try {
        stats = JSON.parse(fs.readFileSync(statsFile, "utf8"));
        fs.rmSync(statsFile, { force: true });
      } catch {
        // No stats file: the child was killed before its exit handler ran; the result says so with nulls.
      }
      resolve({
        code,
        signal,
        seconds,
        peakRssMb: stats ? stats.maxRssKb / 1024 : null,
        helperPeakRssMb: stats ? stats.helpersMaxRssKb / 1024 : null,
        cpuSeconds: stats ? stats.cpuSeconds : null,
        helperCpuSeconds: stats ? stats.helpersCpuSeconds : null,
        tail: lines.join("\n"),
        json: parseReport(lastStdout),
      });
    });
  });
  return {
    pid: child.pid,
    done,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    },
  };
}

function parseReport(line: string): unknown {
  if (!line.startsWith("{")) return null;
  try {
    return JSON.parse(line);
  } catch {
    // Not a report: a child run without --json, or killed while printing. The exit code still tells.
    return null;
  }
}
