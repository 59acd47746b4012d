// The pages stage: Eleventy renders the prepared site. The site is handed over here, explicitly, once per run:
// the config file (eleventy.config.ts) only wires what never changes.
import "./one-shot.ts";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import type { RenderedSite } from "../model/site.ts";
import { eleventyConfigFile, projectRoot } from "../project.ts";
import { filtersPlugin } from "./filters.ts";
import { navigationPlugin } from "./navigation.ts";
import { offlinePlugin } from "./offline.ts";
import { openDataPlugin } from "../opendata/eleventy.ts";
import { qrPlugin } from "./qr.ts";
import { downloadsPlugin } from "./downloads.ts";
import { wordsPlugin } from "./words.ts";
import { copyAssets } from "./assets.ts";
import { cacheCompiledTemplates } from "./template-cache.ts";
import { buildViews } from "./views.ts";

/** Templates a build can leave out (a shard has no home page). */
export const templates = {
  home: "src/render/templates/home.njk",
};

/** Everything the templates get from one build: the site as global data, filters with its settings. */
export function sitePlugin(eleventyConfig: any, options: { site: RenderedSite; cacheDir?: string }): void {
  const { site } = options;
  // The archive-wide lists no template reads (3,650 records each for ten years) are left out, not frozen, and so
  // are the calendars of the years whose archive page is not rendered (a publish renders tonight's year only).
  const { index: _index, shareCodes, ...forTemplates } = site;
  const calendar = site.calendar.map(({ months: _months, ...year }) => year);
  eleventyConfig.addGlobalData("banmian", deepFreeze({ ...forTemplates, calendar, views: buildViews(site) }));
  eleventyConfig.addPlugin(filtersPlugin, { root: site.root, timeZone: site.settings.timeZone });
  eleventyConfig.addPlugin(navigationPlugin);
  eleventyConfig.addPlugin(offlinePlugin);
  eleventyConfig.addPlugin(openDataPlugin);
  eleventyConfig.addPlugin(qrPlugin, { codes: shareCodes });
  eleventyConfig.addPlugin(downloadsPlugin);
  eleventyConfig.addPlugin(wordsPlugin);
  eleventyConfig.on("eleventy.engine.njk", ({ nunjucks }: { nunjucks: any }) =>
    cacheCompiledTemplates(nunjucks, options.cacheDir),
  );
}

/**
 * Freezes `value` and everything reachable from it. Eleventy passes frozen objects through as they are: its data
 * merge copies an unfrozen object into every template's data, and each paginated page reads its data through
 * proxies that wrap every plain object it touches. With the site frozen, a page's `banmian.…` lookups are plain
 * property reads (about 4 % of the render of ten editions). The site is not changed after it is prepared.
 */
export function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== "object" || seen.has(value)) return value;
  seen.add(value);
  if (value instanceof Map) for (const [k, v] of value) deepFreeze(k, seen), deepFreeze(v, seen);
  else if (value instanceof Set) for (const v of value) deepFreeze(v, seen);
  if (ArrayBuffer.isView(value)) return value;
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key], seen);
  return Object.freeze(value);
}

export interface RenderOptions {
  outDir: string;
  /** Templates left out of this build */
  ignore?: string[];
  /** The cache folder: the compiled templates made before are kept there */
  cacheDir?: string;
}

/** Renders the site into outDir with Eleventy. */
export async function renderSite(site: RenderedSite, options: RenderOptions): Promise<void> {
  // Eleventy finds the templates, _includes and their includes from the working folder, so a command started in
  // another folder rendered nothing and said "built": it renders from the project's folder, whatever the caller's.
  const outDir = path.resolve(options.outDir);
  const cacheDir = options.cacheDir && path.resolve(options.cacheDir);
  const caller = process.cwd();
  process.chdir(projectRoot);
  try {
    await render(site, { ...options, outDir, cacheDir });
  } finally {
    process.chdir(caller);
  }
}

async function render(site: RenderedSite, options: RenderOptions): Promise<void> {
  const eleventy = new Eleventy(projectRoot, options.outDir, {
    configPath: eleventyConfigFile,
    quietMode: true,
    pathPrefix: site.settings.pathPrefix,
    config: (eleventyConfig: any) => {
      eleventyConfig.addPlugin(sitePlugin, { site, cacheDir: options.cacheDir });
      for (const template of options.ignore ?? []) eleventyConfig.ignores.add(template);
    },
  });
  // Its "Wrote N files" line is the pages stage's ✓ line already, and would break a --json report on stdout.
  (eleventy as unknown as { disableLogger(): void }).disableLogger();
  await eleventy.write();
  copyAssets(options.outDir);
}
