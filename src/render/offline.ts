// Offline reading: the manifest of every file a reader needs to read one edition without a network.
import type { Edition, Picture } from "../model/types.ts";
import { urls } from "../model/urls.ts";

/** Site-relative URL of an edition's offline manifest (the path prefix is added when HTML is written). */
export function offlineManifestUrl(edition: Edition): string {
  return urls.offlineManifest(edition.date);
}

export interface OfflineManifest {
  edition: string;
  /** The Cache Storage cache the service worker keeps this edition in */
  cache: string;
  /** Relative to the site root (no leading slash), so the worker resolves them against its scope */
  files: string[];
}

/**
 * Every page, article and story view of the edition, the styles and script, and one variant of each picture:
 * offline, the worker answers a request for any other width or format of a picture with the one it has, which
 * keeps a saved edition to a few megabytes instead of every derivative.
 */
export function offlineManifest(edition: Edition): OfflineManifest {
  const files = new Set<string>([edition.url, "/assets/site.css", "/assets/reader.js", "/assets/icon.svg"]);
  const picture = (p: Picture | null | undefined) => { if (p) files.add(p.fallback.url); };
  for (const page of edition.pages) {
    files.add(page.url);
    if (page.images) {
      picture(page.images.picture);
      files.add(page.images.thumb.url);
    }
  }
  for (const article of edition.articles) {
    files.add(article.url);
    for (const figure of article.figures) picture(figure.picture);
    if (article.clipping) files.add(article.clipping.url);
  }
  for (const story of edition.stories) files.add(story.url);
  return {
    edition: edition.date,
    cache: `banmian-edition-${edition.date}`,
    files: [...files].map((url) => url.replace(/^\//, "")),
  };
}

export function offlinePlugin(eleventyConfig: any): void {
  eleventyConfig.addFilter("offlineManifestUrl", offlineManifestUrl);
  eleventyConfig.addFilter("offlineManifest", offlineManifest);
}
