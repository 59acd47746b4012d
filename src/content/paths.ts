// Resolves file references in content, refusing anything that leads outside the edition folder.
import fs from "node:fs";
import path from "node:path";
import type { Diagnostics } from "./diagnostics.ts";

/**
 * Resolves `ref` (relative to `baseDir`) and returns its real path, or null after reporting why not:
 * missing, outside the edition folder (`../../etc/passwd`), or a symlink that leads out of it.
 */
export function resolveInside(
  editionDir: string, baseDir: string, ref: string, file: string, field: string, diagnostics: Diagnostics,
): string | null {
  if (path.isAbsolute(ref)) {
    diagnostics.error(file, `"${ref}" is an absolute path: give a path relative to the file, inside the edition folder`, { field });
    return null;
  }
  const target = path.resolve(baseDir, ref);
  const root = path.resolve(editionDir);
  if (!isInside(root, target)) {
    diagnostics.error(file, `"${ref}" points outside the edition folder: keep images and PDFs inside ${editionDir}`, { field });
    return null;
  }
  if (!fs.existsSync(target)) {
    diagnostics.error(file, `"${ref}" does not exist: check the name or add the file`, { field });
    return null;
  }
  const real = fs.realpathSync(target);
  if (!isInside(fs.realpathSync(root), real)) {
    diagnostics.error(file, `"${ref}" is a link to a file outside the edition folder: copy the file in instead`, { field });
    return null;
  }
  if (!fs.statSync(real).isFile()) {
    diagnostics.error(file, `"${ref}" is not a file`, { field });
    return null;
  }
  return real;
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}
