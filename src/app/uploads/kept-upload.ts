/**
 * An uploaded file kept for a while under a token, waiting for its confirmation: the
 * first step of the imports that show a preview before they write (the catalogue
 * spreadsheet, ADR 0027, and the OZG register, ADR 0033). The file lives in
 * catalogue_sheet_upload for KEPT_UPLOAD_LIFETIME_MS under a hash of its token; each kind
 * of import hashes with a prefix of its own, so that a token of one import never opens
 * the other. Only the person who uploaded a file finds it again, and only in the
 * municipality it was uploaded to; everything else is ERR_SHEET_IMPORT_EXPIRED.
 *
 * Who may upload and confirm is the callers' business: each import names its policy as an
 * UploadGate, and prepareUpload and requireOwnUpload check it before they keep or find a file.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Executor } from "../../db/database.js";
import type { Municipality } from "../../domain/catalogue/catalogue.js";
import {
  deleteSheetUpload,
  findSheetUpload,
  insertSheetUpload,
} from "../../db/sheet-upload.repository.js";
import { AppError } from "../../errors.js";
import type { Principal } from "../../domain/access/principal.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import { type EntityGuard } from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";

/** How long an uploaded file waits for its confirmation. */
export const KEPT_UPLOAD_LIFETIME_MS = 60 * 60 * 1000;

/** The imports that keep uploads; each one's tokens open only its own uploads. */
export type UploadPurpose = "catalogue-sheet" | "ozg-register";

/**
 * The prefix hashed with a token. The catalogue's is empty and the register's is
 * "ozg-register:", as they were before both shared this module, so that an upload kept
 * just before an update still opens after it.
 */
const TOKEN_PREFIX: Readonly<Record<UploadPurpose, string>> = {
  "catalogue-sheet": "",
  "ozg-register": "ozg-register:",
};

/** Who kept an upload, and where: the municipality and person the caller's policy admitted. */
export interface UploadOwner {
  readonly municipalityId: number;
  readonly userId: number;
}

/** A kept upload found again. */
export interface KeptUpload {
  readonly fileName: string;
  /** Hex SHA-256 of the content (for the audit record). */
  readonly fileSha256: string;
  readonly content: Buffer;
  /** What discardUpload needs once the import is written. */
  readonly tokenHash: string;
}

const sha256 = (data: string | Buffer): string =>
  createHash("sha256").update(data).digest("hex");

const tokenHashOf = (purpose: UploadPurpose, token: string): string =>
  sha256(`${TOKEN_PREFIX[purpose]}${token}`);

/** The hex SHA-256 of a file's content. */
export const fileSha256 = (bytes: Buffer): string => sha256(bytes);

/** Keeps a file for its owner and returns the token that finds it again. */
export async function keepUpload(
  ctx: AppContext,
  purpose: UploadPurpose,
  owner: UploadOwner,
  file: { readonly fileName: string; readonly bytes: Buffer },
): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  const now = ctx.clock();
  await insertSheetUpload(
    ctx.db,
    tokenHashOf(purpose, token),
    {
      municipalityId: owner.municipalityId,
      userId: owner.userId,
      fileName: file.fileName,
      fileSha256: fileSha256(file.bytes),
      content: file.bytes,
      expiresAt: new Date(
        now.getTime() + KEPT_UPLOAD_LIFETIME_MS,
      ).toISOString(),
    },
    now.toISOString(),
  );
  return token;
}

/**
 * The owner's upload under a token. An expired or imported upload, another
 * municipality's or another person's is as good as none: ERR_SHEET_IMPORT_EXPIRED.
 */
export async function findOwnUpload(
  ctx: AppContext,
  purpose: UploadPurpose,
  owner: UploadOwner,
  token: string,
): Promise<KeptUpload> {
  const tokenHash = tokenHashOf(purpose, token);
  const upload = await findSheetUpload(
    ctx.db,
    tokenHash,
    ctx.clock().toISOString(),
  );
  if (
    upload === null ||
    upload.municipalityId !== owner.municipalityId ||
    upload.userId !== owner.userId
  )
    throw new AppError("ERR_SHEET_IMPORT_EXPIRED");
  return {
    fileName: upload.fileName,
    fileSha256: upload.fileSha256,
    content: upload.content,
    tokenHash,
  };
}

/** Removes an upload once its import is written (inside the import's transaction). */
export async function discardUpload(
  db: Executor,
  upload: Pick<KeptUpload, "tokenHash">,
): Promise<void> {
  await deleteSheetUpload(db, upload.tokenHash);
}

/** An import that keeps uploads: whose tokens, who may import, and what a refusal logs. */
export interface UploadGate {
  readonly purpose: UploadPurpose;
  readonly guard: EntityGuard;
  /** The action a refusal logs. */
  readonly attempted: string;
  /** The type of entity the import changes. */
  readonly entityType: string;
}

/** A file as it is uploaded for an import into the municipality the slug names. */
export interface IncomingUpload {
  readonly municipality: string;
  readonly fileName: string;
  readonly bytes: Buffer;
}

/**
 * A kept upload as the steps after the upload name it (the preview, the confirmation):
 * the municipality's slug and the token `prepareUpload` returned.
 */
export interface KeptUploadRef {
  readonly municipality: string;
  readonly token: string;
}

/**
 * Lets only the people `gate` admits upload in the municipality, checks the file with
 * `check` (which throws when the file cannot be imported) and keeps it; returns the token
 * and what `check` returned.
 */
export async function prepareUpload<T>(
  ctx: AppContext,
  principal: Principal,
  gate: UploadGate,
  input: IncomingUpload,
  origin: RequestOrigin,
  check: (municipality: Municipality) => Promise<T>,
): Promise<{ readonly token: string; readonly checked: T }> {
  const { municipality, user } = await gate.guard.bySlug(
    ctx,
    principal,
    input.municipality,
    gate.attempted,
    { entityType: gate.entityType, entityLabel: input.fileName },
    origin,
  );
  const checked = await check(municipality);
  const token = await keepUpload(
    ctx,
    gate.purpose,
    { municipalityId: municipality.id, userId: user.userId },
    { fileName: input.fileName, bytes: input.bytes },
  );
  return { token, checked };
}

/** The municipality and the principal's upload under a token, for the people `gate` admits. */
export async function requireOwnUpload(
  ctx: AppContext,
  principal: Principal,
  gate: UploadGate,
  input: KeptUploadRef,
  origin: RequestOrigin,
): Promise<{
  readonly municipality: Municipality;
  readonly upload: KeptUpload;
}> {
  const { municipality, user } = await gate.guard.bySlug(
    ctx,
    principal,
    input.municipality,
    gate.attempted,
    { entityType: gate.entityType },
    origin,
  );
  const upload = await findOwnUpload(
    ctx,
    gate.purpose,
    { municipalityId: municipality.id, userId: user.userId },
    input.token,
  );
  return { municipality, upload };
}
