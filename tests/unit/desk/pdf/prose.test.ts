// Prose from page PDFs made in the test: words broken at a line's end, paragraphs broken by a column or a picture,
// indented paragraphs, and a crossword grid and a results table beside an article.
import { describe, expect, it } from "vitest";
import { importPdf } from "../../../../src/desk/import/pdf-page.ts";
import { importPdfPage } from "../../../../src/desk/pdf/index.ts";
import { makePdf, type TextSpec } from "./make-pdf.ts";

const W = 600;
const H = 800;
const line = (x: number, y: number, text: string): TextSpec => ({ x, y, size: 10, text });
const headline: TextSpec = { x: 40, y: 30, size: 26, text: "The Harbour Reopens", font: "bold" };

describe("a word broken at a line's end", () => {
  const page = importPdfPage(
    makePdf({
      width: W,
      height: H,
      texts: [
        headline,
        line(60, 80, "The liberal and pro-"),
        line(40, 94, "gressive members of the well-"),
        line(40, 108, "known council met the chaux-"),
        line(40, 122, "de-fonniers at the harbour today."),
        line(40, 136, "They talked and went home."),
      ],
    }),
  );

  it("is joined where the hyphen was the line break's, kept where it is a compound's", () => {
    const [article] = page.articles;
    expect(article.body).toBe(
      "The liberal and progressive members of the well-known council met the chaux-de-fonniers at the harbour today. " +
        "They talked and went home.",
    );
  });
});

describe("paragraphs as printed", () => {
  // Column 1 ends mid-sentence; column 2 runs on, then a picture cuts it, then the sentence ends; an indented line
  // starts the next paragraph.
  const page = importPdfPage(
    makePdf({
      width: W,
      height: H,
      texts: [
        headline,
        line(52, 80, "The harbour reopened on Monday after"),
        line(40, 94, "months of repairs, and the first boats"),
        line(40, 108, "came in with the morning tide while"),
        line(240, 80, "crowds watched from the quay and the"),
        line(240, 94, "band played on the pier until noon"),
        line(240, 210, "when the mayor cut the ribbon at last."),
        line(252, 224, "Fishermen said the new berths were"),
        line(240, 238, "long overdue."),
      ],
      pictures: [[240, 110, 420, 200]],
    }),
  );

  it("runs one paragraph across the column break and the picture, and starts another at the indent", () => {
    const [article] = page.articles;
    expect(article.body.split("\n\n")).toEqual([
      "The harbour reopened on Monday after months of repairs, and the first boats came in with the morning tide " +
        "while crowds watched from the quay and the band played on the pier until noon when the mayor cut the ribbon at last.",
      "Fishermen said the new berths were long overdue.",
    ]);
  });
});

describe("a crossword grid and a results table beside an article", () => {
  const grid: TextSpec[] = [{ x: 400, y: 300, size: 9, text: "Solution of last week" }];
  const letters = "CATSAREAONEAREDTENSDOTE";
  for (let r = 0; r < 5; r++) {
    for (let c = 0; c < 5; c++)
      grid.push({ x: 400 + c * 14, y: 316 + r * 14, size: 8, text: letters[(r * 5 + c) % letters.length] });
  }
  const results = [
    ["Team", "W", "D", "L", "Pts"],
    ["Rovers", "12", "3", "1", "39"],
    ["United", "10", "4", "2", "34"],
    ["Athletic", "8", "5", "3", "29"],
  ];
  const table: TextSpec[] = results.flatMap((row, r) =>
    row.map((cell, c) => ({ x: c === 0 ? 400 : 460 + c * 22, y: 500 + r * 13, size: 8, text: cell })),
  );
  const body = Array.from({ length: 30 }, (_, i) =>
    line(40, 80 + i * 14, i === 29 ? "and that was all." : "the council talked about the harbour"),
  );
  const result = importPdf(makePdf({ width: W, height: H, texts: [headline, ...body, ...grid, ...table] }), {
    source: "grid.pdf",
  });

  it("keeps the grid out of the prose and says so in the report", () => {
    expect(result.articles).toHaveLength(1);
    expect(result.articles[0].body).not.toMatch(/Solution|\bC A T\b|CAT/u);
    expect(result.warnings.map((w) => w.message).join("\n")).toMatch(/puzzle grid .*Solution of last week.* left out/u);
  });

  it("keeps the results table as a table, not as paragraphs", () => {
    expect(result.articles[0].body).toContain(
      "| Team | W | D | L | Pts |\n| --- | --- | --- | --- | --- |\n| Rovers | 12 | 3 | 1 | 39 |",
    );
    expect(result.articles[0].body).not.toMatch(/^Rovers/mu);
  });
});

