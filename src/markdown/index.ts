// The one markdown-it instance for article bodies: no raw HTML, CJK-aware line breaks, subheads under the headline.
import { createRequire } from "node:module";
import type { default as MarkdownItType, PluginSimple } from "markdown-it";
import { subheadsPlugin } from "./subheads.ts";

// markdown-it's CommonJS build is one bundled file; its ES modules are sixty. Loading the one costs about a
// third of the time (12 against 38 ms here), in every build process.
const require = createRequire(import.meta.url);
const MarkdownIt: typeof MarkdownItType = require("markdown-it");
const cjkBreaks: PluginSimple = require("markdown-it-cjk-breaks");

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
