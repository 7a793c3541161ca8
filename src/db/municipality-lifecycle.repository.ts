/**
 * The lifecycle of municipalities (migration 2026-12-06-onboarding-lifecycle): the full
 * record with its state, creating one, switching it off and on, the state released to
 * the public before the first edition, and copying the shape of one municipality into
 * another (never its data).
 */
import { sql } from "kysely";
import type { Executor } from "./database.js";
import {
  municipalityBySlug,
  publicChangeColumns,
} from "./municipality.repository.js";
import { firstOrNull, insertRows } from "./query.js";

/** A municipality as the lifecycle use cases read it. */
export interface MunicipalityRecord {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly state: string | null;
  readonly website: string | null;
  readonly regionalKey: string | null;
  readonly contactEmail: string | null;
  readonly isActive: boolean;
  readonly requiresRelease: boolean;
  readonly deactivatedAt: string | null;
  readonly createdAt: string;
}

/** A municipality with what the list of municipalities shows about it. */
export interface MunicipalityListEntry extends MunicipalityRecord {
  readonly projects: number;
  readonly editions: number;
  readonly users: number;
}

const iso = (value: Date | string | null): string | null =>
  value === null
    ? null
    : value instanceof Date
      ? value.toISOString()
      : new Date(value).toISOString();

const SELECTED = [
  "municipality.id",
  "municipality.slug",
  "municipality.name",
  "municipality.state",
  "municipality.website",
  "municipality.regional_key",
  "municipality.contact_email",
  "municipality.is_active",
  "municipality.requires_release",
  "municipality.deactivated_at",
  "municipality.created_at",
] as const;

function toRecord(row: {
  id: number;
  slug: string;
  name: string;
  state: string | null;
  website: string | null;
  regional_key: string | null;
  contact_email: string | null;
  is_active: number;
  requires_release: number;
  deactivated_at: Date | string | null;
  created_at: Date | string;
}): MunicipalityRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    state: row.state,
    website: row.website,
    regionalKey: row.regional_key,
    contactEmail: row.contact_email,
    isActive: Number(row.is_active) === 1,
    requiresRelease: Number(row.requires_release) === 1,
    deactivatedAt: iso(row.deactivated_at),
    createdAt: iso(row.created_at) ?? "",
  };
}

/** One municipality by slug, or null. */
export async function findMunicipalityRecord(
  db: Executor,
  slug: string,
): Promise<MunicipalityRecord | null> {
  return firstOrNull(municipalityBySlug(db, slug).select(SELECTED), toRecord);
}

/** Every municipality with its counts, by name. */
export async function listMunicipalityRecords(
  db: Executor,
): Promise<readonly MunicipalityListEntry[]> {
  const rows = await db
    .selectFrom("municipality")
    .select(SELECTED)
    .select((eb) => [
      eb
        .selectFrom("project")
        .whereRef("project.municipality_id", "=", "municipality.id")
        .select(eb.fn.countAll<number>().as("n"))
        .as("projects"),
      eb
        .selectFrom("edition")
        .whereRef("edition.municipality_id", "=", "municipality.id")
        .select(eb.fn.countAll<number>().as("n"))
        .as("editions"),
      eb
        .selectFrom("user_account")
        .whereRef("user_account.municipality_id", "=", "municipality.id")
        .select(eb.fn.countAll<number>().as("n"))
        .as("users"),
    ])
    .orderBy("municipality.name")
    .orderBy("municipality.slug")
    .execute();
  return rows.map((row) => ({
    ...toRecord(row),
    projects: Number(row.projects ?? 0),
    editions: Number(row.editions ?? 0),
    users: Number(row.users ?? 0),
  }));
}

