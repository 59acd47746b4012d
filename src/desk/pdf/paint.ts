// Opens one page of a PDF and walks what it paints, once, with a MuPDF device: each path as page-space points (with
// its stroke and fill) and each image's box. Both page readers (the PDF import and the hotspots' layout) use this.
import * as mupdf from "mupdf";
import type { Box } from "./boxes.ts";

export interface PaintedPath {
  /** Every point of the path, curve control points included, in page space. */
  points: [number, number][];
  /** Its bounds, widened by half the stroke. */
  box: Box;
  /** One closed axis-aligned rectangle (one move, straight lines, at most five points). */
  rect: boolean;
  strokeWidth: number;
  filled: boolean;
}

export interface Painter {
  path(path: PaintedPath): void;
  image(box: Box): void;
}

/** Runs `read` on page `pageIndex` (from 0) of the PDF, and frees MuPDF's objects afterwards. */
export function withPdfPage<T>(bytes: Uint8Array, pageIndex: number, read: (page: mupdf.Page) => T): T {
  const doc = mupdf.Document.openDocument(bytes, "application/pdf");
  try {
    const count = doc.countPages();
    if (pageIndex < 0 || pageIndex >= count) throw new Error(`the PDF has ${count} page(s), no page ${pageIndex + 1}`);
    const page = doc.loadPage(pageIndex);
    try {
      return read(page);
    } finally {
      page.destroy();
    }
  } finally {
    doc.destroy();
  }
}

function paintedPath(path: mupdf.Path, ctm: mupdf.Matrix, strokeWidth: number, filled: boolean): PaintedPath | null {
  const points: [number, number][] = [];
  const add = (x: number, y: number) =>
    points.push([ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]]);
  let moves = 0;
  let curves = 0;
  path.walk({
    moveTo: (x, y) => {
      moves++;
      add(x, y);
    },
    lineTo: add,
    curveTo: (x1, y1, x2, y2, x3, y3) => {
      curves++;
      add(x1, y1);
      add(x2, y2);
      add(x3, y3);
    },
  });
  if (!points.length) return null;
  const half = strokeWidth / 2;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const box: Box = [Math.min(...xs) - half, Math.min(...ys) - half, Math.max(...xs) + half, Math.max(...ys) + half];
  return { points, box, rect: moves === 1 && curves === 0 && points.length <= 5, strokeWidth, filled };
}

export function walkPaint(page: mupdf.Page, painter: Painter): void {
  const imageBox = (ctm: mupdf.Matrix): Box => {
    const r = mupdf.Rect.transform([0, 0, 1, 1], ctm);
    return [r[0], r[1], r[2], r[3]];
  };
  const path = (p: mupdf.Path, ctm: mupdf.Matrix, strokeWidth: number, filled: boolean) => {
    const painted = paintedPath(p, ctm, strokeWidth, filled);
    if (painted) painter.path(painted);
  };
  const device = new mupdf.Device({
    fillPath: (p, _evenOdd, ctm) => path(p, ctm, 0, true),
    strokePath: (p, stroke, ctm) => path(p, ctm, stroke.getLineWidth(), false),
    fillImage: (_image, ctm) => painter.image(imageBox(ctm)),
    fillImageMask: (_image, ctm) => painter.image(imageBox(ctm)),
  });
  try {
    page.run(device, mupdf.Matrix.identity);
    device.close();
  } finally {
    device.destroy();
  }
}
