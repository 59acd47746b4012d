// The search stage: each built edition's own index segment, and (for a build of the whole archive, or when asked)
// the yearly segments merged from them and the manifest the search page reads (see README "Search").
import type { SiteData } from "../model/site.ts";
import type { Edition } from "../model/types.ts";
import { type SearchStageResult, writeSearch } from "../search/index.ts";
import type { BuildOptions } from "./options.ts";

/** Indexes `indexed` (the built editions whose index is not kept from the live site). */
export function searchStage(data: SiteData, indexed: readonly Edition[], options: BuildOptions): SearchStageResult {
  const crossEdition = data.crossEdition;
  return writeSearch([...indexed], {
    outDir: options.outDir,
    previousSite: options.previousSite,
    imageDir: options.imageDir,
    archive: crossEdition ? data.index.editions.map((e) => e.date) : undefined,
    // A build of the whole archive merges its years; a publish adds tonight's segment only (see README "Search").
    consolidate: crossEdition && (!options.dates || options.consolidateSearch === true),
  });
}
