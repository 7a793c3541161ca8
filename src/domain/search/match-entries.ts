/**
 * Matching and ranking search entries by the one search rule (search-words.ts). A
 * published edition never changes and a programme has tens to a few hundred projects, so
 * its entries are matched here in memory; for the draft the database narrows the entries
 * down first by the same rule (db/search.repository.ts) and they are ranked here too, so
 * that both databases and both kinds of catalogue answer a query with the same list.
 */
import { containsPrefix, searchWords } from "./search-words.js";

/** Something that can be found: a project or a measure. */
export interface SearchableEntry {
  readonly projectId: number;
  readonly measureId: number | null;
  readonly title: string;
  readonly body: string;
  /** The stems of title and body as the database stores them (indexedWords), when at hand. */
  readonly words?: string;
}

interface EntryWords {
  readonly title: readonly string[];
  readonly all: readonly string[];
}

/** The stems of entries already seen: an edition's entries are the same objects for every search. */
const WORDS = new WeakMap<SearchableEntry, EntryWords>();

function wordsOf(entry: SearchableEntry): EntryWords {
  let words = WORDS.get(entry);
  if (words === undefined) {
    const title = searchWords(entry.title);
    const all =
      entry.words === undefined
        ? [...title, ...searchWords(entry.body)]
        : entry.words.split(" ").filter((word) => word !== "");
    words = { title, all };
    WORDS.set(entry, words);
  }
  return words;
}

/**
 * The entries that contain every token (a stem, see searchTokens) as a word prefix:
 * projects first, then entries with more tokens in the title, then in the given order; at
 * most `limit`.
 */
export function matchEntries<T extends SearchableEntry>(
  entries: readonly T[],
  tokens: readonly string[],
  limit: number,
): readonly T[] {
  if (tokens.length === 0) return [];
  const hits: { entry: T; order: number; inTitle: number }[] = [];
  entries.forEach((entry, order) => {
    const words = wordsOf(entry);
    if (!tokens.every((token) => containsPrefix(words.all, token))) return;
    const inTitle = tokens.filter((token) =>
      containsPrefix(words.title, token),
    ).length;
    hits.push({ entry, order, inTitle });
  });
  hits.sort(
    (a, b) =>
      Number(a.entry.measureId !== null) - Number(b.entry.measureId !== null) ||
      b.inTitle - a.inTitle ||
      a.order - b.order,
  );
  return hits.slice(0, limit).map((hit) => hit.entry);
}
