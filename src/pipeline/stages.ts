// Runs named build stages with a ✓/✗ line each, so a night editor sees where a build stopped.

export type Log = (line: string) => void;

export async function stage<T>(name: string, log: Log, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  try {
    const result = await run();
    log(`✓ ${name} (${seconds(started)})`);
    return result;
  } catch (err) {
    log(`✗ ${name} (${seconds(started)})`);
    throw err;
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
