// A page PDF on its way into an edition: the one check (src/images/pdf-inspect.ts) with the import's policy —
// a damaged file that MuPDF can repair is kept repaired, a PDF of several pages gives its first, active content is
// removed — and what was changed said in the import's warnings.
import { inspectPdf, PdfRefused } from "../../images/pdf-inspect.ts";
import { ImportError, type ImportWarning } from "./problems.ts";

export async function takePdf(
  bytes: Uint8Array,
  source: string,
): Promise<{ bytes: Uint8Array; warnings: ImportWarning[] }> {
  try {
    const inspection = await inspectPdf(bytes, { repair: true });
    return { bytes: inspection.clean, warnings: inspection.changes.map((message) => ({ message })) };
  } catch (err) {
    if (err instanceof PdfRefused) throw new ImportError(source, `${err.message}; nothing was written`);
    throw err;
  }
}
