// The desk's journal: read back as written, replaced whole, and kept to the last fortnight's editions.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Journal } from "../../../../src/desk/hotfolder/journal.ts";

const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), "banmian-journal-"));

describe("Journal", () => {
  it("starts empty, and a new Journal reads what the last one saved", () => {
    const dir = temp();
    const journal = new Journal(dir);
    expect(journal.data.pages).toEqual({});
    journal.page("2024-05-01", "01").imports = 1;
    journal.note("imported 01", new Date("2024-05-01T01:00:00Z"));
    journal.save();
    const again = new Journal(dir);
    expect(again.data.pages["2024-05-01/01"].imports).toBe(1);
    expect(again.data.log).toEqual([{ time: "2024-05-01T01:00:00.000Z", text: "imported 01" }]);
    // Replaced whole: no temporary file is left beside it.
    expect(fs.readdirSync(dir)).toEqual(["journal.json"]);
  });

  it("stores what an import wrote by its content, once", () => {
    const journal = new Journal(temp());
    const files = [{ name: "01-a.md", text: "---\nheadline: A\n---\n" }];
    const hash = journal.saveBase(files);
    expect(journal.saveBase(files)).toBe(hash);
    expect(journal.base(hash)).toEqual(files);
    expect(journal.base(undefined)).toEqual([]);
  });

  it("forgets editions before a date, and the stored imports only they used", () => {
    const dir = temp();
    const journal = new Journal(dir);
    const record = (base: string) => ({
      source: "x.pdf",
      version: 1,
      inputs: {},
      hash: "h",
      base,
      time: "",
      headlines: [],
      warnings: [],
      kept: [],
    });
    const old = journal.saveBase([{ name: "01-old.md", text: "old" }]);
    const kept = journal.saveBase([{ name: "01-new.md", text: "new" }]);
    journal.page("2024-04-01", "01").imported = record(old);
    journal.page("2024-05-01", "01").imported = record(kept);
    journal.data.published["2024-04-01"] = { release: "r", time: "", kind: "edition", pages: {}, seconds: 1 };
    journal.forgetEditionsBefore("2024-05-01");
    expect(Object.keys(journal.data.pages)).toEqual(["2024-05-01/01"]);
    expect(journal.data.published).toEqual({});
    expect(fs.readdirSync(path.join(dir, "bases"))).toEqual([`${kept}.json`]);
    expect(new Journal(dir).data.pages["2024-04-01/01"]).toBeUndefined();
  });

  it("refuses a journal it did not write rather than guessing", () => {
    const dir = temp();
    fs.writeFileSync(path.join(dir, "journal.json"), JSON.stringify({ format: 9 }));
    expect(() => new Journal(dir)).toThrow(/not a journal this version of npm run desk writes/);
  });
});
