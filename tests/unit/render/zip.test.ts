// The EPUB's ZIP writer: what it writes reads back (yauzl, a real ZIP reader) with names, bytes and methods intact.
import yauzl from "yauzl";
import { describe, expect, it } from "vitest";
import { zip } from "../../../src/render/zip.ts";

function readBack(bytes: Buffer): Promise<{ name: string; method: number; data: string }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, file) => {
      if (err || !file) return reject(err);
      const entries: { name: string; method: number; data: string }[] = [];
      file.on("entry", (entry: yauzl.Entry) => {
        file.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            entries.push({
              name: entry.fileName,
              method: entry.compressionMethod,
              data: Buffer.concat(chunks).toString("utf8"),
            });
            file.readEntry();
          });
        });
      });
      file.on("end", () => resolve(entries));
      file.readEntry();
    });
  });
}

describe("zip", () => {
  const entries = [
    { name: "mimetype", data: Buffer.from("application/epub+zip"), store: true },
    { name: "OEBPS/第二版.xhtml", data: Buffer.from("陈州街道办事处".repeat(50)) },
  ];

  it("writes entries that read back in order, stored or deflated, with UTF-8 names", async () => {
    const back = await readBack(zip(entries, new Date("2022-09-02T00:00:00Z")));
    expect(back).toEqual([
      { name: "mimetype", method: 0, data: "application/epub+zip" },
      { name: "OEBPS/第二版.xhtml", method: 8, data: "陈州街道办事处".repeat(50) },
    ]);
  });

  it("puts the stored mimetype first, uncompressed at byte 38 (as EPUB readers look for it), and is deterministic", () => {
    const bytes = zip(entries, new Date("1920-11-15T00:00:00Z"));
    expect(bytes.subarray(30, 38).toString()).toBe("mimetype");
    expect(bytes.subarray(38, 58).toString()).toBe("application/epub+zip");
    expect(zip(entries, new Date("1920-11-15T00:00:00Z")).equals(bytes)).toBe(true);
  });
});
