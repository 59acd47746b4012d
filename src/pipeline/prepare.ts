// The first stages of every build, each a function with a typed result: content (read and validate editions/),
// model (link editions, pages, articles, stories), images (derivatives, returned by id: the model is left as it
// was), and the site data the templates get (site-data.ts: the model linked with its images, archive index,
// calendar, feed). No Eleventy here.
import path from "node:path";
import { Diagnostics } from "../content/diagnostics.ts";
import { listEditionDates, loadEditions, type EditionSource } from "../content/load.ts";
import { NotRemembered, RememberedChecks } from "../content/check.ts";
import { checkImages, runImageStage, type ImageCounts, type ImageStageResult } from "../images/stage.ts";
import { shareCodes } from "../images/qr.ts";
import { getLocale } from "../locale/index.ts";
import { findAreaProblems } from "../model/area-problems.ts";
import { buildEdition } from "../model/build.ts";
import type { Edition } from "../model/types.ts";
import type { ContentStage, ShareCodes, SiteData } from "../model/site.ts";
import type { SiteOptions } from "./options.ts";
import { assembleSite, siteRoot } from "./site-data.ts";
import { Stages } from "./stages.ts";

export type { SiteOptions } from "./options.ts";

export interface PreparedSite {
  readonly data: SiteData;
  readonly diagnostics: Diagnostics;
  readonly images: ImageCounts | null;
}

/** What the image stage made: the derivatives (null when only checked) and the share QR codes. */
export interface MadeImages {
  images: ImageStageResult | null;
  shareCodes: ShareCodes;
}

export async function readContent(options: SiteOptions, diagnostics: Diagnostics): Promise<ContentStage> {
  const checks = new RememberedChecks(options.cacheDir);
  const settings = await checks.loadSettings(options.siteFile);
  const locale = getLocale(settings.locale);
  const listed = listEditionDates(options.editionsDir, diagnostics);
  const allDates = options.recent ? listed.slice(-options.recent) : listed;
  for (const date of options.dates ?? []) {
    if (!allDates.includes(date))
      diagnostics.error(
        path.join(options.editionsDir, date),
        "no such edition folder: check the date or run npm run new",
      );
  }
  const selected = new Set(options.dates ?? allDates);
  // First with what earlier builds found valid; the schemas (and zod) are loaded only for a new or changed file,
  // and the editions are then read again with them.
  let sources: EditionSource[];
  try {
    const trial = new Diagnostics();
    sources = loadEditions(options.editionsDir, trial, checks, { dates: selected, listed });
    diagnostics.items.push(...trial.items);
  } catch (err) {
    if (!(err instanceof NotRemembered)) throw err;
    checks.fallback = (await import("../content/schema-check.ts")).schemaCheck;
    sources = loadEditions(options.editionsDir, diagnostics, checks, { dates: selected, listed });
  }
  checks.save();
  return { settings, locale, allDates, sources };
}

/** The linked model of the editions read, with the page-level checks that need it (areas). */
export function buildModel(content: ContentStage, diagnostics: Diagnostics): Edition[] {
  const { locale, settings, allDates } = content;
  const editions = content.sources.map((s) =>
    buildEdition(s, { locale, timeZone: settings.timeZone, allDates }, diagnostics),
  );
  checkAreas(editions, diagnostics);
  return editions;
}

/**
 * The model linked again with what the image stage made (the model stage's own is left as it was). Its problems
 * were reported by the model stage, and its bodies rendered there: neither is done twice.
 */
export function linkImages(content: ContentStage, model: readonly Edition[], made: ImageStageResult | null): Edition[] {
  if (!made) return [...model];
  const { locale, settings, allDates } = content;
  const bodies = new Map(model.flatMap((e) => e.articles.map((a) => [a.id, { html: a.html, text: a.text }])));
  const options = { locale, timeZone: settings.timeZone, allDates, images: made.made, bodies };
  return content.sources.map((s) => buildEdition(s, options, new Diagnostics()));
}

/**
 * Derivatives of every scan, PDF and figure, and the share QR codes (images too, made once and cached the same
 * way); with content errors (or `images: false`) the images are only checked and no code is made.
 */
export async function makeImages(
  editions: readonly Edition[],
  content: ContentStage,
  options: SiteOptions,
  diagnostics: Diagnostics,
): Promise<MadeImages> {
  if (options.images === false || diagnostics.errors.length > 0) {
    // No derivatives now, but every image is still checked so one run lists every problem.
    await checkImages(editions, diagnostics);
    return { images: null, shareCodes: new Map() };
  }
  const root = siteRoot(content.settings);
  const images = await runImageStage(editions, {
    outDir: options.outDir,
    imageDir: options.imageDir,
    cacheDir: options.cacheDir,
    siteRoot: root,
    diagnostics,
    progress: options.progress,
    // Only a build of every edition knows which cached derivatives are stale.
    prune: !options.dates && !options.recent,
  });
  return { images, shareCodes: shareCodes(editions, root, content.locale.strings.shareQr, options.cacheDir) };
}

/** Content, model, images and site data: every stage before Eleventy, each timed on `stages` when given. */
export async function prepareSite(
  options: SiteOptions,
  stages: Stages = new Stages(() => undefined),
): Promise<PreparedSite> {
  const diagnostics = new Diagnostics();
  const content = await stages.run("content", () => readContent(options, diagnostics));
  const model = await stages.run("model", () => buildModel(content, diagnostics));
  const { images, shareCodes: codes } = await stages.run("images", () =>
    makeImages(model, content, options, diagnostics),
  );
  const data = await stages.run("site data", () =>
    assembleSite(content, linkImages(content, model, images), options, codes),
  );
  return { data, diagnostics, images: images && imageCounts(images) };
}

function imageCounts({ made: _made, ...counts }: ImageStageResult): ImageCounts {
  return counts;
}

/** Pages with a scan: articles without an area cannot be clicked on it; overlapping areas confuse readers. */
function checkAreas(editions: Edition[], diagnostics: Diagnostics): void {
  for (const page of editions.flatMap((e) => e.pages)) {
    if (!page.scanPath && !page.pdfPath) continue;
    for (const problem of findAreaProblems(page.articles)) {
      diagnostics.warn(problem.files[0], problem.message, {
        field: "area",
        code: problem.kind,
        related: problem.files,
      });
    }
  }
}
