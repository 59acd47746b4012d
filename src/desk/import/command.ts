// What `npm run import` does: a text dump, a page PDF, a dump with the page's PDF for its areas, or a folder of PDFs.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { exitCodes } from "../../cli/index.ts";
import { limits } from "../../content/limits.ts";
import { runPool } from "../../util/pool.ts";
import { renderPdfRegion } from "../../images/pdf.ts";
import { scriptArgs } from "../../project.ts";
import { runNode } from "../../util/child.ts";
import { decodeDump } from "./decode.ts";
import { importDump, type ImportedPage } from "./import-page.ts";
import { takePdf } from "./pdf-intake.ts";
import { importPdf, matchPdfAreas } from "./pdf-page.ts";
import { formatWarning, ImportError, UsageProblem } from "./problems.ts";
import { pageLabel } from "../prose/markers.ts";
import { articleTable } from "./table.ts";
import { pageFolder, planPage, writePage } from "./write-page.ts";

export const importUsage =
  "usage: npm run import -- <dump> --date YYYY-MM-DD --page NN [--section 综合] [--photos a.png,b.png] [--pdf page.pdf]\n" +
  "       npm run import -- <page.pdf> [--date YYYY-MM-DD] [--page NN] [--section 综合] [--locale zh|en] [--page-seconds N]\n" +
  "         (a page PDF's date, page and section are read from its running head when not given)\n" +
  "       npm run import -- <folder of page PDFs> [--pattern rmrb{date}{page}.pdf] [--section 综合] [--jobs N] [--page-seconds N]\n" +
  "       (all: [--keep-punctuation] [--force] [--editions DIR] [--json])";

export interface ImportFlags {
  date?: string;
  page?: string;
  section?: string;
  photos?: string;
  pdf?: string;
  locale?: string;
  pattern?: string;
  jobs?: number;
  /** Seconds one page may take, alone or in a folder (default limits.importPageSeconds) */
  pageSeconds?: number;
  keepPunctuation?: boolean;
  force?: boolean;
  editions: string;
  json?: boolean;
}

/** One page's import as a child process reports it (--json). */
export interface PageSummary {
  source: string;
  pageDir?: string;
  articles: number;
  warnings: number;
  written: number;
  error?: string;
}

const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";

function readInput(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportError(
      file,
      `cannot be read (${code === "ENOENT" ? "no such file" : code}); check the ${what}'s path`,
    );
  }
}

/** Imports one dump or page PDF into its page folder; prints the table (or one JSON line) and what it wrote. */
export async function importOne(input: string, flags: ImportFlags): Promise<PageSummary> {
  // The file named as it was given: a path rewritten relative to the working folder reads as a different file.
  const source = path.normalize(input);
  const missing = [!flags.date && "--date", !flags.page && "--page"].filter(Boolean);
  // A page PDF may print its date and number in its running head; a dump says neither, so it stops here, unread.
  if (missing.length && !/\.pdf$/iu.test(input)) throw new UsageProblem(`missing ${missing.join(", ")}`);
  const bytes = readInput(input, "input");
  let target = { editions: flags.editions, date: flags.date ?? "", page: flags.page ?? "" };
  let section = flags.section;
  const log = (text: string) => {
    if (!flags.json) console.log(text);
  };

  let page: ImportedPage;
  let what: string;
  let pdfBytes: Uint8Array | undefined;
  let editor: string | undefined;
  let advertisements: { area: [number, number, number, number]; text?: string }[] | undefined;
  const files: { name: string; data: Uint8Array }[] = [];
  if (!isPdf(bytes) && /\.pdf$/iu.test(input)) {
    throw new ImportError(
      source,
      "is named .pdf but is not a PDF (it does not start with %PDF-); export the page again",
    );
  }
  if (isPdf(bytes)) {
    const taken = await takePdf(bytes, source);
    pdfBytes = taken.bytes;
    const pdf = importPdf(pdfBytes, { source, locale: flags.locale, keepPunctuation: flags.keepPunctuation });
    pdf.warnings.unshift(...taken.warnings);
    page = pdf;
    editor = pdf.editor;
    advertisements = pdf.advertisements;
    what = `page PDF, ${pdf.pdf.locale}`;
    // What the options leave out, the page's running head may say.
    const { identity } = pdf.pdf;
    target = {
      ...target,
      date: target.date || identity.date || "",
      page: target.page || (identity.folio ? (pageLabel(identity.folio) ?? "") : ""),
    };
    const unsaid = [!target.date && "--date", !target.page && "--page"].filter(Boolean);
    if (unsaid.length)
      throw new UsageProblem(
        `missing ${unsaid.join(", ")} (${source} does not print its date and page number in its running head)`,
      );
    if (!section && identity.section) {
      section = identity.section;
      what += `, section «${section}» from its running head`;
    }
    for (const crop of pdf.crops) files.push({ name: crop.file, data: await renderPdfRegion(pdfBytes, crop.box) });
  } else {
    const { text, encoding } = decodeDump(bytes, source);
    const photos = flags.photos
      ?.split(/[,，]/u)
      .map((name) => name.trim())
      .filter(Boolean);
    page = importDump(text, { source, photos, keepPunctuation: flags.keepPunctuation });
    what = encoding;
    if (flags.pdf) {
      pdfBytes = readInput(flags.pdf, "page PDF");
      if (!isPdf(pdfBytes)) throw new ImportError(flags.pdf, "is not a PDF (it does not start with %PDF-)");
      const taken = await takePdf(pdfBytes, flags.pdf);
      pdfBytes = taken.bytes;
      page.warnings.push(...taken.warnings);
      // The dump's fields win; the PDF only says where each article is printed.
      const matched = matchPdfAreas(page.articles, pdfBytes, { source: flags.pdf, locale: flags.locale });
      page.warnings.push(...matched.warnings);
      editor = matched.editor;
      what += ` + ${path.basename(flags.pdf)} for the areas`;
    }
  }
  // The table comes before the checks on the page folder, so an editor sees what was read even when it stops there.
  log(`${source} (${what}): ${page.articles.length} articles for ${pageFolder(target)}\n`);
  log(articleTable(page.articles));
  const warnings = page.warnings.map((w) => formatWarning(source, w));
  if (warnings.length) log(`\nwarnings:\n${warnings.map((w) => `  ! ${w}`).join("\n")}`);

  const plan = planPage(page.articles, {
    ...target,
    section,
    force: flags.force,
    pageFields: pdfBytes ? { pdf: "page.pdf", editor, advertisements } : undefined,
    files: pdfBytes ? [{ name: "page.pdf", data: pdfBytes }, ...files] : undefined,
  });
  if (plan.notes.length)
    log(`${warnings.length ? "" : "\nwarnings:\n"}${plan.notes.map((note) => `  ! ${note}`).join("\n")}`);
  writePage(plan);
  log("");
  for (const file of plan.removes) log(`removed  ${file}`);
  for (const { path: file, replaces } of plan.writes) log(`${replaces ? "replaced" : "wrote"}  ${file}`);
  const summary = {
    source,
    pageDir: plan.pageDir,
    articles: page.articles.length,
    warnings: warnings.length + plan.notes.length,
    written: plan.writes.length,
  };
  if (flags.json) console.log(JSON.stringify(summary));
  return summary;
}

