// What a build is asked to do: which editions, from where, to where. Every command fills this in; the path
// defaults live here once.
import path from "node:path";
import { projectRoot } from "../project.ts";

/** A folder of the project, as a path from the working folder: "editions" when a script runs in the project (as
 * npm runs it), the project's own folder from anywhere else, so a script started elsewhere builds the project
 * (paths given on the command line stay relative to the working folder). */
const inProject = (rel: string) => path.relative(process.cwd(), path.join(projectRoot, rel)) || ".";

export const defaultPaths = {
  editions: inProject("editions"),
  site: inProject("_data/site.json"),
  out: inProject("_site"),
  cache: inProject(".cache/images"),
  /** The publish root (npm run publish, npm run rebuild --root) */
  root: inProject("public"),
};

export interface SiteOptions {
  editionsDir: string;
  siteFile: string;
  outDir: string;
  cacheDir: string;
  /** Derivatives go here instead of outDir/img (publish shares them between releases) */
  imageDir?: string;
  /** The published site whose archive index lists the editions not built now; default outDir */
  previousSite?: string;
  /** Whether the cross-edition pages (home, archive, feed, sitemaps) are built; default true. A shard builds
   * none of them, and so reads nothing of the published archive */
  crossEdition?: boolean;
  /** The site is only the newest N editions (npm start on a long archive) */
  recent?: number;
  /** Build only these editions (the others are taken from the archive index in outDir); all when absent */
  dates?: string[];
  /** Editions whose search index must be written; all built editions when absent (publish passes only
   * tonight's: a neighbour rebuilt for its links keeps its index) */
  searchDates?: string[];
  /** Merge the search segments of every year (the rebuild's cross-edition step); a build of all editions does */
  consolidateSearch?: boolean;
  /** Editions rebuilt for their links to the editions before and after only (a publish's neighbours): their page
   * and edition views are rendered, and every other file of theirs (article and story views, search index) is
   * linked from previousSite, where it is the same */
  linksOnly?: string[];
  /** Skip making images (npm run check) */
  images?: boolean;
  progress?: (done: number, total: number) => void;
}

export interface BuildOptions extends SiteOptions {
  /** A shard of a sharded rebuild (2016-03): its part of the archive index is written instead of the index */
  shard?: string;
}
