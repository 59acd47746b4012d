// Hostile input to npm run import and npm run publish: printed text that reads as markdown stays text, a page PDF
// with scripts is cleaned before it lands in the edition, a PDF no copy can fix is refused naming the file, dates
// that do not exist are refused, and a publish root whose "current" is a real folder is refused before any build.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bodyAsText } from "../../../../src/desk/import/as-text.ts";
import { namePattern } from "../../../../src/desk/import/command.ts";
import { renderBody } from "../../../../src/markdown/index.ts";
import { repo, runScript, tempDir } from "../../../helpers/build.ts";
import { pagesPdf, rawPdf, type RawObject } from "../../../helpers/raw-pdf.ts";

describe("imported text is text", () => {
  it.each([
    ["[点此领奖](https://evil.example/phish)", "<a"],
    ["![x](https://evil.example/x.png)", "<img"],
    ["<script>alert(1)</script>", "<script"],
    ["**要闻** `code` ~~删~~", "<strong"],
    ["1. 第一条", "<ol"],
    ["- 一项", "<ul"],
    ["> 引语", "<blockquote"],
    ["# 大字", "<h1"],
  ])("%s renders as the characters printed", (printed, markup) => {
    const html = renderBody(bodyAsText(printed));
    expect(html).not.toContain(markup);
    expect(html.replace(/<\/?p>|\n/g, "")).toBe(
      printed.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
    );
  });

  it("keeps the importer's subheads and removes control characters", () => {
    expect(bodyAsText("### 小标题[1]\n\n正文\u001b[31m红\u0000字")).toBe("### 小标题\\[1\\]\n\n正文\\[31m红字");
  });
});

describe("file name patterns", () => {
  it("reads 2024050601.pdf as 2024-05-06, page 01", () => {
    expect(namePattern("*{date}{page}.pdf")("2024050601.pdf")).toEqual({ date: "2024-05-06", page: "01" });
    expect(namePattern("rmrb{date}{page}.pdf")("rmrb20240506A03.pdf")).toEqual({ date: "2024-05-06", page: "A03" });
  });
});

/** A PDF with text that reads as a markdown link, JavaScript run when it opens, and two more pages. */
function hostilePdf(): Buffer {
  const pages = 3;
  const first = 3 + pages * 2 + 1;
  return pagesPdf({
    pages,
    size: [595, 842],
    catalog: `/OpenAction ${first} 0 R`,
    page: `/Annots [${first + 1} 0 R]`,
    extra: [
      "<< /S /JavaScript /JS (app.alert(1)) >>",
      "<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /Launch /F (calc.exe) >> >>",
    ],
  });
}

describe("npm run import with a hostile page PDF", () => {
  it("keeps page 1 only, without the JavaScript and the Launch link, and says so", () => {
    const dir = tempDir("import-hostile");
    const pdf = path.join(dir, "02.pdf");
    fs.writeFileSync(pdf, hostilePdf());
    const editions = path.join(dir, "editions");
    const result = runScript("import.ts", [
      pdf,
      "--date",
      "2024-05-06",
      "--page",
      "02",
      "--section",
      "要闻",
      "--editions",
      editions,
    ]);
    expect(result.output).toMatch(/removed what a reader's PDF viewer would run or open: JavaScript/);
    expect(result.output).toMatch(/the PDF has 3 pages: page 1 is kept/);
    expect(result.output).not.toMatch(/^\s+at /m);
    const kept = fs.readFileSync(path.join(editions, "2024-05-06", "02", "page.pdf"), "latin1");
    for (const active of ["/JavaScript", "/Launch", "calc.exe"]) expect(kept).not.toContain(active);
    expect(kept).toContain("/Count 1");
  });

  it.each([
    [
      "protected by a password",
      pagesPdf({
        trailer: `/Encrypt << /Filter /Standard /V 1 /R 2 /O <${"11".repeat(32)}> /U <${"22".repeat(32)}> /P -4 >> /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]`,
      }),
      "the PDF is protected by a password",
    ],
    ["a strip 10 × 20000 pt", pagesPdf({ size: [10, 20000] }), "the page is 10 × 20000 pt"],
    ["no pages", pagesPdf({ pages: 0 }), "the PDF has no pages"],
    [
      "junk after %PDF-",
      Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(300_000, 7), Buffer.from("\nstartxref\n0\n%%EOF\n")]),
      "the PDF",
    ],
  ])("refuses %s: one message naming the file, no MuPDF noise, nothing written", (_, bytes, message) => {
    const dir = tempDir("import-refused");
    const pdf = path.join(dir, "02.pdf");
    fs.writeFileSync(pdf, bytes);
    const editions = path.join(dir, "editions");
    const result = runScript("import.ts", [
      pdf,
      "--date",
      "2024-05-06",
      "--page",
      "02",
      "--section",
      "要闻",
      "--editions",
      editions,
    ]);
    expect(result.code).toBe(2);
    const lines = result.output.split("\n").filter((l) => l.trim());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(pdf);
    expect(lines[0]).toContain(message);
    expect(fs.existsSync(editions)).toBe(false);
  });

  it("refuses a date that does not exist, without a raw error", () => {
    const dir = tempDir("import-date");
    const pdf = path.join(dir, "02.pdf");
    fs.writeFileSync(pdf, pagesPdf());
    const result = runScript("import.ts", [
      pdf,
      "--date",
      "2024-13-01",
      "--page",
      "02",
      "--section",
      "要闻",
      "--editions",
      path.join(dir, "e"),
    ]);
    expect(result.code).toBe(1);
    expect(result.output).toContain('"2024-13-01" is not a real date');
    expect(result.output).not.toContain("Invalid time value");
  });
});

