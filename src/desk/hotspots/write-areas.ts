// Writes areas into article files — proposed ones (npm run hotspots) and hand-drawn ones (the area editor in
// npm start) — changing only the file's `area:` line.
import fs from "node:fs/promises";
import { replaceAreaLine } from "../../content/article-file.ts";
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
 * Puts each area into its article file: only the `area:` line changes (replaceAreaLine), every other byte is
 * kept. Files that have an area keep it unless `force`. A file with bad front matter is an error naming it; no
 * file is written before all have been read.
 */
export async function writeAreas(
  updates: readonly AreaUpdate[],
  options: WriteAreasOptions = {},
): Promise<AreaWrite[]> {
  const articles = await Promise.all(updates.map((u) => readArticleFile(u.file)));
  const sources = await Promise.all(updates.map((u) => fs.readFile(u.file, "utf8")));
  const results: AreaWrite[] = [];
  for (const [i, update] of updates.entries()) {
    const { fields } = articles[i];
    const previous = fields.area;
    if (previous && JSON.stringify(previous) === JSON.stringify(update.area)) {
      results.push({ file: update.file, status: "unchanged", previous });
    } else if (previous && !options.force) {
      results.push({ file: update.file, status: "kept", previous });
    } else {
      // readArticleFile found the front matter, so there is one to put the line in.
      await fs.writeFile(update.file, replaceAreaLine(sources[i], update.area)!);
      results.push({ file: update.file, status: "written", previous });
    }
  }
  return results;
}
