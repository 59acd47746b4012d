// Paragraphs as printed: lines read run after run (a column's stretch), joined into paragraphs that end only where
// the print ends them — a first-line indent, a short last line after a sentence, space before the next — never at
// a line, column or picture break. The PDF import and the text dumps' import share these rules.
import { endsSentence, joinText } from "./sentences.ts";
import { dropSoftHyphens, isLineBreakHyphen, NO_WORDS, type PageWords } from "./hyphenation.ts";

type Box = [number, number, number, number];

export interface FlowLine {
  box: Box;
  /** Type size in points. */
  size: number;
  /** The font's name, where known: a signature or a label is often set in other type. */
  font?: string;
  /** The line's last words where they are set in other type than the words before them: a signature run on. */
  tail?: { text: string; font: string };
  text: string;
  /** The line opens with a title run in (set larger): it starts a paragraph. */
  lead?: boolean;
  /** A subhead set between the paragraphs: it ends the paragraph before it and stands as its own item. */
  subhead?: boolean;
  /** A table (markdown) set between the paragraphs: likewise its own item. */
  table?: boolean;
}

export interface ProseItem {
  kind: "paragraph" | "subhead" | "table";
  text: string;
}

export interface FlowOptions {
  /** Chinese, Japanese or Korean: lines join without a space, no hyphenation. */
  cjk: boolean;
  /** The language of the hyphenation patterns ("en", "fr", …). */
  language: string;
  /** The page's own words, for the hyphenation decision. */
  words?: PageWords;
  /** A first line set in by this many of its sizes starts a paragraph. */
  indent: number;
  /** A line ending this many sizes short of its column's right edge closes its paragraph (after a sentence). */
  shortLine: number;
  /** Space above a line, beyond the run's usual leading, of this many sizes starts a paragraph (after a sentence). */
  paragraphGap: number;
}

/** Joins two lines of one paragraph: Chinese without a space; a word broken at the line's end made whole again. */
export function joinLines(
  before: string,
  after: string,
  options: Pick<FlowOptions, "cjk" | "language" | "words">,
): string {
  if (!before) return after;
  const a = before.endsWith("\u00ad") ? before.slice(0, -1) : before;
  if (a !== before) return dropSoftHyphens(a) + dropSoftHyphens(after.trimStart());
  if (options.cjk) return a + after;
  // A range of numbers broken after its dash: (2071-|2087).
  if (/\d[-–]$/u.test(a) && /^\d/u.test(after.trimStart())) return a + after.trimStart();
  if (/\p{L}-$/u.test(a)) {
    return isLineBreakHyphen(a, after.trimStart(), options.language, options.words ?? NO_WORDS)
      ? a.slice(0, -1) + after.trimStart()
      : a + after.trimStart();
  }
  return joinText(a, after);
}

const median = (values: number[]) => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Lines set centred: their left edges wander, their middles stay put. */
function isCentred(run: readonly FlowLine[]): boolean {
  if (run.length < 3) return false;
  const size = median(run.map((l) => l.size));
  const lefts = run.map((l) => l.box[0]);
  const middles = run.map((l) => (l.box[0] + l.box[2]) / 2);
  const spread = (values: number[]) => Math.max(...values) - Math.min(...values);
  return spread(lefts) > 2 * size && spread(middles) < 1.2 * size;
}

/** The column's edges a line is measured against: the lines of the same size that share most of its width. */
function edges(line: FlowLine, all: readonly FlowLine[]): { left: number; right: number } {
  const peers = all.filter((o) => {
    if (Math.abs(o.size - line.size) > 0.15 * line.size) return false;
    const overlap = Math.min(o.box[2], line.box[2]) - Math.max(o.box[0], line.box[0]);
    return overlap > 0.6 * Math.min(o.box[2] - o.box[0], line.box[2] - line.box[0]);
  });
  return { left: Math.min(...peers.map((p) => p.box[0])), right: Math.max(...peers.map((p) => p.box[2])) };
}

/**
 * The runs' lines as paragraphs. A line starts a paragraph when it is set in as a first line is (and the line
 * after it is not: that is text flowing around a drop cap or a picture), when it opens with a title run in, or when
 * the paragraph so far ends a sentence and either its last line stops short or space stands above the line.
 */
export function flowParagraphs(runs: readonly (readonly FlowLine[])[], options: FlowOptions): ProseItem[] {
  const apart = (l: FlowLine) => l.subhead || l.table;
  const all = runs.flat().filter((l) => !apart(l));
  const items: ProseItem[] = [];
  let open: string | undefined;
  let lastShort = false;
  // A subhead or table set into a sentence (a display line the text runs around): read after that paragraph.
  const held: ProseItem[] = [];
  const close = () => {
    const text = open === undefined ? "" : dropSoftHyphens(open).trim();
    if (text) items.push({ kind: "paragraph", text });
    open = undefined;
    items.push(...held.splice(0));
  };
  for (const whole of runs) {
    const run = whole.filter((l) => !apart(l));
    const leading = median(run.slice(1).map((l, i) => l.box[1] - run[i].box[3]));
    // Centred lines (a box's text, a quote): neither their indents nor their short lines say where a paragraph ends.
    const centred = isCentred(run);
    let at = 0;
    for (const entry of whole) {
      if (entry.subhead || entry.table) {
        const item: ProseItem = { kind: entry.table ? "table" : "subhead", text: entry.text.trim() };
        if (open !== undefined && !endsSentence(open)) {
          held.push(item);
          continue;
        }
        close();
        items.push(item);
        lastShort = false;
        continue;
      }
      const line = entry;
      const i = at++;
      const { left, right } = edges(line, all);
      const setIn = (l: FlowLine | undefined) => !!l && l.box[0] > left + options.indent * line.size;
      // Set in like the line before or after it: text running around a picture or a drop cap, not a first line.
      const alike = (l: FlowLine | undefined) => !!l && setIn(l) && Math.abs(l.box[0] - line.box[0]) < 0.5 * line.size;
      const indented = !centred && setIn(line) && !alike(run[i - 1]) && !alike(run[i + 1]);
      const gap = i > 0 ? line.box[1] - run[i - 1].box[3] - leading : 0;
      const afterSentence = open !== undefined && endsSentence(open);
      const starts =
        open === undefined ||
        indented ||
        !!line.lead ||
        (afterSentence && (lastShort || gap > options.paragraphGap * line.size));
      if (starts) {
        close();
        open = line.text.trim();
      } else {
        open = joinLines(open!, line.text.trim(), options);
      }
      lastShort = !centred && line.box[2] < right - options.shortLine * line.size;
    }
  }
  close();
  return items;
}
