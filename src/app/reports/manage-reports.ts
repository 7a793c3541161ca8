/**
 * Creating a draft status report for a meeting, changing its settings, and publishing it.
 * Publishing stores the assembled document and freezes the report: there is no use case
 * that changes a published report, and the database refuses it (migration 2026-11-25).
 */
import { optionalText } from "../catalogue/edit-support.js";
import type { Transaction } from "kysely";
import type { Database, Executor } from "../../db/database.js";
import {
  findMeeting,
  findReport,
  insertReport,
  listReports,
  publishReportRow,
  updateDraftReportRow,
  type ReportFields,
  type StoredReport,
} from "../../db/report.repository.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import {
  formatGermanDate,
  formatIsoDate,
  germanDayOf,
  parseIsoDate,
  startOfGermanDay,
} from "../../domain/calendar/calendar.js";
import { isUniqueViolation } from "../../db/project.repository.js";
import { reportProjects } from "../../domain/report/report-document.js";
import { AppError, type InputProblem } from "../../errors.js";
import { getCatalogue } from "../catalogue/read-catalogue.js";
import { assembleDraft } from "./assemble-report.js";
import {
  CreateReportInputSchema,
  PublishReportInputSchema,
  UpdateReportInputSchema,
} from "./reporting.schema.js";
import {
  reportingUseCase,
  invalid,
  advanceVersion,
  requireVersion,
  StaleReportingVersion,
} from "./reporting-support.js";

/** The title a new report gets unless another is given. */
export const DEFAULT_REPORT_TITLE = "Sachstandsbericht Digitalisierung";

/**
 * "Sachstandsbericht Digitalisierung Nr. 2 (Stand 28.11.2022)": how a report is named in
 * the log and in titles (the number is the one of its municipality).
 */
export function reportLabel(report: {
  readonly title: string;
  readonly asOf: number;
  readonly number?: number;
}): string {
  const number = report.number === undefined ? "" : ` Nr. ${report.number}`;
  return `${report.title}${number} (Stand ${formatGermanDate(report.asOf)})`;
}

/** A report of the municipality; ERR_REPORT_NOT_FOUND otherwise. */
export async function requireReport(
  db: Executor,
  municipalityId: number,
  reportId: number,
): Promise<StoredReport> {
  const report = await findReport(db, municipalityId, reportId);
  if (report === null) throw new AppError("ERR_REPORT_NOT_FOUND");
  return report;
}

/**
 * A draft of the municipality; ERR_REPORT_PUBLISHED when it has been published, and with
 * an expected version the stale-version error when someone else changed it since.
 */
export async function requireDraft(
  db: Executor,
  municipalityId: number,
  reportId: number,
  expectedVersion?: number,
): Promise<StoredReport> {
  const report = await requireReport(db, municipalityId, reportId);
  if (report.status !== "draft") throw new AppError("ERR_REPORT_PUBLISHED");
  if (expectedVersion !== undefined)
    requireVersion("status_report", report, expectedVersion);
  return report;
}

/**
 * The previous report: the one named (it must be published and as of an earlier day), or
 * by default the latest published report as of an earlier day.
 */
async function resolvePrevious(
  db: Executor,
  municipalityId: number,
  asOf: number,
  previousReportId: number | null | undefined,
  ownId: number | null,
): Promise<number | null> {
  const reports = await listReports(db, municipalityId);
  if (previousReportId === undefined) {
    return (
      reports.find(
        (report) =>
          report.status === "published" &&
          report.asOf < asOf &&
          report.id !== ownId,
      )?.id ?? null
    );
  }
  if (previousReportId === null) return null;
  const previous = reports.find((report) => report.id === previousReportId);
  if (previous === undefined || previous.id === ownId)
    throw invalid("/data/previousReportId", "Diesen Bericht gibt es nicht.");
  if (previous.status !== "published")
    throw invalid(
      "/data/previousReportId",
      "Der vorherige Bericht muss veröffentlicht sein.",
    );
  if (previous.asOf >= asOf) {
    throw invalid(
      "/data/previousReportId",
      `Der vorherige Bericht (Stand ${formatGermanDate(previous.asOf)}) muss einen früheren Stand haben.`,
    );
  }
  return previous.id;
}

async function requireMeetingId(
  db: Executor,
  municipalityId: number,
  meetingId: number,
): Promise<void> {
  if ((await findMeeting(db, municipalityId, meetingId)) === null)
    throw invalid("/data/meetingId", "Diese Sitzung gibt es nicht.");
}

function requireAsOf(text: string): number {
  const day = parseIsoDate(text);
  if (day === null) throw invalid("/data/asOf", "ist kein Datum");
  return day;
}

/**
 * The as-of day and previous report a report's settings give (`ownId`: the report itself,
 * null for a new one), after checking the date and that the meeting exists.
 */
