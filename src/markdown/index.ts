// The one markdown-it instance for article bodies: no raw HTML, CJK-aware line breaks, subheads under the headline.
import MarkdownIt from "markdown-it";
import cjkBreaks from "markdown-it-cjk-breaks";
import { subheadsPlugin } from "./subheads.ts";

const md = new MarkdownIt({
  // Print-system text is never trusted as markup: raw HTML is shown as text.
  html: false,
  linkify: false,
  typographer: false,
  breaks: false,
});
md.use(cjkBreaks);
md.use(subheadsPlugin);

export function renderBody(markdown: string): string {
  return md.render(markdown);
}

/** The body as plain text (no markup), cut at `length` characters. */
export function plainExcerpt(markdown: string, length: number): string {
  const text = plainText(markdown);
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

export function plainText(markdown: string): string {
  const tokens = md.parse(markdown, {});
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.type === "inline" && token.children) {
      parts.push(token.children.filter((t) => t.type === "text" || t.type === "code_inline").map((t) => t.content).join(""));
    }
  }
  return parts.join(" ").replace(/\s+/g, " ").trim();
}
