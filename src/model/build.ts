// Builds the linked model from source records: pages, articles, stories and all navigation, computed once.
import path from "node:path";
import type { Diagnostics } from "../content/diagnostics.ts";
import type { ArticleSource, EditionSource } from "../content/load.ts";
import { areaToPolygon } from "./geometry.ts";
import type { Locale } from "../locale/index.ts";
import { renderBody, plainExcerpt } from "../markdown/index.ts";
import { linkStories } from "./stories.ts";
import type { Article, Edition, Link, Page } from "./types.ts";
import { urls } from "./urls.ts";

export interface ModelOptions {
  locale: Locale;
  timeZone: string;
  /** Every edition date in the archive, sorted, for previous/next edition links */
  allDates: string[];
}

export function buildEdition(source: EditionSource, options: ModelOptions, diagnostics: Diagnostics): Edition {
  const { locale } = options;
  const [year, month, day] = source.date.split("-").map(Number);
  const edition: Edition = {
    date: source.date, year, month, day,
    issue: source.fields.issue,
    issueLabel: source.fields.issue ? locale.issueNumber(source.fields.issue) : undefined,
    dateLabel: locale.editionDate(source.date, options.timeZone),
    url: urls.edition(source.date),
    dir: source.dir,
    pages: [], articles: [], stories: [],
    ...neighbours(options.allDates, source.date, (d) => ({
      url: urls.edition(d), text: locale.editionDate(d, options.timeZone),
    })),
  };
  source.pages.forEach((pageSource, sequence) => {
    const page: Page = {
      id: `${source.date}/${pageSource.label}`,
      file: path.join(pageSource.dir, "page.yml"),
      label: pageSource.label,
      letter: pageSource.letter,
      number: pageSource.number,
      sequence: sequence + 1,
      section: pageSource.fields.section,
      editor: pageSource.fields.editor,
      name: locale.pageName(pageSource),
      stripLabel: locale.pageStripLabel(pageSource.label, pageSource.fields.section),
      url: urls.page(source.date, pageSource.label),
      scanPath: pageSource.scanPath,
      pdfPath: pageSource.pdfPath,
      pdfUrl: null,
      images: null,
      articles: [],
      edition,
      previous: null, next: null,
    };
    page.articles = pageSource.articles.map((a) => buildArticle(a, page, edition));
    edition.pages.push(page);
    edition.articles.push(...page.articles);
  });
  linkList(edition.pages, (p) => ({ url: p.url, text: p.stripLabel }));
  linkList(edition.articles, (a) => ({ url: a.url, text: a.headline }));
  edition.stories = linkStories(edition, locale, diagnostics);
  return edition;
}

function buildArticle(source: ArticleSource, page: Page, edition: Edition): Article {
  const f = source.fields;
  const html = renderBody(source.body);
  return {
    id: `${page.id}/${source.slug}`,
    fields: f,
    file: source.file,
    slug: source.slug,
    order: source.order,
    headline: f.headline, kicker: f.kicker, subtitle: f.subtitle, column: f.column,
    byline: f.byline, dateline: f.dateline, mark: f.mark,
    body: source.body,
    html,
    excerpt: plainExcerpt(source.body, 120) || (f.figures?.[0]?.caption ?? ""),
    figures: (f.figures ?? []).map((figure, i) => ({
      ...figure,
      path: source.figurePaths[i],
      picture: null,
      // A caption is read out from its <figcaption>: an alt repeating it would be heard twice.
      alt: figure.alt && figure.alt !== figure.caption ? figure.alt : figure.caption ? "" : f.headline,
    })),
    polygon: f.area ? areaToPolygon(f.area) : null,
    area: f.area,
    url: urls.article(edition.date, page.label, source.slug),
    page, edition,
    story: null, continuedFrom: null, continuedOn: null,
    previous: null, next: null,
    clipping: null, shareImage: null,
  };
}

function linkList<T extends { previous: Link | null; next: Link | null }>(items: T[], link: (item: T) => Link): void {
  items.forEach((item, i) => {
    item.previous = i > 0 ? link(items[i - 1]) : null;
    item.next = i < items.length - 1 ? link(items[i + 1]) : null;
  });
}

function neighbours(all: string[], date: string, link: (d: string) => Link): { previous: Link | null; next: Link | null } {
  const i = all.indexOf(date);
  return {
    previous: i > 0 ? link(all[i - 1]) : null,
    next: i >= 0 && i < all.length - 1 ? link(all[i + 1]) : null,
  };
}
