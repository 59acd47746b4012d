// Made-up Chinese newspaper text: headlines, bylines, captions and bodies assembled from the word lists.
import type { Random } from "./random.ts";
import * as w from "./words.ts";
import type { Section } from "./words.ts";

/** What one article is about; every sentence draws on it so a story reads as one story. */
export interface StoryContext {
  section: Section;
  subject: string;
  topic: string;
  /** The day before publication, when the reported events happened. */
  month: number;
  day: number;
}

export type Voice = "news" | "essay" | "comment";

export function voiceOf(section: Section): Voice {
  if (section === "副刊") return "essay";
  if (section === "评论") return "comment";
  return "news";
}

export function storyContext(rng: Random, section: Section, month: number, day: number): StoryContext {
  const beat = w.sectionTopics[section];
  const topic = beat && rng.chance(0.8) ? rng.pick(beat) : rng.pick(w.topics);
  return { section, subject: rng.pick(w.localSubjects), topic, month, day };
}

export function personName(rng: Random): string {
  const given = rng.pick(w.givenNameChars) + (rng.chance(0.7) ? rng.pick(w.givenNameChars) : "");
  return rng.pick(w.surnames) + given;
}

const HEADLINE_MIN = 8;
const HEADLINE_MAX = 24;

export function headline(rng: Random, ctx: StoryContext): string {
  const voice = voiceOf(ctx.section);
  // Forms are mixed and some come out too short or long; retrying is cheap and keeps every form in play.
  for (let attempt = 0; attempt < 20; attempt++) {
    const text =
      voice === "essay" ? essayHeadline(rng) : voice === "comment" ? commentHeadline(rng, ctx) : newsHeadline(rng, ctx);
    if (text.length >= HEADLINE_MIN && text.length <= HEADLINE_MAX) return text;
  }
  return `${ctx.subject}扎实推进${ctx.topic}`.slice(0, HEADLINE_MAX); // at least 2 + 4 + 4 characters
}

function newsHeadline(rng: Random, ctx: StoryContext): string {
  switch (rng.int(0, 5)) {
    case 0:
      return `${ctx.subject}${rng.pick(w.actions)}${ctx.topic}`;
    case 1:
      return `${ctx.subject}：${ctx.topic}${rng.pick(w.results)}`;
    case 2:
      return `${ctx.topic}${rng.pick(w.results)} ${rng.pick(w.beneficiaries)}${rng.pick(w.feelings)}`;
    case 3:
      return `${rng.pick(w.actions)}${ctx.topic} 让${rng.pick(w.beneficiaries)}${rng.pick(w.feelings)}`;
    case 4:
      return `${ctx.subject}${rng.pick(w.measures)}${rng.pick(w.goals)}`;
    default:
      return `“${ctx.topic}”${rng.pick(w.results)}`;
  }
}

function commentHeadline(rng: Random, ctx: StoryContext): string {
  switch (rng.int(0, 4)) {
    case 0:
      return `以实干推动${ctx.topic}`;
    case 1:
      return `用心用情做好${ctx.topic}`;
    case 2:
      return `让${ctx.topic}惠及更多${rng.pick(w.beneficiaries)}`;
    case 3:
      return `${ctx.topic}贵在久久为功`;
    default:
      return `${ctx.topic}要在“实”字上下功夫`;
  }
}

function essayHeadline(rng: Random): string {
  const thing = rng.pick(w.essayThings);
  // "故乡的母亲的菜园" stacks one 的 too many; a thing that has its own 的 goes without the place.
  if (thing.includes("的"))
    return `${rng.pick(["又见", "想起", "怀念", "写给"])}${thing}${rng.pick(w.essayPlainTails)}`;
  return `${rng.pick(w.essayPlaces)}的${thing}${rng.pick(w.essayTails)}`;
}

export function kicker(rng: Random, ctx: StoryContext): string {
  return rng.chance(0.6) ? ctx.subject : `聚焦${ctx.topic}`;
}

export function subtitle(rng: Random, ctx: StoryContext): string {
  return rng.chance(0.5)
    ? `——${ctx.subject}${ctx.topic}工作侧记`
    : `——记${rng.pick(w.localSubjects)}${rng.pick(w.roles)}${personName(rng)}`;
}

