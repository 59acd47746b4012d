// Makes derivatives with sharp: responsive page images, thumbnails, IIIF tiles, figure pictures, clippings.
import fs from "node:fs";
import path from "node:path";
import type { Metadata, Sharp } from "sharp";
import { coreBudget } from "../util/cores.ts";
import { extensions, imageSettings, mimeTypes, type Encoding } from "./settings.ts";

export interface Variant {
  file: string;
  width: number;
  height: number;
  format: string;
}

export interface PictureManifest {
  /** The source's format, so a cached entry can still check a file's extension */
  source: string;
  width: number;
  height: number;
  variants: Variant[];
}

export interface PageManifest extends PictureManifest {
  thumb: Variant;
  tiles: string;
}

/** Formats sharp can read that a print system delivers; anything else is refused by name. */
const acceptedFormats: Record<string, string[]> = {
  jpeg: [".jpg", ".jpeg"],
  png: [".png"],
  tiff: [".tif", ".tiff"],
  webp: [".webp"],
};

export class ImageInputError extends Error {}

type SharpLib = typeof import("sharp").default;
let loaded: SharpLib | undefined;

/** sharp, loaded on first use: a warm build that finds every image in the cache never loads libvips. */
async function loadSharp(): Promise<SharpLib> {
  if (!loaded) {
    loaded = (await import("sharp")).default;
    // The build's share of the cores is set before any image is made (scripts/build.ts, --cores).
    loaded.concurrency(coreBudget());
  }
  return loaded;
}

function input(sharp: SharpLib, bytes: Buffer): Sharp {
  return sharp(bytes, { limitInputPixels: imageSettings.maxInputPixels, failOn: "warning" });
}

/** Checks that the image's format is one we accept and that the file's extension tells the truth. */
export function checkName(format: string, file: string): void {
  const ext = path.extname(file).toLowerCase();
  const allowed = acceptedFormats[format];
  if (!allowed) throw new ImageInputError(`"${format}" images are not supported: use JPEG, PNG, TIFF or WebP`);
  if (!allowed.includes(ext)) {
    throw new ImageInputError(
      `the file's name says "${ext}" but it is a ${format.toUpperCase()} image: rename it to ${allowed[0]}`,
    );
  }
}

/** Checks that the bytes are a whole image of an accepted format that matches the file's extension. */
export async function inspect(bytes: Buffer, file: string): Promise<{ width: number; height: number; format: string }> {
  if (bytes.length === 0) throw new ImageInputError("the file is empty (0 bytes): export it again");
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    // Only the header is read here, so no pixel limit is needed yet; the limit applies when decoding below.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new ImageInputError(
      `not a readable image (${(err as Error).message}): export it again as JPEG, PNG, TIFF or WebP`,
    );
  }
  const format = meta.format ?? "unknown";
  checkName(format, file);
  const { width = 0, height = 0 } = meta;
  if (width * height > imageSettings.maxInputPixels) {
    throw new ImageInputError(
      `${width} × ${height} pixels is over the limit of ${imageSettings.maxInputPixels / 1e6} MP: scale the image down`,
    );
  }
  // Decoding the whole image is the only way to find a truncated or corrupt file before readers do.
  try {
    await input(sharp, bytes).rotate().raw().toBuffer();
  } catch (err) {
    throw new ImageInputError(`the image is damaged (${(err as Error).message}): export it again`);
  }
  return { width, height, format };
}

function encode(pipeline: Sharp, encoding: Encoding): Sharp {
  return pipeline.toFormat(encoding.format, encoding.options);
}

async function writeVariant(pipeline: Sharp, encoding: Encoding, dir: string, name: string): Promise<Variant> {
  const file = `${name}.${extensions[encoding.format]}`;
  const info = await encode(pipeline, encoding).toFile(path.join(dir, file));
  return { file, width: info.width, height: info.height, format: encoding.format };
}

/** The responsive widths actually made for an image `width` wide: never wider than the original. */
export function widthsFor(width: number, widths: readonly number[]): number[] {
  const smaller = widths.filter((w) => w < width);
  return smaller.length === widths.length ? [...widths] : [...smaller, Math.min(width, widths[widths.length - 1])];
}

