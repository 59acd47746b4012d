// Reads one PDF page into what the page importer reasons with: text lines with their type, rules, frames, images.
import type * as mupdf from "mupdf";
import { height, union, width, type Box } from "./boxes.ts";
import { type PaintedPath, walkPaint, withPdfPage } from "./paint.ts";
import { DEFAULT_RULES, type LayoutRules } from "./rules.ts";
import { type Glyph, readStext } from "./stext.ts";
import { bodySize } from "./typography.ts";

export interface TextLine {
  box: Box;
  text: string;
  /** Type size in points (the most used size among the line's characters). */
  size: number;
  font: string;
  bold: boolean;
  /** Set in a column, one character under the other (a vertical headline or byline). */
  vertical: boolean;
  /** Where the drop cap joined to this line's first word is printed. */
  dropCap?: Box;
  /** The line's last words, where they are set in other type than the words before them (a signature run on). */
  tail?: TypeRun;
  /** The line's first words, where they are set larger than the rest: a title run in ("VIKING La capitale …"). */
  lead?: TypeRun & { box: Box };
}

/** Words of a line set in one type. */
export interface TypeRun {
  text: string;
  font: string;
  size: number;
}

export interface PageDrawing {
  width: number;
  height: number;
  lines: TextLine[];
  /** Thin strokes and fills: column rules and the rules between articles. */
  rules: Box[];
  /** Stroked rectangles: boxes drawn around an article or a sidebar. */
  frames: Box[];
  /** Filled rectangles: tint boxes and banners' backgrounds. */
  fills: Box[];
  images: Box[];
}

function mostUsed<T>(values: T[]): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

/**
 * Letter-spaced type (a running head set "A F F A I R E S  E N  C O U R T") comes with a space after every letter;
 * its words are where the gaps between letters are widest.
 */
export function unspaceLetters(printed: readonly Glyph[], text: string): string {
  if (printed.length < 4 || !/^(?:\S )+\S$/u.test(text.trim())) return text;
  const gaps = printed.slice(1).map((g, i) => g.box[0] - printed[i].box[2]);
  const sorted = [...gaps].sort((a, b) => a - b);
  const usual = sorted[Math.floor(sorted.length / 2)];
  return printed.map((g, i) => (i > 0 && gaps[i - 1] > 1.5 * usual + 0.5 ? ` ${g.c}` : g.c)).join("");
}

/** The glyphs after the line's last change of type, as a run, when words in another type stand before them. */
function lastRun(glyphs: readonly Glyph[]): TypeRun | undefined {
  const printed = glyphs.filter((g) => g.c.trim());
  const last = printed.at(-1);
  if (!last) return undefined;
  let start = printed.length - 1;
  while (start > 0 && printed[start - 1].font === last.font) start--;
  if (
    start === 0 ||
    !/\p{L}/u.test(
      printed
        .slice(0, start)
        .map((g) => g.c)
        .join(""),
    )
  )
    return undefined;
  const from = glyphs.indexOf(printed[start]);
  return {
    text: glyphs
      .slice(from)
      .map((g) => g.c)
      .join("")
      .trim(),
    font: last.font,
    size: last.size,
  };
}

/** A few words (two letters or more, `maxChars` characters at most): what a title run in can be. */
function titleLike(text: string, maxChars: number): boolean {
  const chars = Array.from(text);
  return chars.filter((c) => /\p{L}/u.test(c)).length >= 2 && chars.length <= maxChars;
}

/**
 * The line's first run of type and the glyphs after it, where that run is a title run in: a word or a few, set
 * larger than the rest of the line and parted from it by a space. A raised initial runs into its word, no space.
 */
