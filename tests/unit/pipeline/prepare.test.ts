// The content and model stages (src/pipeline/prepare.ts): which editions are read, and the model linked again
// with what the image stage made, the model stage's own left as it was.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../../src/content/diagnostics.ts";
import { buildModel, linkImages, readContent } from "../../../src/pipeline/prepare.ts";
import { repo } from "../../helpers/build.ts";
import { article, threeEditions, writeTree } from "../../helpers/editions.ts";

describe("readContent", () => {
  const { options } = threeEditions();

  it("reads only the editions asked for, and the newest N as the whole site", async () => {
    const d = new Diagnostics();
    const content = await readContent({ ...options, recent: 2 }, d);
    expect(content.allDates).toEqual(["2024-01-02", "2024-01-03"]);
    expect(content.sources.map((s) => s.date)).toEqual(["2024-01-02", "2024-01-03"]);
    const some = await readContent({ ...options, dates: ["2024-01-02"] }, d);
    expect(some.sources.map((s) => s.date)).toEqual(["2024-01-02"]);
    expect(d.items).toEqual([]);
  });

  it("names a date that is not an edition", async () => {
    const d = new Diagnostics();
    await readContent({ ...options, dates: ["2024-02-30"] }, d);
    expect(d.errors.map((e) => e.message)).toEqual(["no such edition folder: check the date or run npm run new"]);
  });
});

describe("linkImages", () => {
  const root = writeTree({
    "2024-01-01/01/page.yml": "section: 要闻\n",
    "2024-01-01/01/01-a.md": article("headline: 甲\nfigures:\n  - file: a.png\narea: [0.1, 0.1, 0.5, 0.5]"),
    "2024-01-01/01/a.png": "",
  });
  const options = { editionsDir: root, siteFile: path.join(repo, "_data/site.json"), outDir: root, cacheDir: "" };
  const variant = (url: string) => ({ url, width: 10, height: 10, format: "jpeg" });
  const picture = (url: string) => ({
    width: 10,
    height: 10,
    sources: [],
    fallback: variant(url),
    srcset: "",
    variants: [],
  });

  it("links the model again with what the image stage made, by id; the model stage's own is left as it was", async () => {
    const d = new Diagnostics();
    const content = await readContent(options, d);
    const model = buildModel(content, d);
    const [page] = model[0].pages;
    const [a] = page.articles;
    const made = {
      images: 3,
      encoded: 3,
      cached: 0,
      pruned: 0,
      made: {
        pages: new Map([
          [
            page.id,
            {
              images: { picture: picture("/img/p/"), thumb: variant("/img/t"), tiles: null },
              pdf: { path: "/clean.pdf", url: "/x.pdf" },
            },
          ],
        ]),
        articles: new Map([[a.id, { clipping: variant("/img/c"), shareImage: variant("/img/s") }]]),
        figures: new Map([[`${a.id}#0`, picture("/img/f/")]]),
      },
    };
    const [linked] = linkImages(content, model, made);
    expect(linked.pages[0].images?.thumb.url).toBe("/img/t");
    expect([linked.pages[0].pdfPath, linked.pages[0].pdfUrl]).toEqual(["/clean.pdf", "/x.pdf"]);
    expect(linked.articles[0].clipping?.url).toBe("/img/c");
    expect(linked.articles[0].shareImage?.url).toBe("/img/s");
    expect(linked.articles[0].figures[0].picture?.fallback.url).toBe("/img/f/");
    // The same article, linked to its own page of the new model, its body not rendered again.
    expect(linked.articles[0].page).toBe(linked.pages[0]);
    expect(linked.articles[0].html).toBe(a.html);
    expect([page.images, page.pdfUrl, a.clipping, a.figures[0].picture]).toEqual([null, null, null, null]);
    // Without images made (npm run check), the model is the model stage's.
    expect(linkImages(content, model, null)[0]).toBe(model[0]);
  });
});
