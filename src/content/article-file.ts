// Writes and re-reads article files (front matter + markdown body) in the one canonical layout.
import yaml from "js-yaml";
import type { ArticleFields } from "./schema.ts";
/** Front matter keys in the order they are written to files. */
export const articleKeyOrder: (keyof ArticleFields)[] = [
  "column",
  "kicker",
  "headline",
  "subtitle",
  "dateline",
  "byline",
  "mark",
  "figures",
  "area",
  "story",
  "continued_from",
  "continued_on",
  "correction",
];

/** Splits a file's text into its YAML front matter and body. Returns null front matter if there is none. */
export function splitFrontMatter(source: string): { yaml: string | null; body: string; bodyLine: number } {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const match = /^---\n([\s\S]*?)\n?---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { yaml: null, body: text, bodyLine: 1 };
  const bodyLine = match[0].split("\n").length;
  return { yaml: match[1], body: text.slice(match[0].length), bodyLine };
}

/** Formats an article as file text: keys in a fixed order, an area on one line, the body after a blank line. */
export function formatArticleFile(fields: ArticleFields, body: string): string {
  const lines: string[] = [];
  for (const key of articleKeyOrder) {
    const value = fields[key];
    if (value === undefined) continue;
    if (key === "area") {
      lines.push(formatAreaLine(fields.area));
    } else {
      lines.push(yaml.dump({ [key]: value }, { lineWidth: -1, quotingType: '"' }).trimEnd());
    }
  }
  const text = body.trim();
  return `---\n${lines.join("\n")}\n---\n${text ? `\n${text}\n` : ""}`;
}

/** An area as the one line an article file has for it: `area: [0.031, 0.08, 0.504, 0.376]`. */
export function formatAreaLine(area: ArticleFields["area"]): string {
  return `area: ${JSON.stringify(area).replace(/,/g, ", ")}`;
}

/**
 * The file's text with its `area` set to `area` and every other byte kept: the old `area:` entry (one line, or a
 * YAML block over several) becomes the one line; a file without one gets it where formatArticleFile puts it.
 * Line endings (LF or CRLF) and a byte-order mark stay as they were. Null when the file has no front matter.
 */
export function replaceAreaLine(source: string, area: NonNullable<ArticleFields["area"]>): string | null {
  const bom = source.startsWith("\uFEFF") ? "\uFEFF" : "";
  const eol = /\r\n/.test(source) ? "\r\n" : "\n";
  const lines = source.slice(bom.length).split(eol);
  if (lines[0].trimEnd() !== "---") return null;
  const end = lines.findIndex((line, i) => i > 0 && /^---[ \t]*$/.test(line));
  if (end < 0) return null;
  const line = formatAreaLine(area);
  const isKey = (l: string) => /^[A-Za-z_][\w-]*\s*:/.test(l);
  const start = lines.findIndex((l, i) => i > 0 && i < end && /^area\s*:/.test(l));
  if (start >= 0) {
    // A block-style area goes on over indented lines and "- " items until the next key.
    let stop = start + 1;
    while (stop < end && !isKey(lines[stop])) stop++;
    lines.splice(start, stop - start, line);
  } else {
    const later = new Set<string>(articleKeyOrder.slice(articleKeyOrder.indexOf("area") + 1));
    const next = lines.findIndex((l, i) => i > 0 && i < end && isKey(l) && later.has(l.split(":")[0].trim()));
    lines.splice(next >= 0 ? next : end, 0, line);
  }
  return bom + lines.join(eol);
}
