// Resolves file references in content, refusing anything that leads outside the edition folder.
import fs from "node:fs";
import path from "node:path";
import type { Diagnostics } from "./diagnostics.ts";

/**
 * Resolves `ref` (relative to `baseDir`) and returns its real path, or null after reporting why not:
 * missing, outside the edition folder (`../../etc/passwd`), or a symlink that leads out of it.
 */
export function resolveInside(
  editionDir: string,
  baseDir: string,
  ref: string,
  file: string,
  field: string,
  diagnostics: Diagnostics,
): string | null {
  if (otherSite.test(ref) || /^data:/i.test(ref)) {
    diagnostics.error(
      file,
      `"${ref.slice(0, 80)}" is not a file in the edition: download it into the edition folder (e.g. photos/) and give its path relative to the file`,
      { field },
    );
    return null;
  }
  if (path.isAbsolute(ref)) {
    diagnostics.error(
      file,
      `"${ref}" is an absolute path: give a path relative to the file, inside the edition folder`,
      { field },
    );
    return null;
  }
  const target = path.resolve(baseDir, ref);
  const root = path.resolve(editionDir);
  if (!isInside(root, target)) {
    diagnostics.error(file, `"${ref}" points outside the edition folder: keep images and PDFs inside ${editionDir}`, {
      field,
    });
    return null;
  }
  if (!fs.existsSync(target)) {
    diagnostics.error(file, `"${ref}" does not exist: check the name or add the file`, { field });
    return null;
  }
  const real = fs.realpathSync(target);
  if (!isInside(fs.realpathSync(root), real)) {
    diagnostics.error(file, `"${ref}" is a link to a file outside the edition folder: copy the file in instead`, {
      field,
    });
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

/**
 * What a folder entry is for the reader: a folder, a file, or refused (reported) — a symbolic link that leads out
 * of `root` or to nothing. A link inside `root` counts as what it points to.
 */
export function entryKind(
  root: string,
  entry: fs.Dirent,
  diagnostics: Diagnostics,
  rootName: string,
): "folder" | "file" | "other" | "refused" {
  if (!entry.isSymbolicLink()) return entry.isDirectory() ? "folder" : entry.isFile() ? "file" : "other";
  const full = path.join(entry.parentPath, entry.name);
  let real: string;
  try {
    real = fs.realpathSync(full);
  } catch {
    diagnostics.error(
      full,
      `"${entry.name}" is a link to something that does not exist: remove the link or copy the real ${entry.name.endsWith(".md") ? "file" : "folder"} in`,
    );
    return "refused";
  }
  if (!isInside(fs.realpathSync(root), real)) {
    diagnostics.error(full, `"${entry.name}" is a link to ${real}, outside ${rootName}: copy it in instead of linking`);
    return "refused";
  }
  const stat = fs.statSync(real);
  return stat.isDirectory() ? "folder" : stat.isFile() ? "file" : "other";
}

/** A content file's bytes, or null after saying why it cannot be read (a folder in its place, no permission). */
export function readFile(file: string, diagnostics: Diagnostics): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === "EISDIR"
        ? "it is a folder, not a file: remove the folder and write the file"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied: let the publishing user read it (chmod a+r)"
          : `cannot be read (${code ?? (err as Error).message}): check the file`;
    diagnostics.error(file, why);
    return null;
  }
}

/** Web addresses of another site, protocol-relative ones (//host/…) too. */
const otherSite = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;

/**
 * Images and links in an article's body. Images in the body never reach readers as the site's own pictures (no
 * derivatives, and the page's Content-Security-Policy blocks other sites), so every one is refused with where it
 * belongs; a link to a file (relative, file:) would point at nothing once published.
 */
export function checkBodyReference(
  ref: { kind: "image" | "link"; url: string; line: number },
  editionDir: string,
  file: string,
  bodyLine: number,
  diagnostics: Diagnostics,
): void {
  const line = bodyLine + ref.line;
  const url = ref.url.trim();
  if (ref.kind === "image") {
    const message = otherSite.test(url)
      ? `the image "${url}" is on another site, and the site's pages may only show their own images: download it into the edition folder (e.g. photos/) and list it under "figures"`
      : /^data:/i.test(url)
        ? 'an image written into the text (data:) is not allowed: save it as a file in the edition folder (e.g. photos/) and list it under "figures"'
        : `the image "${url}" is in the body: pictures are listed under "figures" in the front matter (file, caption, credit), not in the text`;
    diagnostics.error(file, message, { line });
    return;
  }
  if (/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(url)) return;
  const target = path.resolve(path.dirname(file), url.split(/[?#]/)[0]);
  const where = isInside(path.resolve(editionDir), target) ? "" : ", outside the edition folder";
  diagnostics.error(
    file,
    `the link "${url}" points to a file${where}, which is not published: link to a web address (https://…) or leave the link out`,
    { line },
  );
}
