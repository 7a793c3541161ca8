/**
 * What the report pages read: the staff overview (reports, committees, meetings, and each
 * editor's open updates — "Ihre Projekte für den Bericht am …"), one draft to work on,
 * a report's document for readers, and the published reports for the public.
 */
import {
  findReport,
  findReportByNumber,
  listEntries,
  listEntriesOfReports,
  listReports,
  listMeetings,
  type StoredEntry,
  type StoredMeeting,
  type StoredReport,
} from "../../db/report.repository.js";
import type {
  Principal,
  UserPrincipal,
} from "../../domain/access/principal.js";
import {
  findProject,
  type Catalogue,
  type ProjectInContext,
} from "../../domain/catalogue/catalogue.js";
import { formatIsoDate } from "../../domain/calendar/calendar.js";
import {
  parseReportNumber,
  type ReportRef,
} from "../../domain/report/report-url.js";
import {
  publicMembers,
  type BodyKind,
  type BodyMember,
} from "../../domain/body/body.js";
import { findMeeting, listMembers } from "../../db/report.repository.js";
import {
  reportProjects,
  shownSections,
  type ReportDocument,
} from "../../domain/report/report-document.js";
import {
  missingUpdates,
  type MissingUpdate,
  type ReportProject,
} from "../../domain/report/report-status.js";
import { AppError } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import { getCatalogue } from "../catalogue/read-catalogue.js";
import { editorRightsOf, type EditorRights } from "../catalogue/read-editor.js";
import {
  guardedReader,
  refuse,
  UNKNOWN_ORIGIN,
} from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";
import {
  canReadReportDrafts,
  canUpdateReportEntry,
} from "../policies/report.policy.js";
import {
  assembleDraft,
  catalogueSections,
  reportDocumentOf,
  toReportEntry,
} from "./assemble-report.js";
import {
  readCommitteesAndMeetings,
  type CommitteesAndMeetings,
} from "./committees.js";
import { requireReport } from "./manage-reports.js";
import { projectScopeOf } from "./report-entries.js";
import {
  requireMunicipality,
  requireReportingStaff,
  requireStaffOf,
} from "./reporting-support.js";

/** A report in a list. */
export interface ReportSummary {
  readonly id: number;
  /** The report's number in its municipality: what its URLs name. */
  readonly number: number;
  readonly title: string;
  readonly asOf: number;
  readonly status: "draft" | "published";
  readonly publishedAt: string | null;
  /** When a backdated report was really published ("nachgetragen am"); null otherwise. */
  readonly recordedAt: string | null;
  readonly meeting: StoredMeeting;
}

/** A project of a draft that still needs something from its owner. */
export interface OpenUpdate extends MissingUpdate<ReportProject> {
  /** The entry's version for the forms (0: none yet). */
  readonly entryVersion: number;
}

/** "Ihre Projekte für den Bericht am …": a draft and what the person still owes it. */
export interface UpdateRequest {
  readonly report: ReportSummary;
  /** The person's projects that appear in the report. */
  readonly projectCount: number;
  readonly open: readonly OpenUpdate[];
}

/** The staff's reporting overview. */
export interface ReportingOverview extends CommitteesAndMeetings {
  readonly catalogue: Catalogue;
  readonly principal: UserPrincipal;
  readonly rights: EditorRights;
  readonly reports: readonly ReportSummary[];
  readonly updateRequests: readonly UpdateRequest[];
}

function summaries(
  reports: readonly StoredReport[],
  meetings: readonly StoredMeeting[],
): ReportSummary[] {
  const byId = new Map(meetings.map((meeting) => [meeting.id, meeting]));
  return reports.flatMap((report) => {
    const meeting = byId.get(report.meetingId);
    return meeting === undefined
      ? []
      : [
          {
            id: report.id,
            number: report.number,
            title: report.title,
            asOf: report.asOf,
            status: report.status,
            publishedAt: report.publishedAt,
            recordedAt: report.recordedAt,
            meeting,
          },
        ];
  });
}

/** The projects of a draft's document the person may report on, with what is still missing. */
function openUpdatesOf(
  catalogue: Catalogue,
  principal: UserPrincipal,
  shown: readonly { readonly slug: string }[],
  entries: readonly StoredEntry[],
): {
  readonly projects: readonly ProjectInContext[];
  readonly open: readonly OpenUpdate[];
} {
  const projects = shown
    .map((each) => findProject(catalogue, each.slug))
    .filter(
      (entry): entry is ProjectInContext =>
        entry !== null &&
        canUpdateReportEntry(principal, projectScopeOf(catalogue, entry)),
    );
  const versions = new Map(
    entries.map((entry) => [entry.projectSlug, entry.version]),
  );
  const missing = missingUpdates(
    projects.map(({ project }) => ({
      slug: project.slug,
      code: project.code,
      title: project.title,
    })),
    entries.map(toReportEntry),
  );
  return {
    projects,
    open: missing.map((each) => ({
      ...each,
      entryVersion: versions.get(each.project.slug) ?? 0,
    })),
  };
}

