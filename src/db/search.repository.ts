/**
 * The search index: one entry per project and per measure with the stems of its words
 * (domain/search/search-words.ts). The same SQL on SQLite and PostgreSQL narrows a
 * municipality's entries down to those containing every token as a word prefix; the
 * ranking is domain/search/match-entries.ts, as for a published edition.
 */
import { sql, type Kysely } from "kysely";
import { indexedWords } from "../domain/search/search-words.js";
import type { Database, Executor } from "./database.js";

/** What is indexed for one project or measure. */
export interface SearchEntryInput {
  readonly projectId: number;
  readonly measureId: number | null;
  readonly title: string;
  readonly body: string;
}

/** A matching entry, with its stored stems. */
export interface SearchEntryMatch {
  readonly projectId: number;
  readonly measureId: number | null;
  readonly title: string;
  readonly body: string;
  readonly words: string;
}

async function insertSearchEntries(
  db: Executor,
  municipalityId: number,
  entries: readonly SearchEntryInput[],
): Promise<void> {
  // Chunks keep each statement below SQLite's limit of bound parameters.
  for (let index = 0; index < entries.length; index += 100) {
    await db
      .insertInto("search_entry")
      .values(
        entries.slice(index, index + 100).map((entry) => ({
          municipality_id: municipalityId,
          project_id: entry.projectId,
          measure_id: entry.measureId,
          title: entry.title,
          body: entry.body,
          words: indexedWords(entry.title, entry.body),
        })),
      )
      .execute();
  }
}

/** Replaces all search entries of a municipality. */
export async function replaceSearchEntries(
  db: Executor,
  municipalityId: number,
  entries: readonly SearchEntryInput[],
): Promise<void> {
  await db
    .deleteFrom("search_entry")
    .where("municipality_id", "=", municipalityId)
    .execute();
  await insertSearchEntries(db, municipalityId, entries);
}

/** Replaces the search entries of one project (the project and its measures) after it changed. */
export async function replaceProjectSearchEntries(
  db: Executor,
  municipalityId: number,
  projectId: number,
  entries: readonly SearchEntryInput[],
): Promise<void> {
  await db
    .deleteFrom("search_entry")
    .where("project_id", "=", projectId)
    .execute();
  await insertSearchEntries(db, municipalityId, entries);
}

/**
 * Entries of a municipality that contain every token (a stem of [a-z0-9], see
 * searchTokens) as a word prefix, in the order they were indexed. Tokens hold no LIKE
 * wildcards, and the stored words are lower case, so LIKE answers the same on both dialects.
 */
export async function searchEntries(
  db: Kysely<Database>,
  municipalityId: number,
  tokens: readonly string[],
): Promise<readonly SearchEntryMatch[]> {
  if (tokens.length === 0) return [];
  let query = db
    .selectFrom("search_entry")
    .select(["project_id", "measure_id", "title", "body", "words"])
    .where("municipality_id", "=", municipalityId);
  for (const token of tokens) {
    if (!/^[a-z0-9]+$/.test(token)) return [];
    query = query.where(sql<boolean>`search_entry.words like ${`% ${token}%`}`);
  }
  const rows = await query.orderBy("id").execute();
  return rows.map((row) => ({
    projectId: row.project_id,
    measureId: row.measure_id,
    title: row.title,
    body: row.body,
    words: row.words,
  }));
}
