// One arrival's import into its page folder, crash-safe: the new page is made in a staging folder, the journal
// records the intent (one atomic write), the files are copied in, and the journal records the import. A process
// killed before the intent leaves the page as it was (the arrival is imported again); killed after it, the next
// start copies the same staged files again and records the import once.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { formatArticleFile } from "../../content/article-file.ts";
import { renderPdfRegion } from "../../images/pdf.ts";
import { decodeDump } from "../import/decode.ts";
import { importDump, type ImportedArticle } from "../import/import-page.ts";
import { importPdf, matchPdfAreas } from "../import/pdf-page.ts";
import { formatWarning } from "../import/problems.ts";
import { pageFolder, planPage } from "../import/write-page.ts";
import type { SeenFile } from "./arrivals.ts";
import { carryHandFixes, type ArticleText } from "./carry.ts";
import { pageKey, type ImportedRecord, type Journal, type Problem } from "./journal.ts";
import { folderDateOf, inputKind, pageFromName, pageFromRunningHead, type PageName } from "./names.ts";

export interface ImportSettings {
  /** The hot folder */
  folder: string;
  editionsDir: string;
  /** File-name patterns ({date}, {page}); see names.ts */
  patterns: readonly string[];
  /** The page's name (版名) for a new page.yml when the page's running head prints none */
  section?: string;
  locale?: string;
  /** Called at the named points of the way (tests stop the desk there); the product passes none. */
  at?: (point: string) => Promise<void>;
}

/** What an editor decided for a page held by a conflict: the new file wins ("take"), or the page stays ("keep"). */
export type Resolution = "take" | "keep";

/** What the staging folder's plan.json says: enough to finish the import after a restart. */
interface StagedPlan {
  key: string;
  pageDir: string;
  /** Files in staging/files/, each copied to the same path under pageDir */
  writes: string[];
  /** Files of the page folder to remove, relative to it */
  removes: string[];
  record: ImportedRecord;
  file: SeenFile & { hash: string };
}

const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";
const articleFiles = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((n) => /^\d+-.*\.md$/u.test(n))
        .sort()
    : [];

export type Outcome = "imported" | "held" | "failed" | "skipped";

/**
 * Imports a complete file of the hot folder, or says why not (in the journal's log and the page's problem).
 * `resolution` is the editor's answer to a conflict this page is held by.
 */
