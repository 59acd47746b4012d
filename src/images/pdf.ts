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

/**
 * Refuses a page PDF that readers could not open: not a PDF, cut off (a PDF ends with "%%EOF" after its
 * cross-reference table; a copy stopped half-way does not), or one MuPDF can only read by repairing it.
 * MuPDF alone is not enough: it repairs a file cut inside a stream without a word and shows the first half.
 */
export async function checkPdf(bytes: Buffer): Promise<void> {
  if (bytes.length === 0) throw new ImageInputError("the PDF is empty (0 bytes): export it again");
  if (bytes.subarray(0, 1024).indexOf("%PDF-") < 0) throw new ImageInputError("not a PDF (it does not start with %PDF-): export the page PDF again");
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString("latin1");
  if (!/%%EOF\s*$/.test(tail) || !tail.includes("startxref")) {
    throw new ImageInputError(`the PDF is cut off (${bytes.length} bytes, no "%%EOF" end): copy or export the page PDF again`);
  }
  const mupdf = await (mupdfModule ??= import("mupdf"));
  let doc: import("mupdf").Document | null = null;
  try {
    doc = mupdf.Document.openDocument(bytes, "application/pdf");
    if (doc.countPages() < 1) throw new ImageInputError("the PDF has no pages: export the page PDF again");
    doc.loadPage(0).getBounds();
    if (doc.asPDF()?.wasRepaired()) throw new ImageInputError("the PDF is damaged (MuPDF had to repair it): export the page PDF again");
  } catch (err) {
    if (err instanceof ImageInputError) throw err;
    throw new ImageInputError(`the PDF is damaged (${(err as Error).message}): export the page PDF again`);
  } finally {
    doc?.destroy();
  }
}

/**
 * Renders part of a PDF page — a figure's box [x0, y0, x1, y1] in points — as a JPEG `dpi` dots to the inch, for
 * a page imported from its PDF alone: its photos and charts come from the PDF itself.
 */
export async function renderPdfRegion(bytes: Uint8Array, box: [number, number, number, number], dpi = 200): Promise<Buffer> {
  const mupdf = await (mupdfModule ??= import("mupdf"));
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
