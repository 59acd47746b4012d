// Page, figure and clipping derivatives made by sharp from real image files, read back from disk.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deriveClipping,
  deriveFigure,
  derivePage,
  inspect,
  widthsFor,
  type PageManifest,
} from "../../../src/images/derive.ts";
import { imageSettings } from "../../../src/images/settings.ts";
import {
  fixtures,
  listFiles,
  makeRotatedJpeg,
  makeScan,
  pixel,
  removeScratch,
  scratchDir,
  sizeOf,
  viewerTileUrls,
  type ScanFormat,
} from "./helpers.ts";

const scanA = fs.readFileSync(path.join(fixtures, "images/scan-a.jpg"));
const photo = fs.readFileSync(path.join(fixtures, "images/photo.png"));
const tilesId = "https://epaper.example.cn/img/0123456789abcdef0123";

afterAll(removeScratch);

describe("widthsFor", () => {
  const page = imageSettings.page.widths;
  it.each([
    [3000, [640, 1000, 1600]],
    [1601, [640, 1000, 1600]],
    [1600, [640, 1000, 1600]],
    [1200, [640, 1000, 1200]],
    [1000, [640, 1000]],
    [800, [640, 800]],
    [640, [640]],
    [600, [600]],
    [1, [1]],
  ])("a page %i px wide gets %j (never wider than the original)", (width, expected) => {
    expect(widthsFor(width, page)).toEqual(expected);
  });

  it("the page widths are 640, 1000 and 1600", () => {
    expect([...page]).toEqual([640, 1000, 1600]);
  });
});

describe("derivePage on a 1701 × 2431 scan", () => {
  const [W, H] = [1701, 2431];
  let dir: string;
  let manifest: PageManifest;
  beforeAll(async () => {
    dir = scratchDir("page");
    manifest = await derivePage(await makeScan(W, H), dir, tilesId);
  });

  it("makes 640, 1000 and 1600 px wide WebP and JPEG images, heights in proportion", async () => {
    expect(manifest).toMatchObject({ source: "jpeg", width: W, height: H });
    expect(manifest.variants.map((v) => `${v.file} ${v.format} ${v.width}×${v.height}`)).toEqual([
      "640.webp webp 640×915",
      "640.jpg jpeg 640×915",
      "1000.webp webp 1000×1429",
      "1000.jpg jpeg 1000×1429",
      "1600.webp webp 1600×2287",
      "1600.jpg jpeg 1600×2287",
    ]);
    for (const v of manifest.variants) {
      expect(Math.abs(v.height - (v.width * H) / W)).toBeLessThan(1);
      // The manifest tells the truth about the file on disk.
      expect(await sizeOf(path.join(dir, v.file))).toEqual({ width: v.width, height: v.height, format: v.format });
    }
  });

  it("makes a 120 px wide JPEG thumbnail for the page strip", async () => {
    expect(manifest.thumb).toEqual({ file: "thumb.jpg", width: 120, height: 172, format: "jpeg" });
    expect(await sizeOf(path.join(dir, "thumb.jpg"))).toEqual({ width: 120, height: 172, format: "jpeg" });
  });

  it("writes an IIIF Image API 3 level 0 info.json whose id is the folder the tiles are in", () => {
    expect(manifest.tiles).toBe("iiif/info.json");
    const info = JSON.parse(fs.readFileSync(path.join(dir, "iiif/info.json"), "utf8"));
    expect(info).toEqual({
      "@context": "http://iiif.io/api/image/3/context.json",
      id: `${tilesId}/iiif`,
      type: "ImageService3",
      protocol: "http://iiif.io/api/image",
      profile: "level0",
      width: W,
      height: H,
      // 2431 px high needs 16× to fit one 256 px tile.
      tiles: [{ width: 256, scaleFactors: [1, 2, 4, 8, 16] }],
    });
  });

  it("has every tile a IIIF 3 viewer asks for at every scale factor, and no others", () => {
    const info = JSON.parse(fs.readFileSync(path.join(dir, "iiif/info.json"), "utf8"));
    const tiles = listFiles(path.join(dir, "iiif")).filter((f) => f !== "info.json");
    expect(tiles).toContain("0,0,256,256/256,256/0/default.jpg");
    expect(tiles).toContain("1536,2304,165,127/165,127/0/default.jpg");
    expect(tiles).toContain("0,0,512,512/256,256/0/default.jpg");
    expect(tiles).toContain("full/107,152/0/default.jpg");
    // Per level: ⌈w/256⌉ × ⌈h/256⌉ tiles, i.e. 7×10 + 4×5 + 2×3 + 1×2 + 1×1 = 99.
    expect(tiles).toHaveLength(99);
    expect(tiles).toEqual(viewerTileUrls(info));
  });

  it("leaves no libvips side files among the derivatives", () => {
    expect(listFiles(dir).filter((f) => !f.startsWith("iiif/"))).toEqual([
      "1000.jpg",
      "1000.webp",
      "1600.jpg",
      "1600.webp",
      "640.jpg",
      "640.webp",
      "thumb.jpg",
    ]);
    expect(listFiles(dir).filter((f) => f.includes("vips"))).toEqual([]);
  });
});

