// The build's image stage over a fixture edition loaded by the real loader and model: what it makes for the model
// (and that it leaves the model it reads as it was), what it writes, what it re-encodes on the next build, that its
// output is byte-for-byte repeatable, and pruning.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Diagnostics } from "../../../src/content/diagnostics.ts";
import { runImageStage, type ImageStageOptions } from "../../../src/images/stage.ts";
import type { Edition, ImageVariant } from "../../../src/model/types.ts";
import { fixtures, hashTree, listFiles, loadModel, makeScan, removeScratch, scratchDir } from "./helpers.ts";

const siteRoot = "https://epaper.example.cn/epaper/";
const date = "2024-03-01";

afterAll(removeScratch);

/** A private copy of tests/fixtures/editions-zh/2024-03-01, so a test can change its files. */
function copyEdition(): string {
  const editions = path.join(scratchDir("stage-editions"), "editions");
  fs.cpSync(path.join(fixtures, "editions-zh", date), path.join(editions, date), { recursive: true });
  return editions;
}

function options(
  root: string,
  extra: Partial<ImageStageOptions> = {},
): ImageStageOptions & { diagnostics: Diagnostics } {
  return {
    outDir: path.join(root, "site"),
    cacheDir: path.join(root, "cache"),
    siteRoot,
    diagnostics: new Diagnostics(),
    ...extra,
  };
}

/**
 * The image stage over the fixture edition's model, and the model linked again with what it made, as the site data
 * stage links it; `read` is the model the stage was given.
 */
async function runStage(editionsDir: string, opts: ImageStageOptions) {
  const read = loadModel(editionsDir);
  const { made, ...counts } = await runImageStage(read, opts);
  return { counts, read, editions: loadModel(editionsDir, made) };
}

/** Every derivative URL the model now points at, by page/article, to compare builds. */
function imageUrls(editions: Edition[]): Record<string, string[]> {
  const urls: Record<string, string[]> = {};
  for (const page of editions.flatMap((e) => e.pages)) {
    urls[page.id] = page.images
      ? [...page.images.picture.variants.map((v) => v.url), page.images.thumb.url, page.images.tiles!]
      : [];
    for (const article of page.articles) {
      urls[article.id] = [
        ...[article.clipping, article.shareImage].filter((v): v is ImageVariant => v !== null).map((v) => v.url),
        ...article.figures.flatMap((f) => f.picture?.variants.map((v) => v.url) ?? []),
      ];
    }
  }
  return urls;
}

/** The cache keys (folder names under /img/) that the model's URLs use. */
function keysIn(urls: Record<string, string[]>): string[] {
  return [
    ...new Set(
      Object.values(urls)
        .flat()
        .map((u) => u.split("/")[2]),
    ),
  ].sort();
}

