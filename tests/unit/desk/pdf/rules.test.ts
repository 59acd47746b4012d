// One small page per layout rule, made in the test: drop cap, briefs column, deck, advertisement, cartoon, headline on
// a picture, a spanning headline over its own subheads, unreadable text layer, and prose as printed.
import * as mupdf from "mupdf";
import { describe, expect, it } from "vitest";
import type { Area } from "../../../../src/content/schema.ts";
import { importPdf } from "../../../../src/desk/import/pdf-page.ts";
import { ImportError } from "../../../../src/desk/import/problems.ts";
import { importPdfPage } from "../../../../src/desk/pdf/index.ts";
import { insideArea } from "../../../../src/model/geometry.ts";
import { makePdf, type TextSpec } from "./make-pdf.ts";

const W = 600;
const H = 800;

/** Lines of text set one under the other, `leading` points apart. */
function column(
  x: number,
  top: number,
  lines: string[],
  options: Partial<TextSpec> & { leading?: number } = {},
): TextSpec[] {
  const { leading = 12, size = 9, ...rest } = options;
  return lines.map((text, i) => ({ x, y: top + i * leading, size, text, ...rest }));
}

const WORDS = "the council met on monday night to talk over the plan for a new bridge across the river and voted".split(
  " ",
);
/** `n` lines of about `words` words each; the last ends a sentence. */
function prose(n: number, words = 6, seed = 0): string[] {
  return Array.from({ length: n }, (_, i) => {
    const line = Array.from({ length: words }, (_, w) => WORDS[(seed + i * words + w) % WORDS.length]).join(" ");
    return i === n - 1 ? `${line}.` : line;
  });
}

/** Whether the article's area holds the point at the centre of a text box given in points. */
function holds(area: Area | undefined, [x0, y0, x1, y1]: [number, number, number, number]): boolean {
  return !!area && insideArea(area, (x0 + x1) / 2 / W, (y0 + y1) / 2 / H);
}

describe("a drop cap", () => {
  const lines = prose(8);
  const bytes = makePdf({
    width: W,
    height: H,
    texts: [
      { x: 40, y: 40, size: 26, text: "Bridge Plan Wins Vote", font: "bold" },
      { x: 40, y: 84, size: 34, text: "T" },
      ...column(
        70,
        86,
        lines.slice(0, 3).map((l, i) => (i === 0 ? `he ${l}` : l)),
      ),
      ...column(40, 122, lines.slice(3)),
    ],
  });
  const page = importPdfPage(bytes);

  it("is joined to its word and never becomes a headline", () => {
    expect(page.articles.map((a) => a.headline)).toEqual(["Bridge Plan Wins Vote"]);
    expect(page.articles[0].body.startsWith("The the council")).toBe(true);
  });
});

describe("a column of briefs, each under its own small title", () => {
  const briefs = ["Toll Rises", "School Opens", "Park Closed"];
  const texts = briefs.flatMap((title, i) => [
    { x: 40, y: 60 + i * 110, size: 15, text: title, font: "bold" as const },
    ...column(40, 80 + i * 110, prose(5, 6, i * 7), { size: 8, leading: 10 }),
  ]);
  const page = importPdfPage(makePdf({ width: W, height: H, texts }));

  it("gives each brief its own article", () => {
    expect(page.articles.map((a) => a.headline)).toEqual(briefs);
    for (const article of page.articles) expect(article.body.split("\n\n")).toHaveLength(1);
  });
});

describe("a headline with a deck under it", () => {
  const page = importPdfPage(
    makePdf({
      width: W,
      height: H,
      texts: [
        { x: 40, y: 40, size: 30, text: "Storm Floods Valley", font: "bold" },
        { x: 40, y: 78, size: 16, text: "Hundreds leave their homes as the river rises" },
        ...column(40, 110, prose(10)),
      ],
    }),
  );

  it("reads the deck as the subtitle, not as text", () => {
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]).toMatchObject({
      headline: "Storm Floods Valley",
      subtitle: "Hundreds leave their homes as the river rises",
    });
    expect(page.articles[0].body).not.toContain("Hundreds");
  });
});

