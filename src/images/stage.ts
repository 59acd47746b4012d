// The image stage of a build: makes (or finds cached) every derivative the editions need and returns them by page,
// article and figure id (ModelImages); the model it reads is left as it was.
import fs from "node:fs";
import path from "node:path";
import type { Diagnostics } from "../content/diagnostics.ts";
import { polygonBounds } from "../model/geometry.ts";
import { runPool } from "../util/pool.ts";
import {
  figureId,
  type Article,
  type ArticleMade,
  type Edition,
  type ImageVariant,
  type ModelImages,
  type Page,
  type PageMade,
  type Picture,
} from "../model/types.ts";
import { DerivativeCache, publishEntry } from "./cache.ts";
import { hashBytes } from "../util/cache.ts";
import {
  checkName,
  decodeScan,
  deriveClipping,
  deriveFigure,
  derivePage,
  ImageInputError,
  inspect,
  mimeOf,
  type DecodedScan,
  type ClippingManifest,
  type PageManifest,
  type PictureManifest,
  type Variant,
} from "./derive.ts";
import { checkPdf, renderPdfPage } from "./pdf.ts";
import type { PdfInspection } from "./pdf-inspect.ts";
import { imageSettings } from "./settings.ts";

export interface ImageStageOptions {
  outDir: string;
  /** Where derivatives are put (content-addressed, shared between releases); default outDir/img */
  imageDir?: string;
  cacheDir: string;
  /** Absolute site root URL with path prefix, e.g. https://epaper.example.cn/epaper/ — IIIF ids need it */
  siteRoot: string;
  diagnostics: Diagnostics;
  /** Called now and then while derivatives are being made */
  progress?: (done: number, total: number) => void;
  /** Remove cache entries this run did not use. Only for a build of the whole archive: a partial build would drop the rest. */
  prune?: boolean;
}

export interface ImageCounts {
  images: number;
  encoded: number;
  cached: number;
  /** Stale cache entries removed (0 unless options.prune) */
  pruned: number;
}

export interface ImageStageResult extends ImageCounts {
  /** What was made for each page, article and figure */
  made: ModelImages;
}

/** The stage's result while its jobs fill it in. */
interface Made {
  pages: Map<string, PageMade>;
  articles: Map<string, ArticleMade>;
  figures: Map<string, Picture>;
}

const imageRoot = "img";

export async function runImageStage(
  editions: readonly Edition[],
  options: ImageStageOptions,
): Promise<ImageStageResult> {
  const cache = new DerivativeCache(options.cacheDir);
  const made: Made = { pages: new Map(), articles: new Map(), figures: new Map() };
  const jobs: (() => Promise<void>)[] = [];
  for (const edition of editions) {
    for (const page of edition.pages) jobs.push(() => pageJob(page, cache, options, made));
  }
  let done = 0;
  // Two pages at once even on the build's one core: one is encoded while the other's files are read and written.
  await runPool(jobs, 2, async (job) => {
    await job();
    done++;
    options.progress?.(done, jobs.length);
  });
  // A run with errors may have skipped images that are still wanted.
  const pruned = options.prune && options.diagnostics.errors.length === 0 ? cache.prune() : 0;
  return { images: cache.hits + cache.encoded, encoded: cache.encoded, cached: cache.hits, pruned, made };
}

/**
 * Checks every scan, page PDF and figure without making derivatives (npm run check, or a build that already
 * has content errors), so one run reports every problem.
 */
export async function checkImages(editions: readonly Edition[], diagnostics: Diagnostics): Promise<void> {
  for (const page of editions.flatMap((e) => e.pages)) {
    try {
      if (page.scanPath) await inspect(fs.readFileSync(page.scanPath), page.scanPath);
    } catch (err) {
      report(err, diagnostics, page.file, "scan");
    }
    if (page.pdfPath) await checkPagePdf(page, diagnostics);
    for (const article of page.articles) {
      for (const [i, figure] of article.figures.entries()) {
        if (!figure.path) continue;
        try {
          await inspect(fs.readFileSync(figure.path), figure.path);
        } catch (err) {
          report(err, diagnostics, article.file, `figures[${i}].file`, figure.file);
        }
      }
    }
  }
}