describe("a signature at the end, and a centred box", () => {
  const page = importPdfPage(
    makePdf({
      width: W,
      height: H,
      texts: [
        headline,
        line(52, 80, "The harbour reopened on Monday after"),
        line(40, 94, "months of repairs and the first boats"),
        line(40, 108, "came in with the morning tide."),
        line(150, 126, "Jean-Luc Wenger"),
        { x: 360, y: 30, size: 24, text: "In Numbers", font: "bold" },
        ...["Twelve new berths", "were built this winter, and", "the quay is longer", "than ever."].map((text, i) =>
          // Centred on x = 440, taking Helvetica's letters as half their size wide.
          line(440 - text.length * 2.5, 70 + i * 14, text),
        ),
      ],
      rules: [[330, 20, 330, 300]],
    }),
  );

  it("takes the signature for the byline, out of the text", () => {
    const [article] = page.articles;
    expect(article.byline).toBe("Jean-Luc Wenger");
    expect(article.body).toBe(
      "The harbour reopened on Monday after months of repairs and the first boats came in with the morning tide.",
    );
  });

  it("reads centred lines as one paragraph", () => {
    expect(page.articles[1].body).toBe("Twelve new berths were built this winter, and the quay is longer than ever.");
  });
});

describe("a deck across the columns, set close above them, and a picture over two of the columns", () => {
  // Three columns of 30 characters (Helvetica's letters about half their size wide); the deck runs across all
  // three a little above them; the picture stands at the top of columns 2 and 3, their text set under it.
  const column = (x: number, top: number, texts: string[]) => texts.map((text, i) => line(x, top + i * 14, text));
  const page = importPdfPage(
    makePdf({
      width: W,
      height: H,
      texts: [
        headline,
        {
          x: 40,
          y: 70,
          size: 11,
          text: "The council spent the whole night on the harbour, and the mayor had the last word.",
        },
        ...column(40, 90, [
          "The council met on Monday to",
          "talk about the harbour, the new",
          "berths and the boats that will",
          "come in with the tide in the",
          "spring, when the works on the",
          "quay are finished and paid for",
        ]),
        ...column(200, 180, [
          "by the town and the canton, as",
          "the mayor said in the evening",
          "to the crowd that had waited",
        ]),
        ...column(360, 180, ["outside the hall in the rain", "since the afternoon for news."]),
      ],
      pictures: [[200, 90, 510, 168]],
    }),
  );

  it("reads the deck, then the columns in turn, and takes no column's text for the picture's caption", () => {
    const [article] = page.articles;
    expect(article.body.split("\n\n")).toEqual([
      "The council spent the whole night on the harbour, and the mayor had the last word.",
      "The council met on Monday to talk about the harbour, the new berths and the boats that will come in with the " +
        "tide in the spring, when the works on the quay are finished and paid for by the town and the canton, as the " +
        "mayor said in the evening to the crowd that had waited outside the hall in the rain since the afternoon for news.",
    ]);
    expect(article.figures.every((f) => !f.caption)).toBe(true);
  });
});

