/** Participation (ADR 0023): only this module reads or writes the items and their addresses. */
import type { Selectable, Updateable } from "kysely";
import type {
  ItemKind,
  ItemStatus,
  ParticipationMode,
} from "../domain/participation/participation.js";
import type { Executor } from "./database.js";
import { changesOneRow, countRows, firstOrNull, insertRows } from "./query.js";
import type { ParticipationItemTable } from "./participation.tables.js";

const iso = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : value;

/** The settings of a municipality (defaults while none are stored). */
export interface StoredParticipationSettings {
  readonly mode: ParticipationMode;
  readonly overdueDays: number;
  readonly retentionDays: number;
}

export const DEFAULT_PARTICIPATION_SETTINGS: StoredParticipationSettings = {
  mode: "off",
  overdueDays: 30,
  retentionDays: 180,
};

export async function findParticipationSettings(
  db: Executor,
  municipalityId: number,
): Promise<StoredParticipationSettings> {
  const row = await db
    .selectFrom("participation_settings")
    .select(["mode", "overdue_days", "retention_days"])
    .where("municipality_id", "=", municipalityId)
    .executeTakeFirst();
  if (row === undefined) return DEFAULT_PARTICIPATION_SETTINGS;
  return {
    mode: row.mode as ParticipationMode,
    overdueDays: Number(row.overdue_days),
    retentionDays: Number(row.retention_days),
  };
}

export async function saveParticipationSettings(
  db: Executor,
  municipalityId: number,
  settings: StoredParticipationSettings,
  now: string,
): Promise<void> {
  const values = {
    mode: settings.mode,
    overdue_days: settings.overdueDays,
    retention_days: settings.retentionDays,
    updated_at: now,
  };
  await db
    .insertInto("participation_settings")
    .values({ municipality_id: municipalityId, ...values })
    .onConflict((oc) => oc.column("municipality_id").doUpdateSet(values))
    .execute();
}

/** How many submissions were counted against a key since a moment. */
export async function countRate(
  db: Executor,
  key: string,
  since: string,
): Promise<number> {
  return countRows(
    db
      .selectFrom("participation_rate")
      .where("rate_key", "=", key)
      .where("at", ">", since),
  );
}

export async function insertRate(
  db: Executor,
  keys: readonly string[],
  at: string,
): Promise<void> {
  await insertRows(
    db.insertInto("participation_rate"),
    keys.map((key) => ({ rate_key: key, at })),
  );
}

/** An item as stored, with its personal data (only app/participation sees this). */
export interface StoredItem {
  readonly id: number;
  readonly municipalityId: number;
  readonly kind: ItemKind;
  readonly title: string | null;
  readonly body: string | null;
  readonly projectSlug: string | null;
  readonly status: ItemStatus;
  readonly origin: "staff" | "public";
  readonly publishedAt: string | null;
  readonly decisionNote: string | null;
  readonly mergedIntoId: number | null;
  readonly linkProjectSlug: string | null;
  readonly linkMeasureId: number | null;
  readonly linkMeasureTitle: string | null;
  readonly linkEditionNumber: number | null;
  readonly orgUnitCode: string | null;
  readonly email: string | null;
  readonly emailConfirmedAt: string | null;
  readonly unsubscribeToken: string | null;
  readonly withdrawTokenHash: string;
  readonly createdAt: string;
  readonly statusChangedAt: string;
  readonly version: number;
  /** The language of the form it was sent from: its mails are written in it. */
  readonly language: "de" | "en";
}

function toItem(row: Selectable<ParticipationItemTable>): StoredItem {
  return {
    id: Number(row.id),
    municipalityId: Number(row.municipality_id),
    kind: row.kind as ItemKind,
    title: row.title,
    body: row.body,
    projectSlug: row.project_slug,
    status: row.status as ItemStatus,
    origin: row.origin === "staff" ? "staff" : "public",
    publishedAt: iso(row.published_at),
    decisionNote: row.decision_note,
    mergedIntoId:
      row.merged_into_id === null ? null : Number(row.merged_into_id),
    linkProjectSlug: row.link_project_slug,
    linkMeasureId:
      row.link_measure_id === null ? null : Number(row.link_measure_id),
    linkMeasureTitle: row.link_measure_title,
    linkEditionNumber:
      row.link_edition_number === null ? null : Number(row.link_edition_number),
    orgUnitCode: row.org_unit_code,
    email: row.email,
    emailConfirmedAt: iso(row.email_confirmed_at),
    unsubscribeToken: row.unsubscribe_token,
    withdrawTokenHash: row.withdraw_token_hash,
    createdAt: iso(row.created_at) ?? "",
    statusChangedAt: iso(row.status_changed_at) ?? "",
    version: Number(row.version),
    language: row.language === "en" ? "en" : "de",
  };
}