describe("a spanning headline over its own subheads", () => {
  const bytes = makePdf({
    width: W,
    height: H,
    texts: [
      { x: 40, y: 30, size: 32, text: "A Year of Change in the City", font: "bold" },
      ...column(40, 80, prose(6, 5)),
      { x: 40, y: 160, size: 13, text: "The Roads", font: "bold" },
      ...column(40, 180, prose(12, 5, 1)),
      { x: 220, y: 100, size: 13, text: "The Schools", font: "bold" },
      ...column(220, 120, prose(12, 5, 3)),
    ],
  });
  const page = importPdfPage(bytes);

  it("keeps one article; the smaller headings are its subheads", () => {
    expect(page.articles.map((a) => a.headline)).toEqual(["A Year of Change in the City"]);
    expect(page.articles[0].subheads).toEqual(["The Roads", "The Schools"]);
  });
});

describe("an advertisement ruled off under an article", () => {
  const ad: TextSpec[] = [
    { x: 60, y: 520, size: 28, text: "Winter Sale", font: "serif" },
    { x: 60, y: 560, size: 12, text: "All coats half price this week", font: "serif" },
    { x: 60, y: 580, size: 12, text: "Open every day from nine", font: "serif" },
    { x: 60, y: 600, size: 14, text: "www.example.com", font: "serif" },
  ];
  const result = importPdf(
    makePdf({
      width: W,
      height: H,
      texts: [{ x: 40, y: 40, size: 26, text: "Market Reopens", font: "bold" }, ...column(40, 80, prose(20)), ...ad],
      rules: [[40, 500, 560, 500]],
      frames: [[50, 510, 550, 630]],
    }),
    { source: "ad.pdf" },
  );

  it("is not an article and lies in no article's area", () => {
    expect(result.articles.map((a) => a.fields.headline)).toEqual(["Market Reopens"]);
    expect(result.articles[0].body).not.toMatch(/coats|Sale/u);
    expect(holds(result.articles[0].fields.area, [60, 560, 300, 572])).toBe(false);
  });

  it("is listed, with its area, for page.yml and the import report", () => {
    expect(result.advertisements).toHaveLength(1);
    expect(holds(result.advertisements[0].area, [60, 560, 300, 572])).toBe(true);
    expect(result.warnings.map((w) => w.message).join("\n")).toMatch(/advertisement was left out .*Winter Sale/u);
  });
});

describe("a cartoon with its lettering under a rule", () => {
  const result = importPdf(
    makePdf({
      width: W,
      height: H,
      texts: [
        { x: 40, y: 40, size: 26, text: "Budget Passes", font: "bold" },
        ...column(40, 80, prose(18)),
        { x: 120, y: 420, size: 11, text: "WHERE DID IT GO?", font: "serif" },
        { x: 300, y: 520, size: 11, text: "ASK THE MAYOR", font: "serif" },
      ],
      rules: [[40, 395, 560, 395]],
      pictures: [[60, 400, 540, 640]],
    }),
    { source: "cartoon.pdf" },
  );

  it("is not an article, and its lettering is in no article", () => {
    expect(result.articles.map((a) => a.fields.headline)).toEqual(["Budget Passes"]);
    expect(result.articles[0].body).not.toMatch(/MAYOR|WHERE/u);
    expect(holds(result.articles[0].fields.area, [300, 520, 380, 531])).toBe(false);
  });
});

describe("a headline set on a picture", () => {
  const page = importPdfPage(
    makePdf({
      width: W,
      height: H,
      texts: [{ x: 60, y: 200, size: 34, text: "Night of the Lanterns", font: "bold" }, ...column(40, 300, prose(14))],
      pictures: [[40, 40, 560, 280]],
    }),
  );

  it("is the headline of the text under the picture", () => {
    expect(page.articles.map((a) => a.headline)).toEqual(["Night of the Lanterns"]);
  });
});

describe("a page whose text layer cannot be read", () => {
  const bytes = makePdf({
    width: W,
    height: H,
    texts: [
      { x: 40, y: 40, size: 26, text: "Hidden Headline", font: "hidden" },
      ...column(40, 80, prose(10), { font: "hidden" }),
    ],
  });

  it("is refused naming the file and saying what to do, instead of importing rows of unreadable characters", () => {
    expect(() => importPdf(bytes, { source: "locked.pdf" })).toThrow(ImportError);
    expect(() => importPdf(bytes, { source: "locked.pdf" })).toThrow(/locked\.pdf: .*cannot be read.*text dump/u);
  });
});

