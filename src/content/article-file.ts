// Writes and re-reads article files (front matter + markdown body) in the one canonical layout.
import yaml from "js-yaml";
import { articleKeyOrder, type ArticleFields } from "./schema.ts";

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
      lines.push(`area: ${JSON.stringify(value).replace(/,/g, ", ")}`);
    } else {
      lines.push(yaml.dump({ [key]: value }, { lineWidth: -1, quotingType: '"' }).trimEnd());
    }
  }
  const text = body.trim();
  return `---\n${lines.join("\n")}\n---\n${text ? `\n${text}\n` : ""}`;
}
