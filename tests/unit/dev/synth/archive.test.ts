// Checks that a generated archive is deterministic and is valid content a night editor could have written.
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../../../src/content/article-file.ts";
import { articleSchema, editionSchema, pageSchema, type ArticleFields } from "../../../../src/content/schema.ts";
import {
  ARCHIVE_MARKER,
  archiveMarker,
  generateArchive,
  type ArchiveSummary,
} from "../../../../src/dev/synth/index.ts";

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "banmian-synth-"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function listFiles(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full, base)));
    else out.push(path.relative(base, full).split(path.sep).join("/"));
  }
  return out.sort();
}

/** One hash over every path and every byte, so any difference anywhere in the tree shows. */
async function treeHash(dir: string): Promise<string> {
  const hash = createHash("sha256");
  for (const file of await listFiles(dir)) {
    hash
      .update(file)
      .update("\0")
      .update(await readFile(path.join(dir, file)))
      .update("\0");
  }
  return hash.digest("hex");
}

describe("determinism", () => {
  it("gives byte-identical trees for the same seed and a different tree for another seed", async () => {
    const options = { editions: 5, pages: 8, articles: 60 };
    await generateArchive({ ...options, out: path.join(root, "same-a"), seed: 1 });
    await generateArchive({ ...options, out: path.join(root, "same-b"), seed: 1 });
    await generateArchive({ ...options, out: path.join(root, "other"), seed: 2 });

    const a = await treeHash(path.join(root, "same-a"));
    expect(await treeHash(path.join(root, "same-b"))).toBe(a);
    expect(await treeHash(path.join(root, "other"))).not.toBe(a);
    expect((await listFiles(path.join(root, "same-a"))).length).toBeGreaterThan(5 * 60);
  });

  it("makes the first editions of a longer archive the same as a shorter one", async () => {
    await generateArchive({ out: path.join(root, "short"), editions: 3, pages: 4, articles: 12, seed: 5 });
    await generateArchive({ out: path.join(root, "long"), editions: 6, pages: 4, articles: 12, seed: 5 });
    const short = await readdir(path.join(root, "short"));
    for (const date of short) {
      expect(await treeHash(path.join(root, "long", date))).toBe(await treeHash(path.join(root, "short", date)));
    }
  });
});

interface ArticleFile {
  page: string;
  name: string;
  fields: ArticleFields;
  body: string;
}

interface PageDir {
  folder: string;
  label: string;
  articles: ArticleFile[];
}

interface EditionDir {
  date: string;
  issue: number;
  pages: PageDir[];
}

