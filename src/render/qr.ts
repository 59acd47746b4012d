// The share QR code: an article's URL as an inline SVG made at build time (qrcode), so no script is needed to show it.
import QRCode from "qrcode";

/** One <path> of dark modules, with the four-module quiet zone the QR standard asks for. */
export function qrSvg(text: string, label: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const size = modules.size;
  const quiet = 4;
  let d = "";
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!modules.get(x, y)) continue;
      // Runs of dark modules in a row become one rectangle: a much shorter path.
      let run = 1;
      while (x + run < size && modules.get(x + run, y)) run++;
      d += `M${x + quiet} ${y + quiet}h${run}v1h-${run}z`;
      x += run - 1;
    }
  }
  const box = size + 2 * quiet;
  return `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${box} ${box}" width="${box * 4}" height="${box * 4}" role="img" aria-label="${escape(label)}: ${escape(text)}" shape-rendering="crispEdges"><rect width="${box}" height="${box}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

export function qrPlugin(eleventyConfig: any): void {
  eleventyConfig.addFilter("qrSvg", qrSvg);
}
