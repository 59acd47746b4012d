// IIIF Presentation 3 for library viewers (Mirador, Universal Viewer): a Manifest per edition — a Canvas per page
// on its level-0 image service, a Range per article and per continued story, the article areas as linking
// annotations — and Collections of the editions by year. Typed with @iiif/presentation-3; ids are absolute URLs.
import type {
  Annotation,
  AnnotationPage,
  Canvas,
  Collection,
  ExternalWebResource,
  InternationalString,
  Manifest,
  Range,
} from "@iiif/presentation-3";
import { DateTime } from "luxon";
import type { Locale } from "../locale/index.ts";
import { polygonToPixels } from "../model/geometry.ts";
import type { Article, Edition, Page, Story } from "../model/types.ts";
import { urls } from "../model/urls.ts";
import type { IndexedEdition } from "../model/archive.ts";
import { largestImage, pageJsonUrl } from "./json.ts";

export const presentationContext = "http://iiif.io/api/presentation/3/context.json";
/** The media type a <link> to a manifest announces */
export const manifestMediaType = `application/ld+json;profile="${presentationContext}"`;

export interface IiifOptions {
  /** The site's absolute root with the path prefix: https://epaper.example.cn/epaper/ */
  root: string;
  paper: string;
  timeZone: string;
  locale: Locale;
}

/** Canvas size of a page without a scan or PDF: an A-series page, so viewers keep its place in the edition. */
const blankPage = { width: 1000, height: 1414 };

export function editionManifest(edition: Edition, options: IiifOptions): Manifest {
  const iiif = ids(options);
  const { locale } = options;
  const label = locale.openData.editionTitle(options.paper, edition.dateLabel);
  const manifest: Manifest = {
    "@context": presentationContext,
    id: iiif.abs(urls.manifest(edition.date)),
    type: "Manifest",
    label: iiif.text(label),
    navDate: navDate(edition.date, options.timeZone),
    ...(edition.issueLabel
      ? { metadata: [{ label: iiif.text(locale.strings.edition), value: iiif.text(edition.issueLabel) }] }
      : {}),
    viewingDirection: "left-to-right",
    behavior: ["individuals"],
    homepage: [iiif.link(edition.url, label, "text/html")],
    seeAlso: [iiif.dataset(urls.editionJson(edition.date), "edition")],
    partOf: [{ id: iiif.abs(urls.iiifYear(edition.year)), type: "Collection" }],
    items: edition.pages.map((page) => pageCanvas(page, options)),
    structures: [
      ...edition.articles.map(
        (article): Range => ({
          id: iiif.range(article.url),
          type: "Range",
          label: iiif.text(article.headline),
          items: [{ id: iiif.canvas(article.page), type: "Canvas" }],
        }),
      ),
      ...edition.stories
        .filter((s) => new Set(s.parts.map((p) => p.page)).size > 1)
        .map((story) => storyRange(story, options)),
    ],
  };
  return manifest;
}

/** A continued story: the canvases of its parts' pages, in reading order. */
function storyRange(story: Story, options: IiifOptions): Range {
  const iiif = ids(options);
  const pages = [...new Set(story.parts.map((p) => p.page))];
  return {
    id: iiif.range(story.url),
    type: "Range",
    label: iiif.text(options.locale.openData.wholeStory(story.headline)),
    items: pages.map((page) => ({ id: iiif.canvas(page), type: "Canvas" as const })),
  };
}

function pageCanvas(page: Page, options: IiifOptions): Canvas {
  const iiif = ids(options);
  const images = page.images;
  const { width, height } = images?.picture ?? blankPage;
  const id = iiif.canvas(page);
  const canvas: Canvas = {
    id,
    type: "Canvas",
    label: iiif.text(page.stripLabel),
    width,
    height,
    items: [],
    homepage: [iiif.link(page.url, page.stripLabel, "text/html")],
    seeAlso: [iiif.dataset(pageJsonUrl(page), "page")],
  };
  if (images) {
    const full = largestImage(images.picture.variants);
    const thumb = images.thumb;
    canvas.thumbnail = [
      {
        id: iiif.abs(thumb.url),
        type: "Image",
        format: mediaType(thumb.format),
        width: thumb.width,
        height: thumb.height,
      },
    ];
    const painting: Annotation = {
      id: `${id}/image`,
      type: "Annotation",
      motivation: "painting",
      target: id,
      body: {
        id: iiif.abs(full.url),
        type: "Image",
        format: mediaType(full.format),
        width: full.width,
        height: full.height,
        service: [{ id: imageServiceId(images.tiles!, options.root), type: "ImageService3", profile: "level0" }],
      },
    };
    canvas.items = [{ id: `${id}/page`, type: "AnnotationPage", items: [painting] }];
  }
  if (page.pdfUrl) {
    canvas.rendering = [iiif.link(page.pdfUrl, options.locale.strings.downloadPdf, "application/pdf")];
  }
  const areas = page.articles.filter((a) => a.polygon);
  if (areas.length) {
    const annotations: AnnotationPage = {
      id: iiif.annotations(page),
      type: "AnnotationPage",
      items: areas.map((article) => areaAnnotation(article, canvas, options)),
    };
    canvas.annotations = [annotations];
  }
  return canvas;
}