async function requireReportPlace(
  db: Executor,
  municipalityId: number,
  data: {
    readonly asOf: string;
    readonly meetingId: number;
    readonly previousReportId?: number | null;
  },
  ownId: number | null,
): Promise<{
  readonly asOf: number;
  readonly previousReportId: number | null;
}> {
  const asOf = requireAsOf(data.asOf);
  await requireMeetingId(db, municipalityId, data.meetingId);
  const previousReportId = await resolvePrevious(
    db,
    municipalityId,
    asOf,
    data.previousReportId,
    ownId,
  );
  return { asOf, previousReportId };
}

/** Creates a draft report for a meeting: all sections, OZG figures on, no outlook yet. */
export const createReport = reportingUseCase(
  CreateReportInputSchema,
  "report.create",
  () => ({ entityType: "status_report" }),
  async ({ ctx, valid, change }) => {
    const { asOf, previousReportId } = await requireReportPlace(
      ctx.db,
      change.municipality.id,
      valid.data,
      null,
    );
    const fields: ReportFields = {
      meetingId: valid.data.meetingId,
      previousReportId,
      asOf,
      title: valid.data.title?.trim() || DEFAULT_REPORT_TITLE,
      sectionKeys: null,
      includeOzg: true,
      outlook: [],
    };
    // The transaction holds the municipality's row, so reports created at once get their
    // numbers one after the other; should the unique index still refuse one, try again.
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await change.run(async (trx, now) => {
          const created = await insertReport(
            trx,
            change.municipality.id,
            fields,
            now,
          );
          return {
            value: created,
            record: {
              entityId: created.id,
              entityLabel: reportLabel({ ...fields, number: created.number }),
              before: null,
              after: { ...fields, number: created.number },
              version: 1,
            },
          };
        });
      } catch (error) {
        if (attempt >= 3 || !isUniqueViolation(error)) throw error;
      }
    }
  },
);

function settingsSnapshot(report: ReportFields) {
  return {
    meetingId: report.meetingId,
    previousReportId: report.previousReportId,
    asOf: report.asOf,
    title: report.title,
    sectionKeys: report.sectionKeys,
    includeOzg: report.includeOzg,
    outlook: report.outlook,
  };
}

/** Changes a draft's settings: meeting, as-of date, previous report, title, sections, OZG part, outlook. */
export const updateReport = reportingUseCase(
  UpdateReportInputSchema,
  "report.update",
  (valid) => ({ entityType: "status_report", entityId: valid.reportId }),
  async ({ ctx, valid, change }) => {
    await requireReport(ctx.db, change.municipality.id, valid.reportId);
    const { asOf, previousReportId } = await requireReportPlace(
      ctx.db,
      change.municipality.id,
      valid.data,
      valid.reportId,
    );
    const catalogue = await getCatalogue(ctx, change.municipality.slug);
    const keys = new Set(
      catalogue.impactAreas.flatMap((area) =>
        area.actionFields.map((field) => field.key),
      ),
    );
    const problems: InputProblem[] = [];
    (valid.data.sectionKeys ?? []).forEach((key, index) => {
      if (!keys.has(key))
        problems.push({
          path: `/data/sectionKeys/${index}`,
          message: `Das Aktionsfeld „${key}“ gibt es nicht.`,
        });
    });
    if (problems.length > 0) throw new AppError("ERR_VALIDATION", { problems });
    const fields: ReportFields = {
      meetingId: valid.data.meetingId,
      previousReportId,
      asOf,
      title: valid.data.title.trim(),
      sectionKeys: valid.data.sectionKeys,
      includeOzg: valid.data.includeOzg,
      outlook: valid.data.outlook.map((item) => ({
        when: item.when.trim(),
        what: item.what.trim(),
      })),
      ...(valid.data.oparlPaperUrl === undefined
        ? {}
        : { oparlPaperUrl: optionalText(valid.data.oparlPaperUrl) }),
    };
    return change.run(async (trx, now) => {
      const report = await requireDraft(
        trx,
        change.municipality.id,
        valid.reportId,
        valid.expectedVersion,
      );
      await updateDraftReportRow(trx, report.id, fields, now);
      const version = await advanceVersion(trx, "status_report", report);
      return {
        value: { version },
        record: {
          entityId: report.id,
          entityLabel: reportLabel(fields),
          before: settingsSnapshot(report),
          after: settingsSnapshot(fields),
          version,
        },
      };
    });
  },
);

/** What a report still lacks before it may be published: a status for every project shown. */
async function publishingProblems(
  trx: Transaction<Database>,
  catalogue: Catalogue,
  report: StoredReport,
): Promise<InputProblem[]> {
  const document = await assembleDraft(trx, catalogue, report, null);
  return reportProjects(document)
    .filter((project) => project.status === null)
    .map((project) => ({
      path: `/entries/${project.slug}`,
      message: `${project.code} ${project.title}: Es fehlt der Status (oder das Projekt aus dem Bericht nehmen).`,
    }));
}

