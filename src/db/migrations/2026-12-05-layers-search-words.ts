/**
 * One search for both dialects (docs/adr/0011-one-search.md): search_entry keeps the German
 * stems of its text in `words` instead of the folded text that SQLite's FTS5 and
 * PostgreSQL's `german` configuration each tokenised their own way. The stems are
 * computed here with the rule of today; should the rule change, a later migration
 * recomputes them.
 */
import type { Kysely } from "kysely";
import { foldGerman } from "../../domain/search/fold-text.js";
import { indexedWords } from "../../domain/search/search-words.js";
import { createSearchIndex, dropSearchIndex } from "../dialect.js";

export async function up(db: Kysely<any>): Promise<void> {
  await dropSearchIndex(db);
  await db.schema
    .alterTable("search_entry")
    .addColumn("words", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  const rows: { id: number; title: string; body: string }[] = await db
    .selectFrom("search_entry")
    .select(["id", "title", "body"])
    .execute();
  for (const row of rows) {
    await db
      .updateTable("search_entry")
      .set({ words: indexedWords(row.title, row.body) })
      .where("id", "=", row.id)
      .execute();
  }
  await db.schema.alterTable("search_entry").dropColumn("folded").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("search_entry")
    .addColumn("folded", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  const rows: { id: number; title: string; body: string }[] = await db
    .selectFrom("search_entry")
    .select(["id", "title", "body"])
    .execute();
  for (const row of rows) {
    await db
      .updateTable("search_entry")
      .set({ folded: foldGerman(`${row.title} ${row.body}`) })
      .where("id", "=", row.id)
      .execute();
  }
  await db.schema.alterTable("search_entry").dropColumn("words").execute();
  await createSearchIndex(db);
}
