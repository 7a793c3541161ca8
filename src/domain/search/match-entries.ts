/**
 * Searching a published edition in memory. An edition never changes and a programme has
 * tens to a few hundred projects, so its entries are matched directly instead of through
 * the database's full-text index (which indexes the draft). The rule is the index's:
 * every folded query word must begin a word of the entry (a prefix match, "rechnung"
 * finds "Rechnungsworkflow"); projects come before measures.
 */
import { foldGerman } from "./fold-text.js";

/** Something that can be found: a project or a measure. */
export interface SearchableEntry {
  readonly projectId: number;
  readonly measureId: number | null;
  readonly title: string;
  readonly body: string;
}

function wordsOf(text: string): readonly string[] {
  return foldGerman(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

function containsPrefix(words: readonly string[], token: string): boolean {
  return words.some((word) => word.startsWith(token));
}

/**
 * The entries that contain every token (already folded, see searchTokens) as a word
 * prefix: projects first, then entries with more tokens in the title, then in the given
 * order; at most `limit`.
 */
export function matchEntries<T extends SearchableEntry>(entries: readonly T[], tokens: readonly string[], limit: number): readonly T[] {
  if (tokens.length === 0) return [];
  const hits: { entry: T; order: number; inTitle: number }[] = [];
  entries.forEach((entry, order) => {
    const titleWords = wordsOf(entry.title);
    const words = [...titleWords, ...wordsOf(entry.body)];
    if (!tokens.every((token) => containsPrefix(words, token))) return;
    const inTitle = tokens.filter((token) => containsPrefix(titleWords, token)).length;
    hits.push({ entry, order, inTitle });
  });
  hits.sort(
    (a, b) =>
      Number(a.entry.measureId !== null) - Number(b.entry.measureId !== null) || b.inTitle - a.inTitle || a.order - b.order,
  );
  return hits.slice(0, limit).map((hit) => hit.entry);
}
