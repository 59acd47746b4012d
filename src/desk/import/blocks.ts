// Cuts a dump's text into blocks, one a line: banners (#), headlines (##), subheads (###) and lines of text.

export interface Block {
  kind: "banner" | "headline" | "subhead" | "text";
  text: string;
  /** 1-based line in the dump. */
  line: number;
  /** Blank lines before the block: a wide gap is where a photo sits on the page. */
  gap: number;
}

const HEADING = /^(#{1,6})[ \t\u3000]+(.*?)(?:[ \t]+#+)?$/u;
// A rule (---, ***, ————) separates stories in some exports; it carries no text.
const RULE = /^(?:([-*_—])\s*)(?:\1\s*){2,}$/u;

/** Bold markers around a whole heading add nothing: "## **标题**" is the headline 标题. */
export function unbold(text: string): string {
  const match = /^\*\*(.+)\*\*$/u.exec(text.trim());
  return (match ? match[1] : text).trim();
}

/**
 * Print systems write a paragraph to a line, and some put no blank line between paragraphs, so every line is a
 * block of its own; lines that are pieces of one paragraph are joined later by the sentence-end rule.
 */
export function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let gap = 0;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    // trim() also removes the ideographic spaces (U+3000) Chinese paragraphs are indented with.
    const trimmed = lines[i].trim();
    if (!trimmed || RULE.test(trimmed)) {
      gap++;
      continue;
    }
    const heading = HEADING.exec(trimmed);
    if (heading) {
      const level = heading[1].length;
      const kind = level === 1 ? "banner" : level === 2 ? "headline" : "subhead";
      const content = unbold(heading[2]);
      if (!content) {
        gap++;
        continue;
      }
      const last = blocks.at(-1);
      // A headline printed on two lines comes as two ## lines in a row.
      if (kind === "headline" && last?.kind === "headline" && gap === 0) {
        last.text = `${last.text} ${content}`;
      } else {
        blocks.push({ kind, text: content, line, gap });
      }
    } else {
      // A trailing backslash (or two spaces, trimmed above) is a markdown hard break: the line ends there anyway.
      blocks.push({ kind: "text", text: trimmed.replace(/\\$/u, "").trimEnd(), line, gap });
    }
    gap = 0;
  }
  return blocks;
}
