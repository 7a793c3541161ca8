/**
 * Status reports on both dialects: the Kleve demo (APD 29.11.2022) through the real use
 * cases, the OZG figures computed from the register at the as-of date, the changes
 * computed from the audit log, and published reports that the database refuses to change.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { loadDemoReport } from "../../src/app/reports/demo-report.js";
import {
  getPublishedReport,
  listPublishedReports,
} from "../../src/app/reports/read-reports.js";
import { reportProjects } from "../../src/domain/report/report-document.js";
import {
  DIALECTS,
  openTestContext,
  type TestContext,
} from "../support/database.js";

describe.each(DIALECTS)("the demo report on %s", (dialect) => {
  let t: TestContext;

  beforeAll(async () => {
    t = await openTestContext(dialect, { demo: true });
    expect(await loadDemoReport(t.ctx)).toBe(true);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("loads once: a second run changes nothing", async () => {
    expect(await loadDemoReport(t.ctx)).toBe(false);
    expect((await listPublishedReports(t.ctx, "kleve")).reports).toHaveLength(
      2,
    );
  });

  it("gives the OZG figures of the APD report of 29.11.2022 from the register at 28.11.2022", async () => {
    const { document } = await getPublishedReport(t.ctx, "kleve", "2022-11-29");
    const figures = document.ozg?.figures;
    expect(figures).toMatchObject({
      defined: 107,
      implemented: 44,
      withFrontEndAndBackEnd: 19,
      frontEndOnly: 25,
      withEPayment: 3,
      withEId: 14,
      onlineApplications: 86,
      onlineApplicationsOfImplemented: 60,
      onlineApplicationsOther: 26,
      notResponsibleLocally: 16,
    });
    expect(figures?.byChannel).toEqual({
      "own-development": 22,
      "state-portal": 3,
      "federal-efa": 5,
      "regional-it-provider": 8,
      "specialist-portal": 6,
    });
    // In August the late own developments and specialist portals were not online yet.
    expect(document.ozg?.previous?.implemented).toBe(20);
  });

  it("shows the seed's figures with their as-of dates in the project entries", async () => {
    const { document } = await getPublishedReport(t.ctx, "kleve", "2022-11-29");
    const projects = reportProjects(document);
    const dms = projects.find(
      (project) => project.slug === "dokumentenmanagementsystem",
    );
    expect(
      dms?.figures.map((figure) => [
        figure.indicator.key,
        figure.current.value,
      ]),
    ).toEqual([
      ["dms-produktivsystem", 133],
      ["dms-testphase", 27],
    ]);
    const mobile = projects.find((project) => project.slug === "mobile-office")
      ?.figures[0];
    expect(mobile?.current).toMatchObject({ value: 144, denominator: 572 });
    const social = projects.find((project) => project.slug === "social-media");
    expect(social?.figures.map((figure) => figure.current.value)).toEqual([
      1420, 2070, 316,
    ]);
    expect(social?.figures[0]?.current.day).toBe(
      Date.UTC(2022, 10, 22) / 86_400_000,
    );
  });

  it("computes the changes since 23.08.2022 from the audit log, never from typed text", async () => {
    const { document } = await getPublishedReport(t.ctx, "kleve", "2022-11-29");
    const projects = reportProjects(document);
    const internet = projects.find((project) => project.slug === "internet");
    expect(internet?.changes.map((change) => change.text)).toContain(
      "Einzelmaßnahme umgesetzt: Optimierung des Veranstaltungsmoduls (Kalenderansicht)",
    );
    const council = projects.find(
      (project) => project.slug === "digitale-ratsarbeit",
    );
    expect(council?.status).toBe("delayed");
    expect(council?.newDateLabel).toBe("QI/2023");
    expect(council?.changes.map((change) => change.kind)).toContain(
      "measure-added",
    );
    const mobile = projects.find((project) => project.slug === "mobile-office");
    expect(mobile?.changes.map((change) => change.text)).toContain(
      "Mitarbeitende im Mobile Office: 120 von 565 (21,2\u00a0%) → 144 von 572 (25,2\u00a0%) (Stand 28.11.2022)",
    );
  });

  it("shows only the projects the slides cover, with the previous report linked", async () => {
    const { document } = await getPublishedReport(t.ctx, "kleve", "2022-11-29");
    expect(document.sections.map((section) => section.key)).toEqual([
      "smart-working",
      "e-government",
      "partizipation",
    ]);
    expect(reportProjects(document)).toHaveLength(7);
    expect(document.previous).toMatchObject({ committeeAbbreviation: "APD" });
    expect(document.outlook).toEqual([
      {
        when: "APD – QI/2023",
        what: "Fortschreibung Maßnahmenkatalog Digitalisierung",
      },
      { when: "APD – QIII/2023", what: "Sachstandsbericht Digitalisierung" },
    ]);
  });

  it("refuses in the database to change or delete a published report or its entries", async () => {
    const municipalityId = (await getCatalogue(t.ctx, "kleve")).municipality.id;
    const report = await t.ctx.db
      .selectFrom("status_report")
      .select("id")
      .where("municipality_id", "=", municipalityId)
      .where("status", "=", "published")
      .executeTakeFirstOrThrow();
    await expect(
      t.ctx.db
        .updateTable("status_report")
        .set({ title: "Anders" })
        .where("id", "=", report.id)
        .execute(),
    ).rejects.toThrow(/published status reports/);
    await expect(
      t.ctx.db
        .deleteFrom("status_report")
        .where("id", "=", report.id)
        .execute(),
    ).rejects.toThrow(/published status reports/);
    await expect(
      t.ctx.db
        .updateTable("report_entry")
        .set({ text: "Anders" })
        .where("report_id", "=", report.id)
        .execute(),
    ).rejects.toThrow(/published status reports/);
    await expect(
      t.ctx.db
        .deleteFrom("report_entry")
        .where("report_id", "=", report.id)
        .execute(),
    ).rejects.toThrow(/published status reports/);
    await expect(
      t.ctx.db
        .insertInto("report_entry")
        .values({
          report_id: report.id,
          project_slug: "neu",
          updated_at: new Date().toISOString(),
          updated_by: "x",
        })
        .execute(),
    ).rejects.toThrow(/published status reports/);
    const { count } = await t.ctx.db
      .selectFrom("status_report")
      .select(sql<number>`count(*)`.as("count"))
      .where("id", "=", report.id)
      .where("title", "=", "Sachstandsbericht Digitalisierung")
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(1);
  });
});
