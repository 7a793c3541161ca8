/**
 * Free sections of a status report on both dialects: adding in the report's order
 * (introduction first, the projects block placed with the first section), moving,
 * changing, removing; survey answers checked; the document follows the order; published
 * reports keep their sections (use case and database refuse a change).
 */
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readAuditEvents } from "../../src/app/audit/record-audit.js";
import { getReportDocument } from "../../src/app/reports/read-reports.js";
import {
  addReportSection,
  moveReportSection,
  removeReportSection,
  updateReportSection,
} from "../../src/app/reports/report-sections.js";
import { isReportingConflict } from "../../src/app/reports/reporting-support.js";
import type { FreeSectionData } from "../../src/app/reports/reporting.schema.js";
import { listReportSections } from "../../src/db/report.repository.js";
import { reportBlocks } from "../../src/domain/report/report-document.js";
import { isAppError } from "../../src/errors.js";
import { DIALECTS } from "../support/database.js";
import {
  createDraftReport,
  createPublishedReport,
  KLEVE,
  openReportingFixture,
  type ReportingFixture,
} from "../support/reporting-fixture.js";
import { rejectionOf } from "../support/failure.js";

const EMPTY: FreeSectionData = {
  heading: "",
  text: "",
  figureKeys: [],
  projectSlugs: [],
  question: "",
  unit: "count",
  answers: [],
};

