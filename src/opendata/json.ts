// The JSON layer: one file per edition, page and article, shaped by src/opendata/schemas.ts. Paths are from the
// site root (given as `site` in every file), as in the edition summary the feed and sitemaps already read.
import { plainText } from "../markdown/index.ts";
import type { Article, Continuation, Edition, ImageVariant, Page } from "../model/types.ts";
import { urls } from "../model/urls.ts";
import { summarizeEdition } from "../model/archive.ts";
import { jsonVersion } from "./format.ts";
import type { ArticleJson, EditionJson, PageJson } from "./schemas.ts";

/** edition.json: the edition's summary (which the feed and sitemaps read back) with the open-data links. */
export function editionJson(edition: Edition, site: string): EditionJson {
  const summary = summarizeEdition(edition);
  return {
    version: jsonVersion,
    site,
    ...summary,
    json: urls.editionJson(edition.date),
    manifest: urls.manifest(edition.date),
    pages: summary.pages.map((p, i) => ({ ...p, json: pageJsonUrl(edition.pages[i]) })),
    articles: summary.articles.map((a, i) => ({ ...a, json: articleJsonUrl(edition.articles[i]) })),
  };
}

export function pageJson(page: Page, site: string): PageJson {
  const { edition } = page;
  const images = page.images;
  return {
    version: jsonVersion,
    site,
    date: edition.date,
    label: page.label,
    sequence: page.sequence,
    section: page.section,
    name: page.name,
    ...(page.editor ? { editor: page.editor } : {}),
    url: page.url,
    json: pageJsonUrl(page),
    edition: urls.editionJson(edition.date),
    manifest: urls.manifest(edition.date),
    pdf: page.pdfUrl,
    image: images
      ? {
          width: images.picture.width,
          height: images.picture.height,
          largest: variant(largestImage(images.picture.variants)),
          iiif: images.tiles!,
        }
      : null,
    articles: page.articles.map((a) => ({
      headline: a.headline,
      url: a.url,
      json: articleJsonUrl(a),
      area: a.area ?? null,
    })),
    previous: page.previous ? pageJsonUrl(edition.pages[page.sequence - 2]) : null,
    next: page.next ? pageJsonUrl(edition.pages[page.sequence]) : null,
  };
}

export function articleJson(article: Article, site: string): ArticleJson {
  const { edition, page } = article;
  const f = article.fields;
  const siblings = edition.articles;
  const i = siblings.indexOf(article);
  return {
    version: jsonVersion,
    site,
    date: edition.date,
    page: page.label,
    section: page.section,
    slug: article.slug,
    order: article.order,
    url: article.url,
    json: articleJsonUrl(article),
    edition: urls.editionJson(edition.date),
    pageJson: pageJsonUrl(page),
    headline: article.headline,
    ...optional({
      kicker: f.kicker,
      subtitle: f.subtitle,
      column: f.column,
      byline: f.byline,
      dateline: f.dateline,
      mark: f.mark,
    }),
    figures: article.figures.map((figure) => ({
      ...optional({ caption: figure.caption, credit: figure.credit }),
      alt: figure.alt,
      image: figure.picture ? variant(largestImage(figure.picture.variants)) : null,
    })),
    area: article.area ?? null,
    story: f.story ?? null,
    continued_from: continuation(f.continued_from, article.continuedFrom),
    continued_on: continuation(f.continued_on, article.continuedOn),
    storyUrl: article.story && article.story.parts.length > 1 ? article.story.url : null,
    correction: article.corrections.map((c) => ({ time: c.time, text: c.text })),
    modified: article.modified,
    body: { markdown: article.body, text: paragraphsText(article.body), html: article.html },
    previous: article.previous ? articleJsonUrl(siblings[i - 1]) : null,
    next: article.next ? articleJsonUrl(siblings[i + 1]) : null,
  };
}

export function pageJsonUrl(page: Page): string {
  return urls.pageJson(page.edition.date, page.label);
}

export function articleJsonUrl(article: Article): string {
  return urls.articleJson(article.edition.date, article.page.label, article.slug);
}

/** The widest derivative in the format browsers all read (the <img> fallback's), for viewers and harvesters. */
export function largestImage(variants: ImageVariant[]): ImageVariant {
  const fallback = variants[variants.length - 1].format;
  return variants.filter((v) => v.format === fallback).reduce((a, b) => (b.width > a.width ? b : a));
}

function variant(v: ImageVariant): { url: string; width: number; height: number; format: string } {
  return { url: v.url, width: v.width, height: v.height, format: v.format };
}

/** Plain text with the paragraphs (and subheads) kept apart by a blank line. */
function paragraphsText(markdown: string): string {
  return markdown
    .split(/\n\s*\n/)
    .map(plainText)
    .filter(Boolean)
    .join("\n\n");
}

function continuation(label: string | undefined, link: Continuation | null): ArticleJson["continued_from"] {
  if (!label || !link) return null;
  return { page: label, text: link.text, url: link.url };
}

/** Leaves out the fields an article file does not give, as the file does. */
function optional<T extends Record<string, string | undefined>>(fields: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<
    Record<keyof T, string>
  >;
}
