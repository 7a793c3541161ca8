/**
 * The one search rule of Fortschritt (docs/adr/0011-one-search.md), the same for the draft
 * in the database (SQLite or PostgreSQL) and for a published edition in memory: text is
 * folded (lower case; ä, ae → a; ö, oe → o; ü, ue → u; ß → ss), cut into words, and each
 * word reduced to its German stem (Snowball), so that "Rechnungen" finds "Rechnung",
 * "Bauanträge" finds "Bauantrag", and "Bürgerbüro", "Buergerbuero" and "BÜRGERBÜRO" find
 * the same. A query word matches an entry when its stem begins a
 * stem of the entry (a prefix match: "rechnungsw" finds "Rechnungsworkflow"), and an entry
 * is found when every query word matches.
 */
import { stemmer } from "@orama/stemmers/german";
import { foldGerman } from "./fold-text.js";

/** The most words of a query that are searched for; more only slow the search down. */
export const MAX_SEARCH_TOKENS = 8;

/**
 * Umlauts written out ("ae") and written as such ("ä", folded to "ae") become the plain
 * vowel, as in Snowball's "german2" variant: the stemmer then sees "Bauanträge" and
 * "Bauantrag" alike. "ue" after "q" ("Quelle") is no umlaut. That this also turns a few
 * other words (e.g. "Israel") into another spelling does not matter: query and index are
 * read by the same rule.
 */
function foldUmlauts(folded: string): string {
  return folded
    .replace(/ae/g, "a")
    .replace(/oe/g, "o")
    .replace(/(?<!q)ue/g, "u");
}

/**
 * Stems already computed: a catalogue uses a few thousand distinct words, and every
 * search stems the words of every candidate entry, so remembering them makes a search a
 * matter of string comparisons. Bounded, so that odd input cannot grow it without end.
 */
const STEMS = new Map<string, string>();
const MAX_REMEMBERED_STEMS = 50_000;

function stemOf(word: string): string {
  let stem = STEMS.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
    if (STEMS.size >= MAX_REMEMBERED_STEMS) STEMS.clear();
    STEMS.set(word, stem);
  }
  return stem;
}

/** The stems of the words of a text, in order, each only [a-z0-9]. */
export function searchWords(text: string): readonly string[] {
  return foldUmlauts(foldGerman(text))
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0)
    .map(stemOf);
}

/** The distinct stems of a search query, at most MAX_SEARCH_TOKENS. */
export function searchTokens(query: string): readonly string[] {
  return [...new Set(searchWords(query))].slice(0, MAX_SEARCH_TOKENS);
}

/** What the database stores for an entry: its stems, each preceded by a space, so that " " + token begins a word. */
export function indexedWords(title: string, body: string): string {
  return searchWords(`${title} ${body}`)
    .map((word) => ` ${word}`)
    .join("");
}

/** Whether some word begins with the token. */
export function containsPrefix(
  words: readonly string[],
  token: string,
): boolean {
  return words.some((word) => word.startsWith(token));
}
