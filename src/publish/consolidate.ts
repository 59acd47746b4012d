// npm run search:consolidate on a publish root: the background step after a publish. The live release's editions
// are merged into yearly search segments in the shared store (the year tonight changed, and any year whose segment
// is missing or out of date); the live release is not touched, and the next publish's manifest names them. Then,
// under the publish lock, the segments neither a release nor the editions as they are now name are deleted (a withdrawn
// article's words leave the store with the segment of its year that held them).
import fs from "node:fs";
import path from "node:path";
import type { ConsolidateResult } from "../search/consolidate.ts";
import { consolidateSite, segmentStore } from "../search/index.ts";
import type { SearchManifest } from "../search/manifest.ts";
import { urls } from "../model/urls.ts";
import { PublishRoot } from "./release.ts";

export function consolidateLive(rootDir: string, years?: number[]): ConsolidateResult & { deleted: string[] } {
  const root = new PublishRoot(rootDir);
  const live = root.currentRelease();
  if (!live) throw new Error(`${root.current}: nothing is published there yet`);
  const store = segmentStore(live, root.imageStore);
  const result = consolidateSite(live, store, { years });
  const unlock = root.lock();
  try {
    const named = new Set(result.current);
    for (const release of fs.readdirSync(root.releases)) {
      let manifest: SearchManifest;
      try {
        manifest = JSON.parse(
          fs.readFileSync(path.join(root.releases, release, urls.searchManifest().slice(1)), "utf8"),
        ) as SearchManifest;
      } catch {
        // A release without a manifest (one a killed publish was making) names no segment.
        continue;
      }
      for (const s of manifest.segments) named.add(path.basename(s.path));
    }
    const deleted = fs.existsSync(store)
      ? fs.readdirSync(store).filter((name) => /^\d{4}-[0-9a-f]{12}$/.test(name) && !named.has(name))
      : [];
    for (const name of deleted) fs.rmSync(path.join(store, name), { recursive: true, force: true });
    return { ...result, deleted };
  } finally {
    unlock();
  }
}
