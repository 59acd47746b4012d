// Dumps come as UTF-8 or as GB18030/GBK from Chinese print systems; anything else must stop with a clear error.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeDump } from "../../../../src/desk/import/decode.ts";
import { importDump } from "../../../../src/desk/import/import-page.ts";
import { ImportError } from "../../../../src/desk/import/problems.ts";

const dump = "聚焦秋粮收获\n\n## 秋粮颗粒归仓 农机服务到田\n\n**本报讯**(记者 李晓)玉米亩产1200斤,𠮷祥如意。②15\n";

function errorOf(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected an ImportError");
}

describe("decodeDump", () => {
  it("reads UTF-8, with or without a byte-order mark", () => {
    expect(decodeDump(Buffer.from(dump, "utf8"), "a.md")).toEqual({ text: dump, encoding: "utf-8" });
    expect(decodeDump(Buffer.from(`\uFEFF${dump}`, "utf8"), "a.md")).toEqual({ text: dump, encoding: "utf-8" });
  });

  it("reads GB18030, including characters beyond GBK", () => {
    const bytes = iconv.encode(dump, "gb18030");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow(); // the test's premise
    expect(decodeDump(bytes, "a.txt")).toEqual({ text: dump, encoding: "gb18030" });
  });

  it("imports a GB18030 dump with Windows line endings like its UTF-8 original", () => {
    const bytes = iconv.encode(dump.replace(/\n/g, "\r\n"), "gb18030");
    const page = importDump(decodeDump(bytes, "a.txt").text, { source: "a.txt", keepPunctuation: true });
    expect(page.articles[0].fields).toMatchObject({
      kicker: "聚焦秋粮收获",
      dateline: "本报讯",
      byline: "记者 李晓",
      mark: "②15",
    });
    expect(page.articles[0].body).toBe("玉米亩产1200斤,𠮷祥如意。");
  });

  it("reads UTF-16 with a byte-order mark", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(dump, "utf16le")]);
    expect(decodeDump(bytes, "a.txt").text).toBe(dump);
  });

  it("stops at undecodable bytes, naming the file and line and saying what to do", () => {
    const bytes = Buffer.concat([
      iconv.encode("## 标题\n\n第一段。\n", "gb18030"),
      Buffer.from([0xd6, 0xd0, 0xff, 0xfe, 0x0a]),
    ]);
    const error = errorOf(() => decodeDump(bytes, "dumps/page.txt"));
    expect(error.file).toBe("dumps/page.txt");
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/^dumps\/page\.txt:4: cannot be decoded: it is neither UTF-8 nor GB18030/);
    expect(error.message).toMatch(/Export the dump .* again as UTF-8 or GB18030/);
  });

  it("refuses a file that starts with a UTF-8 byte-order mark but is not UTF-8", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode("标题", "gb18030")]);
    expect(errorOf(() => decodeDump(bytes, "a.md")).message).toMatch(/byte-order mark but is not valid UTF-8/);
  });

  it("refuses a binary file given by mistake", () => {
    const pdfLike = Buffer.from("%PDF-1.7\n\u0000\u0001\u0002stream\n", "latin1");
    expect(errorOf(() => decodeDump(pdfLike, "page.pdf")).message).toMatch(
      /^page\.pdf:2: contains control characters .* not a text dump/,
    );
  });
});
