// What the type says: the body size of the page, which lines are display type (headlines, kickers, subheads).

/** What these rules look at in a line of type (a page line, or any line set in one type and size). */
interface SetLine {
  text: string;
  size: number;
  font: string;
}

/** The size most of the page's characters are set in. */
export function bodySize(lines: readonly SetLine[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + Array.from(line.text).length);
  }
  const ranked = [...weight.entries()].sort((a, b) => b[1] - a[1]);
  return ranked.length ? ranked[0][0] : 10;
}

/** Spaces a PDF puts between Chinese characters (or between them and digits) are not in the text. */
export function tidyCjk(text: string): string {
  const wide = "\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef“”‘’《》〈〉「」『』【】…—·";
  return text
    .replace(new RegExp(`([${wide}])\\s+`, "gu"), "$1")
    .replace(new RegExp(`\\s+([${wide}])`, "gu"), "$1")
    .trim();
}

/** The font and size most of the lines' characters are set in: an article's (or a page's) running text. */
export function runningType(lines: readonly SetLine[]): { font: string; size: number } | undefined {
  const weight = new Map<string, { font: string; size: number; n: number }>();
  for (const l of lines) {
    const key = `${l.font}@${Math.round(l.size * 2) / 2}`;
    const entry = weight.get(key) ?? { font: l.font, size: l.size, n: 0 };
    entry.n += Array.from(l.text.replace(/\s/gu, "")).length;
    weight.set(key, entry);
  }
  return [...weight.values()].sort((a, b) => b.n - a.n)[0];
}
