// The one check a page PDF gets on its way in, used by npm run import, npm run check and every build: what is
// refused (with what to do), what was repaired, and the copy that may be kept and served — first page only,
// decrypted, without active content (JavaScript, Launch, non-web links, embedded files). MuPDF's own messages are
// caught here and never printed: a night editor gets one sentence naming the file.
import { limits } from "../content/limits.ts";
import { ImageInputError } from "./derive.ts";

type Mupdf = typeof import("mupdf");
type PDFDocument = import("mupdf").PDFDocument;
type PDFObject = import("mupdf").PDFObject;

/** What MuPDF said last (for BANMIAN_DEBUG): it never goes to the terminal by itself. */
const mupdfSaid: string[] = [];
let mupdfModule: Promise<Mupdf> | null = null;

/** MuPDF, loaded on first use with its warnings and errors kept here instead of printed (hundreds of lines for a
 * damaged file, none of which tells a night editor what to do). */
export function loadMupdf(): Promise<Mupdf> {
  return (mupdfModule ??= import("mupdf").then((mupdf) => {
    const keep = (message: string) => {
      mupdfSaid.push(message);
      if (mupdfSaid.length > 20) mupdfSaid.shift();
      if (process.env.BANMIAN_DEBUG) console.error(`mupdf: ${message}`);
    };
    mupdf.setLog({ error: keep, warning: keep });
    return mupdf;
  }));
}

/** A page PDF that cannot be taken: the message says why and what to do. */
export class PdfRefused extends ImageInputError {}

export interface PdfInspection {
  /** Pages in the file; only the first is kept */
  pages: number;
  /** The first page's size in points [width, height] */
  size: [number, number];
  /** MuPDF had to rebuild the file's cross-reference table to read it */
  repaired: boolean;
  /** The file is encrypted with an empty password (it opens, but pdf-lib and some readers refuse it) */
  encrypted: boolean;
  /** Active content found, for people: "JavaScript run when the PDF is opened" */
  active: string[];
  /** True when `clean` differs from the input: the input must not be served as it is */
  rewritten: boolean;
  /** The bytes to keep and serve: the input itself when nothing needed changing */
  clean: Uint8Array;
  /** What the clean copy changed, one sentence each, for the import report and the build's warning */
  changes: string[];
}

/** Action types that run something, reach outside the file or submit data. GoTo, Named and web links stay. */
const activeActions: Record<string, string> = {
  JavaScript: "JavaScript",
  Launch: "a Launch action (starts a program)",
  SubmitForm: "a form submission",
  ImportData: "a data import action",
  GoToR: "a link into another file",
  GoToE: "a link into an embedded file",
  Rendition: "a media action",
  RichMediaExecute: "a rich-media action",
  Sound: "a sound action",
  Movie: "a movie action",
};
/** Annotations that carry files, media or scripts of their own: removed whole. */
const activeAnnotations = new Set(["FileAttachment", "Sound", "Movie", "Screen", "RichMedia", "3D"]);
/** Raw markers of active content: found anywhere in the bytes (even in an object nothing uses), the file is
 * rewritten, which drops every unused object. */
const rawMarkers =
  /\/(?:JavaScript|JS|Launch|EmbeddedFiles?|SubmitForm|ImportData|RichMedia|GoToE|GoToR)\b|javascript:/i;

/**
 * Inspects a page PDF and makes the copy to keep. Throws PdfRefused for what no copy can fix: empty, not a PDF,
 * cut off, password-protected, no pages, unreadable even repaired, a page size or drawing depth no newspaper page
 * has. `repair`: true (import) keeps a repaired copy and says so; false (build) refuses a damaged file, since the
 * copy in the edition is what readers get and a repair can silently lose part of the page.
 */