/**
 * The day a report is published on when it is set in the past (null: today). Rules: a
 * real date, not after today (nobody publishes ahead), and not before the report's
 * as-of date (a report cannot have been published before the day its figures are of).
 * The meeting's day is no bound: reports go out before their meeting.
 */
function backdatedDay(
  text: string | undefined,
  report: StoredReport,
  today: number,
): number | null {
  if (text === undefined || text.trim() === "") return null;
  const day = parseIsoDate(text);
  if (day === null)
    throw invalid(
      "/data/publishedOn",
      "Das Veröffentlichungsdatum ist kein Datum.",
    );
  if (day > today)
    throw invalid(
      "/data/publishedOn",
      `Das Veröffentlichungsdatum darf nicht nach heute (${formatGermanDate(today)}) liegen.`,
    );
  if (day < report.asOf)
    throw invalid(
      "/data/publishedOn",
      `Das Veröffentlichungsdatum darf nicht vor dem Stand des Berichts (${formatGermanDate(report.asOf)}) liegen.`,
    );
  return day === today ? null : day;
}

/**
 * A second published report for the same meeting only with an explicit confirmation: the
 * committee would otherwise find two reports without knowing which one it was given.
 */
async function requireSecondReportConfirmed(
  db: Executor,
  municipalityId: number,
  report: StoredReport,
  confirmed: boolean,
): Promise<void> {
  if (confirmed) return;
  const others = (await listReports(db, municipalityId)).filter(
    (each) =>
      each.id !== report.id &&
      each.meetingId === report.meetingId &&
      each.status === "published",
  );
  const first = others[others.length - 1];
  if (first === undefined) return;
  const meeting = await findMeeting(db, municipalityId, report.meetingId);
  const day = meeting === null ? "" : ` am ${formatGermanDate(meeting.day)}`;
  throw invalid(
    "/data/confirmSecondReport",
    `Für die Sitzung${day} ist schon der Bericht Nr. ${first.number} veröffentlicht. Bestätigen Sie, dass ein zweiter Bericht für diese Sitzung veröffentlicht werden soll.`,
  );
}

/**
 * Publishes a draft: assembles its document as of now, stores it and freezes the report.
 * Refused while a project shown has no status. Returns the new version.
 */
export const publishReport = reportingUseCase(
  PublishReportInputSchema,
  "report.publish",
  (valid) => ({ entityType: "status_report", entityId: valid.reportId }),
  async ({ ctx, principal, valid, change }) => {
    await requireReport(ctx.db, change.municipality.id, valid.reportId);
    // Read before the transaction: on SQLite the transaction holds the only connection.
    const catalogue = await getCatalogue(ctx, change.municipality.slug);
    const today = germanDayOf(ctx.clock());
    return change.run(async (trx, now) => {
      const report = await requireDraft(
        trx,
        change.municipality.id,
        valid.reportId,
        valid.expectedVersion,
      );
      const publishedOn = backdatedDay(valid.publishedOn, report, today);
      await requireSecondReportConfirmed(
        trx,
        change.municipality.id,
        report,
        valid.confirmSecondReport === true,
      );
      const problems = await publishingProblems(trx, catalogue, report);
      if (problems.length > 0) {
        throw new AppError("ERR_VALIDATION", {
          detail: "Vor dem Veröffentlichen fehlen noch Angaben.",
          problems,
        });
      }
      // A backdated report counts as published at the start of the day set; when it was
      // really entered stays beside it ("nachgetragen am …").
      const publishedAt =
        publishedOn === null
          ? now
          : startOfGermanDay(publishedOn).toISOString();
      const recordedAt = publishedOn === null ? null : now;
      const assembled = await assembleDraft(
        trx,
        catalogue,
        report,
        publishedAt,
      );
      const document =
        recordedAt === null ? assembled : { ...assembled, recordedAt };
      const publishedBy =
        principal.kind === "user" ? principal.name : "Öffentlichkeit";
      if (
        !(await publishReportRow(trx, report.id, report.version, {
          documentJson: JSON.stringify(document),
          publishedAt,
          recordedAt,
          publishedBy,
        }))
      ) {
        throw new StaleReportingVersion(
          "status_report",
          report.id,
          valid.expectedVersion,
        );
      }
      return {
        value: { version: report.version + 1 },
        record: {
          entityId: report.id,
          entityLabel: reportLabel(report),
          before: { status: "draft" },
          after: {
            status: "published",
            ...(publishedOn === null
              ? {}
              : {
                  publishedOn: formatIsoDate(publishedOn),
                  backdated: `veröffentlicht am ${formatGermanDate(publishedOn)} (nachgetragen am ${formatGermanDate(today)})`,
                }),
            projects: reportProjects(document).length,
            statuses: Object.fromEntries(
              document.statusSummary.counts.map((count) => [
                count.status,
                count.count,
              ]),
            ),
          },
          version: report.version + 1,
        },
      };
    });
  },
);