/** The update requests of every draft for a person (empty for committee members). */
export async function getUpdateRequests(
  ctx: AppContext,
  principal: UserPrincipal,
  catalogue: Catalogue,
): Promise<readonly UpdateRequest[]> {
  const municipalityId = catalogue.municipality.id;
  const [reports, meetings] = await Promise.all([
    listReports(ctx.db, municipalityId),
    listMeetings(ctx.db, municipalityId),
  ]);
  const requests: UpdateRequest[] = [];
  // Which projects a draft shows and what is missing needs no changes from the audit log:
  // the dashboard does not read the log at all.
  const drafts = summaries(reports, meetings).flatMap((summary) => {
    const report = reports.find((each) => each.id === summary.id);
    return report === undefined || report.status !== "draft"
      ? []
      : [{ summary, report }];
  });
  // One query for the entries of every draft (not one document assembly per draft).
  const entriesByReport = await listEntriesOfReports(
    ctx.db,
    drafts.map(({ report }) => report.id),
  );
  const sections = catalogueSections(catalogue);
  for (const { summary, report } of drafts) {
    const entries = entriesByReport.get(report.id) ?? [];
    const shown = shownSections(sections, report.sectionKeys, entries).flatMap(
      (section) => section.projects,
    );
    const { projects, open } = openUpdatesOf(
      catalogue,
      principal,
      shown,
      entries,
    );
    if (projects.length > 0)
      requests.push({ report: summary, projectCount: projects.length, open });
  }
  // The nearest meeting first: that is the report people work on now.
  return requests.sort((a, b) => a.report.meeting.day - b.report.meeting.day);
}

/** The reports overview for administrators and editors; ERR_FORBIDDEN (logged) otherwise. */
export const getReportingOverview = guardedReader(
  requireReportingStaff,
  "report.read",
  async ({ ctx, municipality, user }): Promise<ReportingOverview> => {
    const catalogue = await getCatalogue(ctx, municipality.slug);
    const [reports, committeesAndMeetings, updateRequests] = await Promise.all([
      listReports(ctx.db, municipality.id),
      readCommitteesAndMeetings(ctx, municipality.id),
      getUpdateRequests(ctx, user, catalogue),
    ]);
    return {
      catalogue,
      principal: user,
      rights: editorRightsOf(user, municipality.id),
      reports: summaries(reports, committeesAndMeetings.meetings),
      ...committeesAndMeetings,
      updateRequests,
    };
  },
);

/** One report to work on. */
export interface ReportForEditing extends CommitteesAndMeetings {
  readonly catalogue: Catalogue;
  readonly principal: UserPrincipal;
  readonly rights: EditorRights;
  readonly report: StoredReport;
  readonly summary: ReportSummary;
  readonly document: ReportDocument;
  /** Entries by project slug (versions for the forms). */
  readonly entries: ReadonlyMap<string, StoredEntry>;
  /**
   * For a draft, every project of the chosen sections (left-out ones too, so that the
   * team can take them in again); for a published report, the document itself.
   */
  readonly editingDocument: ReportDocument;
  /** Slugs of the projects left out of the report. */
  readonly excluded: ReadonlySet<string>;
  /** The projects of the report the person may report on. */
  readonly ownProjects: readonly ProjectInContext[];
  /** Of those, the ones still incomplete. */
  readonly open: readonly OpenUpdate[];
  /** The previous report's document (its texts are shown beside the forms). */
  readonly previousDocument: ReportDocument | null;
  /** Published reports that may be named as the previous one. */
  readonly otherReports: readonly ReportSummary[];
}