async function readArchive(dir: string): Promise<EditionDir[]> {
  const editions: EditionDir[] = [];
  for (const date of (await readdir(dir)).sort()) {
    const editionDir = path.join(dir, date);
    const edition = editionSchema.parse(yaml.load(await readFile(path.join(editionDir, "edition.yml"), "utf8")));
    const pages: PageDir[] = [];
    for (const entry of (await readdir(editionDir, { withFileTypes: true })).filter((e) => e.isDirectory())) {
      const pageDir = path.join(editionDir, entry.name);
      const page = pageSchema.parse(yaml.load(await readFile(path.join(pageDir, "page.yml"), "utf8")));
      expect(page.scan).toBeDefined();
      const scan = await readFile(path.join(pageDir, page.scan!));
      expect(scan.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      const articles: ArticleFile[] = [];
      for (const name of (await readdir(pageDir)).filter((n) => n.endsWith(".md")).sort()) {
        expect(name).toMatch(/^\d{2,}-[a-z0-9][a-z0-9-]*\.md$/);
        const { yaml: front, body } = splitFrontMatter(await readFile(path.join(pageDir, name), "utf8"));
        const parsed = articleSchema.safeParse(yaml.load(front ?? ""));
        if (!parsed.success) throw new Error(`${date}/${entry.name}/${name}: ${parsed.error.message}`);
        for (const figure of parsed.data.figures ?? []) {
          const png = await readFile(path.join(pageDir, figure.file));
          expect(png.subarray(1, 4).toString()).toBe("PNG");
        }
        articles.push({ page: entry.name, name, fields: parsed.data, body });
      }
      pages.push({ folder: entry.name, label: entry.name.split("-")[0], articles });
    }
    editions.push({ date, issue: edition.issue!, pages });
  }
  return editions;
}

/** What a reader sees of a body: no subhead markers, no whitespace. */
const visible = (body: string) => body.replace(/^#+ /gm, "").replace(/\s/g, "").length;

describe("a 15-edition archive", () => {
  const articlesPerEdition = 40;
  let summary: ArchiveSummary;
  let editions: EditionDir[];
  let out: string;

  beforeAll(async () => {
    out = path.join(root, "archive");
    summary = await generateArchive({ out, editions: 15, pages: 8, articles: articlesPerEdition, seed: 7 });
    editions = await readArchive(out);
  });

  it("writes the editions it reports, with increasing issue numbers", () => {
    expect(editions).toHaveLength(15);
    expect(summary.editions).toBe(15);
    expect(summary.firstDate).toBe("2016-01-01");
    expect(editions.map((e) => e.date)).toEqual([...editions.map((e) => e.date)].sort());
    editions.forEach((e, i) => expect(e.issue).toBe(editions[0].issue + i));
  });

  it("skips days, mostly Sundays", () => {
    const days = editions.map((e) => Date.parse(e.date) / 86_400_000);
    const gaps = days.slice(1).map((d, i) => d - days[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1);
    expect(gaps.some((g) => g > 1)).toBe(true);
    expect(summary.daysSpanned).toBe(days.at(-1)! - days[0] + 1);
    const sundays = editions.filter((e) => new Date(e.date).getUTCDay() === 0).length;
    expect(sundays).toBeLessThan(summary.daysSpanned / 7);
  });

  it("puts every edition's articles on its pages, every page with a page.yml and scan", () => {
    for (const edition of editions) {
      expect(edition.pages).toHaveLength(8);
      expect(edition.pages.reduce((n, p) => n + p.articles.length, 0)).toBe(articlesPerEdition);
      for (const page of edition.pages) expect(page.folder).toMatch(/^[A-Z]?\d{2}(-[a-z]+)?$/);
    }
    expect(editions.some((e) => e.pages.some((p) => p.folder.includes("-")))).toBe(true);
  });

  it("prints some editions in sections A and B, the others as 01…08", () => {
    const sectioned = editions.filter((e) => e.pages.some((p) => /^[AB]/.test(p.label)));
    expect(sectioned.length).toBe(summary.sectionedEditions);
    expect(sectioned.length).toBeGreaterThanOrEqual(2);
    for (const edition of sectioned) {
      expect(edition.pages.map((p) => p.label).sort()).toEqual([
        "A01",
        "A02",
        "A03",
        "A04",
        "B01",
        "B02",
        "B03",
        "B04",
      ]);
    }
    const plain = editions.find((e) => !sectioned.includes(e))!;
    expect(plain.pages.map((p) => p.label).sort()).toEqual(["01", "02", "03", "04", "05", "06", "07", "08"]);
  });

  it("writes headlines of 8–24 characters and bodies of 300–2000, photo-only articles aside", () => {
    const stories = new Map<string, number>();
    for (const edition of editions) {
      for (const page of edition.pages) {
        for (const article of page.articles) {
          const { headline, story, figures } = article.fields;
          expect(headline.length, headline).toBeGreaterThanOrEqual(8);
          expect(headline.length, headline).toBeLessThanOrEqual(24);
          const length = visible(article.body);
          if (story) stories.set(`${edition.date}/${story}`, (stories.get(`${edition.date}/${story}`) ?? 0) + length);
          else if (length === 0) expect(figures?.[0]?.caption).toBeDefined();
          else {
            expect(length).toBeGreaterThanOrEqual(300);
            expect(length).toBeLessThanOrEqual(2000);
          }
        }
      }
    }
    for (const length of stories.values()) {
      expect(length).toBeGreaterThanOrEqual(1200);
      expect(length).toBeLessThanOrEqual(2000);
    }
  });

  it("gives every article an area inside the page that overlaps no other", () => {
    for (const edition of editions) {
      for (const page of edition.pages) {
        const rects = page.articles.map((a) => a.fields.area as [number, number, number, number]);
        for (const [x, y, w, h] of rects) {
          expect(w).toBeGreaterThan(0);
          expect(h).toBeGreaterThan(0);
          expect(x + w).toBeLessThanOrEqual(1);
          expect(y + h).toBeLessThanOrEqual(1);
        }
        for (let i = 0; i < rects.length; i++) {
          for (let j = i + 1; j < rects.length; j++) {
            const [ax, ay, aw, ah] = rects[i];
            const [bx, by, bw, bh] = rects[j];
            const apart = ax + aw <= bx || bx + bw <= ax || ay + ah <= by || by + bh <= ay;
            expect(apart, `${edition.date}/${page.folder}: ${page.articles[i].name} and ${page.articles[j].name}`).toBe(
              true,
            );
          }
        }
      }
    }
  });

  it("continues front-page stories on existing later pages, both parts sharing a story key", () => {
    let continued = 0;
    for (const edition of editions) {
      const labels = edition.pages.map((p) => p.label).sort();
      const parts = edition.pages.flatMap((p) => p.articles.map((a) => ({ label: p.label, ...a.fields })));
      for (const part of parts.filter((p) => p.continued_on)) {
        continued++;
        expect(part.label).toMatch(/^A?01$/);
        expect(part.story).toBeDefined();
        expect(labels).toContain(part.continued_on);
        expect(labels.indexOf(part.continued_on!)).toBeGreaterThan(labels.indexOf(part.label));
        const rest = parts.filter((p) => p.story === part.story && p !== part);
        expect(rest).toHaveLength(1);
        expect(rest[0].label).toBe(part.continued_on);
        expect(rest[0].continued_from).toBe(part.label);
        expect(rest[0].headline).toBe(part.headline);
      }
      for (const part of parts.filter((p) => p.continued_from)) {
        expect(parts.some((p) => p.story === part.story && p.continued_on === part.label)).toBe(true);
      }
    }
    expect(continued).toBe(summary.stories);
    expect(continued).toBeGreaterThanOrEqual(3);
    const sectionedJumps = editions.flatMap((e) =>
      e.pages.flatMap((p) => p.articles.filter((a) => a.fields.continued_on?.startsWith("B"))),
    );
    expect(sectionedJumps.length).toBeGreaterThan(0);
  });

  it("plants the marker phrase with the date in each edition's lead article, and its token nowhere else", async () => {
    const tokens = new Map<string, number>();
    for (const edition of editions) {
      const front = edition.pages.find((p) => /^A?01$/.test(p.label))!;
      const lead = front.articles[0];
      expect(lead.name.startsWith("01-")).toBe(true);
      expect(lead.body).toContain(archiveMarker(edition.date).paragraph);
      for (const page of edition.pages) {
        for (const article of page.articles) {
          for (const token of article.body.match(/synth\d{8}/g) ?? []) tokens.set(token, (tokens.get(token) ?? 0) + 1);
          if (article !== lead) expect(article.body).not.toContain(ARCHIVE_MARKER);
        }
      }
    }
    expect([...tokens.keys()].sort()).toEqual(editions.map((e) => archiveMarker(e.date).token));
    expect([...tokens.values()].every((n) => n === 1)).toBe(true);
  });

  it("writes page scans and photos that decode as images", async () => {
    const page = editions[0].pages[0];
    const meta = await sharp(path.join(out, editions[0].date, page.folder, "page.jpg")).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 300, 428]);
    const withFigure = editions.flatMap((e) =>
      e.pages.flatMap((p) => p.articles.filter((a) => a.fields.figures).map((a) => ({ e, p, a }))),
    )[0];
    const file = path.join(out, withFigure.e.date, withFigure.p.folder, withFigure.a.fields.figures![0].file);
    expect((await sharp(file).metadata()).format).toBe("png");
  });
});

describe("options", () => {
  it("refuses to write into a folder that already holds files, unless asked to clean it", async () => {
    const out = path.join(root, "occupied");
    await generateArchive({ out, editions: 1, pages: 2, articles: 4 });
    await writeFile(path.join(out, "keep.txt"), "x");
    await expect(generateArchive({ out, editions: 1, pages: 2, articles: 4 })).rejects.toThrow(/not empty/);
    await generateArchive({ out, editions: 1, pages: 2, articles: 4, clean: true });
    expect(await readdir(out)).toEqual(["2016-01-01"]);
  });

  it("rejects impossible dates and counts", async () => {
    const out = path.join(root, "bad");
    await expect(generateArchive({ out, editions: 1, startDate: "2016-02-30" })).rejects.toThrow(/YYYY-MM-DD/);
    await expect(generateArchive({ out, editions: 1, pages: 0 })).rejects.toThrow(/pages/);
    await expect(generateArchive({ out, editions: 1.5 })).rejects.toThrow(/editions/);
  });

  it("handles fewer articles than pages and a single page", async () => {
    const few = await readArchive(
      (await generateArchive({ out: path.join(root, "few"), editions: 3, pages: 4, articles: 2 })).out,
    );
    for (const edition of few) expect(edition.pages.flatMap((p) => p.articles)).toHaveLength(2);
    const single = await readArchive(
      (await generateArchive({ out: path.join(root, "single"), editions: 3, pages: 1, articles: 30 })).out,
    );
    for (const edition of single) expect(edition.pages.map((p) => p.label)).toEqual(["01"]);
  });
});
