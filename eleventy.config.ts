// Eleventy wiring only: directories, the prepared site as global data, plugins. Logic lives in src/.
import { HtmlBasePlugin } from "@11ty/eleventy";
import rssPlugin from "@11ty/eleventy-plugin-rss";
import { getPreparedSite } from "./src/pipeline/session.ts";
import { prepareSite, siteOptionsFromEnv, type SiteData } from "./src/pipeline/site.ts";
import { ContentError, formatDiagnostic } from "./src/content/diagnostics.ts";
import { filtersPlugin } from "./src/render/filters.ts";
import { navigationPlugin } from "./src/render/navigation.ts";
import { offlinePlugin } from "./src/render/offline.ts";

/** The site data: prepared by the build script, or (npm start) prepared anew for every rebuild. */
async function site(): Promise<SiteData> {
  const prepared = getPreparedSite() ?? (await prepareSite(siteOptionsFromEnv()));
  for (const d of prepared.diagnostics.items) if (!getPreparedSite()) console.error(formatDiagnostic(d));
  if (prepared.diagnostics.errors.length) throw new ContentError(prepared.diagnostics.items);
  return prepared.data;
}

export default async function (eleventyConfig: any) {
  const options = siteOptionsFromEnv();
  const first = await site();

  // Content is read by src/content, not by Eleventy: only the njk templates are Eleventy's.
  eleventyConfig.setTemplateFormats(["njk"]);
  for (const ignored of ["editions/**", "tests/**", "node_modules/**", "README.md", "BENCHMARKS.md", ".tmp/**"]) {
    eleventyConfig.ignores.add(ignored);
  }
  eleventyConfig.addWatchTarget(options.editionsDir);
  eleventyConfig.setWatchThrottleWaitTime(300);

  // The model, computed once per build.
  eleventyConfig.addGlobalData("banmian", site);

  // Browser code and styles, copied as they are; the service worker is a template (sw.njk) at the site root.
  eleventyConfig.addPassthroughCopy({ "src/client": "assets" }, { filter: (file: string) => file !== "sw.js" });
  eleventyConfig.addPassthroughCopy({ "node_modules/openseadragon/build/openseadragon/openseadragon.min.js": "assets/openseadragon.min.js" });

  // Every href and src gets the path prefix (sites served under /epaper/).
  eleventyConfig.addPlugin(HtmlBasePlugin);
  // The Atom feed's date filters.
  eleventyConfig.addPlugin(rssPlugin);
  eleventyConfig.addPlugin(filtersPlugin, { site });
  eleventyConfig.addPlugin(navigationPlugin);
  eleventyConfig.addPlugin(offlinePlugin);

  eleventyConfig.setQuietMode(true);

  return {
    dir: { input: ".", includes: "_includes", data: "_data", output: options.outDir },
    pathPrefix: first.settings.pathPrefix,
    htmlTemplateEngine: "njk",
  };
}
