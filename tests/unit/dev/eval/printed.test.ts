// The eval's ruler: the printed lines of a page made in the test, where they are printed.
import { describe, expect, it } from "vitest";
import { printedLines } from "../../../../src/dev/eval/printed.ts";
import { makePdf } from "../../desk/pdf/make-pdf.ts";

describe("printedLines", () => {
  it("gives each printed line's text and its box in fractions of the page", () => {
    const lines = printedLines(
      makePdf({
        width: 600,
        height: 800,
        texts: [
          { x: 60, y: 80, size: 20, text: "Harbour Reopens", font: "bold" },
          { x: 60, y: 400, size: 10, text: "The boats came in." },
        ],
      }),
    );
    expect(lines.map((l) => l.text.trim())).toEqual(["Harbour Reopens", "The boats came in."]);
    const [head, text] = lines.map((l) => l.bbox);
    expect(head[0]).toBeCloseTo(0.1, 2);
    expect(head[1]).toBeGreaterThan(0.09);
    expect(head[1]).toBeLessThan(0.12);
    expect(text[1]).toBeGreaterThan(0.49);
    expect(text[1] + text[3]).toBeLessThan(0.53);
  });
});
