// Made-up page PDFs for the hot-folder bench: six articles a page (headline over columns of body text), one photo
// with its caption, the page's editor in the footer; text from the synthetic archive's words, set with MuPDF.
import * as mupdf from "mupdf";
import { Random } from "../synth/random.ts";
import { body, caption, headline, storyContext } from "../synth/text.ts";
import { sections } from "../synth/words.ts";

const width = 842;
const height = 1191;
const hex = (text: string) =>
  `<${Array.from(text)
    .map((c) => c.codePointAt(0)!.toString(16).padStart(4, "0"))
    .join("")}>`;

/** Page `page` of the edition; `variant` changes its text (a replaced page), same seed same page. */
export function benchPagePdf(page: number, variant = 0): Uint8Array {
  const rng = new Random(page * 7919 + variant * 104729);
  const doc = new mupdf.PDFDocument();
  const font = doc.addCJKFont(new mupdf.Font("zh-Hans"), "zh-Hans", 0, true);
  const ops: string[] = [];
  const put = (x: number, top: number, size: number, text: string) =>
    ops.push(`BT /F1 ${size} Tf ${x} ${height - top - 0.88 * size} Td ${hex(text)} Tj ET`);
  const section = sections[page % sections.length];
  put(40, 30, 10, `第${page}版 ${section}`);
  ops.push(`1 w 40 ${height - 48} m ${width - 40} ${height - 48} l S`);
  const cellW = (width - 100) / 2;
  const cellH = (height - 140) / 3;
  let xobject: mupdf.PDFObject | null = null;
  for (let i = 0; i < 6; i++) {
    const x0 = 40 + (i % 2) * (cellW + 20);
    const y0 = 60 + Math.floor(i / 2) * cellH;
    const ctx = storyContext(rng, section, 5, 1);
    put(x0, y0 + 6, 16, headline(rng, ctx));
    const top = y0 + 36;
    let bottom = y0 + cellH - 20;
    if (i === 0) {
      // The photo at the foot of the lead article, its caption under it.
      bottom -= 150;
      const pixmap = new mupdf.Pixmap(mupdf.ColorSpace.DeviceRGB, [0, 0, 64, 48], false);
      pixmap.clear(150);
      xobject = doc.addImage(new mupdf.Image(pixmap));
      ops.push(`q ${cellW} 0 0 120 ${x0} ${height - bottom - 8 - 120} cm /Im0 Do Q`);
      put(x0, bottom + 132, 8, caption(rng, ctx, false));
    }
    // Three columns of 9 pt type, 13 characters wide, filled paragraph after paragraph.
    const columnW = (cellW - 20) / 3;
    const chars = Math.floor(columnW / 9);
    let column = 0;
    let y = top;
    const line = (text: string, indent: boolean) => {
      if (y + 9 > bottom) {
        column++;
        y = top;
      }
      if (column < 3) put(x0 + column * (columnW + 10) + (indent ? 18 : 0), y, 9, text);
      y += 12.6;
    };
    for (const paragraph of body(rng, ctx, 420)) {
      const all = Array.from(paragraph);
      line(all.splice(0, chars - 2).join(""), true);
      while (all.length) line(all.splice(0, chars).join(""), false);
    }
    ops.push(`0.5 w ${x0} ${height - (y0 + cellH - 8)} m ${x0 + cellW} ${height - (y0 + cellH - 8)} l S`);
  }
  put(40, height - 60, 7, "本版编辑：赵六");
  const resources = doc.addObject({ Font: { F1: font }, XObject: xobject ? { Im0: xobject } : {} });
  doc.insertPage(-1, doc.addPage([0, 0, width, height], 0, resources, ops.join("\n")));
  return doc.saveToBuffer("").asUint8Array();
}