export function column(rng: Random): string {
  return rng.pick(w.columns);
}

export function byline(rng: Random, ctx: StoryContext, withPhoto: boolean): string {
  const voice = voiceOf(ctx.section);
  if (voice === "essay") return personName(rng);
  if (voice === "comment") return rng.chance(0.5) ? "本报评论员" : personName(rng);
  const reporter = `记者 ${personName(rng)}`;
  switch (rng.int(0, 3)) {
    case 0:
      return `${reporter} 通讯员 ${personName(rng)}`;
    case 1:
      return withPhoto ? `${reporter} 文/图` : reporter;
    case 2:
      return `通讯员 ${personName(rng)} ${personName(rng)}`;
    default:
      return reporter;
  }
}

export function dateline(rng: Random, ctx: StoryContext): string {
  return ctx.section === "国际" && rng.chance(0.5) ? "据新华社电" : "本报讯";
}

const circled = ["①", "②", "③", "④", "⑤"];

/** An editor's mark such as ②15 (printing plate and slot). */
export function mark(rng: Random): string {
  return `${rng.pick(circled)}${rng.int(1, 20)}`;
}

export function caption(rng: Random, ctx: StoryContext, long: boolean): string {
  const action = ctx.section === "体育" ? rng.pick(w.sportsCaptions) : rng.pick(w.captionActions);
  const first = `${ctx.month}月${ctx.day}日，${action}。`;
  if (!long) return first;
  return `${first}今年以来，${ctx.subject}${rng.pick(w.measures)}，${rng.pick(w.goals)}，${rng.pick(w.effects)}。`;
}

export function credit(rng: Random): string {
  return `${rng.pick(["记者", "通讯员"])} ${personName(rng)} 摄`;
}

/**
 * Paragraphs (and "### " subheads) of about `target` visible characters: never less, and at most one sentence
 * more, so a caller that wants a hard ceiling passes one sentence's worth (~80) below it.
 */
export function body(rng: Random, ctx: StoryContext, target: number): string[] {
  const voice = voiceOf(ctx.section);
  const writer = new SentenceWriter(rng, ctx, voice);
  const paragraphs: string[] = [];
  let sentences = [voice === "news" ? openingSentence(rng, ctx) : writer.next()];
  let length = sentences[0].length;
  let perParagraph = rng.int(2, 4);
  const add = (next: string) => {
    if (sentences.length >= perParagraph) {
      paragraphs.push(sentences.join(""));
      sentences = [];
      perParagraph = rng.int(1, 5);
    }
    sentences.push(next);
    length += next.length;
  };
  // A report ends by looking ahead ("下一步…"); drawn first so the body can stop short of it.
  const closing = voice === "news" ? closingSentence(rng, ctx) : undefined;
  while (length < target - (closing?.length ?? 0)) add(writer.next());
  if (closing) add(closing);
  paragraphs.push(sentences.join(""));
  if (voice === "news" && paragraphs.length >= 4 && rng.chance(0.35)) return withSubheads(rng, paragraphs);
  return paragraphs;
}

/** Subheads go between paragraphs, as in the printed page; the first paragraph stays the lede. */
function withSubheads(rng: Random, paragraphs: string[]): string[] {
  const heads = rng.shuffle(w.subheads);
  const out: string[] = [paragraphs[0]];
  let used = 0;
  for (let i = 1; i < paragraphs.length; i++) {
    if (used < 3 && (i - 1) % 2 === 0) out.push(`### ${heads[used++]}`);
    out.push(paragraphs[i]);
  }
  return out;
}

function openingSentence(rng: Random, ctx: StoryContext): string {
  switch (rng.int(0, 2)) {
    case 0: {
      const when = rng.pick(["今年以来", "近日", "近年来"]);
      return `${when}，${ctx.subject}${rng.pick(w.actions)}${ctx.topic}工作，${rng.pick(w.effects)}。`;
    }
    case 1: {
      const [place, scene] = rng.pick(w.scenes);
      return `${ctx.month}月${ctx.day}日上午，记者走进${ctx.subject}${place}，看到${scene}。`;
    }
    default:
      return `为${rng.pick(w.goals)}，${ctx.subject}坚持问题导向，${rng.pick(w.measures)}，${rng.pick(w.actions)}${ctx.topic}。`;
  }
}

