// Where a build's time goes: the pipeline stages each build process reported (--json), summed over the processes
// of a run (every shard and the cross-edition step, or one publish), with the rest of each process's wall time —
// Node's start-up, loading modules, Eleventy's own set-up, exiting — as its own row.
import { stageNames, type StageName, type StageTimes } from "../../pipeline/stages.ts";
import { round } from "./measure.ts";

/** One measured process: its wall time and the stage times it reported. */
export interface TimedStep {
  seconds: number;
  stages: StageTimes;
}

export interface StageRow {
  /** A pipeline stage, or "start-up" for the wall time outside every stage */
  stage: StageName | "start-up";
  seconds: number;
  /** Of the processes' summed wall time */
  share: number;
}

/** What each stage is, in the words of the bench table. */
export const stageLabels: Partial<Record<StageRow["stage"], string>> = {
  content: "content reading and validation",
  model: "model",
  images: "image cache look-ups (and images made)",
  pages: "Eleventy render",
  search: "search indexing",
  downloads: "downloads",
  offline: "offline manifests",
  summaries: "site data, summaries, index writing, release",
  "start-up": "process start-up, module loading, exit",
};

/** The stages summed over `steps`, each with its share of their summed wall time; the slowest stands out. */
export function stageTable(steps: TimedStep[]): StageRow[] {
  const total = steps.reduce((n, s) => n + s.seconds, 0);
  const sums = new Map<StageRow["stage"], number>();
  for (const step of steps) {
    let inStages = 0;
    for (const name of stageNames) {
      const t = step.stages[name] ?? 0;
      inStages += t;
      sums.set(name, (sums.get(name) ?? 0) + t);
    }
    // A stage's clock runs inside the process, so the difference is what happens before and after the first and last.
    sums.set("start-up", (sums.get("start-up") ?? 0) + Math.max(0, step.seconds - inStages));
  }
  return [...sums]
    .filter(([stage, seconds]) => seconds > 0 || stage === "start-up" || stage === "search")
    .map(([stage, seconds]) => ({ stage, seconds: round(seconds, 2), share: total > 0 ? round(seconds / total, 3) : 0 }));
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
      return row ? `${row.seconds.toFixed(2)} s  ${(row.share * 100).toFixed(0).padStart(3)} %` : "";
    }),
  ]);
}
