/** Row types of the scheduler's tables (migration 2026-12-05-ops-scheduler). */
import type { Generated } from "kysely";
import type { Timestamp } from "./database.js";

/** scheduled_job: a periodic job with its lease. */
export interface ScheduledJobTable {
  name: string;
  next_run_at: Timestamp;
  locked_until: Timestamp | null;
  locked_by: string | null;
  last_run_at: Timestamp | null;
  last_error: string | null;
}

/** report_reminder_rule: a municipality's rule "mail the editors N days before the meeting". */
export interface ReportReminderRuleTable {
  id: Generated<number>;
  municipality_id: number;
  days_before: number;
}

/** report_reminder_sent: one row per report and rule that has been sent (or superseded). */
export interface ReportReminderSentTable {
  id: Generated<number>;
  report_id: number;
  days_before: number;
  kind: string;
  sent_at: Timestamp;
  sent_by: string;
  recipients: Generated<number>;
  sent: Generated<number>;
  failed: Generated<number>;
}
