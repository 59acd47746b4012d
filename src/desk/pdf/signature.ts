// What a signature looks like in print: the shapes the article reader and the letters splitter both go by.

/**
 * A person's name as a signature prints it: two to four capitalised words (Jean-Luc Wenger, A. B. Smith), perhaps
 * followed by the place the writer signs from (Anna Meier, Lausanne).
 */
export const SIGNATURE =
  /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|da|von|van|der|le|la|du)\s+)?\p{Lu}[\p{L}'’.-]*){1,3}(?:,\s*\p{Lu}[\p{L}'’.-]*(?:[\s-]+\p{Lu}[\p{L}'’.-]*){0,2})?$/u;

/** Signed in other type after the text's last sentence: short, from a capital, no sentence of its own. */
export function signedAfterText(text: string): boolean {
  return Array.from(text).length <= 100 && /^\p{Lu}/u.test(text) && !/[.!?]\s+\p{Lu}/u.test(text);
}