describe("a column's rubric over the piece's own title, and a label over a headline", () => {
  const page = importPdfPage(
    makePdf({
      width: W,
      height: H,
      texts: [
        { x: 40, y: 30, size: 30, text: "LETTERS FROM" },
        { x: 40, y: 64, size: 30, text: "THE HARBOUR" },
        { x: 40, y: 102, size: 13, text: "Dear Mayor", font: "bold" },
        ...column(40, 122, prose(12, 5)),
        { x: 320, y: 60, size: 9, text: "THE NUMBER" },
        { x: 320, y: 74, size: 40, text: "42 boats", font: "bold" },
        ...column(320, 124, prose(6, 5, 2), { size: 10, leading: 13 }),
      ],
      rules: [[300, 20, 300, 400]],
    }),
  );

  it("reads the rubric as the column and the title as the headline; the label as the kicker", () => {
    expect(page.articles.map((a) => [a.column, a.kicker, a.headline])).toEqual([
      ["LETTERS FROM THE HARBOUR", undefined, "Dear Mayor"],
      [undefined, "THE NUMBER", "42 boats"],
    ]);
  });
});

describe("a page drawn sideways and turned upright by /Rotate 90", () => {
  const upright = makePdf({
    width: W,
    height: H,
    texts: [{ x: 40, y: 30, size: 30, text: "Bridge Plan Wins Vote", font: "bold" }, ...column(40, 80, prose(12))],
  });
  // The same content on a landscape page, turned a quarter (x' = 800 - y, y' = x), shown upright by /Rotate 90.
  const source = mupdf.Document.openDocument(upright, "application/pdf") as mupdf.PDFDocument;
  const turned = new mupdf.PDFDocument();
  const content = source.findPage(0).get("Contents").readStream().asString();
  const resources = turned.graftObject(source.findPage(0).get("Resources"));
  turned.insertPage(-1, turned.addPage([0, 0, H, W], 90, resources, `q 0 1 -1 0 ${H} 0 cm ${content} Q`));
  const page = importPdfPage(turned.saveToBuffer("").asUint8Array());

  it("is read as shown: the page upright, the headline whole, the text in order", () => {
    expect([page.width, page.height]).toEqual([W, H]);
    expect(page.articles.map((a) => a.headline)).toEqual(["Bridge Plan Wins Vote"]);
    expect(page.articles[0].body.startsWith("the council met on monday night")).toBe(true);
  });
});

describe("a section's nameplate across the page, over a ruled column of briefs and a story", () => {
  const briefs = ["Toll Rises", "School Opens"];
  const result = importPdf(
    makePdf({
      width: W,
      height: H,
      texts: [
        { x: 40, y: 20, size: 8, text: "FRIDAY 18 DECEMBER" },
        { x: 60, y: 60, size: 34, text: "WEEKEND", font: "bold" },
        { x: 300, y: 95, size: 8, text: "Anna Meier" },
        ...briefs.flatMap((title, i) => [
          { x: 40, y: 130 + i * 120, size: 12, text: title, font: "bold" as const },
          ...column(40, 148 + i * 120, prose(6, 3, i * 7), { size: 8, leading: 10 }),
        ]),
        { x: 170, y: 130, size: 26, text: "Budget Passes", font: "bold" },
        ...column(170, 170, prose(20)),
      ],
      rules: [
        [40, 32, 560, 32],
        [150, 120, 150, 700],
      ],
      // The band, the nameplate's own box on it, and a picture at its end reaching down into the headline's row.
      fills: [
        [40, 40, 560, 112],
        [55, 50, 250, 100],
      ],
      pictures: [[460, 42, 550, 132]],
    }),
    { source: "nameplate.pdf" },
  );

  it("belongs to no article: neither the briefs' nor the story's area holds it, no text takes its words", () => {
    expect(result.articles.map((a) => a.fields.headline).sort()).toEqual(["Budget Passes", ...briefs].sort());
    for (const article of result.articles) {
      expect(article.body).not.toMatch(/Anna|WEEKEND/u);
      expect(holds(article.fields.area, [300, 95, 340, 103])).toBe(false);
    }
  });
});