function firstRun(
  glyphs: readonly Glyph[],
  rules: LayoutRules,
): { lead: TypeRun & { box: Box }; rest: Glyph[] } | undefined {
  const printed = glyphs.filter((g) => g.c.trim());
  const first = printed[0];
  if (!first) return undefined;
  let end = 1;
  while (end < printed.length && printed[end].font === first.font && Math.abs(printed[end].size - first.size) < 0.1) {
    end++;
  }
  const rest = printed.slice(end);
  if (!/\p{L}/u.test(rest.map((g) => g.c).join(""))) return undefined;
  if (first.size < rules.leadRatio * mostUsed(rest.map((g) => g.size))) return undefined;
  const upTo = glyphs.indexOf(rest[0]);
  const between = glyphs.slice(glyphs.indexOf(printed[end - 1]) + 1, upTo);
  const text = glyphs
    .slice(0, upTo)
    .map((g) => g.c)
    .join("")
    .replace(/\s+/gu, " ")
    .trim();
  if (!between.some((g) => !g.c.trim()) || !titleLike(text, rules.leadChars)) return undefined;
  const box = union(printed.slice(0, end).map((g) => g.box));
  return { lead: { text, font: first.font, size: first.size, box }, rest };
}

function glyphsToLine(glyphs: Glyph[], vertical: boolean, rules: LayoutRules): TextLine {
  const printed = glyphs.filter((g) => g.c.trim());
  const run = vertical ? undefined : firstRun(glyphs, rules);
  // A line with a title run in is in the type of the words after the title.
  const sample = run ? run.rest : printed.length ? printed : glyphs;
  const text = glyphs.map((g) => g.c).join("");
  const tail = vertical ? undefined : lastRun(glyphs);
  return {
    box: union((printed.length ? printed : glyphs).map((g) => g.box)),
    text: vertical ? text : unspaceLetters(printed, text),
    size: mostUsed(sample.map((g) => Math.round(g.size * 2) / 2)),
    font: mostUsed(sample.map((g) => g.font)),
    bold: sample.filter((g) => g.bold).length * 2 > sample.length,
    vertical,
    ...(tail ? { tail } : {}),
    ...(run ? { lead: run.lead } : {}),
  };
}

/** The last run of the line `line` and `next` make, joined by `space`: where the type last changes in it. */
function joinedTail(line: TextLine, next: TextLine, space: string): TypeRun | undefined {
  if (next.tail) return next.tail;
  const endFont = line.tail?.font ?? line.font;
  if (next.font !== endFont) return { text: next.text.trim(), font: next.font, size: next.size };
  return line.tail && { ...line.tail, text: line.tail.text + space + next.text.trim() };
}

/**
 * Cuts MuPDF's lines where the gap between two characters is wider than a space: MuPDF sometimes runs a line on
 * across a column gutter. Characters drawn twice at the same place (fake bold, overprinting) are kept once.
 */
function readGlyphLines(page: mupdf.Page): { glyphs: Glyph[]; vertical: boolean }[] {
  const seen = new Set<string>();
  const lines: { glyphs: Glyph[]; vertical: boolean }[] = [];
  for (const line of readStext(page).flatMap((b) => b.lines)) {
    const vertical = line.wmode === 1;
    // Horizontal writing turned on its side (a label such as an advertisement's, set up the edge): not text to read.
    const rotated = line.wmode === 0 && Math.abs(line.direction[1]) > 0.5;
    let current: Glyph[] = [];
    const flush = () => {
      if (current.some((g) => g.c.trim()) && !rotated) lines.push({ glyphs: current, vertical });
      current = [];
    };
    for (const glyph of line.glyphs) {
      const key = `${glyph.c}@${Math.round(glyph.origin[0])},${Math.round(glyph.origin[1])}`;
      if (glyph.c.trim() && seen.has(key)) continue;
      seen.add(key);
      const previous = current.at(-1);
      const gap = previous ? (vertical ? glyph.box[1] - previous.box[3] : glyph.box[0] - previous.box[2]) : 0;
      if (previous && gap > 1.2 * Math.max(glyph.size, previous.size)) flush();
      current.push(glyph);
    }
    flush();
  }
  return lines;
}

/**
 * A vertical headline comes one line per character (from MuPDF in vertical writing mode, or set as single characters
 * one under the other); these are joined into one vertical line per column of type.
 */
