/**
 * The database as Kysely sees it: one interface per table, snake_case columns.
 * Row ↔ domain mapping happens in the repositories, nowhere else.
 */
import type { ColumnType, Generated, Kysely, Transaction } from "kysely";
import type {
  CommitteeTable,
  IndicatorObservationTable,
  IndicatorTable,
  MeetingTable,
  BodyMemberTable,
  OzgServiceTable,
  ReportEntryTable,
  ReportSectionTable,
  StatusReportTable,
} from "./report.tables.js";
import type {
  ReportReminderRuleTable,
  ReportReminderSentTable,
  ScheduledJobTable,
} from "./scheduler.tables.js";
import type { FeedSubscriptionTable } from "./subscription.tables.js";
import type { CatalogueSheetUploadTable } from "./sheets.tables.js";
import type { PublishedDocumentTable } from "./published-document.tables.js";
import type {
  AccessibilityStatementTable,
  KeptFormTable,
} from "./accessibility.tables.js";
import type {
  ParticipationItemTable,
  ParticipationRateTable,
  ParticipationSettingsTable,
  ParticipationStatusEventTable,
} from "./participation.tables.js";

/** A timestamp: written as an ISO string, read back as Date (PostgreSQL) or string (SQLite). */
export type Timestamp = ColumnType<Date | string, string, string>;

/** municipality: the tenant. */
export interface MunicipalityTable {
  id: Generated<number>;
  slug: string;
  name: string;
  state: string | null;
  website: string | null;
  data_version: Generated<number>;
  /** Moves on with what the public sees; the draft's edits leave it (see the migration). */
  published_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Amtlicher Regionalschlüssel, 12 digits (migration 2026-12-05-opendata-settings). */
  regional_key: string | null;
  /** The OParl System or Body URL of the last `oparl sync` (migration 2026-12-05-oparl-cache). */
  oparl_endpoint: string | null;
  open_data_licence: Generated<string>;
  /** Origins that may embed the municipality's pages, one per line. */
  embed_origins: Generated<string>;
  /** 0 while deactivated: nothing is deleted, the portal says so (migration 2026-12-06-onboarding-lifecycle). */
  is_active: Generated<number>;
  deactivated_at: Timestamp | null;
  /** The address the portal names for questions. */
  contact_email: string | null;
  /** 1: before the first edition the portal shows only the released state (public_release). */
  requires_release: Generated<number>;
}

/** public_release: the state an administrator released to the public before the first edition. */
export interface PublicReleaseTable {
  municipality_id: number;
  /** An edition snapshot (docs/edition-snapshot.md). */
  snapshot_json: string;
  released_at: Timestamp;
  released_by_label: string;
  version: Generated<number>;
}

/** programme: the catalogue's frame, one per municipality. */
export interface ProgrammeTable {
  id: Generated<number>;
  municipality_id: number;
  title: string;
  subtitle: string | null;
  horizon_start: number;
  horizon_end: number;
  summary: string | null;
  version: Generated<number>;
  /** Level names as JSON text, null for Kleve's (migration 2026-12-06-levels-names-and-flat). */
  level_names: string | null;
  /** 1: no impact areas shown (topics → projects → measures). */
  flat: Generated<number>;
  /** The municipality's org unit kinds as JSON text, null for the default list. */
  org_unit_kinds: string | null;
}

/** programme_goal: vision statements, in order. */
export interface ProgrammeGoalTable {
  id: Generated<number>;
  programme_id: number;
  position: number;
  title: string;
  description: string | null;
}

/** programme_priority: priorities of a year, in order. */
export interface ProgrammePriorityTable {
  id: Generated<number>;
  programme_id: number;
  year: number;
  position: number;
  title: string;
}

/** priority_project: which projects a priority concerns. */
export interface PriorityProjectTable {
  priority_id: number;
  project_id: number;
  position: number;
}

/** org_unit: departments, divisions and external partners. */
export interface OrgUnitTable {
  id: Generated<number>;
  municipality_id: number;
  code: string;
  name: string;
  kind: string;
  parent_id: number | null;
  position: number;
  version: Generated<number>;
}

/** impact_area: Wirkungsbereich. */
export interface ImpactAreaTable {
  id: Generated<number>;
  municipality_id: number;
  key: string;
  name: string;
  description: string | null;
  position: number;
  version: Generated<number>;
}

/** action_field: Aktionsfeld. */
export interface ActionFieldTable {
  id: Generated<number>;
  municipality_id: number;
  impact_area_id: number;
  key: string;
  number: number;
  name: string;
  colour: string;
  description: string | null;
  position: number;
  version: Generated<number>;
}

