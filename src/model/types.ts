// The e-paper's domain: Edition → Page → Article, and Story for an article continued across pages.
import type { Area, ArticleFields, FigureFields } from "../content/schema.ts";

export interface ImageVariant {
  url: string;
  width: number;
  height: number;
  format: string;
}

/** A picture as readers get it: derivatives only, never the original. */
export interface Picture {
  width: number;
  height: number;
  /** Grouped by format, best first; the last group is the fallback for <img> */
  sources: { format: string; type: string; srcset: string }[];
  fallback: ImageVariant;
  /** srcset of the fallback format, for the <img> itself */
  srcset: string;
  variants: ImageVariant[];
}

export interface PageImages {
  picture: Picture;
  thumb: ImageVariant;
  /** IIIF level 0 info.json of the deep-zoom tiles */
  tiles: string | null;
}

/** What the image stage made for one page: its derivatives (null when none could be made), and the PDF readers
 * download (the cleaned copy of one that had active content) with its address. */
export interface PageMade {
  images: PageImages | null;
  pdf: { path: string; url: string } | null;
}

/** What the image stage made for one article with an area: its clipping from the page and its share card. */
export interface ArticleMade {
  clipping: ImageVariant;
  shareImage: ImageVariant;
}

/**
 * The image stage's result for the model, by id: it never writes into the model it was given; the site data
 * stage links the model again with these (model/build.ts). A page, article or figure missing here got nothing.
 */
export interface ModelImages {
  pages: ReadonlyMap<string, PageMade>;
  articles: ReadonlyMap<string, ArticleMade>;
  /** By figureId(article id, index) */
  figures: ReadonlyMap<string, Picture>;
}

/** A figure's key in ModelImages: its article's id and its place in the article's figures. */
export function figureId(articleId: string, index: number): string {
  return `${articleId}#${index}`;
}

export interface Figure extends FigureFields {
  path: string | null;
  picture: Picture | null;
  alt: string;
}

export interface Link {
  url: string;
  text: string;
}

/** "下转第三版": the label always; the link only when the other part is in the edition. */
export interface Continuation {
  text: string;
  /** As printed, with brackets */
  printed: string;
  url: string | null;
}

/** A correction (更正) as readers see it. */
export interface Correction {
  /** ISO 8601 with the paper's offset, for <time> and JSON-LD */
  time: string;
  /** As shown: 2024年5月6日 09:30 */
  label: string;
  text: string;
}

export interface Article {
  id: string;
  /** The front matter as written */
  fields: ArticleFields;
  file: string;
  slug: string;
  order: number;
  headline: string;
  kicker?: string;
  subtitle?: string;
  column?: string;
  byline?: string;
  dateline?: string;
  mark?: string;
  /** Body as markdown and as HTML */
  body: string;
  html: string;
  /** The body as plain text (no markup), for excerpts and search */
  text: string;
  /** Plain text excerpt for lists, feeds and cards */
  excerpt: string;
  figures: Figure[];
  /** Area as a polygon in fractions of the page, or null */
  polygon: [number, number][] | null;
  area: Area | undefined;
  url: string;
  page: Page;
  edition: Edition;
  story: Story | null;
  continuedFrom: Continuation | null;
  continuedOn: Continuation | null;
  previous: Link | null;
  next: Link | null;
  /** Oldest first; empty for an article never corrected */
  corrections: Correction[];
  /** The latest correction's time, or null */
  modified: string | null;
  /** Share image and clipping of the area, made by the image stage */
  clipping: ImageVariant | null;
  shareImage: ImageVariant | null;
}

export interface Page {
  id: string;
  /** The page's page.yml, for messages */
  file: string;
  label: string;
  letter: string;
  number: number;
  sequence: number;
  section: string;
  editor?: string;
  /** 第二版 / A3版 */
  name: string;
  /** 02版：综合 */
  stripLabel: string;
  url: string;
  scanPath: string | null;
  pdfPath: string | null;
  pdfUrl: string | null;
  images: PageImages | null;
  articles: Article[];
  /** The latest correction of any of its articles, or null */
  modified: string | null;
  /** Areas of the page's withdrawn articles: their words are left out of the page's word boxes */
  withdrawnAreas?: Area[];
  edition: Edition;
  previous: Link | null;
  next: Link | null;
}

export interface Edition {
  date: string;
  year: number;
  month: number;
  day: number;
  issue?: number;
  issueLabel?: string;
  /** 2022年9月2日 星期五 */
  dateLabel: string;
  /** When it came out: midnight in the paper's time zone, ISO 8601 with the offset (JSON-LD datePublished) */
  published: string;
  url: string;
  dir: string;
  pages: Page[];
  articles: Article[];
  stories: Story[];
  /** Corrected articles, in reading order; the corrections page lists them */
  corrected: Article[];
  /** The edition's corrections page, or null when nothing was corrected */
  correctionsUrl: string | null;
  /** Addresses of articles taken off the site: each answers with a "withdrawn" page */
  withdrawn: { url: string; time: string }[];
  previous: Link | null;
  next: Link | null;
}

export interface Story {
  key: string;
  headline: string;
  url: string;
  edition: Edition;
  parts: Article[];
}
