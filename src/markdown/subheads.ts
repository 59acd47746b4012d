// Subheads in an article body sit under the page's <h1> headline: `#`–`###` become <h2>, deeper ones <h3>.
import type MarkdownIt from "markdown-it";

export function subheadsPlugin(md: MarkdownIt): void {
  md.core.ruler.push("banmian_subheads", (state) => {
    for (const token of state.tokens) {
      if (token.type === "heading_open" || token.type === "heading_close") {
        const level = Number(token.tag.slice(1));
        token.tag = level <= 3 ? "h2" : "h3";
      }
    }
  });
}
