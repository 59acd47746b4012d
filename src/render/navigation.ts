// Lookups from one page to its neighbours that the model links only by URL (the reader's script prefetches them),
// and the keys that tie an article's list entry, its areas and the pages of its story together (list ⇄ scan).
import type { Article, Page } from "../model/types.ts";

/** The page the "next page" link goes to, when it is in the same edition. */
export function nextPage(page: Page | undefined): Page | null {
  // The home page template is evaluated even in builds that do not write it (no newest edition among them).
  const url = page?.next?.url;
  return (url && page!.edition.pages.find((p) => p.url === url)) || null;
}

/** One key per story (all its parts light up together), or per article when it is not continued. */
export function highlightKey(article: Article): string {
  return article.story ? `story-${article.story.key}` : `article-${article.id}`;
}

const pageKeys = new WeakMap<Page, string>();

/** The highlight keys of a page's articles, space-separated, for its entry in the page strip (every view of the
 * edition shows the strip, so each page's keys are worked out once). */
export function pageHighlightKeys(page: Page): string {
  let keys = pageKeys.get(page);
  if (keys === undefined) {
    keys = [...new Set(page.articles.map(highlightKey))].join(" ");
    pageKeys.set(page, keys);
  }
  return keys;
}

export function navigationPlugin(eleventyConfig: any): void {
  eleventyConfig.addFilter("nextPage", nextPage);
  eleventyConfig.addFilter("highlightKey", highlightKey);
  eleventyConfig.addFilter("pageHighlightKeys", pageHighlightKeys);
}
