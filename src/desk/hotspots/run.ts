// Proposes and writes the areas of one page's articles: what `npm run hotspots` does.
import fs from "node:fs/promises";
import path from "node:path";
import { formatTable } from "../../cli/table.ts";
import { parseAlto } from "./alto.ts";
import type { Area } from "../../content/schema.ts";
import { areaBounds, isRect, simplestArea } from "../../model/geometry.ts";
import type { PageLayout } from "./layout.ts";
import { formatDiagnostic } from "../../content/diagnostics.ts";
import { readHotspotPage, toArticleText } from "./page-articles.ts";
import { readPdfLayout } from "./pdf-text.ts";
import { proposeAreas, type MatchedRegion } from "./propose.ts";
import { writeAreas, type AreaWrite } from "./write-areas.ts";

export interface PageHotspotsOptions {
  editionsRoot: string;
  /** YYYY-MM-DD */
  date: string;
  /** The page label: "02", "A03". */
  page: string;
  /** Read regions from this ALTO file instead of the page PDF. */
  altoFile?: string;
  /** Replace areas the articles already have. */
  force?: boolean;
  /** Propose only; write nothing. */
  dryRun?: boolean;
}

export interface HotspotRow {
  file: string;
  /** What is written: the outline that follows the article (a rectangle where it is one). */
  area: Area | null;
  /** The matched blocks, "t12", or "TB_3 (40 lines)" where only some of a block's lines matched. */
  blocks: string[];
  /** The matched pieces of the page themselves: role, box and text */
  regions: MatchedRegion[];
  status: AreaWrite["status"] | "no match" | "not written";
}

export interface PageHotspotsReport {
  pageDir: string;
  /** The PDF or ALTO file the layout came from. */
  source: string;
  rows: HotspotRow[];
  columns: string[];
  warnings: string[];
}

function blockList(regions: MatchedRegion[]): string[] {
  const lines = new Map<string, number>();
  for (const r of regions) lines.set(r.blockId, (lines.get(r.blockId) ?? 0) + (r.line === undefined ? 0 : 1));
  return [...lines].map(([id, count]) => (count > 0 ? `${id} (${count} line${count > 1 ? "s" : ""})` : id));
}

export async function proposePageHotspots(options: PageHotspotsOptions): Promise<PageHotspotsReport> {
  const page = readHotspotPage(options.editionsRoot, options.date, options.page);
  const pageDir = page.dir;
  const articles = page.articles;
  if (articles.length === 0) throw new Error(`${pageDir}: no article files (NN-slug.md)`);

  let layout: PageLayout;
  let source: string;
  if (options.altoFile) {
    source = options.altoFile;
    layout = parseAlto(await fs.readFile(source, "utf8"));
  } else {
    if (page.pdfProblem) throw new Error(formatDiagnostic(page.pdfProblem));
    if (!page.pdfPath)
      throw new Error(`${pageDir}: no page PDF (page.pdf or page.yml "pdf"); give an ALTO file with --alto`);
    source = page.pdfPath;
    layout = readPdfLayout(await fs.readFile(source));
  }

  const proposal = proposeAreas(layout, articles.map(toArticleText));
  const areas = proposal.articles.map((p) => (p.polygon ? simplestArea(p.polygon) : null));
  const updates = areas.flatMap((area, i) => (area ? [{ file: articles[i].file, area }] : []));
  const writes = options.dryRun ? [] : await writeAreas(updates, { force: options.force });
  const rows = proposal.articles.map(
    (p, i): HotspotRow => ({
      file: articles[i].file,
      area: areas[i],
      blocks: blockList(p.regions),
      regions: p.regions,
      status: p.area ? (writes.find((w) => w.file === articles[i].file)?.status ?? "not written") : "no match",
    }),
  );
  return {
    pageDir,
    source,
    rows,
    columns: proposal.columns.map((c) => `${c.text} (${c.blockId}): column banner of ${c.articleIds.join(", ")}`),
    warnings: proposal.warnings,
  };
}

/** A rectangle as written; an outline by its corners and bounding box. */
function describeArea(area: Area | null): string {
  if (!area) return "-";
  if (isRect(area)) return `[${area.join(", ")}]`;
  return `outline of ${area.length} points in [${areaBounds(area)
    .map((v) => Math.round(v * 1000) / 1000)
    .join(", ")}]`;
}

/** The report as a plain-text table for the terminal. */
export function formatHotspotsReport(report: PageHotspotsReport): string {
  const lines = formatTable(
    ["article", "area", "status", "matched blocks"],
    report.rows.map((r) => [
      path.basename(r.file),
      describeArea(r.area),
      r.status,
      r.blocks.length > 8 ? `${r.blocks.slice(0, 8).join(" ")} … (${r.blocks.length})` : r.blocks.join(" "),
    ]),
    { rule: false },
  ).split("\n");
  const out = [`${report.pageDir} (layout from ${report.source})`, "", ...lines];
  if (report.columns.length > 0) out.push("", ...report.columns);
  if (report.warnings.length > 0) out.push("", "warnings:", ...report.warnings.map((w) => `  ${w}`));
  return out.join("\n");
}
