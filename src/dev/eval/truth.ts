// Truth folders (page.pdf + truth.json, made by hand): the PDF-only import measured as the truth's README defines it.
import type { Area } from "../../content/schema.ts";
import { insideArea } from "../../model/geometry.ts";
import type { ImportedArticle } from "../../desk/import/import-page.ts";
import { brokenParagraphs } from "./metrics.ts";
import type { PrintedLine } from "./metrics.ts";

export interface TruthArticle {
  headline: string;
  kind: string;
  /** Items that may fairly be published as one article (a column of briefs). */
  group?: string;
  lines: string[];
}

export interface TruthPage {
  page: string;
  language?: string;
  articles: TruthArticle[];
  not_articles: { what: string; lines: string[] }[];
}

export interface TruthResult {
  /** Truth articles without a group, and how many of their headlines were found. */
  headlines: { found: number; expected: number };
  /** Truth articles all of whose listed lines are right clicks. */
  separated: { right: number; expected: number };
  clicks: { right: number; clicks: number };
  furniture: { out: number; lines: number };
  merged: number;
  spurious: number;
  produced: number;
  paragraphs: { broken: number; total: number };
  /** Listed lines the page's text does not hold (a truth file out of step with the PDF). */
  unplaced: string[];
  /** For people: what went wrong, one line each. */
  notes: string[];
}

/** Lower-cased, every character that is not a letter or digit removed. */
export function headlineKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Equal, or the shorter (≥ 6 characters) inside the longer and at least 0.8 of its length. */
export function headlinesMatch(a: string, b: string): boolean {
  const x = headlineKey(a);
  const y = headlineKey(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 6 && long.includes(short) && short.length >= 0.8 * long.length;
}

/** The headline readings a produced article offers: headline, kicker + headline, headline + subtitle, all three. */
function readings(fields: ImportedArticle["fields"]): string[] {
  const k = fields.kicker ?? "";
  const h = fields.headline ?? "";
  const s = fields.subtitle ?? "";
  return [h, `${k} ${h}`, `${h} ${s}`, `${k} ${h} ${s}`];
}

const centreOf = (line: PrintedLine): [number, number] => [
  line.bbox[0] + line.bbox[2] / 2,
  line.bbox[1] + line.bbox[3] / 2,
];

/** Each listed line's printed place: the first printed line with that exact (trimmed) text not yet taken. */
function placeLines(printed: readonly PrintedLine[], wanted: readonly string[]): ([number, number] | null)[] {
  const taken = new Set<number>();
  return wanted.map((text) => {
    const index = printed.findIndex((l, i) => !taken.has(i) && l.text.trim() === text.trim());
    if (index < 0) return null;
    taken.add(index);
    return centreOf(printed[index]);
  });
}

/** Scores one page's produced articles against its truth. */
export function scoreTruth(
  truth: TruthPage,
  printed: readonly PrintedLine[],
  produced: readonly ImportedArticle[],
): TruthResult {
  const notes: string[] = [];
  const areas: (Area | undefined)[] = produced.map((a) => a.fields.area);
  const owner = (i: number) => truth.articles[i].group ?? `#${i}`;
  const listed = truth.articles.flatMap((a, i) => {
    const at = placeLines(printed, a.lines);
    return a.lines.map((text, n) => ({ article: i, text, at: at[n] }));
  });
  const unplaced = listed.filter((l) => !l.at).map((l) => l.text);
  const placed = listed.filter((l) => l.at) as { article: number; text: string; at: [number, number] }[];
  const inAreas = (at: [number, number]) => areas.flatMap((a, i) => (a && insideArea(a, at[0], at[1]) ? [i] : []));

  // Who owns each produced area: the truth article (or group) with the most listed lines inside it.
  const owners = areas.map((_, p) => {
    const counts = new Map<string, number>();
    for (const l of placed)
      if (inAreas(l.at).includes(p)) counts.set(owner(l.article), (counts.get(owner(l.article)) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    return { owner: ranked[0]?.[0], holds: counts };
  });

  let right = 0;
  const wrongArticles = new Set<number>();
  for (const l of placed) {
    const hits = inAreas(l.at);
    if (hits.length === 1 && owners[hits[0]].owner === owner(l.article)) right++;
    else {
      wrongArticles.add(l.article);
      notes.push(
        `miss: «${l.text}» (${truth.articles[l.article].headline}) landed in [${hits.map((h) => h + 1).join(", ")}]`,
      );
    }
  }
  for (const l of listed) if (!l.at) wrongArticles.add(l.article);
  const separated = truth.articles.filter((_, i) => !wrongArticles.has(i)).length;

  const ungrouped = truth.articles.filter((a) => !a.group);
  const headlinesFound = ungrouped.filter((a) =>
    produced.some((p) => readings(p.fields).some((r) => headlinesMatch(r, a.headline))),
  );
  for (const a of ungrouped) if (!headlinesFound.includes(a)) notes.push(`headline not found: «${a.headline}»`);

  const furnitureLines = truth.not_articles.flatMap((n) => n.lines);
  const furniturePlaces = placeLines(printed, furnitureLines);
  let out = 0;
  furniturePlaces.forEach((at, i) => {
    if (at && inAreas(at).length === 0) out++;
    else if (at) notes.push(`furniture inside an area: «${furnitureLines[i]}»`);
  });

  const merged = owners.filter((o) => o.holds.size >= 2).length;
  owners.forEach((o, p) => {
    if (o.holds.size >= 2)
      notes.push(`merged: area ${p + 1} «${produced[p].fields.headline}» holds ${[...o.holds.keys()].join(", ")}`);
  });
  const truthHeadlines = truth.articles.map((a) => a.headline);
  const spurious = produced.filter(
    (p, i) =>
      owners[i].holds.size === 0 && !readings(p.fields).some((r) => truthHeadlines.some((t) => headlinesMatch(r, t))),
  );
  for (const p of spurious) notes.push(`spurious: «${p.fields.headline}»`);

  const paragraphs = { broken: 0, total: 0 };
  produced.forEach((p, i) => {
    if (!owners[i].owner) return;
    const counted = brokenParagraphs(p.body);
    paragraphs.broken += counted.broken.length;
    paragraphs.total += counted.total;
    for (const b of counted.broken)
      notes.push(`broken paragraph in «${p.fields.headline}»: …${Array.from(b).slice(-30).join("")}`);
  });

  return {
    headlines: { found: headlinesFound.length, expected: ungrouped.length },
    separated: { right: separated, expected: truth.articles.length },
    clicks: { right, clicks: placed.length + unplaced.length },
    furniture: { out, lines: furnitureLines.length },
    merged,
    spurious: spurious.length,
    produced: produced.length,
    paragraphs,
    unplaced,
    notes,
  };
}
