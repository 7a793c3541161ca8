/**
 * What a draft says about a project, written by the project's owners: status, short text,
 * highlights, a new date — or, in one click, "Unverändert seit dem letzten Bericht", which
 * takes over the previous report's status and text.
 */
import { listAuditEvents } from "../../db/audit.repository.js";
import { isUniqueViolation } from "../../db/project.repository.js";
import {
  listEntries,
  insertEntry,
  updateEntryRow,
  findReport,
  type EntryFields,
  type StoredReport,
  type StoredEntry,
} from "../../db/report.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import {
  findProject,
  type Catalogue,
  type Municipality,
  type ProjectInContext,
} from "../../domain/catalogue/catalogue.js";
import { parsePointInTime } from "../../domain/period/point-in-time.js";
import {
  reportProjects,
  type ReportDocument,
} from "../../domain/report/report-document.js";
import { unchangedEntry } from "../../domain/report/report-status.js";
import { AppError } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import { getCatalogue } from "../catalogue/read-catalogue.js";
import {
  projectLabel,
  refuse,
  requireValid,
  UNKNOWN_ORIGIN,
} from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";
import {
  canManageReporting,
  canUpdateReportEntry,
} from "../policies/report.policy.js";
import { reportLabel, requireDraft, requireReport } from "./manage-reports.js";
import {
  ConfirmUnchangedInputSchema,
  SaveReportEntryInputSchema,
  type ConfirmUnchangedInput,
  type SaveReportEntryInput,
} from "./reporting.schema.js";
import {
  invalid,
  ReportingConflictError,
  requireMunicipality,
  runReportingChange,
  StaleReportingVersion,
} from "./reporting-support.js";

/** What the policies need to know about a project of the catalogue. */
export function projectScopeOf(catalogue: Catalogue, entry: ProjectInContext) {
  return {
    municipalityId: catalogue.municipality.id,
    responsibleOrgUnitCodes: entry.project.responsibilities.map(
      (responsibility) => responsibility.orgUnitCode,
    ),
  };
}

/**
 * The municipality, project and report an entry's input names; the principal must be allowed
 * to report on the project (a refusal is logged as `attempted`).
 */
async function requireEntryTarget(
  ctx: AppContext,
  principal: Principal,
  target: {
    readonly municipality: string;
    readonly project: string;
    readonly reportId: number;
  },
  attempted: string,
  origin: RequestOrigin,
): Promise<{
  readonly municipality: Municipality;
  readonly project: ProjectInContext;
  readonly report: StoredReport;
}> {
  const municipality = await requireMunicipality(ctx.db, target.municipality);
  const catalogue = await getCatalogue(ctx, municipality.slug);
  const project = await requireReportableProject(
    ctx,
    principal,
    municipality,
    catalogue,
    target.project,
    attempted,
    origin,
  );
  const report = await requireReport(ctx.db, municipality.id, target.reportId);
  return { municipality, project, report };
}

/** The project, which the principal must be allowed to report on; logs and throws otherwise. */
async function requireReportableProject(
  ctx: AppContext,
  principal: Principal,
  municipality: Municipality,
  catalogue: Catalogue,
  projectSlug: string,
  attempted: string,
  origin: RequestOrigin,
): Promise<ProjectInContext> {
  const entry = findProject(catalogue, projectSlug);
  if (principal.kind === "anonymous") throw new AppError("ERR_UNAUTHENTICATED");
  // A refusal names the entry's project where there is one.
  const refusal = (project: ProjectInContext["project"] | null) =>
    refuse(
      ctx,
      principal,
      {
        municipalityId: municipality.id,
        attempted,
        entityType: "report_entry",
        ...(project === null
          ? {}
          : { entityLabel: projectLabel(project), projectId: project.id }),
      },
      origin,
    );
  if (entry === null) {
    if (principal.municipalityId !== municipality.id) throw await refusal(null);
    throw new AppError("ERR_PROJECT_NOT_FOUND");
  }
  if (!canUpdateReportEntry(principal, projectScopeOf(catalogue, entry)))
    throw await refusal(entry.project);
  return entry;
}

function entrySnapshot(fields: EntryFields) {
  return {
    status: fields.status,
    text: fields.text,
    highlights: fields.highlights,
    newDate: fields.newDate,
    isUnchanged: fields.isUnchanged,
    isIncluded: fields.isIncluded,
  };
}

