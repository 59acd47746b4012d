// When the hot folder publishes: an edition once all its expected pages are in (or an editor says now), and after
// that each page replaced or added as a late page. Decided from the journal and the live site alone.
import type { JournalData } from "./journal.ts";

export interface PublishStep {
  date: string;
  /** "edition": the whole edition, as npm run publish -- DATE; "late": as npm run publish -- DATE --page NN */
  kind: "edition" | "late";
  /** The pages that are new or replaced since the edition went live (all of them for "edition") */
  pages: string[];
}

/** The pages of `date` with an import, each with the hash of the PDF it came from. */
export function importedPages(data: JournalData, date: string): Map<string, string> {
  const pages = new Map<string, string>();
  for (const page of Object.values(data.pages))
    if (page.date === date && page.imported) pages.set(page.label, page.imported.hash);
  return pages;
}

/**
 * What to publish now. `expected(date)` is how many pages the edition has (edition.yml's `pages`, or --pages),
 * undefined when nobody said; `live` are the editions on the live site.
 */
export function duePublishes(
  data: JournalData,
  expected: (date: string) => number | undefined,
  live: ReadonlySet<string>,
): PublishStep[] {
  const dates = [...new Set(Object.values(data.pages).map((p) => p.date))].sort();
  const steps: PublishStep[] = [];
  for (const date of dates) {
    const pages = importedPages(data, date);
    if (!pages.size) continue;
    const asked = data.publishNow.includes(date);
    if (!live.has(date)) {
      const want = expected(date);
      if (asked || (want !== undefined && pages.size >= want))
        steps.push({ date, kind: "edition", pages: [...pages.keys()].sort() });
      continue;
    }
    const published = data.published[date]?.pages ?? {};
    const changed = [...pages]
      .filter(([label, hash]) => published[label] !== hash)
      .map(([label]) => label)
      .sort();
    if (changed.length || asked)
      steps.push({ date, kind: "late", pages: changed.length ? changed : [...pages.keys()].sort() });
  }
  return steps;
}
