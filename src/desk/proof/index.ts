// npm run check -- --proof and npm run proof: the check, then its result drawn as one HTML file (opens nothing).
import fs from "node:fs/promises";
import path from "node:path";
import { proofImage, type ProofImage } from "../../images/proof.ts";
import { checkSite, type CheckResult } from "../../pipeline/check.ts";
import type { SiteOptions } from "../../pipeline/options.ts";
import { proofModel } from "./model.ts";
import { renderProof } from "./render.ts";

export interface ProofResult {
  check: CheckResult;
  /** The HTML file written */
  file: string;
}

/**
 * Runs `npm run check` on `options` and writes its proof sheet to `out`. `imageOf` makes each page's image (the
 * hot folder passes one that remembers pages it made before).
 */
export async function writeProof(options: SiteOptions, out: string, imageOf = proofImage): Promise<ProofResult> {
  const check = await checkSite(options);
  const sheet = proofModel(check);
  const images = new Map<string, ProofImage | null>();
  // One page at a time: a PDF page is rendered with MuPDF, and the machine is shared with the editor's tools.
  for (const page of sheet.editions.flatMap((e) => e.pages))
    images.set(page.id, await imageOf(page.scanPath, page.pdfPath));
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await fs.writeFile(out, renderProof(sheet, images));
  return { check, file: out };
}