export async function inspectPdf(bytes: Uint8Array, options: { repair?: boolean } = {}): Promise<PdfInspection> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length === 0) throw new PdfRefused("the PDF is empty (0 bytes): export it again");
  if (buffer.subarray(0, 1024).indexOf("%PDF-") < 0)
    throw new PdfRefused("not a PDF (it does not start with %PDF-): export the page PDF again");
  if (buffer.length > limits.pdfBytes) {
    throw new PdfRefused(
      `the PDF is ${megabytes(buffer.length)} MB, over the limit of ${megabytes(limits.pdfBytes)} MB for one page: export the page again (images at print resolution, no junk appended)`,
    );
  }
  const tail = buffer.subarray(Math.max(0, buffer.length - 1024)).toString("latin1");
  if (!/%%EOF\s*$/.test(tail) || !tail.includes("startxref")) {
    throw new PdfRefused(
      `the PDF is cut off (${buffer.length} bytes, no "%%EOF" end): copy or export the page PDF again`,
    );
  }
  const mupdf = await loadMupdf();
  let opened: import("mupdf").Document;
  try {
    opened = mupdf.Document.openDocument(buffer, "application/pdf");
  } catch (err) {
    throw damaged(err);
  }
  const doc = opened.asPDF();
  try {
    if (!doc) throw new PdfRefused("not a PDF MuPDF can read: export the page PDF again");
    if (doc.needsPassword()) {
      throw new PdfRefused(
        "the PDF is protected by a password: export it again without a password (or ask the print room for an open copy)",
      );
    }
    let pages: number;
    let size: [number, number];
    try {
      pages = doc.countPages();
      if (pages < 1) throw new PdfRefused("the PDF has no pages: export the page PDF again");
      const [x0, y0, x1, y1] = doc.loadPage(0).getBounds();
      size = [x1 - x0, y1 - y0];
    } catch (err) {
      if (err instanceof PdfRefused) throw err;
      throw damaged(err);
    }
    const repaired = doc.wasRepaired();
    if (repaired && !options.repair) {
      throw new PdfRefused(
        "the PDF is damaged (MuPDF had to repair it): export the page PDF again, or import it with npm run import, which keeps a repaired copy",
      );
    }
    checkSize(size);
    checkDrawingDepth(doc);
    const encrypted = !doc.getTrailer().get("Encrypt").isNull();
    const active = removeActiveContent(doc, mupdf);
    const changes: string[] = [];
    if (active.length) changes.push(`removed what a reader's PDF viewer would run or open: ${active.join(", ")}`);
    if (pages > 1) {
      changes.push(
        `the PDF has ${pages} pages: page 1 is kept, pages 2–${pages} are left out (split the PDF to import each page)`,
      );
      doc.rearrangePages([0]);
    }
    if (repaired)
      changes.push(
        "the PDF was damaged and MuPDF repaired it: the repaired copy is kept; check the page looks complete",
      );
    if (encrypted) changes.push("the PDF was encrypted (with no password): an unencrypted copy is kept");
    const leftovers = !active.length && rawMarkers.test(buffer.toString("latin1"));
    if (leftovers) changes.push("removed unused objects holding scripts, actions or embedded files");
    const rewritten = changes.length > 0;
    const clean = rewritten ? new Uint8Array(doc.saveToBuffer("garbage=compact,decrypt").asUint8Array()) : bytes;
    return { pages, size, repaired, encrypted, active, rewritten, clean, changes };
  } finally {
    opened.destroy();
  }
}

function damaged(err: unknown): PdfRefused {
  const detail = process.env.BANMIAN_DEBUG ? ` (${(err as Error).message})` : "";
  return new PdfRefused(`the PDF is damaged and cannot be read${detail}: export the page PDF again`);
}

function megabytes(n: number): string {
  return (n / 1e6).toFixed(n < 1e7 ? 1 : 0);
}

/** A page is 1–200 inches a side (200 in is the PDF format's own limit), and its rendering for the page view fits
 * the pixel limit of every image. */
function checkSize([width, height]: [number, number]): void {
  const shown = `${Math.round(width)} × ${Math.round(height)} pt`;
  const { min, max } = limits.pdfPagePoints;
  if (!(width >= min && height >= min && width <= max && height <= max)) {
    throw new PdfRefused(
      `the page is ${shown} (${(width / 72).toFixed(1)} × ${(height / 72).toFixed(1)} in): a page is ${min}–${max} pt (1–200 in) a side; export it at its printed size`,
    );
  }
  const pixels = limits.pdfRenderWidth * Math.round((limits.pdfRenderWidth * height) / width);
  if (pixels > limits.imagePixels) {
    throw new PdfRefused(
      `the page is ${shown}: shown ${limits.pdfRenderWidth} pixels wide it would be ${(pixels / 1e6).toFixed(0)} MP, over the limit of ${limits.imagePixels / 1e6} MP; export it at its printed size`,
    );
  }
}

/**
 * Counts how many drawings (Form XObjects) painting the first page means, following each form into the forms it
 * draws (by their `Do` in its content): nesting built to explode (each level drawing the next twice) or to recurse
 * would hang MuPDF or exhaust its memory, so it is refused before anything is drawn.
 */
function checkDrawingDepth(doc: PDFDocument): void {
  const page = doc.findPage(0);
  const memo = new Map<number, number>();
  const onPath = new Set<number>();
  const { drawings, depth: maxDepth } = limits.pdfForms;
  const refuse = (why: string) =>
    new PdfRefused(`the page ${why}: export it again flattened (a PDF/X or "print" export)`);
  const visit = (resources: PDFObject, content: string, depth: number): number => {
    if (depth > maxDepth) throw refuse(`nests drawings inside drawings more than ${maxDepth} deep`);
    const xobjects = resources.isDictionary() ? resources.get("XObject") : resources;
    if (!xobjects.isDictionary()) return 1;
    let total = 1;
    const uses = doCounts(content);
    xobjects.forEach((value, key) => {
      const times = uses.get(String(key)) ?? 0;
      if (!times || !value.isIndirect()) return;
      const num = value.asIndirect();
      // A stream is a stream as the reference to it: resolved, MuPDF gives its dictionary alone.
      const form = value;
      if (!form.isStream() || !form.get("Subtype").isName() || form.get("Subtype").asName() !== "Form") return;
      if (onPath.has(num)) throw refuse("has a drawing that draws itself");
      let each = memo.get(num);
      if (each === undefined) {
        onPath.add(num);
        each = visit(form.get("Resources"), streamText(form), depth + 1);
        onPath.delete(num);
        memo.set(num, each);
      }
      total += times * each;
      if (total > drawings) throw refuse(`draws more than ${drawings.toLocaleString("en")} nested drawings`);
    });
    return total;
  };
  visit(page.getInheritable("Resources"), pageContent(page), 0);
}

