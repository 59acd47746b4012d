// Readable ASCII slugs for article files, from the headline's first Chinese characters in pinyin: 开学第一天 → kaixue-diyi.
import { pinyin } from "pinyin-pro";

/** Characters of the headline the slug is made from: enough to tell articles apart, short enough for a URL. */
const HAN_IN_SLUG = 4;

/**
 * The slug for a headline: pinyin of its first four Chinese characters, two syllables to a word (Chinese words are
 * mostly two characters), Latin letters and digits as they are. "article" if nothing readable is left.
 */
export function headlineSlug(headline: string): string {
  const runs = headline.match(/\p{Script=Han}+|[A-Za-z0-9]+/gu) ?? [];
  const words: string[] = [];
  let taken = 0;
  for (const run of runs) {
    if (taken >= HAN_IN_SLUG) break;
    if (/^[A-Za-z0-9]+$/.test(run)) {
      words.push(run.toLowerCase());
      taken += 2;
      continue;
    }
    const han = Array.from(run).slice(0, HAN_IN_SLUG - taken);
    // A single syllable cut from the next phrase (郸城县：政…) reads as noise: stop at the phrase's end instead.
    if (han.length === 1 && taken >= HAN_IN_SLUG - 1) break;
    // The whole phrase goes in, so polyphones are read in context (银行 yinhang, 行政 xingzheng).
    const syllables = pinyin(run, { toneType: "none", type: "array", v: true }).slice(0, han.length);
    for (let i = 0; i < syllables.length; i += 2) words.push(syllables.slice(i, i + 2).join(""));
    taken += han.length;
  }
  const slug = words
    .map((word) => word.toLowerCase().replace(/[^a-z0-9]/g, ""))
    .filter(Boolean)
    .join("-");
  return slug || "article";
}
