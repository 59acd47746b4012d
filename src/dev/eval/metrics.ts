// The measures of issue 10, one definition each, so that every run of eval:pages measures the same thing.
import { insideArea, type Point, type Rect } from "../../model/geometry.ts";
import type { Area } from "../../content/schema.ts";

/** Text as compared: whitespace and punctuation removed. */
export function comparable(text: string): string {
  return text.replace(/[\s\p{P}]+/gu, "");
}

function bigrams(text: string): Map<string, number> {
  const chars = Array.from(comparable(text));
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

/** F1 of the multisets of character bigrams of `produced` against `expected`. */
export function bigramF1(produced: string, expected: string): number {
  const p = bigrams(produced);
  const e = bigrams(expected);
  let common = 0;
  let np = 0;
  let ne = 0;
  for (const [g, c] of p) {
    np += c;
    common += Math.min(c, e.get(g) ?? 0);
  }
  for (const c of e.values()) ne += c;
  if (np === 0 || ne === 0 || common === 0) return 0;
  const precision = common / np;
  const recall = common / ne;
  return (2 * precision * recall) / (precision + recall);
}

/**
 * Pairs produced articles with the publisher's: every pair's body F1, best first, taken greedily one-to-one
 * while F1 ≥ `min` (0.3). Returns the publisher's index for each produced article, or -1.
 */
export function matchArticles(
  produced: readonly string[],
  expected: readonly string[],
  min = 0.3,
): { pairs: number[]; f1: number[] } {
  const scores: { p: number; e: number; f: number }[] = [];
  produced.forEach((pt, p) => expected.forEach((et, e) => scores.push({ p, e, f: bigramF1(pt, et) })));
  scores.sort((a, b) => b.f - a.f);
  const pairs = produced.map(() => -1);
  const f1 = produced.map(() => 0);
  const used = new Set<number>();
  for (const s of scores) {
    if (s.f < min) break;
    if (pairs[s.p] >= 0 || used.has(s.e)) continue;
    pairs[s.p] = s.e;
    f1[s.p] = s.f;
    used.add(s.e);
  }
  return { pairs, f1 };
}

/** The publisher's title (a kicker joined by two spaces) equals the headline, kicker + headline or headline + subtitle. */
export function titleRight(
  publisherTitle: string,
  produced: { kicker?: string; headline?: string; subtitle?: string },
): boolean {
  const want = comparable(publisherTitle);
  const h = comparable(produced.headline ?? "");
  const k = comparable(produced.kicker ?? "");
  const s = comparable(produced.subtitle ?? "");
  return want.length > 0 && [h, k + h, h + s].includes(want);
}

/** A printed line: its text and its box in fractions of the page. */
export interface PrintedLine {
  text: string;
  bbox: Rect;
}

export interface ClickResult {
  /** Lines that are clicks: ≥ 4 characters, found in exactly one article's publisher text. */
  clicks: number;
  right: number;
  /** The wrong ones, for people: the line and where the click landed. */
  misses: { text: string; article: number; landedIn: number[] }[];
}

/**
 * Click accuracy: each line of ≥ 4 characters that occurs in exactly one article's publisher text is a click at
 * the centre of its box, right when that point is inside its article's area and inside no other's.
 */
export function clickAccuracy(
  lines: readonly PrintedLine[],
  publisherTexts: readonly string[],
  areas: readonly (Area | null | undefined)[],
): ClickResult {
  const texts = publisherTexts.map(comparable);
  const result: ClickResult = { clicks: 0, right: 0, misses: [] };
  for (const line of lines) {
    const t = comparable(line.text);
    if (Array.from(t).length < 4) continue;
    const owners = texts.flatMap((text, i) => (text.includes(t) ? [i] : []));
    if (owners.length !== 1) continue;
    result.clicks++;
    const x = line.bbox[0] + line.bbox[2] / 2;
    const y = line.bbox[1] + line.bbox[3] / 2;
    const landedIn = areas.flatMap((a, i) => (a && insideArea(a, x, y) ? [i] : []));
    if (landedIn.length === 1 && landedIn[0] === owners[0]) result.right++;
    else result.misses.push({ text: line.text, article: owners[0], landedIn });
  }
  return result;
}

export type { Point };

/** A paragraph that stops where a line or column broke it: ending on a letter, digit, comma, semicolon or hyphen. */
const BROKEN_END = /[\p{L}\p{N},;，；、\-‐]$/u;

/**
 * The body's paragraphs (blank-line separated, `#` subheads not counted) and those among them that end mid-sentence:
 * what a reader sees as a line or column break left inside the prose.
 */
export function brokenParagraphs(markdown: string): { total: number; broken: string[] } {
  const paragraphs = markdown
    .split(/\n\s*\n/u)
    .map((p) => p.trim())
    .filter((p) => p && !/^#{1,6}\s/u.test(p));
  return { total: paragraphs.length, broken: paragraphs.filter((p) => BROKEN_END.test(p)) };
}
