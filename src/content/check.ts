// How front matter is checked, and what a build remembers of it. The schemas check what is new
// (src/content/schema-check.ts, which loads zod and js-yaml); what an earlier build found valid is kept in the
// cache folder (content/<date>.json, one file per edition, by the text's hash), so a warm build of unchanged files
// neither parses their YAML nor loads zod: about 50 ms of every build process, more than its content stage.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { hashBytes, stageCacheFolders, writeAtomically } from "../util/cache.ts";
import { moduleSources } from "../project.ts";
import type { Diagnostics } from "./diagnostics.ts";
import type { ArticleFields, EditionFields, PageFields } from "./schema.ts";
import type { Settings } from "./settings.ts";

export type FrontMatterKind = "edition" | "page" | "article";
export interface FieldsOf {
  edition: EditionFields;
  page: PageFields;
  article: ArticleFields;
}

export interface FrontMatterCheck {
  /**
   * The fields of `text` (YAML) as the schema of `kind` reads them, or null once the problems are reported.
   * `lineOffset` is the line of the file the text starts after (1 for an article's front matter).
   */
  check<K extends FrontMatterKind>(
    kind: K,
    text: string,
    file: string,
    diagnostics: Diagnostics,
    lineOffset: number,
  ): FieldsOf[K] | null;
}

/** Thrown by RememberedChecks without a fallback when it meets front matter no build has checked. */
export class NotRemembered extends Error {}

const require = createRequire(import.meta.url);

/** What a remembered result depends on besides the text: the schemas' code and the libraries that run it. */
function checkVersion(): string {
  const code = moduleSources(["content/schema", "content/schema-check", "content/settings"]);
  return hashBytes("checked", ...code, require("zod/package.json").version, require("luxon/package.json").version);
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

interface Memo {
  file: string;
  entries: Record<string, string>;
  /** Keys this build asked for: what is saved, so the file forgets the texts an edition no longer has */
  used: Set<string>;
  changed: boolean;
}

/**
 * Front matter checks remembered in `cacheDir` (no folder: nothing remembered). A text seen valid before gives
 * its fields back; anything else goes to `fallback` (the schemas), and what passes is remembered by `save()`.
 * Without a fallback, anything new throws NotRemembered: the build then loads the schemas and reads again.
 */
export class RememberedChecks implements FrontMatterCheck {
  fallback: FrontMatterCheck | null = null;
  private readonly dir: string | null;
  private readonly memos = new Map<string, Memo | null>();
  private version: string | null = null;

  constructor(cacheDir: string | null | undefined) {
    this.dir = cacheDir ? path.join(cacheDir, stageCacheFolders.content) : null;
  }

  check<K extends FrontMatterKind>(
    kind: K,
    text: string,
    file: string,
    diagnostics: Diagnostics,
    lineOffset: number,
  ): FieldsOf[K] | null {
    const key = hashBytes(kind, String(lineOffset), text);
    const memo = this.memoOf(editionOf(file));
    memo?.used.add(key);
    const known = memo?.entries[key];
    if (known !== undefined) return JSON.parse(known);
    if (!this.fallback) throw new NotRemembered(file);
    const fields = this.fallback.check(kind, text, file, diagnostics, lineOffset);
    if (fields && memo) {
      memo.entries[key] = JSON.stringify(fields);
      memo.changed = true;
    }
    return fields;
  }

  /** The site settings in `file`: as checked before if its text is unchanged, else checked (and remembered). */
  async loadSettings(file: string): Promise<Settings> {
    const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
    const memo = this.memoOf("settings");
    const key = text === null ? null : hashBytes("settings", path.resolve(file), text);
    if (key) memo?.used.add(key);
    const known = key ? memo?.entries[key] : undefined;
    if (known !== undefined) return JSON.parse(known);
    const { loadSettings } = await import("./settings.ts");
    const settings = loadSettings(file);
    if (memo && key) {
      memo.entries[key] = JSON.stringify(settings);
      memo.changed = true;
    }
    return settings;
  }

  /**
   * Writes what was checked anew, and forgets what was not asked for (the old texts of edited files). Each
   * edition's file is written whole, so a shard never mixes two builds' halves. Call it after reading whole editions.
   */
  save(): void {
    for (const memo of this.memos.values()) {
      if (!memo || (!memo.changed && memo.used.size === Object.keys(memo.entries).length)) continue;
      const entries = Object.fromEntries(
        [...memo.used].filter((k) => memo.entries[k] !== undefined).map((k) => [k, memo.entries[k]]),
      );
      writeAtomically(memo.file, JSON.stringify({ version: this.versionKey(), entries }));
    }
  }

  private memoOf(name: string | null): Memo | null {
    if (!this.dir || !name) return null;
    let memo = this.memos.get(name);
    if (memo === undefined) {
      const file = path.join(this.dir, `${name}.json`);
      let entries: Record<string, string> = {};
      try {
        const stored = JSON.parse(fs.readFileSync(file, "utf8"));
        if (stored.version === this.versionKey()) entries = stored.entries;
      } catch {
        // Nothing remembered yet, or a file from an older format: checked again.
      }
      memo = { file, entries, used: new Set(), changed: false };
      this.memos.set(name, memo);
    }
    return memo;
  }

  private versionKey(): string {
    return (this.version ??= checkVersion());
  }
}

/** The edition (YYYY-MM-DD folder) a file is in, or null for a file outside any edition. */
function editionOf(file: string): string | null {
  const parts = path.resolve(file).split(path.sep);
  for (let i = parts.length - 2; i >= 0; i--) if (datePattern.test(parts[i])) return parts[i];
  return null;
}
