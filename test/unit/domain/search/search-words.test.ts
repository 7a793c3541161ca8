import { describe, expect, it } from "vitest";
import {
  indexedWords,
  MAX_SEARCH_TOKENS,
  searchTokens,
  searchWords,
} from "../../../../src/domain/search/search-words.js";

describe("the words search sees", () => {
  it("splits a query into distinct words of letters and digits", () => {
    expect(searchTokens("E-Rechnung, e-rechnung 2024!")).toEqual([
      "e",
      "rechnung",
      "2024",
    ]);
  });

  it("reduces German words to their stem, so plural and singular meet", () => {
    expect(searchTokens("Rechnungen")).toEqual(searchTokens("Rechnung"));
    expect(searchTokens("Schulen")).toEqual(searchTokens("Schule"));
    expect(searchTokens("Bauanträge")).toEqual(searchTokens("Bauantrag"));
  });

  it("folds before stemming, so every spelling of an umlaut meets", () => {
    const [stem] = searchTokens("Bürgerbüro");
    expect(searchTokens("Buergerbuero")).toEqual([stem]);
    expect(searchTokens("BÜRGERBÜRO")).toEqual([stem]);
  });

  it("drops characters that could change the meaning of a database query", () => {
    expect(searchTokens('"dms" OR * NEAR(a) 100% _x_')).toEqual([
      "dms",
      "or",
      "near",
      "a",
      "100",
      "x",
    ]);
  });

  it("limits the number of words", () => {
    expect(searchTokens("a b c d e f g h i j k")).toHaveLength(
      MAX_SEARCH_TOKENS,
    );
  });

  it("finds no words in punctuation alone", () => {
    expect(searchTokens(" --- ")).toEqual([]);
    expect(searchWords("")).toEqual([]);
  });

  it("stores each stem behind a space, so that a query matches only at the start of a word", () => {
    expect(indexedWords("2.5 E-Rechnungen", "digital")).toBe(
      " 2 5 e rechnung digital",
    );
  });
});
