// Makes real images for the image tests (pages drawn as SVG and encoded by sharp) and reads back what was written.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { Diagnostics } from "../../../src/content/diagnostics.ts";
import { listEditionDates, loadEditions } from "../../../src/content/load.ts";
import { schemaCheck } from "../../../src/content/schema-check.ts";
import { zhCN } from "../../../src/locale/index.ts";
import { buildEdition } from "../../../src/model/build.ts";
import type { Edition, ModelImages } from "../../../src/model/types.ts";
import { tempDir } from "../../helpers/build.ts";

export const fixtures = path.resolve(import.meta.dirname, "../../fixtures");

const scratch: string[] = [];

/** A new temp folder, removed by removeScratch() (call it in afterAll: tiles make thousands of files). */
export function scratchDir(name: string): string {
  const dir = tempDir(`images-${name}`);
  scratch.push(dir);
  return dir;
}

export function removeScratch(): void {
  for (const dir of scratch.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A page drawn like a newspaper: masthead, headline, columns of text lines, one photo. Same bytes every time. */
export function pageSvg(width: number, height: number, ink = "#222"): Buffer {
  const shapes: string[] = [
    `<rect width="${width}" height="${height}" fill="#f3efe6"/>`,
    `<rect x="${width * 0.05}" y="${height * 0.03}" width="${width * 0.9}" height="${height * 0.06}" fill="${ink}"/>`,
    `<rect x="${width * 0.55}" y="${height * 0.12}" width="${width * 0.4}" height="${height * 0.2}" fill="#6a7f8c"/>`,
  ];
  const columns = 4;
  const columnWidth = (width * 0.9) / columns;
  for (let c = 0; c < columns; c++) {
    for (let y = height * 0.35; y < height * 0.95; y += Math.max(4, height * 0.012)) {
      const x = width * 0.05 + c * columnWidth;
      shapes.push(
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(columnWidth * 0.9).toFixed(1)}" height="${Math.max(1, height * 0.005).toFixed(1)}" fill="${ink}"/>`,
      );
    }
  }
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${shapes.join("")}</svg>`,
  );
}

export type ScanFormat = "jpeg" | "png" | "tiff" | "webp";

/** A page scan `width` × `height` in the given format, as a print system might deliver it. */
export function makeScan(width: number, height: number, format: ScanFormat = "jpeg", ink?: string): Promise<Buffer> {
  return sharp(pageSvg(width, height, ink))
    .toFormat(format, format === "webp" ? { lossless: true } : {})
    .toBuffer();
}

/**
 * A JPEG stored landscape (`width` × `height`) with EXIF orientation 6 (turn 90° clockwise to show), as phones and
 * some scanners write it. A red square marks the stored top-left corner, which shows at the top right.
 */
export async function makeRotatedJpeg(width: number, height: number): Promise<Buffer> {
  const side = Math.round(Math.min(width, height) / 4);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/><rect width="${side}" height="${side}" fill="#ff0000"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).toBuffer();
}

/** The RGB colour of one pixel of an image file. */
export async function pixel(file: string, x: number, y: number): Promise<[number, number, number]> {
  const { data } = await sharp(file)
    .extract({ left: x, top: y, width: 1, height: 1 })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return [data[0], data[1], data[2]];
}

/** Every file under `dir`, as paths relative to it with "/" separators, sorted. */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(path.relative(dir, full).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return files.sort();
}

/** SHA-256 of every file under `dir`, by relative path. */
export function hashTree(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((file) => [
      file,
      crypto
        .createHash("sha256")
        .update(fs.readFileSync(path.join(dir, file)))
        .digest("hex"),
    ]),
  );
}

/** Width and height of an image file as read back from disk. */
export async function sizeOf(file: string): Promise<{ width: number; height: number; format: string }> {
  const meta = await sharp(file).metadata();
  return { width: meta.width!, height: meta.height!, format: meta.format! };
}

/** Loads an editions folder through the real loader and model, as a build does; fails on any content error. */
export function loadModel(editionsDir: string, images?: ModelImages): Edition[] {
  const diagnostics = new Diagnostics();
  const allDates = listEditionDates(editionsDir, diagnostics);
  const editions = loadEditions(editionsDir, diagnostics, schemaCheck).map((source) =>
    buildEdition(source, { locale: zhCN, timeZone: "Asia/Shanghai", allDates, images }, diagnostics),
  );
  if (diagnostics.errors.length) throw new Error(diagnostics.errors.map((d) => `${d.file}: ${d.message}`).join("\n"));
  return editions;
}

/**
 * The IIIF tile URLs (relative to the service id) that OpenSeadragon 6.1 requests for a level 0 IIIF 3 service
 * with one tile size: IIIFTileSource.getTileUrl for every tile of every level, written out so the test needs no
 * browser. Level sizes are the image size over the scale factor, rounded up.
 */
export function viewerTileUrls(info: {
  width: number;
  height: number;
  tiles: { width: number; scaleFactors: number[] }[];
}): string[] {
  const { width: W, height: H } = info;
  const size = info.tiles[0].width;
  const maxLevel = Math.round(Math.log2(Math.max(...info.tiles[0].scaleFactors)));
  const urls: string[] = [];
  for (let level = 0; level <= maxLevel; level++) {
    const scale = 0.5 ** (maxLevel - level);
    const [levelWidth, levelHeight] = [Math.ceil(W * scale), Math.ceil(H * scale)];
    const regionSize = Math.round(size / scale);
    for (let x = 0; x < Math.ceil(levelWidth / size); x++) {
      for (let y = 0; y < Math.ceil(levelHeight / size); y++) {
        let region: string;
        let scaled: string;
        if (levelWidth < size && levelHeight < size) {
          region = "full";
          scaled = levelWidth === W && levelHeight === H ? "max" : `${levelWidth},${levelHeight}`;
        } else {
          const [rx, ry] = [x * regionSize, y * regionSize];
          const [rw, rh] = [Math.min(regionSize, W - rx), Math.min(regionSize, H - ry)];
          region = x === 0 && y === 0 && rw === W && rh === H ? "full" : `${rx},${ry},${rw},${rh}`;
          const [sw, sh] = [Math.min(size, levelWidth - x * size), Math.min(size, levelHeight - y * size)];
          scaled = sw === W && sh === H ? "max" : `${sw},${sh}`;
        }
        urls.push(`${region}/${scaled}/0/default.jpg`);
      }
    }
  }
  return urls.sort();
}
