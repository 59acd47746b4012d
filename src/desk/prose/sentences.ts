// Sentence rules the importers share: where a sentence ends, how cut lines are re-joined, how spaces are squeezed.

/**
 * Closing quotes and brackets that may follow a sentence's final punctuation: 。” or ？） or a French « … ! » with
 * its (thin) space, or a German »…«.
 */
const CLOSERS = /(?:\s*[”’"'」』》〉）)\]】〕»«›‹])+$/u;
// 。！？… end a sentence; the colon ends a paragraph that introduces a list or a quoted speech.
const FINAL = /[。！？!?…．.：:]$/u;
/** A paragraph starting like a list item (一是 / （二） / 3. / 第四，) is a real paragraph, whatever came before. */
const LIST_ITEM = new RegExp(
  "^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\\d]+[)）]|\\d+(?:[.．](?!\\d)|、)" +
    "|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[,，、]|其[一二三四五六七八九十][,，、])",
  "u",
);

/** A bracketed note closing a paragraph or standing alone: (完), （记者 张三）, (图片由受访者提供). */
const NOTE = /[(（][^()（）]*[)）]$/u;

/** Whether a paragraph ends a sentence, so the next one is a real paragraph and not the rest of a cut one. */
export function endsSentence(text: string): boolean {
  const trimmed = text.trimEnd();
  const beforeNote = trimmed.replace(NOTE, "").trimEnd();
  if (!beforeNote && trimmed) return true;
  const final = (t: string) => FINAL.test(t.replace(CLOSERS, ""));
  return final(trimmed) || (beforeNote !== trimmed && final(beforeNote));
}

/** A web or e-mail address. */
export const ADDRESS = /(?:\bwww\.|https?:\/\/)\S+|\S+@\S+\.\p{L}{2,}/u;
const ENDS_WITH_ADDRESS = new RegExp(`(?:${ADDRESS.source})$`, "u");

/** A paragraph ending in a web or e-mail address (a listing's last line) ends as printed, sentence or not. */
export function endsWithAddress(text: string): boolean {
  return ENDS_WITH_ADDRESS.test(text.trimEnd());
}

export function startsListItem(text: string): boolean {
  return LIST_ITEM.test(text);
}

/** Characters set without spaces around them: Chinese, Japanese and Korean script and full-width punctuation. */
const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef《》〈〉「」『』【】]/u;
/** Quotation marks and dashes both scripts use: the character beyond them decides. */
const SHARED = /^[“”‘’"'…—·]+|[“”‘’"'…—·]+$/gu;

/** Joins two pieces of one paragraph: no space next to Chinese characters or full-width punctuation, one elsewhere. */
export function joinText(before: string, after: string): string {
  const a = before.trimEnd();
  const b = after.trimStart();
  if (!a || !b) return a + b;
  const end = a.replace(SHARED, "").at(-1) ?? "";
  const start = b.replace(SHARED, "")[0] ?? "";
  const wide = WIDE.test(end) || WIDE.test(start) || (!end && !start);
  return wide ? a + b : `${a} ${b}`;
}

/** Collapses runs of spaces (also the ideographic space U+3000) to one ASCII space. */
export function squeezeSpaces(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}
