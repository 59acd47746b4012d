// Plans one synthetic edition — its pages, articles, continued stories and images — as files to write.
import yaml from "js-yaml";
import { formatArticleFile } from "../../content/article-file.ts";
import type { ArticleFields, FigureFields } from "../../content/schema.ts";
import type { ImageSet } from "./images.ts";
import { layoutPage, type Rect } from "./layout.ts";
import { mixSeed, Random } from "./random.ts";
import * as text from "./text.ts";
import { sectionSlugs, type Section } from "./words.ts";

/**
 * Every edition's lead article (the first article on the first page) ends with a paragraph holding this phrase,
 * the edition's date and an ASCII token, so search tests can find the oldest and newest edition by a word that
 * appears nowhere else. The phrase alone matches every edition.
 */
export const ARCHIVE_MARKER = "档案测试甲";

export function archiveMarker(date: string): { phrase: string; token: string; paragraph: string } {
  const token = `synth${date.replaceAll("-", "")}`;
  return {
    phrase: ARCHIVE_MARKER,
    token,
    // Spaces around the date and token keep them whole words for search engines that split Chinese text.
    paragraph: `${ARCHIVE_MARKER}：本文为合成测试稿件，出版日期 ${date} ，检索标记 ${token} 。`,
  };
}

export interface EditionInput {
  seed: number;
  /** Position in the archive, from 0; decides the edition's random stream and whether it is printed in sections. */
  index: number;
  date: string;
  issue: number;
  pages: number;
  articles: number;
  images: ImageSet;
}

export interface OutputFile {
  /** Relative to the archive folder. */
  path: string;
  data: string | Buffer;
}

export interface EditionPlan {
  /** Folders to create before writing, parents first. */
  dirs: string[];
  files: OutputFile[];
  pages: number;
  articles: number;
  figures: number;
  /** Articles continued on another page. */
  stories: number;
  sectioned: boolean;
}

/** Every 7th edition (the 3rd, 10th, 17th …) is printed in two sections, A01… and B01…. */
export function isSectioned(index: number, pages: number): boolean {
  return pages >= 2 && index % 7 === 2;
}

/** Every 10th edition names its page folders "03-jingji" rather than "03", as the format allows. */
function hasFolderNames(index: number): boolean {
  return index % 10 === 4;
}

export function pageLabels(pages: number, sectioned: boolean): string[] {
  const pad = (n: number) => String(n).padStart(2, "0");
  if (!sectioned) return Array.from({ length: pages }, (_, i) => pad(i + 1));
  const a = Math.ceil(pages / 2);
  return Array.from({ length: pages }, (_, i) => (i < a ? `A${pad(i + 1)}` : `B${pad(i - a + 1)}`));
}

interface Continuation {
  frontSlot: number;
  page: number;
  slot: number;
}

/** The second part of a continued story, made together with the first and placed when its page comes up. */
interface PendingPart {
  fields: ArticleFields;
  slug: string;
  paragraphs: string[];
}

