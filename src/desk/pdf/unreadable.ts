// A text layer that is not text: fonts that map every glyph to U+FFFD, to private-use code points or to control
// characters (a copy-protected e-paper PDF, a Type 3 font without a ToUnicode map). Importing it would publish
// rows of "�"; the night editor is told instead.
import type { TextLine } from "./read.ts";

/** U+FFFD, private use (BMP and planes 15–16), and control characters other than whitespace. */
const UNREADABLE = /[\ufffd\p{Co}\p{Cc}]/u;

/** The share of the page's printed characters that cannot be read (0 when it prints none). */
export function unreadableShare(lines: readonly TextLine[]): number {
  let printed = 0;
  let unreadable = 0;
  for (const line of lines) {
    for (const c of line.text) {
      if (/\s/u.test(c)) continue;
      printed++;
      if (UNREADABLE.test(c)) unreadable++;
    }
  }
  return printed ? unreadable / printed : 0;
}

/** Thrown when most of the page's text layer cannot be read: nothing is imported from it. */
export class UnreadableTextLayer extends Error {
  constructor(readonly share: number) {
    super(
      `${Math.round(100 * share)} % of the page's characters cannot be read (its fonts map them to U+FFFD, private-use ` +
        "or control codes, as copy-protected PDFs do); import the page's text dump instead (with --pdf for the areas), " +
        "or export the PDF again with real text",
    );
    this.name = "UnreadableTextLayer";
  }
}
