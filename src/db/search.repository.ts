/** The search index: one entry per project and per measure, searched by word prefixes. */
import { sql, type Kysely } from "kysely";
import { foldGerman } from "../domain/search/fold-text.js";
import type { Database, Executor } from "./database.js";
import { dialectOf, searchCondition } from "./dialect.js";

/** What is indexed for one project or measure. */
export interface SearchEntryInput {
  readonly projectId: number;
  readonly measureId: number | null;
  readonly title: string;
  readonly body: string;
}

/** A matching entry, best first. */
export interface SearchEntryMatch {
  readonly projectId: number;
  readonly measureId: number | null;
  readonly title: string;
  readonly body: string;
}

/** Replaces all search entries of a municipality. */
export async function replaceSearchEntries(
  db: Executor,
  municipalityId: number,
  entries: readonly SearchEntryInput[],
): Promise<void> {
  await db.deleteFrom("search_entry").where("municipality_id", "=", municipalityId).execute();
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
          folded: foldGerman(`${entry.title} ${entry.body}`),
        })),
      )
      .execute();
  }
}

/** Replaces the search entries of one project (the project and its measures) after it changed. */
export async function replaceProjectSearchEntries(
  db: Executor,
  municipalityId: number,
  projectId: number,
  entries: readonly SearchEntryInput[],
): Promise<void> {
  await db.deleteFrom("search_entry").where("project_id", "=", projectId).execute();
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
          folded: foldGerman(`${entry.title} ${entry.body}`),
        })),
      )
      .execute();
  }
}

/** Entries of a municipality that contain every token as a word prefix: projects first, then by relevance. */
export async function searchEntries(
  db: Kysely<Database>,
  municipalityId: number,
  tokens: readonly string[],
  limit: number,
): Promise<readonly SearchEntryMatch[]> {
  if (tokens.length === 0) return [];
  const condition = searchCondition(dialectOf(db), tokens);
  const rows = await db
    .selectFrom("search_entry")
    .select(["project_id", "measure_id", "title", "body"])
    .where("municipality_id", "=", municipalityId)
    .where(condition.where)
    // Projects before measures: a person searching "rechnung" looks for the project first.
    .orderBy(sql`case when measure_id is null then 0 else 1 end`)
    .orderBy(condition.rank)
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((row) => ({ projectId: row.project_id, measureId: row.measure_id, title: row.title, body: row.body }));
}
