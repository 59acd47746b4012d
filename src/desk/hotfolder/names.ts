// Which page a file in the hot folder is: the edition's date and page label from its name (or its date folder),
// its version from a suffix (_v2, -2), whether it is the page's PDF or its text dump, and the names a typesetting
// system gives files it has not finished.
import path from "node:path";
import { namePattern } from "../import/command.ts";
import { pageLabel } from "../prose/markers.ts";
import { importPdfPage, type PdfPage } from "../pdf/index.ts";

export interface PageName {
  date: string;
  /** The page label as printed: 01, A03 */
  label: string;
  /** 1 for A01.pdf, 2 for A01_v2.pdf or A01-2.pdf: a newer export of the same page */
  version: number;
  /** The page's PDF, the print system's text dump of it (.txt, .md), or its scan */
  kind: "pdf" | "dump" | "scan";
}

const scanExtensions = new Set([".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp"]);

/** What a file is by its extension: a page PDF, a text dump, a scan, or nothing the desk reads. */
export function inputKind(name: string): PageName["kind"] | undefined {
  const ext = path.extname(name).toLowerCase();
  return ext === ".pdf"
    ? "pdf"
    : ext === ".txt" || ext === ".md"
      ? "dump"
      : scanExtensions.has(ext)
        ? "scan"
        : undefined;
}

/** The patterns tried when none is given: a date and page in the name, or a page in a date folder. */
export const defaultPatterns = ["*{date}{page}.pdf", "*{date}_{page}.pdf", "*{date}-{page}.pdf", "{page}.pdf"];

/**
 * Names of files still being written or not meant for us: a writer's temporary name (renamed into place when
 * done), editors' lock and backup files, hidden files.
 */
export function isTemporaryName(name: string): boolean {
  return (
    name.startsWith(".") ||
    name.startsWith("~") ||
    name.endsWith("~") ||
    /\.(tmp|temp|part|partial|crdownload|download|swp|lock|filepart|inprogress|writing|!ut)$/iu.test(name) ||
    /\.(pdf|jpg|tif)\.[a-z0-9]{1,8}$/iu.test(name)
  );
}

const versionSuffix = /^(?<stem>.+?)(?:_[vV](?<v1>\d{1,3})|[-_](?<v2>\d{1,2}))$/u;
const dateFolder = /^(?<y>\d{4})-?(?<m>\d{2})-?(?<d>\d{2})$/u;

/**
 * The page a file is, from its path relative to the hot folder (`rmrb2022090302.pdf`, `2022-09-03/A01_v2.pdf`),
 * or undefined when nothing in the name says. `patterns` use {date} and {page} as `npm run import --pattern`
 * does; a date folder supplies the date of a pattern without {date}. A pattern names the PDF; the page's text dump
 * has the same name with .txt or .md, its scan with .jpg, .png, .tif or .webp. A name is first read with a version
 * suffix taken off, then as it is (so `rmrb20220903-02.pdf` with the pattern `rmrb{date}-{page}.pdf` is page 02).
 */
export function pageFromName(relative: string, patterns: readonly string[] = defaultPatterns): PageName | undefined {
  const parts = relative.split(/[\\/]/u);
  const name = parts.at(-1)!;
  if (isTemporaryName(name)) return undefined;
  const folder = parts.length > 1 ? dateFolder.exec(parts.at(-2)!)?.groups : undefined;
  const folderDate = folder ? `${folder.y}-${folder.m}-${folder.d}` : undefined;
  const kind = inputKind(name);
  if (!kind) return undefined;
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  const suffix = versionSuffix.exec(stem)?.groups;
  const tries: [string, number][] = [];
  if (suffix) tries.push([suffix.stem + ext, Number(suffix.v1 ?? suffix.v2)]);
  tries.push([name, 1]);
  for (const [candidate, version] of tries) {
    for (const pattern of patterns) {
      const datedPattern = pattern.includes("{date}");
      if (!datedPattern && !folderDate) continue;
      const own = pattern.replace(/\.pdf$/iu, ext);
      const match = namePattern(datedPattern ? own : `{date}/${own}`);
      const found = match(datedPattern ? candidate : `${folderDate!.replace(/-/g, "")}/${candidate}`);
      if (!found || !realDate(found.date)) continue;
      return { date: found.date, label: normalLabel(found.page), version, kind };
    }
  }
  return undefined;
}

/** "1" and "001" are page 01; "a3" is A03: the labels page folders use. */
function normalLabel(page: string): string {
  const match = /^([A-Z]?)(\d+)$/u.exec(page.toUpperCase())!;
  return `${match[1]}${String(Number(match[2])).padStart(2, "0")}`;
}

function realDate(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === date;
}

/**
 * Which page a PDF says it is in its running head (the date and folio printed at its top, read by the PDF import):
 * for files whose name does not say. A date folder gives the date when the head prints none.
 */
export function pageFromRunningHead(
  pdf: Uint8Array,
  options: { locale?: string; folderDate?: string } = {},
): Pick<PageName, "date" | "label"> | undefined {
  let identity: PdfPage["identity"];
  try {
    identity = importPdfPage(pdf, { locale: options.locale }).identity;
  } catch {
    // A PDF that cannot be read says nothing here; its import reports it as damaged.
    return undefined;
  }
  const label = identity.folio ? pageLabel(identity.folio) : undefined;
  const date = identity.date ?? options.folderDate;
  return date && label && realDate(date) ? { date, label: normalLabel(label) } : undefined;
}

/** The date of a date folder the file is in (2022-09-03/A01.pdf, 20220903/A01.pdf), if it is in one. */
export function folderDateOf(relative: string): string | undefined {
  const parts = relative.split(/[\\/]/u);
  const folder = parts.length > 1 ? dateFolder.exec(parts.at(-2)!)?.groups : undefined;
  const date = folder ? `${folder.y}-${folder.m}-${folder.d}` : undefined;
  return date && realDate(date) ? date : undefined;
}
