// Eleventy wiring only: directories, template formats, plugins that need no data.
// Each build hands Eleventy its prepared site through src/render/eleventy.ts; logic lives in src/.
import { HtmlBasePlugin } from "@11ty/eleventy";

export default function (eleventyConfig: any) {
  // Content is read by src/content, not by Eleventy: only the njk templates are Eleventy's.
  eleventyConfig.setTemplateFormats(["njk"]);
  for (const ignored of [
    "editions/**",
    "tests/**",
    "node_modules/**",
    "dist/**",
    "README.md",
    "BENCHMARKS.md",
    ".tmp/**",
    "docs/**",
  ]) {
    eleventyConfig.ignores.add(ignored);
  }

  // Browser code, styles and vendored scripts are copied by src/render/assets.ts, not by Eleventy.

  // Every href and src gets the path prefix (sites served under /epaper/).
  eleventyConfig.addPlugin(HtmlBasePlugin);

  eleventyConfig.setQuietMode(true);

  return {
    dir: { input: ".", includes: "_includes", data: "_data" },
    htmlTemplateEngine: "njk",
  };
}