/** Creates a municipality with its programme frame; returns its id. */
export async function insertMunicipalityRecord(
  db: Executor,
  values: {
    slug: string;
    name: string;
    state: string;
    website: string | null;
    regionalKey: string;
    contactEmail: string | null;
    programme: { title: string; horizonStart: number; horizonEnd: number };
    now: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto("municipality")
    .values({
      slug: values.slug,
      name: values.name,
      state: values.state,
      website: values.website,
      regional_key: values.regionalKey,
      contact_email: values.contactEmail,
      requires_release: 1,
      data_version: 1,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("programme")
    .values({
      municipality_id: id,
      title: values.programme.title,
      subtitle: null,
      horizon_start: values.programme.horizonStart,
      horizon_end: values.programme.horizonEnd,
      summary: null,
    })
    .execute();
  return id;
}

/** Switches a municipality off or on; its caches and public pages move on. */
export async function setMunicipalityActive(
  db: Executor,
  id: number,
  isActive: boolean,
  now: string,
): Promise<void> {
  await db
    .updateTable("municipality")
    .set({
      is_active: isActive ? 1 : 0,
      deactivated_at: isActive ? null : now,
      ...publicChangeColumns(now),
    })
    .where("id", "=", id)
    .execute();
}

/** Whether a municipality (by id) is active; true for one that does not exist (nothing to guard). */
export async function isMunicipalityActive(
  db: Executor,
  id: number,
): Promise<boolean> {
  const row = await db
    .selectFrom("municipality")
    .select("is_active")
    .where("id", "=", id)
    .executeTakeFirst();
  return row === undefined || Number(row.is_active) === 1;
}

/** The state released to the public, as stored. */
export interface StoredRelease {
  readonly snapshot: unknown;
  readonly releasedAt: string;
  readonly releasedByLabel: string;
  readonly version: number;
}

/** Whether a municipality shows only released states, and the one released last. */
export async function findPublicRelease(
  db: Executor,
  municipalityId: number,
): Promise<{
  readonly requiresRelease: boolean;
  readonly release: StoredRelease | null;
}> {
  const row = await db
    .selectFrom("municipality")
    .leftJoin(
      "public_release",
      "public_release.municipality_id",
      "municipality.id",
    )
    .select([
      "municipality.requires_release",
      "public_release.snapshot_json",
      "public_release.released_at",
      "public_release.released_by_label",
      "public_release.version",
    ])
    .where("municipality.id", "=", municipalityId)
    .executeTakeFirst();
  if (row === undefined) return { requiresRelease: false, release: null };
  return {
    requiresRelease: Number(row.requires_release) === 1,
    release:
      row.snapshot_json === null || row.snapshot_json === undefined
        ? null
        : {
            snapshot: JSON.parse(row.snapshot_json) as unknown,
            releasedAt: iso(row.released_at ?? null) ?? "",
            releasedByLabel: row.released_by_label ?? "",
            version: Number(row.version ?? 1),
          },
  };
}

/** Stores a newly released state in place of the previous one. */
export async function savePublicRelease(
  db: Executor,
  municipalityId: number,
  values: { snapshot: unknown; now: string; label: string },
): Promise<void> {
  const snapshotJson = JSON.stringify(values.snapshot);
  const updated = await db
    .updateTable("public_release")
    .set({
      snapshot_json: snapshotJson,
      released_at: values.now,
      released_by_label: values.label,
      version: sql`version + 1`,
    })
    .where("municipality_id", "=", municipalityId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await db
      .insertInto("public_release")
      .values({
        municipality_id: municipalityId,
        snapshot_json: snapshotJson,
        released_at: values.now,
        released_by_label: values.label,
      })
      .execute();
  }
}

// ---------------------------------------------------------------------------
// The shape of a municipality, part by part (the template of a new one)

/** Copies the reason categories for shifts. Returns how many. */
export async function copyReasonCategories(
  db: Executor,
  fromId: number,
  toId: number,
): Promise<number> {
  const rows = await db
    .selectFrom("reason_category")
    .select(["key", "label", "requires_text", "position"])
    .where("municipality_id", "=", fromId)
    .orderBy("position")
    .execute();
  await insertRows(
    db.insertInto("reason_category"),
    rows.map((row) => ({ ...row, municipality_id: toId })),
  );
  return rows.length;
}

/** Copies the programme's skeleton: its horizon, impact areas and action fields (no projects, no goals). Returns how many areas and fields. */
export async function copyProgrammeSkeleton(
  db: Executor,
  fromId: number,
  toId: number,
): Promise<number> {
  const frame = await db
    .selectFrom("programme")
    .select(["horizon_start", "horizon_end"])
    .where("municipality_id", "=", fromId)
    .executeTakeFirst();
  if (frame !== undefined)
    await db
      .updateTable("programme")
      .set({
        horizon_start: frame.horizon_start,
        horizon_end: frame.horizon_end,
      })
      .where("municipality_id", "=", toId)
      .execute();
  const areas = await db
    .selectFrom("impact_area")
    .select(["id", "key", "name", "description", "position"])
    .where("municipality_id", "=", fromId)
    .orderBy("position")
    .execute();
  let count = 0;
  for (const area of areas) {
    const { id } = await db
      .insertInto("impact_area")
      .values({
        municipality_id: toId,
        key: area.key,
        name: area.name,
        description: area.description,
        position: area.position,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    count += 1;
    const fields = await db
      .selectFrom("action_field")
      .select(["key", "number", "name", "colour", "description", "position"])
      .where("impact_area_id", "=", area.id)
      .orderBy("position")
      .execute();
    await insertRows(
      db.insertInto("action_field"),
      fields.map((field) => ({
        ...field,
        municipality_id: toId,
        impact_area_id: id,
      })),
    );
    count += fields.length;
  }
  return count;
}

/** Copies the key-figure definitions, without values and without links to projects. Returns how many. */
export async function copyIndicatorDefinitions(
  db: Executor,
  fromId: number,
  toId: number,
): Promise<number> {
  const rows = await db
    .selectFrom("indicator")
    .select([
      "key",
      "name",
      "unit",
      "definition",
      "source",
      "owner",
      "kind",
      "denominator_label",
      "chart_kind",
      "position",
    ])
    .where("municipality_id", "=", fromId)
    .orderBy("position")
    .execute();
  await insertRows(
    db.insertInto("indicator"),
    rows.map((row) => ({
      ...row,
      municipality_id: toId,
      project_slug: null,
    })),
  );
  return rows.length;
}

/** Copies what reporting is shaped by: the committees reports go to and the reminder rules. Returns how many. */
export async function copyReportingShape(
  db: Executor,
  fromId: number,
  toId: number,
): Promise<number> {
  const committees = await db
    .selectFrom("committee")
    .select(["name", "abbreviation", "kind"])
    .where("municipality_id", "=", fromId)
    .orderBy("id")
    .execute();
  await insertRows(
    db.insertInto("committee"),
    committees.map((row) => ({ ...row, municipality_id: toId })),
  );
  const rules = await db
    .selectFrom("report_reminder_rule")
    .select(["days_before"])
    .where("municipality_id", "=", fromId)
    .orderBy("days_before")
    .execute();
  await insertRows(
    db.insertInto("report_reminder_rule"),
    rules.map((row) => ({ ...row, municipality_id: toId })),
  );
  return committees.length + rules.length;
}
