// The stage caches' files, shared by every folder that keeps one: content keys (hashes), file stamps, writes that
// are complete or absent, and an output made once and read back.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Folders inside the image cache's folder that other stages keep, each by its own content keys (share codes,
 * edition downloads and word boxes): pruning the derivatives leaves them alone.
 */
export const stageCacheFolders = {
  qr: "qr",
  downloads: "downloads",
  templates: "templates",
  content: "content",
  iiif: "iiif",
} as const;

/** The text kept in `file` (a stage cache's entry), or `make()`'s, kept there for next time. */
export function cachedText(file: string, make: () => string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    // Not made yet (or the cache folder was deleted): made now, and kept.
    const text = make();
    writeAtomically(file, text);
    return text;
  }
}

/** Shards write one cache at once: a file is complete or absent, never half-written. */
export function writeAtomically(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temp, data);
  fs.renameSync(temp, file);
}

/**
 * A stamp of a file that changes when it is replaced or edited, without reading it: size, modification time,
 * inode, and the change time, which no tool can set back (`cp -p` or `touch -r` over a same-size file keep the
 * other three).
 */
export function fileStamp(file: string): string {
  const stat = fs.statSync(file);
  return `${path.resolve(file)}:${stat.size}:${stat.mtimeMs}:${stat.ino}:${stat.ctimeMs}`;
}

/**
 * A stage's output kept in `cacheDir/folder` under `key` (a hash of everything it is made from): read back when
 * present, else made and kept. Without a cache folder it is simply made.
 */
export async function cachedOutput(
  cacheDir: string | undefined,
  folder: string,
  key: string,
  make: () => Promise<Uint8Array | string>,
): Promise<Buffer> {
  const file = cacheDir ? path.join(cacheDir, folder, key) : null;
  if (file && fs.existsSync(file)) return fs.readFileSync(file);
  const made = Buffer.from(await make());
  if (file) writeAtomically(file, made);
  return made;
}

export function hashBytes(...parts: (Buffer | string)[]): string {
  const hash = crypto.createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex").slice(0, 20);
}
