// npm run check: the build's own content, model and image checks, without making or writing anything.
import { formatDiagnostic } from "../content/diagnostics.ts";
import type { SiteOptions } from "./options.ts";
import { prepareSite, type PreparedSite } from "./prepare.ts";

export interface CheckResult {
  errors: number;
  warnings: number;
  /** Every problem, then the counts: what the command prints */
  lines: string[];
  /** What was checked: the model and every diagnostic (the proof sheet draws them) */
  site: PreparedSite;
}

export async function checkSite(options: SiteOptions): Promise<CheckResult> {
  const site = await prepareSite({ ...options, images: false });
  const { errors, warnings } = site.diagnostics;
  const { editions, pages, articles } = site.data;
  return {
    site,
    errors: errors.length,
    warnings: warnings.length,
    lines: [
      ...site.diagnostics.items.map(formatDiagnostic),
      `checked ${editions.length} editions, ${pages.length} pages, ${articles.length} articles: ${errors.length} errors, ${warnings.length} warnings`,
    ],
  };
}