export async function importArrival(
  journal: Journal,
  file: SeenFile,
  settings: ImportSettings,
  resolution?: Resolution,
): Promise<Outcome> {
  const full = path.join(settings.folder, file.relative);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(full);
  } catch (err) {
    // Moved away or deleted since it was seen: it is no page of ours any more.
    journal.note(`${file.relative}: gone before it could be read (${(err as NodeJS.ErrnoException).code})`);
    return "skipped";
  }
  const hash = crypto.createHash("sha256").update(bytes).digest("hex");
  const seen = { ...file, hash };
  const remember = () => {
    journal.data.files[file.relative] = seen;
  };
  if (!inputKind(file.relative)) {
    remember();
    journal.note(
      `${file.relative}: skipped, not a page PDF, text dump or scan (.pdf, .txt, .md, .jpg, .png, .tif, .webp)`,
    );
    journal.save();
    return "skipped";
  }
  const named =
    pageFromName(file.relative, settings.patterns) ??
    (isPdf(bytes)
      ? withVersion(pageFromRunningHead(bytes, { locale: settings.locale, folderDate: folderDateOf(file.relative) }))
      : undefined);
  if (!named) {
    remember();
    journal.note(
      `${file.relative}: skipped, neither its name (patterns: ${settings.patterns.join(", ")}) nor its running head says its date and page; ` +
        "name it like one of them, such as rmrb2022090301.pdf or 2022-09-03/01.pdf, or start the desk with --pattern",
    );
    journal.save();
    return "skipped";
  }
  const { date, label, version, kind } = named;
  const page = journal.page(date, label);
  const same = page.imported?.inputs[kind];
  if (same?.hash === hash && !resolution) {
    remember();
    journal.note(`${file.relative}: the same as page ${label} of ${date} already in (${same.source}); nothing to do`);
    journal.save();
    return "skipped";
  }
  if (same && version < same.version && !resolution) {
    remember();
    journal.note(
      `${file.relative}: an older version (${version}) than page ${label}'s import (${same.source}, version ${same.version}); not used`,
    );
    journal.save();
    return "skipped";
  }
  const problem = (what: Problem["kind"], message: string, extra: Partial<Problem> = {}): Outcome => {
    page.problem = { kind: what, source: file.relative, version, hash, message, ...extra };
    remember();
    journal.note(`${date} page ${label}: ${message}`);
    journal.save();
    return what === "conflict" ? "held" : "failed";
  };

  if (kind === "scan")
    return importScan(journal, seen, bytes, named, settings, (message) => problem("failed", message));

  // The page is made from what came for it: its PDF alone; its text dump alone; or the dump's words with the
  // areas from the PDF (as npm run import -- dump --pdf page.pdf), whichever of the two came first.
  const inputs = { ...page.imported?.inputs, [kind]: { source: file.relative, version, hash } };
  let pageDir: string;
  try {
    pageDir = pageFolder({ editions: settings.editionsDir, date, page: label });
  } catch (err) {
    // Two folders for one page (02 and 02-zonghe): the editor must say which; the file waits in the hot folder.
    return problem(
      "failed",
      `${(err instanceof Error ? err.message : String(err)).split("\n")[0]}: ` +
        `merge or rename the folders, then put ${file.relative} into the hot folder again`,
    );
  }
  let read: {
    articles: ImportedArticle[];
    warnings: string[];
    editor?: string;
    crops: { file: string; box: [number, number, number, number] }[];
    /** The section (版名) the page's running head prints */
    section?: string;
  };
  let pdfBytes: Uint8Array | undefined;
  try {
    if (kind === "pdf" && !isPdf(bytes)) throw new Error("is not a PDF (it does not start with %PDF-)");
    const dump =
      kind === "dump"
        ? { bytes, source: file.relative }
        : inputs.dump && { bytes: journal.input(inputs.dump.hash), source: inputs.dump.source };
    pdfBytes =
      kind === "pdf"
        ? bytes
        : inputs.pdf && fs.existsSync(path.join(pageDir, "page.pdf"))
          ? fs.readFileSync(path.join(pageDir, "page.pdf"))
          : undefined;
    if (dump) {
      const { text } = decodeDump(dump.bytes, dump.source);
      const dumped = importDump(text, { source: dump.source });
      read = {
        articles: dumped.articles,
        warnings: dumped.warnings.map((w) => formatWarning(dump.source, w)),
        crops: [],
      };
      if (pdfBytes) {
        // The dump's fields win; the PDF only says where each article is printed.
        const pdfSource = kind === "pdf" ? file.relative : inputs.pdf!.source;
        const matched = matchPdfAreas(read.articles, pdfBytes, { source: pdfSource, locale: settings.locale });
        read.warnings.push(...matched.warnings.map((w) => formatWarning(pdfSource, w)));
        read.editor = matched.editor;
      }
    } else {
      const pdf = importPdf(bytes, { source: file.relative, locale: settings.locale });
      read = {
        articles: pdf.articles,
        warnings: pdf.warnings.map((w) => formatWarning(file.relative, w)),
        editor: pdf.editor,
        crops: pdf.crops,
        section: pdf.pdf.identity.section,
      };
    }
  } catch (err) {
    // A damaged page stops only itself: it is reported with what to do, and the other pages go on.
    const reason = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    return problem(
      "failed",
      `${file.relative} cannot be imported: ${reason.replace(`${file.relative}: `, "")}. ` +
        `Export the page again into the hot folder (the same name, or a new version such as ${suggestVersion(file.relative)}); the other pages go on`,
    );
  }
  if (kind === "dump") journal.saveInput(hash, bytes);

  const current: ArticleText[] = articleFiles(pageDir).map((name) => ({
    name,
    text: fs.readFileSync(path.join(pageDir, name), "utf8"),
  }));
  const carried = carryHandFixes(read.articles, current, journal.base(page.imported?.base));
  if (carried.conflicts.length && resolution !== "take") {
    if (resolution === "keep") {
      page.problem = undefined;
      remember();
      journal.note(`${date} page ${label}: ${file.relative} set aside by the editor; the page stays as it is`);
      journal.save();
      return "skipped";
    }
    const names = carried.conflicts.map((c) => c.name).join(", ");
    return problem(
      "conflict",
      `${file.relative} held: hand fixes in ${names} cannot be carried over; take the new file or keep the page on the status page`,
      { conflicts: carried.conflicts },
    );
  }
  if (carried.conflicts.length) {
    // The editor chose the new file: the hand-fixed files are kept beside the journal, so nothing is lost.
    const kept = path.join(
      journal.stateDir,
      "overwritten",
      date,
      label,
      new Date().toISOString().replace(/[:.]/g, "-"),
    );
    fs.mkdirSync(kept, { recursive: true });
    for (const { name } of carried.conflicts) fs.copyFileSync(path.join(pageDir, name), path.join(kept, name));
  }

  let plan: ReturnType<typeof planPage>;
  try {
    const crops: { name: string; data: Uint8Array }[] = [];
    for (const crop of read.crops) crops.push({ name: crop.file, data: await renderPdfRegion(bytes, crop.box) });
    plan = planPage(carried.articles, {
      editions: settings.editionsDir,
      date,
      page: label,
      force: true,
      // One --section serves a whole night of pages: what a page prints in its running head is more precise.
      section: fs.existsSync(path.join(pageDir, "page.yml")) ? undefined : (read.section ?? settings.section ?? label),
      pageFields: { pdf: pdfBytes ? "page.pdf" : undefined, editor: read.editor },
      files: [...(pdfBytes ? [{ name: "page.pdf", data: pdfBytes }] : []), ...crops],
    });
  } catch (err) {
    // What stops the page's files being planned (a photo that cannot be cut out, a slug two articles share) is
    // this page's problem, said on the status page; nothing was written.
    const reason = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    return problem("failed", `${file.relative} was read but cannot be written into ${pageDir}: ${reason}`);
  }
  const written = new Set(plan.writes.map((w) => path.relative(pageDir, w.path)));
  const removes = [
    ...new Set([
      ...plan.removes.map((r) => path.relative(pageDir, r)),
      ...current.map((c) => c.name).filter((n) => !written.has(n)),
    ]),
  ];
  const warnings = [
    ...read.warnings,
    ...plan.notes.filter((n) => n.startsWith("photo files not in place yet")),
    ...(settings.section || read.section || fs.existsSync(path.join(pageDir, "page.yml"))
      ? []
      : [
          `${path.join(pageDir, "page.yml")}: section set to "${label}" (no --section given, none printed in the running head): write the page's name there`,
        ]),
  ];
  const base = journal.saveBase(carried.pure.map((a) => ({ name: `${a.name}.md`, text: articleText(a) })));
  const record: ImportedRecord = {
    source: file.relative,
    version,
    inputs,
    base,
    time: new Date().toISOString(),
    hash: inputsHash(inputs, hash),
    headlines: carried.articles.map((a) => String(a.fields.headline ?? a.name)),
    warnings,
    kept: carried.kept,
  };

  const files = plan.writes.map((w) => ({ name: path.relative(pageDir, w.path), data: w.text }));
  const pageYml = pdfBytes ? pageYmlWith(pageDir, "pdf", "page.pdf", files) : undefined;
  if (pageYml) files.push(pageYml);
  await stageAndApply(journal, { key: pageKey(date, label), pageDir, removes, record, file: seen }, files, settings.at);
  return "imported";
}

