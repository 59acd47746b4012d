// File-tree helpers shared by the image cache and publishing.
import fs from "node:fs";
import path from "node:path";

/** Recreates the tree `from` at `to` with hard links (copies across file systems), leaving out `skip` names. */
export function linkTree(from: string, to: string, skip: Set<string> = new Set()): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const [a, b] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) linkTree(a, b, skip);
    else {
      try {
        fs.linkSync(a, b);
      } catch {
        // Different file systems (or no hard links): a copy is the same bytes.
        fs.copyFileSync(a, b);
      }
    }
  }
}
