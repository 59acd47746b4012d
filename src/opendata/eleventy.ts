// What the templates need of the open data: the head <link>s of a view and the entries of an Atom feed.
import { feedEntries } from "./feeds.ts";
import { headLinks } from "./links.ts";

export function openDataPlugin(eleventyConfig: any): void {
  eleventyConfig.addFilter("headLinks", headLinks);
  eleventyConfig.addFilter("feedEntries", feedEntries);
}
