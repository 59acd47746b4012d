// How many pages the desk waits for: edition.yml's `pages`, else --pages.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectedPages } from "../../../../src/desk/hotfolder/desk.ts";

describe("expectedPages", () => {
  const editionsDir = fs.mkdtempSync(path.join(os.tmpdir(), "banmian-expected-"));
  const edition = (date: string, yml: string) => {
    fs.mkdirSync(path.join(editionsDir, date), { recursive: true });
    fs.writeFileSync(path.join(editionsDir, date, "edition.yml"), yml);
  };
  edition("2024-05-01", "issue: 12866\npages: 24\n");
  edition("2024-05-02", "issue: 12867\n");
  edition("2024-05-03", "pages: [broken\n");

  it.each([
    ["2024-05-01", 8, 24],
    ["2024-05-02", 8, 8],
    ["2024-05-03", 8, 8],
    ["2024-05-04", 8, 8],
    ["2024-05-02", undefined, undefined],
  ])("%s with --pages %s: %s", (date, pages, expected) => {
    expect(expectedPages({ editionsDir, pages }, date)).toBe(expected);
  });
});
