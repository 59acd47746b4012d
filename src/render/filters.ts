// Template filters: formatting only; every URL and label comes from the model. Settings arrive as plain values.
import { DateTime } from "luxon";
import { leadIn, tailOut } from "../markdown/inline.ts";

export interface FilterOptions {
  /** The site's absolute root with the path prefix, e.g. https://epaper.example.cn/epaper/ */
  root: string;
  /** The paper's time zone, e.g. Asia/Shanghai */
  timeZone: string;
}

export function filtersPlugin(eleventyConfig: any, options: FilterOptions): void {
  const { root, timeZone } = options;
  /** Site-relative URL → absolute URL with the path prefix, for canonical links, feeds and cards. */
  eleventyConfig.addFilter("absolute", (url: string) => `${root}${String(url).replace(/^\//, "")}`);
  /** Area polygon in fractions → SVG points in a 0–1000 box. */
  eleventyConfig.addFilter("points", (polygon: [number, number][]) =>
    polygon.map(([x, y]) => `${round(x * 1000)},${round(y * 1000)}`).join(" "),
  );
  eleventyConfig.addFilter("leadIn", leadIn);
  eleventyConfig.addFilter("tailOut", tailOut);
  eleventyConfig.addFilter("json", (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c"));
  /** An edition's date as the moment it came out (midnight in the paper's time zone), as Atom writes it (RFC 3339, UTC). */
  const moments = new Map<string, string>();
  eleventyConfig.addFilter("editionTimestamp", (date: string) => {
    let moment = moments.get(date);
    if (moment === undefined) {
      moment = DateTime.fromISO(date, { zone: timeZone }).toUTC().toISO({ suppressMilliseconds: true })!;
      moments.set(date, moment);
    }
    return moment;
  });
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
