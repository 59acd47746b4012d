// Where a build's time goes: the pipeline stages each build process reported (--json), summed over the processes
// of a run (every shard and the cross-edition step, or one publish), with the rest of each process's wall time —
// Node's start-up, loading modules, Eleventy's own set-up, exiting — as its own row. Each row has its CPU time
// too: a stage whose wall time grows while its CPU time does not was waiting for a core.
import { stageNames, type StageName, type StageTimes } from "../../pipeline/stages.ts";
import { round } from "./measure.ts";

/** One measured process: its wall time and the stage times it reported; its CPU time, when measured. */
export interface TimedStep {
  seconds: number;
  stages: StageTimes;
  /** Each stage's CPU time, as the process reported it */
  stageCpu?: StageTimes;
  /** The process's whole CPU time, its helpers' included */
  cpuSeconds?: number | null;
}

export interface StageRow {
  /** A pipeline stage, or "start-up" for the wall time outside every stage */
  stage: StageName | "start-up";
  seconds: number;
  /** Of the processes' summed wall time */
  share: number;
  /** Summed CPU time; null unless every process reported it */
  cpuSeconds: number | null;
}

/** What each stage is, in the words of the bench table. */
export const stageLabels: Partial<Record<StageRow["stage"], string>> = {
  content: "content reading and validation",
  model: "model",
  images: "images: cache look-ups (and images, share codes made)",
  "site data": "site data",
  search: "search indexing",
  pages: "Eleventy render",
  downloads: "downloads",
  summaries: "summaries, open data, index writing",
  offline: "offline manifests",
  "shard merge": "shard parts merged into the archive index",
  release: "release assembled",
  swap: "swap",
  "clean up": "clean-up after the swap",
  "start-up": "process start-up, module loading, exit",
};

/** The stages summed over `steps`, each with its share of their summed wall time; the slowest stands out. */
export function stageTable(steps: TimedStep[]): StageRow[] {
  const total = steps.reduce((n, s) => n + s.seconds, 0);
  const withCpu = steps.every((s) => s.stageCpu && typeof s.cpuSeconds === "number");
  const sums = new Map<StageRow["stage"], { seconds: number; cpu: number }>();
  const add = (stage: StageRow["stage"], seconds: number, cpu: number) => {
    const sum = sums.get(stage) ?? { seconds: 0, cpu: 0 };
    sums.set(stage, { seconds: sum.seconds + seconds, cpu: sum.cpu + cpu });
  };
  for (const step of steps) {
    let inStages = 0;
    let cpuInStages = 0;
    for (const name of stageNames) {
      const t = step.stages[name] ?? 0;
      const cpu = step.stageCpu?.[name] ?? 0;
      inStages += t;
      cpuInStages += cpu;
      add(name, t, cpu);
    }
    // A stage's clock runs inside the process, so the difference is what happens before and after the first and last.
    add("start-up", Math.max(0, step.seconds - inStages), Math.max(0, (step.cpuSeconds ?? 0) - cpuInStages));
  }
  return [...sums]
    .filter(([stage, sum]) => sum.seconds > 0 || stage === "start-up" || stage === "search")
    .map(([stage, sum]) => ({
      stage,
      seconds: round(sum.seconds, 2),
      share: total > 0 ? round(sum.seconds / total, 3) : 0,
      cpuSeconds: withCpu ? round(sum.cpu, 2) : null,
    }));
}

/** The rows of several stage tables side by side: stage, then "seconds (share)" per table. */
export function stageTableRows(tables: StageRow[][]): string[][] {
  const stages = [...new Set(tables.flatMap((t) => t.map((r) => r.stage)))];
  const order = [...stageNames, "start-up"] as StageRow["stage"][];
  stages.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return stages.map((stage) => [
    stageLabels[stage] ?? stage,
    ...tables.map((t) => {
      const row = t.find((r) => r.stage === stage);
      if (!row) return "";
      const cpu = row.cpuSeconds === null ? "" : `  CPU ${row.cpuSeconds.toFixed(2)} s`;
      return `${row.seconds.toFixed(2)} s  ${(row.share * 100).toFixed(0).padStart(3)} %${cpu}`;
    }),
  ]);
}
