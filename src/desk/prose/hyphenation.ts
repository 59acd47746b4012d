// A word broken at a line's end: joined again ("pro-|gressive" → "progressive") or kept as the compound it is
// ("chaux-|de-fonnier", "well-|known"), decided by the page's own words, the language's word list and its
// hyphenation patterns.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Hyphenation pattern sets of the `hyphen` package, by the language codes proseLanguage gives. */
const PATTERNS: Record<string, string> = {
  en: "hyphen/en-us",
  fr: "hyphen/fr",
  de: "hyphen/de",
  it: "hyphen/it",
  es: "hyphen/es",
  pt: "hyphen/pt",
  nl: "hyphen/nl",
};

/** Word lists of well-kept packages, where one exists for the language: what is a word and what is not. */
const WORD_LISTS: Record<string, string> = {
  en: "an-array-of-english-words/index.json",
  fr: "an-array-of-french-words/index.json",
};

type Hyphenator = (text: string) => string;
const loaded = new Map<string, Hyphenator>();
const lists = new Map<string, ReadonlySet<string> | null>();

/** The language's word list, read once (about 0.1 s), or null where there is none. */
function wordList(language: string): ReadonlySet<string> | null {
  if (!lists.has(language)) {
    const name = WORD_LISTS[language];
    lists.set(language, name ? new Set(require(name) as string[]) : null);
  }
  return lists.get(language)!;
}

function hyphenator(language: string): Hyphenator {
  const name = PATTERNS[language] ?? PATTERNS.en;
  let found = loaded.get(name);
  if (!found) {
    found = (require(name) as { hyphenateSync: Hyphenator }).hyphenateSync;
    loaded.set(name, found);
  }
  return found;
}

/** The page's words, as the hyphenation decision consults them. */
export interface PageWords {
  /** Every word printed whole (not at a line's end), lower-cased. */
  whole: ReadonlySet<string>;
  /** Hyphenated words printed within a line ("well-known"), lower-cased. */
  compounds: ReadonlySet<string>;
}

/**
 * Collects a page's words from its lines, leaving out each line's last word (it may be the head of a broken one)
 * and its first (the tail of one: "ticipatif," after "par-").
 */
export function pageWords(lines: readonly string[]): PageWords {
  const whole = new Set<string>();
  const compounds = new Set<string>();
  for (const line of lines) {
    const words = line.trim().split(/\s+/u);
    words.slice(1, -1).forEach((w) => {
      const word = w.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
      if (!word) return;
      if (/\p{L}-\p{L}/u.test(word)) compounds.add(word);
      for (const part of word.split("-")) if (part) whole.add(part);
    });
  }
  return { whole, compounds };
}

export const NO_WORDS: PageWords = { whole: new Set(), compounds: new Set() };

/** The trailing word of `before` (ending in "-") and the leading word of `after`, as letters. */
function brokenWord(before: string, after: string): { head: string; tail: string } | null {
  const head = /(\p{L}[\p{L}'’-]*)-$/u.exec(before)?.[1];
  const tail = /^(\p{L}+)/u.exec(after)?.[1];
  return head && tail ? { head, tail } : null;
}

/**
 * Whether the hyphen ending `before` was put there by the line break (so the word is joined) rather than
 * printed as part of a compound. A capital or digit after it, a compound already hyphenated, or two halves that
 * the page prints as words of their own keep the hyphen; otherwise the page's own spelling decides, then the
 * language's word list (a word whole, or two words), then the patterns: a break where the language allows one is
 * a line-end hyphen.
 */
export function isLineBreakHyphen(
  before: string,
  after: string,
  language: string,
  words: PageWords = NO_WORDS,
): boolean {
  const parts = brokenWord(before, after);
  if (!parts || !/^\p{Ll}/u.test(after)) return false;
  // An elided article or pronoun before the word (d’ail-|leurs, l’en-|semble) is no part of it.
  const head = parts.head.toLowerCase().replace(/^\p{L}{1,4}['’]/u, "");
  const tail = parts.tail.toLowerCase();
  if (head.includes("-")) return false;
  const joined = head + tail;
  if (words.whole.has(joined)) return true;
  if (words.compounds.has(`${head}-${tail}`)) return false;
  if (/^[-‐]/u.test(after.slice(parts.tail.length)) || /^\p{L}+-\p{L}/u.test(after)) return false;
  if (head.length > 1 && tail.length > 2 && words.whole.has(head) && words.whole.has(tail)) return false;
  // The language's word list: a whole word is joined; two words of their own ("well-known") are a compound.
  const list = wordList(language);
  if (list?.has(joined)) return true;
  if (list && list.has(head) && list.has(tail) && head.length > 1 && tail.length > 1) return false;
  const breaks = hyphenator(language)(joined).split("\u00ad");
  let at = 0;
  for (const piece of breaks.slice(0, -1)) {
    at += piece.length;
    if (at === head.length) return true;
  }
  return false;
}

/** Removes soft hyphens (U+00AD): they only say where a word may break. */
export function dropSoftHyphens(text: string): string {
  return text.replace(/\u00ad/gu, "");
}
