/**
 * Row types of the reporting tables (migration 2026-11-25-reports): committees and their
 * meetings, status reports with one entry per project, key figures with their dated
 * observations, and the OZG service register. snake_case columns; repositories map them.
 */
import type { Generated } from "kysely";
import type { Timestamp } from "./database.js";

/** committee: a council committee (Ausschuss), e.g. APD. */
export interface CommitteeTable {
  id: Generated<number>;
  municipality_id: number;
  name: string;
  abbreviation: string;
  version: Generated<number>;
  /** The committee's OParl Organization (migration 2026-12-06-opendata2-oparl-links). */
  oparl_url: string | null;
  /** committee, advisory_board, working_group, steering_group (migration 2026-12-07-bodies-kinds-members-agenda). */
  kind: Generated<string>;
}

/** body_member: a member of a body; `is_public` 1 only where the public may see the name. */
export interface BodyMemberTable {
  id: Generated<number>;
  committee_id: number;
  name: string;
  member_group: string | null;
  role: string | null;
  is_public: Generated<number>;
  position: number;
  version: Generated<number>;
}

/** meeting: a meeting (Sitzung) of a committee on a day, with optional OParl links. */
export interface MeetingTable {
  id: Generated<number>;
  municipality_id: number;
  committee_id: number;
  meeting_day: number;
  title: string | null;
  oparl_meeting_url: string | null;
  oparl_agenda_item_url: string | null;
  oparl_paper_url: string | null;
  version: Generated<number>;
  /** TOP number, e.g. "5.1" (migration 2026-12-07-bodies-kinds-members-agenda). */
  agenda_item_number: string | null;
  agenda_item_title: string | null;
  /** Vorlage/Drucksache number, e.g. "A 10/185/2022". */
  paper_reference: string | null;
  /** JSON list of { name, function }. */
  presenters_json: Generated<string>;
  /** JSON list of { question, answer }. */
  minutes_json: Generated<string>;
}

/** status_report: a Sachstandsbericht for a meeting; immutable once published. */
export interface StatusReportTable {
  id: Generated<number>;
  municipality_id: number;
  meeting_id: number;
  previous_report_id: number | null;
  as_of_day: number;
  title: string;
  sections_json: string | null;
  include_ozg: Generated<number>;
  outlook_json: Generated<string>;
  status: Generated<string>;
  published_at: Timestamp | null;
  published_by: string | null;
  document_json: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The OParl Paper the report was presented under (migration 2026-12-06-opendata2-oparl-links). */
  oparl_paper_url: string | null;
  /** The report's number in its municipality, 1, 2, 3 … (migration 2026-12-10-reportnum-numbers-and-backdating). */
  number: number;
  /** When a backdated report was really published ("nachgetragen am"); null otherwise. */
  recorded_at: Timestamp | null;
}

/** report_entry: what a report says about one project. */
export interface ReportEntryTable {
  id: Generated<number>;
  report_id: number;
  project_slug: string;
  status: string | null;
  text: Generated<string>;
  highlights: Generated<string>;
  new_date: string | null;
  is_unchanged: Generated<number>;
  is_included: Generated<number>;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: string;
}

/**
 * report_section: a free section of a report (introduction, topic, survey, outlook) or
 * the place of its per-project entries ("projects"), in `position` order (migration
 * 2026-12-09-reports-free-sections). Changed with the report's version.
 */
export interface ReportSectionTable {
  id: Generated<number>;
  report_id: number;
  position: number;
  kind: string;
  heading: Generated<string>;
  body: Generated<string>;
  /** JSON list of key figure keys. */
  figure_keys: Generated<string>;
  /** JSON list of project slugs. */
  project_slugs: Generated<string>;
  question: Generated<string>;
  /** "count" or "percent". */
  answer_unit: Generated<string>;
  /** JSON list of { label, value }. */
  answers: Generated<string>;
}

/** indicator: the definition of a key figure (Kennzahl). */
export interface IndicatorTable {
  id: Generated<number>;
  municipality_id: number;
  key: string;
  name: string;
  unit: string;
  definition: string;
  source: string;
  owner: string;
  project_slug: string | null;
  kind: string;
  denominator_label: string | null;
  chart_kind: Generated<string>;
  decimals: Generated<number>;
  target_value: number | null;
  target_day: number | null;
  position: number;
  version: Generated<number>;
}

/** indicator_observation: one dated value of a key figure. */
export interface IndicatorObservationTable {
  id: Generated<number>;
  indicator_id: number;
  observed_day: number;
  value: number;
  denominator: number | null;
  note: string | null;
  /** "about", "more_than", "less_than" or null for an exact value. */
  qualifier: string | null;
  /** JSON list of { label, value }, or null without a breakdown. */
  breakdown: string | null;
  created_at: Timestamp;
}

/** ozg_service: one record of the OZG service register, valid for a span of days. */
export interface OzgServiceTable {
  id: Generated<number>;
  municipality_id: number;
  leika_key: string;
  /** "ozg-service" or "online-application" (migration 2026-12-07-register-entry-kind). */
  kind: Generated<string>;
  name: string;
  topic: string | null;
  is_responsible_locally: number;
  channel: string | null;
  is_front_end_online: number;
  is_back_end_connected: number;
  has_e_payment: number;
  has_eid: number;
  online_applications: number;
  maturity_model: string | null;
  maturity_level: number | null;
  status: string;
  url: string | null;
  valid_from: number | null;
  valid_until: number | null;
  position: number;
  version: Generated<number>;
}