/** Stores a new item with its first history step; answers its id. */
export async function insertItem(
  db: Executor,
  values: {
    municipalityId: number;
    kind: ItemKind;
    title: string;
    body: string;
    projectSlug: string | null;
    origin: "staff" | "public";
    email: string | null;
    confirmTokenHash: string | null;
    confirmExpiresAt: string | null;
    unsubscribeToken: string | null;
    withdrawTokenHash: string;
    submittedByUserId: number | null;
    language: "de" | "en";
    now: string;
  },
): Promise<number> {
  const row = await db
    .insertInto("participation_item")
    .values({
      municipality_id: values.municipalityId,
      kind: values.kind,
      title: values.title,
      body: values.body,
      project_slug: values.projectSlug,
      origin: values.origin,
      email: values.email,
      confirm_token_hash: values.confirmTokenHash,
      confirm_expires_at: values.confirmExpiresAt,
      unsubscribe_token: values.unsubscribeToken,
      withdraw_token_hash: values.withdrawTokenHash,
      submitted_by_user_id: values.submittedByUserId,
      language: values.language,
      created_at: values.now,
      status_changed_at: values.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  await insertStatusEvent(db, id, "received", null, values.now);
  return id;
}

export async function insertStatusEvent(
  db: Executor,
  itemId: number,
  status: ItemStatus,
  note: string | null,
  at: string,
): Promise<void> {
  await db
    .insertInto("participation_status_event")
    .values({ item_id: itemId, status, note, at })
    .execute();
}

/** A query of the items of a municipality. */
function itemsOf(db: Executor, municipalityId: number) {
  return db
    .selectFrom("participation_item")
    .selectAll()
    .where("municipality_id", "=", municipalityId);
}

/** The item a query of itemsOf finds, or null. */
async function oneItem(
  query: ReturnType<typeof itemsOf>,
): Promise<StoredItem | null> {
  return firstOrNull(query, toItem);
}

export async function findItem(
  db: Executor,
  municipalityId: number,
  id: number,
): Promise<StoredItem | null> {
  return oneItem(itemsOf(db, municipalityId).where("id", "=", id));
}

export async function findItemByWithdrawHash(
  db: Executor,
  municipalityId: number,
  hash: string,
): Promise<StoredItem | null> {
  return oneItem(
    itemsOf(db, municipalityId).where("withdraw_token_hash", "=", hash),
  );
}

/** What the lists filter by. */
export interface ItemFilter {
  readonly publishedOnly?: boolean;
  readonly kind?: ItemKind | undefined;
  readonly status?: ItemStatus | undefined;
  readonly orgUnitCode?: string | undefined;
  readonly projectSlug?: string | undefined;
  readonly linkEditionNumber?: number | undefined;
}

export async function listItems(
  db: Executor,
  municipalityId: number,
  filter: ItemFilter = {},
): Promise<readonly StoredItem[]> {
  let query = itemsOf(db, municipalityId);
  if (filter.publishedOnly === true)
    query = query.where("published_at", "is not", null);
  if (filter.kind !== undefined) query = query.where("kind", "=", filter.kind);
  if (filter.status !== undefined)
    query = query.where("status", "=", filter.status);
  if (filter.orgUnitCode !== undefined)
    query = query.where("org_unit_code", "=", filter.orgUnitCode);
  if (filter.projectSlug !== undefined) {
    const slug = filter.projectSlug;
    query = query.where((eb) =>
      eb.or([
        eb("project_slug", "=", slug),
        eb("link_project_slug", "=", slug),
      ]),
    );
  }
  if (filter.linkEditionNumber !== undefined)
    query = query.where("link_edition_number", "=", filter.linkEditionNumber);
  const rows = await query.orderBy("created_at").orderBy("id").execute();
  return rows.map(toItem);
}

/** One step of an item's history. */
export interface StoredStatusEvent {
  readonly itemId: number;
  readonly status: ItemStatus;
  readonly note: string | null;
  readonly at: string;
}

export async function listStatusEvents(
  db: Executor,
  itemIds: readonly number[],
): Promise<readonly StoredStatusEvent[]> {
  if (itemIds.length === 0) return [];
  const rows = await db
    .selectFrom("participation_status_event")
    .select(["item_id", "status", "note", "at"])
    .where("item_id", "in", [...itemIds])
    .orderBy("at")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    itemId: Number(row.item_id),
    status: row.status as ItemStatus,
    note: row.note,
    at: iso(row.at) ?? "",
  }));
}

