/**
 * The section editor of a draft report over HTTP, on both dialects: each kind of section
 * is added through its form, the order is changed with the plain move buttons (no
 * script), a section is removed only after its confirmation page, a survey whose shares
 * do not add up is refused with a German message and nothing changed, and a form opened
 * on an older version of the report is told that someone else changed it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { createMeeting } from "../../src/app/reports/committees.js";
import { createReport } from "../../src/app/reports/manage-reports.js";
import { getReportSectionsForEditing } from "../../src/app/reports/report-sections.js";
import type { UserPrincipal } from "../../src/domain/access/principal.js";
import { createTestUser, postForm, signIn } from "../support/accounts.js";
import { WEB_DIALECTS } from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import {
  elementById,
  openWebApp,
  textOf,
  type WebTestApp,
} from "./support/web-app.js";

const V = "/kleve/verwaltung";

describe.each(WEB_DIALECTS)(
  "the section editor of a report on %s",
  (dialect) => {
    let web: WebTestApp;
    let admin: string;
    let editor: string;
    let principal: UserPrincipal;
    let meetingId: number;
    let reportId: number;
    let base: string;

    async function get(url: string, cookie = admin) {
      return web.app.inject({ url, headers: { cookie } });
    }
    async function stored() {
      return getReportSectionsForEditing(web.ctx, principal, "kleve", reportId);
    }
    async function version(): Promise<string> {
      return String((await stored()).report.report.version);
    }
    async function kindsInOrder(): Promise<string[]> {
      return (await stored()).sections.map(
        (section) => `${section.kind}:${section.heading}`,
      );
    }
    async function add(fields: Record<string, string | readonly string[]>) {
      return postForm(web.app, admin, `${base}/abschnitte`, {
        version: await version(),
        ...fields,
      });
    }

    beforeAll(async () => {
      web = await openWebApp(dialect, { demo: "with-reports" });
      admin = await signIn(
        web.app,
        await createTestUser(web.ctx, { role: "admin" }),
      );
      editor = await signIn(
        web.app,
        await createTestUser(web.ctx, {
          role: "editor",
          orgUnitCodes: ["10.1"],
        }),
      );
      principal = buildPrincipal(
        (await getCatalogue(web.ctx, "kleve")).municipality.id,
        { role: "admin", orgUnitCodes: [] },
      );
      meetingId = (
        await createMeeting(web.ctx, principal, {
          municipality: "kleve",
          data: {
            committeeId: 1,
            day: "2023-05-16",
            title: null,
            oparlMeetingUrl: null,
            oparlAgendaItemUrl: null,
            oparlPaperUrl: null,
          },
        })
      ).id;
    });
    beforeEach(async () => {
      const created = await createReport(web.ctx, principal, {
        municipality: "kleve",
        data: { meetingId, asOf: "2023-04-30" },
      });
      reportId = created.id;
      base = `${V}/berichte/${created.number}`;
    });
    afterAll(async () => {
      await web?.close();
    });

    it("links the section editor from the report and offers every kind", async () => {
      const report = await get(base);
      expect(report.statusCode).toBe(200);
      expect(report.body).toContain(`href="${base}/abschnitte"`);
      const list = await get(`${base}/abschnitte`);
      expect(list.statusCode).toBe(200);
      expect(textOf(list.body)).toContain(
        "Der Bericht hat noch keine freien Abschnitte",
      );
      const select = elementById(list.body, "abschnitt-art-art");
      for (const kind of ["einleitung", "thema", "umfrage", "ausblick"])
        expect(select).toContain(`value="${kind}"`);
      for (const kind of ["einleitung", "thema", "umfrage", "ausblick"]) {
        const form = await get(`${base}/abschnitte/neu?art=${kind}`);
        expect(form.statusCode, kind).toBe(200);
        expect(elementById(form.body, "abschnitt-neu")).toContain("novalidate");
      }
      const english = await get(`${base}/abschnitte?lang=en`);
      expect(english.statusCode).toBe(200);
      expect(textOf(english.body)).toContain("Sections and order");
      expect(elementById(english.body, "abschnitt-art")).toContain(
        '<input type="hidden" name="lang" value="en"',
      );
      expect((await get(`${base}/abschnitte/neu?art=quatsch`)).statusCode).toBe(
        404,
      );
      expect((await get(`${base}/abschnitte`, editor)).statusCode).toBe(403);
    });

    it("adds a section of each kind through its form", async () => {
      expect(
        (await add({ art: "einleitung", text: "Willkommen zum Bericht." }))
          .statusCode,
      ).toBe(303);
      const topic = await add({
        art: "thema",
        ueberschrift: "E-Akte",
        text: "Die E-Akte kommt.",
        projekte: ["e-rechnungsworkflow"],
      });
      expect(topic.statusCode).toBe(303);
      expect(topic.headers.location).toMatch(
        new RegExp(
          `^${base}/abschnitte\\?gespeichert=abschnitt-angelegt#abschnitt-\\d+$`,
        ),
      );
      expect(
        (
          await add({
            art: "umfrage",
            ueberschrift: "Umfrage Mobiles Arbeiten",
            frage: "Wie zufrieden sind Sie?",
            einheit: "prozent",
            antworten: "Sehr zufrieden; 66,7\nZufrieden; 33,3",
          })
        ).statusCode,
      ).toBe(303);
      expect(
        (await add({ art: "ausblick", text: "Im nächsten Jahr folgt mehr." }))
          .statusCode,
      ).toBe(303);
      expect(await kindsInOrder()).toEqual([
        "introduction:",
        "projects:",
        "topic:E-Akte",
        "survey:Umfrage Mobiles Arbeiten",
        "outlook:",
      ]);
      const survey = (await stored()).sections.find(
        (section) => section.kind === "survey",
      )!;
      expect(survey.unit).toBe("percent");
      expect(survey.answers).toEqual([
        { label: "Sehr zufrieden", value: 66.7 },
        { label: "Zufrieden", value: 33.3 },
      ]);
      const list = await get(
        `${base}/abschnitte?gespeichert=abschnitt-angelegt`,
      );
      expect(textOf(list.body)).toContain("Der Abschnitt wurde angelegt.");
      // The edit form shows the answers as they were typed, and saves a change.
      const edit = await get(`${base}/abschnitte/${survey.id}`);
      expect(edit.statusCode).toBe(200);
      expect(edit.body).toContain("Sehr zufrieden; 66,7");
      const saved = await postForm(
        web.app,
        admin,
        `${base}/abschnitte/${survey.id}`,
        {
          version: await version(),
          ueberschrift: "Umfrage 2023",
          frage: "Wie zufrieden sind Sie?",
          einheit: "anzahl",
          antworten: "Ja; 12\nNein; 3",
        },
      );
      expect(saved.statusCode).toBe(303);
      expect(
        (await stored()).sections.find((section) => section.id === survey.id),
      ).toMatchObject({
        heading: "Umfrage 2023",
        unit: "count",
        answers: [
          { label: "Ja", value: 12 },
          { label: "Nein", value: 3 },
        ],
      });
      // A second introduction is refused in German.
      const second = await add({ art: "einleitung", text: "Noch eine." });
      expect(second.statusCode).toBe(400);
      expect(textOf(second.body)).toContain(
        "Der Bericht hat schon eine Einleitung.",
      );
    });

    it("reorders sections with plain buttons, without any script", async () => {
      await add({ art: "einleitung", text: "Einleitung." });
      await add({ art: "ausblick", text: "Ausblick." });
      const sections = (await stored()).sections;
      const outlook = sections.find((section) => section.kind === "outlook")!;
      const list = await get(`${base}/abschnitte`);
      // A plain form with a button: it works without script.
      const form = elementById(list.body, `abschnitt-${outlook.id}-hoch`);
      expect(form).toContain('method="post"');
      expect(form).toContain(
        `action="${base}/abschnitte/${outlook.id}/verschieben"`,
      );
      expect(list.body).not.toContain(`id="abschnitt-${outlook.id}-runter"`);
      for (let step = 0; step < 2; step += 1) {
        const moved = await postForm(
          web.app,
          admin,
          `${base}/abschnitte/${outlook.id}/verschieben`,
          { version: await version(), richtung: "hoch" },
        );
        expect(moved.statusCode).toBe(303);
        expect(moved.headers.location).toBe(
          `${base}/abschnitte?gespeichert=abschnitt-verschoben#abschnitt-${outlook.id}`,
        );
      }
      expect(await kindsInOrder()).toEqual([
        "outlook:",
        "introduction:",
        "projects:",
      ]);
      const after = await get(
        `${base}/abschnitte?gespeichert=abschnitt-verschoben`,
      );
      expect(textOf(after.body)).toContain("Die Reihenfolge wurde geändert.");
      const rows = textOf(elementById(after.body, "abschnitte"));
      expect(rows.indexOf("Ausblick")).toBeLessThan(rows.indexOf("Einleitung"));
    });

    it("removes a section only after its confirmation page", async () => {
      await add({ art: "ausblick", text: "Wird entfernt." });
      const outlook = (await stored()).sections.find(
        (section) => section.kind === "outlook",
      )!;
      const list = await get(`${base}/abschnitte`);
      // The list links to a confirmation page; it does not remove anything itself.
      expect(list.body).toContain(
        `href="${base}/abschnitte/${outlook.id}/entfernen"`,
      );
      const confirm = await get(`${base}/abschnitte/${outlook.id}/entfernen`);
      expect(confirm.statusCode).toBe(200);
      expect(textOf(confirm.body)).toContain("Abschnitt „Ausblick“ entfernen?");
      expect(textOf(confirm.body)).toContain("Ja, Abschnitt entfernen");
      expect(confirm.body).toContain(`href="${base}/abschnitte"`);
      expect((await stored()).sections.some((s) => s.id === outlook.id)).toBe(
        true,
      );
      const removed = await postForm(
        web.app,
        admin,
        `${base}/abschnitte/${outlook.id}/entfernen`,
        { version: await version() },
      );
      expect(removed.statusCode).toBe(303);
      expect(removed.headers.location).toBe(
        `${base}/abschnitte?gespeichert=abschnitt-entfernt#abschnitte`,
      );
      expect(await kindsInOrder()).toEqual(["projects:"]);
      // The projects block has neither an edit nor a remove page.
      const projects = (await stored()).sections[0]!;
      expect(
        (await get(`${base}/abschnitte/${projects.id}/entfernen`)).statusCode,
      ).toBe(404);
    });

    it("refuses a survey whose shares do not add up, keeps the input and changes nothing", async () => {
      const before = await version();
      const refused = await add({
        art: "umfrage",
        ueberschrift: "Umfrage",
        frage: "Wie zufrieden sind Sie?",
        einheit: "prozent",
        antworten: "Ja; 60\nNein; 30",
      });
      expect(refused.statusCode).toBe(400);
      const summary = textOf(elementById(refused.body, "fehler-titel"));
      expect(summary).toBeTruthy();
      expect(textOf(refused.body)).toContain(
        "Die Prozentwerte ergeben zusammen 90 %, nicht 100 %.",
      );
      expect(refused.body).toContain('href="#abschnitt-neu-antworten"');
      expect(refused.body).toContain("Ja; 60\nNein; 30");
      expect(refused.body).toContain('value="Wie zufrieden sind Sie?"');
      const unreadable = await add({
        art: "umfrage",
        frage: "Wie zufrieden sind Sie?",
        antworten: "Ja 60\nNein; 40",
      });
      expect(unreadable.statusCode).toBe(400);
      expect(textOf(unreadable.body)).toContain(
        "Zeile 1: Bitte „Antwort; Wert“ angeben",
      );
      expect(await version()).toBe(before);
      expect(await kindsInOrder()).toEqual([]);
    });

    it("tells the second editor that the report changed meanwhile, and changes nothing", async () => {
      await add({ art: "einleitung", text: "Erste Fassung." });
      const introduction = (await stored()).sections.find(
        (section) => section.kind === "introduction",
      )!;
      const opened = await version();
      // Someone else moves a section first.
      expect(
        (
          await postForm(
            web.app,
            admin,
            `${base}/abschnitte/${introduction.id}/verschieben`,
            { version: opened, richtung: "runter" },
          )
        ).statusCode,
      ).toBe(303);
      const stale = await postForm(
        web.app,
        admin,
        `${base}/abschnitte/${introduction.id}`,
        { version: opened, text: "Zweite Fassung." },
      );
      expect(stale.statusCode).toBe(409);
      expect(textOf(stale.body)).toContain("Zweite Fassung.");
      expect(textOf(stale.body)).toContain(
        "Jemand anderes hat inzwischen gespeichert",
      );
      const staleMove = await postForm(
        web.app,
        admin,
        `${base}/abschnitte/${introduction.id}/verschieben`,
        { version: opened, richtung: "hoch" },
      );
      expect(staleMove.statusCode).toBe(409);
      const staleRemove = await postForm(
        web.app,
        admin,
        `${base}/abschnitte/${introduction.id}/entfernen`,
        { version: opened },
      );
      expect(staleRemove.statusCode).toBe(409);
      expect(
        (await stored()).sections.find((s) => s.id === introduction.id)?.text,
      ).toBe("Erste Fassung.");
      expect(await kindsInOrder()).toEqual(["projects:", "introduction:"]);
    });
  },
);
