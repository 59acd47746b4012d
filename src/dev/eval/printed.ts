// The eval's ruler: the page's printed lines, as MuPDF's text extraction gives them block by block (the layout the
// hotspots read, desk/hotspots/pdf-text.ts). Clicks and truth lines are placed with it, never with the PDF
// importer's own reading of the page, so a change to the importer cannot move the marks it is scored against.
import { readPdfLayout } from "../../desk/hotspots/pdf-text.ts";
import type { PrintedLine } from "./metrics.ts";

/** Every non-empty text line of page `pageIndex`, its box in fractions of the page. */
export function printedLines(pdf: Uint8Array, pageIndex = 0): PrintedLine[] {
  return readPdfLayout(pdf, { pageIndex }).blocks.flatMap((b) => b.lines);
}