async function responsive(
  bytes: Buffer,
  dir: string,
  widths: readonly number[],
  encodings: readonly Encoding[],
): Promise<PictureManifest> {
  const sharp = await loadSharp();
  const meta = await input(sharp, bytes).rotate().metadata();
  const rotated = (meta.orientation ?? 1) >= 5;
  const [width, height] = rotated ? [meta.height!, meta.width!] : [meta.width!, meta.height!];
  const made = widthsFor(width, widths);
  // Decode and shrink once to the largest width; smaller sizes come from that, not from the original.
  const largest = await input(sharp, bytes)
    .rotate()
    .resize({ width: made[made.length - 1] })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const variants: Variant[] = [];
  for (const w of made) {
    for (const encoding of encodings) {
      const pipeline = sharp(largest.data, { raw: largest.info }).resize({ width: w });
      variants.push(await writeVariant(pipeline, encoding, dir, `${w}`));
    }
  }
  return { source: meta.format ?? "unknown", width, height, variants };
}

/** Page scan → responsive images, a thumbnail for the page strip, and IIIF level 0 tiles. */
export async function derivePage(bytes: Buffer, dir: string, tilesId: string): Promise<PageManifest> {
  const s = imageSettings.page;
  const picture = await responsive(bytes, dir, s.widths, s.encodings);
  const sharp = await loadSharp();
  const thumb = await writeVariant(input(sharp, bytes).rotate().resize({ width: s.thumbWidth }), s.thumb, dir, "thumb");
  await input(sharp, bytes)
    .rotate()
    .jpeg(s.tiles.options)
    .tile({ layout: "iiif3", size: s.tileSize, id: tilesId })
    .toFile(path.join(dir, "iiif"));
  // libvips leaves its own metadata next to the tiles; readers never need it.
  fs.rmSync(path.join(dir, "vips-properties.xml"), { force: true });
  fs.rmSync(path.join(dir, "iiif", "vips-properties.xml"), { force: true });
  return { ...picture, thumb, tiles: "iiif/info.json" };
}

/** Article photo → <picture> sources. */
export function deriveFigure(bytes: Buffer, dir: string): Promise<PictureManifest> {
  return responsive(bytes, dir, imageSettings.figure.widths, imageSettings.figure.encodings);
}

export interface ClippingManifest {
  clipping: Variant;
  share: Variant;
}

export interface DecodedScan {
  data: Buffer;
  info: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
}

/** The scan's pixels, upright: decoded once per page and shared by all its articles' clippings. */
export async function decodeScan(bytes: Buffer): Promise<DecodedScan> {
  const { data, info } = await input(await loadSharp(), bytes)
    .rotate()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, info: { width: info.width, height: info.height, channels: info.channels } };
}

/** The article's area cut from the scan, and a 1200 × 630 share card from it. */
export async function deriveClipping(
  bytes: Buffer,
  dir: string,
  bounds: [number, number, number, number],
  decoded?: DecodedScan,
): Promise<ClippingManifest> {
  const scan = decoded ?? (await decodeScan(bytes));
  const sharp = await loadSharp();
  const { width: W, height: H } = scan.info;
  const left = Math.max(0, Math.floor(bounds[0] * W));
  const top = Math.max(0, Math.floor(bounds[1] * H));
  const width = Math.max(1, Math.min(W - left, Math.round(bounds[2] * W)));
  const height = Math.max(1, Math.min(H - top, Math.round(bounds[3] * H)));
  const cut = await sharp(scan.data, { raw: scan.info })
    .extract({ left, top, width, height })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const c = imageSettings.clipping;
  const clipping = await writeVariant(
    sharp(cut.data, { raw: cut.info }).resize({ width: Math.min(c.width, width) }),
    c.encoding,
    dir,
    "clipping",
  );
  const s = imageSettings.share;
  const share = await writeVariant(
    sharp(cut.data, { raw: cut.info }).resize({ width: s.width, height: s.height, fit: "cover", position: "top" }),
    s.encoding,
    dir,
    "share",
  );
  return { clipping, share };
}

export function mimeOf(format: string): string {
  return mimeTypes[format] ?? "application/octet-stream";
}
