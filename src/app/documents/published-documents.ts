/**
 * The documents of published editions and reports, built once and kept (ADR 0046).
 * Publishing asks for them; a worker in any process claims a requested document with a
 * lease in the database, builds it with the `DocumentMaker` the caller supplies (the
 * documents themselves are written in exports/, which app/ does not import) and stores the
 * bytes with their SHA-256. A download serves the stored bytes; a document that is missing
 * or outdated is built on demand and stored the same way.
 */
import { createHash } from "node:crypto";
import {
  claimPendingDocument,
  documentStates,
  failDocument,
  findStoredDocument,
  requestDocuments,
  storeDocument,
  type DocumentAddress,
  type DocumentState,
} from "../../db/published-document.repository.js";
import { AppError } from "../../errors.js";
import type { AppContext } from "../context.js";

/** The kinds of stored document. */
export type StoredDocumentKind = "docx" | "pdf" | "pptx";

/** Whose document: a published edition (by number) or a published report (by id). */
export interface DocumentSubject {
  readonly type: "edition" | "report";
  readonly key: string;
}

/** A finished document as its maker returns it. */
export interface MadeDocument {
  readonly body: Buffer;
  readonly fileName: string;
  readonly mediaType: string;
  /** What it was made from, beyond the immutable subject (see `DocumentMaker.sourceKey`). */
  readonly sourceKey: string;
}

/** Builds documents; supplied by the layer that writes them. */
export interface DocumentMaker {
  /**
   * A key of everything the document is made from that may change after publication
   * (later decisions on ideas taken up in an edition, a meeting's minutes) and of the
   * document format: a stored document whose key differs is built again.
   */
  sourceKey(
    slug: string,
    subject: DocumentSubject,
    kind: StoredDocumentKind,
  ): Promise<string>;
  make(
    slug: string,
    subject: DocumentSubject,
    kind: StoredDocumentKind,
  ): Promise<MadeDocument>;
}

/** A stored document ready to send. */
export interface StoredDocument {
  readonly body: Buffer;
  readonly contentHash: string;
  readonly mediaType: string;
  readonly fileName: string;
  readonly sourceKey: string;
}

/** The build state of one document, for the editor. */
export interface DocumentBuildState {
  readonly kind: StoredDocumentKind;
  readonly state: "pending" | "ready" | "failed";
  readonly size: number | null;
  readonly builtAt: string | null;
}

/** SHA-256 of the bytes, hex: the download's strong ETag. */
export function contentHashOf(body: Buffer): string {
  return createHash("sha256").update(body).digest("hex");
}

async function municipalityIdOf(
  ctx: AppContext,
  slug: string,
): Promise<number> {
  const municipality = await ctx.versions.find(slug);
  if (municipality === null) throw new AppError("ERR_MUNICIPALITY_NOT_FOUND");
  return municipality.id;
}

function addressOf(
  municipalityId: number,
  subject: DocumentSubject,
  kind: StoredDocumentKind,
): DocumentAddress {
  return {
    municipalityId,
    subject: subject.type,
    subjectKey: subject.key,
    kind,
  };
}

/** Asks for the documents of a just-published subject (kept ones are left alone). */
export async function requestPublishedDocuments(
  ctx: AppContext,
  slug: string,
  subject: DocumentSubject,
  kinds: readonly StoredDocumentKind[],
): Promise<void> {
  const id = await municipalityIdOf(ctx, slug);
  await requestDocuments(
    ctx.db,
    kinds.map((kind) => addressOf(id, subject, kind)),
    ctx.clock().toISOString(),
  );
}

/** The build state of a subject's documents (those never requested are absent). */
export async function publishedDocumentStates(
  ctx: AppContext,
  slug: string,
  subject: DocumentSubject,
): Promise<readonly DocumentBuildState[]> {
  const id = await municipalityIdOf(ctx, slug);
  const states = await documentStates(ctx.db, id, subject.type, subject.key);
  return states.map((row) => ({
    kind: row.kind as StoredDocumentKind,
    state:
      row.state === "ready" || row.state === "failed" ? row.state : "pending",
    size: row.size,
    builtAt: row.builtAt,
  }));
}

/** A stored, finished document, or null. */
export async function readStoredDocument(
  ctx: AppContext,
  slug: string,
  subject: DocumentSubject,
  kind: StoredDocumentKind,
): Promise<StoredDocument | null> {
  const id = await municipalityIdOf(ctx, slug);
  const row = await findStoredDocument(ctx.db, addressOf(id, subject, kind));
  if (
    row === null ||
    row.state !== "ready" ||
    row.body === null ||
    row.contentHash === null
  )
    return null;
  return {
    body: row.body,
    contentHash: row.contentHash,
    mediaType: row.mediaType ?? "application/octet-stream",
    fileName: row.fileName ?? `dokument.${kind}`,
    sourceKey: row.sourceKey,
  };
}

/** Stores a document built on demand or by the worker; returns what is stored. */
export async function saveBuiltDocument(
  ctx: AppContext,
  slug: string,
  subject: DocumentSubject,
  kind: StoredDocumentKind,
  made: MadeDocument,
): Promise<StoredDocument> {
  const id = await municipalityIdOf(ctx, slug);
  const contentHash = contentHashOf(made.body);
  await storeDocument(
    ctx.db,
    addressOf(id, subject, kind),
    { ...made, contentHash },
    ctx.clock().toISOString(),
  );
  return { ...made, contentHash };
}

/** A document the worker holds the lease on. */
export interface ClaimedDocument {
  readonly id: number;
  readonly slug: string;
  readonly subject: DocumentSubject;
  readonly kind: StoredDocumentKind;
}

/** Takes the lease on the oldest requested document, or null when nothing waits. */
export async function claimRequestedDocument(
  ctx: AppContext,
  owner: string,
  leaseMs: number,
): Promise<ClaimedDocument | null> {
  const now = ctx.clock();
  const claimed: DocumentState | null = await claimPendingDocument(
    ctx.db,
    owner,
    now.toISOString(),
    new Date(now.getTime() + leaseMs).toISOString(),
  );
  if (claimed === null) return null;
  const municipality = (await ctx.versions.all()).find(
    (candidate) => candidate.id === claimed.municipalityId,
  );
  if (municipality === undefined) {
    await failDocument(ctx.db, claimed.id, "municipality not found");
    return null;
  }
  return {
    id: claimed.id,
    slug: municipality.slug,
    subject: {
      type: claimed.subject === "report" ? "report" : "edition",
      key: claimed.subjectKey,
    },
    kind: claimed.kind as StoredDocumentKind,
  };
}

/** Marks a claimed document as failed: its download builds it on demand. */
export async function failClaimedDocument(
  ctx: AppContext,
  claimed: ClaimedDocument,
  error: unknown,
): Promise<void> {
  await failDocument(
    ctx.db,
    claimed.id,
    error instanceof Error ? error.message : String(error),
  );
}
