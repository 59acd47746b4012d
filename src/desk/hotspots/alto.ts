// Reads ALTO OCR (v2 and later) into a page layout, so that areas can be proposed from a scan's OCR regions.
import { XMLParser } from "fast-xml-parser";
import type { Rect } from "../../model/geometry.ts";
import type { LayoutBlock, LayoutLine, PageLayout } from "./layout.ts";
import { proposeAreas, type ArticleText, type Proposal, type ProposeOptions } from "./propose.ts";

type XmlNode = { [key: string]: unknown };

/** Elements that may repeat; the parser gives them as arrays even when there is one. */
const repeated = new Set([
  "Page",
  "PrintSpace",
  "TopMargin",
  "BottomMargin",
  "LeftMargin",
  "RightMargin",
  "ComposedBlock",
  "TextBlock",
  "Illustration",
  "TextLine",
  "String",
  "HYP",
]);

/** Containers whose blocks are read, in document order: the print space, margins and composed blocks. */
const containers = ["TopMargin", "LeftMargin", "PrintSpace", "ComposedBlock", "RightMargin", "BottomMargin"];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => repeated.has(name),
});

function children(node: XmlNode, name: string): XmlNode[] {
  const value = node[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function numberAttr(node: XmlNode, name: string): number {
  return Number.parseFloat(String(node[`@${name}`] ?? "NaN"));
}

export interface AltoLayoutOptions {
  /** Which Page of the file, from 0 (ALTO files usually hold one). */
  pageIndex?: number;
}

/**
 * The layout of an ALTO page: each TextBlock with its TextLines (their Strings joined by spaces, a trailing "-"
 * where the line ends in a hyphen) and each Illustration as a figure, in fractions of the Page's WIDTH and
 * HEIGHT — so the MeasurementUnit (inch1200, mm10 or pixel) does not matter.
 */
export function parseAlto(xml: string, options: AltoLayoutOptions = {}): PageLayout {
  const doc = parser.parse(xml) as XmlNode;
  const alto = doc.alto as XmlNode | undefined;
  if (!alto || typeof alto !== "object") throw new Error("not an ALTO file: no <alto> root element");
  const unit = String(
    ((alto.Description as XmlNode | undefined)?.MeasurementUnit as string | undefined) ?? "pixel",
  ).trim();
  const pages = children((alto.Layout as XmlNode | undefined) ?? {}, "Page");
  const page = pages[options.pageIndex ?? 0];
  if (!page)
    throw new Error(`the ALTO file has ${pages.length} Page element(s), no page ${(options.pageIndex ?? 0) + 1}`);

  let width = numberAttr(page, "WIDTH");
  let height = numberAttr(page, "HEIGHT");
  if (!(width > 0 && height > 0)) {
    // Some producers leave the Page's size out; the print space is then the best measure of the page.
    const space = children(page, "PrintSpace")[0];
    width = space ? numberAttr(space, "WIDTH") + Math.max(0, numberAttr(space, "HPOS") || 0) : NaN;
    height = space ? numberAttr(space, "HEIGHT") + Math.max(0, numberAttr(space, "VPOS") || 0) : NaN;
    if (!(width > 0 && height > 0)) throw new Error("the ALTO Page has no WIDTH and HEIGHT to measure regions against");
  }

  const rectOf = (node: XmlNode): Rect | null => {
    const [x, y, w, h] = ["HPOS", "VPOS", "WIDTH", "HEIGHT"].map((a) => numberAttr(node, a));
    if (![x, y, w, h].every(Number.isFinite)) return null;
    const x0 = Math.min(1, Math.max(0, x / width));
    const y0 = Math.min(1, Math.max(0, y / height));
    return [x0, y0, Math.min(1, (x + w) / width) - x0, Math.min(1, (y + h) / height) - y0];
  };

  const blocks: LayoutBlock[] = [];
  const visit = (node: XmlNode) => {
    for (const name of ["TextBlock", "Illustration", ...containers]) {
      for (const child of children(node, name)) {
        if (name === "TextBlock") {
          const bbox = rectOf(child);
          const lines: LayoutLine[] = [];
          for (const line of children(child, "TextLine")) {
            const words = children(line, "String").map((s) => String(s["@CONTENT"] ?? ""));
            const text = words.join(" ") + (children(line, "HYP").length > 0 ? "-" : "");
            const lineBox = rectOf(line);
            if (text.trim() && lineBox) lines.push({ bbox: lineBox, text });
          }
          if (bbox && lines.length > 0) {
            blocks.push({ id: String(child["@ID"] ?? `TB${blocks.length}`), kind: "text", bbox, lines });
          }
        } else if (name === "Illustration") {
          const bbox = rectOf(child);
          if (bbox) blocks.push({ id: String(child["@ID"] ?? `IL${blocks.length}`), kind: "figure", bbox, lines: [] });
        } else {
          visit(child);
        }
      }
    }
  };
  visit(page);
  return { width, height, unit, blocks };
}

/** Proposes areas for articles (by their text) on an ALTO page, with the same matcher as for PDFs. */
export function proposeAreasFromAlto(
  xml: string,
  articles: readonly ArticleText[],
  options: ProposeOptions & AltoLayoutOptions = {},
): Proposal {
  return proposeAreas(parseAlto(xml, options), articles, options);
}
