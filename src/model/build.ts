// Builds the linked model from source records: pages, articles, stories and all navigation, computed once; with
// what the image stage made, linked again with its images (the site data stage), never written into afterwards.
import path from "node:path";
import type { Diagnostics } from "../content/diagnostics.ts";
import type { ArticleSource, EditionSource } from "../content/load.ts";
import { areaToPolygon } from "./geometry.ts";
import type { Locale } from "../locale/index.ts";
import { excerptOf, renderBodyAndText } from "../markdown/index.ts";
import { linkStories } from "./stories.ts";
import { DateTime } from "luxon";
import {
  figureId,
  type Article,
  type Correction,
  type Edition,
  type Link,
  type ModelImages,
  type Page,
} from "./types.ts";
import { urls } from "./urls.ts";

export interface ModelOptions {
  locale: Locale;
  timeZone: string;
  /** Every edition date in the archive, sorted, for previous/next edition links */
  allDates: string[];
  /** What the image stage made: the model is then linked with its images (none without) */
  images?: ModelImages;
  /** Each article's body as HTML and text by article id, from a first linking, so it is not rendered again */
  bodies?: ReadonlyMap<string, { html: string; text: string }>;
}

export function buildEdition(source: EditionSource, options: ModelOptions, diagnostics: Diagnostics): Edition {
  const { locale } = options;
  const [year, month, day] = source.date.split("-").map(Number);
  const edition: Edition = {
    date: source.date,
    year,
    month,
    day,
    issue: source.fields.issue,
    issueLabel: source.fields.issue ? locale.issueNumber(source.fields.issue) : undefined,
    dateLabel: locale.editionDate(source.date, options.timeZone),
    published: localTime(`${source.date} 00:00`, options.timeZone),
    url: urls.edition(source.date),
    dir: source.dir,
    pages: [],
    articles: [],
    stories: [],
    corrected: [],
    correctionsUrl: null,
    withdrawn: [],
    ...neighbours(options.allDates, source.date, (d) => ({
      url: urls.edition(d),
      text: locale.editionDate(d, options.timeZone),
    })),
  };
  const withdrawn = withdrawnArticles(source, diagnostics);
  source.pages.forEach((pageSource, sequence) => {
    const id = `${source.date}/${pageSource.label}`;
    const made = options.images?.pages.get(id);
    const page: Page = {
      id,
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
      // The copy readers download, when the image stage served a cleaned one.
      pdfPath: made?.pdf?.path ?? pageSource.pdfPath,
      pdfUrl: made?.pdf?.url ?? null,
      images: made?.images ?? null,
      articles: [],
      modified: null,
      edition,
      previous: null,
      next: null,
    };
    for (const a of pageSource.articles) {
      const url = urls.article(source.date, pageSource.label, a.slug);
      const when = withdrawn.get(a);
      if (when) {
        edition.withdrawn.push({ url, time: when });
        if (a.fields.area) (page.withdrawnAreas ??= []).push(a.fields.area);
      } else page.articles.push(buildArticle(a, page, edition, options));
    }
    page.modified = latest(page.articles.map((a) => a.modified));
    edition.pages.push(page);
    edition.articles.push(...page.articles);
  });
  linkList(edition.pages, (p) => ({ url: p.url, text: p.stripLabel }));
  linkList(edition.articles, (a) => ({ url: a.url, text: a.headline }));
  edition.stories = linkStories(edition, locale, diagnostics);
  edition.corrected = edition.articles.filter((a) => a.corrections.length > 0);
  edition.correctionsUrl = edition.corrected.length ? urls.corrections(source.date) : null;
  return edition;
}

/** The paper's local time written by an editor (2024-05-06 09:30) as ISO 8601 with its offset. */
export function localTime(time: string, timeZone: string): string {
  return DateTime.fromISO(time.replace(" ", "T"), { zone: timeZone }).toISO({ suppressMilliseconds: true })!;
}

function latest(times: (string | null)[]): string | null {
  // Same zone and format throughout, so the text order is the time order.
  return times.reduce<string | null>((max, t) => (t && (!max || t > max) ? t : max), null);
}

/**
 * Articles taken off the site by edition.yml's "withdrawn" list, with the time of each. A part of a continued
 * story takes its other parts with it: a story with a part missing would send readers to a withdrawn page.
 */
function withdrawnArticles(source: EditionSource, diagnostics: Diagnostics): Map<ArticleSource, string> {
  const result = new Map<ArticleSource, string>();
  const all = source.pages.flatMap((p) => p.articles.map((a) => ({ page: p, article: a })));
  for (const entry of source.fields.withdrawn ?? []) {
    const [label, slug] = entry.article.split("/");
    const found = all.find(({ page, article }) => page.label === label && article.slug === slug);
    if (!found) {
      diagnostics.warn(
        path.join(source.dir, "edition.yml"),
        `withdrawn article "${entry.article}" is not in this edition (renamed or moved?): its old address keeps saying it was withdrawn only while the name matches`,
        { field: "withdrawn" },
      );
      continue;
    }
    const story = found.article.fields.story;
    for (const { article } of all) {
      if (article === found.article || (story && article.fields.story === story))
        result.set(article, result.get(article) ?? entry.time);
    }
  }
  return result;
}

function buildArticle(source: ArticleSource, page: Page, edition: Edition, options: ModelOptions): Article {
  const f = source.fields;
  const id = `${page.id}/${source.slug}`;
  const { html, text } = options.bodies?.get(id) ?? renderBodyAndText(source.body);
  const made = options.images?.articles.get(id);
  const corrections: Correction[] = (f.correction ?? []).map((c) => {
    const time = localTime(c.time, options.timeZone);
    return { time, label: options.locale.dateTime(time, options.timeZone), text: c.text };
  });
  return {
    id,
    fields: f,
    file: source.file,
    slug: source.slug,
    order: source.order,
    headline: f.headline,
    kicker: f.kicker,
    subtitle: f.subtitle,
    column: f.column,
    byline: f.byline,
    dateline: f.dateline,
    mark: f.mark,
    body: source.body,
    html,
    text,
    excerpt: excerptOf(text, 120) || (f.figures?.[0]?.caption ?? ""),
    figures: (f.figures ?? []).map((figure, i) => ({
      ...figure,
      path: source.figurePaths[i],
      picture: options.images?.figures.get(figureId(id, i)) ?? null,
      // A caption is read out from its <figcaption>: an alt repeating it would be heard twice.
      alt: figure.alt && figure.alt !== figure.caption ? figure.alt : figure.caption ? "" : f.headline,
    })),
    polygon: f.area ? areaToPolygon(f.area) : null,
    area: f.area,
    url: urls.article(edition.date, page.label, source.slug),
    page,
    edition,
    story: null,
    continuedFrom: null,
    continuedOn: null,
    previous: null,
    next: null,
    corrections,
    modified: latest(corrections.map((c) => c.time)),
    clipping: made?.clipping ?? null,
    shareImage: made?.shareImage ?? null,
  };
}

function linkList<T extends { previous: Link | null; next: Link | null }>(items: T[], link: (item: T) => Link): void {
  items.forEach((item, i) => {
    item.previous = i > 0 ? link(items[i - 1]) : null;
    item.next = i < items.length - 1 ? link(items[i + 1]) : null;
  });
}

function neighbours(
  all: string[],
  date: string,
  link: (d: string) => Link,
): { previous: Link | null; next: Link | null } {
  const i = all.indexOf(date);
  return {
    previous: i > 0 ? link(all[i - 1]) : null,
    next: i >= 0 && i < all.length - 1 ? link(all[i + 1]) : null,
  };
}
