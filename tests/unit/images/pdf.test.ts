// Page PDFs without a scan are rendered by MuPDF to a PNG that the page derivatives are made from.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ImageInputError } from "../../../src/images/derive.ts";
import { checkPdf, renderPdfPage } from "../../../src/images/pdf.ts";
import { imageSettings } from "../../../src/images/settings.ts";
import { fixtures } from "./helpers.ts";

// The seed page typeset as a 350 × 500 mm broadsheet: a 991.92 × 1416.96 pt page.
const pdf = fs.readFileSync(path.join(fixtures, "seed/page.pdf"));
const [pageWidth, pageHeight] = [991.92, 1416.96];

describe("renderPdfPage on the seed page PDF", () => {
  it("gives a PNG 2400 px wide with the page's proportions, with the page's ink on it", async () => {
    expect(imageSettings.pdfRenderWidth).toBe(2400);
    const png = await renderPdfPage(pdf, imageSettings.pdfRenderWidth);
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: "png", width: 2400, hasAlpha: false });
    expect(Math.abs(meta.height! - (2400 * pageHeight) / pageWidth)).toBeLessThanOrEqual(1);
    // Not a blank page: black type on white paper.
    const stats = await sharp(png).stats();
    expect(stats.channels[0].min).toBeLessThan(40);
    expect(stats.channels[0].max).toBeGreaterThan(240);
  });

  it("renders at the width asked for", async () => {
    const meta = await sharp(await renderPdfPage(pdf, 600)).metadata();
    expect(meta.width).toBe(600);
    expect(Math.abs(meta.height! - (600 * pageHeight) / pageWidth)).toBeLessThanOrEqual(1);
  });

  it("refuses bytes that are not a PDF with a message for people", async () => {
    await expect(renderPdfPage(Buffer.from("not a pdf at all"), 600)).rejects.toThrow(ImageInputError);
    await expect(renderPdfPage(Buffer.from("not a pdf at all"), 600)).rejects.toThrow(/export the page PDF again/);
  });
});

describe("checkPdf", () => {
  it("passes the whole seed PDF", async () => {
    await expect(checkPdf(pdf)).resolves.toMatchObject({ pages: 1, rewritten: false, active: [] });
  });

  it.each([
    ["cut off half-way", pdf.subarray(0, pdf.length / 2), "the PDF is cut off"],
    ["cut off before its last line", pdf.subarray(0, pdf.length - 7), "the PDF is cut off"],
    ["not a PDF at all", Buffer.from("GIF89a not a pdf"), "not a PDF"],
    ["empty", Buffer.alloc(0), "the PDF is empty"],
    // A copy cut inside the page's stream, with a made-up ending: MuPDF opens it only by repairing it.
    [
      "cut off with a false ending",
      Buffer.concat([pdf.subarray(0, pdf.length / 2), Buffer.from("\nstartxref\n0\n%%EOF\n")]),
      "the PDF is damaged",
    ],
  ])("refuses a PDF %s", async (_, bytes, message) => {
    const error = await checkPdf(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageInputError);
    expect((error as Error).message).toContain(message);
  });
});
