// Control characters (NUL, ESC, VT, FF, DEL, C1 controls, non-characters): no printed text has them, XML 1.0
// cannot carry most of them (a feed or an EPUB with one is ill-formed), and terminals act on them. One definition
// for every place text enters: editions' files refuse them, imports remove them.

/** Tab, line feed and carriage return are text; every other C0 control, DEL, the C1 controls and U+FFFE/U+FFFF
 * are not. */
export const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

const names: Record<number, string> = {
  0: "NUL",
  8: "BS",
  11: "VT (vertical tab)",
  12: "FF (form feed)",
  27: "ESC",
  127: "DEL",
};

/** "U+001B ESC": how a control character is named in a message. */
export function describeControl(char: string): string {
  const code = char.codePointAt(0)!;
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}${names[code] ? ` ${names[code]}` : ""}`;
}

/** The first control character in `text` and its line (from 1), or null when there is none. */
export function findControl(text: string): { char: string; line: number } | null {
  controlCharacters.lastIndex = 0;
  const match = controlCharacters.exec(text);
  controlCharacters.lastIndex = 0;
  if (!match) return null;
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < match.index; i = text.indexOf("\n", i + 1)) line++;
  return { char: match[0], line };
}

/** `text` without its control characters (a form feed or vertical tab becomes a space, as it separated words). */
export function withoutControls(text: string): string {
  return text.replace(/[\u000B\u000C]/g, " ").replace(controlCharacters, "");
}
