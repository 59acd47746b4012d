// The one worker pool: at most `size` items worked on at once, in order, until done or until `stopped()` says so.

export async function runPool<T>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<void>,
  options: { stopped?: () => boolean } = {},
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !options.stopped?.()) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, worker));
}
