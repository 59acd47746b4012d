// Type declarations for packages that ship none.
declare module "markdown-it-cjk-breaks" {
  import type MarkdownIt from "markdown-it";
  const plugin: (md: MarkdownIt) => void;
  export default plugin;
}
