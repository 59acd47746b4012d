// What a PDF page paints, walked once with a MuPDF device: each path (filled or stroked, with its transform) and
// each image's box. Both page readers (the PDF import and the hotspots' layout) take their shapes from here.
import * as mupdf from "mupdf";

/** [x0, y0, x1, y1] in PDF points, y down. */
export type PaintBox = [number, number, number, number];

export interface Painter {
  path(path: mupdf.Path, ctm: mupdf.Matrix, strokeWidth: number, filled: boolean): void;
  image(box: PaintBox): void;
}

export function walkPaint(page: mupdf.Page, painter: Painter): void {
  const imageBox = (ctm: mupdf.Matrix): PaintBox => {
    const r = mupdf.Rect.transform([0, 0, 1, 1], ctm);
    return [r[0], r[1], r[2], r[3]];
  };
  const device = new mupdf.Device({
    fillPath: (path, _evenOdd, ctm) => painter.path(path, ctm, 0, true),
    strokePath: (path, stroke, ctm) => painter.path(path, ctm, stroke.getLineWidth(), false),
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