function closingSentence(rng: Random, ctx: StoryContext): string {
  return rng.chance(0.5)
    ? `下一步，${ctx.subject}将继续${rng.pick(w.actions)}${ctx.topic}，${rng.pick(w.goals)}。`
    : `“下一步，我们将${rng.pick(w.actions)}${ctx.topic}，${rng.pick(w.goals)}。”${ctx.subject}相关负责人表示。`;
}

/**
 * Draws sentences for one article. A sentence the article already has is drawn again (a few times), and a news
 * sentence never follows one of the same kind, so a page reads like writing rather than a loop.
 */
class SentenceWriter {
  private readonly used = new Set<string>();
  private lastKind = -1;

  constructor(
    private readonly rng: Random,
    private readonly ctx: StoryContext,
    private readonly voice: Voice,
  ) {}

  next(): string {
    let sentence = this.draw();
    for (let attempt = 0; attempt < 5 && this.used.has(sentence); attempt++) sentence = this.draw();
    this.used.add(sentence);
    return sentence;
  }

  private draw(): string {
    const { rng, ctx } = this;
    if (this.voice === "essay") {
      const template = rng.pick(w.essaySentences);
      return template.replace("{thing}", rng.pick(w.essayThings)).replace("{name}", rng.pick(w.essayKin));
    }
    if (this.voice === "comment" && rng.chance(0.6)) return rng.pick(w.commentSentences).replace("{topic}", ctx.topic);
    let kind: number;
    if (this.lastKind < 0) kind = rng.int(0, NEWS_KINDS - 1);
    else {
      kind = rng.int(0, NEWS_KINDS - 2);
      if (kind >= this.lastKind) kind++; // any kind but the last one, evenly
    }
    this.lastKind = kind;
    return newsSentence(rng, ctx, kind);
  }
}

const NEWS_KINDS = 9;

function newsSentence(rng: Random, ctx: StoryContext, kind: number): string {
  switch (kind) {
    case 0: {
      const [a, b] = rng.sample(w.measures.length, 2).map((i) => w.measures[i]);
      return `${ctx.subject}相关负责人介绍，他们${a}，${b}，${rng.pick(w.goals)}。`;
    }
    case 1: {
      const [what, unit, min, max] = rng.pick(w.tallies);
      // "余" means "more than": reporters use it with round numbers.
      const count = unit.startsWith("余") ? Math.max(10, Math.round(rng.int(min, max) / 10) * 10) : rng.int(min, max);
      return `据了解，截至目前，${ctx.subject}累计${what}${count}${unit}，${rng.pick(w.effects)}。`;
    }
    case 2:
      return `“${rng.pick(w.quotes)}。”${rng.pick(w.speakers)}${personName(rng)}说。`;
    case 3:
      return `在${ctx.topic}中，${ctx.subject}${rng.pick(w.measures)}，${rng.pick(w.effects)}。`;
    case 4:
      return `同时，${ctx.subject}还${rng.pick(w.measures)}，${rng.pick(w.goals)}。`;
    case 5: {
      const period = ctx.month > 1 ? `今年1至${ctx.month - 1}月` : "去年全年";
      const growth = `${rng.int(2, 30)}.${rng.int(0, 9)}%`;
      const lead = `${rng.int(1, 9)}.${rng.int(0, 9)}`;
      return `据统计，${period}，全市${rng.pick(w.tallies)[0]}同比增长${growth}，高于全省平均水平${lead}个百分点。`;
    }
    case 6:
      return `${ctx.topic}事关群众切身利益，是一项重要的民生工程。`;
    case 7: {
      const [a, b] = rng.sample(w.problems.length, 2).map((i) => w.problems[i]);
      return `针对${a}、${b}等问题，${ctx.subject}${rng.pick(w.measures)}，做到发现一起、整改一起。`;
    }
    default: {
      const [place, scene] = rng.pick(w.scenes);
      return `在${place}，${scene}。`;
    }
  }
}
