// The search rows of the bench on an archive of any size without building its pages: the synthetic archive's
// editions (the generator npm run synth and the full bench use) go through the real indexer into their own
// segments; the real consolidation merges their years in a child process (its time and peak memory measured);
// tonight's edition is then added as a publish adds it (its bytes measured) and the real search page, copied from a
// one-edition build, is timed in throttled Chromium. Then the background step after that publish, measured too.
import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { splitFrontMatter } from "../../content/article-file.ts";
import { zhCN } from "../../locale/index.ts";
import { plainText } from "../../markdown/index.ts";
import { urls } from "../../model/urls.ts";
import { projectRoot, scriptArgs } from "../../project.ts";
import { readSearchState } from "../../search/manifest.ts";
import { editionSegmentDir, segmentStore, writeManifest } from "../../search/index.ts";
import { writeEditionSegment, type SearchArticle, type SearchEdition } from "../../search/edition.ts";
import type { ConsolidateResult } from "../../search/consolidate.ts";
import { generateArchive, publicationDates } from "../synth/index.ts";
import { planEdition } from "../synth/edition.ts";
import { imageSet } from "../synth/images.ts";
import { round, timeNode } from "./measure.ts";
import { folderBytes, phone, searchRanges, timeSearch, type SearchTiming } from "./search.ts";

export interface ConsolidationRun {
  /** What was merged: every year (the rebuild's step), or the year tonight changed (after a publish) */
  what: string;
  seconds: number;
  peakRssMb: number | null;
  years: number;
  /** Bytes of the yearly segments it wrote */
  bytes: number;
}

export interface ArchiveSearchBench {
  editions: number;
  articles: number;
  query: string;
  conditions: typeof phone;
  /** Bytes of tonight's own segment: what a publish adds to the index */
  publishIndexBytes: number;
  /** Consolidation of every year, then the background step after tonight's publish */
  consolidations: ConsolidationRun[];
  /** Bytes of every edition's own segments, and of the yearly segments in use */
  editionSegmentsBytes: number;
  yearSegmentsBytes: number;
  ranges: SearchTiming[];
}

/** Word in every lead article of the synthetic archive, and a phrase found nowhere else. */
export const archiveQuery = "档案测试甲";

