// npm run search:consolidate on a publish root: the background step after a publish. The live release's editions
// are merged into yearly search segments in the shared store (the year tonight changed, and any year whose segment
// is missing or out of date); the live release is not touched, and the next publish's manifest names them.
import { consolidateSite, segmentStore } from "../search/index.ts";
import type { ConsolidateResult } from "../search/consolidate.ts";
import { PublishRoot } from "./release.ts";

export function consolidateLive(rootDir: string, years?: number[]): ConsolidateResult {
  const root = new PublishRoot(rootDir);
  const live = root.currentRelease();
  if (!live) throw new Error(`${root.current}: nothing is published there yet`);
  return consolidateSite(live, segmentStore(live, root.imageStore), { years });
}
