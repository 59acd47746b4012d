// The share QR code's filter: the codes the image stage made, or one made here for a text it did not know.
import { qrSvg } from "../images/qr.ts";
import type { ShareCodes } from "../model/site.ts";

export function qrPlugin(eleventyConfig: any, options: { codes?: ShareCodes } = {}): void {
  const codes = options.codes ?? new Map();
  eleventyConfig.addFilter(
    "qrSvg",
    (text: string, label: string) => codes.get(`${text}\0${label}`) ?? qrSvg(text, label),
  );
}
