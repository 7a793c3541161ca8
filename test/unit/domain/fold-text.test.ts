import { describe, expect, it } from "vitest";
import { foldGerman, MAX_SEARCH_TOKENS, searchTokens } from "../../../src/domain/search/fold-text.js";

describe("folding text for search", () => {
  it("spells umlauts and ß out, so both spellings meet", () => {
    expect(foldGerman("Bürgerbüro")).toBe("buergerbuero");
    expect(foldGerman("BÜRGERBÜRO")).toBe("buergerbuero");
    expect(foldGerman("Straße")).toBe("strasse");
  });

  it("strips other diacritics", () => {
    expect(foldGerman("Café")).toBe("cafe");
  });

  it("splits a query into distinct words of letters and digits", () => {
    expect(searchTokens("E-Rechnung, e-rechnung 2024!")).toEqual(["e", "rechnung", "2024"]);
  });

  it("drops characters that could change the meaning of a full-text query", () => {
    expect(searchTokens('"dms" OR * NEAR(a)')).toEqual(["dms", "or", "near", "a"]);
  });

  it("limits the number of words", () => {
    expect(searchTokens("a b c d e f g h i j k")).toHaveLength(MAX_SEARCH_TOKENS);
  });

  it("finds no words in punctuation alone", () => {
    expect(searchTokens(" --- ")).toEqual([]);
  });
});
