// A whole build: prepare the site (content, model, images), render it with Eleventy, record the archive index.
import fs from "node:fs";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { ContentError, formatDiagnostic } from "../content/diagnostics.ts";
import { writeSearchIndexes } from "../search/index.ts";
import { archiveIndexFile, editionSummaryFile, summarizeEdition } from "./archive.ts";
import { setPreparedSite } from "./session.ts";
import { prepareSite, type PreparedSite, type SiteOptions } from "./site.ts";
import { progressLine, stage, type Log } from "./stages.ts";

export interface BuildSummary {
  editions: number;
  pages: number;
  articles: number;
  images: number;
  encoded: number;
  warnings: number;
}

export async function buildSite(options: SiteOptions, log: Log = console.log): Promise<BuildSummary> {
  const prepared = await stage("content and images", log, async () => {
    const site = await prepareSite({ ...options, progress: options.progress ?? progressLine("images", log) });
    for (const d of site.diagnostics.items) log(formatDiagnostic(d));
    if (site.diagnostics.errors.length) throw new ContentError(site.diagnostics.items);
    return site;
  });
  await stage("pages", log, () => renderSite(prepared, options));
  const indexed = prepared.data.editions.filter((e) => !options.searchDates || options.searchDates.includes(e.date));
  await stage("search index", log, () => writeSearchIndexes(indexed, options.outDir, prepared.data.settings));
  const { data } = prepared;
  writeEditionSummaries(prepared, options.outDir);
  fs.mkdirSync(path.join(options.outDir, path.dirname(archiveIndexFile)), { recursive: true });
  fs.writeFileSync(path.join(options.outDir, archiveIndexFile), JSON.stringify(data.index));
  return summarize(prepared);
}

export function summarize(prepared: PreparedSite): BuildSummary {
  const { data } = prepared;
  return {
    editions: data.editions.length,
    pages: data.pages.length,
    articles: data.articles.length,
    images: prepared.images?.images ?? 0,
    encoded: prepared.images?.encoded ?? 0,
    warnings: prepared.diagnostics.warnings.length,
  };
}

/** Each built edition's summary, next to its pages: what later builds read instead of its content. */
export function writeEditionSummaries(prepared: PreparedSite, outDir: string): void {
  for (const edition of prepared.data.editions) {
    const file = editionSummaryFile(outDir, edition.date);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(summarizeEdition(edition)));
  }
}

/** Renders the prepared site with Eleventy; `ignore` leaves templates out (a shard has no home page). */
export async function renderSite(prepared: PreparedSite, options: SiteOptions, ignore: string[] = []): Promise<void> {
  // The config file reads these when it runs in this process.
  process.env.BANMIAN_EDITIONS = options.editionsDir;
  process.env.BANMIAN_SITE = options.siteFile;
  process.env.BANMIAN_OUT = options.outDir;
  process.env.BANMIAN_CACHE = options.cacheDir;
  setPreparedSite(prepared);
  try {
    const eleventy = new Eleventy(".", options.outDir, {
      configPath: "eleventy.config.ts",
      quietMode: true,
      config: (eleventyConfig: any) => ignore.forEach((template) => eleventyConfig.ignores.add(template)),
    });
    await eleventy.write();
  } finally {
    setPreparedSite(null);
  }
}
