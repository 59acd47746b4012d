// Page PDFs for the hot-folder tests: two articles side by side, each headline over its own text, made with MuPDF.
import { flow, makePdf } from "../unit/desk/pdf/make-pdf.ts";

/** `n` characters cycling through `seed`, ended with a full stop. */
export const words = (seed: string, n: number) =>
  `${Array.from({ length: n }, (_, i) => seed[i % seed.length]).join("")}。`;

export interface ArticleSpec {
  headline: string;
  /** The characters its text cycles through */
  seed: string;
}

/** A page with two articles side by side, a rule between them and the editor's credit in the footer. */
export function twoArticlePage(left: ArticleSpec, right: ArticleSpec): Uint8Array {
  return makePdf({
    width: 600,
    height: 800,
    texts: [
      { x: 30, y: 40, size: 24, text: left.headline },
      ...flow(
        [words(left.seed, 120), words(left.seed.split("").reverse().join(""), 60)],
        [
          [20, 90, 700],
          [160, 90, 700],
        ],
        10,
        12,
      ),
      { x: 330, y: 40, size: 24, text: right.headline },
      ...flow(
        [words(right.seed, 100)],
        [
          [320, 90, 700],
          [460, 90, 700],
        ],
        10,
        12,
      ),
      { x: 20, y: 770, size: 7, text: "本版编辑：赵六" },
    ],
    rules: [
      [300, 30, 300, 720],
      [20, 760, 580, 760],
    ],
  });
}
