// replaceAreaLine: the one way an area is written into an article file, every other byte kept.
import { describe, expect, it } from "vitest";
import { replaceAreaLine } from "../../../src/content/article-file.ts";

const body = "\n正文第一段。\n\n### 小标题\n\n正文。\n";

describe("replaceAreaLine", () => {
  it("replaces the area line and keeps every other byte, comments and odd spacing included", () => {
    const source = `---\nheadline:   标题  # 编辑注\nmark: ②15\narea: [0.1, 0.2, 0.3, 0.4]\nstory: x\n---\n${body}`;
    expect(
      replaceAreaLine(source, [
        [0.1, 0.2],
        [0.5, 0.2],
        [0.3, 0.6],
      ]),
    ).toBe(
      `---\nheadline:   标题  # 编辑注\nmark: ②15\narea: [[0.1, 0.2], [0.5, 0.2], [0.3, 0.6]]\nstory: x\n---\n${body}`,
    );
  });

  it("turns a block-style area into the one line", () => {
    const source = `---\nheadline: 标题\narea:\n  - [0.1, 0.2]\n  - [0.5, 0.2]\n  - [0.3, 0.6]\ncontinued_on: "03"\n---\n${body}`;
    expect(replaceAreaLine(source, [0.1, 0.2, 0.3, 0.4])).toBe(
      `---\nheadline: 标题\narea: [0.1, 0.2, 0.3, 0.4]\ncontinued_on: "03"\n---\n${body}`,
    );
  });

  it("puts a new area where the canonical layout has it: before story and continuations, else last", () => {
    expect(replaceAreaLine(`---\nheadline: 标题\nstory: x\n---\n${body}`, [0.1, 0.2, 0.3, 0.4])).toBe(
      `---\nheadline: 标题\narea: [0.1, 0.2, 0.3, 0.4]\nstory: x\n---\n${body}`,
    );
    expect(replaceAreaLine(`---\nheadline: 标题\n---\n${body}`, [0.1, 0.2, 0.3, 0.4])).toBe(
      `---\nheadline: 标题\narea: [0.1, 0.2, 0.3, 0.4]\n---\n${body}`,
    );
  });

  it("keeps CRLF line endings and a byte-order mark", () => {
    const source = `\uFEFF---\r\nheadline: 标题\r\narea: [0.1, 0.2, 0.3, 0.4]\r\n---\r\n\r\n正文。\r\n`;
    expect(replaceAreaLine(source, [0.2, 0.2, 0.3, 0.4])).toBe(
      `\uFEFF---\r\nheadline: 标题\r\narea: [0.2, 0.2, 0.3, 0.4]\r\n---\r\n\r\n正文。\r\n`,
    );
  });

  it("gives null for a file without front matter", () => {
    expect(replaceAreaLine("正文。\n", [0.1, 0.2, 0.3, 0.4])).toBeNull();
  });
});
