// Control characters written as entities (&#12; — markdown-it decodes a form feed, where it replaces NUL and the
// others) are removed after decoding, as the content reader refuses them written out: feeds and the EPUB are XML.
import type MarkdownIt from "markdown-it";
import { withoutControls } from "../util/control.ts";

type Token = ReturnType<MarkdownIt["parse"]>[number];

function clean(token: Token): void {
  token.content = withoutControls(token.content);
  if (token.attrs) for (const attr of token.attrs) attr[1] = withoutControls(attr[1]);
  for (const child of token.children ?? []) clean(child);
}

export function noControlsPlugin(md: MarkdownIt): void {
  md.core.ruler.push("banmian_no_controls", (state) => {
    for (const token of state.tokens) clean(token);
  });
}
