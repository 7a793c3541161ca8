/**
 * Report numbers over HTTP (ADR 0044): the portal and the staff pages name a report by its
 * number in the municipality, old id-based URLs answer 301 to the number, publishing a
 * second report for a meeting needs the box ticked (without JavaScript), a backdated report
 * says so on its page, and the meeting's date names both reports.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { createMunicipality } from "../../src/app/municipalities/lifecycle.js";
import {
  createCommittee,
  createMeeting,
} from "../../src/app/reports/committees.js";
import {
  createReport,
  updateReport,
} from "../../src/app/reports/manage-reports.js";
import { getReportDocument } from "../../src/app/reports/read-reports.js";
import { saveReportEntry } from "../../src/app/reports/report-entries.js";
import { listMeetings } from "../../src/db/report.repository.js";
import { reportProjects } from "../../src/domain/report/report-document.js";
import { createTestUser, postForm, signIn } from "../support/accounts.js";
import { WEB_DIALECTS } from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import { openWebApp, textOf, type WebTestApp } from "./support/web-app.js";

describe.each(WEB_DIALECTS)("report numbers over HTTP on %s", (dialect) => {
  let web: WebTestApp;
  let admin: string;
  let kleveReport: { id: number; number: number };

  beforeAll(async () => {
    web = await openWebApp(dialect, { demo: "with-reports" });
    admin = await signIn(
      web.app,
      await createTestUser(web.ctx, { role: "admin" }),
    );
    // A report of another municipality first, so that Kleve's next id is not its number.
    const goch = await createMunicipality(web.ctx, COMMAND_LINE, {
      name: "Stadt Goch",
      slug: "goch-nummern",
      state: "Nordrhein-Westfalen",
      regionalKey: "051540020020",
      website: "https://www.goch.de",
      contactEmail: "digital@goch.example",
    });
    const gochAdmin = buildPrincipal(goch.municipality.id, {
      role: "admin",
      orgUnitCodes: [],
    });
    const committeeId = (
      await createCommittee(web.ctx, gochAdmin, {
        municipality: "goch-nummern",
        data: { name: "Digitalausschuss", abbreviation: "DA" },
      })
    ).id;
    const gochMeeting = (
      await createMeeting(web.ctx, gochAdmin, {
        municipality: "goch-nummern",
        data: {
          committeeId,
          day: "2022-12-01",
          title: null,
          oparlMeetingUrl: null,
          oparlAgendaItemUrl: null,
          oparlPaperUrl: null,
        },
      })
    ).id;
    const gochFirst = await createReport(web.ctx, gochAdmin, {
      municipality: "goch-nummern",
      data: { meetingId: gochMeeting, asOf: "2022-11-20" },
    });
    expect(gochFirst.number).toBe(1);
    // Kleve's third report, for the meeting of 29.11.2022 that already has one.
    const kleveId = (await getCatalogue(web.ctx, "kleve")).municipality.id;
    const principal = buildPrincipal(kleveId, {
      role: "admin",
      orgUnitCodes: [],
    });
    const meeting = (await listMeetings(web.ctx.db, kleveId)).find(
      (each) => each.day === Date.UTC(2022, 10, 29) / 86_400_000,
    )!;
    kleveReport = await createReport(web.ctx, principal, {
      municipality: "kleve",
      data: { meetingId: meeting.id, asOf: "2022-11-20" },
    });
    await updateReport(web.ctx, principal, {
      municipality: "kleve",
      reportId: kleveReport.id,
      expectedVersion: 1,
      data: {
        meetingId: meeting.id,
        asOf: "2022-11-20",
        previousReportId: null,
        title: "Nachtrag",
        sectionKeys: ["smart-working"],
        includeOzg: false,
        outlook: [],
      },
    });
    const { document } = await getReportDocument(
      web.ctx,
      principal,
      "kleve",
      kleveReport.id,
    );
    for (const project of reportProjects(document))
      await saveReportEntry(web.ctx, principal, {
        municipality: "kleve",
        reportId: kleveReport.id,
        project: project.slug,
        expectedVersion: 0,
        data: {
          status: "on-track",
          text: "Läuft.",
          highlights: [],
          newDate: null,
          isIncluded: true,
        },
      });
  });
  afterAll(async () => {
    await web?.close();
  });

  it("numbers the third report of Kleve 3 although its id is another", () => {
    expect(kleveReport.number).toBe(3);
    expect(kleveReport.id).not.toBe(3);
  });

  it("publishes a second report for a meeting only with the box ticked, backdated, then names both under the date", async () => {
    const staffUrl = `/kleve/verwaltung/berichte/${kleveReport.number}`;
    const page = await web.app.inject({
      url: staffUrl,
      headers: { cookie: admin },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="zweiter-bericht"');
    expect(page.body).toContain('name="veroeffentlicht-am"');
    const version =
      /id="veroeffentlichen"[\s\S]*?name="version" value="(\d+)"/.exec(
        page.body,
      )?.[1];
    const refused = await postForm(
      web.app,
      admin,
      `${staffUrl}/veroeffentlichen`,
      {
        version: version ?? "",
        bestaetigung: "ja",
        "veroeffentlicht-am": "21.11.2022",
      },
    );
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(textOf(refused.body)).toContain(
      "Für die Sitzung am 29.11.2022 ist schon der Bericht Nr. 2 veröffentlicht.",
    );
    expect(
      (await web.app.inject({ url: "/kleve/berichte/3" })).statusCode,
    ).toBe(404);
    const published = await postForm(
      web.app,
      admin,
      `${staffUrl}/veroeffentlichen`,
      {
        version: version ?? "",
        bestaetigung: "ja",
        "veroeffentlicht-am": "21.11.2022",
        "zweiter-bericht": "ja",
      },
    );
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toContain(staffUrl);

    const portal = await web.app.inject({ url: "/kleve/berichte/3" });
    expect(portal.statusCode).toBe(200);
    expect(textOf(portal.body)).toContain("Nachtrag Nr. 3");
    expect(textOf(portal.body)).toContain(
      "veröffentlicht am 21.11.2022 (nachgetragen am 28.11.2022)",
    );
    expect(portal.body).toContain('href="/kleve/berichte/3/bericht.pdf"');
    // Its deck is stored under its id and served under its number, titled with it.
    const deck = await web.app.inject({ url: "/kleve/berichte/3/folien.pptx" });
    expect(deck.statusCode).toBe(200);
    expect(deck.headers["content-type"]).toContain("presentationml");

    const byDate = await web.app.inject({ url: "/kleve/berichte/2022-11-29" });
    expect(byDate.statusCode).toBe(200);
    expect(textOf(byDate.body)).toContain(
      "Für die Sitzung am 29.11.2022 sind mehrere Sachstandsberichte veröffentlicht.",
    );
    expect(byDate.body).toContain('href="/kleve/berichte/2"');
    expect(byDate.body).toContain('href="/kleve/berichte/3"');

    const list = await web.app.inject({ url: "/kleve/berichte" });
    expect(list.body).toContain('href="/kleve/berichte/3"');
  });

  it("sends an old id-based URL on with 301 to the number, public and for staff", async () => {
    // The report is published by the test above or not: staff URLs move either way.
    const staff = await web.app.inject({
      url: `/kleve/verwaltung/berichte/${kleveReport.id}?lang=en`,
      headers: { cookie: admin },
    });
    expect(staff.statusCode).toBe(301);
    expect(staff.headers.location).toBe(
      `/kleve/verwaltung/berichte/${kleveReport.number}?lang=en`,
    );
    // A number always wins: /kleve/berichte/1 is Kleve's first report, never a redirect.
    const first = await web.app.inject({ url: "/kleve/berichte/1" });
    expect(first.statusCode).toBe(200);
    // Goch's first report is a draft: the public learns nothing of it.
    expect(
      (await web.app.inject({ url: "/goch-nummern/berichte/1" })).statusCode,
    ).toBe(404);
  });
});
