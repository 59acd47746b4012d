// What an import writes is the text as printed, never markup: characters markdown would read as links, emphasis,
// images, HTML or lists are escaped, and control characters removed, in one place — where the article files are
// formatted (write-page.ts) — whatever the importer (dump or PDF) made of the page.
import type { ArticleFields } from "../../content/schema.ts";
import { withoutControls } from "../../util/control.ts";

/** What markdown-it reads as inline markup: links and images ([ ]), emphasis, code, HTML and autolinks (<),
 * strikethrough, table cells, escapes themselves, and an entity such as &amp;. Parentheses, "!" and ">" mean
 * nothing without these. */
const inlineMarkup = /[\\`*_[\]<~|]|&(?=#?[A-Za-z0-9]+;)/g;
/** A line start markdown reads as a block: heading, quote, list, rule, setext underline, ordered list. */
const blockStart = /^(\s*)(?:([-+=#>])|(\d{1,9})([.)]))/;
/** What the importers already escaped at a paragraph's start (a backslash before "1. ", "- ", "# ", ">"). */
const importerEscape = /^\\(?=#{1,6}\s|[-+*]\s|\d+[.)]\s|>)/;

/** One line of printed text as markdown that renders as exactly that text. */
export function escapeLine(line: string): string {
  const escaped = line.replace(inlineMarkup, "\\$&");
  // "*" and "|" at a line's start were escaped with the rest; the other block marks only mean something there.
  return escaped.replace(
    blockStart,
    (_whole, space: string, mark: string | undefined, digits: string | undefined, dot: string | undefined) =>
      digits ? `${space}${digits}\\${dot}` : `${space}\\${mark}`,
  );
}

/** A markdown table as the PDF import writes it: rows between pipes, the second a rule of dashes. */
function isTable(block: string): boolean {
  const lines = block.split("\n");
  return lines.length >= 2 && lines.every((l) => /^\|.*\|$/u.test(l)) && /^\|(?:\s*-{3,}\s*\|)+$/u.test(lines[1]);
}

/** Each cell of a table escaped as a line of text is, the pipes between the cells kept. */
function tableAsText(block: string): string {
  return block
    .split("\n")
    .map((row, i) => {
      if (i === 1) return row;
      const cells = row
        .slice(1, -1)
        .split(/(?<!\\)\|/u)
        .map((c) => c.trim().replace(/\\\|/gu, "|"));
      return `| ${cells.map((c) => escapeLine(c)).join(" | ")} |`;
    })
    .join("\n");
}

/**
 * An imported body (paragraphs and `### ` subheads, one blank line between, as both importers make it) with every
 * paragraph's and subhead's text escaped, so printed text such as `[x](https://…)` stays text.
 */
export function bodyAsText(body: string): string {
  return withoutControls(body)
    .split(/\n{2,}/)
    .map((block) => {
      if (isTable(block)) return tableAsText(block);
      const subhead = /^### (.*)$/s.exec(block);
      if (subhead) return `### ${escapeLine(subhead[1].replace(/\n/g, " "))}`;
      return block.replace(importerEscape, "").split("\n").map(escapeLine).join("\n");
    })
    .join("\n\n");
}

/** The fields with control characters removed from every text in them (the templates escape HTML themselves). */
export function fieldsAsText(fields: ArticleFields): ArticleFields {
  const clean = (value: unknown): unknown =>
    typeof value === "string"
      ? withoutControls(value)
      : Array.isArray(value)
        ? value.map(clean)
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]))
          : value;
  return clean(fields) as ArticleFields;
}
