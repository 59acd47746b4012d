// Columns of short pieces under one heading, each piece its own article: letters to the editor and signed opinions
// (each under its own heading, signed), briefs and listings (each opening with a title run in).
import { type Box, union } from "./boxes.ts";
import { type OrderOptions, readingRuns } from "./order.ts";
import type { PagePiece } from "./pieces.ts";
import type { TextLine } from "./read.ts";
import type { Segment } from "./segment.ts";
import { SIGNATURE } from "./signature.ts";
import { runningType } from "./typography.ts";

type PageSegment = Segment<PagePiece["data"]>;

const lineOf = (p: PagePiece): TextLine | undefined => ("line" in p.data ? p.data.line : undefined);

/** The pieces in reading order, cut before each piece that `opens` a part; the first part is what comes before. */
function partsOpenedBy(
  pieces: readonly PagePiece[],
  order: OrderOptions<PagePiece>,
  opens: (piece: PagePiece) => boolean,
): PagePiece[][] {
  const parts: PagePiece[][] = [[]];
  for (const piece of readingRuns(pieces, order).flat()) {
    if (opens(piece)) parts.push([piece]);
    else parts.at(-1)!.push(piece);
  }
  return parts;
}

/** The last text line of a piece of writing signs it: a name (and place) in other type, or set flush right. */
function signs(lines: readonly TextLine[]): boolean {
  const last = lines.at(-1);
  if (!last || lines.length < 3 || !SIGNATURE.test(last.text.trim())) return false;
  const others = lines.slice(0, -1);
  const type = runningType(others);
  const otherType = !!type && (last.font !== type.font || Math.abs(last.size - type.size) > 0.1 * type.size);
  const left = Math.min(...others.map((l) => l.box[0]));
  return otherType || last.box[0] > left + 3 * last.size;
}

/**
 * A headline over two or more pieces, each under a heading of its own and each ending in its writer's signature:
 * letters to the editor, signed opinions. Each becomes its own segment under its heading, and the headline over
 * them all is their column; what stands before the first heading stays under the headline. Any other segment comes
 * back alone.
 */
export function splitSigned(
  segment: PageSegment,
  order: OrderOptions<PagePiece>,
): { segments: PageSegment[]; column?: PagePiece } {
  const headline = segment.headline as PagePiece | undefined;
  const same = { segments: [segment] };
  if (!headline) return same;
  const pieces = (segment.pieces as PagePiece[]).filter((p) => p !== headline);
  const isHeading = (p: PagePiece) => p.kind === "heading" && "heading" in p.data && !p.data.heading.quote;
  if (pieces.filter(isHeading).length < 2) return same;
  const [before, ...signed] = partsOpenedBy(pieces, order, isHeading);
  const linesOf = (part: PagePiece[]) => part.flatMap((p) => lineOf(p) ?? []);
  if (signed.length < 2 || !signed.every((part) => signs(linesOf(part)))) return same;
  const letters = signed.map((part) => ({ headline: part[0], pieces: part }));
  // The first letter's title set close under the section's heading was read as its deck: it is that letter's.
  const first = signs(linesOf(before)) ? parted(headline) : undefined;
  if (!first) return { segments: [{ headline, pieces: [headline, ...before] }, ...letters], column: headline };
  return {
    segments: [
      { headline: first.section, pieces: [first.section] },
      { headline: first.title, pieces: [first.title, ...before] },
      ...letters,
    ],
    column: first.section,
  };
}

/**
 * A headline over two or more pieces that each open with a title run in ("VIKING La capitale …"), nothing but a
 * heading before the first: briefs or listings. Each becomes its own segment, its run-in title its headline, and the
 * headline over them all is their column. An article whose text opens before its first title run in (a story with
 * bold lead-ins) comes back alone, as does any other segment.
 */
export function splitRunIn(
  segment: PageSegment,
  order: OrderOptions<PagePiece>,
): { segments: PageSegment[]; column?: PagePiece } {
  const headline = segment.headline as PagePiece | undefined;
  const same = { segments: [segment] };
  if (!headline) return same;
  const pieces = (segment.pieces as PagePiece[]).filter((p) => p !== headline);
  // Text is read in order; a picture among the pieces (it may stand across their columns) goes to the piece above it.
  const text = pieces.filter((p) => p.kind === "text" || p.kind === "heading");
  const [before, ...items] = partsOpenedBy(text, order, (p) => !!lineOf(p)?.lead);
  if (items.length < 2 || before.some((p) => p.kind === "text")) return same;
  for (const other of pieces.filter((p) => !text.includes(p))) {
    const over = (part: PagePiece[]) =>
      part.some((p) => p.box[3] <= other.box[1] + 1 && p.box[0] < other.box[2] && p.box[2] > other.box[0]);
    const above = items.filter(over);
    const nearest = (part: PagePiece[]) => other.box[1] - Math.max(...part.map((p) => p.box[3]));
    (above.sort((a, b) => nearest(a) - nearest(b))[0] ?? before).push(other);
  }
  const briefs = items.map(([first, ...rest]) => {
    const line = lineOf(first)!;
    const lead = line.lead!;
    const title: PagePiece = {
      box: lead.box,
      kind: "heading",
      headline: true,
      data: { heading: { lines: [{ ...line, box: lead.box, text: lead.text, size: lead.size, font: lead.font }] } },
    };
    // The title's line goes on with the brief's first words.
    const words = line.text.slice(lead.text.length).trim();
    const box: Box = [Math.min(line.box[2], lead.box[2]), line.box[1], line.box[2], line.box[3]];
    const opening: PagePiece = { ...first, box, data: { line: { ...line, box, text: words, lead: undefined } } };
    return { headline: title, pieces: [title, ...(words ? [opening] : []), ...rest] };
  });
  const heading = before.length ? [{ headline, pieces: [headline, ...before] }] : [];
  return { segments: [...heading, ...briefs], column: headline };
}

/** A heading's largest lines, and the smaller ones under them as a heading of their own. */
function parted(heading: PagePiece): { section: PagePiece; title: PagePiece } | undefined {
  if (!("heading" in heading.data)) return undefined;
  const lines = heading.data.heading.lines;
  const big = Math.max(...lines.map((l) => l.size));
  const top = lines.filter((l) => l.size >= 0.85 * big);
  const bottom = Math.max(...top.map((l) => l.box[3]));
  const under = lines.filter((l) => !top.includes(l) && l.box[1] >= bottom - 1);
  if (!under.length || top.length + under.length !== lines.length) return undefined;
  const piece = (group: TextLine[]): PagePiece => ({
    ...heading,
    box: union(group.map((l) => l.box)),
    data: { heading: { lines: group } },
  });
  return { section: piece(top), title: { ...piece(under), headline: false, heading: true } };
}
