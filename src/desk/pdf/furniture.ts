// Page furniture: what is printed on the page but belongs to no article — header, footer, banners, logos.
import { height, width, type Box } from "./boxes.ts";
import type { PageDrawing, TextLine } from "./read.ts";
import type { LayoutRules } from "./rules.ts";

export interface Furniture {
  header: TextLine[];
  footer: TextLine[];
  /** Section banners: display type on a filled box or a picture. */
  banners: TextLine[];
  /** The page's own credits (本版编辑：…, 本版制图：…). */
  credits: TextLine[];
  /** Labels standing alone in a type nothing else is set in: an advertisement's (PUB, ANZEIGE, 广告). */
  labels: TextLine[];
  /** Pictures too small to be photos: column logos, ornaments. */
  logos: Box[];
  /** The editor named in the page's credits. */
  editor?: string;
}

const centre = (b: Box): [number, number] => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];

export function inside(box: Box, around: Box, slack = 1): boolean {
  const [x, y] = centre(box);
  return x >= around[0] - slack && x <= around[2] + slack && y >= around[1] - slack && y <= around[3] + slack;
}

// Page credits as Chinese papers print them; the editor is the name after 编辑.
const PAGE_CREDIT = /^(?:本版(?:编辑|责编|制图|图片|摄影|校对)|版式设计|责任编辑|美术编辑)/u;
const EDITOR = /(?:本版编辑|责任编辑|本版责编)\s*[:：]\s*([^\s：:|｜]+(?:\s[^\s：:|｜本版式]+)?)/u;
const EN_EDITOR = /^(?:page )?editor\s*[:：]\s*(.+)$/iu;

/**
 * Where the page's furniture is: a band at the top (above the first picture or rule that spans the page near
 * its top edge, or the top 5 %), a band at the bottom likewise, and whatever the page prints as its own credits.
 */
/** Empty space between two boxes (0 where they touch or overlap). */
function distance(a: Box, b: Box): number {
  const dx = Math.max(0, a[0] - b[2], b[0] - a[2]);
  const dy = Math.max(0, a[1] - b[3], b[1] - a[3]);
  return Math.hypot(dx, dy);
}

/**
 * A label: one short word, in a type no other line of the page is set in, with space around it (more than its own
 * size to the nearest line) — an advertisement's PUB or ANZEIGE, not a kicker (set close over its headline).
 */
function isLabel(line: TextLine, lines: readonly TextLine[], rules: LayoutRules): boolean {
  const text = line.text.trim();
  if (line.vertical || /\s/u.test(text) || Array.from(text).length > rules.maxLabelChars || !/\p{L}/u.test(text))
    return false;
  const sameType = (o: TextLine) =>
    o.font === line.font && Math.abs(o.size - line.size) <= rules.sameSizeTolerance * line.size;
  return lines.every((o) => o === line || (!sameType(o) && distance(o.box, line.box) > line.size));
}

export function findFurniture(page: PageDrawing, body: number, rules: LayoutRules): Furniture {
  const isDisplay = (l: TextLine) => l.size >= rules.displayRatio * body;
  const { width: pw, height: ph } = page;
  const spanning = [...page.images, ...page.rules, ...page.fills].filter((b) => width(b) >= rules.spanShare * pw);
  const topEdges = spanning.filter((b) => b[3] <= rules.headerRuleBand * ph).map((b) => b[3]);
  const top = topEdges.length ? Math.max(...topEdges) + 1 : rules.headerBand * ph;
  const bottomEdges = spanning.filter((b) => b[1] >= (1 - rules.footerRuleBand) * ph).map((b) => b[1]);
  const bottom = bottomEdges.length ? Math.min(...bottomEdges) - 1 : (1 - rules.footerBand) * ph;

  // Without a rule to go by, a line near the edge is furniture when it stands apart from the columns: the first
  // or last line of a column of text runs on from the text beside it.
  const runsOn = (l: TextLine, down: boolean) =>
    page.lines.some((o) => {
      if (o === l || Math.min(o.box[2], l.box[2]) - Math.max(o.box[0], l.box[0]) <= 0) return false;
      // A column's text runs on in its own type; a folio or a running foot set right under it is in another.
      if (o.font !== l.font || Math.abs(o.size - l.size) > rules.sameSizeTolerance * l.size) return false;
      const gap = down ? o.box[1] - l.box[3] : l.box[1] - o.box[3];
      return gap > -1 && gap < rules.runOnGap * Math.max(l.size, o.size);
    });
  // A folio (the page number alone, however large) near the top edge, and what stands on its row: the running head.
  const folios = page.lines.filter(
    (l) => l.box[3] <= rules.edgeBand * ph && /^\d{1,3}$/u.test(l.text.trim()) && !runsOn(l, true),
  );
  const onFolioRow = (l: TextLine) =>
    folios.some((f) => Math.abs((f.box[1] + f.box[3]) / 2 - (l.box[1] + l.box[3]) / 2) < rules.alignTolerance * f.size);
  const header = page.lines.filter(
    (l) =>
      l.box[3] <= top ||
      (l.box[3] <= rules.edgeBand * ph && (l.size <= body || folios.includes(l) || onFolioRow(l)) && !runsOn(l, true)),
  );
  const footer = page.lines.filter(
    (l) =>
      !header.includes(l) &&
      ((l.box[1] >= bottom && (bottomEdges.length > 0 || !runsOn(l, false))) ||
        (l.box[1] >= (1 - rules.edgeBand) * ph && l.size <= body && !runsOn(l, false) && !runsOn(l, true))),
  );
  const credits = page.lines.filter((l) => PAGE_CREDIT.test(l.text) && !header.includes(l) && !footer.includes(l));

  // A banner is display type on a filled box that holds nothing else.
  const banners: TextLine[] = [];
  for (const fill of page.fills) {
    const on = page.lines.filter((l) => inside(l.box, fill));
    if (on.length && on.every((l) => isDisplay(l) || l.size > body)) {
      banners.push(...on.filter((l) => !banners.includes(l)));
    }
  }
  // Small and much wider than tall (or taller than wide): a column's logo or an ornament; a small portrait is a photo.
  const logos = page.images.filter((b) => {
    const share = (width(b) * height(b)) / (pw * ph);
    const aspect = width(b) / Math.max(height(b), 1);
    return (
      share < rules.minPhotoShare ||
      (share < rules.minFigureShare && (aspect > rules.logoAspect || aspect < 1 / rules.logoAspect))
    );
  });

  let editor: string | undefined;
  for (const line of [...footer, ...credits, ...header]) {
    const match = EDITOR.exec(line.text) ?? EN_EDITOR.exec(line.text);
    if (match) {
      editor = match[1].trim();
      break;
    }
  }
  // Set no larger than the text: a one-word headline standing free is display type, not a label.
  const labels = page.lines.filter((l) => l.size <= body && isLabel(l, page.lines, rules));
  return { header, footer, banners, credits, labels, logos, editor };
}
