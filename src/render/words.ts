// Word boxes for search hits on the scan: each text line of a page PDF with the box of every character, in the
// 0–1000 box the page's hotspots use. Written at build time; the page view loads them only with a search hit.
import fs from "node:fs";
import path from "node:path";
import type { Area } from "../content/schema.ts";
import { insideArea } from "../model/geometry.ts";
import type { Page } from "../model/types.ts";
import { urls } from "../model/urls.ts";
import { cachedOutput, fileStamp, hashBytes, stageCacheFolders } from "../util/cache.ts";
import { loadMupdf } from "../images/pdf-inspect.ts";

/** [x0, y0, x1, y1] in thousandths of the page's width and height. */
export type CharBox = [number, number, number, number];

export interface PageWords {
  lines: { text: string; chars: CharBox[] }[];
}

/**
 * The lines of page 1 of a PDF, one box per character of `text` (so a match's offsets index its boxes). MuPDF is
 * loaded here, not with the build: a warm build takes the boxes from the cache.
 */
export async function readPageWords(pdf: Uint8Array): Promise<PageWords> {
  // MuPDF as the image stage loads it (src/images): one module, one place its messages are kept.
  const mupdf = await loadMupdf();
  const doc = mupdf.Document.openDocument(pdf, "application/pdf");
  let page: import("mupdf").Page | undefined;
  try {
    if (doc.countPages() < 1) throw new Error("the PDF has no pages");
    page = doc.loadPage(0);
    const [px0, py0, px1, py1] = page.getBounds();
    const scale = (v: number, o: number, size: number) => Math.round(((v - o) / size) * 10000) / 10;
    const lines: PageWords["lines"] = [];
    let text = "";
    let chars: CharBox[] = [];
    const stext = page.toStructuredText("preserve-whitespace");
    try {
      stext.walk({
        beginLine: () => {
          text = "";
          chars = [];
        },
        onChar: (c, _origin, _font, _size, quad) => {
          const xs = [quad[0], quad[2], quad[4], quad[6]];
          const ys = [quad[1], quad[3], quad[5], quad[7]];
          text += c;
          const box: CharBox = [
            scale(Math.min(...xs), px0, px1 - px0),
            scale(Math.min(...ys), py0, py1 - py0),
            scale(Math.max(...xs), px0, px1 - px0),
            scale(Math.max(...ys), py0, py1 - py0),
          ];
          // One box per UTF-16 unit, as the browser's string offsets count.
          for (let i = 0; i < c.length; i++) chars.push(box);
        },
        endLine: () => {
          if (text.trim()) lines.push({ text, chars });
        },
      });
    } finally {
      stext.destroy();
    }
    return { lines };
  } finally {
    page?.destroy();
    doc.destroy();
  }
}

/** Leaves out the lines whose middle is in one of `areas` (withdrawn articles: their words are off the site). */
function withoutAreas(words: PageWords, areas: Area[]): PageWords {
  if (!areas.length) return words;
  const middle = (chars: CharBox[]) => [
    chars.reduce((s, c) => s + c[0] + c[2], 0) / (2000 * chars.length),
    chars.reduce((s, c) => s + c[1] + c[3], 0) / (2000 * chars.length),
  ];
  return {
    lines: words.lines.filter((l) => !areas.some((area) => insideArea(area, ...(middle(l.chars) as [number, number])))),
  };
}

/** Bump when readPageWords' output changes: cached word boxes are then read again. */
const wordsVersion = "1";

/**
 * Writes words.json for every page with a PDF, kept in the cache by the PDF's stamp and the withdrawn areas. A PDF
 * MuPDF cannot read gets an empty list: the page view asks for the file whenever the page has a PDF, and the PDF's
 * own problem is reported by the image stage.
 */
export async function writePageWords(pages: Page[], outDir: string, cacheDir?: string): Promise<number> {
  let written = 0;
  for (const page of pages) {
    if (!page.pdfPath) continue;
    const pdfPath = page.pdfPath;
    const key = hashBytes("words", wordsVersion, fileStamp(pdfPath), JSON.stringify(page.withdrawnAreas ?? []));
    const words = await cachedOutput(cacheDir, stageCacheFolders.downloads, `${key}.json`, async () => {
      try {
        return JSON.stringify(withoutAreas(await readPageWords(fs.readFileSync(pdfPath)), page.withdrawnAreas ?? []));
      } catch {
        // Reported where the PDF is rendered (images stage); no boxes is the honest answer here.
        return JSON.stringify({ lines: [] });
      }
    });
    const target = path.join(outDir, urls.pageWords(page.edition.date, page.label).slice(1));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, words);
    written++;
  }
  return written;
}

export function wordsPlugin(eleventyConfig: any): void {
  eleventyConfig.addFilter("pageWordsUrl", (page: Page) => urls.pageWords(page.edition.date, page.label));
}
