// Writes PDFs object by object, for tests that need what no PDF library writes on purpose: JavaScript and Launch
// actions, javascript: links, embedded files, broken cross-reference tables, odd page sizes, nested forms.

/** A PDF object's body, e.g. "<< /Type /Catalog /Pages 2 0 R >>"; a stream as { dict, stream }. */
export type RawObject = string | { dict: string; stream: string | Uint8Array };

/**
 * A PDF of `objects` (object 1 is the catalog), with a correct cross-reference table unless `xref: "broken"`
 * (every offset wrong: MuPDF has to repair it). `trailer` adds keys to the trailer (e.g. an /Encrypt dictionary).
 */
export function rawPdf(objects: RawObject[], options: { xref?: "broken"; trailer?: string } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let length = parts[0].length;
  const offsets: number[] = [];
  const add = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  objects.forEach((object, i) => {
    offsets.push(length);
    if (typeof object === "string") {
      add(Buffer.from(`${i + 1} 0 obj\n${object}\nendobj\n`, "latin1"));
    } else {
      const data =
        typeof object.stream === "string" ? Buffer.from(object.stream, "latin1") : Buffer.from(object.stream);
      const dict = object.dict.replace(/>>\s*$/, ` /Length ${data.length} >>`);
      add(
        Buffer.concat([
          Buffer.from(`${i + 1} 0 obj\n${dict}\nstream\n`, "latin1"),
          data,
          Buffer.from("\nendstream\nendobj\n", "latin1"),
        ]),
      );
    }
  });
  const xref = length;
  const rows = offsets
    .map((o) => `${String(options.xref === "broken" ? o + 7 : o).padStart(10, "0")} 00000 n \n`)
    .join("");
  add(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${options.trailer ?? ""}>>\nstartxref\n${xref}\n%%EOF\n`,
      "latin1",
    ),
  );
  return Buffer.concat(parts);
}

/** The usual start: catalog (with `catalog` keys added), page tree of `pages` pages sized `size`, each with text. */
export function pagesPdf(
  options: {
    pages?: number;
    size?: [number, number];
    catalog?: string;
    page?: string;
    extra?: RawObject[];
    xref?: "broken";
    trailer?: string;
  } = {},
): Buffer {
  const pages = options.pages ?? 1;
  const [w, h] = options.size ?? [595, 842];
  const first = 3;
  const font = first + pages * 2;
  const kids = Array.from({ length: pages }, (_, i) => `${first + i * 2} 0 R`).join(" ");
  const objects: RawObject[] = [
    `<< /Type /Catalog /Pages 2 0 R ${options.catalog ?? ""}>>`,
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
  ];
  for (let i = 0; i < pages; i++) {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${first + i * 2 + 1} 0 R ${options.page ?? ""}>>`,
    );
    objects.push({
      dict: "<< >>",
      stream: `BT /F1 24 Tf 40 ${Math.max(10, h - 60)} Td (Page ${i + 1} headline) Tj ET`,
    });
  }
  objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  objects.push(...(options.extra ?? []));
  return rawPdf(objects, { xref: options.xref, trailer: options.trailer });
}
