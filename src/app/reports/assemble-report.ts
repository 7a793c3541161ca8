/**
 * Builds a report's document: a published report is read back from what it stored; a
 * draft is assembled from its entries, the catalogue, the audit log between the previous
 * report's as-of date and its own, the key figures and the OZG register.
 */
import { listAuditEvents } from "../../db/audit.repository.js";
import type { Executor } from "../../db/database.js";
import { listEditionSummaries } from "../../db/edition.repository.js";
import { listIndicators } from "../../db/indicator.repository.js";
import {
  findMeeting,
  findReport,
  listEntries,
  listReportSections,
  type StoredEntry,
  type StoredReport,
} from "../../db/report.repository.js";
import { listServices } from "../../db/service.repository.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import {
  describeProjectChanges,
  type AuditFact,
  type ReportChange,
} from "../../domain/report/report-changes.js";
import {
  assembleReportDocument,
  type CatalogueSectionRef,
  type PreviousReportRef,
  type ReportDocument,
  type ReportMeeting,
  type StoredReportEntry,
} from "../../domain/report/report-document.js";
import { isReportStatus } from "../../domain/report/report-status.js";
import {
  parseIsoDate,
  startOfGermanDay,
} from "../../domain/calendar/calendar.js";

/** The catalogue's action fields with their projects, as sections of a report. */
export function catalogueSections(
  catalogue: Catalogue,
): readonly CatalogueSectionRef[] {
  const { levels } = catalogue.programme;
  return catalogue.impactAreas.flatMap((area) =>
    area.actionFields.map((field) => ({
      key: field.key,
      number: field.number,
      name: field.name,
      colour: field.colour,
      impactAreaName: levels.flat ? "" : area.name,
      levelName: levels.actionField.singular,
      projects: field.projects.map((project) => ({
        slug: project.slug,
        code: project.code,
        title: project.title,
      })),
    })),
  );
}

/** A stored entry in the domain's terms. */
export function toReportEntry(entry: StoredEntry): StoredReportEntry {
  return {
    projectSlug: entry.projectSlug,
    status: isReportStatus(entry.status) ? entry.status : null,
    text: entry.text,
    isUnchanged: entry.isUnchanged,
    highlights: entry.highlights,
    newDate: entry.newDate,
    isIncluded: entry.isIncluded,
  };
}

/** The meeting of a report, in the document's terms; throws when it vanished (it cannot: no cascade). */
async function meetingOf(
  db: Executor,
  municipalityId: number,
  meetingId: number,
): Promise<ReportMeeting> {
  const meeting = await findMeeting(db, municipalityId, meetingId);
  if (meeting === null)
    throw new Error(`meeting ${meetingId} of a report is missing`);
  return {
    day: meeting.day,
    title: meeting.title,
    committeeName: meeting.committeeName,
    committeeAbbreviation: meeting.committeeAbbreviation,
    oparlMeetingUrl: meeting.oparlMeetingUrl,
    oparlAgendaItemUrl: meeting.oparlAgendaItemUrl,
    oparlPaperUrl: meeting.oparlPaperUrl,
  };
}

/** The previous report, as the document names it. */
export async function previousReportRef(
  db: Executor,
  municipalityId: number,
  previousReportId: number | null,
): Promise<PreviousReportRef | null> {
  if (previousReportId === null) return null;
  const previous = await findReport(db, municipalityId, previousReportId);
  if (previous === null) return null;
  const meeting = await meetingOf(db, municipalityId, previous.meetingId);
  return {
    id: previous.id,
    number: previous.number,
    asOf: previous.asOf,
    meetingDay: meeting.day,
    committeeAbbreviation: meeting.committeeAbbreviation,
  };
}

/**
 * The changes per project slug from the audit log, after the previous as-of date up to and
 * including this one (German calendar days). Without a previous report there is nothing
 * to compare with, so there are no changes.
 */
