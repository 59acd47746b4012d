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

/**
 * Hard-links (or copies) every file of the tree `from` that `to` does not have yet: what a build did not write is
 * taken as it was. Files already at `to` are never touched, so nothing written through a link can reach `from`.
 */
export function linkMissing(from: string, to: string): number {
  if (!fs.existsSync(from)) return 0;
  let linked = 0;
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const [a, b] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) linked += linkMissing(a, b);
    else if (!fs.existsSync(b)) {
      try {
        fs.linkSync(a, b);
      } catch {
        // Different file systems (or no hard links): a copy is the same bytes.
        fs.copyFileSync(a, b);
      }
      linked++;
    }
  }
  return linked;
}

/** Whether `built` (a file a build wrote from `dir`) is newer than every file and folder under `dir`. */
export function builtAfter(dir: string, built: string): boolean {
  const stat = fs.statSync(built, { throwIfNoEntry: false });
  return !!stat && fs.existsSync(dir) && newestChange(dir) < stat.mtimeMs;
}

/** The latest modification or change time (ms) of anything under `dir`, the folder itself included. */
export function newestChange(dir: string): number {
  const stat = fs.statSync(dir);
  let newest = Math.max(stat.mtimeMs, stat.ctimeMs);
  if (stat.isDirectory())
    for (const name of fs.readdirSync(dir)) newest = Math.max(newest, newestChange(path.join(dir, name)));
  return newest;
}
