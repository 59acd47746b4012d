// Fingerprints a published site as a reader sees it: every file reachable from a folder, symlinks followed.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function treeHash(dir: string): { hash: string; files: number } {
  const hash = crypto.createHash("sha256");
  const files = treeFiles(dir);
  for (const file of files)
    hash
      .update(`/${file}`)
      .update("\0")
      .update(fs.readFileSync(path.join(dir, file)))
      .update("\0");
  return { hash: hash.digest("hex"), files: files.length };
}

export function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
}

/** Every file under a folder (symlinks followed), as sorted paths relative to it. */
export function treeFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string, rel: string) => {
    for (const name of fs.readdirSync(current).sort()) {
      const full = path.join(current, name);
      if (fs.statSync(full).isDirectory()) walk(full, `${rel}${name}/`);
      else out.push(`${rel}${name}`);
    }
  };
  walk(dir, "");
  return out;
}
