// Word boxes for search hits: the sample page PDF read with MuPDF gives lines whose every character has a box on the page.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPageWords } from "../../../src/render/words.ts";

const pdf = fs.readFileSync(path.join(import.meta.dirname, "../../../editions/2022-09-02/02/page.pdf"));

describe("readPageWords", async () => {
  const { lines } = await readPageWords(pdf);

  it("has one box per character of each line, inside the 0–1000 page box", () => {
    expect(lines.length).toBeGreaterThan(50);
    for (const line of lines) {
      expect(line.chars).toHaveLength(line.text.length);
      for (const [x0, y0, x1, y1] of line.chars) {
        expect(x0).toBeGreaterThanOrEqual(0);
        expect(y1).toBeLessThanOrEqual(1000);
        expect(x1).toBeGreaterThanOrEqual(x0);
        expect(y1).toBeGreaterThanOrEqual(y0);
      }
    }
  });

  it("finds the headline 开学第一天 where the article's area is (the sample's area is x 0.655–0.97, y 0.568–0.977)", () => {
    const line = lines.find((l) => l.text.includes("开学第一天"))!;
    expect(line).toBeDefined();
    const at = line.text.indexOf("开学");
    const [x0, y0] = line.chars[at];
    expect(x0).toBeGreaterThan(655);
    expect(x0).toBeLessThan(970);
    expect(y0).toBeGreaterThan(560);
    expect(y0).toBeLessThan(977);
  });

  it("refuses bytes that are not a PDF (the build then writes no boxes)", async () => {
    await expect(readPageWords(Buffer.from("not a pdf"))).rejects.toThrow();
  });
});