/** project: Digitalisierungsprojekt. */
export interface ProjectTable {
  id: Generated<number>;
  municipality_id: number;
  impact_area_id: number;
  action_field_id: number;
  slug: string;
  code: string;
  title: string;
  summary: string;
  status: string;
  position: number;
  version: Generated<number>;
  updated_at: Timestamp;
}

/** project_tag: free tags such as the Smart City Charta fields. */
export interface ProjectTagTable {
  project_id: number;
  tag: string;
  position: number;
}

/** phase: a period of a project; points in time stored canonically plus day numbers for ordering. */
export interface PhaseTable {
  id: Generated<number>;
  project_id: number;
  position: number;
  label: string;
  start_value: string;
  start_day: number;
  end_value: string | null;
  end_day: number | null;
  continuation: string | null;
  note: string | null;
}

/** measure: Einzelmaßnahme. */
export interface MeasureTable {
  id: Generated<number>;
  project_id: number;
  position: number;
  title: string;
  status: string;
  /** Canonical point in time ("2025", "2025-Q2"), like a phase's; null when open. */
  start_value: string | null;
  start_day: number | null;
  end_value: string | null;
  end_day: number | null;
  description: string | null;
  org_unit_id: number | null;
  phase_id: number | null;
}

/** responsibility: which unit leads or contributes to a project. */
export interface ResponsibilityTable {
  id: Generated<number>;
  project_id: number;
  org_unit_id: number;
  role: string;
  note: string | null;
  position: number;
}

/** project_dependency: project_id needs depends_on_id. */
export interface ProjectDependencyTable {
  project_id: number;
  depends_on_id: number;
  position: number;
}

/** search_entry: the text that search looks through, one row per project or measure. */
export interface SearchEntryTable {
  id: Generated<number>;
  municipality_id: number;
  project_id: number;
  measure_id: number | null;
  title: string;
  body: string;
  /** The German stems of title and body, folded, each preceded by a space (domain/search/search-words.ts). */
  words: string;
}

/**
 * user_account: a person who may log in (one e-mail address). What they may do in a
 * municipality comes from their membership there; municipality_id and role are the
 * municipality and role the account was first created with (null for operators) and are
 * not read for access (migration 2026-12-06-tenants-memberships).
 */
export interface UserAccountTable {
  id: Generated<number>;
  municipality_id: number | null;
  email: string;
  name: string;
  role: string | null;
  /** 1 for an operator of the instance (Betrieb); operators always use a second factor. */
  is_operator: Generated<number>;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  /** A secret being set up (first enrolment or a new device); becomes totp_secret once a code confirms it. */
  totp_pending_secret: string | null;
  /** The last TOTP time step accepted: a code works only once. */
  last_totp_step: number | null;
  /** The subject of an OpenID Connect login, when the account comes from single sign-on. */
  external_subject: string | null;
  is_active: Generated<number>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** membership: a person's role in one municipality (admin, editor, committee). */
export interface MembershipTable {
  id: Generated<number>;
  user_id: number;
  municipality_id: number;
  role: string;
  /** 0 when deactivated: the person keeps their account and other memberships. */
  is_active: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** api_token_municipality: the municipalities an API token may act in (one or several). */
export interface ApiTokenMunicipalityTable {
  token_id: number;
  municipality_id: number;
}

/** user_org_unit: the org units whose projects an editor may change. */
export interface UserOrgUnitTable {
  user_id: number;
  org_unit_id: number;
}

/** recovery_code: one-time codes for a lost second factor, stored hashed. */
export interface RecoveryCodeTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: Timestamp | null;
}

/** session: a login, found by the hash of the cookie's token. */
export interface SessionTable {
  id_hash: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  is_pending_second_factor: Generated<number>;
  ip: string | null;
  user_agent: string | null;
}

/** login_attempt: for throttling per account and per address. */
export interface LoginAttemptTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: Timestamp;
  is_success: number;
}

