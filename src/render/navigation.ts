// Lookups from one page to its neighbours that the model links only by URL (the reader's script prefetches them).
import type { Page } from "../model/types.ts";

/** The page the "next page" link goes to, when it is in the same edition. */
export function nextPage(page: Page | undefined): Page | null {
  // The home page template is evaluated even in builds that do not write it (no newest edition among them).
  const url = page?.next?.url;
  return (url && page!.edition.pages.find((p) => p.url === url)) || null;
}

export function navigationPlugin(eleventyConfig: any): void {
  eleventyConfig.addFilter("nextPage", nextPage);
}
