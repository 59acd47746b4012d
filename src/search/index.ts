// Search indexes: one small Pagefind index per edition, written with the edition and never rewritten; the
// search page merges the indexes of the editions a reader asks for (see README "Search"). Each index is kept in a
// content-addressed cache keyed by its records, so a rebuild of unchanged editions starts no indexer at all.
import fs from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { DerivativeCache, publishEntry } from "../images/cache.ts";
import { hashBytes, stageCacheFolders } from "../util/cache.ts";
import { projectRoot } from "../project.ts";
import type { Settings } from "../content/settings.ts";
import type { Edition } from "../model/types.ts";
import type { SiteData } from "../model/site.ts";
import { urls } from "../model/urls.ts";

/** Files of a Pagefind bundle that only the primary index needs; merged indexes use their own data only. */
const sharedBundleFiles = /^(pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)|pagefind-ui\.css)$/;

/** Pagefind's version is part of every cache key: another indexer writes other files from the same records. */
const pagefindVersion: string = JSON.parse(
  fs.readFileSync(path.join(projectRoot, "node_modules", "pagefind", "package.json"), "utf8"),
).version;

export interface SearchIndexResult {
  records: number;
  /** Editions whose index came from the cache, and those the indexer made */
  cached: number;
  indexed: number;
}

/** The language Pagefind indexes a paper's text in, and names its files by: the locale's language ("zh"). */
function indexLanguage(settings: Settings): string {
  return settings.locale.split("-")[0].toLowerCase();
}

type SearchRecord = Parameters<pagefind.PagefindIndex["addCustomRecord"]>[0];

/**
 * The name of the WebAssembly file Pagefind writes for `settings`' language (wasm.en.pagefind for a language it
 * stems, wasm.unknown.pagefind for Chinese), so the search page can preload it: found once by indexing one record,
 * then kept in the search cache.
 */
export async function searchWasmFile(settings: Settings, cacheDir: string): Promise<string> {
  const language = indexLanguage(settings);
  const cache = new DerivativeCache(path.join(cacheDir, stageCacheFolders.search));
  let started = false;
  try {
    const entry = await cache.get<{ file: string }>(hashBytes("wasm", pagefindVersion, language), async (dir) => {
      started = true;
      const { errors, index } = await pagefind.createIndex({ forceLanguage: language });
      if (!index) throw new Error(`search index: ${errors.join("; ")}`);
      await index.addCustomRecord({ url: "/", content: "probe 探", language });
      const probe = path.join(dir, "probe");
      await index.writeFiles({ outputPath: probe });
      const wasm = JSON.parse(fs.readFileSync(path.join(probe, "pagefind-entry.json"), "utf8")).languages[language]
        ?.wasm as string | null;
      fs.rmSync(probe, { recursive: true, force: true });
      return { file: `wasm.${wasm ?? "unknown"}.pagefind` };
    });
    return entry.manifest.file;
  } finally {
    if (started) await pagefind.close();
  }
}

/** A written bundle's metadata file for `settings`' language (pagefind.<hash>.pf_meta), or null without one. */
export function searchMetaFile(bundleDir: string, settings: Settings): string | null {
  let entry: { languages?: Record<string, { hash?: string }> };
  try {
    entry = JSON.parse(fs.readFileSync(path.join(bundleDir, "pagefind-entry.json"), "utf8"));
  } catch {
    // No bundle written there (an edition whose index this build did not make): the caller looks elsewhere.
    return null;
  }
  const languages = entry.languages ?? {};
  const hash = languages[indexLanguage(settings)]?.hash;
  return hash ? `pagefind.${hash}.pf_meta` : null;
}

/** The list the search page merges from (search/editions.json): editions with an index, newest first. */
export function writeSearchEditions(editions: SiteData["searchEditions"], outDir: string): void {
  const file = path.join(outDir, urls.searchEditions().slice(1));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(editions));
}

/**
 * Writes each edition's index into outDir. `cacheDir` (the image cache's folder) holds the indexes already made,
 * in its search/ folder; the indexer process starts only when some edition's records are new.
 */
export async function writeSearchIndexes(
  editions: Edition[],
  outDir: string,
  settings: Settings,
  cacheDir?: string,
): Promise<SearchIndexResult> {
  const language = indexLanguage(settings);
  const cache = cacheDir ? new DerivativeCache(path.join(cacheDir, stageCacheFolders.search)) : null;
  const result: SearchIndexResult = { records: 0, cached: 0, indexed: 0 };
  let started = false;
  try {
    for (const edition of editions) {
      const records = edition.articles.map((article) => searchRecord(edition, article, language));
      // No trailing slash: the bundle is put in place by renaming a sibling folder onto this path.
      const target = path.join(outDir, urls.searchIndex(edition.date).slice(1, -1));
      const make = async (dir: string) => {
        started = true;
        await indexEdition(edition, records, language, dir);
        return { records: records.length };
      };
      result.records += records.length;
      if (!cache) {
        await make(target);
        result.indexed++;
        continue;
      }
      const before = cache.encoded;
      const entry = await cache.get(hashBytes("search", pagefindVersion, language, JSON.stringify(records)), make);
      if (cache.encoded > before) result.indexed++;
      else result.cached++;
      fs.rmSync(target, { recursive: true, force: true });
      publishEntry(entry.dir, target);
    }
  } finally {
    if (started) await pagefind.close();
  }
  return result;
}

function searchRecord(edition: Edition, article: Edition["articles"][number], language: string): SearchRecord {
  const text = [
    article.kicker,
    article.headline,
    article.subtitle,
    article.byline,
    article.text,
    ...article.figures.map((f) => f.caption),
  ]
    .filter(Boolean)
    .join("\n");
  return {
    // Site-relative: the search page gives Pagefind the path prefix as its base URL.
    url: article.url,
    content: text,
    language,
    meta: {
      title: article.headline,
      date: edition.dateLabel,
      page: article.page.stripLabel,
      // The article's area on its page view, for "在版面上查看" (only articles with an area on a scan).
      ...(article.polygon && article.page.images ? { scan: `${article.page.url}#area-${article.slug}` } : {}),
    },
    filters: { year: [String(edition.year)] },
    sort: { date: edition.date },
  };
}

/** One edition's records through the indexer into `dir`, less the files only a primary bundle needs. */
async function indexEdition(edition: Edition, records: SearchRecord[], language: string, dir: string): Promise<void> {
  const { errors, index } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(`search index for ${edition.date}: ${errors.join("; ")}`);
  for (const [i, record] of records.entries()) {
    const added = await index.addCustomRecord(record);
    if (added.errors.length) throw new Error(`${edition.articles[i].file}: search index: ${added.errors.join("; ")}`);
  }
  const written = await index.writeFiles({ outputPath: dir });
  if (written.errors.length) throw new Error(`search index for ${edition.date}: ${written.errors.join("; ")}`);
  for (const name of fs.readdirSync(dir)) {
    if (sharedBundleFiles.test(name)) fs.rmSync(path.join(dir, name), { force: true });
  }
  await index.deleteIndex();
}
