// The proof sheet's model: what `npm run check` found (its model and its diagnostics), laid out per edition and
// page for drawing. No rule of its own: overlaps come from the check's overlap warnings, dangling continuations
// from the model's continuation links, every problem from the check's diagnostics.
import path from "node:path";
import type { Diagnostic } from "../../content/diagnostics.ts";
import type { Point } from "../../model/geometry.ts";
import type { Article, Edition, Page } from "../../model/types.ts";
import type { CheckResult } from "../../pipeline/check.ts";

export interface ProofArticle {
  id: string;
  file: string;
  headline: string;
  /** The area in fractions of the page, or null when the article has none */
  polygon: Point[] | null;
  /** The files of the articles whose areas the check found overlapping this one's */
  overlaps: string[];
}

/** One arrow: a part that goes on (下转) or comes from (上接) another page. */
export interface ProofContinuation {
  text: string;
  /** on: the arrow leaves `from` (下转); from: it comes into `from` (上接), drawn so for a dangling one */
  direction: "on" | "from";
  from: { page: string; article: string };
  /** The other part; null when its page is not in the edition (drawn in red) */
  to: { page: string; article: string } | null;
}

export interface ProofPage {
  id: string;
  label: string;
  /** 02版：综合 */
  name: string;
  file: string;
  scanPath: string | null;
  pdfPath: string | null;
  articles: ProofArticle[];
  withoutArea: ProofArticle[];
  /** Every diagnostic about a file in the page's folder */
  problems: Diagnostic[];
}

export interface ProofEdition {
  date: string;
  dateLabel: string;
  pages: ProofPage[];
  continuations: ProofContinuation[];
  /** Diagnostics about the edition's own files (edition.yml, the folder), not any page's */
  problems: Diagnostic[];
}

export interface ProofCounts {
  editions: number;
  pages: number;
  articles: number;
  errors: number;
  warnings: number;
  withoutArea: number;
  overlaps: number;
  dangling: number;
}

export interface ProofSheet {
  paper: string;
  lang: string;
  editions: ProofEdition[];
  /** Diagnostics outside every edition read (a bad site file, a missing edition folder) */
  problems: Diagnostic[];
  counts: ProofCounts;
}

const inside = (file: string, dir: string): boolean => {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
};

/** Lays out a check's result for the proof sheet. */
export function proofModel(check: CheckResult): ProofSheet {
  const { data, diagnostics } = check.site;
  const items = diagnostics.items;
  const overlapsOf = new Map<string, string[]>();
  for (const d of items) {
    if (d.code !== "overlap" || !d.related) continue;
    const [a, b] = d.related.map((f) => path.resolve(f));
    overlapsOf.set(a, [...(overlapsOf.get(a) ?? []), b]);
    overlapsOf.set(b, [...(overlapsOf.get(b) ?? []), a]);
  }
  const article = (a: Article): ProofArticle => ({
    id: a.id,
    file: a.file,
    headline: a.headline,
    polygon: a.polygon,
    overlaps: overlapsOf.get(path.resolve(a.file)) ?? [],
  });
  const claimed = new Set<Diagnostic>();
  const claim = (dir: string) =>
    items.filter((d) => !claimed.has(d) && inside(d.file, dir)).map((d) => (claimed.add(d), d));
  const page = (p: Page): ProofPage => {
    const articles = p.articles.map(article);
    return {
      id: p.id,
      label: p.label,
      name: p.stripLabel,
      file: p.file,
      scanPath: p.scanPath,
      pdfPath: p.pdfPath,
      articles,
      withoutArea: articles.filter((a) => !a.polygon),
      problems: claim(path.dirname(p.file)),
    };
  };
  const editions = data.editions.map((e): ProofEdition => {
    const pages = e.pages.map(page);
    return { date: e.date, dateLabel: e.dateLabel, pages, continuations: continuations(e), problems: claim(e.dir) };
  });
  const problems = items.filter((d) => !claimed.has(d));
  const all = editions.flatMap((e) => e.pages);
  return {
    paper: data.settings.paper,
    lang: data.lang,
    editions,
    problems,
    counts: {
      editions: editions.length,
      pages: all.length,
      articles: all.reduce((n, p) => n + p.articles.length, 0),
      errors: check.errors,
      warnings: check.warnings,
      withoutArea: all.reduce((n, p) => n + p.withoutArea.length, 0),
      overlaps: items.filter((d) => d.code === "overlap").length,
      dangling: editions.reduce((n, e) => n + e.continuations.filter((c) => !c.to).length, 0),
    },
  };
}

/** Each link between two parts once (下转 and its 上接 are one arrow), and each dangling line on its own. */
function continuations(edition: Edition): ProofContinuation[] {
  const byUrl = new Map(edition.articles.map((a) => [a.url, a]));
  const seen = new Set<string>();
  const out: ProofContinuation[] = [];
  const at = (a: Article) => ({ page: a.page.id, article: a.id });
  for (const a of edition.articles) {
    for (const [c, forward] of [
      [a.continuedOn, true],
      [a.continuedFrom, false],
    ] as const) {
      if (!c) continue;
      const other = c.url ? byUrl.get(c.url) : undefined;
      if (!other) {
        out.push({ text: c.text, direction: forward ? "on" : "from", from: at(a), to: null });
        continue;
      }
      const [first, second] = forward ? [a, other] : [other, a];
      const key = `${first.id}→${second.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        text: forward ? c.text : (first.continuedOn?.text ?? c.text),
        direction: "on",
        from: at(first),
        to: at(second),
      });
    }
  }
  return out;
}
