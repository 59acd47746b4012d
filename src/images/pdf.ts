// Renders a page PDF to a PNG with MuPDF (sharp cannot read PDF), for pages delivered without a scan.
import { ImageInputError } from "./derive.ts";
import { inspectPdf, loadMupdf, type PdfInspection } from "./pdf-inspect.ts";

export async function renderPdfPage(bytes: Buffer, width: number): Promise<Buffer> {
  const mupdf = await loadMupdf();
  let doc: import("mupdf").Document;
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

/**
 * Refuses a page PDF that readers could not open (src/images/pdf-inspect.ts: not a PDF, cut off, damaged, a
 * password, no pages, an impossible size) or that is more than one page, and returns what the build serves: the
 * file itself, or a copy without active content when it had some.
 */
export async function checkPdf(bytes: Buffer): Promise<PdfInspection> {
  const inspection = await inspectPdf(bytes);
  if (inspection.pages > 1) {
    throw new ImageInputError(
      `the PDF has ${inspection.pages} pages, and a page folder's PDF is its one printed page: keep only this page (npm run import takes the first page of a PDF and says so)`,
    );
  }
  return inspection;
}

/**
 * Renders part of a PDF page — a figure's box [x0, y0, x1, y1] in points — as a JPEG `dpi` dots to the inch, for
 * a page imported from its PDF alone: its photos and charts come from the PDF itself.
 */
export async function renderPdfRegion(
  bytes: Uint8Array,
  box: [number, number, number, number],
  dpi = 200,
): Promise<Buffer> {
  const mupdf = await loadMupdf();
  const doc = mupdf.Document.openDocument(bytes, "application/pdf");
  try {
    const page = doc.loadPage(0);
    const scale = dpi / 72;
    const bbox: [number, number, number, number] = [
      Math.floor(box[0] * scale),
      Math.floor(box[1] * scale),
      Math.ceil(box[2] * scale),
      Math.ceil(box[3] * scale),
    ];
    const pixmap = new mupdf.Pixmap(mupdf.ColorSpace.DeviceRGB, bbox, false);
    pixmap.clear(255);
    const device = new mupdf.DrawDevice(mupdf.Matrix.scale(scale, scale), pixmap);
    try {
      page.run(device, mupdf.Matrix.identity);
      device.close();
    } finally {
      device.destroy();
    }
    return Buffer.from(pixmap.asJPEG(85));
  } finally {
    doc.destroy();
  }
}
