// What no real edition needs, as named limits: past them the input is refused with a message saying which limit
// and what to do, rather than hanging a build, filling the disk or running out of memory. Every number is here.

export const limits = {
  /** Points of one article's area (an L-shape has 6, the import's outlines a few dozen): overlap checks compare
   * every edge of one area with every edge of the other */
  areaPoints: 500,
  /** Articles on one page (a page of briefs has about 40) */
  articlesPerPage: 200,
  /** Pages in one edition (the thickest Sunday papers printed about 400) */
  pagesPerEdition: 500,
  /** Articles in one edition: every one becomes a page, a search record and part of the edition's PDF and EPUB,
   * all held in memory by the build at once */
  articlesPerEdition: 3000,
  /** Bytes of article text (the bodies) in one edition: a paper of 100 pages prints about 5 MB. The build holds each
   * body several times over (HTML, search record, EPUB, feeds). An edition at every limit (15 pages of 200 articles,
   * 30 MB of text) built in one minute at 1.1 GB peak: inside node's default heap */
  editionTextBytes: 32 * 1024 * 1024,
  /** Bytes of one article's front matter (a long correction list is a few KB) */
  frontMatterBytes: 64 * 1024,
  /** Characters the front matter may hold once YAML aliases (*name) are expanded, beyond its own length: aliases
   * repeat text without writing it, which is how 28 KB of YAML became 88 MB of pages */
  yamlExpansion: 4 * 1024,
  /** Characters of a page's section (版名) or an article's column (栏目): each names a feed file, and a file name
   * holds at most 255 bytes (about 80 Chinese characters) */
  nameCharacters: 40,
  /** Bytes of one page PDF (a page with photos at print resolution is 5–30 MB) */
  pdfBytes: 200 * 1024 * 1024,
  /** A PDF page's sides in points (72 to the inch): 1 in to 200 in, the PDF format's own limit */
  pdfPagePoints: { min: 72, max: 14_400 },
  /** The width a page PDF is rendered at for the page view when there is no scan (src/images/settings.ts) */
  pdfRenderWidth: 2400,
  /** Pixels of any image read or made (scans, figures, rendered PDF pages) */
  imagePixels: 120_000_000,
  /** Drawings (Form XObjects) inside drawings in a page PDF: how deep, and how many painting the page means */
  pdfForms: { depth: 24, drawings: 100_000 },
  /** Seconds one page's import may take before it is stopped and reported (alone, or in a folder, which goes on) */
  importPageSeconds: 120,
} as const;