/** The article's area on the canvas (an SVG path in canvas pixels), linking to the article's web page. */
function areaAnnotation(article: Article, canvas: Canvas, options: IiifOptions): Annotation {
  const iiif = ids(options);
  const points = polygonToPixels(article.polygon!, canvas.width!, canvas.height!);
  const d = `M${points.map(([x, y]) => `${x},${y}`).join(" L")} Z`;
  return {
    id: iiif.area(article),
    type: "Annotation",
    motivation: "linking",
    label: iiif.text(article.headline),
    // The headline as text too: viewers list an annotation by its textual body.
    body: [
      { type: "TextualBody", value: article.headline, format: "text/plain", language: [options.locale.lang] },
      iiif.link(article.url, article.headline, "text/html"),
    ],
    target: {
      type: "SpecificResource",
      source: { id: canvas.id, type: "Canvas" },
      selector: { type: "SvgSelector", value: `<svg xmlns="http://www.w3.org/2000/svg"><path d="${d}"/></svg>` },
    },
  };
}

/** A Collection's member as Collections list it: a reference with what a viewer shows before opening it. */
interface MemberReference {
  id: string;
  type: "Manifest" | "Collection";
  label: InternationalString;
  navDate?: string;
}

/** A Collection of references (@iiif/presentation-3 types its items as whole embedded resources). */
export type CollectionOfReferences = Omit<Collection, "items"> & { items: MemberReference[] };

/** The Collection of one year's editions, oldest first, built from the archive index (one record per edition). */
export function yearCollection(year: number, editions: IndexedEdition[], options: IiifOptions): CollectionOfReferences {
  const iiif = ids(options);
  const { locale } = options;
  return {
    "@context": presentationContext,
    id: iiif.abs(urls.iiifYear(year)),
    type: "Collection",
    label: iiif.text(locale.openData.editionTitle(options.paper, locale.yearTitle(year))),
    partOf: [{ id: iiif.abs(urls.iiifCollection()), type: "Collection" }],
    items: editions.map((e) => ({
      id: iiif.abs(urls.manifest(e.date)),
      type: "Manifest",
      label: iiif.text(locale.openData.editionTitle(options.paper, e.dateLabel)),
      navDate: navDate(e.date, options.timeZone),
    })),
  };
}

/** The paper's Collection: one Collection per year, newest first (as the archive page lists them). */
export function paperCollection(years: number[], options: IiifOptions): CollectionOfReferences {
  const iiif = ids(options);
  const { locale } = options;
  return {
    "@context": presentationContext,
    id: iiif.abs(urls.iiifCollection()),
    type: "Collection",
    label: iiif.text(options.paper),
    homepage: [iiif.link(urls.archive(), options.paper, "text/html")],
    items: years.map((year) => ({
      id: iiif.abs(urls.iiifYear(year)),
      type: "Collection",
      label: iiif.text(locale.openData.editionTitle(options.paper, locale.yearTitle(year))),
    })),
  };
}

/** Midnight in the paper's time zone, in UTC as IIIF asks ("2022-09-01T16:00:00Z"). */
export function navDate(date: string, timeZone: string): string {
  return DateTime.fromISO(date, { zone: timeZone }).toUTC().toISO({ suppressMilliseconds: true })!;
}

/**
 * The Image API service of a page: the id that src/images wrote into the tiles' info.json (the site root, then
 * the tiles folder), which is the info.json URL without its file name.
 */
export function imageServiceId(infoJson: string, root: string): string {
  return `${root}${infoJson.replace(/^\//, "").replace(/\/info\.json$/, "")}`;
}

const mediaTypes: Record<string, string> = {
  jpeg: "image/jpeg",
  jpg: "image/jpeg",
  webp: "image/webp",
  avif: "image/avif",
  png: "image/png",
};

function mediaType(format: string): string {
  return mediaTypes[format] ?? `image/${format}`;
}

/** Absolute ids, language maps and links, all from the model's site-relative URLs. */
function ids(options: IiifOptions) {
  const abs = (url: string) => `${options.root}${url.replace(/^\//, "")}`;
  return {
    abs,
    text: (value: string): InternationalString => ({ [options.locale.lang]: [value] }),
    // Ids of what has no file of its own: under the view it belongs to, so they never clash between editions.
    canvas: (page: Page) => abs(`${page.url}canvas`),
    annotations: (page: Page) => abs(`${page.url}annotations`),
    area: (article: Article) => abs(`${article.url}area`),
    /** The Range of an article or a story, under its view's URL */
    range: (viewUrl: string) => abs(`${viewUrl}range`),
    /** A web page or file with the label IIIF asks of homepage and rendering items */
    link: (url: string, label: string, format: string): ExternalWebResource & { label: InternationalString } => ({
      id: abs(url),
      type: "Text",
      label: { [options.locale.lang]: [label] },
      format,
      ...(format === "text/html" ? { language: [options.locale.lang] } : {}),
    }),
    dataset: (url: string, schema: "edition" | "page" | "article") => ({
      id: abs(url),
      type: "Dataset" as const,
      format: "application/json",
      profile: abs(urls.schema(schema)),
    }),
  };
}