describe.each(DIALECTS)("free sections of a report on %s", (dialect) => {
  let f: ReportingFixture;

  beforeEach(async () => {
    f = await openReportingFixture(dialect);
  });
  afterEach(async () => {
    await f?.t.close();
  });

  it("keeps sections in the report's order, moves them and the projects block, and logs each change", async () => {
    const { ctx, admin } = f;
    const reportId = await createDraftReport(f, "2022-11-28");
    const topic = await addReportSection(ctx, admin, {
      municipality: KLEVE,
      reportId,
      expectedVersion: 1,
      kind: "topic",
      data: {
        ...EMPTY,
        heading: "E-Akte",
        text: "Die E-Akte ist in drei Ämtern eingeführt.",
        projectSlugs: ["e-rechnungsworkflow"],
        // Left out by the kind: a topic keeps no survey answers.
        answers: [{ label: "Ja", value: 1 }],
      },
    });
    expect(topic.version).toBe(2);
    const intro = await addReportSection(ctx, admin, {
      municipality: KLEVE,
      reportId,
      expectedVersion: 2,
      kind: "introduction",
      data: { ...EMPTY, text: "Der Bericht fasst das Jahr zusammen." },
    });
    const survey = await addReportSection(ctx, admin, {
      municipality: KLEVE,
      reportId,
      expectedVersion: 3,
      kind: "survey",
      data: {
        ...EMPTY,
        heading: "Umfrage Mobiles Arbeiten",
        question: "Wie zufrieden sind Sie?",
        unit: "percent",
        answers: [
          { label: "Sehr zufrieden", value: 33.3 },
          { label: "Zufrieden", value: 33.3 },
          { label: "Unzufrieden", value: 33.3 },
        ],
      },
    });
    let sections = await listReportSections(ctx.db, reportId);
    expect(sections.map((section) => section.kind)).toEqual([
      "introduction",
      "projects",
      "topic",
      "survey",
    ]);
    expect(sections[2]?.answers).toEqual([]);
    // The projects block moves like a section.
    await moveReportSection(ctx, admin, {
      municipality: KLEVE,
      reportId,
      sectionId: sections[1]!.id,
      expectedVersion: 4,
      direction: "down",
    });
    await moveReportSection(ctx, admin, {
      municipality: KLEVE,
      reportId,
      sectionId: survey.id,
      expectedVersion: 5,
      direction: "up",
    });
    const { document } = await getReportDocument(ctx, admin, KLEVE, reportId);
    expect(reportBlocks(document).map((block) => block.kind)).toEqual([
      "introduction",
      "topic",
      "survey",
      "projects",
    ]);
    const topicBlock = reportBlocks(document)[1];
    expect(topicBlock?.kind === "topic" && topicBlock.projects[0]?.slug).toBe(
      "e-rechnungsworkflow",
    );
    const surveyBlock = reportBlocks(document)[2];
    const shares =
      surveyBlock?.kind === "survey"
        ? surveyBlock.answers.map((answer) => answer.share)
        : [];
    expect(shares).toHaveLength(3);
    for (const share of shares) expect(share).toBeCloseTo(0.333, 6);
    await updateReportSection(ctx, admin, {
      municipality: KLEVE,
      reportId,
      sectionId: intro.id,
      expectedVersion: 6,
      data: { ...EMPTY, heading: "Vorwort", text: "Neu." },
    });
    await removeReportSection(ctx, admin, {
      municipality: KLEVE,
      reportId,
      sectionId: topic.id,
      expectedVersion: 7,
    });
    sections = await listReportSections(ctx.db, reportId);
    expect(
      sections.map((section) => [
        section.kind,
        section.position,
        section.heading,
      ]),
    ).toEqual([
      ["introduction", 1, "Vorwort"],
      ["survey", 2, "Umfrage Mobiles Arbeiten"],
      ["projects", 3, ""],
    ]);
    const events = await readAuditEvents(ctx, {
      municipalityId: admin.municipalityId!,
      entityType: "status_report",
      entityId: String(reportId),
      limit: 20,
    });
    expect(
      events
        .map((event) => event.action)
        .filter((a) => a.startsWith("report.section")),
    ).toEqual([
      "report.section.delete",
      "report.section.update",
      "report.section.move",
      "report.section.move",
      "report.section.create",
      "report.section.create",
      "report.section.create",
    ]);
    // The projects block stays.
    const block = sections.find((section) => section.kind === "projects")!;
    const refused = await rejectionOf(
      removeReportSection(ctx, admin, {
        municipality: KLEVE,
        reportId,
        sectionId: block.id,
        expectedVersion: 8,
      }),
    );
    expect(isAppError(refused, "ERR_VALIDATION")).toBe(true);
  });

  it("checks a survey's shares, the references and the kinds a report has once, and changes nothing", async () => {
    const { ctx, admin } = f;
    const reportId = await createDraftReport(f, "2022-11-28");
    const messages = async (
      data: FreeSectionData,
      kind = "survey" as const,
    ) => {
      const error = await rejectionOf(
        addReportSection(ctx, admin, {
          municipality: KLEVE,
          reportId,
          expectedVersion: 1,
          kind,
          data,
        }),
      );
      return isAppError(error, "ERR_VALIDATION")
        ? error.problems.map((problem) => problem.message)
        : error;
    };
    expect(
      await messages({
        ...EMPTY,
        question: "Nutzen Sie Mobile Office?",
        unit: "percent",
        answers: [
          { label: "Ja", value: 60 },
          { label: "Nein", value: 30 },
        ],
      }),
    ).toEqual(["Die Prozentwerte ergeben zusammen 90 %, nicht 100 %."]);
    expect(
      await messages({
        ...EMPTY,
        question: "",
        answers: [
          { label: "Ja", value: 1.5 },
          { label: "ja", value: 2 },
        ],
      }),
    ).toEqual([
      "Bitte geben Sie die Frage der Umfrage ein.",
      "Anzahlen müssen ganze Zahlen sein.",
      "Jede Antwort darf nur einmal vorkommen.",
    ]);
    expect(
      await messages(
        {
          ...EMPTY,
          heading: "Thema",
          figureKeys: ["gibt-es-nicht"],
          projectSlugs: ["auch-nicht"],
        },
        "topic" as never,
      ),
    ).toEqual([
      "Die Kennzahl „gibt-es-nicht“ gibt es nicht.",
      "Das Projekt „auch-nicht“ gibt es nicht.",
    ]);
    expect(await listReportSections(ctx.db, reportId)).toEqual([]);
    await addReportSection(ctx, admin, {
      municipality: KLEVE,
      reportId,
      expectedVersion: 1,
      kind: "outlook",
      data: { ...EMPTY, text: "Im nächsten Jahr folgt die E-Akte." },
    });
    const twice = await rejectionOf(
      addReportSection(ctx, admin, {
        municipality: KLEVE,
        reportId,
        expectedVersion: 2,
        kind: "outlook",
        data: EMPTY,
      }),
    );
    expect(
      isAppError(twice, "ERR_VALIDATION") && twice.problems[0]?.message,
    ).toBe("Der Bericht hat schon einen Ausblick.");
    const stale = await rejectionOf(
      addReportSection(ctx, admin, {
        municipality: KLEVE,
        reportId,
        expectedVersion: 1,
        kind: "introduction",
        data: { ...EMPTY, text: "Zu spät." },
      }),
    );
    expect(isReportingConflict(stale)).toBe(true);
    const refused = await rejectionOf(
      addReportSection(ctx, f.editor, {
        municipality: KLEVE,
        reportId,
        expectedVersion: 2,
        kind: "introduction",
        data: { ...EMPTY, text: "Nicht erlaubt." },
      }),
    );
    expect(isAppError(refused, "ERR_FORBIDDEN")).toBe(true);
  });

  it("keeps the sections of a published report: the use case and the database refuse a change", async () => {
    const { ctx, admin } = f;
    const reportId = await createPublishedReport(f, { asOf: "2022-11-28" });
    const refused = await rejectionOf(
      addReportSection(ctx, admin, {
        municipality: KLEVE,
        reportId,
        expectedVersion: 3,
        kind: "introduction",
        data: { ...EMPTY, text: "Nachträglich." },
      }),
    );
    expect(isAppError(refused, "ERR_REPORT_PUBLISHED")).toBe(true);
    await expect(
      sql`insert into report_section (report_id, position, kind) values (${reportId}, 1, 'introduction')`.execute(
        ctx.db,
      ),
    ).rejects.toThrow(/published status reports/);
  });
});