/** A report for its staff page; ERR_REPORT_NOT_FOUND, or ERR_FORBIDDEN (logged). */
export async function getReportForEditing(
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
  reportId: number,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ReportForEditing> {
  const { municipality, user } = await requireStaffOf(
    ctx,
    principal,
    municipalitySlug,
    "report.read",
    origin,
  );
  const report = await requireReport(ctx.db, municipality.id, reportId);
  const catalogue = await getCatalogue(ctx, municipalitySlug);
  const [document, entries, committeesAndMeetings, reports] = await Promise.all(
    [
      reportDocumentOf(ctx.db, catalogue, report),
      listEntries(ctx.db, report.id),
      readCommitteesAndMeetings(ctx, municipality.id),
      listReports(ctx.db, municipality.id),
    ],
  );
  const previous = reports.find((each) => each.id === report.previousReportId);
  const numbered = withPreviousNumber(document, reports);
  const previousDocument =
    previous?.documentJson == null
      ? null
      : (JSON.parse(previous.documentJson) as ReportDocument);
  const all = summaries(reports, committeesAndMeetings.meetings);
  const summary = all.find((each) => each.id === report.id);
  if (summary === undefined) throw new AppError("ERR_REPORT_NOT_FOUND");
  const { open } = openUpdatesOf(
    catalogue,
    user,
    reportProjects(document),
    entries,
  );
  const editingDocument =
    report.status === "draft"
      ? await assembleDraft(ctx.db, catalogue, report, null, {
          includeAll: true,
        })
      : document;
  const excluded = new Set(
    entries
      .filter((entry) => !entry.isIncluded)
      .map((entry) => entry.projectSlug),
  );
  const canEdit = (slug: string) => {
    const entry = findProject(catalogue, slug);
    return (
      entry !== null &&
      canUpdateReportEntry(user, projectScopeOf(catalogue, entry))
    );
  };
  const editable = reportProjects(editingDocument)
    .filter((project) => canEdit(project.slug))
    .map((project) => findProject(catalogue, project.slug))
    .filter((entry): entry is ProjectInContext => entry !== null);
  return {
    catalogue,
    principal: user,
    rights: editorRightsOf(user, municipality.id),
    report,
    summary,
    document: numbered,
    editingDocument,
    excluded,
    entries: new Map(entries.map((entry) => [entry.projectSlug, entry])),
    ownProjects: editable,
    open,
    previousDocument,
    otherReports: all.filter(
      (each) => each.id !== report.id && each.status === "published",
    ),
    ...committeesAndMeetings,
  };
}

/**
 * A report's document for a signed-in reader of the municipality (drafts too: committee
 * members read them before the meeting); ERR_FORBIDDEN (logged) for anyone else.
 */
export async function getReportDocument(
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
  reportId: number,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{
  readonly document: ReportDocument;
  readonly catalogue: Catalogue;
}> {
  const municipality = await requireMunicipality(ctx.db, municipalitySlug);
  if (!canReadReportDrafts(principal, municipality.id)) {
    throw await refuse(
      ctx,
      principal,
      {
        municipalityId: municipality.id,
        attempted: "report.read",
        entityType: "status_report",
        entityId: reportId,
      },
      origin,
    );
  }
  const report = await requireReport(ctx.db, municipality.id, reportId);
  const catalogue = await getCatalogue(ctx, municipalitySlug);
  return {
    document: withPreviousNumber(
      await reportDocumentOf(ctx.db, catalogue, report),
      await listReports(ctx.db, municipality.id),
    ),
    catalogue,
  };
}

/** The published reports of a municipality, newest first (the public list). */
export async function listPublishedReports(
  ctx: AppContext,
  municipalitySlug: string,
): Promise<{
  readonly catalogue: Catalogue;
  readonly reports: readonly ReportSummary[];
}> {
  const catalogue = await getCatalogue(ctx, municipalitySlug);
  const [reports, meetings] = await Promise.all([
    listReports(ctx.db, catalogue.municipality.id),
    listMeetings(ctx.db, catalogue.municipality.id),
  ]);
  return {
    catalogue,
    reports: summaries(
      reports.filter((report) => report.status === "published"),
      meetings,
    ),
  };
}

/**
 * A published report by its number in the municipality ("2") or by the date of its
 * meeting ("2022-11-29"; of several on that day the latest — the portal offers the choice,
 * see `publishedReportsOnDate`). Drafts are ERR_REPORT_NOT_FOUND: the public never sees one.
 */
export async function getPublishedReport(
  ctx: AppContext,
  municipalitySlug: string,
  idOrDate: string,
): Promise<{
  readonly catalogue: Catalogue;
  readonly document: ReportDocument;
  readonly summary: ReportSummary;
  /** The OParl Paper the report was presented under, or null (the meeting's is in the document). */
  readonly oparlPaperUrl: string | null;
  /** The meeting as it stands now (agenda item, presenters, minutes), with its body's public members. */
  readonly meeting: PublicMeetingDetails | null;
}> {
  const { catalogue, reports } = await listPublishedReports(
    ctx,
    municipalitySlug,
  );
  const number = parseReportNumber(idOrDate);
  const found =
    number !== null
      ? reports.find((report) => report.number === number)
      : reports.find(
          (report) => formatIsoDate(report.meeting.day) === idOrDate,
        );
  if (found === undefined) throw new AppError("ERR_REPORT_NOT_FOUND");
  const report = await requireReport(
    ctx.db,
    catalogue.municipality.id,
    found.id,
  );
  return {
    catalogue,
    summary: found,
    document: withPreviousNumber(
      await reportDocumentOf(ctx.db, catalogue, report),
      reports,
    ),
    oparlPaperUrl: report.oparlPaperUrl,
    meeting: await publicMeetingDetails(
      ctx,
      catalogue.municipality.id,
      report.meetingId,
    ),
  };
}

/** The published reports for meetings on a day ("2022-11-29"), oldest number first. */
export async function publishedReportsOnDate(
  ctx: AppContext,
  municipalitySlug: string,
  isoDate: string,
): Promise<{
  readonly catalogue: Catalogue;
  readonly reports: readonly ReportSummary[];
}> {
  const { catalogue, reports } = await listPublishedReports(
    ctx,
    municipalitySlug,
  );
  return {
    catalogue,
    reports: reports
      .filter((report) => formatIsoDate(report.meeting.day) === isoDate)
      .sort((a, b) => a.number - b.number),
  };
}

/** What the portal shows of a report's meeting beyond the frozen document. */
export interface PublicMeetingDetails extends Pick<
  StoredMeeting,
  | "agendaItemNumber"
  | "agendaItemTitle"
  | "paperReference"
  | "presenters"
  | "minutes"
> {
  /** The body's kind. */
  readonly kind: BodyKind;
  /** Only the members whose names may be public. */
  readonly publicMembers: readonly BodyMember[];
}

/**
 * A meeting's agenda details and its body's public members, read live: the minutes'
 * questions and answers are written after the meeting, when the report is long published.
 */
export async function publicMeetingDetails(
  ctx: AppContext,
  municipalityId: number,
  meetingId: number,
): Promise<PublicMeetingDetails | null> {
  const meeting = await findMeeting(ctx.db, municipalityId, meetingId);
  if (meeting === null) return null;
  const members = publicMembers(await listMembers(ctx.db, municipalityId));
  return {
    kind: meeting.committeeKind,
    agendaItemNumber: meeting.agendaItemNumber,
    agendaItemTitle: meeting.agendaItemTitle,
    paperReference: meeting.paperReference,
    presenters: meeting.presenters,
    minutes: meeting.minutes,
    publicMembers: members.filter(
      (member) => member.bodyId === meeting.committeeId,
    ),
  };
}

/** The live details of the meeting a report of the municipality is for (null without). */
export async function reportMeetingDetails(
  ctx: AppContext,
  municipalityId: number,
  reportId: number,
): Promise<PublicMeetingDetails | null> {
  const report = await findReport(ctx.db, municipalityId, reportId);
  return report === null
    ? null
    : publicMeetingDetails(ctx, municipalityId, report.meetingId);
}

/** What a report URL names: the report's id (for the use cases) and its number. */
export interface NamedReport extends ReportRef {
  readonly id: number;
}

/**
 * The report a staff URL's number names. An unknown number (or municipality) names no
 * report: id 0, which every use case refuses with ERR_REPORT_NOT_FOUND after its own
 * checks, so that an outsider learns nothing from the answer.
 */
export async function reportOfNumber(
  ctx: AppContext,
  municipalitySlug: string,
  text: string,
): Promise<NamedReport> {
  const number = parseReportNumber(text);
  if (number === null) throw new AppError("ERR_REPORT_NOT_FOUND");
  const municipality = await ctx.db
    .selectFrom("municipality")
    .select("id")
    .where("slug", "=", municipalitySlug)
    .executeTakeFirst();
  const report =
    municipality === undefined
      ? null
      : await findReportByNumber(ctx.db, municipality.id, number);
  return report === null ? { id: 0, number } : report;
}

/**
 * Where an old id-based report URL now lives (ADR 0044): only when no report of the
 * municipality has that number (a number always wins) and a report of the municipality
 * has that id; null otherwise. Drafts only for staff URLs (`published` false).
 */
export async function renumberedReport(
  ctx: AppContext,
  municipalitySlug: string,
  text: string,
  options: { readonly published: boolean },
): Promise<ReportRef | null> {
  const value = parseReportNumber(text);
  if (value === null) return null;
  const municipality = await ctx.db
    .selectFrom("municipality")
    .select("id")
    .where("slug", "=", municipalitySlug)
    .executeTakeFirst();
  if (municipality === undefined) return null;
  if ((await findReportByNumber(ctx.db, municipality.id, value)) !== null)
    return null;
  const report = await findReport(ctx.db, municipality.id, value);
  if (report === null || report.number === value) return null;
  if (options.published && report.status !== "published") return null;
  return { number: report.number };
}

/**
 * A frozen document names its previous report by id (documents of before 2026-12-10
 * without its number): the number is filled in from the municipality's reports.
 */
export function withPreviousNumber(
  document: ReportDocument,
  reports: readonly { readonly id: number; readonly number: number }[],
): ReportDocument {
  const previous = document.previous;
  if (previous === null || previous.number !== undefined) return document;
  const found = reports.find((report) => report.id === previous.id);
  return found === undefined
    ? document
    : { ...document, previous: { ...previous, number: found.number } };
}