/**
 * A page PDF is offered for download even when the page has a scan, so it is checked either way (the one check,
 * src/images/pdf-inspect.ts). Null after reporting why it cannot be served.
 */
async function checkPagePdf(page: Page, diagnostics: Diagnostics): Promise<PdfInspection | null> {
  try {
    const inspection = await checkPdf(fs.readFileSync(page.pdfPath!));
    if (inspection.rewritten) {
      diagnostics.warn(
        page.file,
        `"${path.basename(page.pdfPath!)}": ${inspection.changes.join("; ")} — in the copy readers download; npm run import on the PDF cleans the file itself`,
        { field: "pdf" },
      );
    }
    return inspection;
  } catch (err) {
    report(err, diagnostics, page.file, "pdf", path.basename(page.pdfPath!));
    return null;
  }
}

/** Readers get the cleaned copy of a PDF that had active content (kept in the cache by the source's bytes): the page
 * download, the edition PDF and the word boxes are all made from it. */
async function servedPdf(page: Page, inspection: PdfInspection, cache: DerivativeCache): Promise<string> {
  if (!inspection.rewritten) return page.pdfPath!;
  const source = sourceFile(page.pdfPath!);
  const key = cache.sourceKey(source.file, ["pdf-clean", String(imageSettings.version)], source.read);
  const entry = await cache.get<{ file: string }>(key, async (dir) => {
    fs.writeFileSync(path.join(dir, "clean.pdf"), inspection.clean);
    return { file: "clean.pdf" };
  });
  return path.join(entry.dir, entry.manifest.file);
}

async function pageJob(page: Page, cache: DerivativeCache, options: ImageStageOptions, made: Made): Promise<void> {
  const pageFile = page.file;
  let pdf: PageMade["pdf"] = null;
  if (page.pdfPath) {
    const inspection = await checkPagePdf(page, options.diagnostics);
    if (!inspection) return;
    const served = await servedPdf(page, inspection, cache);
    const pdfName = `${page.edition.date}-${page.label.toLowerCase()}.pdf`;
    const target = path.join(options.outDir, page.url, pdfName);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(served, target);
    pdf = { path: served, url: `${page.url}${pdfName}` };
    made.pages.set(page.id, { images: null, pdf });
  }
  let source: SourceFile | null = null;
  try {
    source = await pageSource(page.scanPath, pdf?.path ?? null, cache);
  } catch (err) {
    report(err, options.diagnostics, pageFile, page.scanPath ? "scan" : "pdf");
  }
  if (source) {
    const scan = source.read;
    try {
      const key = cache.sourceKey(
        source.file,
        ["page", JSON.stringify(imageSettings.page), String(imageSettings.version), options.siteRoot],
        scan,
      );
      const entry = await cache.get<PageManifest>(key, async (dir) => {
        await inspect(scan(), page.scanPath ?? "page.png");
        return derivePage(scan(), dir, `${options.siteRoot}${imageRoot}/${key}`);
      });
      publishEntry(entry.dir, path.join(imageDirOf(options), key));
      const base = `/${imageRoot}/${key}/`;
      if (page.scanPath) checkName(entry.manifest.source, page.scanPath);
      const images = {
        picture: toPicture(entry.manifest, base),
        thumb: toVariant(entry.manifest.thumb, base),
        tiles: `${base}${entry.manifest.tiles}`,
      };
      made.pages.set(page.id, { images, pdf });
      // Decoded at most once per page, and only if some article's clipping is not cached yet.
      let decoded: Promise<DecodedScan> | null = null;
      const decode = () => (decoded ??= decodeScan(scan()));
      for (const article of page.articles) {
        if (article.polygon) await clippingJob(article, scan, decode, key, cache, options, made);
      }
    } catch (err) {
      report(err, options.diagnostics, pageFile, page.scanPath ? "scan" : "pdf");
    }
  }
  for (const article of page.articles) await figureJobs(article, cache, options, made);
}

/** A source image file whose bytes are read only when something must be made from them (once at most). */
interface SourceFile {
  file: string;
  read: () => Buffer;
}

function sourceFile(file: string): SourceFile {
  let bytes: Buffer | null = null;
  return { file, read: () => (bytes ??= fs.readFileSync(file)) };
}