function joinVertical(lines: TextLine[]): TextLine[] {
  const sorted = [...lines].sort((a, b) => a.box[0] - b.box[0] || a.box[1] - b.box[1]);
  const stacks: TextLine[][] = [];
  for (const line of sorted) {
    const stack = stacks.find((s) => {
      const last = s.at(-1)!;
      const sameColumn = Math.abs(last.box[0] - line.box[0]) < 0.3 * line.size && Math.abs(last.size - line.size) < 0.5;
      return sameColumn && line.box[1] >= last.box[1] && line.box[1] - last.box[3] < line.size;
    });
    if (stack) stack.push(line);
    else stacks.push([line]);
  }
  return stacks.map((stack) =>
    stack.length === 1
      ? stack[0]
      : { ...stack[0], box: union(stack.map((l) => l.box)), text: stack.map((l) => l.text).join(""), vertical: true },
  );
}

/** Joins pieces of one printed line (MuPDF splits at quotation marks and font changes) left to right. */
function joinPieces(lines: TextLine[], rules: LayoutRules): TextLine[] {
  const sorted = [...lines].sort((a, b) => a.box[1] + a.box[3] - (b.box[1] + b.box[3]) || a.box[0] - b.box[0]);
  const out: TextLine[] = [];
  const used = new Set<number>();
  for (let i = 0; i < sorted.length; i++) {
    if (used.has(i)) continue;
    const line = { ...sorted[i] };
    let joined = false;
    for (let j = i + 1; j < sorted.length; j++) {
      const next = sorted[j];
      const middle = (next.box[1] + next.box[3]) / 2;
      if (middle > line.box[3]) break;
      if (used.has(j) || middle < line.box[1] || Math.abs(next.size - line.size) > 0.25 * line.size) continue;
      const gap = next.box[0] - line.box[2];
      if (gap > line.size || gap < -line.size) continue;
      const space = gap > 0.25 * line.size && !line.text.endsWith(" ") ? " " : "";
      // A title run in, in a piece of its own: the line is in the type of the words after it.
      if (
        !joined &&
        !line.lead &&
        space &&
        line.size >= rules.leadRatio * next.size &&
        titleLike(line.text.trim(), rules.leadChars)
      ) {
        line.lead = { text: line.text.trim(), font: line.font, size: line.size, box: line.box };
        Object.assign(line, { size: next.size, font: next.font, bold: next.bold });
      }
      const tail = joinedTail(line, next, space);
      line.text = line.text + space + next.text;
      line.box = union([line.box, next.box]);
      joined = true;
      if (tail) line.tail = tail;
      else delete line.tail;
      used.add(j);
    }
    out.push(line);
  }
  return out;
}

/**
 * A justified line set short (around a picture) spreads its words far apart, and MuPDF's line comes in pieces at
 * each wide space. Pieces on one baseline in the same type are one line again where the lines just above or below
 * (in that type, or text a little smaller) run across the space between them: a gutter between columns is empty in
 * every line.
 */
function joinSpreadWords(lines: TextLine[]): TextLine[] {
  const sorted = [...lines].sort((a, b) => a.box[0] - b.box[0]);
  const gone = new Set<TextLine>();
  const out: TextLine[] = [];
  for (const line of sorted) {
    if (gone.has(line) || line.vertical) {
      if (!gone.has(line)) out.push(line);
      continue;
    }
    let current = { ...line };
    for (const next of sorted) {
      if (next === line || gone.has(next) || next.vertical || next.box[0] < current.box[2]) continue;
      const size = current.size;
      const gap = next.box[0] - current.box[2];
      if (gap > 4 * size || next.font !== current.font || Math.abs(next.size - size) > 0.1 * size) continue;
      if (Math.abs((next.box[1] + next.box[3]) / 2 - (current.box[1] + current.box[3]) / 2) > 0.3 * size) continue;
      const bridged = lines.some(
        (o) =>
          o !== line &&
          o !== next &&
          !o.vertical &&
          Math.abs((o.box[1] + o.box[3]) / 2 - (current.box[1] + current.box[3]) / 2) < 1.6 * size &&
          // Its own type or smaller text (a run-in name set larger than the text around it), never display type.
          o.size <= 1.1 * size &&
          o.size >= 0.75 * size &&
          o.box[0] < current.box[2] - 0.5 * size &&
          o.box[2] > next.box[0] + 0.5 * size,
      );
      if (!bridged) continue;
      const tail = joinedTail(current, next, " ");
      current = { ...current, text: `${current.text} ${next.text}`, box: union([current.box, next.box]), tail };
      if (!tail) delete current.tail;
      gone.add(next);
    }
    out.push(current);
  }
  return out;
}

