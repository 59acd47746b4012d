// The eval's own ruler: the page's printed lines as MuPDF's text extraction gives them, block by block. Clicks and
// truth lines are placed with it, so a change to the importer's reader cannot move the marks it is scored against.
import * as mupdf from "mupdf";
import type { PrintedLine } from "./metrics.ts";

interface StextBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface StextJson {
  blocks: { type: string; lines?: { bbox: StextBox; text: string }[] }[];
}

/** Every non-empty text line of page `pageIndex`, its box in fractions of the page. */
export function printedLines(pdf: Uint8Array, pageIndex = 0): PrintedLine[] {
  const doc = mupdf.Document.openDocument(pdf, "application/pdf");
  try {
    const page = doc.loadPage(pageIndex);
    try {
      const [x0, y0, x1, y1] = page.getBounds();
      const clamp = (v: number) => Math.min(1, Math.max(0, v));
      const stext = page.toStructuredText("preserve-whitespace");
      const json = JSON.parse(stext.asJSON()) as StextJson;
      stext.destroy();
      return json.blocks.flatMap((b) =>
        b.type !== "text" || !b.lines
          ? []
          : b.lines
              .filter((l) => l.text.trim())
              .map((l) => {
                const fx = clamp((l.bbox.x - x0) / (x1 - x0));
                const fy = clamp((l.bbox.y - y0) / (y1 - y0));
                const fx1 = clamp((l.bbox.x + l.bbox.w - x0) / (x1 - x0));
                const fy1 = clamp((l.bbox.y + l.bbox.h - y0) / (y1 - y0));
                return { text: l.text, bbox: [fx, fy, fx1 - fx, fy1 - fy] as [number, number, number, number] };
              }),
      );
    } finally {
      page.destroy();
    }
  } finally {
    doc.destroy();
  }
}