describe("derivePage on small and odd-sized scans", () => {
  it("a scan narrower than 640 px keeps its own width and is not enlarged (tests/fixtures scan-a.jpg, 600 × 840)", async () => {
    const dir = scratchDir("small");
    const manifest = await derivePage(scanA, dir, tilesId);
    expect(manifest.variants.map((v) => [v.file, v.width, v.height])).toEqual([
      ["600.webp", 600, 840],
      ["600.jpg", 600, 840],
    ]);
    expect(manifest.thumb).toMatchObject({ width: 120, height: 168 });
    const info = JSON.parse(fs.readFileSync(path.join(dir, "iiif/info.json"), "utf8"));
    expect(info.tiles).toEqual([{ width: 256, scaleFactors: [1, 2, 4] }]);
    const tiles = listFiles(path.join(dir, "iiif")).filter((f) => f !== "info.json");
    expect(tiles).toHaveLength(3 * 4 + 2 * 2 + 1);
    expect(tiles).toEqual(viewerTileUrls(info));
  });

  it("a wide scan whose height fits in one tile at 2× still gets every tile a viewer asks for", async () => {
    const dir = scratchDir("wide");
    await derivePage(await makeScan(513, 257), dir, tilesId);
    const info = JSON.parse(fs.readFileSync(path.join(dir, "iiif/info.json"), "utf8"));
    expect(info).toMatchObject({ width: 513, height: 257 });
    expect(listFiles(path.join(dir, "iiif")).filter((f) => f !== "info.json")).toEqual(viewerTileUrls(info));
  });
});

describe("scans in every accepted format", () => {
  const cases: [ScanFormat, string][] = [
    ["jpeg", "page.jpg"],
    ["png", "page.png"],
    ["tiff", "page.tif"],
    ["webp", "page.webp"],
  ];
  it.each(cases)("a %s scan (%s) gives the same page derivatives", async (format, name) => {
    const bytes = await makeScan(1100, 1540, format);
    expect(await inspect(bytes, name)).toEqual({ width: 1100, height: 1540, format });
    const dir = scratchDir(`format-${format}`);
    const manifest = await derivePage(bytes, dir, tilesId);
    expect(manifest.source).toBe(format);
    expect(manifest.variants.map((v) => `${v.file} ${v.width}×${v.height}`)).toEqual([
      "640.webp 640×896",
      "640.jpg 640×896",
      "1000.webp 1000×1400",
      "1000.jpg 1000×1400",
      "1100.webp 1100×1540",
      "1100.jpg 1100×1540",
    ]);
    const info = JSON.parse(fs.readFileSync(path.join(dir, "iiif/info.json"), "utf8"));
    expect(info).toMatchObject({ width: 1100, height: 1540 });
    expect(listFiles(path.join(dir, "iiif")).filter((f) => f !== "info.json")).toEqual(viewerTileUrls(info));
  });
});

