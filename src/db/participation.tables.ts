/** Row types of participation (migration 2026-12-06-participation-items). */
import type { Generated } from "kysely";
import type { Timestamp } from "./database.js";

/** participation_settings: whether and for whom a municipality takes ideas. */
export interface ParticipationSettingsTable {
  municipality_id: number;
  mode: Generated<string>;
  overdue_days: Generated<number>;
  retention_days: Generated<number>;
  updated_at: Timestamp;
}

/** participation_item: an idea, a piece of feedback or a barrier report. */
export interface ParticipationItemTable {
  id: Generated<number>;
  municipality_id: number;
  kind: string;
  title: string | null;
  body: string | null;
  project_slug: string | null;
  status: Generated<string>;
  origin: string;
  published_at: Timestamp | null;
  decision_note: string | null;
  merged_into_id: number | null;
  link_project_slug: string | null;
  link_measure_id: number | null;
  link_measure_title: string | null;
  link_edition_number: number | null;
  org_unit_code: string | null;
  email: string | null;
  email_confirmed_at: Timestamp | null;
  confirm_token_hash: string | null;
  confirm_expires_at: Timestamp | null;
  unsubscribe_token: string | null;
  withdraw_token_hash: string;
  submitted_by_user_id: number | null;
  created_at: Timestamp;
  status_changed_at: Timestamp;
  version: Generated<number>;
  /** de | en: the language of the form it was sent from (its mails use it). */
  language: Generated<string>;
}

/** participation_status_event: one step of an item's history. */
export interface ParticipationStatusEventTable {
  id: Generated<number>;
  item_id: number;
  status: string;
  note: string | null;
  at: Timestamp;
}

/** participation_rate: one submission counted against a hashed IP or address. */
export interface ParticipationRateTable {
  id: Generated<number>;
  rate_key: string;
  at: Timestamp;
}
