// Renders a page PDF to a PNG with MuPDF (sharp cannot read PDF), for pages delivered without a scan.
import * as mupdf from "mupdf";
import { ImageInputError } from "./derive.ts";

export function renderPdfPage(bytes: Buffer, width: number): Buffer {
  let doc: mupdf.Document;
  try {
    doc = mupdf.Document.openDocument(bytes, "application/pdf");
  } catch (err) {
    throw new ImageInputError(`not a readable PDF (${(err as Error).message}): export the page PDF again`);
  }
  try {
    if (doc.countPages() < 1) throw new ImageInputError("the PDF has no pages");
    const page = doc.loadPage(0);
    const [x0, , x1] = page.getBounds();
    const scale = width / (x1 - x0);
    const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
    return Buffer.from(pixmap.asPNG());
  } finally {
    doc.destroy();
  }
}
