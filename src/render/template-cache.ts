// Compiled Nunjucks templates kept between builds. Every build is a new process, and Nunjucks lexes, parses and
// compiles every template, include and macro file it renders to JavaScript again: about 60 ms of a one-edition
// build, the largest part of its render after the render itself. The JavaScript is kept in the cache folder
// (templates/), one file per template source and everything else compilation depends on, and reused.
import { createRequire } from "node:module";
import path from "node:path";
import { cachedText, hashBytes, stageCacheFolders } from "../util/cache.ts";

type Compile = (
  src: string,
  asyncFilters: string[],
  extensions: { __name?: string; tags?: string[] }[],
  name: string,
  opts: object,
) => string;
interface NunjucksLib {
  compiler: { compile: Compile };
}

const nunjucksVersion: string = createRequire(import.meta.url)("nunjucks/package.json").version;
const patched = new WeakMap<object, { dir: string | null }>();

/**
 * Makes `nunjucks` (the library Eleventy renders with) take compiled templates from `cacheDir`, compiling and
 * keeping those it has not seen. Later calls in the same process (npm start's rebuilds) only change the folder.
 */
export function cacheCompiledTemplates(nunjucks: NunjucksLib, cacheDir: string | undefined): void {
  const dir = cacheDir ? path.join(cacheDir, stageCacheFolders.templates) : null;
  const known = patched.get(nunjucks.compiler);
  if (known) {
    known.dir = dir;
    return;
  }
  const state = { dir };
  patched.set(nunjucks.compiler, state);
  const compile = nunjucks.compiler.compile;
  nunjucks.compiler.compile = (src, asyncFilters, extensions, name, opts) => {
    if (!state.dir) return compile(src, asyncFilters, extensions, name, opts);
    // The code depends on the source, its name (in error messages), the async filters, the custom tags and options.
    const tags = extensions.map((e) => [e.__name ?? "", ...(e.tags ?? [])].join(" "));
    const key = hashBytes("njk", nunjucksVersion, src, name ?? "", JSON.stringify([asyncFilters, tags, opts]));
    return cachedText(path.join(state.dir, `${key}.js`), () => compile(src, asyncFilters, extensions, name, opts));
  };
}