/** The article file as the import writes it. */
const articleText = (a: ImportedArticle) => formatArticleFile(a.fields, a.body);

function withVersion(found: { date: string; label: string } | undefined) {
  return found ? { ...found, version: 1, kind: "pdf" as const } : undefined;
}

function suggestVersion(relative: string): string {
  const ext = path.extname(relative);
  return `${path.basename(relative, ext).replace(/(?:_[vV]\d+|[-_]\d{1,2})$/u, "")}_v2${ext}`;
}

/**
 * page.yml with `key: value` (the page's PDF or scan), when the file the page folder has says otherwise; one line
 * is changed or added, the rest stays as the editor wrote it. Undefined when there is nothing to change (or no
 * page.yml yet: planPage writes a new one with the PDF in it).
 */
function pageYmlWith(
  pageDir: string,
  key: "pdf" | "scan",
  value: string,
  writes: { name: string; data: string | Uint8Array }[],
): { name: string; data: string } | undefined {
  const planned = writes.find((w) => w.name === "page.yml")?.data;
  const file = path.join(pageDir, "page.yml");
  const text = typeof planned === "string" ? planned : fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
  if (text === undefined) return undefined;
  const line = new RegExp(`^${key}:.*$`, "mu");
  const wanted = `${key}: ${value}`;
  const match = line.exec(text);
  if (match?.[0].trim() === wanted) return undefined;
  const data = match ? text.replace(line, wanted) : `${text}${text.endsWith("\n") || !text ? "" : "\n"}${wanted}\n`;
  const index = writes.findIndex((w) => w.name === "page.yml");
  if (index >= 0) writes.splice(index, 1);
  return { name: "page.yml", data };
}

/** Writes an import into a staging folder, records the intent in the journal, and applies it (see the top). */
async function stageAndApply(
  journal: Journal,
  plan: Omit<StagedPlan, "writes" | "staging">,
  files: { name: string; data: string | Uint8Array }[],
  at?: ImportSettings["at"],
): Promise<void> {
  const staging = path.join(
    journal.stateDir,
    "staging",
    `${plan.key.replace("/", "-")}-${plan.file.hash.slice(0, 12)}`,
  );
  fs.rmSync(staging, { recursive: true, force: true });
  for (const { name, data } of files) {
    const target = path.join(staging, "files", name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data);
  }
  const staged: StagedPlan = { ...plan, writes: files.map((f) => f.name) };
  fs.writeFileSync(path.join(staging, "plan.json"), JSON.stringify(staged));
  journal.data.intent = { key: plan.key, staging };
  journal.save();
  await applyStaged(journal, staging, at);
}

