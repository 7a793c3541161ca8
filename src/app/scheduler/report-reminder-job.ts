/**
 * Reminders that send themselves: before the meeting of a draft status report, on the
 * days the municipality has set (e.g. 21 and 7 days before), the editors whose projects
 * still lack something get the same mail as the hand-sent reminder — the first rule asks
 * for updates, the later ones remind. report_reminder_sent's unique key (report, rule)
 * makes a second sending impossible, across processes and restarts; published reports
 * get nothing.
 */
import { insertAuditEvent } from "../../db/audit.repository.js";
import {
  claimReminder,
  listReminderCandidates,
  recordReminderOutcome,
} from "../../db/scheduler.repository.js";
import type { MailDelivery } from "../auth/passwords.js";
import type { AppContext } from "../context.js";
import { reportLabel, requireDraft } from "../reports/manage-reports.js";
import { mailReportReminders } from "../reports/report-reminders.js";
import { germanDayOf } from "../../domain/calendar/calendar.js";
import type { PeriodicJob } from "./scheduler.js";

/** How the scheduler appears in the audit log. */
export const SCHEDULER_ACTOR = "Fortschritt (automatisch)";

/** The job's name (its lease row). */
export const REPORT_REMINDER_JOB = "report-reminders";

/** Sends the reminders that are due; returns how many rounds went out. */
export async function sendDueReportReminders(
  ctx: AppContext,
  delivery: MailDelivery,
  now: Date,
  sender: string,
): Promise<number> {
  const today = germanDayOf(now);
  let rounds = 0;
  for (const candidate of await listReminderCandidates(ctx.db, today)) {
    const due = candidate.days.filter(
      (days) =>
        candidate.meetingDay - days <= today && !candidate.done.includes(days),
    );
    if (due.length === 0) continue;
    // Only the rule nearest the meeting goes out; earlier ones missed (the app was down,
    // the rule is new) are marked superseded, so no one gets two mails at once.
    const nearest = Math.min(...due);
    const at = now.toISOString();
    for (const days of due) {
      if (days !== nearest)
        await claimReminder(ctx.db, {
          reportId: candidate.reportId,
          daysBefore: days,
          kind: "superseded",
          at,
          by: sender,
        });
    }
    const kind =
      nearest === Math.max(...candidate.days) ? "request" : "reminder";
    if (
      !(await claimReminder(ctx.db, {
        reportId: candidate.reportId,
        daysBefore: nearest,
        kind,
        at,
        by: sender,
      }))
    )
      continue;
    const report = await requireDraft(
      ctx.db,
      candidate.municipalityId,
      candidate.reportId,
    );
    const outcome = await mailReportReminders(
      ctx,
      { id: candidate.municipalityId, slug: candidate.municipalitySlug },
      report,
      delivery,
      kind,
    );
    await ctx.db.transaction().execute(async (trx) => {
      await recordReminderOutcome(trx, candidate.reportId, nearest, outcome);
      await insertAuditEvent(trx, {
        municipalityId: candidate.municipalityId,
        at: ctx.clock().toISOString(),
        actorUserId: null,
        actorLabel: SCHEDULER_ACTOR,
        action: "report.remind",
        entityType: "status_report",
        entityId: String(report.id),
        entityLabel: reportLabel(report),
        projectId: null,
        before: null,
        after: { ...outcome, kind, daysBefore: nearest },
        reason: null,
        ip: null,
        version: null,
      });
    });
    rounds += 1;
  }
  return rounds;
}

/** The periodic job; it checks every 15 minutes (the rules are in days). */
export function reportReminderJob(
  delivery: MailDelivery,
  intervalMs = 15 * 60_000,
): PeriodicJob {
  return {
    name: REPORT_REMINDER_JOB,
    intervalMs,
    async run(ctx, now) {
      await sendDueReportReminders(ctx, delivery, now, REPORT_REMINDER_JOB);
    },
  };
}
