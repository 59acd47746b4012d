// From a dump's text to the page's article files' contents: parses, names the files, assigns photos and story keys.
import { articleSchema, type ArticleFields, type FigureFields } from "../../content/schema.ts";
import { parseDump } from "./parse-dump.ts";
import { ImportError, quote, type ImportWarning } from "./problems.ts";
import { widenPunctuation } from "./punctuation.ts";
import { headlineSlug } from "./slug.ts";

export interface ImportOptions {
  /** The dump's name in errors and warnings. */
  source: string;
  /** Photo file names in the order the figures appear on the page; placeholders are written without them. */
  photos?: string[];
  /** Slugs chosen by the editor, in reading order, instead of the ones made from the headlines. */
  slugs?: string[];
  /** Keep ASCII punctuation in Chinese text as the dump has it (else it becomes ，；：？！“”). */
  keepPunctuation?: boolean;
}

export interface ImportedArticle {
  /** File name without ".md": the reading-order number and the slug, 04-dancheng-yingshang. */
  name: string;
  fields: ArticleFields;
  body: string;
  /** The headline's line in the dump. */
  line: number;
  paragraphs: number;
}

export interface ImportedPage {
  articles: ImportedArticle[];
  warnings: ImportWarning[];
}

function photoPath(name: string): string {
  const clean = name.trim().replace(/\\/g, "/").replace(/^\.\//, "");
  return clean.startsWith("photos/") ? clean : `photos/${clean}`;
}

/** Absent fields are left out of the file rather than written as empty keys. */
function dropUndefined(object: object): void {
  const record = object as Record<string, unknown>;
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
}

/** One slug per article from its headline (or the editor's), told apart when two headlines start alike. */
export function uniqueSlugs(
  articles: readonly { headline: string }[],
  options: Pick<ImportOptions, "source" | "slugs">,
): string[] {
  if (options.slugs) {
    if (options.slugs.length !== articles.length) {
      throw new ImportError(
        options.source,
        `${options.slugs.length} slugs given for ${articles.length} articles; ` +
          "give one slug per article in reading order",
      );
    }
    const bad = options.slugs.find((slug) => !/^[a-z0-9][a-z0-9-]*$/.test(slug));
    if (bad !== undefined) {
      throw new ImportError(options.source, `slug "${bad}": use lowercase letters, digits and dashes`);
    }
    return options.slugs;
  }
  const seen = new Map<string, number>();
  return articles.map((article) => {
    const slug = headlineSlug(article.headline);
    const count = (seen.get(slug) ?? 0) + 1;
    seen.set(slug, count);
    // Two headlines may start alike; story keys made from the slugs must still differ.
    return count > 1 ? `${slug}-${count}` : slug;
  });
}

/** Where an imported article came from: for its continuation warning and for errors. */
interface ArticleOrigin {
  name: string;
  slug: string;
  source: string;
  /** The headline's line in the dump; 0 when there are no lines (a PDF). */
  line: number;
}

/**
 * Finishes an imported article's fields: absent ones left out, a warning when it is continued, and the content check
 * — the importer's output must pass it; if it would not, that is a bug to report, not to write.
 */
/**
 * A genre label printed before a headline (记者手记：…, 编者按, 短评, ANALYSIS:) is a label, not part of the headline:
 * it becomes the kicker when the article has none.
 */
const LABEL =
  /^(记者手记|编者按|编后|短评|快评|时评|评论员文章|本报评论员|图片新闻|新闻链接|相关链接|延伸阅读|新闻背景)\s*[:：|｜]?\s*(?=\S)/u;

export function takeLabel(fields: ArticleFields): void {
  const match = LABEL.exec(fields.headline ?? "");
  if (!match || fields.kicker) return;
  fields.kicker = match[1];
  fields.headline = fields.headline.slice(match[0].length);
}

export function finishArticle(fields: ArticleFields, origin: ArticleOrigin, warnings: ImportWarning[]): ArticleFields {
  takeLabel(fields);
  dropUndefined(fields);
  fields.figures?.forEach(dropUndefined);
  const others = [fields.continued_from, fields.continued_on].filter(Boolean);
  if (others.length) {
    warnings.push({
      line: origin.line || undefined,
      message: `${origin.name} is continued (page ${others.join(" and ")}): give its other part the same story: ${origin.slug}`,
    });
  }
  const checked = articleSchema.safeParse(fields);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => `"${issue.path.join(".")}": ${issue.message}`).join("; ");
    throw new ImportError(
      origin.source,
      `article ${quote(fields.headline)} came out invalid (${problems})`,
      origin.line || undefined,
    );
  }
  return fields;
}

/** Imports a decoded dump: the page's articles in reading order, ready for formatArticleFile. */
export function importDump(text: string, options: ImportOptions): ImportedPage {
  const { articles: parsed, warnings } = parseDump(text, options.source);
  const widen = (value: string) => (options.keepPunctuation ? value : widenPunctuation(value));
  const widenField = (value: string | undefined) => (value === undefined ? undefined : widen(value));
  const slugs = uniqueSlugs(parsed, options);
  const figureCount = parsed.reduce((sum, article) => sum + article.figures.length, 0);
  const photos = options.photos?.map((p) => p.trim()).filter(Boolean);
  if (photos && photos.length !== figureCount) {
    const captions = parsed.flatMap((article) =>
      article.figures.map((figure) => `line ${figure.line} ${quote(figure.caption ?? "(no caption)", 12)}`),
    );
    throw new ImportError(
      options.source,
      `--photos names ${photos.length} file(s) but the dump has ${figureCount} photo(s)` +
        (captions.length ? ` (${captions.join(", ")})` : "") +
        `; give one file per photo in the order they appear, or leave out --photos and name them by hand`,
    );
  }

  let photoIndex = 0;
  const placeholders: string[] = [];
  const articles = parsed.map((article, index): ImportedArticle => {
    const name = `${String(index + 1).padStart(2, "0")}-${slugs[index]}`;
    const figures = article.figures.map((figure, n): FigureFields => {
      let file: string;
      if (photos) {
        file = photoPath(photos[photoIndex++]);
      } else {
        file = `photos/${name}-${n + 1}.jpg`;
        placeholders.push(file);
      }
      return { file, caption: widenField(figure.caption), credit: figure.credit };
    });
    const continued = article.continuedFrom !== undefined || article.continuedOn !== undefined;
    const fields: ArticleFields = {
      column: article.column,
      kicker: widenField(article.kicker),
      headline: widen(article.headline),
      subtitle: widenField(article.subtitle),
      dateline: article.dateline,
      byline: article.byline,
      mark: article.mark,
      figures: figures.length ? figures : undefined,
      story: continued ? slugs[index] : undefined,
      continued_from: article.continuedFrom,
      continued_on: article.continuedOn,
    };
    finishArticle(fields, { name, slug: slugs[index], source: options.source, line: article.line }, warnings);
    return { name, fields, body: widen(article.body), line: article.line, paragraphs: article.paragraphs };
  });

  if (placeholders.length) {
    warnings.push({
      message:
        `no --photos given: the figures got placeholder files (${placeholders.join(", ")}); ` +
        `put the photos there or change "file:" in the articles`,
    });
  }
  // In the order of the dump, so the editor can go through it top to bottom; page-wide ones last.
  const order = (warning: ImportWarning) => warning.line ?? Number.MAX_SAFE_INTEGER;
  warnings.sort((a, b) => order(a) - order(b));
  return { articles, warnings };
}
