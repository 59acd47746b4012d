// Builds small page PDFs for the tests with MuPDF: text set at given places and sizes, rules, frames and pictures.
import * as mupdf from "mupdf";

export interface TextSpec {
  /** Left edge and top of the type, in points from the page's top-left corner. */
  x: number;
  y: number;
  size: number;
  text: string;
  /** Set one character under the other, as a vertical headline is. */
  vertical?: boolean;
  /** Latin type: Helvetica (the default), Helvetica-Bold, Times-Roman, or Courier whose text layer maps every
   * glyph to a private-use code point (a copy-protected PDF). */
  font?: "regular" | "bold" | "serif" | "hidden";
}

export interface PageSpec {
  width: number;
  height: number;
  texts: TextSpec[];
  /** Lines [x0, y0, x1, y1] from the top-left corner. */
  rules?: [number, number, number, number][];
  /** Stroked rectangles [x0, y0, x1, y1]. */
  frames?: [number, number, number, number][];
  /** Pictures [x0, y0, x1, y1]: a grey image is placed there. */
  pictures?: [number, number, number, number][];
  /** Tinted rectangles [x0, y0, x1, y1], painted under the text. */
  fills?: [number, number, number, number][];
}

/** A ToUnicode map sending every character code to a private-use code point: text that cannot be read. */
const HIDDEN_CMAP = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Hidden def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
1 beginbfrange <20> <FF> <E000> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`;

const hex = (text: string) =>
  `<${Array.from(text)
    .map((c) => c.codePointAt(0)!.toString(16).padStart(4, "0"))
    .join("")}>`;
const latin = (text: string) => `(${text.replace(/[\\()]/g, "\\$&")})`;

/** One PDF page as MuPDF writes it; Chinese in MuPDF's built-in CJK font, Latin in Helvetica. */
export function makePdf(spec: PageSpec): Uint8Array {
  const doc = new mupdf.PDFDocument();
  // Its own base font: MuPDF shares one font object between equal fonts, and this one gets a map of its own.
  const hidden = doc.addSimpleFont(new mupdf.Font("Courier"));
  hidden.put("ToUnicode", doc.addStream(HIDDEN_CMAP, {}));
  const fonts = {
    F1: doc.addSimpleFont(new mupdf.Font("Helvetica")),
    F2: doc.addCJKFont(new mupdf.Font("zh-Hans"), "zh-Hans", 0, true),
    F3: doc.addSimpleFont(new mupdf.Font("Helvetica-Bold")),
    F4: doc.addSimpleFont(new mupdf.Font("Times-Roman")),
    F5: hidden,
  };
  const latinFont = { regular: "F1", bold: "F3", serif: "F4", hidden: "F5" } as const;
  const xobjects: Record<string, mupdf.PDFObject> = {};
  const ops: string[] = [];
  const h = spec.height;
  const put = (x: number, top: number, size: number, text: string, font: TextSpec["font"] = "regular") => {
    const cjk = /[^\u0000-\u00ff]/u.test(text);
    ops.push(
      `BT /${cjk ? "F2" : latinFont[font]} ${size} Tf ${x} ${h - top - 0.88 * size} Td ${cjk ? hex(text) : latin(text)} Tj ET`,
    );
  };
  for (const [x0, y0, x1, y1] of spec.fills ?? []) ops.push(`0.9 g ${x0} ${h - y1} ${x1 - x0} ${y1 - y0} re f 0 g`);
  for (const t of spec.texts) {
    if (t.vertical) Array.from(t.text).forEach((c, i) => put(t.x, t.y + i * t.size * 1.1, t.size, c, t.font));
    else put(t.x, t.y, t.size, t.text, t.font);
  }
  for (const [x0, y0, x1, y1] of spec.rules ?? []) ops.push(`1 w ${x0} ${h - y0} m ${x1} ${h - y1} l S`);
  for (const [x0, y0, x1, y1] of spec.frames ?? []) ops.push(`0.8 w ${x0} ${h - y1} ${x1 - x0} ${y1 - y0} re S`);
  (spec.pictures ?? []).forEach(([x0, y0, x1, y1], i) => {
    const pixmap = new mupdf.Pixmap(mupdf.ColorSpace.DeviceRGB, [0, 0, 8, 8], false);
    pixmap.clear(128);
    xobjects[`Im${i}`] = doc.addImage(new mupdf.Image(pixmap));
    ops.push(`q ${x1 - x0} 0 0 ${y1 - y0} ${x0} ${h - y1} cm /Im${i} Do Q`);
  });
  const resources = doc.addObject({ Font: fonts, XObject: xobjects });
  doc.insertPage(-1, doc.addPage([0, 0, spec.width, spec.height], 0, resources, ops.join("\n")));
  return doc.saveToBuffer("").asUint8Array();
}

/**
 * Paragraphs set in columns of `chars` characters at `size` points, each column [x, top, bottom]: a column full,
 * the text runs on at the top of the next, as a paragraph cut by a column break. First lines are indented.
 */
export function flow(
  paragraphs: string[],
  columns: [number, number, number][],
  size: number,
  chars: number,
): TextSpec[] {
  const texts: TextSpec[] = [];
  let c = 0;
  let top = columns[0][1];
  const place = (text: string, indent: boolean) => {
    if (top + size > columns[c][2]) {
      c++;
      if (c >= columns.length) throw new Error("the text does not fit the columns");
      top = columns[c][1];
    }
    texts.push({ x: columns[c][0] + (indent ? 2 * size : 0), y: top, size, text });
    top += size * 1.4;
  };
  for (const paragraph of paragraphs) {
    const all = Array.from(paragraph);
    place(all.splice(0, chars - 2).join(""), true);
    while (all.length) place(all.splice(0, chars).join(""), false);
  }
  return texts;
}
