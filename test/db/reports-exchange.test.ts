/**
 * Status reports survive the exchange file, on both databases: Kleve's demo reports and a
 * report with an introduction, a survey and a topic section, an outlook, presenters and
 * questions and answers at its meeting, published backdated to that meeting ("nachgetragen
 * am"), and a draft are exported, imported into an empty database and exported again
 * unchanged — the public page shows the imported report as it was published. An import
 * never rewrites history: a report whose number exists stays as it is and is named as
 * kept; a bad file is refused with German messages naming where, and nothing changes.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  exportCatalogue,
  importCatalogue,
} from "../../src/app/catalogue/import-catalogue.js";
import type { CatalogueDocument } from "../../src/app/catalogue/catalogue-document.schema.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { createMeeting } from "../../src/app/reports/committees.js";
import type { FreeSectionData } from "../../src/app/reports/reporting.schema.js";
import type { FreeSectionKind } from "../../src/domain/report/report-free-sections.js";
import { loadDemoReport } from "../../src/app/reports/demo-report.js";
import {
  createReport,
  publishReport,
  updateReport,
} from "../../src/app/reports/manage-reports.js";
import { addReportSection } from "../../src/app/reports/report-sections.js";
import { saveReportEntry } from "../../src/app/reports/report-entries.js";
import { listReports } from "../../src/db/report.repository.js";
import {
  DIALECTS,
  openTestContext,
  type TestContext,
} from "../support/database.js";
import { NO_MEETING_LINKS } from "../support/reporting-fixture.js";
import { buildPrincipal } from "../support/principals.js";
import { appErrorOf } from "../support/failure.js";

const KLEVE = "kleve";

const EMPTY_SECTION = {
  heading: "",
  text: "",
  figureKeys: [],
  projectSlugs: [],
  question: "",
  unit: "count" as const,
  answers: [],
};

describe.each(DIALECTS)("reports in the exchange file on %s", (dialect) => {
  let source: TestContext;
  let target: TestContext;

  beforeEach(async () => {
    source = await openTestContext(dialect, { demo: true });
    target = await openTestContext(dialect);
  });
  afterEach(async () => {
    await source?.close();
    await target?.close();
  });

  /** Kleve's demo reports and one more, backdated to its 2022 meeting, plus a draft. */
  async function sectionedReports(): Promise<{ published: number }> {
    const ctx = source.ctx;
    await loadDemoReport(ctx);
    const { municipality } = await getCatalogue(ctx, KLEVE);
    const admin = buildPrincipal(municipality.id, {
      role: "admin",
      orgUnitCodes: [],
    });
    const committees = await ctx.db
      .selectFrom("committee")
      .select(["id", "abbreviation"])
      .where("municipality_id", "=", municipality.id)
      .execute();
    const committeeId = committees[0]?.id;
    if (committeeId === undefined) throw new Error("demo without a body");
    const meetingId = (
      await createMeeting(ctx, admin, {
        municipality: KLEVE,
        data: {
          committeeId,
          day: "2022-06-21",
          ...NO_MEETING_LINKS,
          agendaItemNumber: "7.2",
          agendaItemTitle: "Sachstand Digitalisierung",
          paperReference: "A 10/185/2022",
          presenters: [{ name: "Dana Beispiel", function: "CDO" }],
          minutes: [
            {
              question: "Wann kommt die E-Akte?",
              answer: "Im zweiten Halbjahr.",
            },
          ],
        },
      })
    ).id;
    const { id, number } = await createReport(ctx, admin, {
      municipality: KLEVE,
      data: { meetingId, asOf: "2022-06-01", previousReportId: null },
    });
    let version = (
      await updateReport(ctx, admin, {
        municipality: KLEVE,
        reportId: id,
        expectedVersion: 1,
        data: {
          meetingId,
          asOf: "2022-06-01",
          previousReportId: null,
          title: "Bericht der CDO",
          sectionKeys: ["smart-working"],
          includeOzg: false,
          outlook: [{ when: "APD – QIV/2022", what: "Rollout der E-Akte" }],
          oparlPaperUrl: "https://oparl.example/paper/185",
        },
      })
    ).version;
    const project = (await getCatalogue(ctx, KLEVE)).impactAreas
      .flatMap((area) => area.actionFields)
      .find((field) => field.key === "smart-working")?.projects;
    for (const each of project ?? [])
      await saveReportEntry(ctx, admin, {
        municipality: KLEVE,
        reportId: id,
        project: each.slug,
        expectedVersion: 0,
        data: {
          status: "on-track",
          text: `Zu ${each.title}`,
          highlights: ["Pilot läuft"],
          newDate: null,
          isIncluded: true,
        },
      });
    version = (await listReports(ctx.db, municipality.id)).find(
      (each) => each.id === id,
    )?.version as number;
    for (const [kind, data] of [
      ["introduction", { text: "Die Verwaltung berichtet zum ersten Mal." }],
      [
        "survey",
        {
          heading: "Umfrage mobiles Arbeiten",
          question: "Wie oft arbeiten Sie mobil?",
          unit: "percent",
          answers: [
            { label: "nie", value: 33.3 },
            { label: "manchmal", value: 66.7 },
          ],
        },
      ],
      ["topic", { heading: "Basis-IT", text: "Umzug der Server." }],
    ] satisfies [FreeSectionKind, Partial<FreeSectionData>][]) {
      version = (
        await addReportSection(ctx, admin, {
          municipality: KLEVE,
          reportId: id,
          expectedVersion: version,
          kind,
          data: { ...EMPTY_SECTION, ...data },
        })
      ).version;
    }
    await publishReport(ctx, admin, {
      municipality: KLEVE,
      reportId: id,
      expectedVersion: version,
      publishedOn: "2022-06-21",
      confirmSecondReport: true,
    });
    await createReport(ctx, admin, {
      municipality: KLEVE,
      data: { meetingId, asOf: "2022-11-01", title: "Entwurf" },
    });
    return { published: number };
  }

  it("exports every report, imports them into an empty database and exports the same again", async () => {
    const { published } = await sectionedReports();
    const exported = await exportCatalogue(source.ctx, KLEVE);
    const reports = exported.reports ?? [];
    expect(reports.map((each) => each.number)).toEqual(
      [...reports.map((each) => each.number)].sort((a, b) => a - b),
    );
    const backdated = reports.find((each) => each.number === published);
    expect(backdated).toMatchObject({
      meeting: { date: "2022-06-21", agendaItem: "7.2" },
      title: "Bericht der CDO",
      asOf: "2022-06-01",
      actionFields: ["smart-working"],
      includeOzg: false,
      oparlPaper: "https://oparl.example/paper/185",
      outlook: [{ when: "APD – QIV/2022", what: "Rollout der E-Akte" }],
      sections: [
        {
          kind: "introduction",
          text: "Die Verwaltung berichtet zum ersten Mal.",
        },
        { kind: "projects" },
        {
          kind: "survey",
          heading: "Umfrage mobiles Arbeiten",
          question: "Wie oft arbeiten Sie mobil?",
          unit: "percent",
          answers: [
            { label: "nie", value: 33.3 },
            { label: "manchmal", value: 66.7 },
          ],
        },
        { kind: "topic", heading: "Basis-IT", text: "Umzug der Server." },
      ],
      published: {
        // Midnight in Germany of the meeting's day; entered on the test's day.
        at: "2022-06-20T22:00:00.000Z",
        recordedAt: expect.stringMatching(/^2022-11-28T/),
      },
    });
    expect(backdated?.entries?.[0]).toMatchObject({
      status: "on-track",
      highlights: ["Pilot läuft"],
    });
    expect(backdated?.published?.document).not.toHaveProperty("id");
    const draft = reports.at(-1);
    expect(draft).toMatchObject({ title: "Entwurf", asOf: "2022-11-01" });
    expect(draft).not.toHaveProperty("published");
    expect(
      reports.filter((each) => each.published !== undefined).length,
    ).toBeGreaterThan(1);

    const summary = await importCatalogue(
      target.ctx,
      JSON.parse(JSON.stringify(exported)) as unknown,
      { source: "kleve.json" },
    );
    expect(summary.reports).toEqual({
      added: reports.map((each) => each.number),
      kept: [],
    });
    expect(await exportCatalogue(target.ctx, KLEVE)).toEqual(exported);

    // The imported report is published under its number, with its own id in its document.
    const { municipality } = await getCatalogue(target.ctx, KLEVE);
    const stored = (await listReports(target.ctx.db, municipality.id)).find(
      (each) => each.number === published,
    );
    expect(stored?.status).toBe("published");
    expect(stored?.recordedAt).toMatch(/^2022-11-28T/);
    expect(JSON.parse(stored?.documentJson ?? "{}")).toMatchObject({
      id: stored?.id,
      title: "Bericht der CDO",
    });
  });

  it("keeps a report that exists and names it, and adds only the missing ones", async () => {
    const { published } = await sectionedReports();
    const exported = await exportCatalogue(source.ctx, KLEVE);
    const first = structuredClone(exported);
    // The first file has the reports before it (the later ones may continue it).
    first.reports = exported.reports?.filter((each) => each.number < published);
    await importCatalogue(target.ctx, first, { source: "erste.json" });

    const rewritten = structuredClone(exported);
    for (const report of rewritten.reports ?? [])
      if (report.number < published) report.title = "Umgeschrieben";
    const summary = await importCatalogue(target.ctx, rewritten, {
      source: "zweite.json",
      replace: true,
    });
    expect(summary.reports).toEqual({
      added: (exported.reports ?? [])
        .map((each) => each.number)
        .filter((number) => number >= published),
      kept: (first.reports ?? []).map((each) => each.number),
    });
    expect(await exportCatalogue(target.ctx, KLEVE)).toEqual(exported);
  });

  it("refuses a bad file with German messages naming where, and changes nothing", async () => {
    await sectionedReports();
    const exported = await exportCatalogue(source.ctx, KLEVE);
    await importCatalogue(target.ctx, structuredClone(exported), {
      source: "erste.json",
    });
    const before = await exportCatalogue(target.ctx, KLEVE);

    const broken: CatalogueDocument = structuredClone(exported);
    const [one, two] = broken.reports ?? [];
    if (one === undefined || two === undefined) throw new Error("no reports");
    // New numbers, so that they are not merely kept.
    one.number = 90;
    two.number = 91;
    one.meeting = { body: "XYZ", date: "2022-02-30" };
    two.previous = 77;
    two.sections = [
      {
        kind: "survey",
        question: "Zufrieden?",
        unit: "percent",
        answers: [
          { label: "ja", value: 50 },
          { label: "nein", value: 40 },
        ],
      },
    ];
    const error = await appErrorOf(
      importCatalogue(target.ctx, broken, {
        source: "kaputt.json",
        replace: true,
      }),
    );
    expect(error.code).toBe("ERR_IMPORT_INVALID");
    expect(error.problems).toEqual(
      expect.arrayContaining([
        {
          path: "/reports/0/meeting/date",
          message: "„2022-02-30“ ist kein Datum.",
        },
        {
          path: "/reports/1/sections/0/answers",
          message: "Die Prozentwerte ergeben zusammen 90 %, nicht 100 %.",
        },
      ]),
    );

    // The file's own checks pass, but the meeting and the previous report are missing.
    one.meeting = { body: "XYZ", date: "2022-02-28" };
    two.sections = [];
    const unresolved = await appErrorOf(
      importCatalogue(target.ctx, broken, {
        source: "kaputt.json",
        replace: true,
      }),
    );
    expect(unresolved.problems).toEqual(
      expect.arrayContaining([
        {
          path: "/reports/0/meeting/body",
          message:
            "Das Gremium „XYZ“ gibt es weder in der Datei (bodies) noch in der Kommune.",
        },
        {
          path: "/reports/1/previous",
          message:
            "Einen Bericht Nr. 77 gibt es weder in der Datei noch in der Kommune.",
        },
      ]),
    );
    expect(await exportCatalogue(target.ctx, KLEVE)).toEqual(before);
  });
});