function streamText(stream: PDFObject): string {
  try {
    return stream.readStream().asString();
  } catch {
    // A stream MuPDF cannot decode draws nothing when the page is drawn either.
    return "";
  }
}

function pageContent(page: PDFObject): string {
  const contents = page.get("Contents");
  if (contents.isArray()) {
    let text = "";
    for (let i = 0; i < contents.length; i++) text += `${streamText(contents.get(i))}\n`;
    return text;
  }
  return contents.isStream() ? streamText(contents) : "";
}

/** How many times each named XObject is drawn (`/Name Do`) in a content stream. */
function doCounts(content: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of content.matchAll(/\/([^\s/<>[\]()]+)\s+Do\b/g)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  return counts;
}

/**
 * Removes from the document what a PDF viewer would run or open: JavaScript (the document's, at opening, in
 * actions), Launch and other active actions, links that are not http(s) or mailto, embedded files, media and
 * file-attachment annotations, form submission. Returns what was found, each kind once.
 */
function removeActiveContent(doc: PDFDocument, mupdf: Mupdf): string[] {
  const found = new Set<string>();
  const root = doc.getTrailer().get("Root");
  const note = (what: string) => found.add(what);
  /** An action dictionary (and the ones chained after it with /Next) that does something active. */
  const actionIsActive = (action: PDFObject, seen = 0): boolean => {
    if (!action.isDictionary() || seen > 50) return false;
    const type = action.get("S").isName() ? action.get("S").asName() : "";
    if (activeActions[type]) {
      note(activeActions[type]);
      return true;
    }
    if (type === "URI") {
      const uri = action.get("URI");
      const target = uri.isString() ? uri.asString().trim() : "";
      if (!/^(?:https?:\/\/|mailto:)/i.test(target)) {
        note(`a link to "${target.slice(0, 40)}"`);
        return true;
      }
    }
    const next = action.get("Next");
    if (next.isArray()) {
      for (let i = 0; i < next.length; i++) if (actionIsActive(next.get(i), seen + 1)) return true;
      return false;
    }
    return actionIsActive(next, seen + 1);
  };
  const dropKey = (dict: PDFObject, key: string, what: string) => {
    if (dict.isDictionary() && !dict.get(key).isNull()) {
      note(what);
      dict.delete(key);
    }
  };

  const open = root.get("OpenAction");
  if (open.isDictionary() && actionIsActive(open)) root.delete("OpenAction");
  dropKey(root, "AA", "actions run when the PDF is opened, printed or closed");
  const names = root.get("Names");
  if (names.isDictionary()) {
    dropKey(names, "JavaScript", "JavaScript");
    dropKey(names, "EmbeddedFiles", "embedded files");
  }
  dropKey(root, "AcroForm", "a form");
  dropKey(root, "URI", "a base address for links");
  // Outline (bookmark) items can carry actions too.
  const outlines = root.get("Outlines");
  if (outlines.isDictionary()) {
    let guard = 0;
    const walk = (item: PDFObject) => {
      for (let node = item; node.isDictionary() && guard++ < 10_000; node = node.get("Next")) {
        if (actionIsActive(node.get("A"))) node.delete("A");
        walk(node.get("First"));
      }
    };
    walk(outlines.get("First"));
  }
  for (let i = 0; i < doc.countPages(); i++) {
    const page = doc.findPage(i);
    dropKey(page, "AA", "actions run when the page is opened or closed");
    const annots = page.get("Annots");
    if (!annots.isArray()) continue;
    for (let j = annots.length - 1; j >= 0; j--) {
      const annot = annots.get(j);
      if (!annot.isDictionary()) continue;
      const subtype = annot.get("Subtype").isName() ? annot.get("Subtype").asName() : "";
      if (activeAnnotations.has(subtype) || subtype === "Widget") {
        note(
          subtype === "FileAttachment" ? "embedded files" : subtype === "Widget" ? "a form" : `a ${subtype} annotation`,
        );
        annots.delete(j);
        continue;
      }
      if (actionIsActive(annot.get("A"))) annot.delete("A");
      dropKey(annot, "AA", "actions run by the mouse");
    }
  }
  void mupdf;
  return [...found];
}
