// Writes the open data of a build beside its pages (the summaries stage): per edition its IIIF manifest and the
// JSON of the edition, its pages and articles; with the cross-edition pages, the IIIF Collections by year (from
// the archive index, so a shard or a publish needs no other edition's content) and the published JSON Schemas.
import fs from "node:fs";
import path from "node:path";
import { urls } from "../model/urls.ts";
import type { IndexedEdition } from "../pipeline/archive.ts";
import type { SiteData } from "../pipeline/prepare.ts";
import { editionManifest, paperCollection, yearCollection, type IiifOptions } from "./iiif.ts";
import { articleJson, editionJson, pageJson } from "./json.ts";
import { projectRoot } from "../project.ts";
import { jsonSchemaNames, schemaFolder } from "./format.ts";

export function writeOpenData(data: SiteData, outDir: string): void {
  const options = iiifOptions(data);
  const write = (url: string, value: unknown) => writeFile(outDir, url, JSON.stringify(value));
  for (const edition of data.editions) {
    // edition.json is also the summary the feed and monthly sitemaps read back (src/pipeline/archive.ts).
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
    byYear.set(year, [...(byYear.get(year) ?? []), e]);
  }
  for (const [year, editions] of byYear) write(urls.iiifYear(year), yearCollection(year, editions, options));
  write(urls.iiifCollection(), paperCollection([...byYear.keys()].sort((a, b) => b - a), options));
  // The checked-in schemas, which a test keeps equal to what src/opendata/schemas.ts generates (no zod here).
  for (const name of jsonSchemaNames) writeFile(outDir, urls.schema(name), fs.readFileSync(path.join(projectRoot, schemaFolder, `${name}.json`), "utf8"));
}

export function iiifOptions(data: SiteData): IiifOptions {
  return { root: data.root, paper: data.settings.paper, timeZone: data.settings.timeZone, locale: data.locale };
}

function writeFile(outDir: string, url: string, text: string): void {
  const file = path.join(outDir, url.replace(/^\//, ""));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}
