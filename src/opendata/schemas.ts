// The JSON layer's contract: zod schemas of edition.json, page.json and article.json. docs/schemas/*.json are
// generated from these (npm run schemas) and published with the site at /schemas/; a unit test keeps them equal.
import { z } from "zod";
import { jsonVersion, type JsonSchemaName } from "./format.ts";

// Loose objects: a reader written for version 1 must keep working when fields are added (docs/api.md).
const object = z.looseObject;

const version = z.literal(jsonVersion).describe("The JSON layer's version (docs/api.md: version policy)");
const site = z.url().describe("The site's absolute root with its path prefix; every path below is relative to it");
const sitePath = z.string().regex(/^\//).describe("A path from the site root: resolve it against `site`");
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe("The edition's date, YYYY-MM-DD");
const pageLabel = z
  .string()
  .regex(/^[A-Z]?\d{1,3}$/)
  .describe("The page label as printed: 02, A03");
const fraction = z.number().min(0).max(1);
const point = z.tuple([fraction, fraction]);
const rect = z.tuple([fraction, fraction, fraction, fraction]);
const polygon = z.array(point).min(3);

const links = {
  url: sitePath.describe("The HTML view"),
  json: sitePath.describe("This record's JSON file"),
};

const pageRef = object({ label: pageLabel, section: z.string(), ...links });

export const editionJsonSchema = object({
  version,
  site,
  date: isoDate,
  issue: z.number().int().positive().optional().describe("总第N期, when the edition gives it"),
  dateLabel: z.string().describe("The date as the paper prints it, in the site's language"),
  ...links,
  firstPageUrl: sitePath,
  manifest: sitePath.describe("The edition's IIIF Presentation 3 manifest"),
  pages: z.array(pageRef).describe("In print order"),
  articles: z
    .array(
      object({
        headline: z.string(),
        ...links,
        excerpt: z.string(),
        page: pageLabel,
        section: z.string(),
        column: z.string().optional(),
        modified: z.string().optional().describe("The latest correction's time, for an article corrected since"),
        correction: z.string().optional().describe("The latest correction's text"),
      }),
    )
    .describe("Every article of the edition, page by page in reading order"),
  stories: z.array(sitePath).describe("The views of articles continued across pages"),
}).meta({ title: "Banmian edition.json", description: "One edition: its pages and articles" });

const image = object({
  url: sitePath,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  format: z.string(),
});

export const pageJsonSchema = object({
  version,
  site,
  date: isoDate,
  label: pageLabel,
  sequence: z.number().int().positive().describe("Position in the edition, from 1"),
  section: z.string().describe("版名"),
  name: z.string().describe("The page's name in the site's language: 第二版, page A4"),
  editor: z.string().optional().describe("责任编辑"),
  ...links,
  edition: sitePath.describe("The edition's JSON file"),
  manifest: sitePath,
  pdf: sitePath.nullable().describe("The page PDF, when there is one"),
  image: object({
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    largest: image,
    iiif: sitePath.describe("info.json of the IIIF Image API 3 level 0 service (static tiles)"),
  })
    .nullable()
    .describe("The page scan's derivatives; null for a page without a scan or PDF"),
  articles: z
    .array(
      object({
        headline: z.string(),
        ...links,
        area: z.union([rect, polygon]).nullable().describe("As in the article file: fractions of the page"),
      }),
    )
    .describe("In reading order"),
  previous: sitePath.nullable(),
  next: sitePath.nullable(),
}).meta({ title: "Banmian page.json", description: "One printed page (版) and its articles" });

const continuation = object({
  page: pageLabel,
  text: z.string().describe("As printed: 下转第三版"),
  url: sitePath.nullable().describe("The other part's view; null when its page is not in the edition"),
}).nullable();

export const articleJsonSchema = object({
  version,
  site,
  date: isoDate,
  page: pageLabel,
  section: z.string(),
  slug: z.string(),
  order: z.number().int().describe("Reading order on the page"),
  ...links,
  edition: sitePath,
  pageJson: sitePath,
  // The content format's fields, as the article file gives them.
  headline: z.string(),
  kicker: z.string().optional(),
  subtitle: z.string().optional(),
  column: z.string().optional(),
  byline: z.string().optional(),
  dateline: z.string().optional(),
  mark: z.string().optional(),
  figures: z.array(
    object({
      caption: z.string().optional(),
      credit: z.string().optional(),
      alt: z.string(),
      image: image.nullable(),
    }),
  ),
  area: z.union([rect, polygon]).nullable(),
  story: z.string().nullable().describe("The key shared by every part of a continued article"),
  continued_from: continuation,
  continued_on: continuation,
  storyUrl: sitePath.nullable().describe("The whole story's view, when it has parts on other pages"),
  correction: z
    .array(
      object({
        time: z.string().describe("When it was corrected: ISO 8601 with the paper's offset"),
        text: z.string(),
      }),
    )
    .describe("更正: the article file's corrections, oldest first; empty when it was never corrected"),
  modified: z.string().nullable().describe("The latest correction's time, or null"),
  body: object({
    markdown: z.string(),
    text: z.string(),
    html: z.string(),
  }),
  previous: sitePath.nullable(),
  next: sitePath.nullable(),
}).meta({ title: "Banmian article.json", description: "One article as printed on one page" });

export type EditionJson = z.infer<typeof editionJsonSchema>;
export type PageJson = z.infer<typeof pageJsonSchema>;
export type ArticleJson = z.infer<typeof articleJsonSchema>;

export const jsonSchemas: Record<JsonSchemaName, z.ZodType> = {
  edition: editionJsonSchema,
  page: pageJsonSchema,
  article: articleJsonSchema,
};

/** The JSON Schema (2020-12) of one file of the JSON layer, as checked in and published (pretty, one newline). */
export function jsonSchemaText(name: JsonSchemaName): string {
  return `${JSON.stringify(z.toJSONSchema(jsonSchemas[name]), null, 2)}\n`;
}