async function changesFromAudit(
  db: Executor,
  catalogue: Catalogue,
  previousAsOf: number | null,
  asOf: number,
): Promise<ReadonlyMap<string, readonly ReportChange[]>> {
  const changes = new Map<string, readonly ReportChange[]>();
  if (previousAsOf === null || previousAsOf >= asOf) return changes;
  const events = await listAuditEvents(db, {
    municipalityId: catalogue.municipality.id,
    from: startOfGermanDay(previousAsOf + 1).toISOString(),
    until: startOfGermanDay(asOf + 1).toISOString(),
    limit: 100_000,
  });
  const slugById = new Map(
    catalogue.impactAreas.flatMap((area) =>
      area.actionFields.flatMap((field) =>
        field.projects.map((project) => [project.id, project.slug] as const),
      ),
    ),
  );
  const byProject = new Map<string, AuditFact[]>();
  // The log comes newest first; the changes are computed oldest first (ties keep the order of ids).
  for (const event of [...events].reverse()) {
    if (event.projectId === null || event.action === "access.denied") continue;
    const slug = slugById.get(event.projectId);
    if (slug === undefined) continue;
    const list = byProject.get(slug) ?? [];
    list.push(event);
    byProject.set(slug, list);
  }
  for (const [slug, facts] of byProject) {
    const lines = describeProjectChanges(facts);
    if (lines.length > 0) changes.set(slug, lines);
  }
  return changes;
}

/** The document of a report: stored when published, assembled now when a draft. */
export async function reportDocumentOf(
  db: Executor,
  catalogue: Catalogue,
  report: StoredReport,
): Promise<ReportDocument> {
  if (report.status === "published" && report.documentJson !== null) {
    return JSON.parse(report.documentJson) as ReportDocument;
  }
  return assembleDraft(db, catalogue, report, null);
}

/** Assembles a draft's document now (also the document a draft is published with). */
export async function assembleDraft(
  db: Executor,
  catalogue: Catalogue,
  report: StoredReport,
  publishedAt: string | null,
  options: {
    readonly includeAll?: boolean;
    readonly withoutChanges?: boolean;
  } = {},
): Promise<ReportDocument> {
  const municipalityId = catalogue.municipality.id;
  const [
    meeting,
    previous,
    entries,
    indicators,
    services,
    editions,
    freeSections,
  ] = await Promise.all([
    meetingOf(db, municipalityId, report.meetingId),
    previousReportRef(db, municipalityId, report.previousReportId),
    listEntries(db, report.id),
    listIndicators(db, municipalityId),
    listServices(db, municipalityId),
    listEditionSummaries(db, municipalityId),
    listReportSections(db, report.id),
  ]);
  // The changes come from the audit log (possibly many events): only when they are shown.
  const changes =
    options.withoutChanges === true
      ? new Map<string, readonly ReportChange[]>()
      : await changesFromAudit(
          db,
          catalogue,
          previous?.asOf ?? null,
          report.asOf,
        );
  const previousReport =
    report.previousReportId === null
      ? null
      : await findReport(db, municipalityId, report.previousReportId);
  const previousDocument =
    previousReport?.documentJson == null
      ? null
      : (JSON.parse(previousReport.documentJson) as ReportDocument);
  const previousStatuses = new Map(
    (previousDocument?.sections ?? []).flatMap((section) =>
      section.projects.map(
        (project) => [project.slug, project.status] as const,
      ),
    ),
  );
  const document = assembleReportDocument({
    id: report.id,
    state: publishedAt === null ? "draft" : "published",
    municipality: {
      slug: catalogue.municipality.slug,
      name: catalogue.municipality.name,
    },
    programmeTitle: catalogue.programme.title,
    title: report.title,
    meeting,
    asOf: report.asOf,
    previous,
    sectionKeys: report.sectionKeys,
    includeOzg: report.includeOzg,
    outlook: report.outlook,
    catalogue: catalogueSections(catalogue),
    // For the editing page every project of the chosen sections, also those left out.
    entries: entries
      .map(toReportEntry)
      .map((entry) =>
        options.includeAll === true ? { ...entry, isIncluded: true } : entry,
      ),
    changes,
    indicators: indicators.map((each) => ({
      indicator: each.indicator,
      chartKind: each.chartKind,
      observations: each.observations,
    })),
    services: services.map((each) => each.service),
    publishedAt,
    previousStatuses,
    freeSections,
    editions: editions.flatMap((edition) => {
      const day = parseIsoDate(edition.publishedOn);
      return day === null
        ? []
        : [{ number: edition.number, title: edition.title, publishedOn: day }];
    }),
  });
  return { ...document, number: report.number };
}
