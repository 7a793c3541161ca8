/**
 * The scheduler's storage (ADR 0015): leases on periodic jobs, the reminder rules of a
 * municipality, and the log of reminders sent. Times are ISO strings from the
 * application's clock, never the database's, so that tests can move time.
 */
import { sql } from "kysely";
import type { Executor } from "./database.js";
import { changesOneRow, replaceRows } from "./query.js";

/** Creates the job's row (due at once) unless it exists. */
export async function ensureJob(
  db: Executor,
  name: string,
  firstRunAt: string,
): Promise<void> {
  await db
    .insertInto("scheduled_job")
    .values({
      name,
      next_run_at: firstRunAt,
      locked_until: null,
      locked_by: null,
      last_run_at: null,
      last_error: null,
    })
    .onConflict((conflict) => conflict.column("name").doNothing())
    .execute();
}

/**
 * Takes the lease on a due job: one conditional UPDATE, which both databases carry out
 * atomically (PostgreSQL re-checks the condition on the locked row), so of several
 * processes exactly one gets `true`.
 */
export async function claimJob(
  db: Executor,
  name: string,
  owner: string,
  now: string,
  leaseUntil: string,
): Promise<boolean> {
  return changesOneRow(
    db
      .updateTable("scheduled_job")
      .set({ locked_until: leaseUntil, locked_by: owner })
      .where("name", "=", name)
      .where("next_run_at", "<=", now)
      .where((eb) =>
        eb.or([eb("locked_until", "is", null), eb("locked_until", "<", now)]),
      ),
  );
}

/** Ends the lease (only the owner's) and sets the next run. */
export async function releaseJob(
  db: Executor,
  name: string,
  owner: string,
  finished: {
    readonly at: string;
    readonly nextRunAt: string;
    readonly error: string | null;
  },
): Promise<void> {
  await db
    .updateTable("scheduled_job")
    .set({
      locked_until: null,
      locked_by: null,
      last_run_at: finished.at,
      next_run_at: finished.nextRunAt,
      last_error: finished.error,
    })
    .where("name", "=", name)
    .where("locked_by", "=", owner)
    .execute();
}

/** A job's row, for the operator and for tests. */
export interface StoredJob {
  readonly name: string;
  readonly nextRunAt: string;
  readonly lockedBy: string | null;
  readonly lastRunAt: string | null;
  readonly lastError: string | null;
}

function isoOf(value: Date | string | null): string | null {
  return value === null
    ? null
    : value instanceof Date
      ? value.toISOString()
      : value;
}

/** All jobs. */
export async function listJobs(db: Executor): Promise<readonly StoredJob[]> {
  const rows = await db
    .selectFrom("scheduled_job")
    .selectAll()
    .orderBy("name")
    .execute();
  return rows.map((row) => ({
    name: row.name,
    nextRunAt: isoOf(row.next_run_at) ?? "",
    lockedBy: row.locked_by,
    lastRunAt: isoOf(row.last_run_at),
    lastError: row.last_error,
  }));
}

/** The days before a meeting on which a municipality's reminders go out, largest first. */
export async function listReminderDays(
  db: Executor,
  municipalityId: number,
): Promise<readonly number[]> {
  const rows = await db
    .selectFrom("report_reminder_rule")
    .select("days_before")
    .where("municipality_id", "=", municipalityId)
    .orderBy("days_before", "desc")
    .execute();
  return rows.map((row) => row.days_before);
}

/** Replaces a municipality's reminder days. */
export async function replaceReminderDays(
  db: Executor,
  municipalityId: number,
  days: readonly number[],
): Promise<void> {
  await replaceRows(
    db
      .deleteFrom("report_reminder_rule")
      .where("municipality_id", "=", municipalityId),
    db.insertInto("report_reminder_rule"),
    days.map((daysBefore) => ({
      municipality_id: municipalityId,
      days_before: daysBefore,
    })),
  );
}

