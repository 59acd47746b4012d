import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readArticleFile } from "../../../../src/desk/hotspots/page-articles.ts";
import { formatHotspotsReport, proposePageHotspots } from "../../../../src/desk/hotspots/run.ts";
import { areaBounds } from "../../../../src/model/geometry.ts";

const fixtures = new URL("../../../fixtures/hotspots", import.meta.url).pathname;
const pdf = new URL("../../../fixtures/seed/page.pdf", import.meta.url).pathname;

/** A copy of the hotspots fixture page in a temporary editions folder, with the seed PDF named in page.yml. */
async function tempEdition(): Promise<{ root: string; pageDir: string; pdf: string }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "banmian-hotspots-"));
  const pageDir = path.join(root, "2022-09-02", "02");
  await fs.cp(path.join(fixtures, "2022-09-02/02"), pageDir, { recursive: true });
  await fs.mkdir(path.join(root, "2022-09-02", "pdf"));
  await fs.copyFile(pdf, path.join(root, "2022-09-02", "pdf", "seed.pdf"));
  await fs.writeFile(path.join(pageDir, "page.yml"), "section: 综合\npdf: ../pdf/seed.pdf\n");
  return { root, pageDir, pdf: await fs.realpath(path.join(root, "2022-09-02", "pdf", "seed.pdf")) };
}

describe("proposePageHotspots", () => {
  it("proposes from the page PDF named in page.yml and, on a dry run, writes nothing", async () => {
    const { root, pageDir, pdf: named } = await tempEdition();
    try {
      const before = await fs.readFile(path.join(pageDir, "03-laojiu-xiaoqu.md"), "utf8");
      const report = await proposePageHotspots({ editionsRoot: root, date: "2022-09-02", page: "02", dryRun: true });
      expect(report.source).toBe(named);
      expect(report.rows.map((r) => [path.basename(r.file), r.status])).toEqual([
        ["01-xingzheng-fuwu.md", "not written"],
        ["02-chenzhou-jiedao.md", "not written"],
        ["03-laojiu-xiaoqu.md", "not written"],
        ["04-dancheng-yingshang.md", "not written"],
        ["05-kaixue-diyitian.md", "not written"],
      ]);
      expect(await fs.readFile(path.join(pageDir, "03-laojiu-xiaoqu.md"), "utf8")).toBe(before);

      const table = formatHotspotsReport(report);
      expect(table).toContain("03-laojiu-xiaoqu.md");
      expect(table).toContain("outline of 8 points in [0.03, 0.484, 0.93, 0.068]");
      // What was matched, by role, text and place — not by the block numbers MuPDF happens to give them.
      const laojiu = report.rows.find((r) => r.file.endsWith("03-laojiu-xiaoqu.md"))!;
      const roles = new Set(laojiu.regions.map((r) => r.role));
      expect(roles).toContain("headline");
      expect(roles).toContain("figure");
      const headline = laojiu.regions
        .filter((r) => r.role === "headline")
        .map((r) => r.text)
        .join("");
      expect(headline.replace(/\s/g, "")).toContain("加快老旧小区改造");
      expect(
        laojiu.regions
          .filter((r) => r.role !== "figure")
          .map((r) => r.text)
          .join(""),
      ).toContain("声屏家属院");
      const [x, y, w, h] = areaBounds(laojiu.area!);
      for (const {
        bbox: [bx, by, bw, bh],
        text,
      } of laojiu.regions) {
        expect(bx, text).toBeGreaterThanOrEqual(x - 0.005);
        expect(by, text).toBeGreaterThanOrEqual(y - 0.005);
        expect(bx + bw, text).toBeLessThanOrEqual(x + w + 0.005);
        expect(by + bh, text).toBeLessThanOrEqual(y + h + 0.005);
      }
      // The table lists the matched blocks by whatever names the layout gave them.
      const line = table.split("\n").find((l) => l.includes("03-laojiu-xiaoqu.md"))!;
      expect(laojiu.blocks.length).toBeGreaterThan(0);
      for (const block of laojiu.blocks) expect(line).toContain(block);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });

  it("refuses a page PDF that page.yml names outside the edition folder", async () => {
    const { root, pageDir } = await tempEdition();
    try {
      await fs.copyFile(pdf, path.join(root, "outside.pdf"));
      await fs.writeFile(path.join(pageDir, "page.yml"), "section: 综合\npdf: ../../outside.pdf\n");
      await expect(
        proposePageHotspots({ editionsRoot: root, date: "2022-09-02", page: "02", dryRun: true }),
      ).rejects.toThrow(/page\.yml: front matter "pdf": "\.\.\/\.\.\/outside\.pdf" points outside the edition folder/);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });

  it("names the article file whose front matter is broken", async () => {
    const { root, pageDir } = await tempEdition();
    try {
      await fs.writeFile(path.join(pageDir, "02-chenzhou-jiedao.md"), "---\nheadline: [unclosed\n---\nbody\n");
      await expect(
        proposePageHotspots({ editionsRoot: root, date: "2022-09-02", page: "02", dryRun: true }),
      ).rejects.toThrow(/02-chenzhou-jiedao\.md.*invalid YAML/);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });

  it("writes only the articles without an area, then all with force", async () => {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "banmian-hotspots-"));
    try {
      const pageDir = path.join(tmp, "2022-09-02", "02-zonghe");
      await fs.cp(path.join(fixtures, "2022-09-02/02"), pageDir, { recursive: true });
      await fs.copyFile(pdf, path.join(pageDir, "page.pdf"));
      await fs.writeFile(path.join(pageDir, "page.yml"), "section: 综合\n");
      const third = path.join(pageDir, "03-laojiu-xiaoqu.md");
      await fs.writeFile(third, (await fs.readFile(third, "utf8")).replace(/^area: .*\n/m, ""));

      const first = await proposePageHotspots({ editionsRoot: tmp, date: "2022-09-02", page: "02" });
      expect(first.rows.map((r) => r.status)).toEqual(["kept", "kept", "written", "kept", "kept"]);
      // The outline of the photo on the left, taller than the text block beside it, and the text block.
      expect((await readArticleFile(third)).fields.area).toEqual([
        [0.242, 0.484],
        [0.242, 0.489],
        [0.96, 0.489],
        [0.96, 0.545],
        [0.242, 0.545],
        [0.242, 0.552],
        [0.03, 0.552],
        [0.03, 0.484],
      ]);

      const forced = await proposePageHotspots({ editionsRoot: tmp, date: "2022-09-02", page: "02", force: true });
      expect(forced.rows.map((r) => r.status)).toEqual(["written", "written", "unchanged", "written", "written"]);
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
  });

  it("says which page folder is missing", async () => {
    await expect(proposePageHotspots({ editionsRoot: fixtures, date: "2022-09-02", page: "07" })).rejects.toThrow(
      /no page folder named 07/,
    );
  });
});
