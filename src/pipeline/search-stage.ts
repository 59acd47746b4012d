// The search stage: each edition's Pagefind index and the list of indexed editions, and what the search page
// preloads — the pages stage reads its result, and nothing else of it.
import path from "node:path";
import type { SearchPreload, SiteData } from "../model/site.ts";
import type { Edition } from "../model/types.ts";
import { urls } from "../model/urls.ts";
import { searchMetaFile, searchWasmFile, writeSearchEditions, writeSearchIndexes } from "../search/index.ts";
import type { BuildOptions } from "./options.ts";

/** Indexes `indexed` (the built editions whose index is not kept from the live site). */
export async function searchStage(
  data: SiteData,
  indexed: readonly Edition[],
  options: BuildOptions,
): Promise<SearchPreload> {
  if (data.crossEdition) writeSearchEditions(data.searchEditions, options.outDir);
  await writeSearchIndexes([...indexed], options.outDir, data.settings, options.cacheDir);
  // What the search page preloads: the newest bundle's WebAssembly and metadata, whose name is its content's hash.
  const newest = data.searchNewest;
  if (!data.crossEdition || !newest) return {};
  const bundle = (site: string) => path.join(site, urls.searchIndex(newest).slice(1));
  return {
    searchWasm: await searchWasmFile(data.settings, options.cacheDir),
    searchMeta:
      searchMetaFile(bundle(options.outDir), data.settings) ??
      (options.previousSite ? searchMetaFile(bundle(options.previousSite), data.settings) : null) ??
      undefined,
  };
}
