// Cuts a dump's text into blocks: banners (#), headlines (##), subheads (###) and runs of text lines, with line numbers.

export interface SourceLine {
  text: string;
  line: number;
}

interface BlockBase {
  /** 1-based line in the dump where the block starts. */
  line: number;
  /** Blank lines before the block: a wide gap is where a photo sits on the page. */
  gap: number;
}
export type Block =
  | (BlockBase & { kind: "banner" | "headline" | "subhead"; text: string })
  | (BlockBase & { kind: "text"; lines: SourceLine[] });

const HEADING = /^(#{1,6})[ \t\u3000]+(.*?)(?:[ \t]+#+)?$/u;
// A rule (---, ***, ————) separates stories in some exports; it carries no text.
const RULE = /^(?:([-*_—])\s*)(?:\1\s*){2,}$/u;

/** Bold markers around a whole heading add nothing: "## **标题**" is the headline 标题. */
export function unbold(text: string): string {
  const match = /^\*\*(.+)\*\*$/u.exec(text.trim());
  return (match ? match[1] : text).trim();
}

export function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let gap = 0;
  let current: (BlockBase & { kind: "text"; lines: SourceLine[] }) | undefined;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    // trim() also removes the ideographic spaces (U+3000) Chinese paragraphs are indented with.
    const raw = lines[i];
    const trimmed = raw.trim();
    if (!trimmed || RULE.test(trimmed)) {
      current = undefined;
      gap++;
      continue;
    }
    const heading = HEADING.exec(trimmed);
    if (heading) {
      current = undefined;
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
      gap = 0;
      continue;
    }
    // Two trailing spaces or a backslash are a markdown hard break; the importer decides per line what it means.
    const textLine = { text: trimmed.replace(/\\$/u, "").trimEnd(), line };
    if (current) {
      current.lines.push(textLine);
    } else {
      current = { kind: "text", lines: [textLine], line, gap };
      blocks.push(current);
    }
    gap = 0;
  }
  return blocks;
}
