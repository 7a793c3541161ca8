/**
 * Status reports in the catalogue exchange format (ADR 0053). Export writes every report
 * with its meeting (body, day, TOP), settings, entries, free sections in their order and,
 * once published, the frozen document with its publication date, "nachgetragen am" and
 * publisher. Import never rewrites history: a report is matched by its number; one that
 * exists stays exactly as it is (and is named in the summary), one that does not is added
 * as it was — a published one published, with its document. Every problem is named with
 * its JSON pointer and then nothing is imported.
 */
import {
  findReport,
  insertEntry,
  insertReport,
  insertReportSection,
  listCommittees,
  listEntries,
  listMeetings,
  listReportSections,
  listReports,
  publishReportRow,
  updateDraftReportRow,
  type ReportFields,
  type StoredReport,
} from "../../db/report.repository.js";
import type { Executor } from "../../db/database.js";
import { formatIsoDate, parseIsoDate } from "../../domain/calendar/calendar.js";
import {
  surveyProblems,
  type FreeSectionContent,
  type StoredReportSection,
} from "../../domain/report/report-free-sections.js";
import { AppError, type InputProblem } from "../../errors.js";
import type {
  ReportDocumentInFile,
  ReportSectionDocument,
} from "./reports-document.schema.js";

/** What an import did with the file's reports. */
export interface ReportImportSummary {
  /** Numbers of the reports added. */
  readonly added: readonly number[];
  /** Numbers of the reports that existed already and were left as they are. */
  readonly kept: readonly number[];
}

/** Who an imported entry was last changed by. */
const IMPORT_ACTOR = "Import";

/** Leaves out what is empty, as in a hand-written file. */
function present<K extends string, V>(
  key: K,
  value: V | null | undefined | "",
): { [P in K]?: V } {
  return (
    value === null || value === undefined || value === ""
      ? {}
      : { [key]: value }
  ) as { [P in K]?: V };
}

function presentList<K extends string, V>(
  key: K,
  values: readonly V[],
): { [P in K]?: V[] } {
  return (values.length === 0 ? {} : { [key]: [...values] }) as {
    [P in K]?: V[];
  };
}

function sectionToDocument(
  section: StoredReportSection,
): ReportSectionDocument {
  return {
    kind: section.kind,
    ...present("heading", section.heading),
    ...present("text", section.text),
    ...presentList("figures", section.figureKeys),
    ...presentList("projects", section.projectSlugs),
    ...present("question", section.question),
    ...(section.kind === "survey" ? { unit: section.unit } : {}),
    ...presentList(
      "answers",
      section.answers.map((answer) => ({
        label: answer.label,
        value: answer.value,
      })),
    ),
  };
}

/** The published document without the ids the database gave (an import gives new ones). */
function documentWithoutIds(json: string): Record<string, unknown> {
  const document = JSON.parse(json) as Record<string, unknown>;
  delete document.id;
  const previous = document.previous;
  if (previous !== null && typeof previous === "object")
    document.previous = Object.fromEntries(
      Object.entries(previous).filter(([key]) => key !== "id"),
    );
  return document;
}

/** The municipality's reports as the file writes them, by number. */
export async function reportsToDocument(
  db: Executor,
  municipalityId: number,
): Promise<readonly ReportDocumentInFile[]> {
  const [reports, meetings, bodies] = await Promise.all([
    listReports(db, municipalityId),
    listMeetings(db, municipalityId),
    listCommittees(db, municipalityId),
  ]);
  const numberOf = new Map(reports.map((each) => [each.id, each.number]));
  const written: ReportDocumentInFile[] = [];
  for (const report of [...reports].sort((a, b) => a.number - b.number)) {
    const meeting = meetings.find((each) => each.id === report.meetingId);
    const body = bodies.find((each) => each.id === meeting?.committeeId);
    if (meeting === undefined || body === undefined)
      throw new Error(`report ${report.number} without its meeting`);
    const [entries, sections] = await Promise.all([
      listEntries(db, report.id),
      listReportSections(db, report.id),
    ]);
    const previous =
      report.previousReportId === null
        ? undefined
        : numberOf.get(report.previousReportId);
    written.push({
      number: report.number,
      meeting: {
        body: body.abbreviation,
        date: formatIsoDate(meeting.day),
        ...present("agendaItem", meeting.agendaItemNumber),
      },
      title: report.title,
      asOf: formatIsoDate(report.asOf),
      ...present("previous", previous),
      ...(report.sectionKeys === null
        ? {}
        : { actionFields: [...report.sectionKeys] }),
      includeOzg: report.includeOzg,
      ...present("oparlPaper", report.oparlPaperUrl),
      ...presentList(
        "outlook",
        report.outlook.map((item) => ({ when: item.when, what: item.what })),
      ),
      ...presentList("sections", sections.map(sectionToDocument)),
      ...presentList(
        "entries",
        entries.map((entry) => ({
          project: entry.projectSlug,
          ...present(
            "status",
            entry.status as NonNullable<
              ReportDocumentInFile["entries"]
            >[number]["status"],
          ),
          ...present("text", entry.text),
          ...presentList("highlights", entry.highlights),
          ...present("newDate", entry.newDate),
          ...(entry.isUnchanged ? { unchanged: true } : {}),
          ...(entry.isIncluded ? {} : { included: false }),
        })),
      ),
      ...(report.status === "published" &&
      report.documentJson !== null &&
      report.publishedAt !== null
        ? {
            published: {
              at: report.publishedAt,
              ...present("recordedAt", report.recordedAt),
              by: report.publishedBy ?? "",
              document: documentWithoutIds(report.documentJson) as NonNullable<
                ReportDocumentInFile["published"]
              >["document"],
            },
          }
        : {}),
    });
  }
  return written;
}

