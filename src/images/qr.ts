// The share QR code: an article's URL as an inline SVG made at build time (qrcode), so no script is needed to show it.
// Choosing a code's mask was most of a page's render time, so the codes are made in the image stage, like the
// other images a build makes once, and kept in the image cache's folder (qr/), one file per edition keyed by its
// URLs: a rebuild reads them, and a first rebuild's render costs what a warm one's does.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type QRCodeModule from "qrcode";
import { hashBytes, stageCacheFolders, writeAtomically } from "../util/cache.ts";
import type { Edition } from "../model/types.ts";
import type { ShareCodes } from "../model/site.ts";

// Loaded on the first code made: a warm build takes every code from the cache and never needs it.
let qrcode: typeof QRCodeModule | null = null;
const loadQrcode = () => (qrcode ??= createRequire(import.meta.url)("qrcode") as typeof QRCodeModule);

/** One <path> of dark modules, with the four-module quiet zone the QR standard asks for. */
export function qrSvg(text: string, label: string): string {
  const { modules } = loadQrcode().create(text, { errorCorrectionLevel: "M" });
  const size = modules.size;
  const quiet = 4;
  let d = "";
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!modules.get(x, y)) continue;
      // Runs of dark modules in a row become one rectangle: a much shorter path.
      let run = 1;
      while (x + run < size && modules.get(x + run, y)) run++;
      d += `M${x + quiet} ${y + quiet}h${run}v1h-${run}z`;
      x += run - 1;
    }
  }
  const box = size + 2 * quiet;
  return `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${box} ${box}" width="${box * 4}" height="${box * 4}" role="img" aria-label="${escape(label)}: ${escape(text)}" shape-rendering="crispEdges"><rect width="${box}" height="${box}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** Bump when qrSvg's output changes: the cached codes are then made again. */
const qrVersion = "1";

/**
 * The share codes of every article and story view of `editions` (their absolute URLs, as the template asks for
 * them), from the cache in `cacheDir` when an edition's URLs are unchanged, else made and cached.
 */
export function shareCodes(editions: readonly Edition[], root: string, label: string, cacheDir?: string): ShareCodes {
  const codes: ShareCodes = new Map();
  for (const edition of editions) {
    const texts = [...edition.articles.map((a) => a.url), ...edition.stories.map((s) => s.url)].map(
      (url) => `${root}${url.replace(/^\//, "")}`,
    );
    const file = cacheDir
      ? path.join(cacheDir, stageCacheFolders.qr, `${hashBytes("qr", qrVersion, label, ...texts)}.json`)
      : null;
    let made: Record<string, string> | null = null;
    if (file && fs.existsSync(file)) made = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
    if (!made) {
      made = Object.fromEntries(texts.map((text) => [text, qrSvg(text, label)]));
      if (file) writeAtomically(file, JSON.stringify(made));
    }
    for (const [text, svg] of Object.entries(made)) codes.set(`${text}\0${label}`, svg);
  }
  return codes;
}