describe("an advertisement's label standing alone at the end of a column", () => {
  const result = importPdf(
    makePdf({
      width: W,
      height: H,
      texts: [
        { x: 40, y: 40, size: 26, text: "Budget Passes", font: "bold" },
        ...column(40, 80, prose(16)),
        { x: 250, y: 290, size: 7, text: "ANZEIGE", font: "serif" },
      ],
      pictures: [[40, 300, 560, 500]],
    }),
    { source: "label.pdf" },
  );

  it("is not a one-word headline standing free in a type of its own", () => {
    const page = importPdfPage(
      makePdf({
        width: W,
        height: H,
        texts: [{ x: 40, y: 40, size: 28, text: "Harbour", font: "serif" }, ...column(40, 118, prose(12))],
      }),
    );
    expect(page.articles.map((a) => a.headline)).toEqual(["Harbour"]);
  });

  it("is furniture, in no article's text or area", () => {
    expect(result.articles.map((a) => a.body).join("\n")).not.toContain("ANZEIGE");
    expect(result.pdf.leftOut).toContainEqual(expect.objectContaining({ what: "furniture", text: "ANZEIGE" }));
    for (const article of result.articles) expect(holds(article.fields.area, [250, 290, 280, 297])).toBe(false);
  });
});

describe("a large folio and the running head on its row, with no rule under them", () => {
  const page = importPdfPage(
    makePdf({
      width: W,
      height: H,
      texts: [
        { x: 40, y: 30, size: 14, text: "8", font: "bold" },
        { x: 70, y: 32, size: 11, text: "CHRISTMAS SPECIAL" },
        { x: 40, y: 80, size: 26, text: "Budget Passes", font: "bold" },
        ...column(40, 120, prose(12)),
      ],
    }),
  );

  it("are the page's header, in no article", () => {
    expect(page.furniture.header).toEqual(expect.arrayContaining(["8", "CHRISTMAS SPECIAL"]));
    expect(page.articles.map((a) => a.body).join("\n")).not.toMatch(/CHRISTMAS|^8/mu);
  });
});

describe("teasers with jump lines", () => {
  const page = importPdfPage(
    makePdf({
      width: W,
      height: H,
      texts: [
        { x: 40, y: 40, size: 22, text: "Harbour to reopen", font: "bold" },
        ...column(40, 80, prose(4, 6, 3)),
        { x: 40, y: 132, size: 9, text: "Continued on A4", font: "bold" },
        { x: 40, y: 200, size: 22, text: "Storm on the lake", font: "bold" },
        { x: 40, y: 240, size: 9, text: "See page 5", font: "bold" },
      ],
      rules: [[40, 180, 560, 180]],
    }),
  );

  it("is an article with its continuation where it has text of its own; the jump line is not text", () => {
    expect(page.articles.map((a) => a.headline)).toEqual(["Harbour to reopen"]);
    const [teaser] = page.articles;
    expect(teaser.continuedOn).toMatch(/^A0?4$/u);
    expect(teaser.body).not.toMatch(/Continued/u);
  });

  it("is no article where it only points elsewhere", () => {
    expect(page.articles.map((a) => a.headline)).not.toContain("Storm on the lake");
    expect(page.leftOut.map((l) => l.text)).toContain("Storm on the lake");
  });
});

describe("a letters column: each letter under its own title, signed", () => {
  const letters = [
    ["Bridge too dear", "Anna Meier, Lausanne"],
    ["Keep the ferry", "Paul Roth, Vevey"],
    ["Thank you, council", "Jean Dupont, Morges"],
  ];
  const page = importPdfPage(
    makePdf({
      width: W,
      height: H,
      texts: [
        { x: 40, y: 40, size: 26, text: "Letters to the editor", font: "bold" },
        ...letters.flatMap(([title, writer], i) => [
          { x: 40, y: 90 + i * 130, size: 11, text: title, font: "bold" as const },
          ...column(40, 106 + i * 130, prose(6, 6, i * 5)),
          { x: 120, y: 180 + i * 130, size: 9, text: writer, font: "serif" as const },
        ]),
      ],
    }),
  );

  it("gives each letter its own article, its title the headline and its signature the byline", () => {
    expect(page.articles.map((a) => [a.headline, a.byline])).toEqual(letters);
    for (const article of page.articles) {
      expect(article.column).toBe("Letters to the editor");
      expect(article.body).not.toMatch(/Meier|Roth|Dupont/u);
    }
  });
});

