// Print systems and PDFs leave ASCII punctuation in Chinese text (行动等,该县出台); Chinese text takes the full-width forms.

const WIDE: Record<string, string> = { ",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）" };

const HAN = "\\p{Script=Han}";
/** Chinese text and the full-width punctuation around it: what makes a mark part of a Chinese sentence. */
const CJK = `${HAN}\\u3000-\\u303f\\uff01-\\uff60“”‘’《》…—`;

/** Runs of Latin text that keep their punctuation whatever surrounds them: URLs, e-mail addresses. */
const KEEP = /(?:https?:\/\/|www\.)[^\s\p{Script=Han}，。；：！？“”]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;

function widenPart(text: string): string {
  // , ; : ? ! after a Chinese character (or before one) belong to the Chinese sentence; 3,000 and 10:30 do not.
  const around = new RegExp(`(?<=[${CJK}])\\s*([,;:?!])\\s*|\\s*([,;:?!])\\s*(?=[${HAN}“‘（《])`, "gu");
  let out = text.replace(around, (_m, a: string | undefined, b: string | undefined) => WIDE[(a ?? b)!]);
  // Brackets around Chinese text: (记者 张三) → （记者 张三）.
  out = out.replace(new RegExp(`\\(([^()]*[${HAN}][^()]*)\\)`, "gu"), "（$1）");
  // Straight double quotes around or beside Chinese text, taken in pairs: the first opens, the second closes.
  out = out.replace(/"([^"\n]*)"/gu, (whole, inner: string, offset: number, all: string) => {
    const beside = new RegExp(`[${HAN}]`, "u");
    const prev = all[offset - 1] ?? "";
    const next = all[offset + whole.length] ?? "";
    return beside.test(inner) || beside.test(prev) || beside.test(next) ? `“${inner}”` : whole;
  });
  out = out.replace(new RegExp(`'([^'\\n]*[${HAN}][^'\\n]*)'`, "gu"), "‘$1’");
  return out;
}

/**
 * ASCII , ; : ? ! ( ) and straight quotes in Chinese text become ，；：？！（）“”; numbers (3,000 · 10:30), Latin
 * words and URLs keep theirs. Text without Chinese characters comes back as it was.
 */
export function widenPunctuation(text: string): string {
  if (!new RegExp(HAN, "u").test(text)) return text;
  let out = "";
  let last = 0;
  for (const match of text.matchAll(KEEP)) {
    out += widenPart(text.slice(last, match.index)) + match[0];
    last = match.index! + match[0].length;
  }
  return out + widenPart(text.slice(last));
}
