// The proof sheet's page images: a small JPEG of the scan (or of the PDF rendered with MuPDF) as a data: URI, so
// the proof is one file an editor can mail or open anywhere.
import fs from "node:fs/promises";
import sharp from "sharp";
import { renderPdfPage } from "./pdf.ts";
import { imageSettings } from "./settings.ts";

export interface ProofImage {
  /** data:image/jpeg;base64,… */
  src: string;
  width: number;
  height: number;
}

/** The page's image at the proof's width, from its scan or else its PDF; null when neither can be read. */
export async function proofImage(scanPath: string | null, pdfPath: string | null): Promise<ProofImage | null> {
  const { width, encoding } = imageSettings.proof;
  try {
    const bytes = scanPath
      ? await fs.readFile(scanPath)
      : pdfPath
        ? await renderPdfPage(await fs.readFile(pdfPath), width)
        : null;
    if (!bytes) return null;
    const { data, info } = await sharp(bytes, { limitInputPixels: imageSettings.maxInputPixels })
      .rotate()
      .resize({ width, withoutEnlargement: true })
      .toFormat(encoding.format, encoding.options)
      .toBuffer({ resolveWithObject: true });
    return { src: `data:image/jpeg;base64,${data.toString("base64")}`, width: info.width, height: info.height };
  } catch {
    // A scan or PDF that cannot be read is already an error of the check, listed beside this page.
    return null;
  }
}
