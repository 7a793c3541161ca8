/**
 * Bodies on the portal and in the API: the report page shows its meeting's agenda item,
 * paper reference, presenters and questions and answers with the body's public members;
 * a member not chosen to be public appears nowhere public. SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { getPublicBodies } from "../../src/app/open-data/public-records.js";
import { addMember } from "../../src/app/reports/body-members.js";
import { updateMeeting } from "../../src/app/reports/committees.js";
import { formatIsoDate } from "../../src/domain/calendar/calendar.js";
import { DIALECTS } from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";

describe.each(DIALECTS)("bodies in public on %s", (dialect) => {
  let web: WebTestApp;
  let reportId = 0;

  beforeAll(async () => {
    web = await openWebApp(dialect, { demo: "with-reports" });
    const municipalityId = (await getCatalogue(web.ctx, "kleve")).municipality
      .id;
    const admin = buildPrincipal(municipalityId, {
      role: "admin",
      orgUnitCodes: [],
    });
    const { meetings } = await getPublicBodies(web.ctx, "kleve");
    const meeting = meetings.find((each) => each.reportIds.length > 0)!;
    reportId = meeting.reportIds[0]!;
    await updateMeeting(web.ctx, admin, {
      municipality: "kleve",
      meetingId: meeting.id,
      expectedVersion: meeting.version,
      data: {
        committeeId: meeting.committeeId,
        day: formatIsoDate(meeting.day),
        title: meeting.title,
        oparlMeetingUrl: meeting.oparlMeetingUrl,
        oparlAgendaItemUrl: meeting.oparlAgendaItemUrl,
        oparlPaperUrl: meeting.oparlPaperUrl,
        agendaItemNumber: "5.1",
        agendaItemTitle: "Sachstand Digitalisierung",
        paperReference: "A 10/185/2022",
        presenters: [{ name: "Dana Beispiel", function: "CDO" }],
        minutes: [{ question: "Wann kommt die E-Akte?", answer: "2024." }],
      },
    });
    for (let index = 1; index <= 10; index += 1)
      await addMember(web.ctx, admin, {
        municipality: "kleve",
        bodyId: meeting.committeeId,
        data: {
          name: `${index % 2 === 0 ? "Offen" : "Geheim"} Mitglied ${index}`,
          group: "Bürgerschaft",
          ...(index % 2 === 0 ? { isPublic: true } : {}),
        },
      });
  });
  afterAll(async () => {
    await web?.close();
  });

  it("shows the meeting's agenda item, paper, presenters, questions and only public members on the report page", async () => {
    const response = await web.app.inject(`/kleve/berichte/${reportId}`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain("TOP 5.1: Sachstand Digitalisierung");
    expect(html).toContain("A 10/185/2022");
    expect(html).toContain("Dana Beispiel, CDO");
    expect(html).toContain("Wann kommt die E-Akte?");
    expect(html).toContain("Offen Mitglied 10");
    expect(html).not.toContain("Geheim Mitglied");
  });

  it("names only public members in the API, with the meeting's details", async () => {
    const bodies = await web.app.inject("/api/v1/municipalities/kleve/bodies");
    expect(bodies.statusCode).toBe(200);
    expect(bodies.body).not.toContain("Geheim Mitglied");
    const [body] = bodies.json().bodies;
    expect(body.members).toHaveLength(5);
    const meetings = await web.app.inject(
      "/api/v1/municipalities/kleve/meetings",
    );
    expect(meetings.body).not.toContain("Geheim Mitglied");
    const withAgenda = meetings
      .json()
      .meetings.find(
        (each: { agendaItem: unknown }) => each.agendaItem !== null,
      );
    expect(withAgenda).toMatchObject({
      agendaItem: { number: "5.1", title: "Sachstand Digitalisierung" },
      paperReference: "A 10/185/2022",
      presenters: [{ name: "Dana Beispiel", function: "CDO" }],
      minutes: [{ question: "Wann kommt die E-Akte?", answer: "2024." }],
    });
  });
});
