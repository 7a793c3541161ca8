/**
 * Font sizes computed from a text's length, so that titles fit their boxes in every office
 * suite (src/exports/pptx/text-fit.ts).
 */
import { describe, expect, it } from "vitest";
import {
  fittingFontSize,
  textWidthEm,
  wrappedLines,
} from "../../src/exports/pptx/text-fit.js";

describe("fitting a text into its box", () => {
  it("measures narrow letters narrower than wide ones", () => {
    expect(textWidthEm("iiii")).toBeLessThan(textWidthEm("mmmm"));
    expect(textWidthEm("")).toBe(0);
  });

  it("wraps words into lines", () => {
    expect(wrappedLines("Überblick", 800, 26)).toBe(1);
    expect(
      wrappedLines("ein zwei drei vier fünf sechs", 60, 12),
    ).toBeGreaterThan(2);
    expect(wrappedLines("erste Zeile\nzweite Zeile", 800, 12)).toBe(2);
  });

  it("keeps a short title at its nominal size", () => {
    expect(
      fittingFontSize("Überblick", {
        width: 12.1,
        height: 0.6,
        maxSize: 26,
        minSize: 20,
        bold: true,
      }),
    ).toEqual({ fontSize: 26, lines: 1, fits: true });
  });

  it("shrinks a long title until it takes no more lines than its box holds", () => {
    const title =
      "Bewerbungen für städtische Baugrundstücke über die Beteiligungsplattform";
    const fit = fittingFontSize(title, {
      width: 12.1,
      height: 0.6,
      maxSize: 26,
      minSize: 20,
      bold: true,
    });
    expect(fit.fits).toBe(true);
    expect(fit.fontSize).toBeLessThan(26);
    expect(fit.lines).toBe(1);
  });

  it("says when even the smallest size overflows", () => {
    const fit = fittingFontSize("Wort ".repeat(200), {
      width: 2,
      height: 0.5,
      maxSize: 20,
      minSize: 12,
    });
    expect(fit).toMatchObject({ fontSize: 12, fits: false });
  });
});
