/**
 * Stored documents of published editions and reports (ADR 0046): requested at publication,
 * claimed by one worker at a time with a lease (one conditional UPDATE, as scheduled jobs
 * are claimed), then kept with their bytes and hash. Times are ISO strings from the
 * application's clock.
 */
import type { Executor } from "./database.js";

/** Which document: municipality, subject ("edition"/"report") and its key, kind. */
export interface DocumentAddress {
  readonly municipalityId: number;
  readonly subject: string;
  readonly subjectKey: string;
  readonly kind: string;
}

/** A stored row without its bytes. */
export interface DocumentState extends DocumentAddress {
  readonly id: number;
  readonly state: string;
  readonly sourceKey: string;
  readonly contentHash: string | null;
  readonly size: number | null;
  readonly mediaType: string | null;
  readonly fileName: string | null;
  readonly builtAt: string | null;
  readonly error: string | null;
}

/** A stored row with its bytes. */
export interface StoredDocumentRow extends DocumentState {
  readonly body: Buffer | null;
}

const STATE_COLUMNS = [
  "id",
  "municipality_id",
  "subject",
  "subject_key",
  "kind",
  "state",
  "source_key",
  "content_hash",
  "size",
  "media_type",
  "file_name",
  "built_at",
  "error",
] as const;

interface StateRow {
  id: number;
  municipality_id: number;
  subject: string;
  subject_key: string;
  kind: string;
  state: string;
  source_key: string;
  content_hash: string | null;
  size: number | null;
  media_type: string | null;
  file_name: string | null;
  built_at: string | Date | null;
  error: string | null;
}

function stateOf(row: StateRow): DocumentState {
  return {
    id: Number(row.id),
    municipalityId: Number(row.municipality_id),
    subject: row.subject,
    subjectKey: row.subject_key,
    kind: row.kind,
    state: row.state,
    sourceKey: row.source_key,
    contentHash: row.content_hash,
    size: row.size === null ? null : Number(row.size),
    mediaType: row.media_type,
    fileName: row.file_name,
    builtAt:
      row.built_at === null
        ? null
        : row.built_at instanceof Date
          ? row.built_at.toISOString()
          : row.built_at,
    error: row.error,
  };
}

/** The columns of a document's address: together unique, so a second request meets the first. */
const ADDRESS_COLUMNS = [
  "municipality_id",
  "subject",
  "subject_key",
  "kind",
] as const;

function addressValues(address: DocumentAddress) {
  return {
    municipality_id: address.municipalityId,
    subject: address.subject,
    subject_key: address.subjectKey,
    kind: address.kind,
  };
}

/** Asks for a build of each document that is not stored yet (a stored one is left alone). */
export async function requestDocuments(
  db: Executor,
  addresses: readonly DocumentAddress[],
  now: string,
): Promise<void> {
  for (const address of addresses)
    await db
      .insertInto("published_document")
      .values({
        ...addressValues(address),
        state: "pending",
        requested_at: now,
        body: null,
        content_hash: null,
        size: null,
        media_type: null,
        file_name: null,
        built_at: null,
        locked_until: null,
        locked_by: null,
        error: null,
      })
      .onConflict((conflict) => conflict.columns(ADDRESS_COLUMNS).doNothing())
      .execute();
}

/** The states of a subject's documents. */
export async function documentStates(
  db: Executor,
  municipalityId: number,
  subject: string,
  subjectKey: string,
): Promise<readonly DocumentState[]> {
  const rows = await db
    .selectFrom("published_document")
    .select(STATE_COLUMNS)
    .where("municipality_id", "=", municipalityId)
    .where("subject", "=", subject)
    .where("subject_key", "=", subjectKey)
    .orderBy("kind")
    .execute();
  return rows.map((row) => stateOf(row));
}

/** One stored document with its bytes, or null. */
export async function findStoredDocument(
  db: Executor,
  address: DocumentAddress,
): Promise<StoredDocumentRow | null> {
  const row = await db
    .selectFrom("published_document")
    .select([...STATE_COLUMNS, "body"])
    .where("municipality_id", "=", address.municipalityId)
    .where("subject", "=", address.subject)
    .where("subject_key", "=", address.subjectKey)
    .where("kind", "=", address.kind)
    .executeTakeFirst();
  if (row === undefined) return null;
  const body = row.body as unknown;
  return {
    ...stateOf(row),
    body:
      body === null || body === undefined
        ? null
        : Buffer.isBuffer(body)
          ? body
          : Buffer.from(body as Uint8Array),
  };
}

/**
 * Takes the lease on the oldest pending document (or one whose builder's lease ran out):
 * of several processes exactly one gets it. Null when nothing waits.
 */
export async function claimPendingDocument(
  db: Executor,
  owner: string,
  now: string,
  leaseUntil: string,
): Promise<DocumentState | null> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const candidate = await db
      .selectFrom("published_document")
      .select(["id"])
      .where("state", "=", "pending")
      .where((eb) =>
        eb.or([eb("locked_until", "is", null), eb("locked_until", "<", now)]),
      )
      .orderBy("requested_at")
      .orderBy("id")
      .limit(1)
      .executeTakeFirst();
    if (candidate === undefined) return null;
    const result = await db
      .updateTable("published_document")
      .set({ locked_until: leaseUntil, locked_by: owner })
      .where("id", "=", candidate.id)
      .where("state", "=", "pending")
      .where((eb) =>
        eb.or([eb("locked_until", "is", null), eb("locked_until", "<", now)]),
      )
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) continue;
    const row = await db
      .selectFrom("published_document")
      .select(STATE_COLUMNS)
      .where("id", "=", candidate.id)
      .executeTakeFirstOrThrow();
    return stateOf(row);
  }
  return null;
}

/** What a finished build stores. */
export interface BuiltDocumentRow {
  readonly body: Buffer;
  readonly contentHash: string;
  readonly mediaType: string;
  readonly fileName: string;
  readonly sourceKey: string;
}

/** Stores a built document (inserting its row when it was never requested) and ends any lease. */
export async function storeDocument(
  db: Executor,
  address: DocumentAddress,
  built: BuiltDocumentRow,
  now: string,
): Promise<void> {
  const values = {
    state: "ready",
    source_key: built.sourceKey,
    body: built.body,
    content_hash: built.contentHash,
    size: built.body.length,
    media_type: built.mediaType,
    file_name: built.fileName,
    built_at: now,
    locked_until: null,
    locked_by: null,
    error: null,
  };
  await db
    .insertInto("published_document")
    .values({
      ...addressValues(address),
      requested_at: now,
      ...values,
    })
    .onConflict((conflict) =>
      conflict.columns(ADDRESS_COLUMNS).doUpdateSet(values),
    )
    .execute();
}

/** Marks a claimed build as failed (the download then builds it on demand). */
export async function failDocument(
  db: Executor,
  id: number,
  error: string,
): Promise<void> {
  await db
    .updateTable("published_document")
    .set({
      state: "failed",
      error: error.slice(0, 2000),
      locked_until: null,
      locked_by: null,
    })
    .where("id", "=", id)
    .where("state", "=", "pending")
    .execute();
}