/** Writes an entry at the expected version (0: a new one) inside a reporting change. */
async function writeEntry(
  ctx: AppContext,
  principal: Principal,
  municipality: Municipality,
  target: {
    readonly reportId: number;
    readonly project: ProjectInContext;
    readonly expectedVersion: number;
  },
  origin: RequestOrigin,
  reason: string | null | undefined,
  fieldsOf: (stored: StoredEntry | undefined) => EntryFields,
): Promise<{ readonly version: number }> {
  const actor = principal.kind === "user" ? principal.name : "Öffentlichkeit";
  const { project } = target.project;
  try {
    return await runReportingChange(
      ctx,
      principal,
      municipality,
      origin,
      reason,
      async (trx, now) => {
        const report = await requireDraft(
          trx,
          municipality.id,
          target.reportId,
        );
        const stored = (await listEntries(trx, report.id)).find(
          (entry) => entry.projectSlug === project.slug,
        );
        const fields = fieldsOf(stored);
        const label = `${reportLabel(report)}: ${projectLabel(project)}`;
        if (stored === undefined) {
          if (target.expectedVersion !== 0)
            throw invalid(
              "/expectedVersion",
              "Diesen Eintrag gibt es nicht mehr.",
            );
          const id = await insertEntry(
            trx,
            report.id,
            project.slug,
            fields,
            now,
            actor,
          );
          return {
            value: { version: 1 },
            record: {
              action: "report_entry.create",
              entityType: "report_entry",
              entityId: id,
              entityLabel: label,
              before: null,
              after: entrySnapshot(fields),
              version: 1,
              projectId: project.id,
            },
          };
        }
        if (
          stored.version !== target.expectedVersion ||
          !(await updateEntryRow(
            trx,
            stored.id,
            stored.version,
            fields,
            now,
            actor,
          ))
        ) {
          throw new StaleReportingVersion(
            "report_entry",
            stored.id,
            target.expectedVersion,
          );
        }
        return {
          value: { version: stored.version + 1 },
          record: {
            action: "report_entry.update",
            entityType: "report_entry",
            entityId: stored.id,
            entityLabel: label,
            before: entrySnapshot(stored),
            after: entrySnapshot(fields),
            version: stored.version + 1,
            projectId: project.id,
          },
        };
      },
    );
  } catch (error) {
    // Two people creating the first entry of a project at once: the second meets the first.
    if (isUniqueViolation(error)) {
      const stored = (await listEntries(ctx.db, target.reportId)).find(
        (entry) => entry.projectSlug === project.slug,
      );
      if (stored !== undefined) {
        const changes = await listAuditEvents(ctx.db, {
          municipalityId: municipality.id,
          entityType: "report_entry",
          entityId: String(stored.id),
          afterVersion: 0,
          limit: 50,
        });
        throw new ReportingConflictError(changes);
      }
    }
    throw error;
  }
}

/** Saves a project's entry (status, text, highlights, new date; administrators also whether it appears). */
export async function saveReportEntry(
  ctx: AppContext,
  principal: Principal,
  input: SaveReportEntryInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ readonly version: number }> {
  const valid = requireValid(SaveReportEntryInputSchema, input);
  const { municipality, project } = await requireEntryTarget(
    ctx,
    principal,
    valid,
    "report_entry.update",
    origin,
  );
  if (
    valid.data.newDate !== null &&
    parsePointInTime(valid.data.newDate) === null
  ) {
    throw invalid("/data/newDate", "ist kein Zeitpunkt");
  }
  const mayChooseProjects = canManageReporting(principal, municipality.id);
  return writeEntry(
    ctx,
    principal,
    municipality,
    {
      reportId: valid.reportId,
      project,
      expectedVersion: valid.expectedVersion,
    },
    origin,
    valid.reason,
    (stored) => ({
      status: valid.data.status,
      text: valid.data.text.trim(),
      highlights: valid.data.highlights
        .map((line) => line.trim())
        .filter((line) => line !== ""),
      newDate: valid.data.newDate,
      isUnchanged: false,
      // Which projects appear is the report's setting, kept by the digitalisation team.
      isIncluded: mayChooseProjects
        ? valid.data.isIncluded
        : (stored?.isIncluded ?? true),
    }),
  );
}

/** The previous report's document, when it is published. */
async function previousDocument(
  ctx: AppContext,
  municipalityId: number,
  previousReportId: number | null,
): Promise<ReportDocument | null> {
  if (previousReportId === null) return null;
  const previous = await findReport(ctx.db, municipalityId, previousReportId);
  if (previous === null || previous.documentJson === null) return null;
  return JSON.parse(previous.documentJson) as ReportDocument;
}

/**
 * "Unverändert seit dem letzten Bericht": the project's entry takes the previous report's
 * status and text and is marked as confirmed. Refused when the previous report has no
 * status for the project (then there is nothing to confirm).
 */
export async function confirmUnchanged(
  ctx: AppContext,
  principal: Principal,
  input: ConfirmUnchangedInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ readonly version: number }> {
  const valid = requireValid(ConfirmUnchangedInputSchema, input);
  const { municipality, project, report } = await requireEntryTarget(
    ctx,
    principal,
    valid,
    "report_entry.unchanged",
    origin,
  );
  const previous = await previousDocument(
    ctx,
    municipality.id,
    report.previousReportId,
  );
  const before =
    previous === null
      ? undefined
      : reportProjects(previous).find((each) => each.slug === valid.project);
  if (before === undefined || before.status === null) {
    throw invalid(
      "/project",
      "Im letzten Bericht gibt es zu diesem Projekt keinen Stand, der unverändert gelten könnte. Bitte Status und Text angeben.",
    );
  }
  const confirmed = unchangedEntry({
    projectSlug: before.slug,
    status: before.status,
    text: before.text,
    isUnchanged: before.isUnchanged,
  });
  return writeEntry(
    ctx,
    principal,
    municipality,
    { reportId: report.id, project, expectedVersion: valid.expectedVersion },
    origin,
    null,
    (stored) => ({
      status: confirmed.status,
      text: confirmed.text,
      highlights: [],
      newDate: null,
      isUnchanged: true,
      isIncluded: stored?.isIncluded ?? true,
    }),
  );
}
