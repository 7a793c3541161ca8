/** Municipalities: the tenants, with the data version that drives caches and ETags. */
import { sql } from "kysely";
import type { Municipality } from "../domain/catalogue/catalogue.js";
import type { Executor } from "./database.js";
import { firstOrNull } from "./query.js";

/** The row shape every municipality query selects. */
const COLUMNS = [
  "id",
  "slug",
  "name",
  "state",
  "website",
  "data_version",
] as const;

/** The row of the municipality with a slug, to select from. */
export function municipalityBySlug(db: Executor, slug: string) {
  return db.selectFrom("municipality").where("slug", "=", slug);
}

function toMunicipality(row: {
  id: number;
  slug: string;
  name: string;
  state: string | null;
  website: string | null;
  data_version: number;
}): Municipality {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    state: row.state,
    website: row.website,
    dataVersion: row.data_version,
  };
}

/** All municipalities, by name. */
export async function listMunicipalities(
  db: Executor,
): Promise<readonly Municipality[]> {
  const rows = await db
    .selectFrom("municipality")
    .select(COLUMNS)
    .orderBy("name")
    .execute();
  return rows.map(toMunicipality);
}

/** One municipality by slug, or null. */
export async function findMunicipalityBySlug(
  db: Executor,
  slug: string,
): Promise<Municipality | null> {
  return firstOrNull(
    municipalityBySlug(db, slug).select(COLUMNS),
    toMunicipality,
  );
}

/** Only the data version of a municipality: the cheap question asked on every request. */
export async function findDataVersion(
  db: Executor,
  slug: string,
): Promise<number | null> {
  return firstOrNull(
    municipalityBySlug(db, slug).select("data_version"),
    (row) => row.data_version,
  );
}

/** Creates a municipality and returns its id. */
export async function insertMunicipality(
  db: Executor,
  values: {
    slug: string;
    name: string;
    state: string | null;
    website: string | null;
    dataVersion: number;
    now: string;
  },
): Promise<number> {
  const row = await db
    .insertInto("municipality")
    .values({
      slug: values.slug,
      name: values.name,
      state: values.state,
      website: values.website,
      data_version: values.dataVersion,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Updates a municipality's own fields and marks its data as changed. */
export async function updateMunicipality(
  db: Executor,
  id: number,
  values: {
    name: string;
    state: string | null;
    website: string | null;
    now: string;
  },
): Promise<void> {
  await db
    .updateTable("municipality")
    .set({
      name: values.name,
      state: values.state,
      website: values.website,
      ...publicChangeColumns(values.now),
    })
    .where("id", "=", id)
    .execute();
}

/**
 * Whom a change concerns: "public" — what the public reads changes with it (key figures,
 * reports, publication); "draft" — only the draft changes, which the public reads too
 * until the first edition is published, but no longer afterwards.
 */
export type ChangeReach = "public" | "draft";

/**
 * Marks a municipality's data as changed, so that caches and ETags move on: the data
 * version always, the published version when the public sees the change.
 */
export async function bumpDataVersion(
  db: Executor,
  id: number,
  now: string,
  reach: ChangeReach = "public",
): Promise<void> {
  await db
    .updateTable("municipality")
    .set({
      ...publicChangeColumns(now),
      // The public reads the draft only while it needs no release and has no edition.
      ...(reach === "draft"
        ? {
            published_version: sql<number>`published_version + (case when requires_release = 1 or exists (select 1 from edition where edition.municipality_id = ${id}) then 0 else 1 end)`,
          }
        : {}),
    })
    .where("id", "=", id)
    .execute();
}

/**
 * What bumpDataVersion writes for a change the public sees, for an update of the
 * municipality's row that sets columns of its own too (its name, its state, its OParl
 * endpoint): one statement, and the versions move on in the same way everywhere.
 */
export function publicChangeColumns(now: string) {
  return {
    data_version: sql<number>`data_version + 1`,
    published_version: sql<number>`published_version + 1`,
    updated_at: now,
  };
}

/** A municipality with its published version: what public pages are cached and tagged by. */
export interface PublishedMunicipality extends Municipality {
  readonly publishedVersion: number;
  /** False while deactivated: its public pages say so (migration 2026-12-06-onboarding-lifecycle). */
  readonly isActive: boolean;
}

/** Every municipality with its versions, by name (the app keeps this list in memory). */
export async function listPublishedVersions(
  db: Executor,
): Promise<readonly PublishedMunicipality[]> {
  const rows = await db
    .selectFrom("municipality")
    .select([...COLUMNS, "published_version", "is_active"])
    .orderBy("name")
    .orderBy("slug")
    .execute();
  return rows.map((row) => ({
    ...toMunicipality(row),
    publishedVersion: row.published_version,
    isActive: Number(row.is_active) === 1,
  }));
}

/** Only the published version of a municipality (asked of a read replica before it serves a page). */
export async function findPublishedVersion(
  db: Executor,
  slug: string,
): Promise<number | null> {
  return firstOrNull(
    municipalityBySlug(db, slug).select("published_version"),
    (row) => row.published_version,
  );
}

/**
 * A number that changes whenever another connection has written to the SQLite file
 * (PRAGMA data_version); null on PostgreSQL, which announces changes instead.
 */
export async function readSqliteDataVersion(db: Executor): Promise<number> {
  const result = await sql<{
    data_version: number;
  }>`pragma data_version`.execute(db);
  return result.rows[0]?.data_version ?? 0;
}

/** Whether the database answers a trivial query. */
export async function pingDatabase(db: Executor): Promise<void> {
  await sql`select 1`.execute(db);
}