/**
 * Where a file name holds the edition's date and the page: `{date}` (YYYYMMDD or YYYY-MM-DD) and `{page}` (02, A03)
 * in a pattern such as rmrb{date}{page}.pdf; `*` stands for anything.
 */
export function namePattern(pattern: string): (name: string) => { date: string; page: string } | undefined {
  // "*" takes as little as it can, so rmrb2024050601.pdf gives the date 2024-05-06 and page 01 (not 0240-50-60).
  const escaped = pattern.replace(/[.+?^$()|[\]\\]/g, "\\$&").replace(/\*/g, ".*?");
  const source = escaped
    .replace("{date}", "(?<date>\\d{4}-\\d{2}-\\d{2}|\\d{8})")
    .replace("{page}", "(?<page>[A-Za-z]?\\d{1,3})");
  const regex = new RegExp(`^${source}$`, "u");
  return (name) => {
    const groups = regex.exec(name)?.groups;
    if (!groups?.date || !groups.page) return undefined;
    const digits = groups.date.replace(/-/g, "");
    return {
      date: `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`,
      page: groups.page.toUpperCase(),
    };
  };
}

/** Set in the environment of a process importing one page for a parent that holds its clock. */
const onePageChild = "BANMIAN_IMPORT_ONE_PAGE";

const tooLate = (seconds: number) =>
  `stopped after ${seconds} s, the time limit for one page (--page-seconds); nothing was written for it. Export the page again flattened, or give its text dump`;

/** The node arguments that import `input` as one page with `flags`. */
function pageCommand(input: string, flags: ImportFlags): string[] {
  const given: [string, string | undefined][] = [
    ["--date", flags.date],
    ["--page", flags.page],
    ["--section", flags.section],
    ["--photos", flags.photos],
    ["--pdf", flags.pdf],
    ["--locale", flags.locale],
    ["--editions", flags.editions],
  ];
  return [
    ...scriptArgs("import"),
    input,
    ...given.flatMap(([flag, value]) => (value === undefined ? [] : [flag, value])),
    ...(flags.keepPunctuation ? ["--keep-punctuation"] : []),
    ...(flags.force ? ["--force"] : []),
    ...(flags.json ? ["--json"] : []),
  ];
}

/**
 * Imports one page in a child process under the per-page time limit: MuPDF's work is synchronous (no timer fires
 * while it runs), so only a process of its own can be stopped. The child prints as it would alone.
 */
