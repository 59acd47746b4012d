// Every XML document the site writes is well-formed, read by a real XML parser: feeds, sitemaps, OpenSearch, SVG,
// the SVG selectors inside the IIIF manifests, and every file inside each edition's EPUB — for an edition whose
// text holds what XML is fussy about (& < > quotes, entities, emoji, CJK beyond the BMP, legal characters beside
// the control ranges, a form feed written as a markdown entity).
import fs from "node:fs";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import yauzl from "yauzl";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, repo, tempDir, type BuiltSite } from "../helpers/build.ts";
import { copyTree } from "../helpers/tree.ts";

const date = "2024-05-06";
/** What the edition's text carries: XML's own characters, a tab, NBSP, U+2028, U+FFFD, emoji, CJK Extension B. */
const awkward = `A&B <tag> "双引号" 'single' \u00A0\u2028 ＆ 😀 𠀀𪚥 \uFFFD`;

let site: BuiltSite;

beforeAll(() => {
  const editions = path.join(tempDir("xml"), "editions");
  copyTree(path.join(repo, "tests/bad-input/base/editions"), editions);
  const page = path.join(editions, date, "02");
  fs.writeFileSync(path.join(page, "page.yml"), `section: "综合 & <更多> \\"引\\" 😀"\n`);
  fs.writeFileSync(
    path.join(page, "02-guaizi.md"),
    [
      "---",
      `kicker: ${JSON.stringify(`引题 ${awkward}`)}`,
      `headline: ${JSON.stringify(`标题 ${awkward}`)}`,
      `subtitle: ${JSON.stringify(`副题 ]]> <![CDATA[ --> <!-- ${awkward}`)}`,
      `column: ${JSON.stringify("栏目 & <专栏> 😀")}`,
      `byline: ${JSON.stringify(`记者 ${awkward}`)}`,
      `dateline: ${JSON.stringify("本报讯 &amp; &#12; &lt;")}`,
      "figures:",
      `  - file: ../01/photos/field.png`,
      `    caption: ${JSON.stringify(`图说 ${awkward}`)}`,
      "correction:",
      `  - time: 2024-05-06 09:30`,
      `    text: ${JSON.stringify(`更正 ${awkward}`)}`,
      "---",
      "",
      `正文 ${awkward}\t制表符。`,
      "",
      // Entities markdown-it decodes: a form feed (&#12;) is one it lets through; U+FFFE and NUL it replaces.
      "实体 &amp; &lt;b&gt; &copy; &nbsp; &#12; &#x0C; &#xFFFE; &#0; &#x1F600; &#x20000;。",
      "",
      "<b>raw</b> <![CDATA[x]]> <!-- comment --> <?pi?> ]]>",
      "",
      "[链接 & <文字>](https://example.com/?a=1&b=<2>) `code & <x>` **粗体 & <y>**",
      "",
      "### 小标题 & <z> 😀",
      "",
      "- 列表 & 一",
      "- 列表 < 二",
      "",
      '> 引用 "&"',
      "",
      "---",
      "",
      "行末两个空格  ",
      "换行之后。",
      "",
    ].join("\n"),
  );
  site = buildFixture(editions);
  if (site.result.code !== 0) throw new Error(site.result.output);
});

function files(dir: string, test: (name: string) => boolean): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((rel) => test(path.basename(rel)))
    .sort();
}

/** Every entry of a ZIP, read with yauzl (a real ZIP reader). */
function unzip(file: string): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const entries: { name: string; data: Buffer }[] = [];
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(entries));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

/** What XML 1.0's Char production leaves out (C0 controls but tab, LF and CR; surrogates; U+FFFE, U+FFFF). */
const notXmlChar = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Why `text` is not well-formed XML, or null when it is. XMLValidator checks the markup but not which characters
 * the text holds, so the Char production is checked too, written out and as character references. */
function illFormed(text: string): string | null {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return `${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`;
  const line = (at: number) => text.slice(0, at).split("\n").length;
  const bad = notXmlChar.exec(text);
  if (bad)
    return `U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} is not an XML character (line ${line(bad.index)})`;
  for (const ref of text.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const code = ref[1].startsWith("x") ? parseInt(ref[1].slice(1), 16) : Number(ref[1]);
    if (code > 0x10ffff || notXmlChar.test(String.fromCodePoint(code)))
      return `${ref[0]} refers to a character XML does not allow (line ${line(ref.index)})`;
  }
  return null;
}

const isXmlName = (name: string) => /\.(xml|opf|xhtml|svg|ncx|rss|atom)$/.test(name);

/** Every string in a JSON document that is an SVG document (the IIIF manifests' area selectors). */
function svgStrings(value: unknown, found: string[] = []): string[] {
  if (typeof value === "string" && value.startsWith("<svg")) found.push(value);
  else if (value && typeof value === "object") for (const v of Object.values(value)) svgStrings(v, found);
  return found;
}

describe("every XML the site writes", () => {
  it("the awkward article's text reaches the feeds and the EPUB", async () => {
    const feed = fs.readFileSync(path.join(site.out, "feed.xml"), "utf8");
    expect(feed).toContain("标题 A&amp;B &lt;tag&gt;");
    expect(feed).toContain("😀 𠀀𪚥");
    const epub = await unzip(path.join(site.out, date, `${date}.epub`));
    const chapter = epub.find((e) => e.name === "OEBPS/page-002.xhtml")!.data.toString("utf8");
    expect(chapter).toContain("标题 A&amp;B &lt;tag&gt;");
    expect(chapter).toContain("小标题 &amp; &lt;z&gt; 😀");
  });

  it("is well-formed: every .xml, .opf, .xhtml and .svg file, the feeds, the manifests' SVG selectors and every XML file inside each EPUB", async () => {
    const problems: string[] = [];
    const kinds = new Set<string>();
    const check = (where: string, text: string) => {
      kinds.add(path.extname(where.split("!").pop()!) || "IIIF selector");
      const problem = illFormed(text);
      if (problem) problems.push(`${where}: ${problem}`);
    };
    for (const rel of files(site.out, isXmlName)) check(rel, fs.readFileSync(path.join(site.out, rel), "utf8"));
    for (const rel of files(site.out, (name) => name === "manifest.json")) {
      for (const svg of svgStrings(JSON.parse(fs.readFileSync(path.join(site.out, rel), "utf8"))))
        check(`${rel}!selector`, svg);
    }
    const epubs = files(site.out, (name) => name.endsWith(".epub"));
    expect(epubs).toEqual([`${date}/${date}.epub`]);
    for (const rel of epubs) {
      for (const entry of await unzip(path.join(site.out, rel))) {
        if (entry.name === "mimetype") continue;
        expect(isXmlName(entry.name), `${rel}!${entry.name} is not an XML file this test knows`).toBe(true);
        check(`${rel}!${entry.name}`, entry.data.toString("utf8"));
      }
    }
    expect(problems).toEqual([]);
    // The test reads every kind it should: feeds and sitemaps, the SVG assets, the EPUB's package, nav and chapters.
    expect([...kinds].sort()).toEqual([".opf", ".svg", ".xhtml", ".xml", "IIIF selector"].sort());
    expect(
      files(site.out, (name) => name.endsWith(".xml")).filter((rel) => rel.startsWith("feeds")).length,
    ).toBeGreaterThanOrEqual(3);
  });
});
