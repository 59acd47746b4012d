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

export interface BodyReference {
  kind: "image" | "link";
  url: string;
  /** Line within the markdown, from 0 */
  line: number;
}

/** Every image and link target in a body, as markdown-it reads them (before its own link check drops any). */
export function bodyReferences(markdown: string): BodyReference[] {
  const refs: BodyReference[] = [];
  for (const token of md.parse(markdown, {})) {
    if (token.type !== "inline" || !token.children) continue;
    const line = token.map?.[0] ?? 0;
    for (const child of token.children) {
      if (child.type === "image") refs.push({ kind: "image", url: child.attrGet("src") ?? "", line });
      if (child.type === "link_open") refs.push({ kind: "link", url: child.attrGet("href") ?? "", line });
    }
  }
  return refs;
}
