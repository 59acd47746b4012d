// Reads a page PDF's layout with MuPDF: its text blocks and lines (MuPDF's structured text, as the PDF import reads
// it), and its figures (photos, drawings).
import type * as mupdf from "mupdf";
import type { Rect } from "../../model/geometry.ts";
import { mergeTouching, type Box } from "../pdf/boxes.ts";
import { walkPaint, withPdfPage } from "../pdf/paint.ts";
import { readStext } from "../pdf/stext.ts";
import type { LayoutBlock, PageLayout } from "./layout.ts";

export interface PdfLayoutOptions {
  /** Which page of the PDF, from 0. */
  pageIndex?: number;
  /** Shapes thinner than this (in points) are rules and frames' edges, not figures. */
  minShape?: number;
}

/**
 * `box` in whole points, cut as MuPDF's JSON export cuts them (corner and size each truncated, the size taken in
 * single precision): the hotspots have always worked from these.
 */
function wholePoints([x0, y0, x1, y1]: Box): Box {
  const x = Math.trunc(x0);
  const y = Math.trunc(y0);
  return [x, y, x + Math.trunc(Math.fround(x1 - x0)), y + Math.trunc(Math.fround(y1 - y0))];
}

/** Every painted shape and image on the page, as page-space boxes. */
function paintedBoxes(page: mupdf.Page): Box[] {
  const boxes: Box[] = [];
  const keep = (box: Box | null) => {
    if (box) boxes.push(box);
  };
  walkPaint(page, {
    path: (path) => keep(path.box),
    image: (box) => keep(box),
  });
  return boxes;
}

/**
 * The layout of one PDF page: text blocks with their lines, and figures — images and drawings big enough to be
 * photos — in fractions of the page. Rules, the page background and boxes with text on them (banners, tint
 * boxes, frames) are not figures.
 */
export function readPdfLayout(bytes: Uint8Array, options: PdfLayoutOptions = {}): PageLayout {
  const { pageIndex = 0, minShape = 3 } = options;
  return withPdfPage(bytes, pageIndex, (page) => {
    const [px0, py0, px1, py1] = page.getBounds();
    const width = px1 - px0;
    const height = py1 - py0;
    const clamp = (v: number) => Math.min(1, Math.max(0, v));
    const toRect = (x0: number, y0: number, x1: number, y1: number): Rect => {
      const fx0 = clamp((x0 - px0) / width);
      const fy0 = clamp((y0 - py0) / height);
      return [fx0, fy0, clamp((x1 - px0) / width) - fx0, clamp((y1 - py0) / height) - fy0];
    };

    const blocks: LayoutBlock[] = [];
    const textBoxes: Box[] = [];
    readStext(page).forEach((b, i) => {
      const lines = b.lines
        .map((l) => ({ bbox: toRect(...wholePoints(l.bbox)), text: l.glyphs.map((g) => g.c).join("") }))
        .filter((l) => l.text.trim());
      if (lines.length === 0) return;
      const bbox = wholePoints(b.bbox);
      blocks.push({ id: `t${i}`, kind: "text", bbox: toRect(...bbox), lines });
      textBoxes.push(bbox);
    });

    const pageArea = width * height;
    const holdsText = (box: Box) =>
      textBoxes.some((t) => {
        const cx = (t[0] + t[2]) / 2;
        const cy = (t[1] + t[3]) / 2;
        return cx >= box[0] && cx <= box[2] && cy >= box[1] && cy <= box[3];
      });
    const shapes = paintedBoxes(page).filter((b) => {
      const w = b[2] - b[0];
      const h = b[3] - b[1];
      return Math.min(w, h) >= minShape && w * h < 0.4 * pageArea && !holdsText(b);
    });
    const figures = mergeTouching(shapes, 1)
      .filter((b) => (b[2] - b[0]) * (b[3] - b[1]) >= 0.0005 * pageArea)
      .sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    figures.forEach((b, i) => blocks.push({ id: `f${i}`, kind: "figure", bbox: toRect(...b), lines: [] }));
    return { width, height, unit: "pt", blocks };
  });
}
