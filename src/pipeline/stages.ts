// Runs named build stages with a ✓/✗ line each, so a night editor sees where a build stopped, and keeps each
// stage's time so that a benchmark can say where a build's time goes.

export type Log = (line: string) => void;

/** The pipeline's stages, in the order they run. */
export const stageNames = ["content", "model", "images", "pages", "search", "downloads", "offline", "summaries"] as const;
export type StageName = (typeof stageNames)[number];

export type StageTimes = Partial<Record<StageName, number>>;

export class Stages {
  readonly times: StageTimes = {};

  constructor(readonly log: Log) {}

  /** Runs one stage; `label` is what the line shows (default the stage's name). */
  async run<T>(name: StageName, run: () => Promise<T> | T, label: string = name): Promise<T> {
    const started = performance.now();
    try {
      const result = await run();
      this.log(`✓ ${label} (${seconds(started)})`);
      return result;
    } catch (err) {
      this.log(`✗ ${label} (${seconds(started)})`);
      throw err;
    } finally {
      this.times[name] = (this.times[name] ?? 0) + (performance.now() - started) / 1000;
    }
  }
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
