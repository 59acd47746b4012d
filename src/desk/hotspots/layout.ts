// What a page's layout source (the page PDF or ALTO OCR) tells about where things are printed.
import type { Rect } from "../../model/geometry.ts";

export interface LayoutLine {
  bbox: Rect;
  text: string;
}

/** A region of the page: a block of text lines, or a figure (photo, drawing) with no text. */
export interface LayoutBlock {
  /** Stable within one layout, for messages: "t12" (text) or "f2" (figure) from a PDF, the ALTO ID from ALTO. */
  id: string;
  kind: "text" | "figure";
  bbox: Rect;
  /** Empty for figures. */
  lines: LayoutLine[];
}

export interface PageLayout {
  /** The page's size in `unit`; only their ratio matters to the proposal. */
  width: number;
  height: number;
  unit: string;
  blocks: LayoutBlock[];
}

export function blockText(block: LayoutBlock): string {
  return block.lines.map((l) => l.text).join("\n");
}

/** Page width / height, to measure gaps between regions evenly across and down. */
export function aspectOf(layout: PageLayout): number {
  return layout.height > 0 ? layout.width / layout.height : 1;
}
