// The one markdown-it instance for article bodies: no raw HTML, CJK-aware line breaks, subheads under the headline.
import { createRequire } from "node:module";
import type { default as MarkdownItType, PluginSimple } from "markdown-it";
import { noControlsPlugin } from "./controls.ts";
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
md.use(noControlsPlugin);

export function renderBody(markdown: string): string {
  return md.render(markdown);
}

/** The body as HTML and as plain text, from one parse (what md.render and plainText each parse for). */
export function renderBodyAndText(markdown: string): { html: string; text: string } {
  const env = {};
  const tokens = md.parse(markdown, env);
  return { html: md.renderer.render(tokens, md.options, env), text: textOf(tokens) };
}

/** Plain text cut at `length` characters, with an ellipsis when cut. */
export function excerptOf(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

export function plainText(markdown: string): string {
  return textOf(md.parse(markdown, {}));
}

function textOf(tokens: ReturnType<typeof md.parse>): string {
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.type === "inline" && token.children) {
      parts.push(
        token.children
          .filter((t) => t.type === "text" || t.type === "code_inline")
          .map((t) => t.content)
          .join(""),
      );
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
