/** Row types of the accessibility statement and the kept forms (migrations 2026-12-06-a11y-*). */
import type { Timestamp } from "./database.js";

/** accessibility_statement: what a municipality's administrators entered for its statement. */
export interface AccessibilityStatementTable {
  municipality_id: number;
  status: string;
  /** JSON array of {content, reason, alternative}. */
  barriers: string;
  last_review: string | null;
  contact_email: string;
  contact_phone: string;
  contact_address: string;
  updated_at: Timestamp;
}

/** kept_form: a form sent after the session had ended, kept for the next sign-in. */
export interface KeptFormTable {
  token_hash: string;
  action: string;
  /** JSON object: field name → list of values. */
  fields: string;
  created_at: Timestamp;
}
