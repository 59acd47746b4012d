// The share QR code: the inline SVG decodes (rasterised with sharp, read with jsQR) to the URL it was made from;
// an edition's codes are made once and read from the cache after.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import jsQRModule from "jsqr";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { qrSvg, shareCodes } from "../../../src/images/qr.ts";
import type { Edition } from "../../../src/model/types.ts";

// jsqr is a CommonJS bundle: its function is the module's default export's "default".
const jsQR = jsQRModule.default;

async function decode(svg: string): Promise<string | undefined> {
  const { data, info } = await sharp(Buffer.from(svg), { density: 144 })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data;
}

describe("qrSvg", () => {
  for (const url of [
    "https://epaper.example.cn/2022-09-02/02/chenzhou-jiedao/",
    "https://news.example.com/epaper/1920-11-15/story/treaty/",
  ]) {
    it(`decodes to ${url}`, async () => {
      const svg = qrSvg(url, "手机扫码阅读本文");
      expect(svg).toMatch(/^<svg class="qr" [^>]*role="img" aria-label="手机扫码阅读本文: https:/);
      expect(await decode(svg)).toBe(url);
    });
  }
  it("escapes the label and the text in its attribute", () => {
    expect(qrSvg("https://x.example/?a=1&b=2", 'say "hi"')).toContain(
      'aria-label="say &quot;hi&quot;: https://x.example/?a=1&amp;b=2"',
    );
  });
});

describe("shareCodes", () => {
  const edition = (urls: string[]) => ({ articles: urls.map((url) => ({ url })), stories: [] }) as unknown as Edition;

  it("makes each view's code once and then reads the edition's codes from the cache; other URLs are made anew", () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), "banmian-qr-"));
    const root = "https://epaper.example.cn/";
    const made = shareCodes([edition(["/2024-01-01/01/a/", "/2024-01-01/01/b/"])], root, "扫码", cache);
    expect(made.get("https://epaper.example.cn/2024-01-01/01/a/\0扫码")).toBe(
      qrSvg("https://epaper.example.cn/2024-01-01/01/a/", "扫码"),
    );
    const files = fs.readdirSync(path.join(cache, "qr"));
    expect(files).toHaveLength(1);
    // A cached file is what the next build reads: change it and the change shows, so it was read, not made again.
    const file = path.join(cache, "qr", files[0]);
    const stored = JSON.parse(fs.readFileSync(file, "utf8"));
    stored["https://epaper.example.cn/2024-01-01/01/a/"] = "<svg>cached</svg>";
    fs.writeFileSync(file, JSON.stringify(stored));
    const again = shareCodes([edition(["/2024-01-01/01/a/", "/2024-01-01/01/b/"])], root, "扫码", cache);
    expect(again.get("https://epaper.example.cn/2024-01-01/01/a/\0扫码")).toBe("<svg>cached</svg>");
    // An edition with another article has other URLs: its codes are made, not taken from the old file.
    const changed = shareCodes([edition(["/2024-01-01/01/a/", "/2024-01-01/01/c/"])], root, "扫码", cache);
    expect(changed.get("https://epaper.example.cn/2024-01-01/01/a/\0扫码")).toMatch(/^<svg class="qr"/);
    expect(fs.readdirSync(path.join(cache, "qr"))).toHaveLength(2);
  });
});
