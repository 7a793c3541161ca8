/**
 * Optional e-mail reminders before a report: every editor whose projects in the draft
 * still lack something gets one mail listing them, with the link to the report page.
 * Administrators send them by hand here; the scheduler sends them by the municipality's
 * rules (app/scheduler/report-reminder-job.ts), with the same mail.
 */
import { listEntries, type StoredReport } from "../../db/report.repository.js";
import { listUsersOfMunicipality } from "../../db/user.repository.js";
import type {
  Principal,
  UserPrincipal,
} from "../../domain/access/principal.js";
import { formatGermanDate } from "../../domain/calendar/calendar.js";
import { missingUpdates } from "../../domain/report/report-status.js";
import { reportsDe } from "../../i18n/reports.de.js";
import { reportProjects } from "../../domain/report/report-document.js";
import {
  findProject,
  type ProjectInContext,
} from "../../domain/catalogue/catalogue.js";
import { AppError } from "../../errors.js";
import { recordAudit, type RequestOrigin } from "../audit/record-audit.js";
import type { MailDelivery } from "../auth/passwords.js";
import { getCatalogue } from "../catalogue/read-catalogue.js";
import { UNKNOWN_ORIGIN } from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";
import { canUpdateReportEntry } from "../policies/report.policy.js";
import { reportDocumentOf, toReportEntry } from "./assemble-report.js";
import { reportLabel, requireDraft } from "./manage-reports.js";
import { projectScopeOf } from "./report-entries.js";
import {
  staffReportPath,
  type ReportRef,
} from "../../domain/report/report-url.js";
import { requireReportingAdmin } from "./reporting-support.js";

/** The path of a report's staff page, for links in mails (by its number, ADR 0044). */
export function reportEditorPath(
  municipalitySlug: string,
  report: ReportRef,
): string {
  return staffReportPath(municipalitySlug, report);
}

/** What a round of reminders did. */
export interface ReminderResult {
  /** Editors with open updates. */
  readonly recipients: number;
  readonly sent: number;
  readonly failed: number;
}

/** Sends the reminders for a draft; ERR_VALIDATION without mail configured. */
export async function sendReportReminders(
  ctx: AppContext,
  principal: Principal,
  input: { readonly municipality: string; readonly reportId: number },
  delivery: MailDelivery | null,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ReminderResult> {
  const { municipality } = await requireReportingAdmin.bySlug(
    ctx,
    principal,
    input.municipality,
    "report.remind",
    { entityType: "status_report", entityId: input.reportId },
    origin,
  );
  const report = await requireDraft(ctx.db, municipality.id, input.reportId);
  if (delivery === null) {
    throw new AppError("ERR_VALIDATION", {
      detail:
        "Es ist kein Mailserver eingerichtet (SMTP_URL, MAIL_FROM, PUBLIC_BASE_URL); Erinnerungen können nicht verschickt werden.",
    });
  }
  const { recipients, sent, failed } = await mailReportReminders(
    ctx,
    municipality,
    report,
    delivery,
  );
  await recordAudit(
    ctx.db,
    ctx,
    principal,
    {
      municipalityId: municipality.id,
      action: "report.remind",
      entityType: "status_report",
      entityId: report.id,
      entityLabel: reportLabel(report),
      after: { recipients, sent, failed },
    },
    origin,
  );
  return { recipients, sent, failed };
}

/**
 * Which mail a round sends: the hand-sent reminder, or one sent by the scheduler by the
 * municipality's rules — the first rule asks for updates, the later ones remind.
 */
export type ReminderKind = "reminder" | "request";

/**
 * Mails every active editor whose projects in the draft still lack something, one mail
 * each listing them with the link to the report page; counts what happened.
 */
export async function mailReportReminders(
  ctx: AppContext,
  municipality: { readonly id: number; readonly slug: string },
  report: StoredReport,
  delivery: MailDelivery,
  kind: ReminderKind = "reminder",
): Promise<ReminderResult> {
  const catalogue = await getCatalogue(ctx, municipality.slug);
  const [document, entries, users] = await Promise.all([
    reportDocumentOf(ctx.db, catalogue, report),
    listEntries(ctx.db, report.id),
    listUsersOfMunicipality(ctx.db, municipality.id),
  ]);
  const shown = reportProjects(document)
    .map((project) => findProject(catalogue, project.slug))
    .filter((entry): entry is ProjectInContext => entry !== null);
  const link = `${delivery.publicBaseUrl}${reportEditorPath(municipality.slug, report)}`;
  const meetingDate = formatGermanDate(document.meeting.day);
  let recipients = 0;
  let sent = 0;
  let failed = 0;
  for (const user of users) {
    if (!user.isActive || user.role !== "editor") continue;
    const editor: UserPrincipal = {
      kind: "user",
      userId: user.id,
      municipalityId: municipality.id,
      role: "editor",
      orgUnitCodes: user.orgUnitCodes,
      name: user.name,
      email: user.email,
      via: "session",
    };
    const own = shown.filter((entry) =>
      canUpdateReportEntry(editor, projectScopeOf(catalogue, entry)),
    );
    const open = missingUpdates(
      own.map(({ project }) => ({
        slug: project.slug,
        code: project.code,
        title: project.title,
      })),
      entries.map(toReportEntry),
    );
    if (open.length === 0) continue;
    recipients += 1;
    const lines = open.map(
      (each) =>
        `- ${each.project.code} ${each.project.title}: ${each.reasons.map((reason) => reportsDe.missingReason[reason]).join(", ")}`,
    );
    try {
      await delivery.mailer.send({
        to: user.email,
        subject: `${kind === "request" ? "Bitte um Aktualisierung: " : ""}${document.title} – ${document.meeting.committeeAbbreviation} am ${meetingDate}: Ihre Projekte`,
        text: [
          `Guten Tag ${user.name},`,
          "",
          kind === "request"
            ? `für den ${document.title} an den ${document.meeting.committeeAbbreviation} am ${meetingDate} (Stand ${formatGermanDate(document.asOf)}) bitten wir um den aktuellen Stand Ihrer Projekte:`
            : `für den ${document.title} an den ${document.meeting.committeeAbbreviation} am ${meetingDate} (Stand ${formatGermanDate(document.asOf)}) fehlen noch Angaben zu Ihren Projekten:`,
          "",
          ...lines,
          "",
          `Bitte ergänzen Sie sie hier: ${link}`,
          "",
          "Hat sich seit dem letzten Bericht nichts geändert, genügt ein Klick auf „Unverändert seit dem letzten Bericht“.",
          "",
          "Diese Nachricht wurde von Fortschritt verschickt.",
        ].join("\n"),
      });
      sent += 1;
    } catch {
      failed += 1;
    }
  }
  return { recipients, sent, failed };
}
