// Type declarations for packages that ship none.
declare module "markdown-it-cjk-breaks" {
  import type MarkdownIt from "markdown-it";
  const plugin: (md: MarkdownIt) => void;
  export default plugin;
}
declare module "@11ty/eleventy" {
  export const HtmlBasePlugin: unknown;
  export class Eleventy {
    constructor(input?: string, output?: string, options?: Record<string, unknown>);
    init(): Promise<unknown>;
    write(): Promise<unknown>;
    watch(): Promise<unknown>;
    serve(port?: number): Promise<unknown>;
    toJSON(): Promise<unknown>;
  }
}
declare module "@11ty/eleventy-plugin-rss" {
  const rssPlugin: unknown;
  export default rssPlugin;
}

declare module "@11ty/eleventy-dev-server" {
  const EleventyDevServer: any;
  export default EleventyDevServer;
}
