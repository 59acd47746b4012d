// Writes proposed areas into article files, leaving every other field and the body as they were.
import fs from "node:fs/promises";
import { formatArticleFile } from "../../content/article-file.ts";
import type { Area } from "../../content/schema.ts";
import { readArticleFile } from "./page-articles.ts";

export interface AreaUpdate {
  /** Path of the article file. */
  file: string;
  area: Area;
}

export interface AreaWrite {
  file: string;
  /** written: the file now has `area`; kept: it had an area already (no --force); unchanged: it had this one. */
  status: "written" | "kept" | "unchanged";
  previous?: Area;
}

export interface WriteAreasOptions {
  /** Replace areas the files already have (hand-drawn ones included). */
  force?: boolean;
}

/**
 * Puts each proposed area into its article file: the front matter is rewritten in the canonical layout
 * (formatArticleFile), the body kept. Files that have an area keep it unless `force`. A file with bad front
 * matter is an error naming it; no file is written before all have been read.
 */
export async function writeAreas(updates: readonly AreaUpdate[], options: WriteAreasOptions = {}): Promise<AreaWrite[]> {
  const articles = await Promise.all(updates.map((u) => readArticleFile(u.file)));
  const results: AreaWrite[] = [];
  for (const [i, update] of updates.entries()) {
    const { fields, body } = articles[i];
    const previous = fields.area;
    if (previous && JSON.stringify(previous) === JSON.stringify(update.area)) {
      results.push({ file: update.file, status: "unchanged", previous });
    } else if (previous && !options.force) {
      results.push({ file: update.file, status: "kept", previous });
    } else {
      await fs.writeFile(update.file, formatArticleFile({ ...fields, area: update.area }, body));
      results.push({ file: update.file, status: "written", previous });
    }
  }
  return results;
}