/**
 * Problems of the reports that the file alone shows: unique numbers, real days, one
 * entry per project, one place for the entries, valid surveys, a published document that
 * agrees with its report, and projects of drafts that the file's catalogue has.
 */
export function findReportProblems(
  reports: readonly ReportDocumentInFile[],
  projectSlugs: ReadonlySet<string>,
): readonly InputProblem[] {
  const problems: InputProblem[] = [];
  const problem = (path: string, message: string): void => {
    problems.push({ path, message });
  };
  const numbers = new Set<number>();
  reports.forEach((report, index) => {
    const path = `/reports/${index}`;
    if (numbers.has(report.number))
      problem(
        `${path}/number`,
        `Die Nummer ${report.number} kommt mehrfach vor.`,
      );
    numbers.add(report.number);
    if (parseIsoDate(report.meeting.date) === null)
      problem(
        `${path}/meeting/date`,
        `„${report.meeting.date}“ ist kein Datum.`,
      );
    const asOf = parseIsoDate(report.asOf);
    if (asOf === null)
      problem(`${path}/asOf`, `„${report.asOf}“ ist kein Datum.`);
    if (report.previous === report.number)
      problem(
        `${path}/previous`,
        "Ein Bericht kann nicht sich selbst fortsetzen.",
      );
    const draft = report.published === undefined;
    const seen = new Set<string>();
    (report.entries ?? []).forEach((entry, at) => {
      if (seen.has(entry.project))
        problem(
          `${path}/entries/${at}/project`,
          `Für das Projekt „${entry.project}“ gibt es zwei Einträge.`,
        );
      seen.add(entry.project);
      if (draft && !projectSlugs.has(entry.project))
        problem(
          `${path}/entries/${at}/project`,
          `Das Projekt „${entry.project}“ gibt es nicht.`,
        );
    });
    const sections = report.sections ?? [];
    if (sections.filter((section) => section.kind === "projects").length > 1)
      problem(
        `${path}/sections`,
        "Die Projekteinträge (kind: projects) können nur an einer Stelle stehen.",
      );
    sections.forEach((section, at) => {
      const sectionPath = `${path}/sections/${at}`;
      if (section.kind === "survey") {
        if (section.question === undefined)
          problem(
            `${sectionPath}/question`,
            "Eine Umfrage braucht ihre Frage.",
          );
        for (const message of surveyProblems(
          section.unit ?? "count",
          section.answers ?? [],
        ))
          problem(`${sectionPath}/answers`, message);
      }
      if (draft)
        (section.projects ?? []).forEach((slug, p) => {
          if (!projectSlugs.has(slug))
            problem(
              `${sectionPath}/projects/${p}`,
              `Das Projekt „${slug}“ gibt es nicht.`,
            );
        });
    });
    const published = report.published;
    if (published === undefined) return;
    const document = published.document as Record<string, unknown>;
    if (document.publishedAt !== published.at)
      problem(
        `${path}/published/document/publishedAt`,
        `Das Dokument nennt einen anderen Zeitpunkt der Veröffentlichung als published.at (${published.at}).`,
      );
    if (document.recordedAt !== published.recordedAt)
      problem(
        `${path}/published/document/recordedAt`,
        "Das Dokument nennt ein anderes „nachgetragen am“ als published.recordedAt.",
      );
    if (asOf !== null && document.asOf !== asOf)
      problem(
        `${path}/published/document/asOf`,
        `Das Dokument hat einen anderen Stand als der Bericht (${report.asOf}).`,
      );
    const previous = document.previous;
    if (
      (previous === null || previous === undefined) !==
      (report.previous === undefined)
    )
      problem(
        `${path}/previous`,
        "Der vorige Bericht (previous) und der im Dokument genannte passen nicht zusammen.",
      );
  });
  return problems;
}

function sectionContent(section: ReportSectionDocument): FreeSectionContent {
  return {
    heading: section.heading ?? "",
    text: section.text ?? "",
    figureKeys: section.figures ?? [],
    projectSlugs: section.projects ?? [],
    question: section.question ?? "",
    unit: section.unit ?? "count",
    answers: section.answers ?? [],
  };
}

