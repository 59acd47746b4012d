// Turns a sharded rebuild's staging folder into a release of a publish root, laid out as npm run publish lays
// its releases out (see src/publish/release.ts), so the next publish rebuilds only tonight's edition.
import fs from "node:fs";
import path from "node:path";
import type { PublishRoot } from "../publish/release.ts";

export interface StagedRebuild {
  id: string;
  staging: string;
  /** Every edition date in editions/, oldest first */
  allDates: string[];
  /** Editions whose folders the staging holds; the others stay as the live release has them */
  rebuilt: Set<string>;
}

/** Moves the staged editions into the store and the rest into a new release; returns the release folder. */
export function makeRelease(root: PublishRoot, staged: StagedRebuild): string {
  const { id, staging, allDates, rebuilt } = staged;
  const live = root.currentEditions();
  const release = path.join(root.releases, id);
  const links = new Map<string, string>();
  for (const date of allDates) {
    const previous = live.get(date);
    if (!rebuilt.has(date) && previous) links.set(date, previous);
  }
  const missing = allDates.filter((d) => !rebuilt.has(d) && !links.has(d));
  if (missing.length) throw new Error(`editions neither rebuilt nor live: ${missing.join(", ")}: rebuild their shards`);

  fs.mkdirSync(release);
  for (const date of rebuilt) {
    const stored = path.join(root.editionStore, `${date}@${id}`);
    fs.renameSync(path.join(staging, date), stored);
    links.set(date, stored);
  }
  // The parts were needed for the merge only; the release keeps the merged index.
  fs.rmSync(path.join(staging, "_banmian", "shards"), { recursive: true, force: true });
  for (const name of fs.readdirSync(staging)) fs.renameSync(path.join(staging, name), path.join(release, name));
  root.carryOver(release, "sitemaps");
  for (const date of allDates) fs.symlinkSync(path.relative(release, links.get(date)!), path.join(release, date));
  fs.symlinkSync(path.relative(release, root.imageStore), path.join(release, "img"));
  return release;
}