async function importTimed(input: string, flags: ImportFlags): Promise<number> {
  const seconds = flags.pageSeconds ?? limits.importPageSeconds;
  const child = spawn(process.execPath, pageCommand(input, flags), {
    stdio: "inherit",
    env: { ...process.env, [onePageChild]: "1" },
  });
  let late = false;
  const timer = setTimeout(() => {
    late = true;
    child.kill("SIGKILL");
  }, seconds * 1000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (exit) => resolve(exit));
  }).finally(() => clearTimeout(timer));
  if (late) {
    console.error(`error: ${path.normalize(input)}: ${tooLate(seconds)}`);
    return exitCodes.contentErrors;
  }
  return code ?? exitCodes.failed;
}

/** Imports every page PDF of a folder, as many at once as there are cores; one line per page, then the count. */
export async function importFolder(folder: string, flags: ImportFlags): Promise<number> {
  const match = namePattern(flags.pattern ?? "*{date}{page}.pdf");
  const names = readdirSync(folder)
    .filter((name) => name.toLowerCase().endsWith(".pdf"))
    .sort();
  // A name without the date and page leaves them to the page's running head (and the date to --date or to a folder
  // named for the edition, 2024-05-06/A01.pdf).
  const dated = /^(\d{4})-?(\d{2})-?(\d{2})$/u.exec(path.basename(path.resolve(folder)));
  const folderDate = dated ? `${dated[1]}-${dated[2]}-${dated[3]}` : undefined;
  const unnamed = names.filter((name) => !match(name));
  for (const name of unnamed)
    console.log(
      `unnamed  ${path.join(folder, name)}: no date and page in its name (see --pattern); its running head is read for them`,
    );
  const queue = names;
  if (!queue.length) throw new ImportError(folder, "holds no page PDF (*.pdf)");

  const jobs = Math.max(1, flags.jobs ?? os.availableParallelism());
  let failed = 0;
  let broken = 0;
  let done = 0;
  // Each page in its own child process: MuPDF works one page at a time, and a page that fails stops only itself.
  await runPool(queue, jobs, async (name) => {
    const file = path.join(folder, name);
    const named = match(name);
    const date = named?.date ?? flags.date ?? folderDate;
    const pageFlags = { ...flags, date, page: named?.page, photos: undefined, pdf: undefined, json: true };
    const child = runNode(pageCommand(file, pageFlags), { env: { ...process.env, [onePageChild]: "1" } });
    // A page built to hang MuPDF (or one too heavy for it) is stopped alone: the folder goes on.
    const seconds = flags.pageSeconds ?? limits.importPageSeconds;
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      child.stop();
    }, seconds * 1000);
    const result = await child.done.finally(() => clearTimeout(timer));
    const summary = result.json as PageSummary | null;
    if (late) {
      failed++;
      console.log(`FAILED   ${file}: ${tooLate(seconds)}`);
    } else if (result.code === 0 && summary) {
      done++;
      const warned = summary.warnings ? `, ${summary.warnings} warning(s)` : "";
      console.log(`ok       ${file} → ${summary.pageDir}: ${summary.articles} articles${warned}`);
    } else {
      failed++;
      // A page its own import refused (exit 2) is the input's fault; anything else is a failure of the import.
      if (result.code !== exitCodes.contentErrors) broken++;
      const why =
        result.tail
          .split("\n")
          .filter((l) => l.trim())
          .at(-1) ?? `exit code ${result.code}`;
      console.log(`FAILED   ${file}: ${why.replace(/^error:\s*/u, "")}`);
    }
  });
  console.log(`\n${done} page(s) imported, ${failed} failed`);
  // Pages refused or stopped at the time limit are the input's fault (exit 2); a page whose import broke is not.
  return broken ? exitCodes.failed : failed ? exitCodes.contentErrors : exitCodes.ok;
}

/**
 * The command: a folder goes page by page, a file is imported on its own. Returns the exit code; what stops the
 * import is printed as one "error: …" line: the input at fault exits 2, the command line (said with the usage) 1.
 */
export async function runImport(positionals: string[], flags: ImportFlags): Promise<number> {
  try {
    return await importInput(positionals, flags);
  } catch (error) {
    if (error instanceof UsageProblem) {
      console.error(`error: ${error.message}\n${importUsage}`);
      return exitCodes.failed;
    }
    if (error instanceof ImportError) {
      console.error(`error: ${error.message}`);
      return exitCodes.contentErrors;
    }
    throw error;
  }
}

async function importInput(positionals: string[], flags: ImportFlags): Promise<number> {
  if (positionals.length !== 1) throw new UsageProblem("give one dump, page PDF or folder of page PDFs");
  const [input] = positionals;
  let folder = false;
  try {
    folder = statSync(input).isDirectory();
  } catch {
    // A path that does not exist is reported by importOne, naming it.
    folder = false;
  }
  if (folder) return importFolder(input, flags);
  if (!process.env[onePageChild]) return importTimed(input, flags);
  await importOne(input, flags);
  return exitCodes.ok;
}