/** The scan, or the page PDF readers get rendered to PNG (cached by the PDF's bytes). */
async function pageSource(
  scanPath: string | null,
  pdfPath: string | null,
  cache: DerivativeCache,
): Promise<SourceFile | null> {
  if (scanPath) return sourceFile(scanPath);
  if (!pdfPath) return null;
  if (fs.statSync(pdfPath).size === 0) throw new ImageInputError("the PDF is empty (0 bytes): export it again");
  const pdf = sourceFile(pdfPath);
  const key = cache.sourceKey(
    pdf.file,
    ["pdf-render", String(imageSettings.pdfRenderWidth), String(imageSettings.version)],
    pdf.read,
  );
  const entry = await cache.get<{ file: string }>(key, async (dir) => {
    fs.writeFileSync(path.join(dir, "render.png"), await renderPdfPage(pdf.read(), imageSettings.pdfRenderWidth));
    return { file: "render.png" };
  });
  return sourceFile(path.join(entry.dir, entry.manifest.file));
}

async function clippingJob(
  article: Article,
  scan: () => Buffer,
  decode: () => Promise<DecodedScan>,
  pageKey: string,
  cache: DerivativeCache,
  options: ImageStageOptions,
  made: Made,
): Promise<void> {
  const bounds = polygonBounds(article.polygon!);
  const key = hashBytes(
    "clip",
    pageKey,
    JSON.stringify(bounds),
    JSON.stringify(imageSettings.clipping),
    JSON.stringify(imageSettings.share),
  );
  const entry = await cache.get<ClippingManifest>(key, async (dir) =>
    deriveClipping(scan(), dir, bounds, await decode()),
  );
  publishEntry(entry.dir, path.join(imageDirOf(options), key));
  const base = `/${imageRoot}/${key}/`;
  made.articles.set(article.id, {
    clipping: toVariant(entry.manifest.clipping, base),
    shareImage: toVariant(entry.manifest.share, base),
  });
}

async function figureJobs(
  article: Article,
  cache: DerivativeCache,
  options: ImageStageOptions,
  made: Made,
): Promise<void> {
  for (const [i, figure] of article.figures.entries()) {
    if (!figure.path) continue;
    try {
      const photo = sourceFile(figure.path);
      const key = cache.sourceKey(
        photo.file,
        ["figure", JSON.stringify(imageSettings.figure), String(imageSettings.version)],
        photo.read,
      );
      const entry = await cache.get<PictureManifest>(key, async (dir) => {
        await inspect(photo.read(), figure.path!);
        return deriveFigure(photo.read(), dir);
      });
      publishEntry(entry.dir, path.join(imageDirOf(options), key));
      checkName(entry.manifest.source, figure.path);
      made.figures.set(figureId(article.id, i), toPicture(entry.manifest, `/${imageRoot}/${key}/`));
    } catch (err) {
      report(err, options.diagnostics, article.file, `figures[${i}].file`, figure.file);
    }
  }
}

function report(err: unknown, diagnostics: Diagnostics, file: string, field: string, name?: string): void {
  if (!(err instanceof ImageInputError)) throw err;
  diagnostics.error(file, `${name ? `"${name}": ` : ""}${err.message}`, { field });
}

function toVariant(v: Variant, base: string): ImageVariant {
  return { url: `${base}${v.file}`, width: v.width, height: v.height, format: v.format };
}

/** Groups variants by format into <source> srcsets; the last format is the <img> fallback. */
function toPicture(m: PictureManifest, base: string): Picture {
  const variants = m.variants.map((v) => toVariant(v, base));
  const formats = [...new Set(variants.map((v) => v.format))];
  const sources = formats.map((format) => ({
    format,
    type: mimeOf(format),
    srcset: variants
      .filter((v) => v.format === format)
      .map((v) => `${v.url} ${v.width}w`)
      .join(", "),
  }));
  const fallbackFormat = formats[formats.length - 1];
  const fallbacks = variants.filter((v) => v.format === fallbackFormat);
  // The middle width is a sensible src for browsers that ignore srcset.
  const fallback = fallbacks[Math.min(1, fallbacks.length - 1)];
  const srcset = sources[sources.length - 1].srcset;
  return { width: m.width, height: m.height, sources: sources.slice(0, -1), fallback, srcset, variants };
}

function imageDirOf(options: ImageStageOptions): string {
  return options.imageDir ?? path.join(options.outDir, imageRoot);
}
