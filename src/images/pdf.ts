// Renders a page PDF to a PNG with MuPDF (sharp cannot read PDF), for pages delivered without a scan.
import { ImageInputError } from "./derive.ts";

/** Loaded on first use: MuPDF's WASM takes a while to start and most builds render no PDF. */
let mupdfModule: Promise<typeof import("mupdf")> | null = null;

export async function renderPdfPage(bytes: Buffer, width: number): Promise<Buffer> {
  const mupdf = await (mupdfModule ??= import("mupdf"));
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