/** Changes an item if it still has the version read; false when someone was quicker. */
export async function updateItem(
  db: Executor,
  id: number,
  expectedVersion: number,
  patch: Omit<Updateable<ParticipationItemTable>, "id" | "version">,
): Promise<boolean> {
  return changesOneRow(
    db
      .updateTable("participation_item")
      .set({ ...patch, version: expectedVersion + 1 })
      .where("id", "=", id)
      .where("version", "=", expectedVersion),
  );
}

/** Confirms the address of an unexpired token (once); the item's id, or null. */
export async function confirmItemEmail(
  db: Executor,
  municipalityId: number,
  tokenHash: string,
  now: string,
): Promise<number | null> {
  const row = await db
    .selectFrom("participation_item")
    .select("id")
    .where("municipality_id", "=", municipalityId)
    .where("confirm_token_hash", "=", tokenHash)
    .where("confirm_expires_at", ">", now)
    .where("email", "is not", null)
    .executeTakeFirst();
  if (row === undefined) return null;
  await db
    .updateTable("participation_item")
    .set({ confirm_token_hash: null, email_confirmed_at: now })
    .where("id", "=", row.id)
    .execute();
  return Number(row.id);
}

/** The columns of an item with its address and every token that refers to it removed. */
const NO_EMAIL = {
  email: null,
  email_confirmed_at: null,
  confirm_token_hash: null,
  confirm_expires_at: null,
  unsubscribe_token: null,
} as const;

/** Removes the address of one item (the unsubscribe link). */
export async function forgetItemEmail(db: Executor, id: number): Promise<void> {
  await db
    .updateTable("participation_item")
    .set(NO_EMAIL)
    .where("id", "=", id)
    .execute();
}

/**
 * Deletes personal data that is due: unconfirmed addresses whose link expired, addresses of
 * items older than their municipality's retention, and rate counters before `ratesBefore`.
 * Answers how many addresses were removed.
 */
export async function purgePersonalData(
  db: Executor,
  values: { now: string; ratesBefore: string },
): Promise<number> {
  await db
    .deleteFrom("participation_rate")
    .where("at", "<", values.ratesBefore)
    .execute();
  const expired = await db
    .updateTable("participation_item")
    .set(NO_EMAIL)
    .where("email", "is not", null)
    .where("email_confirmed_at", "is", null)
    .where("confirm_expires_at", "<=", values.now)
    .executeTakeFirst();
  let removed = Number(expired.numUpdatedRows);
  const municipalities = await db
    .selectFrom("participation_item")
    .select("municipality_id")
    .where("email", "is not", null)
    .distinct()
    .execute();
  for (const { municipality_id } of municipalities) {
    const { retentionDays } = await findParticipationSettings(
      db,
      Number(municipality_id),
    );
    const before = new Date(
      new Date(values.now).getTime() - retentionDays * 24 * 60 * 60_000,
    ).toISOString();
    const result = await db
      .updateTable("participation_item")
      .set(NO_EMAIL)
      .where("municipality_id", "=", municipality_id)
      .where("email", "is not", null)
      .where("created_at", "<=", before)
      .executeTakeFirst();
    removed += Number(result.numUpdatedRows);
  }
  return removed;
}

/** Counts stored items and rate counters (tests: nothing stored after a refusal). */
export async function countParticipationRows(
  db: Executor,
  municipalityId: number,
): Promise<number> {
  return countRows(
    db
      .selectFrom("participation_item")
      .where("municipality_id", "=", municipalityId),
  );
}

/** The item of an unsubscribe token, or null. */
export async function findItemByUnsubscribeToken(
  db: Executor,
  municipalityId: number,
  token: string,
): Promise<StoredItem | null> {
  return oneItem(
    itemsOf(db, municipalityId).where("unsubscribe_token", "=", token),
  );
}