export async function benchArchiveSearch(
  editions: number,
  work: string,
  log: (line: string) => void = console.log,
): Promise<ArchiveSearchBench> {
  fs.rmSync(work, { recursive: true, force: true });
  const site = path.join(work, "site");
  // The search page and its assets, from a real build of one edition.
  const page = path.join(work, "page");
  await generateArchive({ out: path.join(page, "editions"), editions: 1, seed: 5, clean: true });
  await timeNode(
    [
      ...scriptArgs("build"),
      "--editions",
      path.join(page, "editions"),
      "--out",
      path.join(page, "site"),
      "--cache",
      path.join(page, "cache"),
    ],
    { cwd: projectRoot },
  );
  fs.mkdirSync(path.join(site, "search"), { recursive: true });
  fs.copyFileSync(path.join(page, "site", "search", "index.html"), path.join(site, "search", "index.html"));
  fs.cpSync(path.join(page, "site", "assets"), path.join(site, "assets"), { recursive: true });

  log(`search archive: ${editions} synthetic editions and tonight's through the indexer`);
  const started = performance.now();
  const entries = [];
  let tonight: SearchEdition | null = null;
  for await (const e of synthEditions(editions + 1)) {
    if (entries.length === editions) tonight = e;
    else entries.push(writeEditionSegment(e, editionSegmentDir(site, e.date)));
  }
  if (!tonight) throw new Error("the synthetic archive ended early");
  const articles = entries.reduce((n, e) => n + e.docs, 0);
  const store = segmentStore(site);
  writeManifest(site, entries, store);
  log(`  ${articles} articles indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const consolidate = async (what: string): Promise<ConsolidationRun> => {
    const run = await timeNode([...scriptArgs("search-consolidate"), "--site", site, "--json"], { cwd: projectRoot });
    const result = run.json as ConsolidateResult | null;
    if (!result) throw new Error(`search:consolidate reported nothing (${what})`);
    const done = {
      what,
      seconds: round(run.seconds, 1),
      peakRssMb: run.peakRssMb === null ? null : Math.round(run.peakRssMb),
      years: result.made.length,
      bytes: result.made.reduce((n, y) => n + y.bytes, 0),
    };
    log(`  consolidation, ${what}: ${done.years} years in ${done.seconds} s, peak ${done.peakRssMb} MB`);
    return done;
  };
  const consolidations = [await consolidate("every year (as the rebuild does)")];

  // Tonight's publish: its own segment, and the manifest naming it beside the yearly segments.
  const meta = writeEditionSegment(tonight, editionSegmentDir(site, tonight.date));
  const state = readSearchState(site);
  const live = [...Object.entries(state.editions).map(([date, e]) => ({ date, ...e })), { ...meta }];
  writeManifest(site, live, store);
  const publishIndexBytes = folderBytes(editionSegmentDir(site, tonight.date));

  const dates = live.map((e) => e.date);
  log(`  search page, phone conditions (CPU ${phone.cpuSlowdown}× slower, ${phone.downloadKbps / 1000} Mbps)`);
  const ranges = await timeSearch(site, [
    ...searchRanges(dates, archiveQuery),
    { label: `a common word (城市), all years`, query: `?q=${encodeURIComponent("城市")}`, editions: dates.length },
  ]);
  for (const t of ranges)
    log(`  ${t.label}: ${t.hits} hits, first ${t.firstResultSeconds} s, all counted ${t.allResultsSeconds} s`);
  const yearSegmentsBytes = folderBytes(store);
  // The background step after that publish: the year tonight changed, merged again.
  consolidations.push(await consolidate("the year tonight's publish changed (the background step)"));
  return {
    editions: dates.length,
    articles: articles + meta.docs,
    query: archiveQuery,
    conditions: phone,
    publishIndexBytes,
    consolidations,
    editionSegmentsBytes: dates.reduce((n, d) => n + folderBytes(editionSegmentDir(site, d)), 0),
    yearSegmentsBytes,
    ranges,
  };
}

/**
 * `count` editions of the synthetic archive (seed 1, from 2016-01-01, 8 pages of 60 articles), as the search
 * index reads them: the generator's article files parsed back, one edition at a time.
 */
export async function* synthEditions(count: number, seed = 1): AsyncGenerator<SearchEdition> {
  const images = await imageSet();
  const dates = publicationDates(seed, "2016-01-01");
  for (let index = 0; index < count; index++) {
    const date = dates.next().value as string;
    const plan = planEdition({ seed, index, date, issue: 8001 + index, pages: 8, articles: 60, images });
    const text = (file: { data: string | Buffer }) => String(file.data);
    const sections = new Map<string, string>();
    for (const f of plan.files)
      if (f.path.endsWith("/page.yml"))
        sections.set(path.dirname(f.path), (yaml.load(text(f)) as { section: string }).section);
    const articles: SearchArticle[] = plan.files
      .filter((f) => f.path.endsWith(".md"))
      .sort((a, b) => (a.path < b.path ? -1 : 1))
      .map((f) => {
        const { yaml: front, body } = splitFrontMatter(text(f));
        const fields = (yaml.load(front ?? "") ?? {}) as Record<string, string>;
        const folder = path.dirname(f.path);
        const label = path.basename(folder).split("-")[0];
        const section = sections.get(folder) ?? "";
        const slug = path.basename(f.path, ".md").replace(/^\d+-/, "");
        return {
          url: urls.article(date, label, slug),
          headline: fields.headline,
          kicker: fields.kicker,
          subtitle: fields.subtitle,
          byline: fields.byline,
          text: plainText(body),
          captions: [],
          section,
          page: zhCN.pageStripLabel(label, section),
          column: fields.column,
        };
      });
    yield { date, label: zhCN.editionDate(date, "Asia/Shanghai"), articles };
  }
}
