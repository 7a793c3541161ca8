/**
 * Editions over HTTP (inject), on both dialects: the public pages of editions, the change
 * report, the old-versus-new timeline, the API, the draft's pages for staff and
 * committee, reasons, publishing with its refusals, and the reason categories. Each route
 * has a success case, and where it applies an unauthenticated, a forbidden, a 404 and an
 * invalid-input case.
 */
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
} from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { updatePhase } from "../../src/app/catalogue/update-phase.js";
import { findProject } from "../../src/domain/catalogue/catalogue.js";
import { reasonFormId } from "../../src/web/edition/edition-paths.js";
import { postForm, signInAs } from "../support/accounts.js";
import { WEB_DIALECTS } from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import { ensureOtherMunicipality } from "./support/api-writers.js";
import {
  elementById,
  openWebApp,
  textOf,
  type WebTestApp,
} from "./support/web-app.js";

describe.each(WEB_DIALECTS)("editions over HTTP on %s", (dialect) => {
  let web: WebTestApp;
  let adminCookie: string;
  let editorCookie: string;
  let committeeCookie: string;
  let strangerCookie: string;

  beforeAll(async () => {
    web = await openWebApp(dialect);
    adminCookie = (
      await signInAs(web.app, web.ctx, "admin", {
        name: "Erika Administration",
      })
    ).cookie;
    editorCookie = (
      await signInAs(web.app, web.ctx, "editor", { orgUnitCodes: ["10.1"] })
    ).cookie;
    committeeCookie = (await signInAs(web.app, web.ctx, "committee")).cookie;
    const goch = await ensureOtherMunicipality(web.ctx);
    strangerCookie = (
      await signInAs(web.app, web.ctx, "admin", { municipalitySlug: goch })
    ).cookie;
  });

  afterAll(async () => {
    await web.close();
  });

  const get = (url: string, cookie?: string) =>
    web.app.inject({ url, headers: cookie === undefined ? {} : { cookie } });

  /**
   * For a describe block whose tests change the draft or publish: each of its tests works on
   * a database and app of its own (with the same people signed in), so that no other test
   * sees what it published and it does not depend on what another one did.
   */
  function onOwnDatabase(
    prepare: () => Promise<void> = async () => undefined,
  ): void {
    let shared: {
      web: WebTestApp;
      adminCookie: string;
      editorCookie: string;
      committeeCookie: string;
    } | null = null;
    beforeEach(async () => {
      shared = { web, adminCookie, editorCookie, committeeCookie };
      web = await openWebApp(dialect);
      adminCookie = (
        await signInAs(web.app, web.ctx, "admin", {
          name: "Erika Administration",
        })
      ).cookie;
      editorCookie = (
        await signInAs(web.app, web.ctx, "editor", { orgUnitCodes: ["10.1"] })
      ).cookie;
      committeeCookie = (await signInAs(web.app, web.ctx, "committee")).cookie;
      await prepare();
    });
    afterEach(async () => {
      await web.close();
      if (shared !== null)
        ({ web, adminCookie, editorCookie, committeeCookie } = shared);
    });
  }

  describe("public pages", () => {
    it("list every edition with its date, changes and documents", async () => {
      const response = await get("/kleve/fortschreibungen");
      expect(response.statusCode).toBe(200);
      const table = textOf(elementById(response.body, "fortschreibungen"));
      expect(table).toContain(
        "1. Fortschreibung Rekonstruktion 30.04.2021 – erste Fassung",
      );
      expect(table).toContain("2. Fortschreibung 31.03.2022");
      expect(response.body).toContain(
        'href="/kleve/fortschreibungen/2/katalog.docx"',
      );
      expect(response.body).toContain(
        'href="/kleve/fortschreibungen/2/katalog.pdf"',
      );
      expect(response.body).toContain(
        'href="/kleve/fortschreibungen/2/folien.pptx"',
      );
      expect(response.headers["cache-control"]).toBe("public, max-age=60");
    });

    it("show the state of an edition's documents, with a link to each file and back to the edition", async () => {
      const response = await get("/kleve/fortschreibungen/2/dokumente");
      expect(response.statusCode).toBe(200);
      expect(response.headers["cache-control"]).toBe("no-store");
      expect(textOf(response.body)).toContain(
        "Dokumente zum Herunterladen: 2. Fortschreibung",
      );
      for (const file of ["katalog.pdf", "katalog.docx", "folien.pptx"]) {
        expect(response.body).toContain(
          `href="/kleve/fortschreibungen/2/${file}"`,
        );
      }
      expect(response.body).toContain('href="/kleve/fortschreibungen/2"');
    });

    it("show the portal's overview with the published edition", async () => {
      const text = textOf((await get("/kleve/")).body);
      expect(text).toContain("Stand: 2. Fortschreibung vom 31.03.2022");
      expect(text).toContain("Veränderungen gegenüber der 1. Fortschreibung");
    });

    it("show an older edition with its own content, marked as such, and links inside it", async () => {
      const response = await get("/kleve/fortschreibungen/1");
      expect(response.statusCode).toBe(200);
      const text = textOf(response.body);
      expect(text).toContain("Ältere Fassung: 1. Fortschreibung");
      expect(text).toContain(
        "Maßnahmenkatalog Digitalisierung – 1. Fortschreibung",
      );
      expect(text).toContain("Rekonstruktion zur Veranschaulichung");
      expect(response.body).toContain(
        'href="/kleve/fortschreibungen/1/projekte/digitalisierungsstrategie"',
      );
      const project = textOf(
        (
          await get(
            "/kleve/fortschreibungen/1/projekte/digitalisierungsstrategie",
          )
        ).body,
      );
      expect(project).toContain("2020–2022");
      expect(project).not.toContain("2020–2023");
    });

    it("answer unknown editions, projects and municipalities with 404", async () => {
      for (const url of [
        "/kleve/fortschreibungen/9",
        "/kleve/fortschreibungen/abc",
        "/kleve/fortschreibungen/1/projekte/gibt-es-nicht",
        "/atlantis/fortschreibungen",
      ]) {
        expect((await get(url)).statusCode, url).toBe(404);
      }
      expect(textOf((await get("/kleve/fortschreibungen/9")).body)).toContain(
        "Diese Fortschreibung gibt es nicht.",
      );
    });

    it("report the changes with counts per action field and the shifts per reason", async () => {
      const response = await get("/kleve/fortschreibungen/2/aenderungen");
      expect(response.statusCode).toBe(200);
      const text = textOf(response.body);
      expect(text).toContain(
        "Veränderungen: 2. Fortschreibung gegenüber der 1. Fortschreibung",
      );
      expect(text).toContain("15 Verschiebungen wegen OZG-Aufwand");
      expect(text).toContain(
        "Zeitraum Umsetzung: Ende von 2023 auf 2024 verschoben (1 Jahr später) Grund: Personal: Verzögerung aufgrund von erhöhtem Support",
      );
      expect(text).toContain(
        "Priorität 2022 „Neue Internetseite“ neu aufgenommen",
      );
      expect(text).toMatch(/Strategieplanung 8 8 3/);
    });

    it("refuse a comparison with a later or the same edition", async () => {
      expect(
        (await get("/kleve/fortschreibungen/2/aenderungen?seit=2")).statusCode,
      ).toBe(400);
      expect(
        (await get("/kleve/fortschreibungen/1/aenderungen")).statusCode,
      ).toBe(400);
      expect(
        (await get("/kleve/fortschreibungen/2/aenderungen?seit=x")).statusCode,
      ).toBe(404);
    });

    it("compare the timeline with the 1. Fortschreibung: old and new period, the shift and its reason", async () => {
      const response = await get("/kleve/zeitstrahl?vergleich=1");
      expect(response.statusCode).toBe(200);
      const text = textOf(response.body);
      expect(text).toContain("Verglichen mit der 1. Fortschreibung");
      expect(text).toContain("10 Projekte verschoben, 0 neu, 0 gestrichen");
      expect(response.body).toContain('class="app-comparison-chart"');
      const row =
        /<tr data-project="project-\d+" data-state="shifted">(?:(?!<\/tr>).)*Dokumentenmanagementsystem(?:(?!<\/tr>).)*<\/tr>/s.exec(
          response.body,
        )?.[0] ?? "";
      const cells = textOf(row);
      expect(cells).toContain("Umsetzung: 2020–2023");
      expect(cells).toContain("Umsetzung: 2020–2024");
      expect(cells).toContain(
        "Personal: Verzögerung aufgrund von erhöhtem Support",
      );
      expect(response.body).toContain(
        '<option value="1" selected>der 1. Fortschreibung (30.04.2021)</option>',
      );
    });

    it("show an unknown comparison as a problem with the filter (400)", async () => {
      const response = await get("/kleve/zeitstrahl?vergleich=7");
      expect(response.statusCode).toBe(400);
      expect(textOf(response.body)).toContain(
        "Mit „7“ lässt sich nicht vergleichen",
      );
      expect(
        (await get("/kleve/fortschreibungen/1/zeitstrahl?vergleich=1"))
          .statusCode,
      ).toBe(400);
    });

    it("show an edition's own timeline compared with an earlier edition, and 404 for an unknown one", async () => {
      const response = await get(
        "/kleve/fortschreibungen/2/zeitstrahl?vergleich=1",
      );
      expect(response.statusCode).toBe(200);
      expect(textOf(response.body)).toContain(
        "Verglichen mit der 1. Fortschreibung",
      );
      expect(response.body).toContain(
        'action="/kleve/fortschreibungen/2/zeitstrahl"',
      );
      for (const url of [
        "/kleve/fortschreibungen/9/zeitstrahl",
        "/kleve/fortschreibungen/9/aenderungen",
        "/kleve/fortschreibungen/9/druckansicht",
      ]) {
        expect((await get(url)).statusCode, url).toBe(404);
      }
    });

    it("offer a print view with the catalogue's structure", async () => {
      const response = await get("/kleve/fortschreibungen/2/druckansicht");
      expect(response.statusCode).toBe(200);
      const text = textOf(response.body);
      for (const heading of [
        "Vorwort",
        "Wirkungsbereiche und Aktionsfelder",
        "Zeitstrahl zur Umsetzung",
        "Detailbetrachtung: Digitalisierungsprojekte",
        "Veränderungen gegenüber der letzten Fortschreibung",
      ]) {
        expect(text).toContain(heading);
      }
      expect(text).toContain("Zuständigkeit:");
      expect(response.body).toContain('href="/assets/print.css');
    });
  });

  describe("the API", () => {
    it("lists the editions", async () => {
      const response = await get("/api/v1/municipalities/kleve/editions");
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(
        (body.editions as { title: string }[]).map((edition) => edition.title),
      ).toEqual(["1. Fortschreibung", "2. Fortschreibung"]);
      expect(body.editions[1].links.changes).toBe(
        "/api/v1/municipalities/kleve/editions/2/changes",
      );
      expect(response.headers.etag).toBeDefined();
    });

    it("gives one edition with its catalogue and reasons", async () => {
      const body = (
        await get("/api/v1/municipalities/kleve/editions/1")
      ).json();
      expect(body.edition.isReconstruction).toBe(true);
      expect(body.catalogue.programme.subtitle).toBe(
        "Maßnahmenkatalog Digitalisierung – 1. Fortschreibung",
      );
      expect(body.reasons).toEqual([]);
      expect(
        (await get("/api/v1/municipalities/kleve/editions/2")).json().reasons
          .length,
      ).toBeGreaterThan(20);
    });

    it("reports the changes since an edition, with counts and reasons", async () => {
      const response = await get(
        "/api/v1/municipalities/kleve/editions/2/changes?since=1",
      );
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(
        body.shiftsByReason.find(
          (entry: any) => entry.category === "ozg-effort",
        ),
      ).toEqual({
        category: "ozg-effort",
        label: "OZG-Aufwand",
        count: 15,
        text: "15 Verschiebungen wegen OZG-Aufwand",
      });
      const dms = body.changes.find(
        (change: any) =>
          change.kind === "phase-end-shifted" &&
          change.project?.slug === "dokumentenmanagementsystem",
      );
      expect(dms).toMatchObject({
        from: "2023",
        to: "2024",
        isShift: true,
        shift: { direction: "later", amount: 1, unit: "year" },
        phase: "Umsetzung",
      });
      expect(dms.reasons[0]).toMatchObject({
        categoryLabel: "Personal",
        edition: 2,
      });
      expect(body.summary.byActionField[0].actionField.key).toBe(
        "strategieplanung",
      );
    });

    it("answers unknown editions with 404 and invalid input with 400", async () => {
      expect(
        (await get("/api/v1/municipalities/kleve/editions/9")).json().error
          .code,
      ).toBe("ERR_EDITION_NOT_FOUND");
      expect(
        (await get("/api/v1/municipalities/atlantis/editions")).statusCode,
      ).toBe(404);
      const invalid = await get(
        "/api/v1/municipalities/kleve/editions/zwei/changes",
      );
      expect([invalid.statusCode, invalid.json().error.code]).toEqual([
        400,
        "ERR_VALIDATION",
      ]);
      expect(
        (
          await get("/api/v1/municipalities/kleve/editions/2/changes?since=2")
        ).json().error.code,
      ).toBe("ERR_VALIDATION");
    });

    it("describes the routes in the OpenAPI document", async () => {
      const paths = Object.keys((await get("/api/openapi.json")).json().paths);
      expect(paths).toEqual(
        expect.arrayContaining([
          "/api/v1/municipalities/{slug}/editions",
          "/api/v1/municipalities/{slug}/editions/{number}",
          "/api/v1/municipalities/{slug}/editions/{number}/changes",
        ]),
      );
    });
  });

  describe("the draft", () => {
    it("is for the municipality's staff and committee only, marked as draft", async () => {
      const anonymous = await get("/kleve/entwurf");
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.headers.location).toBe(
        "/anmelden?next=%2Fkleve%2Fentwurf",
      );
      expect(
        (await get("/kleve/entwurf/aenderungen", strangerCookie)).statusCode,
      ).toBe(403);
      for (const url of [
        "/kleve/entwurf",
        "/kleve/entwurf/zeitstrahl?vergleich=2",
        "/kleve/entwurf/projekte/internet",
        "/kleve/entwurf/aenderungen",
      ]) {
        const response = await get(url, committeeCookie);
        expect(response.statusCode, url).toBe(200);
        expect(textOf(response.body), url).toContain(
          "Entwurf – nicht veröffentlicht",
        );
        expect(response.headers["cache-control"]).toBe("no-store");
      }
      expect(
        (await get("/kleve/entwurf/projekte/gibt-es-nicht", committeeCookie))
          .statusCode,
      ).toBe(404);
    });

    it("refuses an unknown comparison on the draft's timeline with 400", async () => {
      const response = await get(
        "/kleve/entwurf/zeitstrahl?vergleich=9",
        committeeCookie,
      );
      expect(response.statusCode).toBe(400);
      expect(textOf(response.body)).toContain(
        "Mit „9“ lässt sich nicht vergleichen",
      );
    });

    it("shows committee members the changes but no forms", async () => {
      const html = (await get("/kleve/entwurf/aenderungen", committeeCookie))
        .body;
      expect(textOf(html)).toContain(
        "Entwurf: Veränderungen gegenüber der 2. Fortschreibung",
      );
      expect(html).not.toContain("/kleve/entwurf/veroeffentlichen");
    });
  });

  describe("reasons and publishing", () => {
    let changeKey = "";

    // Each test starts from the draft with one shift: the end of the E-Rechnungsworkflow's first phase.
    onOwnDatabase(async () => {
      const draft = await getCatalogue(web.ctx, "kleve");
      const project = findProject(draft, "e-rechnungsworkflow")!.project;
      const admin = buildPrincipal(draft.municipality.id, {
        role: "admin",
        orgUnitCodes: [],
      });
      await updatePhase(web.ctx, admin, {
        municipality: "kleve",
        project: "e-rechnungsworkflow",
        phaseId: project.phases[0]!.id,
        expectedVersion: project.version,
        data: {
          label: project.phases[0]!.label,
          start: "2021-Q4",
          end: "2024-Q2",
        },
      });
      changeKey = `phase-end-shifted:project-${project.id}:phase-${project.phases[0]!.id}`;
    });

    /** The reason for the E-Rechnungsworkflow's shift, given by its editor. */
    const giveReason = () =>
      postForm(
        web.app,
        editorCookie,
        "/kleve/entwurf/aenderungen/gruende",
        {
          schluessel: changeKey,
          version: "0",
          kategorie: "dependency",
          text: "Verzögerung aufgrund Mehrarbeit beim DMS",
        },
        { csrfFrom },
      );

    const csrfFrom = "/kleve/entwurf/aenderungen";

    it("shows a reason form under the shift for an editor of the project's unit", async () => {
      const html = (await get("/kleve/entwurf/aenderungen", editorCookie)).body;
      expect(html).toContain(`id="${reasonFormId(changeKey)}"`);
      expect(textOf(html)).toContain(
        "Für 1 Verschiebung fehlt noch ein Grund.",
      );
    });

    it("refuses a reason without a category, naming the field", async () => {
      const response = await postForm(
        web.app,
        editorCookie,
        "/kleve/entwurf/aenderungen/gruende",
        { schluessel: changeKey, version: "0", kategorie: "", text: "" },
        { csrfFrom },
      );
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain(
        `href="#${reasonFormId(changeKey)}-kategorie"`,
      );
      expect(textOf(response.body)).toContain(
        "Bitte wählen Sie eine Kategorie.",
      );
      // The title says first that something is wrong, as on every other form page.
      expect(response.body).toMatch(/<title>Fehler: (?!Fehler)[^<]+<\/title>/);
      const shown = await get("/kleve/entwurf/aenderungen", editorCookie);
      expect(shown.body).not.toMatch(/<title>Fehler: /);
    });

    it("refuses a reason from committee members and signed-out visitors", async () => {
      const committee = await postForm(
        web.app,
        committeeCookie,
        "/kleve/entwurf/aenderungen/gruende",
        { schluessel: changeKey, version: "0", kategorie: "staff" },
        { csrfFrom },
      );
      expect(committee.statusCode).toBe(403);
      const anonymous = await web.app.inject({
        method: "POST",
        url: "/kleve/entwurf/aenderungen/gruende",
        payload: { schluessel: changeKey },
      });
      expect([401, 403]).toContain(anonymous.statusCode);
    });

    it("stops publishing while a shift has no reason, with a summary linking to its form", async () => {
      const editorTry = await postForm(
        web.app,
        editorCookie,
        "/kleve/entwurf/veroeffentlichen",
        { stand: "1" },
        { csrfFrom },
      );
      expect(editorTry.statusCode).toBe(403);
      const page = await get("/kleve/entwurf/aenderungen", adminCookie);
      const stand = /name="stand" value="(\d+)"/.exec(page.body)?.[1] ?? "";
      const response = await postForm(
        web.app,
        adminCookie,
        "/kleve/entwurf/veroeffentlichen",
        { stand, titel: "3. Fortschreibung", datum: "28.11.2022" },
        { csrfFrom },
      );
      expect(response.statusCode).toBe(422);
      const summary = textOf(
        response.body.slice(
          response.body.indexOf("app-error-summary"),
          response.body.indexOf(
            "</div>",
            response.body.indexOf("app-error-summary"),
          ),
        ),
      );
      expect(summary).toContain(
        "Die Fortschreibung kann noch nicht veröffentlicht werden",
      );
      expect(summary).toContain(
        "Grund fehlt: 2.5 E-Rechnungsworkflow – Zeitraum Einführung: Ende von 2023 auf QII/2024 verschoben",
      );
      expect(response.body).toContain(
        `href="#${reasonFormId(changeKey)}-kategorie"`,
      );
      expect(
        (await get("/api/v1/municipalities/kleve/editions")).json().editions,
      ).toHaveLength(2);
    });

    it("refuses every change of the draft to signed-out visitors", async () => {
      for (const url of [
        "/kleve/entwurf/aenderungen/gruende",
        "/kleve/entwurf/vorwort",
        "/kleve/entwurf/veroeffentlichen",
        "/kleve/verwaltung/begruendungen",
      ]) {
        const response = await postForm(web.app, "", url, { stand: "1" });
        expect(response.statusCode, url).toBe(401);
      }
    });

    it("refuses an invalid date of publication", async () => {
      const response = await postForm(
        web.app,
        adminCookie,
        "/kleve/entwurf/veroeffentlichen",
        { stand: "1", datum: "Ostern" },
        { csrfFrom },
      );
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('href="#veroeffentlichen-datum"');
    });

    it("saves the reason and publishes the 3. Fortschreibung, which the portal then shows", async () => {
      const saved = await postForm(
        web.app,
        editorCookie,
        "/kleve/entwurf/aenderungen/gruende",
        {
          schluessel: changeKey,
          version: "0",
          kategorie: "dependency",
          text: "Verzögerung aufgrund Mehrarbeit beim DMS",
        },
        { csrfFrom },
      );
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe(
        `/kleve/entwurf/aenderungen?gespeichert=grund#${reasonFormId(changeKey)}`,
      );
      expect(
        textOf(
          (
            await get(
              "/kleve/entwurf/aenderungen?gespeichert=grund",
              editorCookie,
            )
          ).body,
        ),
      ).toContain("Der Grund wurde gespeichert.");

      const page = await get("/kleve/entwurf/aenderungen", adminCookie);
      const stand = /name="stand" value="(\d+)"/.exec(page.body)?.[1] ?? "";
      const fields = {
        stand,
        titel: "3. Fortschreibung",
        datum: "28.11.2022",
        beschluss: "Rat, 14.12.2022",
        "beschluss-adresse": "https://www.kleve.de/rat",
      };
      // No project starts earlier because of this shift: no confirmation is needed.
      const published = await postForm(
        web.app,
        adminCookie,
        "/kleve/entwurf/veroeffentlichen",
        fields,
        { csrfFrom },
      );
      expect(published.statusCode).toBe(303);
      expect(published.headers.location).toBe(
        "/kleve/fortschreibungen/3?veroeffentlicht=ja",
      );
      const edition = textOf(
        (await get("/kleve/fortschreibungen/3?veroeffentlicht=ja")).body,
      );
      expect(edition).toContain("Die 3. Fortschreibung ist veröffentlicht.");
      expect(edition).toContain("Rat, 14.12.2022");
      expect(
        textOf((await get("/kleve/projekte/e-rechnungsworkflow")).body),
      ).toContain("QIV/2021–QII/2024");
      const stale = await postForm(
        web.app,
        adminCookie,
        "/kleve/entwurf/veroeffentlichen",
        fields,
        { csrfFrom },
      );
      expect(stale.statusCode).toBe(409);
      expect(textOf(stale.body)).toContain("Der Entwurf wurde geändert");
    });

    it("asks for a confirmation when the draft makes a project start before one it needs is ready", async () => {
      expect((await giveReason()).statusCode).toBe(303);
      const draft = await getCatalogue(web.ctx, "kleve");
      const dms = findProject(draft, "dokumentenmanagementsystem")!.project;
      const admin = buildPrincipal(draft.municipality.id, {
        role: "admin",
        orgUnitCodes: [],
      });
      await updatePhase(web.ctx, admin, {
        municipality: "kleve",
        project: "dokumentenmanagementsystem",
        phaseId: dms.phases[0]!.id,
        expectedVersion: dms.version,
        data: { label: "Umsetzung", start: "2020", end: "2026" },
      });
      const key = `phase-end-shifted:project-${dms.id}:phase-${dms.phases[0]!.id}`;
      const page = await get("/kleve/entwurf/aenderungen", adminCookie);
      expect(textOf(page.body)).toContain(
        "neu in diesem Entwurf 2.10 Digitale Kommunikation (intern)",
      );
      await postForm(
        web.app,
        adminCookie,
        "/kleve/entwurf/aenderungen/gruende",
        {
          schluessel: key,
          version: "0",
          kategorie: "staff",
          text: "Erhöhter Support",
        },
        { csrfFrom },
      );
      const stand =
        /name="stand" value="(\d+)"/.exec(
          (await get("/kleve/entwurf/aenderungen", adminCookie)).body,
        )?.[1] ?? "";
      const confirm = await postForm(
        web.app,
        adminCookie,
        "/kleve/entwurf/veroeffentlichen",
        { stand, titel: "3. Fortschreibung", datum: "28.11.2022" },
        { csrfFrom },
      );
      expect(confirm.statusCode).toBe(409);
      expect(textOf(confirm.body)).toContain(
        "Trotz Abhängigkeitskonflikten veröffentlichen?",
      );
      expect(textOf(confirm.body)).toContain(
        "2.10 Digitale Kommunikation (intern) beginnt 2024, setzt aber 2.1 Dokumentenmanagementsystem voraus",
      );
      expect(confirm.body).toContain('name="bestaetigt" value="ja"');
      const published = await postForm(
        web.app,
        adminCookie,
        "/kleve/entwurf/veroeffentlichen",
        {
          stand,
          titel: "3. Fortschreibung",
          datum: "28.11.2022",
          bestaetigt: "ja",
        },
        { csrfFrom },
      );
      expect(published.statusCode).toBe(303);
      expect(published.headers.location).toBe(
        "/kleve/fortschreibungen/3?veroeffentlicht=ja",
      );
    });

    it("saves the foreword for administrators only", async () => {
      const html = (await get("/kleve/entwurf/aenderungen", adminCookie)).body;
      const version =
        /name="version" value="(\d+)"/.exec(
          html.slice(html.indexOf('action="/kleve/entwurf/vorwort')),
        )?.[1] ?? "0";
      expect(
        (
          await postForm(
            web.app,
            editorCookie,
            "/kleve/entwurf/vorwort",
            { version, vorwort: "Nein" },
            { csrfFrom },
          )
        ).statusCode,
      ).toBe(403);
      const saved = await postForm(
        web.app,
        adminCookie,
        "/kleve/entwurf/vorwort",
        { version, vorwort: "Ein neues Vorwort." },
        { csrfFrom },
      );
      expect(saved.statusCode).toBe(303);
      expect(
        (await get("/kleve/entwurf/aenderungen", adminCookie)).body,
      ).toContain("Ein neues Vorwort.");
      const stale = await postForm(
        web.app,
        adminCookie,
        "/kleve/entwurf/vorwort",
        { version, vorwort: "Veraltet" },
        { csrfFrom },
      );
      expect(stale.statusCode).toBe(409);
    });
  });

  describe("reason categories", () => {
    const csrfFrom = "/kleve/verwaltung/begruendungen";

    it("are for administrators", async () => {
      expect(
        (await get("/kleve/verwaltung/begruendungen", adminCookie)).statusCode,
      ).toBe(200);
      expect(
        (await get("/kleve/verwaltung/begruendungen", editorCookie)).statusCode,
      ).toBe(403);
      expect(
        (await get("/kleve/verwaltung/begruendungen", strangerCookie))
          .statusCode,
      ).toBe(403);
      expect([303, 401]).toContain(
        (await get("/kleve/verwaltung/begruendungen")).statusCode,
      );
    });

    it("can be created, refusing an invalid key, and renamed", async () => {
      const invalid = await postForm(
        web.app,
        adminCookie,
        "/kleve/verwaltung/begruendungen",
        { schluessel: "Nicht Gültig", bezeichnung: "X" },
        { csrfFrom },
      );
      expect(invalid.statusCode).toBe(400);
      expect(invalid.body).toContain('href="#kategorie-neu-schluessel"');
      expect(invalid.body).toMatch(/<title>Fehler: (?!Fehler)[^<]+<\/title>/);
      const created = await postForm(
        web.app,
        adminCookie,
        "/kleve/verwaltung/begruendungen",
        { schluessel: "vergabe", bezeichnung: "Vergabeverfahren" },
        { csrfFrom },
      );
      expect(created.statusCode).toBe(303);
      const renamed = await postForm(
        web.app,
        adminCookie,
        "/kleve/verwaltung/begruendungen/vergabe",
        { version: "1", bezeichnung: "Ausschreibung", erlaeuterung: "ja" },
        { csrfFrom },
      );
      expect(renamed.statusCode).toBe(303);
      const html = (
        await get(
          "/kleve/verwaltung/begruendungen?gespeichert=kategorie",
          adminCookie,
        )
      ).body;
      expect(textOf(html)).toContain("Kategorie: Ausschreibung");
      expect(textOf(html)).toContain("Die Kategorie wurde gespeichert.");
      const removed = await postForm(
        web.app,
        adminCookie,
        "/kleve/verwaltung/begruendungen/vergabe/loeschen",
        { version: "2" },
        { csrfFrom },
      );
      expect(removed.statusCode).toBe(303);
      expect(
        (
          await postForm(
            web.app,
            adminCookie,
            "/kleve/verwaltung/begruendungen/vergabe/loeschen",
            { version: "2" },
            { csrfFrom },
          )
        ).statusCode,
      ).toBe(404);
    });
  });

  describe("the public API once editions exist", () => {
    onOwnDatabase();

    it("shows the public the latest edition and the municipality's people the draft", async () => {
      const draft = await getCatalogue(web.ctx, "kleve");
      const internet = findProject(draft, "internet")!.project;
      await updatePhase(
        web.ctx,
        buildPrincipal(draft.municipality.id, {
          role: "admin",
          orgUnitCodes: [],
        }),
        {
          municipality: "kleve",
          project: "internet",
          phaseId: internet.phases[0]!.id,
          expectedVersion: internet.version,
          data: {
            label: internet.phases[0]!.label,
            start: "2020",
            end: "2023-Q2",
          },
        },
      );
      const url = "/api/v1/municipalities/kleve/projects/internet";
      expect((await get(url)).json().project.phases[0].end).toBe("2022");
      expect(
        (await get(url, committeeCookie)).json().project.phases[0].end,
      ).toBe("2023-Q2");
      const catalogue = (
        await get("/api/v1/municipalities/kleve/catalogue")
      ).json();
      expect(JSON.stringify(catalogue)).not.toContain("2023-Q2");
    });
  });
});
