import { describe, expect, it } from "vitest";
import { searchTokens } from "../../../../src/domain/search/search-words.js";
import { matchEntries } from "../../../../src/domain/search/match-entries.js";

const entries = [
  {
    projectId: 1,
    measureId: 11,
    title: "Rechnungseingang digitalisieren",
    body: "E-Rechnungsworkflow",
  },
  {
    projectId: 1,
    measureId: null,
    title: "2.5 E-Rechnungsworkflow",
    body: "Rechnungen digital prüfen Smart Working",
  },
  {
    projectId: 2,
    measureId: null,
    title: "1.6 Digitales Bürgerbüro",
    body: "Termine online",
  },
  {
    projectId: 3,
    measureId: null,
    title: "1.1 Internet",
    body: "Relaunch der Seite mit Bürgerservice",
  },
];

describe("matching entries of a published edition", () => {
  it("finds every word as a prefix, projects before measures", () => {
    expect(
      matchEntries(entries, searchTokens("rechnung"), 10).map(
        (entry) => entry.measureId,
      ),
    ).toEqual([null, 11]);
  });

  it("folds umlauts both ways", () => {
    expect(
      matchEntries(entries, searchTokens("Buergerbuero"), 10).map(
        (entry) => entry.projectId,
      ),
    ).toEqual([2]);
    expect(
      matchEntries(entries, searchTokens("bürgerbüro"), 10).map(
        (entry) => entry.projectId,
      ),
    ).toEqual([2]);
  });

  it("finds the singular from the plural and the plural from the singular", () => {
    expect(
      matchEntries(entries, searchTokens("rechnungen"), 10).map(
        (entry) => entry.measureId,
      ),
    ).toEqual([null, 11]);
    expect(
      matchEntries(entries, searchTokens("Termin"), 10).map(
        (entry) => entry.projectId,
      ),
    ).toEqual([2]);
  });

  it("ranks a match in the title above one in the text", () => {
    expect(
      matchEntries(entries, searchTokens("bürger"), 10).map(
        (entry) => entry.projectId,
      ),
    ).toEqual([2, 3]);
  });

  it("needs every word and respects the limit", () => {
    expect(
      matchEntries(entries, searchTokens("rechnung xylophon"), 10),
    ).toEqual([]);
    expect(matchEntries(entries, searchTokens("e"), 1)).toHaveLength(1);
    expect(matchEntries(entries, [], 10)).toEqual([]);
  });
});