describe("a run-in name set larger, its words spread across a justified line", () => {
  const bold = (x: number, y: number, text: string): TextSpec => ({ x, y, size: 11, text, font: "bold" });
  const page = importPdfPage(
    makePdf({
      width: W,
      height: H,
      texts: [
        headline,
        line(40, 80, "The last minister was a quiet man and"),
        line(40, 94, "nobody remembered a word he said."),
        bold(40, 110, "Pierre"),
        bold(100, 110, "Marsupilamo"),
        bold(190, 110, "(2039-"),
        line(40, 124, "2047). Average at everything, he"),
        line(40, 138, "won the election by a landslide."),
      ],
    }),
  );

  it("joins the name's words into its line, and the broken range of years", () => {
    expect(page.articles[0].body.split("\n\n")).toEqual([
      "The last minister was a quiet man and nobody remembered a word he said.",
      "Pierre Marsupilamo (2039-2047). Average at everything, he won the election by a landslide.",
    ]);
  });
});

describe("a display line set across the gutter, the next column's lines set in around it", () => {
  const column = (x: number, top: number, texts: string[], indentFrom = -1, indentTo = -1) =>
    texts.map((text, i) => line(i >= indentFrom && i <= indentTo ? x + 50 : x, top + i * 14, text));
  const page = importPdfPage(
    makePdf({
      width: W,
      height: H,
      texts: [
        headline,
        ...column(40, 80, [
          "The council met on Monday to talk",
          "about the harbour and the boats,",
          "and the mayor spoke for an hour",
        ]),
        { x: 120, y: 128, size: 14, text: "A HARBOUR FOR ALL", font: "bold" },
        ...column(40, 150, ["before the vote, which he won by", "a wide margin in the end."]),
        ...column(
          240,
          80,
          [
            "The boats came in on Tuesday",
            "with the tide, and the",
            "crowd cheered as the",
            "first one tied up at",
            "the new quay, in the",
            "rain and the wind.",
          ],
          1,
          4,
        ),
      ],
    }),
  );

  it("reads each column in turn, the display line after the sentence it was set into", () => {
    expect(page.articles[0].body.split("\n\n")).toEqual([
      "The council met on Monday to talk about the harbour and the boats, and the mayor spoke for an hour before " +
        "the vote, which he won by a wide margin in the end.",
      "### A HARBOUR FOR ALL",
      "The boats came in on Tuesday with the tide, and the crowd cheered as the first one tied up at the new quay, " +
        "in the rain and the wind.",
    ]);
  });
});

describe("a signature in other type run on after the text's last sentence", () => {
  const signed = (texts: TextSpec[]) =>
    importPdfPage(
      makePdf({
        width: W,
        height: H,
        texts: [
          headline,
          line(52, 80, "The harbour reopened on Monday after"),
          line(40, 94, "months of repairs and the first boats"),
          ...texts,
        ],
      }),
    ).articles[0];
  const sign = (x: number, y: number, text: string): TextSpec => ({ x, y, size: 9, text, font: "bold" });

  it("is the byline when it ends the last line", () => {
    const article = signed([line(40, 108, "came in with the tide."), sign(138, 108, "Jean-Luc Wenger")]);
    expect(article.byline).toBe("Jean-Luc Wenger");
    expect(article.body).toBe(
      "The harbour reopened on Monday after months of repairs and the first boats came in with the tide.",
    );
  });

  it("is the byline when it runs on to a line of its own", () => {
    const article = signed([
      line(40, 108, "came in with the tide."),
      sign(138, 108, "Professor"),
      sign(120, 120, "Junge, thinker of the future"),
    ]);
    expect(article.byline).toBe("Professor Junge, thinker of the future");
    expect(article.body).toMatch(/came in with the tide\.$/u);
  });

  it("is the byline over three lines: a name, a role and a place", () => {
    const article = signed([
      line(40, 108, "came in with the tide."),
      sign(138, 108, "Anna"),
      sign(40, 120, "Meier, Cinema Club, rare and"),
      sign(100, 132, "classic films, Lausanne"),
    ]);
    expect(article.byline).toBe("Anna Meier, Cinema Club, rare and classic films, Lausanne");
    expect(article.body).toMatch(/came in with the tide\.$/u);
  });

  it("is not taken where the text's sentence goes on in the other type", () => {
    const article = signed([line(40, 108, "came in with the"), sign(116, 108, "Morning Star.")]);
    expect(article.byline).toBeUndefined();
    expect(article.body).toMatch(/came in with the Morning Star\.$/u);
  });
});

