// Writes the open data of a build beside its pages (the summaries stage): per edition its IIIF manifest and the
// JSON of the edition, its pages and articles; with the cross-edition pages, the IIIF Collections by year (from
// the archive index, so a shard or a publish needs no other edition's content) and the published JSON Schemas.
import fs from "node:fs";
import path from "node:path";
import { cachedText, hashBytes, stageCacheFolders } from "../util/cache.ts";
import { urls } from "../model/urls.ts";
import type { IndexedEdition } from "../model/archive.ts";
import type { SiteData } from "../model/site.ts";
import { editionManifest, paperCollection, yearCollection, type IiifOptions } from "./iiif.ts";
import { articleJson, editionJson, pageJson } from "./json.ts";
import { moduleSources, projectRoot } from "../project.ts";
import { jsonSchemaNames, schemaFolder } from "./format.ts";

export function writeOpenData(data: SiteData, outDir: string, cacheDir?: string): void {
  const options = iiifOptions(data);
  const write = (url: string, value: unknown) => writeFile(outDir, url, JSON.stringify(value));
  for (const edition of data.editions) {
    // edition.json is also the summary the feed and monthly sitemaps read back (src/model/archive.ts).
    write(urls.editionJson(edition.date), editionJson(edition, data.root));
    write(urls.manifest(edition.date), editionManifest(edition, options));
    for (const page of edition.pages) write(urls.pageJson(edition.date, page.label), pageJson(page, data.root));
    for (const article of edition.articles) {
      write(urls.articleJson(edition.date, article.page.label, article.slug), articleJson(article, data.root));
    }
  }
  if (!data.crossEdition) return;
  const byYear = new Map<number, IndexedEdition[]>();
  for (const e of data.index.editions) {
    const year = Number(e.date.slice(0, 4));
    const editions = byYear.get(year);
    if (editions) editions.push(e);
    else byYear.set(year, [e]);
  }
  for (const [year, editions] of byYear)
    writeFile(outDir, urls.iiifYear(year), yearCollectionText(year, editions, options, cacheDir));
  write(
    urls.iiifCollection(),
    paperCollection(
      [...byYear.keys()].sort((a, b) => b - a),
      options,
    ),
  );
  // The checked-in schemas, which a test keeps equal to what src/opendata/schemas.ts generates (no zod here).
  for (const name of jsonSchemaNames)
    writeFile(outDir, urls.schema(name), fs.readFileSync(path.join(projectRoot, schemaFolder, `${name}.json`), "utf8"));
}

let codeKey: string | null = null;

/**
 * A year's IIIF Collection as JSON, from the cache (its iiif/ folder) when the same editions and settings made it
 * before: every cross-edition build writes every year's, and at ten years making them (a navDate per edition in
 * the paper's time zone) was 0.12 s of each night's publish. The key also holds the code that writes them.
 */
export function yearCollectionText(
  year: number,
  editions: IndexedEdition[],
  options: IiifOptions,
  cacheDir?: string,
): string {
  const make = () => JSON.stringify(yearCollection(year, editions, options));
  if (!cacheDir) return make();
  codeKey ??= hashBytes("iiif-code", ...moduleSources(["opendata/iiif", "locale/index"]));
  const key = hashBytes(
    "iiif-year",
    codeKey,
    String(year),
    options.root,
    options.paper,
    options.timeZone,
    options.locale.lang,
    JSON.stringify(editions.map((e) => [e.date, e.dateLabel])),
  );
  return cachedText(path.join(cacheDir, stageCacheFolders.iiif, `${key}.json`), make);
}

export function iiifOptions(data: SiteData): IiifOptions {
  return { root: data.root, paper: data.settings.paper, timeZone: data.settings.timeZone, locale: data.locale };
}

function writeFile(outDir: string, url: string, text: string): void {
  const file = path.join(outDir, url.replace(/^\//, ""));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}