describe("a JPEG with EXIF orientation 6 (stored 800 × 600, shown 600 × 800)", () => {
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await makeRotatedJpeg(800, 600);
  });

  it("is derived upright: sizes, tiles and pixels as a reader sees the page", async () => {
    const dir = scratchDir("rotated");
    const manifest = await derivePage(bytes, dir, tilesId);
    expect(manifest).toMatchObject({ width: 600, height: 800 });
    expect(manifest.variants.map((v) => [v.file, v.width, v.height])).toEqual([
      ["600.webp", 600, 800],
      ["600.jpg", 600, 800],
    ]);
    expect(manifest.thumb).toMatchObject({ width: 120, height: 160 });
    expect(await sizeOf(path.join(dir, "thumb.jpg"))).toMatchObject({ width: 120, height: 160 });
    const info = JSON.parse(fs.readFileSync(path.join(dir, "iiif/info.json"), "utf8"));
    expect(info).toMatchObject({ width: 600, height: 800 });
    expect(listFiles(path.join(dir, "iiif")).filter((f) => f !== "info.json")).toEqual(viewerTileUrls(info));
    // The red square stored at the top left shows at the top right once turned.
    const [r, g] = await pixel(path.join(dir, "600.jpg"), 580, 20);
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(60);
    expect((await pixel(path.join(dir, "600.jpg"), 20, 20))[1]).toBeGreaterThan(200);
    expect((await pixel(path.join(dir, "iiif/512,0,88,256/88,256/0/default.jpg"), 70, 20))[1]).toBeLessThan(60);
  });

  it("is clipped upright: the area at the top right is the red square", async () => {
    const dir = scratchDir("rotated-clip");
    const { clipping } = await deriveClipping(bytes, dir, [0.75, 0, 0.25, 0.1875]);
    expect(clipping).toMatchObject({ width: 150, height: 150 });
    const [r, g, b] = await pixel(path.join(dir, clipping.file), 75, 75);
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(60);
    expect(b).toBeLessThan(60);
  });
});

describe("deriveClipping", () => {
  it.each([
    ["a column on the 600 × 840 fixture scan", [0.05, 0.05, 0.4, 0.3], 600, 840, { width: 240, height: 252 }],
    [
      "a wide area on a 1701 × 2431 scan, shrunk to 800 px",
      [0.1, 0.2, 0.6, 0.3],
      1701,
      2431,
      { width: 800, height: 571 },
    ],
    ["a tall area on a 1701 × 2431 scan", [0.55, 0.05, 0.4, 0.9], 1701, 2431, { width: 680, height: 2188 }],
  ] as const)(
    "%s keeps the area's proportions, and the share image is exactly 1200 × 630",
    async (_, bounds, W, H, expected) => {
      const bytes = W === 600 ? scanA : await makeScan(W, H);
      const dir = scratchDir("clip");
      const manifest = await deriveClipping(bytes, dir, [...bounds]);
      const clipping = await sizeOf(path.join(dir, manifest.clipping.file));
      expect(clipping).toEqual({ ...expected, format: "jpeg" });
      expect(manifest.clipping).toMatchObject(expected);
      // The area in pixels, shrunk to at most 800 px wide: the clipping is that size to ±1 px each way.
      const [areaWidth, areaHeight] = [bounds[2] * W, bounds[3] * H];
      const scale = Math.min(1, imageSettings.clipping.width / areaWidth);
      expect(Math.abs(clipping.width - areaWidth * scale)).toBeLessThanOrEqual(1);
      expect(Math.abs(clipping.height - areaHeight * scale)).toBeLessThanOrEqual(1);
      expect(await sizeOf(path.join(dir, manifest.share.file))).toEqual({ width: 1200, height: 630, format: "jpeg" });
      expect(manifest.share).toEqual({ file: "share.jpg", width: 1200, height: 630, format: "jpeg" });
    },
  );

  it("cuts the area itself: an area over the page's photo block is the photo's colour", async () => {
    // pageSvg puts a #6a7f8c block at x 55–95 %, y 12–32 %.
    const dir = scratchDir("clip-photo");
    const manifest = await deriveClipping(await makeScan(1000, 1400), dir, [0.6, 0.15, 0.3, 0.1]);
    const [r, g, b] = await pixel(path.join(dir, manifest.clipping.file), 10, 10);
    expect(Math.abs(r - 0x6a) + Math.abs(g - 0x7f) + Math.abs(b - 0x8c)).toBeLessThan(20);
  });
});

describe("deriveFigure on tests/fixtures photo.png (480 × 320)", () => {
  it("makes AVIF and JPEG at 400 px and at its own width, not larger", async () => {
    const dir = scratchDir("figure");
    const manifest = await deriveFigure(photo, dir);
    expect(manifest).toMatchObject({ source: "png", width: 480, height: 320 });
    expect(manifest.variants.map((v) => `${v.file} ${v.width}×${v.height}`)).toEqual([
      "400.avif 400×267",
      "400.jpg 400×267",
      "480.avif 480×320",
      "480.jpg 480×320",
    ]);
    for (const v of manifest.variants) {
      const onDisk = await sizeOf(path.join(dir, v.file));
      expect(onDisk).toMatchObject({ width: v.width, height: v.height });
      // libvips reports AVIF as "heif".
      expect(onDisk.format).toBe(v.format === "avif" ? "heif" : v.format);
    }
  });
});