describe("a picture at the top of a column of text set tight", () => {
  // Lines 9 points apart in 10 point type: each line's box overlaps the next.
  const texts = [
    "Candidate for mayor, you had an",
    "original idea to find funds for",
    "your campaign. You called on a",
    "crowd-funding site, as the paper",
    "explained on Monday, where every",
    "donor gets something in return",
    "from you, as we read with care.",
  ];
  const page = importPdfPage(
    makePdf({
      width: W,
      height: H,
      texts: [headline, ...texts.map((text, i) => line(40, 190 + i * 9, text))],
      pictures: [[40, 70, 200, 180]],
    }),
  );

  it("keeps every line in the text: none is taken for the picture's caption", () => {
    const [article] = page.articles;
    expect(article.body).toBe(
      "Candidate for mayor, you had an original idea to find funds for your campaign. You called on a crowd-funding " +
        "site, as the paper explained on Monday, where every donor gets something in return from you, as we read with care.",
    );
    expect(article.figures[0]?.caption).toBeUndefined();
  });
});

describe("a story's paragraphs, each opening with a title run in, set larger and bold, on the line of its first words", () => {
  const page = importPdfPage(
    makePdf({
      width: W,
      height: H,
      texts: [
        headline,
        line(40, 66, "The week on the waterfront."),
        { x: 40, y: 80, size: 13, text: "STAGE", font: "bold" },
        line(92, 82, "The harbour play opens on Friday"),
        line(40, 96, "at the old fish market, with songs"),
        line(40, 110, "and dances. Tickets: harbour.example"),
        { x: 40, y: 126, size: 13, text: "MARKET DAY", font: "bold" },
        line(132, 128, "on the quay brings cheese, bread"),
        line(40, 142, "and fish to town. Saturday from nine."),
      ],
    }),
  );

  it("gives each its own paragraph, the title in bold, and the title is no subhead", () => {
    const [article] = page.articles;
    expect(article.body.split("\n\n")).toEqual([
      "The week on the waterfront.",
      "**STAGE** The harbour play opens on Friday at the old fish market, with songs and dances. Tickets: harbour.example",
      "**MARKET DAY** on the quay brings cheese, bread and fish to town. Saturday from nine.",
    ]);
    expect(article.subheads).toEqual([]);
  });
});

describe("a footnote set small under the signature", () => {
  const result = importPdf(
    makePdf({
      width: W,
      height: H,
      texts: [
        headline,
        line(52, 80, "The harbour master, Karim*, reopened"),
        line(40, 94, "the quay on Monday after months of"),
        line(40, 108, "repairs, and the boats came back."),
        line(150, 126, "Jean-Luc Wenger"),
        { x: 40, y: 142, size: 7, text: "* name known to the editors" },
      ],
    }),
    { source: "footnote.pdf" },
  );

  it("stands after the text as its last paragraph, and the signature above it is the byline", () => {
    const [article] = result.articles;
    expect(article.fields.byline).toBe("Jean-Luc Wenger");
    expect(article.body.split("\n\n")).toEqual([
      "The harbour master, Karim*, reopened the quay on Monday after months of repairs, and the boats came back.",
      "\\* name known to the editors",
    ]);
    expect(result.warnings.map((w) => w.message).join("\n")).not.toMatch(/mid-sentence/u);
  });
});
