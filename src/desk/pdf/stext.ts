// Reads a page's text as MuPDF structures it, in one walk: its blocks, their lines, and each line's characters with
// their place and type. Both page readers (the PDF import's lines and the hotspots' text blocks) start from this.
import type * as mupdf from "mupdf";
import type { Box } from "./boxes.ts";

/** One character as MuPDF placed it. */
export interface Glyph {
  c: string;
  /** The bounds of the character's quad. */
  box: Box;
  /** Where the character stands on its baseline. */
  origin: mupdf.Point;
  /** Type size in points. */
  size: number;
  /** The font's name, without a subset's "ABCDEF+" prefix. */
  font: string;
  bold: boolean;
}

export interface StextLine {
  bbox: Box;
  /** 0 for horizontal writing, 1 for vertical. */
  wmode: number;
  /** Which way the line runs, as a unit vector: [1, 0] left to right. */
  direction: mupdf.Point;
  glyphs: Glyph[];
}

export interface StextBlock {
  bbox: Box;
  lines: StextLine[];
}

/**
 * MuPDF's text blocks of the page, in its order, spaces kept as printed. With these options MuPDF makes text blocks
 * only (images and vectors become blocks only when asked for), so a block's index is its place among all blocks.
 */
export function readStext(page: mupdf.Page): StextBlock[] {
  const blocks: StextBlock[] = [];
  let lines: StextLine[] = [];
  let glyphs: Glyph[] = [];
  const stext = page.toStructuredText("preserve-whitespace");
  try {
    stext.walk({
      beginTextBlock: (bbox) => {
        lines = [];
        blocks.push({ bbox, lines });
      },
      beginLine: (bbox, wmode, direction) => {
        glyphs = [];
        lines.push({ bbox, wmode, direction, glyphs });
      },
      onChar: (c, origin, font, size, quad) => {
        const xs = [quad[0], quad[2], quad[4], quad[6]];
        const ys = [quad[1], quad[3], quad[5], quad[7]];
        const box: Box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
        glyphs.push({ c, box, origin, size, font: font.getName().replace(/^[A-Z]{6}\+/, ""), bold: font.isBold() });
      },
    });
  } finally {
    stext.destroy();
  }
  return blocks;
}
