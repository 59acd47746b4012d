import { describe, expect, it } from "vitest";
import { isLineBreakHyphen, pageWords } from "../../../../src/desk/prose/hyphenation.ts";
import { proseLanguage } from "../../../../src/desk/prose/language.ts";

describe("a hyphen at a line's end", () => {
  it("is the line break's where the language's patterns allow a break there", () => {
    expect(isLineBreakHyphen("The liberal and pro-", "gressive strands", "en")).toBe(true);
    expect(isLineBreakHyphen("rendre lesdites manifesta-", "tions", "fr")).toBe(true);
  });

  it("is printed where the patterns allow no break there (a language without a word list here)", () => {
    expect(isLineBreakHyphen("la manifesta-", "zione", "it")).toBe(true);
    expect(isLineBreakHyphen("la manif-", "estazione", "it")).toBe(false);
  });

  it("follows the language's word list: a whole word is joined, two words are a compound", () => {
    expect(isLineBreakHyphen("a well-", "known author", "en")).toBe(false);
    expect(isLineBreakHyphen("the contem-", "plation", "fr")).toBe(true);
  });

  it("looks the word up without the elided article before it", () => {
    expect(isLineBreakHyphen("ce rallye a d’ail-", "leurs testé", "fr")).toBe(true);
    expect(isLineBreakHyphen("l’ensei-", "gnement", "fr")).toBe(true);
  });

  it("is printed before a capital, in a compound already hyphenated, or between two words the page prints alone", () => {
    expect(isLineBreakHyphen("Jean-", "Pierre", "fr")).toBe(false);
    expect(isLineBreakHyphen("un chaux-", "de-fonnier", "fr")).toBe(false);
    const words = pageWords(["a well made and known road", "end"]);
    expect(isLineBreakHyphen("a well-", "known author", "en", words)).toBe(false);
  });

  it("does not take the tail of a broken word, first on its line, for a word the page prints whole", () => {
    const words = pageWords(["une plateforme de financement par-", "ticipatif, comme l’expliquait le journal"]);
    expect(isLineBreakHyphen("financement par-", "ticipatif, comme", "fr", words)).toBe(true);
  });

  it("follows the page's own spelling first", () => {
    const joined = pageWords(["the manifestazione went on", "end"]);
    expect(isLineBreakHyphen("la manif-", "estazione", "it", joined)).toBe(true);
    const hyphenated = pageWords(["a self-made man here", "end"]);
    expect(isLineBreakHyphen("the self-", "made", "en", hyphenated)).toBe(false);
  });
});

describe("the language of a page's prose", () => {
  it("is told by its commonest short words", () => {
    expect(proseLanguage("Le conseil a voté la loi et les députés sont partis dans la nuit pour le vote")).toBe("fr");
    expect(proseLanguage("The council voted on the budget and the mayor signed it for the city")).toBe("en");
    expect(proseLanguage("Der Rat hat die Vorlage nicht angenommen und die Stadt ist mit dem Ergebnis")).toBe("de");
  });
});
