// Every image decision in one place: widths, formats and quality per use, and the input limits.
// The choices are measured by `npm run bench:images`; see README "Images".

export interface Encoding {
  format: "jpeg" | "webp" | "avif";
  options: Record<string, unknown>;
}

export const imageSettings = {
  /** Bump when anything below changes: every cached derivative is then made anew. */
  version: 2,
  /** Decompression bombs: refuse inputs with more pixels than this (a 6000 × 8000 scan is 48 MP). */
  maxInputPixels: 120_000_000,
  page: {
    widths: [640, 1000, 1600],
    encodings: [
      { format: "webp", options: { quality: 72, effort: 3 } },
      { format: "jpeg", options: { quality: 78, progressive: true, mozjpeg: false } },
    ] as Encoding[],
    thumbWidth: 120,
    thumb: { format: "jpeg", options: { quality: 70 } } as Encoding,
    tileSize: 256,
    tiles: { format: "jpeg", options: { quality: 75 } } as Encoding,
  },
  /** PDF pages without a scan are rendered at this width, enough for deep zoom of body text. */
  pdfRenderWidth: 2400,
  figure: {
    widths: [400, 800, 1200],
    encodings: [
      { format: "avif", options: { quality: 55, effort: 2 } },
      { format: "jpeg", options: { quality: 80, progressive: true } },
    ] as Encoding[],
  },
  clipping: {
    width: 800,
    encoding: { format: "jpeg", options: { quality: 80, progressive: true } } as Encoding,
  },
  /** The proof sheet's page images, embedded in its one HTML file: sharp at 2× its 320 px columns, small. */
  proof: {
    width: 640,
    encoding: { format: "jpeg", options: { quality: 60 } } as Encoding,
  },
  share: {
    width: 1200,
    height: 630,
    encoding: { format: "jpeg", options: { quality: 80 } } as Encoding,
  },
} as const;

export const mimeTypes: Record<string, string> = {
  jpeg: "image/jpeg",
  webp: "image/webp",
  avif: "image/avif",
  png: "image/png",
};

export const extensions: Record<string, string> = { jpeg: "jpg", webp: "webp", avif: "avif", png: "png" };
