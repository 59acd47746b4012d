// Print furniture placed inside the body's paragraphs.
import { describe, expect, it } from "vitest";
import { leadIn, tailOut } from "../../../src/markdown/inline.ts";
import { excerptOf, plainText, renderBody, renderBodyAndText } from "../../../src/markdown/index.ts";

describe("leadIn and tailOut", () => {
  it("open the first paragraph and close the last", () => {
    const html = renderBody("第一段。\n\n第二段。");
    expect(tailOut(leadIn(html, "<b>本报讯</b>"), "（下转第三版）")).toBe(
      "<p><b>本报讯</b>第一段。</p>\n<p>第二段。（下转第三版）</p>\n",
    );
  });
  it("stand on their own next to a subhead", () => {
    const html = renderBody("### 小标题\n\n正文。\n\n### 结尾");
    expect(leadIn(html, "L")).toBe("<p>L</p>\n<h2>小标题</h2>\n<p>正文。</p>\n<h2>结尾</h2>\n");
    expect(tailOut(html, "T")).toBe("<h2>小标题</h2>\n<p>正文。</p>\n<h2>结尾</h2>\n<p>T</p>\n");
  });
  it("change nothing when empty", () => {
    expect(leadIn("<p>x</p>\n", " ")).toBe("<p>x</p>\n");
    expect(tailOut("<p>x</p>\n", "")).toBe("<p>x</p>\n");
  });
});

describe("renderBody", () => {
  it("joins CJK lines without a space and shows raw HTML as text", () => {
    expect(renderBody("第一行\n第二行")).toBe("<p>第一行第二行</p>\n");
    expect(renderBody("<script>alert(1)</script>")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    expect(renderBody("[x](javascript:alert(1))")).toBe("<p>[x](javascript:alert(1))</p>\n");
  });
  it("leaves out a control character written as an entity (markdown-it decodes &#12; to a form feed)", () => {
    expect(renderBody('甲&#12;乙&#x0C;丙 [链接](https://example.com/ "题&#12;目")')).toBe(
      '<p>甲 乙 丙 <a href="https://example.com/" title="题 目">链接</a></p>\n',
    );
    expect(renderBodyAndText("甲&#12;乙").text).toBe("甲 乙");
  });
});

describe("renderBodyAndText", () => {
  it("gives from one parse what renderBody and plainText give, and excerptOf cuts the text with an ellipsis", () => {
    const body = "### 小标题\n\n第一段，**加粗**与`代码`。\n\n- 列表一\n- 列表二\n\n第二段\n接着写。";
    const { html, text } = renderBodyAndText(body);
    expect(html).toBe(renderBody(body));
    expect(text).toBe(plainText(body));
    expect(excerptOf(text, 6)).toBe(`${text.slice(0, 6)}…`);
    expect(excerptOf("短", 6)).toBe("短");
  });
});
