// Hand fixes across a replaced page PDF: what an editor changed in an article file after the import (an area moved
// in the area editor, a headline corrected) is carried into the new import when that article is still on the page
// with the same text; where it cannot be, the page is held and the conflict named, never overwritten.
import { isDeepStrictEqual } from "node:util";
import yaml from "js-yaml";
import { splitFrontMatter } from "../../content/article-file.ts";
import type { ArticleFields } from "../../content/schema.ts";
import type { ImportedArticle } from "../import/import-page.ts";

/** An article file as it is in the page folder, or as the last import wrote it. */
export interface ArticleText {
  /** The file name: 02-chenzhou-jiedao.md */
  name: string;
  text: string;
}

export interface Conflict {
  /** The hand-fixed file that could not be carried over */
  name: string;
  reason: string;
}

export interface Carried {
  /** The new import's articles, with the hand fixes carried into them */
  articles: ImportedArticle[];
  /** The same articles as the PDF alone has them (under the same names): what the next replacement compares with */
  pure: ImportedArticle[];
  /** Files of the page folder the import may remove: what an earlier import wrote, untouched since */
  removable: string[];
  /** Files carried over, with the fields kept from the hand fix ("headline", "area", "body") */
  kept: { name: string; fields: string[] }[];
  conflicts: Conflict[];
}

interface Parsed {
  fields: Record<string, unknown>;
  body: string;
}

function parse(text: string): Parsed | null {
  const { yaml: front, body } = splitFrontMatter(text);
  try {
    const fields = front === null ? {} : yaml.load(front);
    return fields && typeof fields === "object" ? { fields: fields as Record<string, unknown>, body } : null;
  } catch {
    // Front matter an editor broke cannot be compared field by field: the whole file is a conflict.
    return null;
  }
}

/** The article's words, for "the same text": paragraphs and spaces as typed do not count. */
export const sameText = (a: string, b: string) => a.replace(/\s+/gu, "") === b.replace(/\s+/gu, "");

const slugOf = (name: string) => name.replace(/^\d+-/u, "").replace(/\.md$/u, "");
const numberOf = (name: string) => name.split("-")[0];

/**
 * Merges a new import of a page with the page folder as it is. `current` are the page's article files now,
 * `base` what the last import wrote (empty for a page the hot folder has not imported: then every file there is
 * the editor's). A file equal to its base is the import's own and is replaced; a file that differs was fixed by
 * hand: its changed fields (and body) win over the new import's, as long as one new article has the text the
 * file's article had when it was imported. The carried file keeps its slug, so its address does not change.
 */
export function carryHandFixes(
  imported: readonly ImportedArticle[],
  current: readonly ArticleText[],
  base: readonly ArticleText[],
): Carried {
  const baseByName = new Map(base.map((b) => [b.name, b.text]));
  const articles = imported.map((a) => ({ ...a, fields: { ...a.fields } }));
  const pure = [...imported];
  const claimed = new Set<number>();
  const removable: string[] = [];
  const kept: Carried["kept"] = [];
  const conflicts: Conflict[] = [];
  for (const file of current) {
    const before = baseByName.get(file.name);
    if (before === file.text) {
      removable.push(file.name);
      continue;
    }
    const now = parse(file.text);
    const then = before === undefined ? null : parse(before);
    if (!now || (before !== undefined && !then)) {
      conflicts.push({
        name: file.name,
        reason: "its front matter cannot be read: fix it, then take or keep the new PDF",
      });
      continue;
    }
    const wordsThen = (then ?? now).body;
    const index = articles.findIndex((a, i) => !claimed.has(i) && sameText(a.body, wordsThen));
    if (index < 0) {
      const headline = String(now.fields.headline ?? file.name);
      conflicts.push({
        name: file.name,
        reason: `fixed by hand, and its text (${headline}) is not on the new page as it was: check the new PDF`,
      });
      continue;
    }
    claimed.add(index);
    const target = articles[index];
    const fields = target.fields as Record<string, unknown>;
    const changed: string[] = [];
    const keys = new Set([...Object.keys(now.fields), ...Object.keys(then?.fields ?? {})]);
    for (const key of keys) {
      // Without a base (a page not imported by the hot folder) everything in the editor's file is the editor's.
      if (then && isDeepStrictEqual(now.fields[key], then.fields[key])) continue;
      if (now.fields[key] === undefined) delete fields[key];
      else fields[key] = now.fields[key];
      changed.push(key);
    }
    if (!then || now.body !== then.body) {
      target.body = now.body.trim();
      changed.push("body");
    }
    target.fields = fields as ArticleFields;
    target.name = `${numberOf(target.name)}-${slugOf(file.name)}`;
    pure[index] = { ...pure[index], name: target.name };
    kept.push({ name: file.name, fields: changed });
  }
  return { articles, pure, removable, kept, conflicts };
}
