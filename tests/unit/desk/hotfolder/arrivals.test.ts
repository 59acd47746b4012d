// The hot folder's watcher takes a file only once it is complete: unchanged over the settle polls, and a PDF ended.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { FolderWatch } from "../../../../src/desk/hotfolder/arrivals.ts";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "banmian-arrivals-"));
});
const names = (files: { relative: string }[]) => files.map((f) => f.relative);
const pdf = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

describe("FolderWatch", () => {
  it("takes a file once it has not changed for the settle polls, and only once", () => {
    const watch = new FolderWatch(dir, { settlePolls: 2, givenUpPolls: 50 });
    fs.writeFileSync(path.join(dir, "rmrb2022090301.pdf"), pdf);
    expect(names(watch.poll())).toEqual([]);
    expect(names(watch.poll())).toEqual([]);
    expect(names(watch.poll())).toEqual(["rmrb2022090301.pdf"]);
    expect(names(watch.poll())).toEqual([]);
  });

  it("waits while a file grows, and for a PDF's end", () => {
    const watch = new FolderWatch(dir, { settlePolls: 1, givenUpPolls: 50 });
    const file = path.join(dir, "rmrb2022090301.pdf");
    fs.writeFileSync(file, pdf.slice(0, 20));
    for (let i = 0; i < 5; i++) expect(names(watch.poll())).toEqual([]);
    expect(names(watch.arriving())).toEqual(["rmrb2022090301.pdf"]);
    fs.appendFileSync(file, pdf.slice(20));
    expect(names(watch.poll())).toEqual([]);
    expect(names(watch.poll())).toEqual(["rmrb2022090301.pdf"]);
  });

  it("waits for a JPEG's end marker and a PNG's last chunk", async () => {
    const watch = new FolderWatch(dir, { settlePolls: 1, givenUpPolls: 50 });
    const sharp = (await import("sharp")).default;
    const image = sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 10, b: 10 } } });
    const jpeg = await image.clone().jpeg().toBuffer();
    const png = await image.clone().png().toBuffer();
    fs.writeFileSync(path.join(dir, "rmrb2022090301.jpg"), jpeg.subarray(0, jpeg.length - 10));
    fs.writeFileSync(path.join(dir, "rmrb2022090302.png"), png.subarray(0, png.length - 4));
    for (let i = 0; i < 4; i++) expect(names(watch.poll())).toEqual([]);
    fs.appendFileSync(path.join(dir, "rmrb2022090301.jpg"), jpeg.subarray(jpeg.length - 10));
    fs.appendFileSync(path.join(dir, "rmrb2022090302.png"), png.subarray(png.length - 4));
    watch.poll();
    expect(names(watch.poll())).toEqual(["rmrb2022090301.jpg", "rmrb2022090302.png"]);
  });

  it("takes a PDF that stopped half-way after the give-up polls (its import then says it is damaged)", () => {
    const watch = new FolderWatch(dir, { settlePolls: 1, givenUpPolls: 3 });
    fs.writeFileSync(path.join(dir, "rmrb2022090301.pdf"), pdf.slice(0, 20));
    const taken = [1, 2, 3, 4].map(() => names(watch.poll()));
    expect(taken).toEqual([[], [], [], ["rmrb2022090301.pdf"]]);
  });

  it("ignores temporary names until the file is renamed into place, and looks into date folders", () => {
    const watch = new FolderWatch(dir, { settlePolls: 1, givenUpPolls: 50 });
    fs.mkdirSync(path.join(dir, "2022-09-03"));
    fs.writeFileSync(path.join(dir, "2022-09-03", "A01.pdf.tmp"), pdf);
    watch.poll();
    expect(names(watch.poll())).toEqual([]);
    fs.renameSync(path.join(dir, "2022-09-03", "A01.pdf.tmp"), path.join(dir, "2022-09-03", "A01.pdf"));
    watch.poll();
    expect(names(watch.poll())).toEqual(["2022-09-03/A01.pdf"]);
  });

  it("takes a file again when it is replaced, and not one a restart knows", () => {
    const watch = new FolderWatch(dir, { settlePolls: 1, givenUpPolls: 50 });
    const file = path.join(dir, "a.pdf");
    fs.writeFileSync(file, pdf);
    watch.poll();
    expect(names(watch.poll())).toEqual(["a.pdf"]);
    fs.writeFileSync(file, `${pdf}%more\n%%EOF\n`);
    watch.poll();
    expect(names(watch.poll())).toEqual(["a.pdf"]);
    const restarted = new FolderWatch(dir, { settlePolls: 1, givenUpPolls: 50 });
    const stat = fs.statSync(file);
    const known = (f: { relative: string; size: number; mtimeMs: number }) =>
      f.size === stat.size && f.mtimeMs === stat.mtimeMs;
    restarted.poll(known);
    expect(names(restarted.poll(known))).toEqual([]);
  });
});
