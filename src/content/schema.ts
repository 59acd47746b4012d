// The content format's schemas: what an edition, page and article file may say (see README "Content format").
import { DateTime } from "luxon";
import { z } from "zod";
import { limits } from "./limits.ts";

const text = z.string().trim().min(1, "must not be empty");
/** A section's or column's name: each names a feed file, whose name has room for about 80 Chinese characters. */
const name = text.max(
  limits.nameCharacters,
  `is too long for a name (at most ${limits.nameCharacters} characters): shorten it`,
);

/** A point or size as a fraction of the page's width or height. */
const fraction = z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");

export const rectSchema = z
  .tuple([fraction, fraction, fraction, fraction], {
    error: (issue) =>
      Array.isArray(issue.input) ? `expected 4 numbers [x, y, width, height], got ${issue.input.length}` : undefined,
  })
  .refine(([x, y, w, h]) => x + w <= 1.0005 && y + h <= 1.0005, {
    error: "the area reaches outside the page: x + width and y + height must be at most 1",
  })
  .refine(([, , w, h]) => w > 0 && h > 0, { error: "the area has no width or no height" });
export const polygonSchema = z
  .array(z.tuple([fraction, fraction], { error: "each point must be [x, y]" }))
  .min(3, "a polygon needs at least 3 points")
  .max(
    limits.areaPoints,
    `a polygon has at most ${limits.areaPoints} points: draw the area with fewer (npm run hotspots makes outlines of a few dozen)`,
  );

export type Rect = [number, number, number, number];
export type Polygon = [number, number][];

/** A rectangle or a polygon, told apart by shape first so the message fits what the editor wrote. */
export const areaSchema = z.unknown().transform((value, ctx): Rect | Polygon => {
  const schema = !Array.isArray(value)
    ? null
    : value.every((v) => typeof v === "number")
      ? rectSchema
      : value.every((v) => Array.isArray(v))
        ? polygonSchema
        : null;
  if (!schema) {
    ctx.addIssue({
      code: "custom",
      message: "expected [x, y, width, height] or a polygon [[x, y], …] in fractions of the page (0–1)",
    });
    return z.NEVER;
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  }
  return result.data as Rect | Polygon;
});

export const figureSchema = z.strictObject({
  file: text,
  caption: text.optional(),
  credit: text.optional(),
  alt: text.optional(),
});

/** A moment in the paper's time zone, as a night editor writes it: 2024-05-06 09:30 (or 2024-05-06T09:30:00). */
export const localTimeSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?$/,
    "expected a date and time such as 2024-05-06 09:30 (the paper's time zone)",
  )
  // The shape alone lets 2024-02-30 25:61 through, which readers would see as "Invalid DateTime".
  .refine((time) => DateTime.fromISO(time.replace(" ", "T")).isValid, {
    error: (issue) => `${JSON.stringify(issue.input)} is not a real date and time: check the day and the hour (00–23)`,
  });

/** A correction (更正): what was wrong and is now right, and when it was corrected. */
export const correctionSchema = z.strictObject({
  time: localTimeSchema,
  text,
});

/** A printed page label: "01", "2", "A01", "B3". */
export const pageLabelSchema = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v))
  .pipe(z.string().regex(/^[A-Z]?\d{1,3}$/, "expected a page label such as 01 or A03"));

export const articleSchema = z.strictObject({
  headline: text,
  kicker: text.optional(),
  subtitle: text.optional(),
  column: name.optional(),
  byline: text.optional(),
  dateline: text.optional(),
  mark: text.optional(),
  figures: z.array(figureSchema).optional(),
  area: areaSchema.optional(),
  story: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, "expected lowercase letters, digits and dashes")
    .optional(),
  continued_from: pageLabelSchema.optional(),
  continued_on: pageLabelSchema.optional(),
  /** One correction or a list of them; read as a list, oldest first */
  correction: z
    .preprocess(
      (v) => (v !== null && typeof v === "object" && !Array.isArray(v) ? [v] : v),
      z.array(correctionSchema).min(1, "give at least one correction"),
    )
    .optional(),
});

export const pageSchema = z.strictObject({
  section: name,
  scan: text.optional(),
  pdf: text.optional(),
  editor: text.optional(),
  /** Advertisements printed on the page, where the import found them: no article, listed for the editor. */
  advertisements: z.array(z.strictObject({ area: areaSchema, text: text.optional() })).optional(),
});

/** An article taken off the site (npm run publish -- DATE --withdraw SLUG writes these). */
export const withdrawalSchema = z.strictObject({
  /** The article as page label and slug: 02/chenzhou-jiedao */
  article: z
    .string()
    .regex(/^[A-Z]?\d{1,3}\/[a-z0-9][a-z0-9-]*$/, "expected the page label and slug, e.g. 02/chenzhou-jiedao"),
  time: localTimeSchema,
});

export const editionSchema = z.strictObject({
  issue: z.number().int().positive().optional(),
  note: text.optional(),
  /** How many pages the edition has: npm run desk publishes it once that many are in */
  pages: z.number().int().positive().optional(),
  withdrawn: z.array(withdrawalSchema).optional(),
});

export type ArticleFields = z.infer<typeof articleSchema>;
export type PageFields = z.infer<typeof pageSchema>;
export type EditionFields = z.infer<typeof editionSchema>;
export type Area = Rect | Polygon;
export type FigureFields = z.infer<typeof figureSchema>;
export type CorrectionFields = z.infer<typeof correctionSchema>;
export type Withdrawal = z.infer<typeof withdrawalSchema>;
