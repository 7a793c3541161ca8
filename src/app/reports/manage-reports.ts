/**
 * Creating a draft status report for a meeting, changing its settings, and publishing it.
 * Publishing stores the assembled document and freezes the report: there is no use case
 * that changes a published report, and the database refuses it (migration 2026-11-25).
 */
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
import type { Principal } from "../../domain/access/principal.js";
import type {
  Catalogue,
  Municipality,
} from "../../domain/catalogue/catalogue.js";
import {
  formatGermanDate,
  parseIsoDate,
} from "../../domain/calendar/calendar.js";
import { reportProjects } from "../../domain/report/report-document.js";
import { AppError, type InputProblem } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import { getCatalogue } from "../catalogue/read-catalogue.js";
import { requireValid, UNKNOWN_ORIGIN } from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";
import { assembleDraft } from "./assemble-report.js";
import {
  CreateReportInputSchema,
  PublishReportInputSchema,
  UpdateReportInputSchema,
  type CreateReportInput,
  type PublishReportInput,
  type UpdateReportInput,
} from "./reporting.schema.js";
import {
  invalid,
  optionalText,
  requireMunicipality,
  requireReportingAdmin,
  runReportingChange,
  StaleReportingVersion,
} from "./reporting-support.js";

/** The title a new report gets unless another is given. */
export const DEFAULT_REPORT_TITLE = "Sachstandsbericht Digitalisierung";

/** "Sachstandsbericht Digitalisierung (Stand 28.11.2022)": how a report is named in the log. */
export function reportLabel(report: {
  readonly title: string;
  readonly asOf: number;
}): string {
  return `${report.title} (Stand ${formatGermanDate(report.asOf)})`;
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

/** A draft of the municipality; ERR_REPORT_PUBLISHED when it has been published. */
export async function requireDraft(
  db: Executor,
  municipalityId: number,
  reportId: number,
): Promise<StoredReport> {
  const report = await requireReport(db, municipalityId, reportId);
  if (report.status !== "draft") throw new AppError("ERR_REPORT_PUBLISHED");
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

/** Creates a draft report for a meeting: all sections, OZG figures on, no outlook yet. */
export async function createReport(
  ctx: AppContext,
  principal: Principal,
  input: CreateReportInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ readonly id: number }> {
  const valid = requireValid(CreateReportInputSchema, input);
  const municipality = await requireMunicipality(ctx.db, valid.municipality);
  await requireReportingAdmin(
    ctx,
    principal,
    municipality,
    "report.create",
    { entityType: "status_report" },
    origin,
  );
  const asOf = requireAsOf(valid.data.asOf);
  await requireMeetingId(ctx.db, municipality.id, valid.data.meetingId);
  const previousReportId = await resolvePrevious(
    ctx.db,
    municipality.id,
    asOf,
    valid.data.previousReportId,
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
  return runReportingChange(
    ctx,
    principal,
    municipality,
    origin,
    valid.reason,
    async (trx, now) => {
      const id = await insertReport(trx, municipality.id, fields, now);
      return {
        value: { id },
        record: {
          action: "report.create",
          entityType: "status_report",
          entityId: id,
          entityLabel: reportLabel(fields),
          before: null,
          after: fields,
          version: 1,
        },
      };
    },
  );
}

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
export async function updateReport(
  ctx: AppContext,
  principal: Principal,
  input: UpdateReportInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ readonly version: number }> {
  const valid = requireValid(UpdateReportInputSchema, input);
  const municipality = await requireMunicipality(ctx.db, valid.municipality);
  await requireReportingAdmin(
    ctx,
    principal,
    municipality,
    "report.update",
    { entityType: "status_report", entityId: valid.reportId },
    origin,
  );
  await requireReport(ctx.db, municipality.id, valid.reportId);
  const asOf = requireAsOf(valid.data.asOf);
  await requireMeetingId(ctx.db, municipality.id, valid.data.meetingId);
  const previousReportId = await resolvePrevious(
    ctx.db,
    municipality.id,
    asOf,
    valid.data.previousReportId,
    valid.reportId,
  );
  const catalogue = await getCatalogue(ctx, municipality.slug);
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
  return runReportingChange(
    ctx,
    principal,
    municipality,
    origin,
    valid.reason,
    async (trx, now) => {
      const report = await requireDraft(trx, municipality.id, valid.reportId);
      if (report.version !== valid.expectedVersion)
        throw new StaleReportingVersion(
          "status_report",
          report.id,
          valid.expectedVersion,
        );
      await updateDraftReportRow(trx, report.id, fields, now);
      await trx
        .updateTable("status_report")
        .set({ version: report.version + 1 })
        .where("id", "=", report.id)
        .execute();
      return {
        value: { version: report.version + 1 },
        record: {
          action: "report.update",
          entityType: "status_report",
          entityId: report.id,
          entityLabel: reportLabel(fields),
          before: settingsSnapshot(report),
          after: settingsSnapshot(fields),
          version: report.version + 1,
        },
      };
    },
  );
}

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
 * Publishes a draft: assembles its document as of now, stores it and freezes the report.
 * Refused while a project shown has no status. Returns the new version.
 */
export async function publishReport(
  ctx: AppContext,
  principal: Principal,
  input: PublishReportInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ readonly version: number }> {
  const valid = requireValid(PublishReportInputSchema, input);
  const municipality: Municipality = await requireMunicipality(
    ctx.db,
    valid.municipality,
  );
  await requireReportingAdmin(
    ctx,
    principal,
    municipality,
    "report.publish",
    { entityType: "status_report", entityId: valid.reportId },
    origin,
  );
  await requireReport(ctx.db, municipality.id, valid.reportId);
  // Read before the transaction: on SQLite the transaction holds the only connection.
  const catalogue = await getCatalogue(ctx, municipality.slug);
  return runReportingChange(
    ctx,
    principal,
    municipality,
    origin,
    valid.reason,
    async (trx, now) => {
      const report = await requireDraft(trx, municipality.id, valid.reportId);
      if (report.version !== valid.expectedVersion)
        throw new StaleReportingVersion(
          "status_report",
          report.id,
          valid.expectedVersion,
        );
      const problems = await publishingProblems(trx, catalogue, report);
      if (problems.length > 0) {
        throw new AppError("ERR_VALIDATION", {
          detail: "Vor dem Veröffentlichen fehlen noch Angaben.",
          problems,
        });
      }
      const document = await assembleDraft(trx, catalogue, report, now);
      const publishedBy =
        principal.kind === "user" ? principal.name : "Öffentlichkeit";
      if (
        !(await publishReportRow(trx, report.id, report.version, {
          documentJson: JSON.stringify(document),
          publishedAt: now,
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
          action: "report.publish",
          entityType: "status_report",
          entityId: report.id,
          entityLabel: reportLabel(report),
          before: { status: "draft" },
          after: {
            status: "published",
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
    },
  );
}
