// The synthetic archive's page scans and photos: a few small images drawn once, then copied byte for byte.
import sharp from "sharp";
import { Random } from "./random.ts";

export const SCAN_WIDTH = 300;
export const SCAN_HEIGHT = 428;
export const PHOTO_WIDTH = 160;
export const PHOTO_HEIGHT = 120;

export interface ImageSet {
  /** JPEG page scans; the first has a front-page masthead. */
  scans: Buffer[];
  /** PNG photos for figures. */
  photos: Buffer[];
}

const VARIANTS = 4;

let cached: Promise<ImageSet> | undefined;

/**
 * Encoding is the slow part of making an archive of 30,000 pages, so each variant is encoded once per process.
 * The pixels are drawn here, not by sharp's compositing, so the bytes depend only on this code and libvips' encoder.
 */
export function imageSet(): Promise<ImageSet> {
  cached ??= (async () => ({
    scans: await Promise.all(Array.from({ length: VARIANTS }, (_, v) => encodeScan(v))),
    photos: await Promise.all(Array.from({ length: VARIANTS }, (_, v) => encodePhoto(v))),
  }))();
  return cached;
}

class Canvas {
  readonly data: Buffer;
  constructor(
    readonly width: number,
    readonly height: number,
    background: [number, number, number],
  ) {
    this.data = Buffer.alloc(width * height * 3);
    this.fill(0, 0, width, height, background);
  }

  fill(x0: number, y0: number, x1: number, y1: number, [r, g, b]: [number, number, number]): void {
    for (let y = Math.max(0, y0); y < Math.min(this.height, y1); y++) {
      for (let x = Math.max(0, x0); x < Math.min(this.width, x1); x++) {
        const i = (y * this.width + x) * 3;
        this.data[i] = r;
        this.data[i + 1] = g;
        this.data[i + 2] = b;
      }
    }
  }

  raw() {
    return sharp(this.data, { raw: { width: this.width, height: this.height, channels: 3 } });
  }
}

const grey = (v: number): [number, number, number] => [v, v, v];

/** A grey newsprint page: masthead or header rule, then blocks of "text lines" and a darker "photo" or two. */
function encodeScan(variant: number): Promise<Buffer> {
  const rng = new Random(0x5ca9 + variant);
  const page = new Canvas(SCAN_WIDTH, SCAN_HEIGHT, grey(236 - variant * 3));
  const front = variant === 0;
  if (front) page.fill(12, 10, SCAN_WIDTH - 12, 58, grey(70));
  else page.fill(12, 14, SCAN_WIDTH - 12, 17, grey(90));

  const top = front ? 68 : 26;
  const columns = 3 + (variant % 3);
  const columnWidth = Math.floor((SCAN_WIDTH - 24) / columns);
  for (let c = 0; c < columns; c++) {
    let y = top;
    const x0 = 12 + c * columnWidth + 3;
    const x1 = 12 + (c + 1) * columnWidth - 3;
    while (y < SCAN_HEIGHT - 20) {
      const blockHeight = rng.int(40, 130);
      const y1 = Math.min(SCAN_HEIGHT - 12, y + blockHeight);
      if (rng.chance(0.2)) {
        page.fill(x0, y, x1, y1, grey(rng.int(90, 150)));
      } else {
        page.fill(x0, y, x1, y + 6, grey(60)); // a headline bar
        for (let line = y + 12; line < y1; line += 4) page.fill(x0, line, x1, line + 2, grey(195));
      }
      y = y1 + 8;
    }
  }
  return page.raw().toColourspace("b-w").jpeg({ quality: 50 }).toBuffer();
}

const skies: [number, number, number][] = [
  [150, 190, 230],
  [230, 200, 150],
  [170, 170, 190],
  [120, 170, 210],
];
const grounds: [number, number, number][] = [
  [90, 140, 80],
  [160, 130, 90],
  [110, 110, 110],
  [70, 120, 100],
];

/** A flat little scene (sky, ground, buildings) that compresses to a few hundred bytes. */
function encodePhoto(variant: number): Promise<Buffer> {
  const rng = new Random(0xf070 + variant);
  const photo = new Canvas(PHOTO_WIDTH, PHOTO_HEIGHT, skies[variant]);
  const horizon = rng.int(60, 85);
  photo.fill(0, horizon, PHOTO_WIDTH, PHOTO_HEIGHT, grounds[variant]);
  for (let i = 0; i < 5; i++) {
    const x = rng.int(0, PHOTO_WIDTH - 20);
    const w = rng.int(12, 30);
    const h = rng.int(15, 50);
    photo.fill(x, horizon - h, x + w, horizon, grey(rng.int(60, 200)));
  }
  return photo.raw().png({ compressionLevel: 9, palette: true }).toBuffer();
}
