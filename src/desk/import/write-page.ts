// Writes imported articles into an edition's page folder, refusing to replace anything unless forced.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { formatArticleFile } from "../../content/article-file.ts";
import { dateProblem } from "../../content/dates.ts";
import { bodyAsText, fieldsAsText } from "./as-text.ts";
import type { ImportedArticle } from "./import-page.ts";
import { pageLabel } from "../prose/markers.ts";
import { ImportError, UsageProblem } from "./problems.ts";

export interface PageTarget {
  /** The editions folder, "editions" in the repository. */
  editions: string;
  /** The edition's date, YYYY-MM-DD. */
  date: string;
  /** The page label as printed (02, A03), optionally with a folder suffix (02-zonghe). */
  page: string;
}

export interface PlanOptions extends PageTarget {
  /** The page's name (版名) for a page.yml that does not exist yet. */
  section?: string;
  /** Replace article files that are already there. */
  force?: boolean;
  /** More of page.yml for a page that has none yet: the page PDF's file name, the editor. */
  pageFields?: {
    pdf?: string;
    editor?: string;
    advertisements?: { area: [number, number, number, number]; text?: string }[];
  };
  /** Other files for the page folder (the page PDF), by name inside it. */
  files?: { name: string; data: Uint8Array }[];
}

export interface PagePlan {
  pageDir: string;
  /** Files to write, article files first; `replaces` when a file of that name is already there. */
  writes: { path: string; text: string | Uint8Array; replaces: boolean }[];
  /** Older article files holding the same reading-order numbers under other names (only with force). */
  removes: string[];
  /** Things to tell the editor that do not stop the import. */
  notes: string[];
}

function checkDate(date: string): void {
  const problem = dateProblem(date);
  if (problem) throw new UsageProblem(`--date: ${problem}`);
}

/** The page folder: an existing one for this label (02 or 02-zonghe) if there is one, else named by the label. */
export function pageFolder(target: PageTarget): string {
  checkDate(target.date);
  const match = /^([A-Za-z]?\d{1,3})(-[a-z0-9-]+)?$/.exec(target.page);
  const label = match ? pageLabel(match[1]) : undefined;
  if (!match || !label) {
    throw new UsageProblem(
      `--page: ${target.page} is not a page label; give it as printed, such as 02 or A03 (or a folder name such as 02-zonghe)`,
    );
  }
  const editionDir = path.join(target.editions, target.date);
  if (match[2]) return path.join(editionDir, label + match[2]);
  const isPageFolder = (name: string) =>
    (name === label || name.startsWith(`${label}-`)) && statSync(path.join(editionDir, name)).isDirectory();
  const existing = existsSync(editionDir) ? readdirSync(editionDir).filter(isPageFolder) : [];
  if (existing.length > 1) {
    throw new ImportError(
      editionDir,
      `has ${existing.length} folders for page ${label} (${existing.join(", ")}); give --page with the folder's full name`,
    );
  }
  return path.join(editionDir, existing[0] ?? label);
}

/** Checks everything that could stop the import and says what would be written; writes nothing. */
export function planPage(articles: ImportedArticle[], options: PlanOptions): PagePlan {
  const pageDir = pageFolder(options);
  const notes: string[] = [];
  const writes: PagePlan["writes"] = [];
  const removes: string[] = [];

  const ours = new Map(articles.map((article) => [Number(article.name.split("-")[0]), `${article.name}.md`]));
  const present = existsSync(pageDir) ? readdirSync(pageDir).filter((name) => /^\d+-.*\.md$/.test(name)) : [];
  const conflicts: string[] = [];
  for (const name of present) {
    const number = Number(name.split("-")[0]);
    if (ours.has(number)) {
      conflicts.push(path.join(pageDir, name));
      if (ours.get(number) !== name) removes.push(path.join(pageDir, name));
    } else {
      notes.push(`${path.join(pageDir, name)} is not from this dump; left in place (check the page's reading order)`);
    }
  }
  if (conflicts.length && !options.force) {
    const more =
      conflicts.length > 1
        ? ` (and ${conflicts
            .slice(1)
            .map((c) => path.basename(c))
            .join(", ")})`
        : "";
    throw new ImportError(
      conflicts[0],
      `already exists${more}; nothing was written. Run again with --force to replace the page's article files`,
    );
  }

  for (const article of articles) {
    const file = path.join(pageDir, `${article.name}.md`);
    writes.push({
      path: file,
      text: formatArticleFile(fieldsAsText(article.fields), bodyAsText(article.body)),
      replaces: existsSync(file),
    });
  }

  const pageYml = path.join(pageDir, "page.yml");
  if (!existsSync(pageYml)) {
    const section = options.section?.trim();
    if (!section) {
      throw new ImportError(pageYml, "does not exist yet; give the page's name with --section, e.g. --section 综合");
    }
    const ads = options.pageFields?.advertisements?.map((ad) => (ad.text ? ad : { area: ad.area }));
    const fields = {
      section,
      pdf: options.pageFields?.pdf,
      editor: options.pageFields?.editor,
      advertisements: ads?.length ? ads : undefined,
    };
    if (!fields.pdf) delete fields.pdf;
    if (!fields.editor) delete fields.editor;
    if (!fields.advertisements) delete fields.advertisements;
    writes.push({ path: pageYml, text: yaml.dump(fields, { lineWidth: -1, flowLevel: 3 }), replaces: false });
  } else if (options.section) {
    let current: unknown;
    try {
      current = (yaml.load(readFileSync(pageYml, "utf8")) as { section?: unknown } | null)?.section;
    } catch {
      // A broken page.yml is the content check's to report; here it only means the section cannot be compared.
      current = undefined;
    }
    if (current !== options.section.trim()) {
      notes.push(`${pageYml} already exists (section: ${String(current)}); --section ${options.section} was not used`);
    }
  }

  for (const file of options.files ?? []) {
    const target = path.join(pageDir, file.name);
    const same = existsSync(target) && Buffer.compare(readFileSync(target), Buffer.from(file.data)) === 0;
    if (same) continue;
    if (existsSync(target) && !options.force) {
      throw new ImportError(
        target,
        "already exists and differs; nothing was written. Run again with --force to replace it",
      );
    }
    writes.push({ path: target, text: file.data, replaces: existsSync(target) });
  }

  const missing = articles.flatMap((article) =>
    (article.fields.figures ?? [])
      .map((figure) => figure.file)
      // Placeholders are reported by the import itself.
      .filter((file) => !new RegExp(`^photos/${article.name}-\\d+\\.jpg$`).test(file))
      .filter(
        (file) => !existsSync(path.join(pageDir, file)) && !writes.some((w) => w.path === path.join(pageDir, file)),
      ),
  );
  if (missing.length) {
    const files = missing.map((file) => path.join(pageDir, file)).join(", ");
    notes.push(`photo files not in place yet: ${files}; put them there before publishing`);
  }
  return { pageDir, writes, removes, notes };
}

/** Carries out a plan made by planPage. */
export function writePage(plan: PagePlan): void {
  mkdirSync(plan.pageDir, { recursive: true });
  for (const file of plan.removes) rmSync(file);
  for (const { path: file, text } of plan.writes) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
