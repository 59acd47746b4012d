// npm run eval:alto: region import from real ALTO OCR (Chronicling America pages in ../shared/samples/chronam):
// for every TextBlock of each page, the area proposed from the block's text against the block's own region,
// and for a run of lines inside a column (a story), the area against those lines' bounds.
import fs from "node:fs";
import path from "node:path";
import { parseAlto, proposeAreasFromAlto } from "../../desk/hotspots/alto.ts";
import { blockText } from "../../desk/hotspots/layout.ts";
import { formatTable } from "../../cli/table.ts";
import { iou, unionRect } from "../../model/geometry.ts";

export interface AltoPageResult {
  file: string;
  blocks: number;
  lines: number;
  /** Median IoU of the area proposed from each block's text with the block's region */
  blockIou: number;
  /** IoU of a story (40 lines from the middle of the longest block) with its lines' bounds */
  storyIou: number;
}

export function evaluateAltoFolder(folder: string): AltoPageResult[] {
  const files = fs
    .readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".alto.xml"))
    .sort();
  if (!files.length) throw new Error(`${folder}: no *.alto.xml files`);
  return files.map((file) => evaluateAlto(path.join(folder, file), file));
}

function evaluateAlto(file: string, name: string): AltoPageResult {
  const xml = fs.readFileSync(file, "utf8");
  const layout = parseAlto(xml);
  const text = layout.blocks.filter((b) => b.kind === "text" && b.lines.length >= 5);
  const scores = text.map((block) => {
    const proposal = proposeAreasFromAlto(xml, [{ id: block.id, body: blockText(block) }]);
    const area = proposal.articles[0].area;
    return area ? iou(area, block.bbox) : 0;
  });
  const longest = [...text].sort((a, b) => b.lines.length - a.lines.length)[0];
  const middle = Math.max(0, Math.floor(longest.lines.length / 2) - 20);
  const story = longest.lines.slice(middle, middle + 40);
  const storyArea = proposeAreasFromAlto(xml, [{ id: "story", body: story.map((l) => l.text).join("\n") }]).articles[0]
    .area;
  return {
    file: name,
    blocks: layout.blocks.length,
    lines: layout.blocks.reduce((n, b) => n + b.lines.length, 0),
    blockIou: median(scores),
    storyIou: storyArea ? iou(storyArea, unionRect(story.map((l) => l.bbox))!) : 0,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : 0;
}

export function formatAltoResults(results: AltoPageResult[]): string {
  return formatTable(
    ["page", "blocks", "lines", "block IoU (median)", "story IoU"],
    results.map((r) => [r.file, String(r.blocks), String(r.lines), r.blockIou.toFixed(3), r.storyIou.toFixed(3)]),
  );
}
