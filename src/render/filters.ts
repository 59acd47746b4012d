// Template filters: formatting only; every URL and label comes from the model.
import { DateTime } from "luxon";
import type { SiteData } from "../pipeline/site.ts";
import { leadIn, tailOut } from "../markdown/inline.ts";

export function filtersPlugin(eleventyConfig: any, options: { site: () => Promise<SiteData> }): void {
  /** Site-relative URL → absolute URL with the path prefix, for canonical links, feeds and cards. */
  eleventyConfig.addAsyncFilter("absolute", async (url: string) => {
    const { root } = await options.site();
    return `${root}${String(url).replace(/^\//, "")}`;
  });
  /** Area polygon in fractions → SVG points in a 0–1000 box. */
  eleventyConfig.addFilter("points", (polygon: [number, number][]) =>
    polygon.map(([x, y]) => `${round(x * 1000)},${round(y * 1000)}`).join(" "),
  );
  eleventyConfig.addFilter("leadIn", leadIn);
  eleventyConfig.addFilter("tailOut", tailOut);
  eleventyConfig.addFilter("json", (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c"));
  /** An edition's date as the moment it came out: midnight in the paper's time zone. */
  eleventyConfig.addAsyncFilter("editionTime", async (date: string) => {
    const { settings } = await options.site();
    return DateTime.fromISO(date, { zone: settings.timeZone }).toJSDate();
  });
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
