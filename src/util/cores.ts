// How many cores a build keeps busy: the machine's, or its share when a rebuild runs several builds at once, so
// that one shard's image threads do not take the core another shard renders on.
import os from "node:os";

let budget = os.availableParallelism();

/** The cores this process's build may keep busy. */
export function coreBudget(): number {
  return budget;
}

/**
 * Limits this process's build to `n` cores: the threads libvips gives each image (two images are made at once,
 * whatever the share: one is encoded while the other's files are read and written).
 */
export function limitCores(n: number): void {
  budget = Math.max(1, Math.min(n, os.availableParallelism()));
}
