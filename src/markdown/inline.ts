// Puts print furniture where the print page has it: "（上接第一版）本报讯（记者 …）" at the start of the first
// paragraph, "（下转第三版）" at the end of the last, instead of on lines of their own.

/** Inserts `lead` (HTML) at the start of the first paragraph, or as a paragraph of its own before a subhead. */
export function leadIn(html: string, lead: string): string {
  if (!lead.trim()) return html;
  return html.startsWith("<p>") ? `<p>${lead}${html.slice(3)}` : `<p>${lead}</p>\n${html}`;
}

/** Appends `tail` (HTML) to the last paragraph, or as a paragraph of its own after anything else. */
export function tailOut(html: string, tail: string): string {
  if (!tail.trim()) return html;
  const body = html.trimEnd();
  return body.endsWith("</p>") ? `${body.slice(0, -4)}${tail}</p>\n` : `${body}\n<p>${tail}</p>\n`;
}