/** Reports are about the day before publication. */
const reportDay = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return { month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

export function planEdition(input: EditionInput): EditionPlan {
  const { date, pages, images } = input;
  const rng = new Random(mixSeed(input.seed, input.index, 0xed17));
  const sectioned = isSectioned(input.index, pages);
  const labels = pageLabels(pages, sectioned);
  const sectionFronts = new Set(sectioned ? [0, Math.ceil(pages / 2)] : [0]);
  const sections = assignSections(rng, pages, sectionFronts);
  const named = hasFolderNames(input.index);
  const folders = labels.map((label, p) => (named ? `${label}-${sectionSlugs[sections[p]]}` : label));
  const counts = distribute(rng, pages, input.articles);
  const continuations = planContinuations(rng, counts, sectioned ? Math.ceil(pages / 2) : 1);
  const { month, day } = reportDay(date);

  const plan: EditionPlan = {
    dirs: [date],
    files: [],
    pages,
    articles: 0,
    figures: 0,
    stories: continuations.length,
    sectioned,
  };
  const editionFields: Record<string, unknown> = { issue: input.issue };
  if (sectioned) editionFields.note = `今日${pages}版（A叠${Math.ceil(pages / 2)}版、B叠${Math.floor(pages / 2)}版）`;
  plan.files.push({ path: `${date}/edition.yml`, data: dumpYaml(editionFields) });

  const slugs = new Set<string>();
  const newSlug = () => {
    let slug = rng.id(6);
    while (slugs.has(slug)) slug = rng.id(6);
    slugs.add(slug);
    return slug;
  };
  const pending = new Map<string, PendingPart>(); // by "page/slot"

  for (let p = 0; p < pages; p++) {
    const dir = `${date}/${folders[p]}`;
    plan.dirs.push(dir);
    const pageFields: Record<string, unknown> = { section: sections[p], scan: "page.jpg" };
    if (rng.chance(0.8)) pageFields.editor = text.personName(rng);
    plan.files.push({ path: `${dir}/page.yml`, data: dumpYaml(pageFields) });
    const scan = sectionFronts.has(p) ? images.scans[0] : images.scans[rng.int(1, images.scans.length - 1)];
    plan.files.push({ path: `${dir}/page.jpg`, data: scan });

    const rects = layoutPage(rng, counts[p], { top: sectionFronts.has(p) ? 0.16 : 0.07 });
    const numberWidth = Math.max(2, String(counts[p]).length);
    let photosDir = false;
    for (let slot = 0; slot < counts[p]; slot++) {
      const fileNumber = String(slot + 1).padStart(numberWidth, "0");
      const second = pending.get(`${p}/${slot}`);
      if (second) {
        const fields = { ...second.fields, area: rects[slot] };
        const data = formatArticleFile(fields, second.paragraphs.join("\n\n"));
        plan.files.push({ path: `${dir}/${fileNumber}-${second.slug}.md`, data });
        plan.articles++;
        continue;
      }

      const ctx = text.storyContext(rng, sections[p], month, day);
      const lead = p === 0 && slot === 0;
      const continued = p === 0 ? continuations.find((c) => c.frontSlot === slot) : undefined;
      const slug = newSlug();
      const article = freshArticle(rng, ctx, slug, rects[slot], { lead, continued: continued !== undefined });
      let paragraphs = article.paragraphs;
      if (article.fields.figures) {
        photosDir = true;
        plan.files.push({ path: `${dir}/${article.fields.figures[0].file}`, data: rng.pick(images.photos) });
        plan.figures++;
      }
      if (continued) {
        const [first, rest] = splitParagraphs(rng, paragraphs);
        paragraphs = first;
        article.fields.story = slug;
        article.fields.continued_on = labels[continued.page];
        const tail: ArticleFields = { headline: article.fields.headline, story: slug, continued_from: labels[p] };
        if (rng.chance(0.5)) tail.mark = text.mark(rng);
        pending.set(`${continued.page}/${continued.slot}`, { fields: tail, slug, paragraphs: rest });
      }
      if (lead) paragraphs = [...paragraphs, archiveMarker(date).paragraph];
      const data = formatArticleFile(article.fields, paragraphs.join("\n\n"));
      plan.files.push({ path: `${dir}/${fileNumber}-${slug}.md`, data });
      plan.articles++;
    }
    if (photosDir) plan.dirs.push(`${dir}/photos`);
  }
  return plan;
}

function dumpYaml(fields: Record<string, unknown>): string {
  return yaml.dump(fields, { lineWidth: -1, quotingType: '"' });
}

const pageSections: Section[] = ["经济", "城市", "文化", "体育", "国际", "评论", "专版"];

/** 要闻 opens the paper (and 经济 or 城市 the B section); 副刊 closes it; the beats in between vary by day. */
function assignSections(rng: Random, pages: number, fronts: Set<number>): Section[] {
  const middle = rng.shuffle(pageSections);
  return Array.from({ length: pages }, (_, p): Section => {
    if (p === 0) return "要闻";
    if (fronts.has(p)) return rng.pick(["经济", "城市"] as const);
    if (p === 1) return rng.chance(0.5) ? "要闻" : "综合";
    if (p === pages - 1 && pages >= 4) return "副刊";
    return middle[(p - 2) % middle.length];
  });
}

/** Spreads the articles over the pages: at least one a page while there are enough; fewer on the front page. */
function distribute(rng: Random, pages: number, total: number): number[] {
  if (total < pages) return Array.from({ length: pages }, (_, p) => (p < total ? 1 : 0));
  const weights = Array.from({ length: pages }, (_, p) => (p === 0 ? 0.7 : rng.float(0.6, 1.4)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - pages;
  const shares = weights.map((w) => (spare * w) / sum);
  const counts = shares.map((s) => 1 + Math.floor(s));
  let left = total - counts.reduce((a, b) => a + b, 0);
  // Largest remainders first, so the counts add up exactly.
  const order = shares.map((s, p) => ({ p, r: s - Math.floor(s) })).sort((a, b) => b.r - a.r || a.p - b.p);
  for (let i = 0; left > 0; i++, left--) counts[order[i % pages].p]++;
  return counts;
}

/**
 * On about half the days, 1–3 front-page articles continue on a later page. On a sectioned day they jump to the
 * B section when it has room, as papers printed in sections do.
 */
function planContinuations(rng: Random, counts: number[], firstTarget: number): Continuation[] {
  if (counts.length < 2 || counts[0] < 1 || !rng.chance(0.5)) return [];
  const k = rng.int(1, Math.min(3, counts[0]));
  const frontSlots = rng.sample(counts[0], k);
  const used = counts.map(() => new Set<number>());
  const free = (p: number) => counts[p] - used[p].size;
  const out: Continuation[] = [];
  for (const frontSlot of frontSlots) {
    let candidates = counts.map((_, p) => p).filter((p) => p >= firstTarget && free(p) > 0);
    if (candidates.length === 0) candidates = counts.map((_, p) => p).filter((p) => p >= 1 && free(p) > 0);
    if (candidates.length === 0) break;
    const page = rng.pick(candidates);
    const slots = Array.from({ length: counts[page] }, (_, s) => s).filter((s) => !used[page].has(s));
    const slot = rng.pick(slots);
    used[page].add(slot);
    out.push({ frontSlot, page, slot });
  }
  return out;
}

interface FreshArticle {
  fields: ArticleFields;
  paragraphs: string[];
}

const BODY_CEILING = 2000;
/** Room for the last sentence overshooting the target (≤ 70), subheads (≤ 20) and the lead's marker (≤ 60). */
const BODY_MAX_TARGET = BODY_CEILING - 200;

function freshArticle(
  rng: Random,
  ctx: text.StoryContext,
  slug: string,
  area: Rect,
  role: { lead: boolean; continued: boolean },
): FreshArticle {
  const voice = text.voiceOf(ctx.section);
  // A photo with a long caption and no text, as papers print them; never the lead or a continued story.
  const photoOnly = voice === "news" && !role.lead && !role.continued && rng.chance(0.04);
  const hasFigure = photoOnly || (voice !== "comment" && rng.chance(voice === "essay" ? 0.1 : 0.2));

  const fields: ArticleFields = { headline: text.headline(rng, ctx) };
  if (voice === "news") {
    if (rng.chance(0.12)) fields.column = text.column(rng);
    if (rng.chance(0.25)) fields.kicker = text.kicker(rng, ctx);
    if (rng.chance(0.12)) fields.subtitle = text.subtitle(rng, ctx);
    if (!photoOnly && rng.chance(0.55)) fields.dateline = text.dateline(rng, ctx);
    if (!photoOnly && rng.chance(0.85)) fields.byline = text.byline(rng, ctx, hasFigure);
  } else if (voice === "essay" || rng.chance(0.9)) {
    fields.byline = text.byline(rng, ctx, hasFigure);
  }
  if (rng.chance(voice === "news" ? 0.6 : 0.3)) fields.mark = text.mark(rng);
  if (hasFigure) {
    const figure: FigureFields = { file: `photos/${slug}.png`, caption: text.caption(rng, ctx, photoOnly) };
    if (photoOnly || rng.chance(0.7)) figure.credit = text.credit(rng);
    if (rng.chance(0.3)) figure.alt = figure.caption!.replace(/^\d+月\d+日，/, "").replace(/。.*$/, "");
    fields.figures = [figure];
  }
  fields.area = area;

  if (photoOnly) return { fields, paragraphs: [] };
  return { fields, paragraphs: text.body(rng, ctx, bodyTarget(rng, role)) };
}

/** Body lengths as a paper prints them: mostly short reports, some long features; continued stories are long. */
function bodyTarget(rng: Random, role: { lead: boolean; continued: boolean }): number {
  if (role.continued) return rng.int(1200, BODY_MAX_TARGET);
  if (role.lead) return rng.int(800, BODY_MAX_TARGET);
  const r = rng.next();
  if (r < 0.6) return rng.int(300, 900);
  if (r < 0.9) return rng.int(900, 1500);
  return rng.int(1500, BODY_MAX_TARGET);
}

/** Splits a continued story: the front page carries the first quarter to half, never ending on a subhead. */
function splitParagraphs(rng: Random, paragraphs: string[]): [string[], string[]] {
  if (paragraphs.length < 2) {
    // One long paragraph: cut it at a sentence end near the middle.
    const only = paragraphs[0] ?? "";
    const cut = only.indexOf("。", Math.floor(only.length / 2)) + 1;
    // Continued stories are given 1,200 characters or more, several paragraphs; one short sentence cannot be split.
    if (cut <= 0 || cut >= only.length) throw new Error(`cannot split a continued story of ${only.length} characters`);
    return [[only.slice(0, cut)], [only.slice(cut)]];
  }
  let m = Math.min(paragraphs.length - 1, Math.max(1, Math.round(paragraphs.length * rng.float(0.25, 0.45))));
  while (m > 1 && paragraphs[m - 1].startsWith("#")) m--;
  return [paragraphs.slice(0, m), paragraphs.slice(m)];
}
