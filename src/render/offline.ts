// Offline reading: the manifest of every file a reader needs to read one edition without a network, written after
// the pages and the search index, with a version that is the hash of those files: a late page or a correction
// gives the edition a new cache name, and a reader's saved copy is replaced on the next visit.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Edition, Picture } from "../model/types.ts";
import { urls } from "../model/urls.ts";
import { writeAtomically } from "../util/cache.ts";

/** The start of every Cache Storage name of one edition; the release's version follows it. */
export function offlineCachePrefix(date: string): string {
  return `banmian-edition-${date}-`;
}

export interface OfflineManifest {
  edition: string;
  /** The Cache Storage cache the service worker keeps this release of the edition in */
  cache: string;
  /** Relative to the site root (no leading slash), so the worker resolves them against its scope */
  files: string[];
}

/**
 * Every page, article and story view of the edition, the styles and scripts, one variant of each picture (offline,
 * the worker answers a request for any other width or format with the one it has, which keeps a saved edition to a
 * few megabytes), and what search, zoom, read aloud and 繁體 need offline: the search page, the edition's search
 * index, word boxes and deep-zoom tiles, and the scripts loaded on use, as found in the built site.
 */
export function offlineFiles(edition: Edition, outDir: string, lang = "zh-CN", imageDir?: string): string[] {
  const site = { outDir, imageDir };
  const files = new Set<string>([
    edition.url,
    "/assets/site.css",
    "/assets/settings.js",
    "/assets/reader.js",
    "/assets/icon.svg",
    "/assets/blank.svg",
    urls.search(),
    urls.searchManifest(),
    "/assets/search.js",
    urls.searchCore(),
    "/assets/openseadragon.min.js",
    "/assets/speech.js",
  ]);
  const picture = (p: Picture | null | undefined) => {
    if (p) files.add(p.fallback.url);
  };
  const addFolder = (url: string) => {
    for (const file of filesUnder(site, url)) files.add(file);
  };
  // The 繁體 view's converter (about 1 MB), for Chinese papers only: the switch is offered nowhere else.
  if (lang.startsWith("zh")) {
    addFolder("/assets/opencc/");
    files.add("/assets/hant.js");
  }
  for (const page of edition.pages) {
    files.add(page.url);
    // The page's word boxes: a search hit opened offline boxes its words on the scan too.
    files.add(urls.pageWords(edition.date, page.label));
    if (page.images) {
      picture(page.images.picture);
      files.add(page.images.thumb.url);
      if (page.images.tiles) addFolder(page.images.tiles.replace(/[^/]*$/, ""));
    }
  }
  for (const article of edition.articles) {
    files.add(article.url);
    for (const figure of article.figures) picture(figure.picture);
    if (article.clipping) files.add(article.clipping.url);
  }
  for (const story of edition.stories) files.add(story.url);
  addFolder(urls.searchIndex(edition.date));
  // The search page and its manifest are the whole site's: a shard's build has not written them yet, the
  // release always has them. The edition's own files are listed as built (word boxes exist only for pages with a PDF).
  const siteWide = new Set([urls.search(), urls.searchManifest()]);
  return [...files]
    .filter((url) => siteWide.has(url) || fs.existsSync(fileOf(site, url)))
    .map((url) => url.replace(/^\//, ""));
}

/** The manifest of one edition as built in outDir, its cache named by the hash of every file it lists. */
export function offlineManifest(edition: Edition, outDir: string, lang?: string, imageDir?: string): OfflineManifest {
  const files = offlineFiles(edition, outDir, lang, imageDir);
  const hash = crypto.createHash("sha256");
  // The search page and its manifest change with every new edition, not with this one.
  const shared = new Set([urls.search(), urls.searchManifest()].map((url) => url.slice(1)));
  // Images are content-addressed (their folder is their key): their names say all their bytes would.
  for (const file of files.filter((f) => !shared.has(f))) {
    hash.update(file).update("\0");
    if (!file.startsWith(imageFolder)) hash.update(fs.readFileSync(fileOf({ outDir, imageDir }, file))).update("\0");
  }
  return {
    edition: edition.date,
    cache: `${offlineCachePrefix(edition.date)}${hash.digest("hex").slice(0, 16)}`,
    files,
  };
}

/** Writes each edition's offline.json; runs after the pages and search stages, whose files it lists. */
/** `imageDir`: where the images are when not in outDir/img (a publish keeps them in the shared image store). */
export function writeOfflineManifests(editions: Edition[], outDir: string, lang?: string, imageDir?: string): number {
  for (const edition of editions) {
    const target = fileOf({ outDir }, urls.offlineManifest(edition.date));
    // Written beside and renamed over: an edition rebuilt for its links has its live files linked into the build,
    // and writing through such a link would change the live site.
    writeAtomically(target, JSON.stringify(offlineManifest(edition, outDir, lang, imageDir)));
  }
  return editions.length;
}

/** The site-relative folder of every image (derivatives, tiles, clippings). */
const imageFolder = "img/";

interface BuiltSite {
  outDir: string;
  /** Where /img/ is, when not inside outDir. */
  imageDir?: string;
}

/** The built file a site-relative URL is served from. */
function fileOf(site: BuiltSite, url: string): string {
  const relative = url.replace(/^\//, "");
  if (site.imageDir && relative.startsWith(imageFolder))
    return path.join(site.imageDir, relative.slice(imageFolder.length));
  return path.join(site.outDir, relative.endsWith("/") || relative === "" ? `${relative}index.html` : relative);
}

/** Site-relative URLs of every file under a folder URL of the built site, sorted (the manifest is deterministic). */
function filesUnder(site: BuiltSite, folderUrl: string): string[] {
  const dir = fileOf(site, folderUrl).replace(/index\.html$/, "");
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map(
      (d) =>
        `${folderUrl}${path
          .relative(dir, path.join(d.parentPath ?? (d as any).path, d.name))
          .split(path.sep)
          .join("/")}`,
    )
    .sort();
}

export function offlinePlugin(eleventyConfig: any): void {
  eleventyConfig.addFilter("offlineManifestUrl", (edition: Edition) => urls.offlineManifest(edition.date));
  eleventyConfig.addFilter("offlineCachePrefix", (edition: Edition) => offlineCachePrefix(edition.date));
}
