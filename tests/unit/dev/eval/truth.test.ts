import { describe, expect, it } from "vitest";
import { brokenParagraphs } from "../../../../src/dev/eval/metrics.ts";
import { headlinesMatch, scoreTruth, type TruthPage } from "../../../../src/dev/eval/truth.ts";
import type { ImportedArticle } from "../../../../src/desk/import/import-page.ts";

const article = (headline: string, area: [number, number, number, number], body = "Done."): ImportedArticle =>
  ({ name: "01-x", fields: { headline, area }, body, line: 0, paragraphs: 1 }) as ImportedArticle;
const line = (text: string, x: number, y: number) => ({
  text,
  bbox: [x, y, 0.1, 0.01] as [number, number, number, number],
});

describe("the truth folders' measures", () => {
  it("matches headlines without case and punctuation, or the shorter inside the longer at 0.8 of its length", () => {
    expect(headlinesMatch("Toit sous toit", "TOIT SOUS TOIT !")).toBe(true);
    expect(headlinesMatch("Le kiosque fait crédit", "Le kiosque fait crédit (mais)")).toBe(true);
    expect(headlinesMatch("Le kiosque", "Le kiosque fait crédit (mais ça coûte bonbon)")).toBe(false);
    expect(headlinesMatch("L", "La")).toBe(false);
  });

  it("counts paragraphs that stop on a letter, digit, comma, semicolon or hyphen, subheads aside", () => {
    const body = "It ended.\n\n### A subhead\n\nThe liberal and pro-\n\ngressive strands,\n\n作出这\n\n« Fin. »";
    expect(brokenParagraphs(body)).toEqual({
      total: 5,
      broken: ["The liberal and pro-", "gressive strands,", "作出这"],
    });
  });

  it("scores clicks, separation, merges, furniture and spurious articles as the truth's README defines them", () => {
    const truth: TruthPage = {
      page: "p",
      articles: [
        { headline: "First story", kind: "news", lines: ["a one", "a two"] },
        { headline: "Second story", kind: "news", lines: ["b one"] },
      ],
      not_articles: [{ what: "furniture", lines: ["folio 3"] }],
    };
    const printed = [
      line("a one", 0.1, 0.1),
      line("a two", 0.1, 0.3),
      line("b one", 0.6, 0.1),
      line("folio 3", 0.5, 0.95),
    ];
    // One area holds both articles' lines (merged), the second finds nothing, a third holds nothing at all.
    const produced = [
      article("First story", [0, 0, 1, 0.5], "One paragraph,\n\nTwo."),
      article("Elsewhere", [0, 0.6, 0.2, 0.1]),
      article("Nowhere", [0.8, 0.8, 0.1, 0.1]),
    ];
    const result = scoreTruth(truth, printed, produced);
    expect(result.headlines).toEqual({ found: 1, expected: 2 });
    expect(result.clicks).toEqual({ right: 2, clicks: 3 });
    expect(result.separated).toEqual({ right: 1, expected: 2 });
    expect(result.merged).toBe(1);
    expect(result.furniture).toEqual({ out: 1, lines: 1 });
    expect(result.spurious).toBe(2);
    expect(result.paragraphs).toEqual({ broken: 1, total: 2 });
  });
});
