/** Row type of stored documents (migration 2026-12-10-docstore-published-documents, ADR 0046). */
import type { Generated } from "kysely";
import type { Timestamp } from "./database.js";

/** published_document: a document of a published edition or report, built once and kept. */
export interface PublishedDocumentTable {
  id: Generated<number>;
  municipality_id: number;
  subject: string;
  subject_key: string;
  kind: string;
  state: string;
  source_key: Generated<string>;
  body: Buffer | null;
  content_hash: string | null;
  size: number | null;
  media_type: string | null;
  file_name: string | null;
  built_at: Timestamp | null;
  requested_at: Timestamp;
  locked_until: Timestamp | null;
  locked_by: string | null;
  error: string | null;
}
