/**
 * The draft's revision data: the reasons given for shifts before publishing, the foreword
 * of the next edition, and the categories of reasons a municipality keeps.
 */
import { sql } from "kysely";
import type { ReasonCategory, ShiftReason } from "../domain/edition/reasons.js";
import type { Executor } from "./database.js";
import { publicChangeColumns } from "./municipality.repository.js";
import { changesOneRow, positionAfterLast, saveAtVersion } from "./query.js";

/** A reason category with its editing version. */
export interface StoredReasonCategory extends ReasonCategory {
  readonly version: number;
}

/** A reason of the draft with its editing version. */
export interface StoredDraftReason extends ShiftReason {
  readonly changeKey: string;
  readonly version: number;
  readonly updatedAt: string;
}

/** The categories of a municipality, in their order. */
export async function listReasonCategories(
  db: Executor,
  municipalityId: number,
): Promise<readonly StoredReasonCategory[]> {
  const rows = await db
    .selectFrom("reason_category")
    .select(["key", "label", "requires_text", "version"])
    .where("municipality_id", "=", municipalityId)
    .orderBy("position")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    key: row.key,
    label: row.label,
    requiresText: Number(row.requires_text) === 1,
    version: row.version,
  }));
}

/** Appends categories at the end of a municipality's list (seeding a new municipality, or one new category). */
export async function insertReasonCategories(
  db: Executor,
  municipalityId: number,
  categories: readonly ReasonCategory[],
): Promise<void> {
  if (categories.length === 0) return;
  const start =
    (await positionAfterLast(
      db
        .selectFrom("reason_category")
        .where("municipality_id", "=", municipalityId),
    )) ?? 0;
  await db
    .insertInto("reason_category")
    .values(
      categories.map((category, index) => ({
        municipality_id: municipalityId,
        key: category.key,
        label: category.label,
        requires_text: category.requiresText ? 1 : 0,
        position: start + index,
      })),
    )
    .execute();
}

/** Changes a category if it is still at the expected version; false when it is not (or gone). */
export async function updateReasonCategory(
  db: Executor,
  municipalityId: number,
  key: string,
  expectedVersion: number,
  values: { readonly label: string; readonly requiresText: boolean },
): Promise<boolean> {
  return changesOneRow(
    db
      .updateTable("reason_category")
      .set({
        label: values.label,
        requires_text: values.requiresText ? 1 : 0,
        version: sql`version + 1`,
      })
      .where("municipality_id", "=", municipalityId)
      .where("key", "=", key)
      .where("version", "=", expectedVersion),
  );
}

/** Removes a category if it is still at the expected version; false when it is not (or gone). */
export async function deleteReasonCategory(
  db: Executor,
  municipalityId: number,
  key: string,
  expectedVersion: number,
): Promise<boolean> {
  return changesOneRow(
    db
      .deleteFrom("reason_category")
      .where("municipality_id", "=", municipalityId)
      .where("key", "=", key)
      .where("version", "=", expectedVersion),
  );
}

/** The reasons given in the draft. */
export async function listDraftReasons(
  db: Executor,
  municipalityId: number,
): Promise<readonly StoredDraftReason[]> {
  const rows = await db
    .selectFrom("draft_reason")
    .select(["change_key", "category", "text", "version", "updated_at"])
    .where("municipality_id", "=", municipalityId)
    .orderBy("change_key")
    .execute();
  return rows.map((row) => ({
    changeKey: row.change_key,
    category: row.category,
    text: row.text,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  }));
}

/**
 * Writes the reason for one shift. With `expectedVersion` 0 the reason must be new;
 * otherwise the stored one must still be at that version. False when the expectation fails.
 */
export async function saveDraftReason(
  db: Executor,
  municipalityId: number,
  changeKey: string,
  expectedVersion: number,
  reason: ShiftReason,
  now: string,
): Promise<boolean> {
  return saveAtVersion(expectedVersion, {
    existing: db
      .selectFrom("draft_reason")
      .select("id")
      .where("municipality_id", "=", municipalityId)
      .where("change_key", "=", changeKey),
    insert: db.insertInto("draft_reason").values({
      municipality_id: municipalityId,
      change_key: changeKey,
      category: reason.category,
      text: reason.text,
      updated_at: now,
    }),
    update: db
      .updateTable("draft_reason")
      .set({
        category: reason.category,
        text: reason.text,
        updated_at: now,
        version: sql`version + 1`,
      })
      .where("municipality_id", "=", municipalityId)
      .where("change_key", "=", changeKey)
      .where("version", "=", expectedVersion),
  });
}

/** Forgets every reason of the draft (after publishing: they now belong to the edition). */
export async function clearDraftReasons(
  db: Executor,
  municipalityId: number,
): Promise<void> {
  await db
    .deleteFrom("draft_reason")
    .where("municipality_id", "=", municipalityId)
    .execute();
}

/** The draft's foreword and its version (version 0: never written). */
export async function loadDraftForeword(
  db: Executor,
  municipalityId: number,
): Promise<{ readonly foreword: string | null; readonly version: number }> {
  const row = await db
    .selectFrom("edition_draft")
    .select(["foreword", "version"])
    .where("municipality_id", "=", municipalityId)
    .executeTakeFirst();
  return row === undefined
    ? { foreword: null, version: 0 }
    : { foreword: row.foreword, version: row.version };
}

/** Writes the draft's foreword if it is still at the expected version (0: never written); false otherwise. */
export async function saveDraftForeword(
  db: Executor,
  municipalityId: number,
  expectedVersion: number,
  foreword: string | null,
): Promise<boolean> {
  return saveAtVersion(expectedVersion, {
    existing: db
      .selectFrom("edition_draft")
      .select("version")
      .where("municipality_id", "=", municipalityId),
    insert: db
      .insertInto("edition_draft")
      .values({ municipality_id: municipalityId, foreword }),
    update: db
      .updateTable("edition_draft")
      .set({ foreword, version: sql`version + 1` })
      .where("municipality_id", "=", municipalityId)
      .where("version", "=", expectedVersion),
  });
}

/**
 * Takes the municipality's row if its data are still at the version the caller read, and
 * moves the version on; false when anything changed since. Publishing uses it so that
 * exactly the state the administrator reviewed becomes the edition.
 */
export async function claimDataVersion(
  db: Executor,
  municipalityId: number,
  expectedDataVersion: number,
  now: string,
): Promise<boolean> {
  return changesOneRow(
    db
      .updateTable("municipality")
      .set(publicChangeColumns(now))
      .where("id", "=", municipalityId)
      .where("data_version", "=", expectedDataVersion),
  );
}