/** The page's drawing: rules (thinner than `ruleWidth`, at least `ruleLength` long, in points), frames, fills, images. */
function readDrawing(
  page: mupdf.Page,
  { ruleWidth, ruleLength }: { ruleWidth: number; ruleLength: number },
): Pick<PageDrawing, "rules" | "frames" | "fills" | "images"> {
  const drawing = { rules: [] as Box[], frames: [] as Box[], fills: [] as Box[], images: [] as Box[] };
  const shape = (found: PaintedPath) => {
    const { box, filled } = found;
    const thin = Math.min(width(box), height(box));
    const long = Math.max(width(box), height(box));
    if (thin <= ruleWidth) {
      if (long >= ruleLength) drawing.rules.push(box);
    } else if (!filled && found.rect) {
      drawing.frames.push(box);
    } else if (filled && found.rect) {
      drawing.fills.push(box);
    } else {
      // Curves and many-sided shapes: drawings (charts, maps) are pictures as far as the page is concerned.
      drawing.images.push(box);
    }
  };
  walkPaint(page, {
    path: shape,
    image: (box) => drawing.images.push(box),
  });
  return drawing;
}

/**
 * What lies off the page (the pasteboard of a spread, bleed) is not the page's: only what has its centre on the
 * page is kept, cut to the page's edges.
 */
function clipToPage(page: PageDrawing): PageDrawing {
  const on = (b: Box) => {
    const x = (b[0] + b[2]) / 2;
    const y = (b[1] + b[3]) / 2;
    return x >= 0 && x <= page.width && y >= 0 && y <= page.height;
  };
  const clip = (b: Box): Box => [
    Math.max(0, b[0]),
    Math.max(0, b[1]),
    Math.min(page.width, b[2]),
    Math.min(page.height, b[3]),
  ];
  const shapes = (boxes: Box[]) => boxes.filter(on).map(clip);
  return {
    ...page,
    lines: page.lines.filter((l) => on(l.box)).map((l) => ({ ...l, box: clip(l.box) })),
    rules: shapes(page.rules),
    frames: shapes(page.frames),
    fills: shapes(page.fills),
    images: shapes(page.images),
  };
}

/** Reads page `pageIndex` (from 0) of a PDF. */
export function readPage(bytes: Uint8Array, pageIndex = 0, rules: LayoutRules = DEFAULT_RULES): PageDrawing {
  return withPdfPage(bytes, pageIndex, (page) => {
    const [x0, y0, x1, y1] = page.getBounds();
    const raw = readGlyphLines(page).map(({ glyphs, vertical }) => glyphsToLine(glyphs, vertical, rules));
    // Characters set one under the other: Chinese, Japanese or Korean ones (a vertical headline or byline). Single
    // Latin letters and digits stacked in a column are a grid's cells, not a word.
    const single = (l: TextLine) =>
      l.vertical || /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u.test(l.text.trim());
    const stacked = joinVertical(raw.filter(single));
    const lines = [
      ...joinPieces([...raw.filter((l) => !single(l)), ...stacked.filter((l) => !l.vertical)], rules),
      ...stacked.filter((l) => l.vertical),
    ].map((l) => ({ ...l, text: l.text.replace(/\s+/gu, " ").trim() }));
    // Twice: lines made whole in the first pass bridge the spaces of their neighbours in the second.
    const whole = joinSpreadWords(joinSpreadWords(lines.filter((l) => l.text)));
    const w = x1 - x0;
    const h = y1 - y0;
    // Rules are told from boxes and ornaments by the page's body type.
    const body = bodySize(whole);
    const drawing = readDrawing(page, { ruleWidth: rules.ruleWidth * body, ruleLength: rules.ruleLength * body });
    return clipToPage({ width: w, height: h, lines: whole, ...drawing });
  });
}
