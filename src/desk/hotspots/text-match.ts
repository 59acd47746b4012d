// Comparing printed text with article text regardless of line wraps, spacing, punctuation and width forms.

/**
 * Letters and digits only, NFKC-folded (full-width digits, ① → 1) and lower-cased: "“创文”工作 持续" and
 * "创文工作\n持续" become the same string, as do "Tele-\ngram" and "Telegram".
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

const han = /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}/u;

/**
 * The n-gram length that tells one article's text from another's: 3 characters for Chinese (a character carries a
 * syllable), 7 for alphabetic text (letters are far less distinctive; 7 spans word boundaries, "ofthest").
 */
export function gramSizeFor(normalized: string): number {
  let cjk = 0;
  let total = 0;
  for (const ch of normalized.slice(0, 5000)) {
    total++;
    if (han.test(ch)) cjk++;
  }
  return total > 0 && cjk / total >= 0.3 ? 3 : 7;
}

/** The distinct n-grams of a normalized string; a string shorter than n is its own single gram. */
export function grams(normalized: string, n: number): Set<string> {
  const set = new Set<string>();
  const chars = Array.from(normalized);
  if (chars.length === 0) return set;
  if (chars.length <= n) {
    set.add(normalized);
    return set;
  }
  for (let i = 0; i + n <= chars.length; i++) set.add(chars.slice(i, i + n).join(""));
  return set;
}

/** An article's text prepared for matching. */
export class TextProfile {
  readonly normalized: string;
  private readonly gramSet: Set<string>;

  constructor(
    text: string,
    readonly n: number,
  ) {
    this.normalized = normalizeText(text);
    this.gramSet = grams(this.normalized, n);
  }

  /**
   * How much of a printed snippet this text contains, 0–1: the share of the snippet's n-grams found here. A
   * snippet shorter than n counts 1 when it occurs anywhere in the text.
   */
  coverage(snippet: string): number {
    if (snippet.length === 0) return 0;
    if (Array.from(snippet).length <= this.n) return this.normalized.includes(snippet) ? 1 : 0;
    const wanted = grams(snippet, this.n);
    let found = 0;
    for (const g of wanted) if (this.gramSet.has(g)) found++;
    return found / wanted.size;
  }
}