/**
 * Adds the file's reports that the municipality does not have yet (inside the import's
 * transaction, after the bodies): drafts as drafts, published ones published with their
 * document. Reports that exist (by number) stay as they are. A meeting or previous report
 * that cannot be found refuses the whole file (ERR_IMPORT_INVALID).
 */
export async function importReports(
  db: Executor,
  municipalityId: number,
  reports: readonly ReportDocumentInFile[],
  now: string,
  source: string,
): Promise<ReportImportSummary> {
  const [stored, meetings, bodies] = await Promise.all([
    listReports(db, municipalityId),
    listMeetings(db, municipalityId),
    listCommittees(db, municipalityId),
  ]);
  const storedByNumber = new Map(stored.map((each) => [each.number, each]));
  const fileNumbers = new Set(reports.map((each) => each.number));
  const problems: InputProblem[] = [];
  const plan: {
    index: number;
    report: ReportDocumentInFile;
    meetingId: number;
  }[] = [];
  const kept: number[] = [];
  reports.forEach((report, index) => {
    if (storedByNumber.has(report.number)) {
      kept.push(report.number);
      return;
    }
    const path = `/reports/${index}`;
    const body = bodies.find(
      (each) => each.abbreviation === report.meeting.body,
    );
    const day = parseIsoDate(report.meeting.date);
    const meeting = meetings.find(
      (each) =>
        each.committeeId === body?.id &&
        each.day === day &&
        each.agendaItemNumber === (report.meeting.agendaItem ?? null),
    );
    if (body === undefined)
      problems.push({
        path: `${path}/meeting/body`,
        message: `Das Gremium „${report.meeting.body}“ gibt es weder in der Datei (bodies) noch in der Kommune.`,
      });
    else if (meeting === undefined)
      problems.push({
        path: `${path}/meeting`,
        message: `${body.name} hat keine Sitzung am ${report.meeting.date}${report.meeting.agendaItem === undefined ? " ohne TOP-Nummer" : ` mit TOP ${report.meeting.agendaItem}`}.`,
      });
    if (
      report.previous !== undefined &&
      !fileNumbers.has(report.previous) &&
      !storedByNumber.has(report.previous)
    )
      problems.push({
        path: `${path}/previous`,
        message: `Einen Bericht Nr. ${report.previous} gibt es weder in der Datei noch in der Kommune.`,
      });
    if (meeting !== undefined)
      plan.push({ index, report, meetingId: meeting.id });
  });
  if (problems.length > 0)
    throw new AppError("ERR_IMPORT_INVALID", {
      detail: `${source}:`,
      problems,
    });

  // First every new report as a draft, so that each can name its previous one by id.
  const idOf = new Map(stored.map((each) => [each.number, each.id]));
  const fieldsOf = (report: ReportDocumentInFile, meetingId: number) =>
    ({
      meetingId,
      previousReportId:
        report.previous === undefined
          ? null
          : (idOf.get(report.previous) ?? null),
      asOf: parseIsoDate(report.asOf) ?? 0,
      title: report.title,
      sectionKeys: report.actionFields ?? null,
      includeOzg: report.includeOzg,
      outlook: report.outlook ?? [],
      oparlPaperUrl: report.oparlPaper ?? null,
    }) satisfies ReportFields;
  for (const { report, meetingId } of plan) {
    const { id } = await insertReport(
      db,
      municipalityId,
      fieldsOf(report, meetingId),
      now,
      report.number,
    );
    idOf.set(report.number, id);
  }
  for (const { report, meetingId } of plan) {
    const id = idOf.get(report.number) as number;
    if (report.previous !== undefined)
      await updateDraftReportRow(db, id, fieldsOf(report, meetingId), now);
    for (const entry of report.entries ?? [])
      await insertEntry(
        db,
        id,
        entry.project,
        {
          status: entry.status ?? null,
          text: entry.text ?? "",
          highlights: entry.highlights ?? [],
          newDate: entry.newDate ?? null,
          isUnchanged: entry.unchanged === true,
          isIncluded: entry.included !== false,
        },
        now,
        IMPORT_ACTOR,
      );
    for (const [position, section] of (report.sections ?? []).entries())
      await insertReportSection(
        db,
        id,
        section.kind,
        position + 1,
        sectionContent(section),
      );
  }
  // Then the published ones are frozen with their documents, under their new ids.
  for (const { report } of plan) {
    const published = report.published;
    if (published === undefined) continue;
    const id = idOf.get(report.number) as number;
    const draft = (await findReport(db, municipalityId, id)) as StoredReport;
    const previous = (published.document as Record<string, unknown>)
      .previous as Record<string, unknown> | null | undefined;
    const document = {
      ...published.document,
      id,
      previous:
        previous === null ||
        previous === undefined ||
        report.previous === undefined
          ? null
          : { ...previous, id: idOf.get(report.previous) },
    };
    await publishReportRow(db, id, draft.version, {
      documentJson: JSON.stringify(document),
      publishedAt: published.at,
      recordedAt: published.recordedAt ?? null,
      publishedBy: published.by,
    });
  }
  return { added: plan.map((each) => each.report.number), kept };
}
