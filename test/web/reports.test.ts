/**
 * Every route of status reports, key figures and the OZG register over HTTP (inject), on
 * both dialects: the public pages and files, the staff pages (signed out, refused, shown,
 * not found) and every form (success, invalid input, refusal, stale version).
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { addMember } from "../../src/app/reports/body-members.js";
import { createMeeting } from "../../src/app/reports/committees.js";
import { createReport } from "../../src/app/reports/manage-reports.js";
import { createSmtpMailer } from "../../src/app/mail/mailer.js";
import { buildApp } from "../../src/web/build-app.js";
import {
  createTestUser,
  csrfTokenFor,
  postForm,
  signIn,
} from "../support/accounts.js";
import { WEB_DIALECTS, TEST_NOW } from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import { startSmtpSink } from "../support/smtp-sink.js";
import {
  elementById,
  openWebApp,
  textOf as rawTextOf,
  type WebTestApp,
} from "./support/web-app.js";

/** Text without tags; the space a closing tag leaves before punctuation is dropped. */
function textOf(html: string): string {
  return rawTextOf(html).replace(/ ([).,:;])/g, "$1");
}

const K = "/kleve";
const V = "/kleve/verwaltung";

/** A multipart body with the CSRF token, text fields and one file, as a browser sends it. */
function multipart(
  fields: Readonly<Record<string, string>>,
  file: { name: string; fileName: string; type: string; data: Buffer } | null,
) {
  const boundary = "----fortschritt-test-grenze";
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  if (file !== null) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.fileName}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
    );
    parts.push(file.data, Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe.each(WEB_DIALECTS)("reporting over HTTP on %s", (dialect) => {
  let web: WebTestApp;
  let admin: string;
  let editor: string;
  let otherEditor: string;
  let committee: string;
  let draftId: number;

  async function get(
    url: string,
    cookie?: string,
    headers: Record<string, string> = {},
  ) {
    return web.app.inject({
      url,
      headers: { ...headers, ...(cookie === undefined ? {} : { cookie }) },
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
      await createTestUser(web.ctx, { role: "editor", orgUnitCodes: ["10.1"] }),
    );
    otherEditor = await signIn(
      web.app,
      await createTestUser(web.ctx, { role: "editor", orgUnitCodes: ["61"] }),
    );
    committee = await signIn(
      web.app,
      await createTestUser(web.ctx, { role: "committee" }),
    );
    const municipalityId = (await getCatalogue(web.ctx, "kleve")).municipality
      .id;
    const principal = buildPrincipal(municipalityId, {
      role: "admin",
      orgUnitCodes: [],
    });
    const meetingId = (
      await createMeeting(web.ctx, principal, {
        municipality: "kleve",
        data: {
          committeeId: 1,
          day: "2023-03-14",
          title: null,
          oparlMeetingUrl: null,
          oparlAgendaItemUrl: null,
          oparlPaperUrl: null,
        },
      })
    ).id;
    draftId = (
      await createReport(web.ctx, principal, {
        municipality: "kleve",
        data: { meetingId, asOf: "2023-02-28" },
      })
    ).id;
  });
  afterAll(async () => {
    await web?.close();
  });

  describe("the public pages", () => {
    it("list the published reports, never a draft", async () => {
      const response = await get(`${K}/berichte`);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain("APD 29.11.2022");
      expect(response.body).toContain("APD 23.08.2022");
      expect(response.body).not.toContain(`/kleve/berichte/${draftId}`);
    });

    it("show a report by its meeting's date with every figure, its definition and its as-of date", async () => {
      const response = await get(`${K}/berichte/2022-11-29`);
      expect(response.statusCode).toBe(200);
      const text = textOf(response.body);
      expect(text).toContain("133 Mitarbeitende (Stand: 28.11.2022)");
      expect(text).toContain(
        "144 von 572 (25,2 %) Mitarbeitende (Stand: 28.11.2022)",
      );
      expect(text).toContain("1.420 Abonnenten (Stand: 22.11.2022)");
      expect(text).toContain(
        "Was gezählt wird Mitarbeitende mit Vereinbarung über regelmäßiges Mobile Office",
      );
      const ozg = textOf(elementById(response.body, "ozg-kennzahlen"));
      expect(ozg).toContain(
        "Stand 23.08.2022 Stand 28.11.2022 Für die Kommune definierte OZG-Leistungen 107 107 davon nicht zuständig (andere Behörde) 16 16 davon umgesetzt (Front-End online) 20 44",
      );
      expect(ozg).toContain("Online-Anträge insgesamt 48 86");
      expect(response.body).toMatch(/<svg class="app-chart"[^>]*role="img"/);
    });

    it("answer a repeated request with 304 from the entity tag", async () => {
      const first = await get(`${K}/berichte/2`);
      const second = await get(`${K}/berichte/2`, undefined, {
        "if-none-match": String(first.headers.etag),
      });
      expect(second.statusCode).toBe(304);
    });

    it.each([
      "/kleve/berichte/999",
      "/kleve/berichte/abc",
      "/kleve/berichte/2021-01-01",
      "/gibt-es-nicht/berichte",
      "/kleve/berichte/999/folien.pptx",
    ])("answer %s with 404", async (url) => {
      expect((await get(url)).statusCode).toBe(404);
    });

    it("hide a draft from the public, also as a file", async () => {
      expect((await get(`${K}/berichte/${draftId}`)).statusCode).toBe(404);
      expect(
        (await get(`${K}/berichte/${draftId}/bericht.pdf`)).statusCode,
      ).toBe(404);
    });

    it("give the slide deck as a PPTX download", async () => {
      const response = await get(`${K}/berichte/2/folien.pptx`);
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      );
      expect(response.headers["content-disposition"]).toBe(
        'attachment; filename="sachstandsbericht-apd-2022-11-29.pptx"',
      );
      const zip = await JSZip.loadAsync(response.rawPayload);
      expect(
        await zip.file("ppt/slides/slide1.xml")?.async("string"),
      ).toContain("Stand: 28.11.2022");
    });

    it("give the report as a PDF", async () => {
      const response = await get(`${K}/berichte/2/bericht.pdf`);
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe("application/pdf");
      expect(response.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    });

    it("show all key figures, and a project's figures on its page", async () => {
      const figures = textOf((await get(`${K}/kennzahlen`)).body);
      expect(figures).toContain("1.832 Aktivitäten (Stand: 28.11.2022)");
      expect(figures).toContain("Quelle Auswertung der Beteiligungsplattform");
      const project = await get(`${K}/projekte/mobile-office`);
      expect(textOf(project.body)).toContain(
        "144 von 572 (25,2 %) Mitarbeitende (Stand: 28.11.2022)",
      );
    });
  });

  describe("the staff pages", () => {
    const pages = () => [
      `${V}/berichte`,
      `${V}/berichte/${draftId}`,
      `${V}/kennzahlen`,
      `${V}/kennzahlen/mobile-office`,
      `${V}/ozg`,
      `${V}/ozg/99990000000001`,
    ];

    it("send a signed-out visitor to the sign-in page and back", async () => {
      for (const url of [
        ...pages(),
        `${V}/gremien`,
        `${V}/berichte/${draftId}/vorschau`,
      ]) {
        const response = await get(url);
        expect(response.statusCode, url).toBe(303);
        expect(response.headers.location).toBe(
          `/anmelden?next=${encodeURIComponent(url)}`,
        );
      }
    });

    it("refuse committee members the editor's pages, but show them the draft's preview and files", async () => {
      for (const url of pages())
        expect((await get(url, committee)).statusCode, url).toBe(403);
      expect(
        (await get(`${V}/berichte/${draftId}/vorschau`, committee)).statusCode,
      ).toBe(200);
      expect(
        (await get(`${V}/berichte/${draftId}/folien.pptx`, committee))
          .statusCode,
      ).toBe(200);
    });

    it("show every page to administrators, uncached, with one h1", async () => {
      for (const url of [
        ...pages(),
        `${V}/gremien`,
        `${V}/berichte/${draftId}/vorschau`,
      ]) {
        const response = await get(url, admin);
        expect(response.statusCode, url).toBe(200);
        expect(response.headers["cache-control"]).toBe("no-store");
        expect(response.body.match(/<h1[\s>]/g), url).toHaveLength(1);
      }
    });

    it("keep committees and meetings for administrators", async () => {
      expect((await get(`${V}/gremien`, editor)).statusCode).toBe(403);
    });

    it.each([
      "/berichte/999",
      "/berichte/abc",
      "/kennzahlen/gibt-es-nicht",
      "/ozg/12345678901234",
      "/berichte/999/vorschau",
    ])("answer %s with 404", async (path) => {
      expect((await get(`${V}${path}`, admin)).statusCode).toBe(404);
    });

    it("show each editor “Ihre Projekte für den Bericht am …” on the start page, with what is missing", async () => {
      const body = textOf((await get(`${V}/`, editor)).body);
      expect(body).toContain(
        "Ihre Projekte für den Bericht am 14.03.2023 (APD)",
      );
      expect(body).toContain("2.5 E-Rechnungsworkflow noch kein Eintrag");
    });

    it("export the register as CSV and XLSX for staff only", async () => {
      const csv = await get(`${V}/ozg/ozg-leistungen.csv`, editor);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect(csv.body.split("\n")[0]).toBe(
        "\uFEFFLeiKa-Schlüssel;Name;Themenfeld;Zuständig vor Ort;Zugangsweg;Front-End online;Back-End angebunden;E-Payment;eID;Online-Anträge;Reifegradmodell;Reifegrad;Status;URL;Gültig ab;Gültig bis;Art",
      );
      const xlsx = await get(`${V}/ozg/ozg-leistungen.xlsx`, editor);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
      expect(
        (await get(`${V}/ozg/ozg-leistungen.csv`, committee)).statusCode,
      ).toBe(403);
      expect((await get(`${V}/ozg/ozg-leistungen.csv`)).statusCode).toBe(303);
    });

    it("show the register's figures as of a chosen day", async () => {
      const table = textOf(
        elementById(
          (await get(`${V}/ozg?stand=23.08.2022`, admin)).body,
          "ozg-kennzahlen",
        ),
      );
      expect(table).toContain("davon umgesetzt (Front-End online) 20");
    });
  });

  describe("the forms", () => {
    it("change nothing for a signed-out POST", async () => {
      for (const url of [
        `${V}/gremien`,
        `${V}/berichte`,
        `${V}/berichte/${draftId}/projekte/e-rechnungsworkflow`,
        `${V}/kennzahlen`,
        `${V}/ozg`,
      ]) {
        const response = await web.app.inject({
          method: "POST",
          url,
          payload: { name: "x" },
        });
        expect(response.statusCode, url).toBe(303);
        expect(response.headers.location).toBe("/anmelden");
      }
    });

    it("create a committee, refuse an empty name, and refuse editors", async () => {
      const ok = await postForm(web.app, admin, `${V}/gremien`, {
        name: "Haupt- und Finanzausschuss",
        kuerzel: "HFA",
      });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe(
        "/kleve/verwaltung/gremien?gespeichert=gremium",
      );
      const invalid = await postForm(web.app, admin, `${V}/gremien`, {
        name: "",
        kuerzel: "X",
      });
      expect(invalid.statusCode).toBe(400);
      expect(elementById(invalid.body, "fehler-titel")).toBeTruthy();
      expect(textOf(invalid.body)).toContain("Name darf nicht leer sein");
      expect(
        (
          await postForm(web.app, editor, `${V}/gremien`, {
            name: "X",
            kuerzel: "X",
          })
        ).statusCode,
      ).toBe(403);
    });

    it("answer a stale committee form with 409 and what changed", async () => {
      expect(
        (
          await postForm(web.app, admin, `${V}/gremien/1`, {
            version: "1",
            name: "Ausschuss APD",
            kuerzel: "APD",
            grund: "Kürzer",
          })
        ).statusCode,
      ).toBe(303);
      const stale = await postForm(web.app, admin, `${V}/gremien/1`, {
        version: "1",
        name: "Anders",
        kuerzel: "APD",
      });
      expect(stale.statusCode).toBe(409);
      expect(textOf(stale.body)).toContain("Kürzer");
      expect(
        (
          await postForm(web.app, admin, `${V}/gremien/abc`, {
            version: "1",
            name: "X",
            kuerzel: "X",
          })
        ).statusCode,
      ).toBe(404);
    });

    it("create and change meetings, and say how to write a date", async () => {
      const invalid = await postForm(web.app, admin, `${V}/sitzungen`, {
        gremium: "1",
        datum: "morgen",
      });
      expect(invalid.statusCode).toBe(400);
      expect(textOf(invalid.body)).toContain(
        "Bitte ein Datum wie 28.11.2022 eingeben.",
      );
      const ok = await postForm(web.app, admin, `${V}/sitzungen`, {
        gremium: "1",
        datum: "20.06.2023",
        "oparl-sitzung": "https://ratsinfo.kleve.de/oparl/meeting/7",
      });
      expect(ok.statusCode).toBe(303);
      const changed = await postForm(web.app, admin, `${V}/sitzungen/1`, {
        version: "1",
        gremium: "1",
        datum: "23.08.2022",
        titel: "TOP 5",
      });
      expect(changed.statusCode).toBe(303);
      expect(
        (
          await postForm(web.app, editor, `${V}/sitzungen/1`, {
            version: "2",
            gremium: "1",
            datum: "23.08.2022",
          })
        ).statusCode,
      ).toBe(403);
    });

    it("remove a meeting or a member only after a confirmation page", async () => {
      const municipalityId = (await getCatalogue(web.ctx, "kleve")).municipality
        .id;
      const principal = buildPrincipal(municipalityId, {
        role: "admin",
        orgUnitCodes: [],
      });
      const meetingId = (
        await createMeeting(web.ctx, principal, {
          municipality: "kleve",
          data: {
            committeeId: 1,
            day: "2021-02-03",
            title: null,
            oparlMeetingUrl: null,
            oparlAgendaItemUrl: null,
            oparlPaperUrl: null,
          },
        })
      ).id;
      const meetingPath = `${V}/sitzungen/${meetingId}/entfernen`;
      // The list links to the confirmation; it has no form that removes at once.
      const list = await get(`${V}/gremien`, admin);
      expect(list.body).toContain(`href="${meetingPath}"`);
      expect(list.body).not.toContain(`action="${meetingPath}"`);
      const confirm = await get(meetingPath, admin);
      expect(confirm.statusCode).toBe(200);
      expect(textOf(confirm.body)).toContain(
        "Sitzung „APD 03.02.2021“ entfernen?",
      );
      expect(textOf(confirm.body)).toContain("Ja, Sitzung entfernen");
      expect(confirm.body).toContain(`action="${meetingPath}"`);
      expect(confirm.body).toContain("novalidate");
      expect(confirm.body).toContain(`href="${V}/gremien"`);
      expect((await get(meetingPath, editor)).statusCode).toBe(403);
      // A stale version: the confirmation again, with what happened; nothing removed.
      const stale = await postForm(web.app, admin, meetingPath, {
        version: "9",
      });
      expect(stale.statusCode).toBe(409);
      expect(textOf(stale.body)).toContain("Ja, Sitzung entfernen");
      expect(textOf((await get(`${V}/gremien`, admin)).body)).toContain(
        "APD 03.02.2021",
      );
      const removed = await postForm(web.app, admin, meetingPath, {
        version: "1",
      });
      expect(removed.statusCode).toBe(303);
      expect(removed.headers.location).toBe(
        `${V}/gremien?gespeichert=sitzung-entfernt`,
      );
      expect((await get(meetingPath, admin)).statusCode).toBe(404);

      const memberId = (
        await addMember(web.ctx, principal, {
          municipality: "kleve",
          bodyId: 1,
          data: { name: "Bestätigung Erforderlich", isPublic: false },
        })
      ).id;
      const members = `${V}/gremien/1/mitglieder`;
      const memberPath = `${members}/${memberId}/entfernen`;
      const memberList = await get(members, admin);
      expect(memberList.body).toContain(`href="${memberPath}"`);
      expect(memberList.body).not.toContain(`action="${memberPath}"`);
      const confirmMember = await get(memberPath, admin);
      expect(confirmMember.statusCode).toBe(200);
      expect(textOf(confirmMember.body)).toContain(
        "Mitglied „Bestätigung Erforderlich“ entfernen?",
      );
      expect(textOf(confirmMember.body)).toContain("Ja, Mitglied entfernen");
      expect(confirmMember.body).toContain(`href="${members}"`);
      expect(
        (await get(`${V}/gremien/2/mitglieder/${memberId}/entfernen`, admin))
          .statusCode,
      ).toBe(404);
      const removedMember = await postForm(web.app, admin, memberPath, {
        version: "1",
      });
      expect(removedMember.statusCode).toBe(303);
      expect(removedMember.headers.location).toBe(
        `${members}?gespeichert=mitglied-entfernt`,
      );
      expect(textOf((await get(members, admin)).body)).not.toContain(
        "Bestätigung Erforderlich",
      );
    });

    it("create a report for a meeting, and name a missing meeting", async () => {
      const invalid = await postForm(web.app, admin, `${V}/berichte`, {
        stand: "28.02.2023",
        sitzung: "",
      });
      expect(invalid.statusCode).toBe(400);
      expect(textOf(invalid.body)).toContain("Bitte eine Sitzung wählen.");
      const ok = await postForm(web.app, admin, `${V}/berichte`, {
        sitzung: "3",
        stand: "01.03.2023",
        vorheriger: "keiner",
        titel: "",
      });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toMatch(
        /^\/kleve\/verwaltung\/berichte\/\d+\?gespeichert=bericht-angelegt$/,
      );
      expect(
        (
          await postForm(web.app, editor, `${V}/berichte`, {
            sitzung: "3",
            stand: "01.03.2023",
          })
        ).statusCode,
      ).toBe(403);
    });

    it("save a project's entry for its editor, refuse other units and mistyped dates", async () => {
      const url = `${V}/berichte/${draftId}/projekte/e-rechnungsworkflow`;
      const fields = {
        version: "0",
        status: "delayed",
        text: "Die Einführung verschiebt sich.",
        hervorhebungen: "Schulungen laufen\nXSuite im Test",
        termin: "QIV/2023",
      };
      const invalid = await postForm(web.app, editor, url, {
        ...fields,
        termin: "irgendwann",
      });
      expect(invalid.statusCode).toBe(400);
      expect(textOf(invalid.body)).toContain("„irgendwann“ ist kein Zeitpunkt");
      expect(
        (await postForm(web.app, otherEditor, url, fields)).statusCode,
      ).toBe(403);
      const ok = await postForm(web.app, editor, url, fields);
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe(
        `/kleve/verwaltung/berichte/${draftId}?gespeichert=eintrag#projekt-e-rechnungsworkflow`,
      );
      const stale = await postForm(web.app, editor, url, {
        ...fields,
        text: "Veraltet",
      });
      expect(stale.statusCode).toBe(409);
      expect(textOf(stale.body)).toContain("Veraltet");
      const page = textOf((await get(`${V}/berichte/${draftId}`, editor)).body);
      expect(page).toContain("Die Einführung verschiebt sich.");
    });

    it("refuse a change to a published report", async () => {
      const response = await postForm(
        web.app,
        admin,
        `${V}/berichte/2/projekte/mobile-office`,
        { version: "1", status: "completed", text: "x" },
      );
      expect(response.statusCode).toBe(409);
      expect(textOf(response.body)).toContain(
        "Dieser Sachstandsbericht ist veröffentlicht und lässt sich nicht mehr ändern.",
      );
    });

    it("confirm “unverändert seit dem letzten Bericht” in one click", async () => {
      const response = await postForm(
        web.app,
        editor,
        `${V}/berichte/${draftId}/projekte/mobile-office/unveraendert`,
        { version: "0" },
      );
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(
        `/kleve/verwaltung/berichte/${draftId}?gespeichert=unveraendert#projekt-mobile-office`,
      );
      expect(
        (
          await postForm(
            web.app,
            otherEditor,
            `${V}/berichte/${draftId}/projekte/mobile-office/unveraendert`,
            { version: "1" },
          )
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await postForm(
            web.app,
            admin,
            `${V}/berichte/${draftId}/projekte/open-data/unveraendert`,
            { version: "0" },
          )
        ).statusCode,
      ).toBe(400);
    });

    it("change the settings, refuse a report without sections, then publish after confirmation", async () => {
      const settings = `${V}/berichte/${draftId}/einstellungen`;
      const base = {
        version: "1",
        titel: "Sachstandsbericht Digitalisierung",
        sitzung: "3",
        stand: "28.02.2023",
        vorheriger: "2",
        zeilen: "2",
        "ausblick-0-wann": "APD – QIII/2023",
        "ausblick-0-was": "Sachstandsbericht",
      };
      const none = await postForm(web.app, admin, settings, base);
      expect(none.statusCode).toBe(400);
      expect(textOf(none.body)).toContain(
        "Bitte mindestens ein Aktionsfeld wählen.",
      );
      expect(
        (
          await postForm(web.app, editor, settings, {
            ...base,
            abschnitt: "smart-working",
          })
        ).statusCode,
      ).toBe(403);
      const ok = await postForm(web.app, admin, settings, {
        ...base,
        abschnitt: ["smart-working"],
      });
      expect(ok.statusCode).toBe(303);
      const publish = `${V}/berichte/${draftId}/veroeffentlichen`;
      const unconfirmed = await postForm(web.app, admin, publish, {
        version: "2",
      });
      expect(unconfirmed.statusCode).toBe(400);
      const incomplete = await postForm(web.app, admin, publish, {
        version: "2",
        bestaetigung: "ja",
      });
      expect(incomplete.statusCode).toBe(400);
      expect(textOf(incomplete.body)).toContain("Es fehlt der Status");
      expect(
        (
          await postForm(web.app, editor, publish, {
            version: "2",
            bestaetigung: "ja",
          })
        ).statusCode,
      ).toBe(403);
    });

    it("leave a project out of the report, and keep it on the editing page to take it in again", async () => {
      const url = `${V}/berichte/${draftId}/projekte/digitales-prozessmanagement`;
      expect(
        (await postForm(web.app, admin, url, { version: "0", text: "" }))
          .statusCode,
      ).toBe(303);
      const page = await get(`${V}/berichte/${draftId}`, admin);
      expect(
        textOf(elementById(page.body, "projekt-digitales-prozessmanagement")),
      ).toContain("nicht im Bericht");
      expect(
        textOf((await get(`${V}/berichte/${draftId}/vorschau`, admin)).body),
      ).not.toContain("Digitales Prozessmanagement");
      expect(
        (
          await postForm(web.app, admin, url, {
            version: "1",
            text: "",
            anzeigen: "ja",
          })
        ).statusCode,
      ).toBe(303);
      expect(
        textOf((await get(`${V}/berichte/${draftId}/vorschau`, admin)).body),
      ).toContain("Digitales Prozessmanagement");
    });

    it("send reminders only with mail configured", async () => {
      const url = `${V}/berichte/${draftId}/erinnerungen`;
      const without = await postForm(web.app, admin, url, {});
      expect(without.statusCode).toBe(400);
      expect(textOf(without.body)).toContain("kein Mailserver eingerichtet");
      expect((await postForm(web.app, editor, url, {})).statusCode).toBe(403);
      const sink = await startSmtpSink();
      const withMail = await buildApp(web.ctx, {
        now: () => TEST_NOW,
        mail: {
          mailer: createSmtpMailer({
            url: sink.url,
            from: "fortschritt@kleve.example",
          }),
          publicBaseUrl: "https://fortschritt.kleve.example",
        },
      });
      try {
        await createTestUser(web.ctx, {
          role: "editor",
          orgUnitCodes: ["10.1"],
          email: `erinnerung-${dialect}@kleve.example`,
        });
        const cookie = await signIn(
          withMail,
          await createTestUser(web.ctx, { role: "admin" }),
        );
        const sent = await postForm(withMail, cookie, url, {});
        expect(sent.statusCode).toBe(303);
        expect(sent.headers.location).toBe(
          `/kleve/verwaltung/berichte/${draftId}?gespeichert=erinnerungen`,
        );
        expect(
          (await sink.waitForMail(`erinnerung-${dialect}@kleve.example`)).text,
        ).toContain("fehlen noch Angaben zu Ihren Projekten");
      } finally {
        await withMail.close();
        await sink.close();
      }
    });

    it("set the days for automatic reminders (administrators), refuse bad input with the form again and keep the rules", async () => {
      const url = `${V}/berichte/erinnerungsregeln`;
      expect(
        (await postForm(web.app, editor, url, { tage: "21" })).statusCode,
      ).toBe(403);
      const saved = await postForm(web.app, admin, url, { tage: "7, 21" });
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe(
        "/kleve/verwaltung/berichte?gespeichert=erinnerungsregeln#abschnitt-erinnerungsregeln",
      );
      const invalid = await postForm(web.app, admin, url, {
        tage: "21, morgen",
      });
      expect(invalid.statusCode).toBe(400);
      expect(textOf(invalid.body)).toContain("ist keine ganze Zahl von Tagen");
      const page = await get(`${V}/berichte`, admin);
      expect(elementById(page.body, "erinnerungsregeln")).toContain(
        'value="21, 7"',
      );
    });

    it("define key figures (administrators) and record values (the project's editors)", async () => {
      const definition = {
        schluessel: "rechnungen",
        name: "Rechnungen im Workflow",
        einheit: "Rechnungen",
        definition: "Digital freigegebene Rechnungen",
        quelle: "SAP",
        verantwortlich: "10.1",
        projekt: "e-rechnungsworkflow",
        art: "count",
        diagramm: "line",
      };
      const invalid = await postForm(web.app, admin, `${V}/kennzahlen`, {
        ...definition,
        definition: "",
      });
      expect(invalid.statusCode).toBe(400);
      expect(textOf(invalid.body)).toContain(
        "Was gezählt wird darf nicht leer sein",
      );
      expect(
        (await postForm(web.app, editor, `${V}/kennzahlen`, definition))
          .statusCode,
      ).toBe(403);
      const created = await postForm(
        web.app,
        admin,
        `${V}/kennzahlen`,
        definition,
      );
      expect(created.statusCode).toBe(303);
      expect(created.headers.location).toBe(
        "/kleve/verwaltung/kennzahlen/rechnungen?gespeichert=kennzahl",
      );
      const changed = await postForm(
        web.app,
        admin,
        `${V}/kennzahlen/rechnungen`,
        { ...definition, version: "1", quelle: "SAP XSuite" },
      );
      expect(changed.statusCode).toBe(303);
      const value = await postForm(
        web.app,
        editor,
        `${V}/kennzahlen/rechnungen/werte`,
        { version: "2", datum: "31.01.2023", wert: "1.250" },
      );
      expect(value.statusCode).toBe(303);
      expect(
        (
          await postForm(web.app, editor, `${V}/kennzahlen/rechnungen/werte`, {
            version: "3",
            datum: "gestern",
            wert: "1",
          })
        ).statusCode,
      ).toBe(400);
      expect(
        (
          await postForm(
            web.app,
            otherEditor,
            `${V}/kennzahlen/rechnungen/werte`,
            { version: "3", datum: "01.02.2023", wert: "1" },
          )
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await postForm(
            web.app,
            admin,
            `${V}/kennzahlen/gibt-es-nicht/werte`,
            { version: "1", datum: "01.02.2023", wert: "1" },
          )
        ).statusCode,
      ).toBe(404);
      const page = textOf(
        (await get(`${V}/kennzahlen/rechnungen`, editor)).body,
      );
      expect(page).toContain("1.250 Rechnungen");
      const id = /werte\/(\d+)\/loeschen/.exec(
        (await get(`${V}/kennzahlen/rechnungen`, editor)).body,
      )?.[1];
      expect(
        (
          await postForm(
            web.app,
            editor,
            `${V}/kennzahlen/rechnungen/werte/${id}/loeschen`,
            { version: "3" },
          )
        ).statusCode,
      ).toBe(303);
      expect(
        (
          await postForm(
            web.app,
            editor,
            `${V}/kennzahlen/rechnungen/werte/abc/loeschen`,
            { version: "4" },
          )
        ).statusCode,
      ).toBe(404);
    });

    it("add and change services of the register, naming a wrong LeiKa key at its field", async () => {
      const service = {
        name: "Sperrmüll anmelden",
        status: "planned",
        antraege: "0",
        "vor-ort": "ja",
      };
      const invalid = await postForm(web.app, admin, `${V}/ozg`, {
        ...service,
        leika: "12345",
      });
      expect(invalid.statusCode).toBe(400);
      expect(elementById(invalid.body, "leistung-neu-leika-fehler")).toContain(
        "14 Ziffern",
      );
      expect(
        (
          await postForm(web.app, editor, `${V}/ozg`, {
            ...service,
            leika: "99000000000777",
          })
        ).statusCode,
      ).toBe(403);
      const created = await postForm(web.app, admin, `${V}/ozg`, {
        ...service,
        leika: "99 000 000 000 777",
      });
      expect(created.statusCode).toBe(303);
      expect(created.headers.location).toBe(
        "/kleve/verwaltung/ozg/99000000000777?gespeichert=leistung",
      );
      const record =
        /name="eintrag" value="(\d+)"/.exec(
          (await get(`${V}/ozg/99000000000777`, admin)).body,
        )?.[1] ?? "";
      const online = {
        ...service,
        status: "online",
        "front-end": "ja",
        zugangsweg: "own-development",
        antraege: "1",
        url: "https://www.kleve.de/sperrmuell",
      };
      const noDate = await postForm(web.app, admin, `${V}/ozg/99000000000777`, {
        ...online,
        version: "1",
        eintrag: record,
        modus: "new-state",
        ab: "",
      });
      expect(noDate.statusCode).toBe(400);
      const ok = await postForm(web.app, admin, `${V}/ozg/99000000000777`, {
        ...online,
        version: "1",
        eintrag: record,
        modus: "new-state",
        ab: "01.03.2023",
      });
      expect(ok.statusCode).toBe(303);
      expect(
        (
          await postForm(web.app, admin, `${V}/ozg/99000000009999`, {
            ...online,
            version: "1",
            eintrag: record,
            modus: "correct",
          })
        ).statusCode,
      ).toBe(404);
    });

    it("import a register file, and name line and column of every problem without importing anything", async () => {
      const token = async (cookie: string) => csrfTokenFor(web.app, cookie);
      const send = async (
        cookie: string,
        file: Buffer | null,
        fileName = "ozg.csv",
      ) => {
        const body = multipart(
          {
            _csrf: await token(cookie),
            grund: "Abgleich",
            stichtag: "01.06.2031",
          },
          file === null
            ? null
            : { name: "datei", fileName, type: "text/csv", data: file },
        );
        return web.app.inject({
          method: "POST",
          url: `${V}/ozg/import`,
          headers: { cookie, "content-type": body.contentType },
          payload: body.payload,
        });
      };
      const exported = (await get(`${V}/ozg/ozg-leistungen.csv`, admin))
        .rawPayload;
      const broken = Buffer.from(
        exported
          .toString("utf8")
          .replace(
            ";online;https://www.kleve.de/serviceportal;",
            ";fertig;https://www.kleve.de/serviceportal;",
          ),
      );
      const refused = await send(admin, broken);
      expect(refused.statusCode).toBe(422);
      expect(textOf(refused.body)).toMatch(
        /Zeile 2, Spalte „Status“: Unbekannter Status „fertig“/,
      );
      expect((await send(admin, null)).statusCode).toBe(400);
      expect((await send(editor, exported)).statusCode).toBe(403);
      const ok = await send(admin, exported);
      expect(ok.statusCode).toBe(303);
      // The upload leads to its preview; nothing is imported before the confirmation.
      expect(ok.headers.location).toMatch(
        /^\/kleve\/verwaltung\/ozg\/import\/[\w-]+\?stichtag=2031-06-01$/,
      );
      expect(
        (await get(`${V}/ozg/ozg-leistungen.csv`, admin)).rawPayload.equals(
          exported,
        ),
      ).toBe(true);
    });
  });
});