describe("an advertisement with a list of wares and an address, no sentence", () => {
  const result = importPdf(
    makePdf({
      width: W,
      height: H,
      texts: [
        { x: 40, y: 40, size: 26, text: "Budget Passes", font: "bold" },
        ...column(40, 80, prose(14)),
        { x: 340, y: 40, size: 20, text: "Get it mended", font: "bold" },
        ...column(340, 64, ["- Washing machines", "- Vacuum cleaners", "- Coffee makers", "- Television, hi-fi"], {
          font: "bold",
        }),
        { x: 340, y: 114, size: 9, text: "4 Mill Road, Renens, 021 624 64 74" },
        { x: 340, y: 126, size: 9, text: "www.mended.example" },
      ],
      rules: [[320, 30, 320, 300]],
    }),
    { source: "wares.pdf" },
  );

  it("is left out and listed, not an article", () => {
    expect(result.articles.map((a) => a.fields.headline)).toEqual(["Budget Passes"]);
    expect(result.pdf.advertisements.map((a) => a.text)).toContain("Get it mended");
  });
});

describe("a deck in other type under the headline, a picture beside them", () => {
  const result = importPdf(
    makePdf({
      width: W,
      height: H,
      texts: [
        { x: 40, y: 40, size: 30, text: "The Kiosk", font: "bold" },
        { x: 40, y: 76, size: 30, text: "Lends Money", font: "bold" },
        ...column(
          40,
          120,
          [
            "SMALL LOANS Soon you may",
            "borrow at the kiosk, at a",
            "rate no bank would dare,",
            "and pay it back twice.",
          ],
          { font: "serif", size: 10, leading: 13 },
        ),
        ...column(40, 230, prose(20)),
        ...column(300, 230, prose(20, 6, 4)),
      ],
      pictures: [[300, 40, 560, 200]],
    }),
    { source: "deck.pdf" },
  );

  it("keeps the deck in the article", () => {
    expect(result.articles).toHaveLength(1);
    expect(result.articles[0].body).toMatch(/^SMALL LOANS Soon you may borrow/u);
    expect(result.warnings.map((w) => w.message).join("\n")).not.toMatch(/no headline/u);
  });
});

describe("a quote in a box: a heading, a quotation set large and who said it, no running text", () => {
  const result = importPdf(
    makePdf({
      width: W,
      height: H,
      texts: [
        { x: 40, y: 40, size: 26, text: "Budget Passes", font: "bold" },
        ...column(40, 80, prose(20)),
        { x: 360, y: 50, size: 24, text: "Overheard", font: "bold" },
        { x: 360, y: 80, size: 11, text: "at the town hall", font: "bold" },
        ...column(360, 110, ['"Is the bridge', "really open", 'at last?"', "A reader, Renens"], {
          size: 13,
          leading: 16,
          font: "serif",
        }),
      ],
      frames: [[350, 40, 560, 190]],
    }),
    { source: "quote.pdf" },
  );

  it("is an article: the quotation its text, who said it its byline", () => {
    const quote = result.articles.find((a) => a.fields.headline === "Overheard");
    expect(quote?.body).toBe('"Is the bridge really open at last?"');
    expect(quote?.fields.byline).toBe("A reader, Renens");
    expect(result.advertisements).toEqual([]);
  });
});

describe("a column of briefs under one heading, each opening with its title run in", () => {
  const titles = ["TOLLS", "SCHOOL", "PARK"];
  const texts = titles.flatMap((title, i) => {
    const [first, ...rest] = prose(4, 6, i * 5);
    return [
      { x: 40, y: 80 + i * 60, size: 12, text: title, font: "bold" as const },
      { x: 40 + title.length * 9 + 6, y: 82 + i * 60, size: 9, text: first },
      ...column(40, 94 + i * 60, rest),
    ];
  });
  const page = importPdfPage(
    makePdf({
      width: W,
      height: H,
      texts: [{ x: 40, y: 40, size: 24, text: "In Brief", font: "bold" }, ...texts],
    }),
  );

  it("gives each brief its own article, its title the headline, the heading over them their column", () => {
    expect(page.articles.map((a) => a.headline)).toEqual(titles);
    expect(page.articles.map((a) => a.column)).toEqual(["In Brief", "In Brief", "In Brief"]);
    expect(page.articles[0].body).toMatch(/^the council met/u);
    expect(page.articles[0].body).not.toMatch(/TOLLS|SCHOOL/u);
  });
});
