// Page PDFs for the desk's tests, made with MuPDF: two articles side by side, each headline over its own text; a page
// whose running head says what it is.
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

/** A page whose running head prints its folio and section (5 要闻) and its date (2024年5月6日), over one article. */
export function headedPage(headline: string, seed: string): Uint8Array {
  return makePdf({
    width: 600,
    height: 800,
    texts: [
      { x: 20, y: 10, size: 16, text: "5 要闻" },
      { x: 420, y: 14, size: 9, text: "2024年5月6日 星期一" },
      { x: 30, y: 50, size: 24, text: headline },
      ...flow(
        [words(seed, 120)],
        [
          [20, 100, 700],
          [160, 100, 700],
        ],
        10,
        12,
      ),
    ],
    rules: [[20, 34, 580, 34]],
  });
}