/** password_reset: single-use, expiring tokens sent by e-mail, stored hashed. */
export interface PasswordResetTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** api_token: personal tokens for the API, stored hashed. */
export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** sso_login: a single sign-on started and not yet finished (state, nonce, PKCE verifier). */
export interface SsoLoginTable {
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** audit_event: append-only record of every change and security event. */
export interface AuditEventTable {
  id: Generated<number>;
  municipality_id: number | null;
  at: Timestamp;
  actor_user_id: number | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  entity_label: string | null;
  project_id: number | null;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
  ip: string | null;
  /** The version of the changed entity after the change (projects: the project's version). */
  version: number | null;
}

/** edition: an immutable published snapshot of a municipality's programme (Fortschreibung); the database refuses updates and deletes. */
export interface EditionTable {
  id: Generated<number>;
  municipality_id: number;
  number: number;
  title: string;
  /** ISO date the edition stands for, e.g. 2022-03-15. */
  published_on: string;
  published_at: Timestamp;
  published_by_user_id: number | null;
  published_by_label: string;
  council_reference: string | null;
  council_url: string | null;
  foreword: string | null;
  note: string | null;
  is_reconstruction: Generated<number>;
  /** The snapshot (docs/edition-snapshot.md). */
  snapshot_json: string;
  /** The reasons for the shifts against the previous edition. */
  reasons_json: string;
  /** The reason categories as they read when the edition was published. */
  reason_categories_json: string;
  /** The OParl Paper of the council's decision (migration 2026-12-06-opendata2-oparl-links). */
  oparl_paper_url: string | null;
}

/** reason_category: the categories of reasons for shifts a municipality offers (OZG-Aufwand, Personal …). */
export interface ReasonCategoryTable {
  id: Generated<number>;
  municipality_id: number;
  key: string;
  label: string;
  requires_text: number;
  position: number;
  version: Generated<number>;
}

/** draft_reason: a reason given in the draft for a shift, keyed by the shift's stable key. */
export interface DraftReasonTable {
  id: Generated<number>;
  municipality_id: number;
  change_key: string;
  category: string;
  text: string;
  version: Generated<number>;
  updated_at: Timestamp;
}

/** edition_draft: what the next edition gets besides the catalogue (its foreword). */
export interface EditionDraftTable {
  municipality_id: number;
  foreword: string | null;
  version: Generated<number>;
}

/** All tables. */
export interface Database {
  feed_subscription: FeedSubscriptionTable;
  municipality: MunicipalityTable;
  programme: ProgrammeTable;
  programme_goal: ProgrammeGoalTable;
  programme_priority: ProgrammePriorityTable;
  priority_project: PriorityProjectTable;
  org_unit: OrgUnitTable;
  impact_area: ImpactAreaTable;
  action_field: ActionFieldTable;
  project: ProjectTable;
  project_tag: ProjectTagTable;
  phase: PhaseTable;
  measure: MeasureTable;
  responsibility: ResponsibilityTable;
  project_dependency: ProjectDependencyTable;
  search_entry: SearchEntryTable;
  user_account: UserAccountTable;
  user_org_unit: UserOrgUnitTable;
  membership: MembershipTable;
  api_token_municipality: ApiTokenMunicipalityTable;
  recovery_code: RecoveryCodeTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  password_reset: PasswordResetTable;
  api_token: ApiTokenTable;
  sso_login: SsoLoginTable;
  audit_event: AuditEventTable;
  edition: EditionTable;
  reason_category: ReasonCategoryTable;
  draft_reason: DraftReasonTable;
  edition_draft: EditionDraftTable;
  committee: CommitteeTable;
  meeting: MeetingTable;
  status_report: StatusReportTable;
  report_entry: ReportEntryTable;
  report_section: ReportSectionTable;
  indicator: IndicatorTable;
  indicator_observation: IndicatorObservationTable;
  ozg_service: OzgServiceTable;
  scheduled_job: ScheduledJobTable;
  report_reminder_rule: ReportReminderRuleTable;
  report_reminder_sent: ReportReminderSentTable;
  oparl_object: OparlObjectTable;
  catalogue_sheet_upload: CatalogueSheetUploadTable;
  accessibility_statement: AccessibilityStatementTable;
  kept_form: KeptFormTable;
  participation_settings: ParticipationSettingsTable;
  participation_item: ParticipationItemTable;
  participation_status_event: ParticipationStatusEventTable;
  participation_rate: ParticipationRateTable;
  public_release: PublicReleaseTable;
  body_member: BodyMemberTable;
  published_document: PublishedDocumentTable;
}

/** oparl_object: a cached OParl object a meeting refers to (migration 2026-12-05-oparl-cache). */
export interface OparlObjectTable {
  municipality_id: number;
  url: string;
  type: string;
  name: string | null;
  reference: string | null;
  date: string | null;
  web_url: string | null;
  fetched_at: string;
}

/** The database handle or an open transaction: repositories accept either. */
export type Executor = Kysely<Database> | Transaction<Database>;
