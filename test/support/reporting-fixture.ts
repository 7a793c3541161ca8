/**
 * Reporting fixtures: a fresh Kleve demo database with an administrator, two editors and a
 * committee with one meeting, and steps that bring a report to a given state (a draft, a
 * published report with an entry for every project shown). Each test builds what it needs
 * with these, so that no test relies on another one having run first.
 */
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import type { AppContext } from "../../src/app/context.js";
import {
  createCommittee,
  createMeeting,
} from "../../src/app/reports/committees.js";
import {
  createReport,
  publishReport,
  updateReport,
} from "../../src/app/reports/manage-reports.js";
import { getReportDocument } from "../../src/app/reports/read-reports.js";
import { saveReportEntry } from "../../src/app/reports/report-entries.js";
import type { UserPrincipal } from "../../src/domain/access/principal.js";
import { reportProjects } from "../../src/domain/report/report-document.js";
import type { ReportStatus } from "../../src/domain/report/report-status.js";
import type { DialectName } from "../../src/db/dialect.js";
import { openTestContext, type TestContext } from "./database.js";
import { buildPrincipal } from "./principals.js";

/** The demo municipality. */
export const KLEVE = "kleve";

/** A database with the people and the committee meeting every reporting test starts from. */
export interface ReportingFixture {
  readonly t: TestContext;
  readonly ctx: AppContext;
  readonly admin: UserPrincipal;
  /** Editor of Abteilung 10.1 (which owns the E-Rechnungsworkflow). */
  readonly editor: UserPrincipal;
  /** Editor of Abteilung 32. */
  readonly otherEditor: UserPrincipal;
  readonly committeeId: number;
  readonly meetingId: number;
}

/** The meeting fields a test does not care about. */
export const NO_MEETING_LINKS = {
  title: null,
  oparlMeetingUrl: null,
  oparlAgendaItemUrl: null,
  oparlPaperUrl: null,
};

/** The context with its clock standing at the instant. */
export function at(ctx: AppContext, iso: string): AppContext {
  const instant = new Date(iso);
  return { ...ctx, clock: () => instant };
}

/** Opens a fresh demo database with the committee "APD" and its meeting on 14 March 2023. */
export async function openReportingFixture(
  dialect: DialectName,
): Promise<ReportingFixture> {
  const t = await openTestContext(dialect, { demo: true });
  const municipalityId = (await getCatalogue(t.ctx, KLEVE)).municipality.id;
  const admin = buildPrincipal(municipalityId, {
    role: "admin",
    orgUnitCodes: [],
  });
  const editor = buildPrincipal(municipalityId, {
    role: "editor",
    orgUnitCodes: ["10.1"],
  });
  const otherEditor = buildPrincipal(municipalityId, {
    role: "editor",
    orgUnitCodes: ["32"],
  });
  const committeeId = (
    await createCommittee(t.ctx, admin, {
      municipality: KLEVE,
      data: { name: "Ausschuss für Digitalisierung", abbreviation: "APD" },
    })
  ).id;
  const meetingId = (
    await createMeeting(t.ctx, admin, {
      municipality: KLEVE,
      data: { committeeId, day: "2023-03-14", ...NO_MEETING_LINKS },
    })
  ).id;
  return { t, ctx: t.ctx, admin, editor, otherEditor, committeeId, meetingId };
}

/** A draft report as of the day, created a few weeks before it; returns its id. */
export async function createDraftReport(
  fixture: ReportingFixture,
  asOf: string,
  createdAt = `${asOf}T06:00:00Z`,
): Promise<number> {
  const { ctx, admin, meetingId } = fixture;
  return (
    await createReport(at(ctx, createdAt), admin, {
      municipality: KLEVE,
      data: { meetingId, asOf },
    })
  ).id;
}

/**
 * A published report as of the day covering one action field: the given entries first,
 * then "noch nicht begonnen" for every other project shown. Returns its id.
 */
export async function createPublishedReport(
  fixture: ReportingFixture,
  options: {
    asOf: string;
    createdAt?: string;
    entries?: Readonly<
      Record<
        string,
        { status: ReportStatus; text: string; newDate?: string | null }
      >
    >;
  },
): Promise<number> {
  const { ctx, admin, meetingId } = fixture;
  const reportId = await createDraftReport(
    fixture,
    options.asOf,
    options.createdAt,
  );
  await updateReport(ctx, admin, {
    municipality: KLEVE,
    reportId,
    expectedVersion: 1,
    data: {
      meetingId,
      asOf: options.asOf,
      previousReportId: null,
      title: "Sachstandsbericht",
      sectionKeys: ["smart-working"],
      includeOzg: false,
      outlook: [],
    },
  });
  for (const [project, entry] of Object.entries(options.entries ?? {})) {
    await saveReportEntry(ctx, admin, {
      municipality: KLEVE,
      reportId,
      project,
      expectedVersion: 0,
      data: {
        status: entry.status,
        text: entry.text,
        highlights: [],
        newDate: entry.newDate ?? null,
        isIncluded: true,
      },
    });
  }
  const { document } = await getReportDocument(ctx, admin, KLEVE, reportId);
  for (const project of reportProjects(document).filter(
    (each) => each.status === null,
  )) {
    await saveReportEntry(ctx, admin, {
      municipality: KLEVE,
      reportId,
      project: project.slug,
      expectedVersion: 0,
      data: {
        status: "not-started",
        text: "Noch nicht begonnen.",
        highlights: [],
        newDate: null,
        isIncluded: true,
      },
    });
  }
  // All reports of the fixture are for its one meeting: a second one is confirmed.
  await publishReport(at(ctx, `${options.asOf}T06:00:00Z`), admin, {
    municipality: KLEVE,
    reportId,
    expectedVersion: 2,
    confirmSecondReport: true,
  });
  return reportId;
}
