// Finds a page folder and reads its article files, for proposing their areas.
import fs from "node:fs/promises";
import path from "node:path";
import yaml from "js-yaml";
import { splitFrontMatter } from "../../content/article-file.ts";
import { articleSchema, pageSchema, type ArticleFields } from "../../content/schema.ts";
import type { ArticleText } from "./propose.ts";

export interface PageArticle {
  /** Path of the article file. */
  file: string;
  fields: ArticleFields;
  body: string;
}

/** An article file's name: NN-slug.md. */
const articleName = /^\d+-[^/]+\.md$/;

/** Reads and checks an article file; throws an error naming the file and field on bad front matter. */
export async function readArticleFile(file: string): Promise<PageArticle> {
  const { yaml: frontMatter, body } = splitFrontMatter(await fs.readFile(file, "utf8"));
  if (frontMatter === null) throw new Error(`${file}: no front matter (--- lines) at the top`);
  let data: unknown;
  try {
    data = yaml.load(frontMatter);
  } catch (err) {
    throw new Error(`${file}: front matter is not valid YAML: ${(err as Error).message}`);
  }
  const parsed = articleSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length > 0 ? `front matter "${issue.path.join(".")}"` : "front matter";
    throw new Error(`${file}: ${field}: ${issue.message}`);
  }
  return { file, fields: parsed.data, body };
}

/** The folder of page `label` ("02", or "02-zonghe" style folders) in an edition. */
export async function findPageDir(editionsRoot: string, date: string, label: string): Promise<string> {
  const editionDir = path.join(editionsRoot, date);
  let names: string[];
  try {
    names = await fs.readdir(editionDir);
  } catch (err) {
    throw new Error(`${editionDir}: no such edition folder (${(err as NodeJS.ErrnoException).code})`);
  }
  const match = names.find((n) => n === label || n.startsWith(`${label}-`));
  if (!match) throw new Error(`${editionDir}: no page folder named ${label} or ${label}-…`);
  return path.join(editionDir, match);
}

/** The page's articles in reading order (by file name). */
export async function readPageArticles(pageDir: string): Promise<PageArticle[]> {
  const names = (await fs.readdir(pageDir)).filter((n) => articleName.test(n)).sort();
  return Promise.all(names.map((n) => readArticleFile(path.join(pageDir, n))));
}

/** The page PDF named in page.yml (default page.pdf), or null if there is none. */
export async function findPagePdf(pageDir: string): Promise<string | null> {
  let pdf = "page.pdf";
  const pageYml = path.join(pageDir, "page.yml");
  const source = await fs.readFile(pageYml, "utf8").catch(() => null); // no page.yml: the default name applies
  if (source !== null) {
    let data: unknown;
    try {
      data = yaml.load(source);
    } catch (err) {
      throw new Error(`${pageYml}: not valid YAML: ${(err as Error).message}`);
    }
    // Only "pdf" matters here; `npm run check` reports the rest of page.yml.
    const parsed = pageSchema.partial().safeParse(data);
    if (parsed.success && parsed.data.pdf) pdf = parsed.data.pdf;
  }
  const file = path.resolve(pageDir, pdf);
  const stat = await fs.stat(file).catch(() => null); // a missing PDF is answered with null, as documented
  return stat?.isFile() ? file : null;
}

/** What the matcher compares with the printed page: every printed field and the body. */
export function toArticleText(article: PageArticle): ArticleText {
  const f = article.fields;
  return {
    id: path.basename(article.file),
    column: f.column,
    kicker: f.kicker,
    headline: f.headline,
    subtitle: f.subtitle,
    dateline: f.dateline,
    byline: f.byline,
    body: article.body,
    captions: (f.figures ?? []).map((fig) => [fig.caption, fig.credit].filter(Boolean).join(" ")).filter(Boolean),
    mark: f.mark,
  };
}
