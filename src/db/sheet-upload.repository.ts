/** Uploaded catalogue spreadsheets waiting for their confirmation (ADR 0027). */
import type { Executor } from "./database.js";
import { firstOrNull } from "./query.js";

/** A stored upload. */
export interface SheetUpload {
  readonly municipalityId: number;
  readonly userId: number | null;
  readonly fileName: string;
  readonly fileSha256: string;
  readonly content: Buffer;
  readonly expiresAt: string;
}

/** Stores an upload under the hash of its token; removes expired ones on the way. */
export async function insertSheetUpload(
  db: Executor,
  tokenHash: string,
  upload: SheetUpload,
  now: string,
): Promise<void> {
  await db
    .deleteFrom("catalogue_sheet_upload")
    .where("expires_at", "<=", now)
    .execute();
  await db
    .insertInto("catalogue_sheet_upload")
    .values({
      token_hash: tokenHash,
      municipality_id: upload.municipalityId,
      user_id: upload.userId,
      file_name: upload.fileName,
      file_sha256: upload.fileSha256,
      content_base64: upload.content.toString("base64"),
      created_at: now,
      expires_at: upload.expiresAt,
    })
    .execute();
}

/** An upload that has not expired; null otherwise. */
export async function findSheetUpload(
  db: Executor,
  tokenHash: string,
  now: string,
): Promise<SheetUpload | null> {
  return firstOrNull(
    db
      .selectFrom("catalogue_sheet_upload")
      .selectAll()
      .where("token_hash", "=", tokenHash)
      .where("expires_at", ">", now),
    (row) => ({
      municipalityId: row.municipality_id,
      userId: row.user_id,
      fileName: row.file_name,
      fileSha256: row.file_sha256,
      content: Buffer.from(row.content_base64, "base64"),
      expiresAt: new Date(row.expires_at).toISOString(),
    }),
  );
}

/** Removes an upload once it is imported. */
export async function deleteSheetUpload(
  db: Executor,
  tokenHash: string,
): Promise<void> {
  await db
    .deleteFrom("catalogue_sheet_upload")
    .where("token_hash", "=", tokenHash)
    .execute();
}
