import { describe, expect, it } from "vitest";
import { foldGerman } from "../../../src/domain/search/fold-text.js";

describe("folding text for search", () => {
  it("spells umlauts and ß out, so both spellings meet", () => {
    expect(foldGerman("Bürgerbüro")).toBe("buergerbuero");
    expect(foldGerman("BÜRGERBÜRO")).toBe("buergerbuero");
    expect(foldGerman("Straße")).toBe("strasse");
  });

  it("strips other diacritics", () => {
    expect(foldGerman("Café")).toBe("cafe");
  });
});
