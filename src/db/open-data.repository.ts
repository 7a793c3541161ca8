/** The open data settings of a municipality: licence, Regionalschlüssel, embedding origins. */
import { sql } from "kysely";
import type { Executor } from "./database.js";

/** The settings as stored. */
export interface StoredOpenDataSettings {
  readonly licence: string;
  readonly regionalKey: string | null;
  readonly embedOrigins: readonly string[];
}

/** The settings of a municipality (by id). */
export async function findOpenDataSettings(
  db: Executor,
  municipalityId: number,
): Promise<StoredOpenDataSettings> {
  const row = await db
    .selectFrom("municipality")
    .select(["open_data_licence", "regional_key", "embed_origins"])
    .where("id", "=", municipalityId)
    .executeTakeFirstOrThrow();
  return {
    licence: row.open_data_licence,
    regionalKey: row.regional_key,
    embedOrigins: row.embed_origins
      .split("\n")
      .filter((origin) => origin !== ""),
  };
}

/** Replaces the settings and marks the municipality's data as changed. */
export async function updateOpenDataSettings(
  db: Executor,
  municipalityId: number,
  settings: StoredOpenDataSettings,
  now: string,
): Promise<void> {
  await db
    .updateTable("municipality")
    .set({
      open_data_licence: settings.licence,
      regional_key: settings.regionalKey,
      embed_origins: settings.embedOrigins.join("\n"),
      updated_at: now,
      data_version: sql`data_version + 1`,
    })
    .where("id", "=", municipalityId)
    .execute();
}
