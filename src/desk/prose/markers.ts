// Editor's marks (②15) and continuation markers (上接第一版 / 下转A3版) printed in the text, and page labels.

// A circled number ①–⑳ with the compositor's count after it, printed at a paragraph's end.
const MARK_AT_END = /\s*([\u2460-\u2473]\d{1,3})\s*$/u;

/** Takes an editor's mark off the end of a paragraph. */
export function takeMark(text: string): { text: string; mark?: string } {
  const match = MARK_AT_END.exec(text);
  if (!match) return { text };
  return { text: text.slice(0, match.index).trimEnd(), mark: match[1] };
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 → 1, 十 → 10, 十二 → 12, 二十四 → 24, 一百零八 → 108; undefined if it is not a Chinese numeral. */
export function chineseNumber(numeral: string): number | undefined {
  if (!/^[零〇一二两三四五六七八九十百]+$/u.test(numeral)) return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const char of numeral) {
    if (char === "零" || char === "〇") continue; // 一百零八: the zero only holds the empty tens place
    if (char === "百" || char === "十") {
      const unit = char === "百" ? 100 : 10;
      total += (digit ?? 1) * unit;
      digit = undefined;
    } else if (digit !== undefined) {
      return undefined; // two digits in a row ("二四") is not how page numbers are printed
    } else {
      digit = DIGITS[char];
    }
  }
  return total + (digit ?? 0);
}

/** A printed page reference as a page label: 第三版 → "03", A3版 → "A03", 第十二版 → "12". */
export function pageLabel(printed: string): string | undefined {
  const match = /^([A-Z]?)\s*(\d+|[零〇一二两三四五六七八九十百]+)$/u.exec(
    printed.normalize("NFKC").toUpperCase().trim(),
  );
  if (!match) return undefined;
  const number = /^\d+$/.test(match[2]) ? Number(match[2]) : chineseNumber(match[2]);
  if (number === undefined || number < 1 || number > 999) return undefined;
  return `${match[1]}${String(number).padStart(2, "0")}`;
}

// Whatever stands where the page number should be is taken, so a misprint is reported rather than left unnoticed.
const CONTINUATION = /[(（]\s*(上接|紧接|接|下转|转)\s*(?:第\s*)?([^()（）\s]{1,8}?)\s*版\s*[)）]/gu;

/** Takes every continuation marker out of a paragraph and says which pages it points to. */
export function takeContinuations(text: string): { text: string; from?: string; on?: string; unreadable?: string } {
  const found: { from?: string; on?: string; unreadable?: string } = {};
  const rest = text.replace(CONTINUATION, (whole, direction: string, printed: string) => {
    const label = pageLabel(printed);
    if (!label) {
      found.unreadable = whole;
      return whole;
    }
    if (direction.endsWith("转")) found.on = label;
    else found.from = label;
    return "";
  });
  return { text: rest.trim(), ...found };
}
