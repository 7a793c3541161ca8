import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getProject } from "../../src/app/catalogue/read-catalogue.js";
import { createProject } from "../../src/app/catalogue/create-project.js";
import {
  importCatalogue,
  exportCatalogue,
} from "../../src/app/catalogue/import-catalogue.js";
import type { Project } from "../../src/domain/catalogue/catalogue.js";
import {
  createTestUser,
  postForm,
  signIn,
  type TestUser,
} from "../support/accounts.js";
import { WEB_DIALECTS } from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import {
  attributeValues,
  elementById,
  openWebApp,
  textOf,
  type WebTestApp,
} from "./support/web-app.js";

const EDIT = "/kleve/verwaltung/projekte/e-rechnungsworkflow";

/** The opening tag of the element with the id (inputs have no end tag). */
function tagWithId(html: string, id: string): string {
  const tag = new RegExp(
    `<[a-z]+[^>]*\\sid="${id.replace(/[.]/g, "\\.")}"[^>]*>`,
  ).exec(html)?.[0];
  if (tag === undefined) throw new Error(`No element with id="${id}"`);
  return tag;
}

/** Every page of the editor, for the checks that apply to all of them. */
const PAGES = [
  "/kleve/verwaltung/",
  EDIT,
  `${EDIT}/verlauf`,
  "/kleve/verwaltung/protokoll",
  "/kleve/verwaltung/programm",
  "/kleve/verwaltung/struktur",
  "/kleve/verwaltung/einheiten",
  "/kleve/verwaltung/projekte/neu",
];

/** Every form target of the editor. */
const FORMS = [
  `${EDIT}/grunddaten`,
  `${EDIT}/phasen`,
  `${EDIT}/phasen/1`,
  `${EDIT}/phasen/1/loeschen`,
  `${EDIT}/massnahmen`,
  `${EDIT}/massnahmen/1`,
  `${EDIT}/massnahmen/1/verschieben`,
  `${EDIT}/massnahmen/1/loeschen`,
  `${EDIT}/zustaendigkeiten`,
  `${EDIT}/abhaengigkeiten`,
  `${EDIT}/abhaengigkeiten/dokumentenmanagementsystem/loeschen`,
  `${EDIT}/loeschen`,
  "/kleve/verwaltung/projekte",
  "/kleve/verwaltung/programm",
  "/kleve/verwaltung/programm/prioritaeten",
  "/kleve/verwaltung/struktur/wirkungsbereiche",
  "/kleve/verwaltung/struktur/wirkungsbereiche/digitale-verwaltung",
  "/kleve/verwaltung/struktur/aktionsfelder",
  "/kleve/verwaltung/struktur/aktionsfelder/smart-working",
  "/kleve/verwaltung/einheiten",
  "/kleve/verwaltung/einheiten/10.1",
];

