/** Row type of uploaded catalogue spreadsheets (migration 2026-12-06-sheets-uploads). */
import type { Timestamp } from "./database.js";

/** catalogue_sheet_upload: a spreadsheet waiting for the confirmation of its import. */
export interface CatalogueSheetUploadTable {
  token_hash: string;
  municipality_id: number;
  user_id: number | null;
  file_name: string;
  file_sha256: string;
  content_base64: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}
