// The rule for what no headline claims, on pieces made by hand: which orphans join the article beside them.
import { describe, expect, it } from "vitest";
import { belongsToArticle } from "../../../../src/desk/pdf/belongs.ts";
import type { Box } from "../../../../src/desk/pdf/boxes.ts";
import type { PagePiece } from "../../../../src/desk/pdf/pieces.ts";
import type { TextLine } from "../../../../src/desk/pdf/read.ts";
import { DEFAULT_RULES } from "../../../../src/desk/pdf/rules.ts";

const line = (box: Box, text: string, font = "Serif", size = 9): TextLine => ({
  box,
  text,
  size,
  font,
  bold: false,
  vertical: false,
});
const textPiece = (l: TextLine): PagePiece => ({ box: l.box, kind: "text", data: { line: l } });
const headline: PagePiece = {
  box: [40, 40, 240, 100],
  kind: "heading",
  headline: true,
  data: { heading: { lines: [line([40, 40, 240, 100], "The Kiosk Lends Money", "Black", 30)] } },
};
/** An article: its headline and 20 lines of running text under the deck's place. */
const running = Array.from({ length: 20 }, (_, i) =>
  line([40, 200 + i * 12, 200, 209 + i * 12], "running text goes on"),
);
const article = { headline, pieces: [headline, ...running.map(textPiece)] };
const belongs = belongsToArticle(running, DEFAULT_RULES);

describe("orphans beside an article", () => {
  it("join it when they stand right under its headline, in whatever type: its deck", () => {
    const deck = [0, 1, 2, 3].map((i) =>
      textPiece(line([40, 104 + i * 13, 220, 114 + i * 13], "a deck line in bold sans", "Sans-Bold", 10)),
    );
    expect(belongs(deck, article, false)).toBe(true);
  });

  it("stay apart when set in other type away from its headline: an advertisement's text", () => {
    const box = [0, 1, 2, 3].map((i) =>
      textPiece(line([300, 500 + i * 13, 480, 510 + i * 13], "wares in bold sans type", "Sans-Bold", 10)),
    );
    expect(belongs(box, article, true)).toBe(false);
  });

  it("stay apart when a picture over its headline carries lettering in other type: a speech bubble, not its photo", () => {
    const lettering = [0, 1, 2].map((i) => line([410, 10 + i * 10, 500, 19 + i * 10], "a line said", "Slab-Bold", 9));
    const bubble: PagePiece = { box: [400, 5, 520, 38], kind: "figure", data: { figure: { lines: lettering } } };
    expect(belongs([bubble], article, false)).toBe(false);
    const photo: PagePiece = { box: [400, 5, 520, 38], kind: "figure", data: { figure: { lines: [] } } };
    expect(belongs([photo], article, false)).toBe(true);
  });

  it("stay apart when lettered larger than its headline: a nameplate's or an advertisement's picture", () => {
    const big = line([310, 320, 490, 380], "SALE", "Display", 60);
    const lettered: PagePiece = { box: [300, 300, 500, 500], kind: "figure", data: { figure: { lines: [big] } } };
    expect(belongs([lettered], article, false)).toBe(false);
    const photo: PagePiece = { box: [300, 300, 500, 500], kind: "figure", data: { figure: { lines: [] } } };
    expect(belongs([photo], article, false)).toBe(true);
  });
});