describe.each(WEB_DIALECTS)("the editor on %s", (dialect) => {
  let web: WebTestApp;
  let editor: TestUser;
  let editorCookie: string;
  let admin: TestUser;
  let adminCookie: string;
  let editor61Cookie: string;

  async function project(slug = "e-rechnungsworkflow"): Promise<Project> {
    return (await getProject(web.ctx, "kleve", slug)).entry.project;
  }

  async function page(url: string, cookie: string) {
    return web.app.inject({ url, headers: { cookie } });
  }

  beforeAll(async () => {
    web = await openWebApp(dialect);
    editor = await createTestUser(web.ctx, {
      role: "editor",
      orgUnitCodes: ["10.1"],
      name: "Erika Redaktion",
    });
    editorCookie = await signIn(web.app, editor);
    admin = await createTestUser(web.ctx, {
      role: "admin",
      name: "Anna Administration",
    });
    adminCookie = await signIn(web.app, admin);
    editor61Cookie = await signIn(
      web.app,
      await createTestUser(web.ctx, { role: "editor", orgUnitCodes: ["61"] }),
    );
  });

  afterAll(async () => {
    await web.close();
  });

  it.each(PAGES)(
    "sends a signed-out visitor of %s to the sign-in page and back",
    async (url) => {
      const response = await web.app.inject(url);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(
        `/anmelden?next=${encodeURIComponent(url)}`,
      );
    },
  );

  it.each(FORMS)("changes nothing for a signed-out POST to %s", async (url) => {
    const before = await project();
    const response = await web.app.inject({
      method: "POST",
      url,
      payload: { titel: "x" },
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/anmelden");
    expect(await project()).toEqual(before);
  });

  it.each(PAGES)(
    "sends %s uncacheable, as a German page with one h1 and no inline style",
    async (url) => {
      const response = await page(url, adminCookie);
      expect(response.statusCode).toBe(200);
      expect(response.headers["cache-control"]).toBe("no-store");
      expect(response.headers.etag).toBeUndefined();
      expect(response.body).toMatch(/<html lang="de">/);
      expect(response.body.match(/<h1[\s>]/g)).toHaveLength(1);
      expect(response.body).not.toMatch(/\sstyle=/i);
      expect(response.body).not.toMatch(/\son[a-z]+=/i);
      const ids = attributeValues(response.body, "id");
      expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    },
  );

  it("puts the CSRF token and the version into every form that changes something", async () => {
    const html = (await page(EDIT, adminCookie)).body;
    const forms = html.match(/<form[^>]*method="post"[\s\S]*?<\/form>/g) ?? [];
    expect(forms.length).toBeGreaterThan(10);
    const version = String((await project()).version);
    for (const form of forms) {
      if (form.includes('action="/abmelden"')) continue;
      // The account bar's "stay signed in" form changes the session, not the project.
      if (form.includes('action="/konto/sitzung"')) continue;
      expect(form).toMatch(/name="_csrf" value="[^"]+"/);
      expect(form).toContain(`name="version" value="${version}"`);
      expect(form).toContain('name="grund"');
    }
  });

  it("leaves the browser's own checks off in every record form, so that the server's messages are the ones shown", async () => {
    for (const url of [
      "/kleve/verwaltung/struktur",
      "/kleve/verwaltung/programm",
      "/kleve/verwaltung/einheiten",
    ]) {
      const html = (await page(url, adminCookie)).body;
      const forms = (html.match(/<form[^>]*>[\s\S]*?<\/form>/g) ?? []).filter(
        (form) => form.includes('name="version"'),
      );
      expect(forms.length, url).toBeGreaterThan(0);
      for (const form of forms)
        expect(form.slice(0, form.indexOf(">")), url).toContain("novalidate");
    }
  });

  it("shows an editor of 10.1 the projects of 10.1, an editor of 61 only those 61 shares, and an administrator all", async () => {
    // Other tests add responsibilities and projects: count on a database of its own.
    const own = await openWebApp(dialect);
    try {
      const view = async (options: Parameters<typeof createTestUser>[1]) =>
        (
          await own.app.inject({
            url: "/kleve/verwaltung/",
            headers: {
              cookie: await signIn(
                own.app,
                await createTestUser(own.ctx, options),
              ),
            },
          })
        ).body;
      const mine = await view({ role: "editor", orgUnitCodes: ["10.1"] });
      expect(textOf(mine)).toContain("Ihre Projekte");
      expect(textOf(mine)).toContain("E-Rechnungsworkflow");
      const theirs = await view({ role: "editor", orgUnitCodes: ["61"] });
      expect(textOf(theirs)).toContain("2 Projekte, die Sie bearbeiten dürfen");
      expect(theirs).toContain(
        "/kleve/verwaltung/projekte/online-beteiligungsplattform",
      );
      expect(theirs).not.toContain(
        "/kleve/verwaltung/projekte/e-rechnungsworkflow",
      );
      const all = await view({ role: "admin" });
      expect(textOf(all)).toContain("42 Projekte, die Sie bearbeiten dürfen");
      expect(all).toContain("Neues Projekt anlegen");
    } finally {
      await own.close();
    }
  });

  it("refuses committee members and staff of another municipality with 403", async () => {
    const committee = await signIn(
      web.app,
      await createTestUser(web.ctx, {
        role: "committee",
        orgUnitCodes: ["10.1"],
      }),
    );
    expect((await page("/kleve/verwaltung/", committee)).statusCode).toBe(403);
    const copy = structuredClone(await exportCatalogue(web.ctx, "kleve"));
    copy.municipality.slug = "goch";
    copy.municipality.name = "Stadt Goch";
    await importCatalogue(web.ctx, copy, { source: "test" });
    const stranger = await signIn(
      web.app,
      await createTestUser(web.ctx, {
        role: "admin",
        municipalitySlug: "goch",
      }),
    );
    expect((await page("/kleve/verwaltung/", stranger)).statusCode).toBe(403);
    expect((await page(EDIT, stranger)).statusCode).toBe(403);
    expect((await page("/goch/verwaltung/", stranger)).statusCode).toBe(200);
  });

  it("refuses the administrators' pages to editors", async () => {
    for (const url of [
      "/kleve/verwaltung/programm",
      "/kleve/verwaltung/struktur",
      "/kleve/verwaltung/einheiten",
      "/kleve/verwaltung/projekte/neu",
    ]) {
      expect((await page(url, editorCookie)).statusCode, url).toBe(403);
    }
  });

  it("lets an editor of 10.1 move a phase of e-rechnungsworkflow from 2023 to QII/2024: the draft shows it at once, the public portal after publishing", async () => {
    const before = await project();
    const phase = before.phases[0]!;
    const portalBefore = await web.app.inject(
      "/kleve/projekte/e-rechnungsworkflow",
    );
    expect(textOf(portalBefore.body)).toContain("QIV/2021–2023");
    const etagBefore = String(portalBefore.headers.etag);

    const response = await postForm(
      web.app,
      editorCookie,
      `${EDIT}/phasen/${phase.id}`,
      {
        version: String(before.version),
        bezeichnung: "Einführung",
        beginn: "QIV/2021",
        ende: "QII/2024",
        fortsetzung: "",
        notiz: "",
        grund: "Verzögerung durch OZG-Aufwand",
      },
    );
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(
      `${EDIT}?gespeichert=phase#phase-${phase.id}`,
    );

    const edited = await page(
      response.headers.location!.split("#")[0]!,
      editorCookie,
    );
    expect(textOf(edited.body)).toContain("Die Phase wurde gespeichert.");
    expect(tagWithId(edited.body, `phase-${phase.id}-ende`)).toContain(
      'value="QII/2024"',
    );
    expect(textOf(edited.body)).toContain("Beginn Quartal, Ende Quartal");

    // The public portal shows the latest edition (the 2. Fortschreibung) until the next one
    // is published; the draft, for staff and committee, shows the change at once.
    // An edit of the draft leaves the public page and its entity tag as they were.
    const unchanged = await web.app.inject({
      url: "/kleve/projekte/e-rechnungsworkflow",
      headers: { "if-none-match": etagBefore },
    });
    expect(unchanged.statusCode).toBe(304);
    const portalAfter = await web.app.inject(
      "/kleve/projekte/e-rechnungsworkflow",
    );
    expect(portalAfter.statusCode).toBe(200);
    expect(portalAfter.headers.etag).toBe(etagBefore);
    expect(textOf(portalAfter.body)).toContain("QIV/2021–2023");
    expect(textOf(portalAfter.body)).not.toContain("QIV/2021–QII/2024");
    const draft = await page(
      "/kleve/entwurf/projekte/e-rechnungsworkflow",
      editorCookie,
    );
    expect(draft.statusCode).toBe(200);
    expect(textOf(draft.body)).toContain("Entwurf – nicht veröffentlicht");
    expect(textOf(draft.body)).toContain("QIV/2021–QII/2024");
    const publicApi = await web.app.inject(
      "/api/v1/municipalities/kleve/projects/e-rechnungsworkflow",
    );
    expect(JSON.stringify(publicApi.json())).not.toContain("2024-Q2");
    const staffApi = await web.app.inject({
      url: "/api/v1/municipalities/kleve/projects/e-rechnungsworkflow",
      headers: { cookie: editorCookie },
    });
    expect(JSON.stringify(staffApi.json())).toContain("2024-Q2");

    const history = await page(`${EDIT}/verlauf`, editorCookie);
    expect(history.statusCode).toBe(200);
    const text = textOf(history.body);
    expect(text).toContain(`Phase geändert: 2.5 ${before.title} – Einführung`);
    expect(text).toContain("Erika Redaktion");
    expect(text).toContain("Verzögerung durch OZG-Aufwand");
    expect(text).toMatch(/Ende 2023 QII\/2024/);
  });

  it("keeps the input and names each problem at its field and in the summary (400)", async () => {
    const before = await project();
    const phase = before.phases[0]!;
    const response = await postForm(
      web.app,
      editorCookie,
      `${EDIT}/phasen/${phase.id}`,
      {
        version: String(before.version),
        bezeichnung: "",
        beginn: "QIV/2021",
        ende: "Sommer 2024",
        fortsetzung: "",
      },
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers["cache-control"]).toBe("no-store");
    const summary = elementById(response.body, "fehler-titel");
    expect(summary).toContain("Es gibt ein Problem");
    expect(response.body).toContain(`href="#phase-${phase.id}-ende"`);
    expect(textOf(response.body)).toContain(
      "„Sommer 2024“ ist kein Zeitpunkt, den Fortschritt versteht",
    );
    expect(response.body).toContain(`id="phase-${phase.id}-ende-fehler"`);
    expect(tagWithId(response.body, `phase-${phase.id}-ende`)).toContain(
      'value="Sommer 2024"',
    );
    expect(response.body).toMatch(/<title>Fehler: (?!Fehler)/);
    expect(await project()).toEqual(before);
  });

  it("names the fields the use case refuses (an empty label) in German", async () => {
    const before = await project();
    const response = await postForm(web.app, editorCookie, `${EDIT}/phasen`, {
      version: String(before.version),
      bezeichnung: "",
      beginn: "2025",
      offen: "ja",
      fortsetzung: "permanent",
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#phase-neu-bezeichnung"');
    expect(textOf(response.body)).toContain("Bezeichnung darf nicht leer sein");
    expect(tagWithId(response.body, "phase-neu-beginn")).toContain(
      'value="2025"',
    );
  });

  it("answers a stale form with 409, shows what the other person changed beside the input, and overwrites nothing", async () => {
    const start = await project();
    const other = await postForm(web.app, adminCookie, `${EDIT}/grunddaten`, {
      version: String(start.version),
      titel: "E-Rechnungsworkflow (XRechnung)",
      zusammenfassung: start.summary,
      status: start.status,
      schlagwoerter: "",
      grund: "Titel präzisiert",
    });
    expect(other.statusCode).toBe(303);
    const stale = await postForm(web.app, editorCookie, `${EDIT}/grunddaten`, {
      version: String(start.version),
      titel: "E-Rechnung – mein Titel",
      zusammenfassung: start.summary,
      status: "paused",
      schlagwoerter: "",
    });
    expect(stale.statusCode).toBe(409);
    const text = textOf(stale.body);
    expect(text).toContain("Jemand anderes hat inzwischen gespeichert");
    expect(text).toContain(
      "Titel E-Rechnungsworkflow (XRechnung) E-Rechnung – mein Titel",
    );
    expect(text).toContain("Status in Umsetzung ruhend");
    expect(text).toContain("Anna Administration");
    expect(text).toContain("Titel präzisiert");
    expect(tagWithId(stale.body, "grunddaten-titel")).toContain(
      'value="E-Rechnung – mein Titel"',
    );
    // The form now carries the current version: saving again is a deliberate decision.
    expect(elementById(stale.body, "grunddaten")).toContain(
      `name="version" value="${start.version + 1}"`,
    );
    const stored = await project();
    expect(stored.title).toBe("E-Rechnungsworkflow (XRechnung)");
    expect(stored.status).toBe(start.status);
  });

  it("refuses an editor of 61 on a project without 61 with 403 and changes nothing", async () => {
    const before = await project();
    const refusals = async () =>
      (
        await web.ctx.db
          .selectFrom("audit_event")
          .select("id")
          .where("action", "=", "access.denied")
          .execute()
      ).length;
    const refusalsBefore = await refusals();
    expect((await page(EDIT, editor61Cookie)).statusCode).toBe(403);
    // Logged once, by the use case, with the project it concerns.
    expect(await refusals()).toBe(refusalsBefore + 1);
    const response = await postForm(
      web.app,
      editor61Cookie,
      `${EDIT}/grunddaten`,
      {
        version: String(before.version),
        titel: "Gekapert",
        zusammenfassung: "",
        status: "paused",
      },
    );
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain("Kein Zugriff");
    expect(await project()).toEqual(before);
    const denied = await web.ctx.db
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "access.denied")
      .where("project_id", "=", before.id)
      .execute();
    expect(denied.length).toBeGreaterThan(0);
  });

  it("refuses an editor of 10.1 on a project of Fachbereich 61 alone", async () => {
    const municipalityId = (
      await getProject(web.ctx, "kleve", "e-rechnungsworkflow")
    ).catalogue.municipality.id;
    await createProject(
      web.ctx,
      buildPrincipal(municipalityId, { role: "admin", orgUnitCodes: [] }),
      {
        municipality: "kleve",
        data: {
          actionField: "partizipation",
          slug: "stadtteilbudget",
          code: "3.20",
          title: "Stadtteilbudget",
          summary: "Ein Projekt des Fachbereichs 61.",
          status: "planned",
          responsibilities: [{ orgUnit: "61", role: "lead" }],
        },
      },
    );
    const target = "/kleve/verwaltung/projekte/stadtteilbudget";
    expect((await page(target, editorCookie)).statusCode).toBe(403);
    const before = await project("stadtteilbudget");
    const response = await postForm(
      web.app,
      editorCookie,
      `${target}/grunddaten`,
      {
        version: String(before.version),
        titel: "Übernommen",
        zusammenfassung: "",
        status: "paused",
      },
    );
    expect(response.statusCode).toBe(403);
    expect(await project("stadtteilbudget")).toEqual(before);
    expect((await page(target, editor61Cookie)).statusCode).toBe(200);
  });

  it("refuses a dependency that would close a cycle and names the cycle", async () => {
    const dms = await project("dokumentenmanagementsystem");
    // Another test may have renamed the E-Rechnungsworkflow: the message names it as it is now.
    const invoices = await project("e-rechnungsworkflow");
    const response = await postForm(
      web.app,
      editorCookie,
      "/kleve/verwaltung/projekte/dokumentenmanagementsystem/abhaengigkeiten",
      {
        version: String(dms.version),
        projekt: "e-rechnungsworkflow",
      },
    );
    expect(response.statusCode).toBe(422);
    expect(textOf(response.body)).toContain(
      `Diese Abhängigkeit würde einen Kreis bilden: 2.1 Dokumentenmanagementsystem → 2.5 ${invoices.title} → 2.1 Dokumentenmanagementsystem.`,
    );
    expect(response.body).toContain('href="#abhaengigkeit-neu-projekt"');
    expect(await project("dokumentenmanagementsystem")).toEqual(dms);
  });

  it("asks for a project before adding a dependency", async () => {
    const before = await project("workflowmanagement");
    const response = await postForm(
      web.app,
      editorCookie,
      "/kleve/verwaltung/projekte/workflowmanagement/abhaengigkeiten",
      {
        version: String(before.version),
        projekt: "",
      },
    );
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain("Bitte wählen Sie ein Projekt.");
  });

  it("adds and removes a dependency", async () => {
    const target = "/kleve/verwaltung/projekte/workflowmanagement";
    const before = await project("workflowmanagement");
    const added = await postForm(
      web.app,
      editorCookie,
      `${target}/abhaengigkeiten`,
      { version: String(before.version), projekt: "wissensmanagement" },
    );
    expect(added.statusCode).toBe(303);
    expect((await project("workflowmanagement")).dependsOn).toContain(
      "wissensmanagement",
    );
    const removed = await postForm(
      web.app,
      editorCookie,
      `${target}/abhaengigkeiten/wissensmanagement/loeschen`,
      { version: String(before.version + 1), bestaetigt: "ja" },
    );
    expect(removed.statusCode).toBe(303);
    expect((await project("workflowmanagement")).dependsOn).toEqual(
      before.dependsOn,
    );
  });

  it("adds a measure, moves it up with the button, changes its status and deletes it", async () => {
    const before = await project();
    const added = await postForm(web.app, editorCookie, `${EDIT}/massnahmen`, {
      version: String(before.version),
      titel: "Schulung der Rechnungsprüfung",
      status: "planned",
    });
    expect(added.statusCode).toBe(303);
    const withMeasure = await project();
    const measure = withMeasure.measures.at(-1)!;
    expect(measure.title).toBe("Schulung der Rechnungsprüfung");
    const moved = await postForm(
      web.app,
      editorCookie,
      `${EDIT}/massnahmen/${measure.id}/verschieben`,
      {
        version: String(withMeasure.version),
        titel: "wird beim Verschieben nicht gelesen",
        status: "planned",
        richtung: "hoch",
      },
    );
    expect(moved.statusCode).toBe(303);
    expect(moved.headers.location).toContain(
      "gespeichert=massnahme-verschoben",
    );
    const afterMove = await project();
    expect(afterMove.measures.at(-2)?.id).toBe(measure.id);
    const saved = await postForm(
      web.app,
      editorCookie,
      `${EDIT}/massnahmen/${measure.id}`,
      {
        version: String(afterMove.version),
        titel: "Schulung der Rechnungsprüfung",
        status: "done",
      },
    );
    expect(saved.statusCode).toBe(303);
    const invalid = await postForm(
      web.app,
      editorCookie,
      `${EDIT}/massnahmen/${measure.id}`,
      {
        version: String(afterMove.version + 1),
        titel: "   ",
        status: "done",
      },
    );
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain(`href="#massnahme-${measure.id}-titel"`);
    const deleted = await postForm(
      web.app,
      editorCookie,
      `${EDIT}/massnahmen/${measure.id}/loeschen`,
      { version: String(afterMove.version + 1), bestaetigt: "ja" },
    );
    expect(deleted.statusCode).toBe(303);
    expect((await project()).measures.map((m) => m.id)).not.toContain(
      measure.id,
    );
  });

  it("saves responsibilities from the rows, drops removed and empty rows, and places a problem at its row", async () => {
    const target = "/kleve/verwaltung/projekte/social-media";
    const before = await project("social-media");
    const rows: Record<string, string> = {
      version: String(before.version),
      zeilen: "4",
    };
    before.responsibilities.forEach((responsibility, index) => {
      rows[`einheit-${index}`] = responsibility.orgUnitCode;
      rows[`rolle-${index}`] = responsibility.role;
    });
    const last = before.responsibilities.length;
    const duplicate = await postForm(
      web.app,
      editorCookie,
      `${target}/zustaendigkeiten`,
      {
        ...rows,
        zeilen: String(last + 1),
        [`einheit-${last}`]: "10.1",
        [`rolle-${last}`]: "contributing",
      },
    );
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain(
      `href="#zustaendigkeiten-einheit-${last}"`,
    );
    const saved = await postForm(
      web.app,
      editorCookie,
      `${target}/zustaendigkeiten`,
      {
        ...rows,
        zeilen: String(last + 2),
        [`einheit-${last}`]: "61",
        [`rolle-${last}`]: "contributing",
        [`notiz-${last}`]: "Beteiligung",
        [`einheit-${last + 1}`]: "",
      },
    );
    expect(saved.statusCode).toBe(303);
    expect((await project("social-media")).responsibilities.at(-1)).toEqual({
      orgUnitCode: "61",
      role: "contributing",
      note: "Beteiligung",
    });
  });

  it("shows the municipality's log with filters and refuses a malformed date with 400", async () => {
    // Two changes of its own on a project no other test touches: a phase and the basic data.
    const target = "/kleve/verwaltung/projekte/lorawan";
    const start = await project("lorawan");
    expect(
      (
        await postForm(web.app, adminCookie, `${target}/phasen`, {
          version: String(start.version),
          bezeichnung: "Betrieb",
          beginn: "05/2025",
          ende: "2026",
          fortsetzung: "",
        })
      ).statusCode,
    ).toBe(303);
    const withPhase = await project("lorawan");
    const phase = withPhase.phases.at(-1)!;
    const phaseFields = {
      version: String(withPhase.version),
      bezeichnung: "Betrieb",
      beginn: "05/2025",
      ende: "2027",
      fortsetzung: "",
      notiz: "",
      grund: "",
    };
    expect(
      (
        await postForm(
          web.app,
          adminCookie,
          `${target}/phasen/${phase.id}`,
          phaseFields,
        )
      ).statusCode,
    ).toBe(303);
    const changed = await project("lorawan");
    const basicData = {
      version: String(changed.version),
      titel: changed.title,
      zusammenfassung: `${changed.summary} Ergänzt.`,
      status: changed.status,
      schlagwoerter: changed.tags.join(", "),
    };
    expect(
      (await postForm(web.app, adminCookie, `${target}/grunddaten`, basicData))
        .statusCode,
    ).toBe(303);
    const all = await page("/kleve/verwaltung/protokoll", editorCookie);
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('app-audit-list__heading">Phase geändert');
    const filtered = await page(
      "/kleve/verwaltung/protokoll?aktion=project.update&von=28.11.2022&bis=2022-11-28",
      editorCookie,
    );
    expect(filtered.statusCode).toBe(200);
    expect(filtered.body).toContain(
      'app-audit-list__heading">Grunddaten geändert',
    );
    expect(filtered.body).not.toContain(
      'app-audit-list__heading">Phase geändert',
    );
    const none = await page(
      "/kleve/verwaltung/protokoll?von=01.01.2030",
      editorCookie,
    );
    expect(textOf(none.body)).toContain(
      "Es gibt keine Einträge, die der Auswahl entsprechen.",
    );
    const bad = await page(
      "/kleve/verwaltung/protokoll?von=gestern",
      editorCookie,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#protokoll-von"');
    expect(tagWithId(bad.body, "protokoll-von")).toContain('value="gestern"');
    expect(bad.body).toMatch(/<title>Fehler: (?!Fehler)/);
  });

  it("lets an administrator change the programme, refuses a horizon that ends before it starts, and keeps the input", async () => {
    const form = (await page("/kleve/verwaltung/programm", adminCookie)).body;
    const version =
      /name="version" value="(\d+)"/.exec(elementById(form, "programm"))?.[1] ??
      "0";
    const invalid = await postForm(
      web.app,
      adminCookie,
      "/kleve/verwaltung/programm",
      {
        version,
        titel: "kleve.digital 2030",
        von: "2030",
        bis: "2020",
        ziele: "0",
      },
    );
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('href="#programm-bis"');
    expect(tagWithId(invalid.body, "programm-bis")).toContain('value="2020"');
    const saved = await postForm(
      web.app,
      adminCookie,
      "/kleve/verwaltung/programm",
      {
        version,
        titel: "kleve.digital 2030",
        von: "2020",
        bis: "2030",
        ziele: "1",
        "ziel-0": "Verwaltung arbeitet digital",
        grund: "Leitbild gestrafft",
      },
    );
    expect(saved.statusCode).toBe(303);
    expect(textOf((await page("/kleve/entwurf", adminCookie)).body)).toContain(
      "Verwaltung arbeitet digital",
    );
  });

  it("refuses an action field colour with too little contrast, naming the ratio", async () => {
    const form = (await page("/kleve/verwaltung/struktur", adminCookie)).body;
    const version =
      /name="version" value="(\d+)"/.exec(
        elementById(form, "af-smart-working"),
      )?.[1] ?? "0";
    const response = await postForm(
      web.app,
      adminCookie,
      "/kleve/verwaltung/struktur/aktionsfelder/smart-working",
      {
        version,
        nummer: "2",
        name: "Smart Working",
        farbe: "#ffcc00",
      },
    );
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain(
      "Weiße Schrift auf #ffcc00 erreicht nur 1,51 : 1; nötig sind mindestens 4,5 : 1.",
    );
    expect(response.body).toContain('href="#af-smart-working-farbe"');
  });

  it("refuses an org unit parent that would make a cycle", async () => {
    const form = (await page("/kleve/verwaltung/einheiten", adminCookie)).body;
    const version =
      /name="version" value="(\d+)"/.exec(elementById(form, "oe-10"))?.[1] ??
      "0";
    const response = await postForm(
      web.app,
      adminCookie,
      "/kleve/verwaltung/einheiten/10",
      {
        version,
        name: "Fachbereich 10",
        art: "department",
        uebergeordnet: "10.1",
      },
    );
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain(
      "Die Einheiten wären im Kreis einander untergeordnet: 10 → 10.1 → 10.",
    );
  });

  it("lets an administrator create a project and delete it after confirming", async () => {
    const created = await postForm(
      web.app,
      adminCookie,
      "/kleve/verwaltung/projekte",
      {
        aktionsfeld: "partizipation",
        nummer: "3.30",
        kurzname: "jugendbeteiligung",
        titel: "Jugendbeteiligung online",
        zusammenfassung: "Jugendliche reden mit.",
        status: "planned",
        federfuehrend: "10.1",
      },
    );
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe(
      "/kleve/verwaltung/projekte/jugendbeteiligung?gespeichert=projekt",
    );
    const taken = await postForm(
      web.app,
      adminCookie,
      "/kleve/verwaltung/projekte",
      {
        aktionsfeld: "partizipation",
        nummer: "3.31",
        kurzname: "jugendbeteiligung",
        titel: "Noch einmal",
        status: "planned",
      },
    );
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('href="#projekt-neu-kurzname"');
    const unconfirmed = await postForm(
      web.app,
      adminCookie,
      "/kleve/verwaltung/projekte/jugendbeteiligung/loeschen",
      { version: "1" },
    );
    expect(unconfirmed.statusCode).toBe(400);
    const deleted = await postForm(
      web.app,
      adminCookie,
      "/kleve/verwaltung/projekte/jugendbeteiligung/loeschen",
      { version: "1", bestaetigung: "ja" },
    );
    expect(deleted.statusCode).toBe(303);
    expect(
      (await web.app.inject("/kleve/projekte/jugendbeteiligung")).statusCode,
    ).toBe(404);
  });

  it("saves the basic data and refuses an empty title, keeping the input", async () => {
    const before = await project("egov-basisstruktur");
    const target = "/kleve/verwaltung/projekte/egov-basisstruktur/grunddaten";
    const fields = {
      version: String(before.version),
      titel: "  ",
      zusammenfassung: "Neu gefasst.",
      status: "ongoing",
      schlagwoerter: "Smart Governance, Smart People",
    };
    const invalid = await postForm(web.app, editorCookie, target, fields);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('href="#grunddaten-titel"');
    expect(textOf(invalid.body)).toContain("Titel darf nicht leer sein");
    expect(tagWithId(invalid.body, "grunddaten-schlagwoerter")).toContain(
      'value="Smart Governance, Smart People"',
    );
    const saved = await postForm(web.app, editorCookie, target, {
      ...fields,
      titel: "E-Government-Basisstruktur",
    });
    expect(saved.statusCode).toBe(303);
    expect(await project("egov-basisstruktur")).toMatchObject({
      title: "E-Government-Basisstruktur",
      status: "ongoing",
      tags: ["Smart Governance", "Smart People"],
    });
  });

  it("adds a phase with an open end and deletes it again", async () => {
    const before = await project();
    const added = await postForm(web.app, editorCookie, `${EDIT}/phasen`, {
      version: String(before.version),
      bezeichnung: "Betrieb",
      beginn: "05/2025",
      offen: "ja",
      fortsetzung: "permanent",
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(
      `${EDIT}?gespeichert=phase-neu#zeitplan`,
    );
    const withPhase = await project();
    const phase = withPhase.phases.at(-1)!;
    expect(phase).toMatchObject({
      label: "Betrieb",
      end: null,
      continuation: "permanent",
    });
    // The delete button asks first (WCAG 3.3.4): nothing is deleted until confirmed.
    const asked = await postForm(
      web.app,
      editorCookie,
      `${EDIT}/phasen/${phase.id}/loeschen`,
      { version: String(withPhase.version) },
    );
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain("Phase „Betrieb“ löschen?");
    expect(asked.body).toContain('name="bestaetigt" value="ja"');
    expect((await project()).phases).toHaveLength(before.phases.length + 1);
    const deleted = await postForm(
      web.app,
      editorCookie,
      `${EDIT}/phasen/${phase.id}/loeschen`,
      { version: String(withPhase.version), bestaetigt: "ja" },
    );
    expect(deleted.statusCode).toBe(303);
    expect((await project()).phases).toHaveLength(before.phases.length);
  });

  it("refuses a new measure without a title and a move without a direction", async () => {
    const before = await project();
    const empty = await postForm(web.app, editorCookie, `${EDIT}/massnahmen`, {
      version: String(before.version),
      titel: "",
      status: "planned",
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#massnahme-neu-titel"');
    const measure = before.measures[1]!;
    const noDirection = await postForm(
      web.app,
      editorCookie,
      `${EDIT}/massnahmen/${measure.id}/verschieben`,
      { version: String(before.version), richtung: "seitwaerts" },
    );
    expect(noDirection.statusCode).toBe(400);
    expect(await project()).toEqual(before);
  });

  it("answers the removal of a dependency that is not there with 404", async () => {
    const before = await project("workflowmanagement");
    const response = await postForm(
      web.app,
      editorCookie,
      "/kleve/verwaltung/projekte/workflowmanagement/abhaengigkeiten/social-media/loeschen",
      { version: String(before.version) },
    );
    expect(response.statusCode).toBe(404);
  });

  it("replaces the priorities of a year and refuses a priority without a title", async () => {
    const form = (
      await page("/kleve/verwaltung/programm?jahr=2023", adminCookie)
    ).body;
    const version =
      /name="version" value="(\d+)"/.exec(
        elementById(form, "prioritaeten"),
      )?.[1] ?? "0";
    const invalid = await postForm(
      web.app,
      adminCookie,
      "/kleve/verwaltung/programm/prioritaeten",
      {
        version,
        jahr: "2023",
        zeilen: "2",
        "prioritaet-0": "E-Rechnung flächendeckend",
        "prioritaet-1": "",
        "prioritaet-1-projekte": ["e-payment"],
      },
    );
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('href="#prioritaeten-prioritaet-1"');
    expect(tagWithId(invalid.body, "prioritaeten-prioritaet-0")).toContain(
      'value="E-Rechnung flächendeckend"',
    );
    const saved = await postForm(
      web.app,
      adminCookie,
      "/kleve/verwaltung/programm/prioritaeten",
      {
        version,
        jahr: "2023",
        zeilen: "1",
        "prioritaet-0": "E-Rechnung flächendeckend",
        "prioritaet-0-projekte": ["e-rechnungsworkflow", "e-payment"],
      },
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(
      "/kleve/verwaltung/programm?gespeichert=prioritaeten&jahr=2023",
    );
    expect(textOf((await page("/kleve/entwurf", adminCookie)).body)).toContain(
      "E-Rechnung flächendeckend",
    );
  });

  it("creates and changes impact areas and action fields, refusing malformed keys and empty names", async () => {
    const badKey = await postForm(
      web.app,
      adminCookie,
      "/kleve/verwaltung/struktur/wirkungsbereiche",
      { schluessel: "Digitale Bildung", name: "Digitale Bildung" },
    );
    expect(badKey.statusCode).toBe(400);
    expect(badKey.body).toContain('href="#wb-neu-schluessel"');
    const area = await postForm(
      web.app,
      adminCookie,
      "/kleve/verwaltung/struktur/wirkungsbereiche",
      { schluessel: "digitale-bildung", name: "Digitale Bildung" },
    );
    expect(area.statusCode).toBe(303);
    const emptyName = await postForm(
      web.app,
      adminCookie,
      "/kleve/verwaltung/struktur/wirkungsbereiche/digitale-bildung",
      { version: "1", name: "" },
    );
    expect(emptyName.statusCode).toBe(400);
    expect(emptyName.body).toContain('href="#wb-digitale-bildung-name"');
    const renamed = await postForm(
      web.app,
      adminCookie,
      "/kleve/verwaltung/struktur/wirkungsbereiche/digitale-bildung",
      { version: "1", name: "Bildung digital", beschreibung: "Schulen" },
    );
    expect(renamed.statusCode).toBe(303);
    const badNumber = await postForm(
      web.app,
      adminCookie,
      "/kleve/verwaltung/struktur/aktionsfelder",
      {
        wirkungsbereich: "digitale-bildung",
        schluessel: "schulen",
        nummer: "eins",
        name: "Schulen",
        farbe: "#1d4f91",
      },
    );
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.body).toContain('href="#af-neu-nummer"');
    const field = await postForm(
      web.app,
      adminCookie,
      "/kleve/verwaltung/struktur/aktionsfelder",
      {
        wirkungsbereich: "digitale-bildung",
        schluessel: "schulen",
        nummer: "1",
        name: "Schulen",
        farbe: "#1D4F91",
      },
    );
    expect(field.statusCode).toBe(303);
    const changed = await postForm(
      web.app,
      adminCookie,
      "/kleve/verwaltung/struktur/aktionsfelder/schulen",
      { version: "1", nummer: "1", name: "Schulen und VHS", farbe: "#0b5394" },
    );
    expect(changed.statusCode).toBe(303);
    expect(textOf((await page("/kleve/entwurf", adminCookie)).body)).toContain(
      "Schulen und VHS",
    );
  });

  it("creates and changes org units, refusing a taken code", async () => {
    const taken = await postForm(
      web.app,
      adminCookie,
      "/kleve/verwaltung/einheiten",
      { kuerzel: "10.1", name: "Doppelt", art: "division", uebergeordnet: "" },
    );
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('href="#oe-neu-kuerzel"');
    expect(textOf(taken.body)).toMatch(
      /Das Kürzel (&#34;|")10\.1(&#34;|") ist schon vergeben\./,
    );
    const created = await postForm(
      web.app,
      adminCookie,
      "/kleve/verwaltung/einheiten",
      {
        kuerzel: "10.4",
        name: "Abteilung 10.4",
        art: "division",
        uebergeordnet: "10",
      },
    );
    expect(created.statusCode).toBe(303);
    const changed = await postForm(
      web.app,
      adminCookie,
      "/kleve/verwaltung/einheiten/10.4",
      {
        version: "1",
        name: "Abteilung 10.4 – Digitales",
        art: "division",
        uebergeordnet: "10",
      },
    );
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe(
      "/kleve/verwaltung/einheiten?gespeichert=einheit#oe-10.4",
    );
  });

  it("refuses a form without the CSRF token", async () => {
    const before = await project();
    const response = await web.app.inject({
      method: "POST",
      url: `${EDIT}/grunddaten`,
      headers: {
        cookie: editorCookie,
        "content-type": "application/x-www-form-urlencoded",
      },
      payload: `version=${before.version}&titel=Ohne+Token&status=planned`,
    });
    expect(response.statusCode).toBe(403);
    expect(await project()).toEqual(before);
  });
});