/**
 * A page whose drawings nest `levels` deep, each drawing the next twice, the last drawing 100 rules: 2^16 drawings
 * stay under the nesting limits the PDF check enforces, yet MuPDF takes many seconds to read the page.
 */
function deepFormsPdf(levels = 16): Buffer {
  const first = 5;
  const font = first + levels;
  const objects: RawObject[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> /XObject << /F ${first} 0 R >> >> /Contents 4 0 R >>`,
    { dict: "<< >>", stream: "BT /F1 24 Tf 40 780 Td (Headline) Tj ET /F Do" },
  ];
  for (let k = 0; k < levels; k++) {
    const last = k === levels - 1;
    const body = last ? Array.from({ length: 100 }, (_, i) => `${i} 0 m ${i} 10 l S`).join(" ") : "/F Do /F Do";
    const resources = last ? "" : `/Resources << /XObject << /F ${first + k + 1} 0 R >> >>`;
    objects.push({ dict: `<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] ${resources} >>`, stream: body });
  }
  objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  return rawPdf(objects);
}

describe("npm run import of a page that takes too long", () => {
  const seconds = 2;

  it("alone: stops it at the time limit with one message naming the file, exit 2, nothing written", () => {
    const dir = tempDir("import-slow");
    const pdf = path.join(dir, "02.pdf");
    fs.writeFileSync(pdf, deepFormsPdf());
    const editions = path.join(dir, "editions");
    const result = runScript("import.ts", [
      pdf,
      "--date",
      "2024-05-06",
      "--page",
      "02",
      "--section",
      "要闻",
      "--editions",
      editions,
      "--page-seconds",
      String(seconds),
    ]);
    expect(result.code, result.output).toBe(2);
    const lines = result.output.split("\n").filter((l) => l.trim());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toContain(
      `${pdf}: stopped after ${seconds} s, the time limit for one page (--page-seconds); nothing was written for it. Export the page again flattened, or give its text dump`,
    );
    // The message is the time limit's own (the page was stopped, not read to its end): no clock is asked.
    expect(fs.existsSync(editions)).toBe(false);
  });

  it("in a folder: stops that page alone and imports the others, exit 2", () => {
    // The other page must be read within the limit too: 2 s was too little for it on the two shared cores under a
    // load of 14 (it was stopped as well); the slow page still takes over 10 s on an idle machine.
    const seconds = 6;
    const dir = tempDir("import-slow-folder");
    const folder = path.join(dir, "in");
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, "2024050602.pdf"), deepFormsPdf());
    fs.writeFileSync(path.join(folder, "2024050603.pdf"), pagesPdf());
    const editions = path.join(dir, "editions");
    const result = runScript("import.ts", [
      folder,
      "--section",
      "要闻",
      "--editions",
      editions,
      "--page-seconds",
      String(seconds),
      "--jobs",
      "1",
    ]);
    expect(result.code, result.output).toBe(2);
    expect(result.stdout).toContain(`FAILED   ${path.join(folder, "2024050602.pdf")}: stopped after ${seconds} s`);
    expect(result.stdout).toMatch(/^ok +.*2024050603\.pdf → /m);
    expect(result.stdout).toContain("1 page(s) imported, 1 failed");
    expect(fs.existsSync(path.join(editions, "2024-05-06", "02"))).toBe(false);
    expect(fs.existsSync(path.join(editions, "2024-05-06", "03", "page.pdf"))).toBe(true);
  });
});

describe("npm run publish into a root whose current is a real folder", () => {
  it("refuses before building, leaves the folder as it was and no temporary link", () => {
    const root = path.join(tempDir("publish-root"), "public");
    fs.mkdirSync(path.join(root, "current"), { recursive: true });
    fs.writeFileSync(path.join(root, "current", "index.html"), "old site");
    const result = runScript("publish.ts", [
      "2024-05-06",
      "--editions",
      path.join(repo, "tests/bad-input/base/editions"),
      "--root",
      root,
      "--cache",
      path.join(root, "..", "cache"),
    ]);
    expect(result.code).toBe(1);
    expect(result.output).toContain("is a real folder, not a link");
    expect(result.output).not.toContain("✓ pages");
    expect(result.output).not.toContain("EISDIR");
    expect(fs.readFileSync(path.join(root, "current", "index.html"), "utf8")).toBe("old site");
    expect(fs.readdirSync(root).filter((n) => n.startsWith("current.tmp"))).toEqual([]);
  });
});
