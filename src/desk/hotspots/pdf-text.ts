// Reads a page PDF's layout with MuPDF: its text blocks and lines, and its figures (photos, drawings).
import type * as mupdf from "mupdf";
import type { Rect } from "../../model/geometry.ts";
import { mergeTouching, type Box } from "../pdf/boxes.ts";
import { walkPaint, withPdfPage } from "../pdf/paint.ts";
import type { LayoutBlock, PageLayout } from "./layout.ts";

interface StextBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface StextJson {
  blocks: { type: string; bbox: StextBox; lines?: { bbox: StextBox; text: string }[] }[];
}

export interface PdfLayoutOptions {
  /** Which page of the PDF, from 0. */
  pageIndex?: number;
  /** Shapes thinner than this (in points) are rules and frames' edges, not figures. */
  minShape?: number;
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
    const fromBox = (b: StextBox) => toRect(b.x, b.y, b.x + b.w, b.y + b.h);

    const stext = page.toStructuredText("preserve-whitespace");
    const json = JSON.parse(stext.asJSON()) as StextJson;
    stext.destroy();
    const blocks: LayoutBlock[] = [];
    const textBoxes: StextBox[] = [];
    json.blocks.forEach((b, i) => {
      if (b.type !== "text" || !b.lines) return;
      const lines = b.lines.filter((l) => l.text.trim()).map((l) => ({ bbox: fromBox(l.bbox), text: l.text }));
      if (lines.length === 0) return;
      blocks.push({ id: `t${i}`, kind: "text", bbox: fromBox(b.bbox), lines });
      textBoxes.push(b.bbox);
    });

    const pageArea = width * height;
    const holdsText = (box: Box) =>
      textBoxes.some((t) => {
        const cx = t.x + t.w / 2;
        const cy = t.y + t.h / 2;
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