/**
 * A page's scan: copied into the page folder as page.jpg (or .png, .tif, .webp) and named in page.yml as `scan:`;
 * the articles stay as they are. A file sharp cannot read is reported like a damaged PDF.
 */
async function importScan(
  journal: Journal,
  file: SeenFile & { hash: string },
  bytes: Buffer,
  named: PageName,
  settings: ImportSettings,
  problem: (message: string) => Outcome,
): Promise<Outcome> {
  const { date, label, version } = named;
  const page = journal.page(date, label);
  let pageDir: string;
  try {
    pageDir = pageFolder({ editions: settings.editionsDir, date, page: label });
    const { default: sharp } = await import("sharp");
    await sharp(bytes).stats();
  } catch (err) {
    // As for a PDF: this page stops, the others go on.
    const reason = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    return problem(
      `${file.relative} cannot be read as a page scan: ${reason}. Scan or export the page again into the hot folder`,
    );
  }
  const ext = path.extname(file.relative).toLowerCase().replace(".jpeg", ".jpg").replace(".tiff", ".tif");
  const name = `page${ext}`;
  const files: { name: string; data: string | Uint8Array }[] = [{ name, data: bytes }];
  const pageYml = path.join(pageDir, "page.yml");
  const section = settings.section ?? label;
  const yml = fs.existsSync(pageYml)
    ? pageYmlWith(pageDir, "scan", name, files)
    : { name: "page.yml", data: `section: ${section}\nscan: ${name}\n` };
  if (yml) files.push(yml);
  const old = fs.existsSync(pageYml)
    ? /^scan:\s*(page\.[a-z]+)\s*$/mu.exec(fs.readFileSync(pageYml, "utf8"))?.[1]
    : undefined;
  const inputs = { ...page.imported?.inputs, scan: { source: file.relative, version, hash: file.hash } };
  const record: ImportedRecord = {
    ...(page.imported ?? { base: journal.saveBase([]), headlines: [], warnings: [], kept: [] }),
    source: file.relative,
    version,
    inputs,
    hash: inputsHash(inputs, file.hash),
    time: new Date().toISOString(),
  };
  await stageAndApply(
    journal,
    { key: pageKey(date, label), pageDir, removes: old && old !== name ? [old] : [], record, file },
    files,
    settings.at,
  );
  return "imported";
}

/** The import's inputs in one hash: the file's own when it is the only one. */
function inputsHash(inputs: ImportedRecord["inputs"], only: string): string {
  const hashes = [inputs.pdf?.hash, inputs.dump?.hash, inputs.scan?.hash];
  return hashes.filter(Boolean).length > 1
    ? crypto.createHash("sha256").update(JSON.stringify(hashes)).digest("hex")
    : only;
}

/**
 * Copies a staged import into its page folder and records it: each file is renamed into place (never half
 * there), so doing it again after a kill is the same as doing it once.
 */
export async function applyStaged(journal: Journal, staging: string, at?: ImportSettings["at"]): Promise<void> {
  const plan = JSON.parse(fs.readFileSync(path.join(staging, "plan.json"), "utf8")) as StagedPlan;
  let copied = 0;
  for (const name of plan.writes) {
    const target = path.join(plan.pageDir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temp = `${target}.desk-${process.pid}`;
    fs.copyFileSync(path.join(staging, "files", name), temp);
    fs.renameSync(temp, target);
    if (++copied === 1) await at?.("desk:apply");
  }
  for (const name of plan.removes) fs.rmSync(path.join(plan.pageDir, name), { force: true });
  const page = journal.data.pages[plan.key];
  page.imported = plan.record;
  page.problem = undefined;
  page.imports++;
  journal.data.files[plan.file.relative] = plan.file;
  journal.data.intent = undefined;
  const kept = plan.record.kept.length
    ? `; hand fixes kept in ${plan.record.kept.map((k) => `${k.name} (${k.fields.join(", ")})`).join(", ")}`
    : "";
  journal.note(
    `${page.date} page ${page.label}: imported ${plan.record.source} (${plan.record.headlines.length} articles${kept})`,
  );
  journal.save();
  fs.rmSync(staging, { recursive: true, force: true });
}

/** Finishes an import a killed process had staged and not recorded. */
export async function finishInterrupted(journal: Journal): Promise<void> {
  const intent = journal.data.intent;
  if (!intent) return;
  if (!fs.existsSync(path.join(intent.staging, "plan.json"))) {
    // The intent is written only after the staging folder is complete, and removed before the folder: this is
    // a folder someone deleted. The arrival is imported again from the hot folder.
    journal.data.intent = undefined;
    journal.save();
    return;
  }
  journal.note(`finishing the import of ${intent.key} that was under way when the desk stopped`);
  await applyStaged(journal, intent.staging);
}
