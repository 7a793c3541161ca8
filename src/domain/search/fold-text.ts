/**
 * Folding text for search, so that "Bürgerbüro", "buergerbuero" and "BÜRGERBÜRO" find
 * the same project: German readers write umlauts both ways, especially on keyboards
 * without them.
 */

const GERMAN_FOLDS: Readonly<Record<string, string>> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

/** Lower-cases, spells umlauts and ß out, and strips other diacritics (é → e). */
export function foldGerman(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöüß]/g, (character) => GERMAN_FOLDS[character] ?? character)
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "");
}

/** The most words of a query that are searched for; more only slow the search down. */
export const MAX_SEARCH_TOKENS = 8;

/** The distinct folded words of a search query, each only [a-z0-9], at most MAX_SEARCH_TOKENS. */
export function searchTokens(query: string): readonly string[] {
  const words = foldGerman(query)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  return [...new Set(words)].slice(0, MAX_SEARCH_TOKENS);
}