describe(`runImageStage over the fixture edition ${date}: cold, warm, one scan changed, pruned`, () => {
  let editionsDir: string;
  let root: string;
  let cold: Awaited<ReturnType<typeof runStage>> & { diagnostics: Diagnostics };
  beforeAll(async () => {
    editionsDir = copyEdition();
    root = scratchDir("stage");
    const opts = options(root);
    cold = { ...(await runStage(editionsDir, opts)), diagnostics: opts.diagnostics };
  });

  it("cold: makes page 01 (scan, 2 areas, 1 figure) and page 03 (scan, 1 area) once each: 6 entries", () => {
    expect(cold.diagnostics.items).toEqual([]);
    expect(cold.counts).toEqual({ images: 6, encoded: 6, cached: 0, pruned: 0 });
  });

  it("leaves the model it reads as it was: what it made is its result, linked into a new model", () => {
    expect(imageUrls(cold.read)).toEqual(
      Object.fromEntries(Object.keys(imageUrls(cold.editions)).map((id) => [id, []])),
    );
    expect(cold.read[0].pages[0].pdfUrl).toBeNull();
    expect(Object.values(imageUrls(cold.editions)).flat().length).toBeGreaterThan(0);
  });

  it("makes for the model derivatives that exist in the site, at the sizes the files have", () => {
    const [p01, p02, p03] = cold.editions[0].pages;
    const out = path.join(root, "site");
    expect(p02.images).toBeNull();
    const picture = p01.images!.picture;
    expect(picture).toMatchObject({ width: 600, height: 840 });
    expect(picture.variants.map((v) => `${v.format} ${v.width}×${v.height}`)).toEqual(["webp 600×840", "jpeg 600×840"]);
    expect(picture.sources).toEqual([
      { format: "webp", type: "image/webp", srcset: `${picture.variants[0].url} 600w` },
    ]);
    expect(picture.srcset).toBe(`${picture.variants[1].url} 600w`);
    expect(p01.images!.thumb).toMatchObject({ width: 120, height: 168, format: "jpeg" });
    const [xinqiao, tianqi] = p01.articles;
    expect(xinqiao.clipping).toMatchObject({ width: 240, height: 252 });
    expect(tianqi.clipping).toMatchObject({ width: 240, height: 504 });
    expect(xinqiao.shareImage).toMatchObject({ width: 1200, height: 630 });
    expect(xinqiao.figures[0].picture!.variants.map((v) => `${v.format} ${v.width}`)).toEqual([
      "avif 400",
      "jpeg 400",
      "avif 480",
      "jpeg 480",
    ]);
    expect(p03.articles[0].clipping).toMatchObject({ width: 240, height: 504 });
    for (const url of Object.values(imageUrls(cold.editions)).flat()) {
      expect(url).toMatch(/^\/img\/[0-9a-f]{20}\//);
      expect(fs.existsSync(path.join(out, url)), url).toBe(true);
    }
  });

  it("the tiles' info.json id is the absolute URL of its folder in the site, under the path prefix", () => {
    const tiles = cold.editions[0].pages[0].images!.tiles!;
    expect(tiles).toMatch(/^\/img\/[0-9a-f]{20}\/iiif\/info\.json$/);
    const info = JSON.parse(fs.readFileSync(path.join(root, "site", tiles), "utf8"));
    expect(info.id).toBe(`${siteRoot}${tiles.slice(1, -"/info.json".length)}`);
    expect(fs.existsSync(path.join(root, "site", path.dirname(tiles), "0,0,256,256/256,256/0/default.jpg"))).toBe(true);
  });

  it("warm: the same input again re-encodes nothing and points at the same files", async () => {
    const opts = options(root);
    const { counts: warm, editions } = await runStage(editionsDir, opts);
    expect(warm).toEqual({ images: 6, encoded: 0, cached: 6, pruned: 0 });
    expect(imageUrls(editions)).toEqual(imageUrls(cold.editions));
    expect(opts.diagnostics.items).toEqual([]);
  });

  it("a new scan for page 03 re-encodes only page 03 and its article's clipping; page 01's entries are untouched", async () => {
    const before = imageUrls(cold.editions);
    const page01Manifests = keysIn({ p: before[`${date}/01`] }).map((key) =>
      path.join(root, "cache", key, "manifest.json"),
    );
    const mtimes = page01Manifests.map((f) => fs.statSync(f).mtimeMs);
    fs.writeFileSync(path.join(editionsDir, date, "03", "page.jpg"), await makeScan(700, 980));

    const { counts, editions } = await runStage(editionsDir, options(root));
    expect(counts).toEqual({ images: 6, encoded: 2, cached: 4, pruned: 0 });
    const after = imageUrls(editions);
    for (const id of [`${date}/01`, `${date}/01/xinqiao`, `${date}/01/tianqi`, `${date}/02`, `${date}/02/shequ`]) {
      expect(after[id], id).toEqual(before[id]);
    }
    expect(after[`${date}/03`]).not.toEqual(before[`${date}/03`]);
    expect(after[`${date}/03/xinqiao-xu`]).not.toEqual(before[`${date}/03/xinqiao-xu`]);
    expect(editions[0].pages[2].images!.picture).toMatchObject({ width: 700, height: 980 });
    expect(page01Manifests.map((f) => fs.statSync(f).mtimeMs)).toEqual(mtimes);
  });

  it("a pruning build removes the old scan's two entries and keeps exactly what the model uses", async () => {
    const cacheDir = path.join(root, "cache");
    // keys/ remembers the source files' keys by their size and time: not an entry, never pruned.
    const entries = () =>
      fs
        .readdirSync(cacheDir)
        .filter((name) => name !== "keys")
        .sort();
    expect(entries()).toHaveLength(8);
    const { counts, editions } = await runStage(editionsDir, options(root, { prune: true }));
    expect(counts).toEqual({ images: 6, encoded: 0, cached: 6, pruned: 2 });
    expect(entries()).toEqual(keysIn(imageUrls(editions)));
    expect(fs.readdirSync(path.join(cacheDir, "keys")).length).toBeGreaterThan(0);
  });
});

describe("runImageStage output is repeatable byte for byte (the fixture edition, plus the seed page PDF as page 02)", () => {
  let editionsDir: string;
  const runs: { root: string; urls: Record<string, string[]>; editions: Edition[] }[] = [];
  beforeAll(async () => {
    editionsDir = copyEdition();
    fs.copyFileSync(path.join(fixtures, "seed", "page.pdf"), path.join(editionsDir, date, "02", "page.pdf"));
    // One after the other, each into fresh cache and site folders.
    for (let i = 0; i < 2; i++) {
      const root = scratchDir(`stage-repeat-${i}`);
      const opts = options(root);
      const { counts, editions } = await runStage(editionsDir, opts);
      expect(opts.diagnostics.items).toEqual([]);
      // Page 02 adds the PDF's rendering and its page entry to the 6 of the fixture.
      expect(counts).toEqual({ images: 8, encoded: 8, cached: 0, pruned: 0 });
      runs.push({ root, urls: imageUrls(editions), editions });
    }
  }, 300_000);

  it("a page with only a PDF gets page images rendered from it at 640, 1000 and 1600 px", () => {
    const page = runs[0].editions[0].pages[1];
    expect(page.pdfUrl).toBe(`/${date}/02/${date}-02.pdf`);
    const picture = page.images!.picture;
    expect(picture.width).toBe(2400);
    expect(Math.abs(picture.height - (2400 * 1416.96) / 991.92)).toBeLessThanOrEqual(1);
    expect(picture.variants.map((v) => `${v.format} ${v.width}`)).toEqual([
      "webp 640",
      "jpeg 640",
      "webp 1000",
      "jpeg 1000",
      "webp 1600",
      "jpeg 1600",
    ]);
  });

  it("two cold builds give the same URLs and byte-identical files, in the site and in the cache", () => {
    expect(runs[1].urls).toEqual(runs[0].urls);
    const [site0, site1] = runs.map((r) => hashTree(path.join(r.root, "site")));
    // The derivatives, not keys/ (what each source file's size and time were on this machine).
    const [cache0, cache1] = runs.map((r) =>
      Object.fromEntries(Object.entries(hashTree(path.join(r.root, "cache"))).filter(([f]) => !f.startsWith("keys/"))),
    );
    // Enough files that this compares something: the PDF page alone has ~150 tiles.
    expect(Object.keys(site0).length).toBeGreaterThan(150);
    expect(Object.keys(site1)).toEqual(Object.keys(site0));
    expect(site1).toEqual(site0);
    expect(cache1).toEqual(cache0);
    expect(listFiles(path.join(runs[0].root, "cache")).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it("warm again over the PDF page: the rendering is cached too, nothing is re-encoded", async () => {
    const { counts } = await runStage(editionsDir, options(runs[0].root));
    expect(counts).toEqual({ images: 8, encoded: 0, cached: 8, pruned: 0 });
  });
});
