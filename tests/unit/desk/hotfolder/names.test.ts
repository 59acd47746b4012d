// Which page a file of the hot folder is, from its name: patterns, date folders, version suffixes, temporary names.
import { describe, expect, it } from "vitest";
import { namePattern } from "../../../../src/desk/import/command.ts";
import { isTemporaryName, pageFromName } from "../../../../src/desk/hotfolder/names.ts";

describe("pageFromName", () => {
  it.each([
    ["rmrb2022090302.pdf", { date: "2022-09-03", label: "02", version: 1, kind: "pdf" }],
    ["rmrb2022090312.pdf", { date: "2022-09-03", label: "12", version: 1, kind: "pdf" }],
    ["rmrb2022090302_v2.pdf", { date: "2022-09-03", label: "02", version: 2, kind: "pdf" }],
    ["rmrb2022090302-3.pdf", { date: "2022-09-03", label: "02", version: 3, kind: "pdf" }],
    ["rmrb20220903-02.pdf", { date: "2022-09-03", label: "02", version: 1, kind: "pdf" }],
    ["rmrb20220903-02_v2.pdf", { date: "2022-09-03", label: "02", version: 2, kind: "pdf" }],
    ["2022-09-03/A01.pdf", { date: "2022-09-03", label: "A01", version: 1, kind: "pdf" }],
    ["20220903/A01_v2.pdf", { date: "2022-09-03", label: "A01", version: 2, kind: "pdf" }],
    ["20220903/B3-2.pdf", { date: "2022-09-03", label: "B03", version: 2, kind: "pdf" }],
  ])("%s", (name, page) => {
    expect(pageFromName(name)).toEqual(page);
  });

  it.each([
    "A01.pdf",
    "rmrb2022023002.pdf",
    "notes.txt",
    "rmrb2022090302.pdf.part",
    ".rmrb2022090302.pdf",
    "~rmrb2022090302.pdf",
  ])("says nothing for %s", (name) => expect(pageFromName(name)).toBeUndefined());

  it("reads the editor's own pattern", () => {
    expect(pageFromName("page_02_20220903.pdf", ["page_{page}_{date}.pdf"])).toEqual({
      date: "2022-09-03",
      label: "02",
      version: 1,
      kind: "pdf",
    });
  });

  it("reads a page's text dump (.txt, .md) and scan (.jpg …) by the same name", () => {
    expect(pageFromName("rmrb2022090302_v2.txt")).toEqual({
      date: "2022-09-03",
      label: "02",
      version: 2,
      kind: "dump",
    });
    expect(pageFromName("2022-09-03/A01.md")).toEqual({ date: "2022-09-03", label: "A01", version: 1, kind: "dump" });
    expect(pageFromName("rmrb2022090302.jpg")).toEqual({ date: "2022-09-03", label: "02", version: 1, kind: "scan" });
    expect(pageFromName("rmrb2022090302.docx")).toBeUndefined();
  });
});

describe("isTemporaryName", () => {
  it.each([
    ["x.pdf.tmp", true],
    ["x.pdf.part", true],
    ["x.pdf.a1b2c3", true],
    [".~lock.x.pdf#", true],
    ["x.pdf", false],
    ["A01_v2.pdf", false],
  ])("%s → %s", (name, temporary) => expect(isTemporaryName(name)).toBe(temporary));
});

describe("namePattern", () => {
  it("reads a two-digit page after the date with a leading *", () => {
    expect(namePattern("*{date}{page}.pdf")("rmrb2022090312.pdf")).toEqual({ date: "2022-09-03", page: "12" });
  });
});