/** A draft report whose meeting has not passed, in a municipality with reminder rules. */
export interface ReminderCandidate {
  readonly municipalityId: number;
  readonly municipalitySlug: string;
  readonly reportId: number;
  readonly meetingDay: number;
  /** The rules' days, largest first. */
  readonly days: readonly number[];
  /** The days already sent (or superseded) for this report. */
  readonly done: readonly number[];
}

/** Draft reports with a meeting on or after `today` in active municipalities that have rules. */
export async function listReminderCandidates(
  db: Executor,
  today: number,
): Promise<readonly ReminderCandidate[]> {
  const reports = await db
    .selectFrom("status_report")
    .innerJoin("meeting", "meeting.id", "status_report.meeting_id")
    .innerJoin(
      "municipality",
      "municipality.id",
      "status_report.municipality_id",
    )
    .select([
      "status_report.id as reportId",
      "status_report.municipality_id as municipalityId",
      "municipality.slug as slug",
      "meeting.meeting_day as meetingDay",
    ])
    .where("status_report.status", "=", "draft")
    .where("meeting.meeting_day", ">=", today)
    // A deactivated municipality gets no reminders (nothing can be changed there); its
    // rules apply again after reactivation.
    .where("municipality.is_active", "=", 1)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("report_reminder_rule")
          .select(sql`1`.as("one"))
          .whereRef(
            "report_reminder_rule.municipality_id",
            "=",
            "status_report.municipality_id",
          ),
      ),
    )
    .orderBy("status_report.id")
    .execute();
  if (reports.length === 0) return [];
  const rules = await db
    .selectFrom("report_reminder_rule")
    .select(["municipality_id", "days_before"])
    .where("municipality_id", "in", [
      ...new Set(reports.map((report) => report.municipalityId)),
    ])
    .orderBy("days_before", "desc")
    .execute();
  const sent = await db
    .selectFrom("report_reminder_sent")
    .select(["report_id", "days_before"])
    .where(
      "report_id",
      "in",
      reports.map((report) => report.reportId),
    )
    .execute();
  return reports.map((report) => ({
    municipalityId: report.municipalityId,
    municipalitySlug: report.slug,
    reportId: report.reportId,
    meetingDay: report.meetingDay,
    days: rules
      .filter((rule) => rule.municipality_id === report.municipalityId)
      .map((rule) => rule.days_before),
    done: sent
      .filter((row) => row.report_id === report.reportId)
      .map((row) => row.days_before),
  }));
}

/**
 * Records that a report's rule is being sent; `false` when it already was (the unique key
 * decides, also between processes). Written before the mails go out: a crash in between
 * loses that round rather than sending it twice.
 */
export async function claimReminder(
  db: Executor,
  entry: {
    readonly reportId: number;
    readonly daysBefore: number;
    readonly kind: string;
    readonly at: string;
    readonly by: string;
  },
): Promise<boolean> {
  const result = await db
    .insertInto("report_reminder_sent")
    .values({
      report_id: entry.reportId,
      days_before: entry.daysBefore,
      kind: entry.kind,
      sent_at: entry.at,
      sent_by: entry.by,
    })
    .onConflict((conflict) =>
      conflict.columns(["report_id", "days_before"]).doNothing(),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Stores how a claimed round went. */
export async function recordReminderOutcome(
  db: Executor,
  reportId: number,
  daysBefore: number,
  outcome: {
    readonly recipients: number;
    readonly sent: number;
    readonly failed: number;
  },
): Promise<void> {
  await db
    .updateTable("report_reminder_sent")
    .set(outcome)
    .where("report_id", "=", reportId)
    .where("days_before", "=", daysBefore)
    .execute();
}

/** What was sent for a report, oldest first. */
export async function listSentReminders(
  db: Executor,
  reportId: number,
): Promise<
  readonly {
    readonly daysBefore: number;
    readonly kind: string;
    readonly sentAt: string;
    readonly recipients: number;
    readonly sent: number;
  }[]
> {
  const rows = await db
    .selectFrom("report_reminder_sent")
    .selectAll()
    .where("report_id", "=", reportId)
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    daysBefore: row.days_before,
    kind: row.kind,
    sentAt: isoOf(row.sent_at) ?? "",
    recipients: row.recipients,
    sent: row.sent,
  }));
}
