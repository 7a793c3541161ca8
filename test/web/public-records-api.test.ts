/**
 * The public record in the API: bodies and meetings, published reports, key figures, the
 * OZG register as of a date and its figures, and the draft's changes for staff. Runs on
 * SQLite and PostgreSQL with the Kleve demo and its two published reports.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { createReport } from "../../src/app/reports/manage-reports.js";
import { createMeeting } from "../../src/app/reports/committees.js";
import { saveReportEntry } from "../../src/app/reports/report-entries.js";
import { DIALECTS } from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import { createApiWriter, type ApiWriter } from "./support/api-writers.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";

const API = "/api/v1/municipalities/kleve";
const DRAFT_MARKER = "Entwurfstext, der nie öffentlich wird";

describe.each(DIALECTS)("the public record in the API on %s", (dialect) => {
  let web: WebTestApp;
  let admin: ApiWriter;
  let committee: ApiWriter;

  beforeAll(async () => {
    web = await openWebApp(dialect, { demo: "with-reports" });
    admin = await createApiWriter(web.ctx, { role: "admin" });
    committee = await createApiWriter(web.ctx, { role: "committee" });
    const municipalityId = (await getCatalogue(web.ctx, "kleve")).municipality
      .id;
    const principal = buildPrincipal(municipalityId, {
      role: "admin",
      orgUnitCodes: [],
    });
    const { id: meetingId } = await createMeeting(web.ctx, principal, {
      municipality: "kleve",
      data: {
        committeeId: 1,
        day: "2023-03-14",
        title: null,
        oparlMeetingUrl: null,
        oparlAgendaItemUrl: null,
        oparlPaperUrl: null,
      },
    });
    const draft = await createReport(web.ctx, principal, {
      municipality: "kleve",
      data: { meetingId, asOf: "2023-02-28" },
    });
    await saveReportEntry(web.ctx, principal, {
      municipality: "kleve",
      reportId: draft.id,
      project: "e-rechnungsworkflow",
      expectedVersion: 0,
      data: {
        status: "delayed",
        text: DRAFT_MARKER,
        highlights: [],
        newDate: null,
        isIncluded: true,
      },
    });
  });
  afterAll(async () => {
    await web?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    web.app.inject({ url, headers });

  it("lists the committees and their meetings with the reports made for them", async () => {
    const bodies = await get(`${API}/bodies`);
    expect(bodies.statusCode).toBe(200);
    expect(bodies.json().bodies).toEqual([
      {
        id: expect.any(Number),
        name: "Ausschuss für Personal und Digitalisierung",
        abbreviation: "APD",
        kind: "committee",
        kindLabel: "Ausschuss",
        members: [],
      },
    ]);
    const meetings = (await get(`${API}/meetings`)).json();
    expect(meetings.page).toEqual({ total: 3, limit: 100, offset: 0 });
    expect(
      meetings.meetings.map((meeting: { date: string }) => meeting.date),
    ).toEqual(["2022-08-23", "2022-11-29", "2023-03-14"]);
    expect(meetings.meetings[1].reports).toHaveLength(1);
    expect(meetings.meetings[2].reports).toEqual([]);
  });

  it("pages a growing list with Link headers", async () => {
    const first = await get(`${API}/meetings?limit=2`);
    expect(first.json().meetings).toHaveLength(2);
    expect(first.headers.link).toBe(
      `<${API}/meetings?limit=2&offset=0>; rel="first", <${API}/meetings?limit=2&offset=2>; rel="next", <${API}/meetings?limit=2&offset=2>; rel="last"`,
    );
    const second = await get(`${API}/meetings?limit=2&offset=2`);
    expect(second.json().meetings).toHaveLength(1);
    expect(second.headers.link).toContain('rel="prev"');
    expect(second.headers.link).not.toContain('rel="next"');
    expect(first.headers["access-control-expose-headers"]).toContain("Link");
  });

  it("lists the published reports, newest first, never a draft", async () => {
    const response = await get(`${API}/reports`);
    expect(response.statusCode).toBe(200);
    const reports = response.json().reports;
    expect(reports.map((report: { stand: string }) => report.stand)).toEqual([
      "2022-11-28",
      "2022-08-23",
    ]);
    expect(response.body).not.toContain(DRAFT_MARKER);
  });

  it("gives a published report with sections, entries, figures with their Stand and computed changes", async () => {
    const byDate = await get(`${API}/reports/2022-11-29`);
    expect(byDate.statusCode).toBe(200);
    const report = byDate.json();
    expect(report.report.stand).toBe("2022-11-28");
    expect(report.previous).toEqual(
      expect.objectContaining({ stand: "2022-08-23" }),
    );
    const entries = report.sections.flatMap(
      (section: { entries: unknown[] }) => section.entries,
    );
    const office = entries.find(
      (entry: { project: { slug: string } }) =>
        entry.project.slug === "mobile-office",
    );
    expect(office.status).toBe("on-track");
    expect(office.figures[0]).toEqual(
      expect.objectContaining({
        stand: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        change: expect.any(Object),
      }),
    );
    expect(
      entries.some((entry: { changes: unknown[] }) => entry.changes.length > 0),
    ).toBe(true);
    expect(report.ozg.figures.stand).toBe("2022-11-28");
    expect(JSON.stringify(report)).not.toContain("Demo-Daten (rekonstruiert)");
  });

  it("answers a draft's id like an unknown report", async () => {
    const drafts = (await get(`${API}/reports`))
      .json()
      .reports.map((report: { id: number }) => report.id);
    const draftId = Math.max(...drafts) + 1;
    const response = await get(`${API}/reports/${draftId}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("ERR_REPORT_NOT_FOUND");
  });

  it("gives every key figure with its definition and all dated values", async () => {
    const list = (await get(`${API}/indicators`)).json();
    expect(list.indicators.length).toBeGreaterThan(2);
    const office = list.indicators.find(
      (each: { definition: { key: string } }) =>
        each.definition.key === "mobile-office",
    );
    expect(office.definition).toEqual(
      expect.objectContaining({
        name: expect.any(String),
        definition: expect.any(String),
        source: expect.any(String),
      }),
    );
    expect(office.values.length).toBeGreaterThan(1);
    expect(office.stand).toBe(office.values.at(-1).date);
    const one = await get(`${API}/indicators/mobile-office`);
    expect(one.json()).toEqual(office);
    expect(
      (await get(`${API}/indicators/gibt-es-nicht`)).json().error.code,
    ).toBe("ERR_INDICATOR_NOT_FOUND");
  });

  it("gives the OZG register and its figures as of a date", async () => {
    const register = (await get(`${API}/ozg/services?stand=2022-11-28`)).json();
    expect(register.stand).toBe("2022-11-28");
    expect(register.services.length).toBeGreaterThan(10);
    expect(register.services[0].leikaKey).toMatch(/^\d{14}$/);
    const figures = (await get(`${API}/ozg/figures?stand=2022-11-28`)).json();
    const report = (await get(`${API}/reports/2022-11-29`)).json();
    expect(figures).toEqual(report.ozg.figures);
    const before = (await get(`${API}/ozg/services?stand=1999-01-01`)).json();
    expect(before.services.length).toBeLessThanOrEqual(
      register.services.length,
    );
  });

  it.each(["2022-13-01", "2023-02-30", "28.11.2022", "heute"])(
    "refuses the malformed stand %s with ERR_STAND_INVALID",
    async (stand) => {
      for (const path of ["ozg/services", "ozg/figures"]) {
        const response = await get(
          `${API}/${path}?stand=${encodeURIComponent(stand)}`,
        );
        expect(response.statusCode).toBe(400);
        expect(response.json()).toEqual({
          error: expect.objectContaining({
            code: "ERR_STAND_INVALID",
            message: expect.any(String),
          }),
        });
        expect(response.headers["cache-control"]).toBe("no-store");
      }
    },
  );

  it.each([
    "bodies",
    "meetings",
    "reports",
    "reports/2022-11-29",
    "indicators",
    "indicators/mobile-office",
    "ozg/services",
    "ozg/figures",
  ])(
    "answers %s with an ETag and 304 for If-None-Match, open to every origin",
    async (path) => {
      const first = await get(`${API}/${path}`);
      expect(first.statusCode).toBe(200);
      expect(first.headers["access-control-allow-origin"]).toBe("*");
      const tag = first.headers.etag as string;
      expect(tag).toMatch(/^"\d+-/);
      const again = await get(`${API}/${path}`, { "if-none-match": tag });
      expect(again.statusCode).toBe(304);
    },
  );

  it("answers an unknown municipality with ERR_MUNICIPALITY_NOT_FOUND", async () => {
    const response = await get("/api/v1/municipalities/nirgendwo/reports");
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("ERR_MUNICIPALITY_NOT_FOUND");
  });

  describe("the draft's changes", () => {
    it("are for staff: anonymous 401, committee 403", async () => {
      expect((await get(`${API}/draft/changes`)).statusCode).toBe(401);
      expect(
        (await get(`${API}/draft/changes`, committee.headers())).statusCode,
      ).toBe(403);
    });

    it("compare the draft with the latest or a named edition, privately cached", async () => {
      const latest = await get(`${API}/draft/changes`, admin.headers());
      expect(latest.statusCode).toBe(200);
      expect(latest.json().from.number).toBe(2);
      expect(latest.json().draft.stand).toBe("2022-11-28");
      expect(latest.headers["cache-control"]).not.toContain("public");
      const sinceFirst = (
        await get(`${API}/draft/changes?since=1`, admin.headers())
      ).json();
      expect(sinceFirst.from.number).toBe(1);
      expect(sinceFirst.summary.changeCount).toBeGreaterThan(0);
      const again = await get(
        `${API}/draft/changes`,
        admin.headers({ "if-none-match": latest.headers.etag as string }),
      );
      expect(again.statusCode).toBe(304);
      expect(
        (await get(`${API}/draft/changes?since=99`, admin.headers())).json()
          .error.code,
      ).toBe("ERR_EDITION_NOT_FOUND");
    });
  });
});
