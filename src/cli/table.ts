// The one table printer for the terminal: columns that line up, Chinese characters and full-width forms
// counting two columns.

/** Columns a string takes in a terminal: Chinese characters and full-width forms take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const wide =
      /\p{Script=Han}/u.test(char) ||
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0x303e) ||
      (code >= 0x3041 && code <= 0x33ff) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** Lays rows out in columns under a header and a rule; the last column is left ragged. */
export function formatTable(header: string[], rows: string[][], options: { rule?: boolean } = {}): string {
  const widths = header.map((title, i) =>
    Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[i] ?? ""))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : pad(cell, widths[i])))
      .join("  ")
      .trimEnd();
  return [
    line(header),
    ...(options.rule === false ? [] : [line(widths.map((w) => "-".repeat(w)))]),
    ...rows.map(line),
  ].join("\n");
}
