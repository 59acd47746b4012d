// Eleventy wiring only: directories, template formats, files copied as they are, plugins that need no data.
// Each build hands Eleventy its prepared site through src/render/eleventy.ts; logic lives in src/.
import { HtmlBasePlugin } from "@11ty/eleventy";
import rssPlugin from "@11ty/eleventy-plugin-rss";

export default function (eleventyConfig: any) {
  // Content is read by src/content, not by Eleventy: only the njk templates are Eleventy's.
  eleventyConfig.setTemplateFormats(["njk"]);
  for (const ignored of ["editions/**", "tests/**", "node_modules/**", "dist/**", "README.md", "BENCHMARKS.md", ".tmp/**", "docs/**"]) {
    eleventyConfig.ignores.add(ignored);
  }

  // Browser code and styles, copied as they are; the service worker is a template (sw.njk) at the site root.
  // The area editor (src/client/editor/) is npm start's alone: the dev server serves it, no site gets it.
  eleventyConfig.addPassthroughCopy({ "src/client": "assets" }, { filter: (file: string) => !/(^|\/)(sw\.js|tsconfig\.json)$|(^|\/)editor(\/|$)/.test(file) });
  eleventyConfig.addPassthroughCopy({ "node_modules/openseadragon/build/openseadragon/openseadragon.min.js": "assets/openseadragon.min.js" });
  // The 繁體 view's converter and only the dictionaries of simplified → Taiwan traditional (see src/client/hant.js).
  const opencc = "node_modules/opencc-js/dist/esm-lib";
  for (const file of ["core.js", "dict/STPhrases.js", "dict/STCharacters.js", "dict/TWVariantsPhrases.js", "dict/TWVariants.js"]) {
    eleventyConfig.addPassthroughCopy({ [`${opencc}/${file}`]: `assets/opencc/${file}` });
  }
  eleventyConfig.addPassthroughCopy({ "node_modules/opencc-js/LICENSE": "assets/opencc/LICENSE" });

  // Every href and src gets the path prefix (sites served under /epaper/).
  eleventyConfig.addPlugin(HtmlBasePlugin);
  // The Atom feed's date filters.
  eleventyConfig.addPlugin(rssPlugin);

  eleventyConfig.setQuietMode(true);

  return {
    dir: { input: ".", includes: "_includes", data: "_data" },
    htmlTemplateEngine: "njk",
  };
}
