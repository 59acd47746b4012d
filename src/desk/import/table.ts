// The at-a-glance table the import command prints, so the night editor can check what was read from the dump.
import type { ImportedArticle } from "./import-page.ts";
import { formatTable } from "../../cli/table.ts";

const EMPTY = "-";

function continuation(article: ImportedArticle): string {
  const { continued_from: from, continued_on: on } = article.fields;
  const parts = [from ? `from ${from}` : "", on ? `on ${on}` : ""].filter(Boolean);
  return parts.length ? parts.join(", ") : EMPTY;
}

function figures(article: ImportedArticle): string {
  const list = article.fields.figures ?? [];
  if (!list.length) return EMPTY;
  const credited = list.filter((figure) => figure.credit).length;
  return credited ? `${list.length} (${credited} credited)` : String(list.length);
}

/** One row per article: what the importer took for each part of it. The headline goes last, as the longest. */
export function articleTable(articles: ImportedArticle[]): string {
  const header = [
    "file",
    "column",
    "kicker",
    "byline",
    "dateline",
    "paras",
    "figures",
    "mark",
    "continued",
    "headline",
  ];
  const rows = articles.map((article) => {
    const f = article.fields;
    return [
      `${article.name}.md`,
      f.column ?? EMPTY,
      f.kicker ?? EMPTY,
      f.byline ?? EMPTY,
      f.dateline ?? EMPTY,
      String(article.paragraphs),
      figures(article),
      f.mark ?? EMPTY,
      continuation(article),
      f.subtitle ? `${f.headline} ${f.subtitle}` : f.headline,
    ];
  });
  return formatTable(header, rows);
}
