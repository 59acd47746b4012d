// Which language a page's prose is in, from its commonest short words: what hyphenation patterns to use.

/** The function words that make up much of any running text in each language the hyphenation knows. */
const FUNCTION_WORDS: Record<string, readonly string[]> = {
  en: ["the", "and", "of", "to", "a", "in", "is", "that", "for", "it", "was", "on", "with", "he", "as"],
  fr: ["le", "la", "les", "de", "des", "et", "un", "une", "est", "que", "qui", "du", "dans", "pour", "pas"],
  de: ["der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "von", "sich", "auf"],
  it: ["il", "di", "che", "è", "la", "e", "per", "non", "un", "una", "del", "della", "sono", "con", "gli"],
  es: ["el", "de", "que", "y", "la", "los", "en", "un", "por", "con", "no", "una", "las", "del", "se"],
  pt: ["o", "de", "que", "e", "do", "da", "em", "um", "para", "com", "não", "uma", "os", "no", "se"],
  nl: ["de", "het", "een", "en", "van", "is", "dat", "niet", "te", "op", "voor", "met", "zijn", "ook"],
};

/**
 * The language of a Latin-script text, by which language's function words it uses most ("en" when it cannot
 * tell). Chinese, Japanese and Korean pages are told apart before this, by their script.
 */
export function proseLanguage(text: string): string {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best = "en";
  let bestScore = 0;
  for (const [language, list] of Object.entries(FUNCTION_WORDS)) {
    const score = list.reduce((n, w) => n + (counts.get(w) ?? 0), 0);
    if (score > bestScore) [best, bestScore] = [language, score];
  }
  return best;
}

/** Chinese, Japanese or Korean text, where lines join without a space. */
export function isCjkText(text: string): boolean {
  const chars = Array.from(text.replace(/\s/gu, ""));
  if (!chars.length) return false;
  const cjk = chars.filter((c) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(c));
  return cjk.length * 3 >= chars.length;
}
