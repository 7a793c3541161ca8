/**
 * Bad values through the staff forms, on SQLite and PostgreSQL: a breakdown that does not
 * add up, a decimal with more places than the key figure keeps, and an end before the
 * start of a phase or a measure (new and changed). Each gets its German message in the
 * error summary and at its field, keeps what was typed, and changes nothing stored
 * (docs/adr/0029, docs/adr/0030).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getCatalogue,
  getProject,
} from "../../src/app/catalogue/read-catalogue.js";
import { createIndicator } from "../../src/app/indicators/manage-indicators.js";
import { getIndicatorsForStaff } from "../../src/app/indicators/read-indicators.js";
import type { UserPrincipal } from "../../src/domain/access/principal.js";
import type { Project } from "../../src/domain/catalogue/catalogue.js";
import { createTestUser, postForm, signIn } from "../support/accounts.js";
import { DIALECTS } from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import {
  elementById,
  openWebApp,
  textOf,
  type WebTestApp,
} from "./support/web-app.js";

const SLUG = "e-rechnungsworkflow";
const EDIT = `/kleve/verwaltung/projekte/${SLUG}`;
const FIGURES = "/kleve/verwaltung/kennzahlen";

describe.each(DIALECTS)("bad values in the staff forms on %s", (dialect) => {
  let web: WebTestApp;
  let cookie: string;
  let admin: UserPrincipal;

  beforeAll(async () => {
    web = await openWebApp(dialect);
    cookie = await signIn(
      web.app,
      await createTestUser(web.ctx, { role: "admin" }),
    );
    const municipalityId = (await getCatalogue(web.ctx, "kleve")).municipality
      .id;
    admin = buildPrincipal(municipalityId, { role: "admin", orgUnitCodes: [] });
    const base = {
      definition: "Was gezählt wird",
      source: "Personalverwaltung",
      owner: "Stabsstelle Digitalisierung",
      projectSlug: null,
      denominatorLabel: null,
      chartKind: "line" as const,
    };
    await createIndicator(web.ctx, admin, {
      municipality: "kleve",
      key: "pruef-beschaeftigte",
      data: {
        ...base,
        name: "Beschäftigte im Homeoffice",
        unit: "Beschäftigte",
        kind: "count",
      },
    });
    await createIndicator(web.ctx, admin, {
      municipality: "kleve",
      key: "pruef-quote",
      data: {
        ...base,
        name: "Quote digitaler Anträge",
        unit: "%",
        kind: "percent",
        decimals: 1,
      },
    });
  });

  afterAll(async () => {
    await web?.close();
  });

  async function project(): Promise<Project> {
    return (await getProject(web.ctx, "kleve", SLUG)).entry.project;
  }

  async function figure(key: string) {
    const found = (
      await getIndicatorsForStaff(web.ctx, admin, "kleve")
    ).indicators.find((each) => each.indicator.key === key);
    if (found === undefined) throw new Error(`no figure ${key}`);
    return found;
  }

  /** The refused form: 400, the message in the summary and at the field, the input kept. */
  function expectRefused(
    response: Awaited<ReturnType<typeof postForm>>,
    fieldId: string,
    message: string,
    typed: string,
  ): void {
    expect(response.statusCode).toBe(400);
    const summary = elementById(response.body, "fehler-titel");
    expect(summary).toContain("Es gibt ein Problem");
    expect(response.body).toContain(`href="#${fieldId}"`);
    expect(textOf(elementById(response.body, `${fieldId}-fehler`))).toContain(
      message,
    );
    expect(response.body).toContain(typed);
  }

  it("refuses a breakdown that does not add up and stores no value", async () => {
    const before = await figure("pruef-beschaeftigte");
    const response = await postForm(
      web.app,
      cookie,
      `${FIGURES}/pruef-beschaeftigte/werte`,
      {
        version: String(before.version),
        datum: "30.11.2026",
        wert: "111",
        aufteilung: "23 Führungskräfte\n80 Mitarbeitende",
      },
    );
    expectRefused(
      response,
      "wert-neu-aufteilung",
      "Die Aufteilung geht nicht auf: 23 + 80 = 103, der Wert ist aber 111.",
      "80 Mitarbeitende",
    );
    expect(await figure("pruef-beschaeftigte")).toEqual(before);
  });

  it("refuses a decimal with more places than the figure keeps and stores no value", async () => {
    const before = await figure("pruef-quote");
    const response = await postForm(
      web.app,
      cookie,
      `${FIGURES}/pruef-quote/werte`,
      {
        version: String(before.version),
        datum: "30.11.2026",
        wert: "66,75 %",
      },
    );
    expectRefused(
      response,
      "wert-neu-wert",
      "Der Wert 66,75 hat zu viele Nachkommastellen: „Quote digitaler Anträge“ wird mit 1 Nachkommastelle erfasst.",
      "66,75 %",
    );
    expect(await figure("pruef-quote")).toEqual(before);
  });

  it("refuses a new phase whose end lies before its start", async () => {
    const before = await project();
    const response = await postForm(web.app, cookie, `${EDIT}/phasen`, {
      version: String(before.version),
      bezeichnung: "Evaluation",
      beginn: "2025",
      ende: "QII/2024",
      fortsetzung: "",
    });
    expectRefused(
      response,
      "phase-neu-ende",
      "Das Ende liegt vor dem Beginn.",
      "QII/2024",
    );
    expect(await project()).toEqual(before);
  });

  it("refuses a changed phase whose end lies before its start", async () => {
    const before = await project();
    const phase = before.phases[0]!;
    const response = await postForm(
      web.app,
      cookie,
      `${EDIT}/phasen/${phase.id}`,
      {
        version: String(before.version),
        bezeichnung: phase.label,
        beginn: "2026",
        ende: "QIV/2025",
        fortsetzung: "",
      },
    );
    expectRefused(
      response,
      `phase-${phase.id}-ende`,
      "Das Ende liegt vor dem Beginn.",
      "QIV/2025",
    );
    expect(await project()).toEqual(before);
  });

  it("refuses a new measure whose end lies before its start", async () => {
    const before = await project();
    const response = await postForm(web.app, cookie, `${EDIT}/massnahmen`, {
      version: String(before.version),
      titel: "Zu früh beendet",
      status: "planned",
      beginn: "2026",
      ende: "QIV/2025",
    });
    expectRefused(
      response,
      "massnahme-neu-ende",
      "Das Ende (QIV/2025) liegt vor dem Beginn (2026).",
      "Zu früh beendet",
    );
    expect(await project()).toEqual(before);
  });

  it("refuses a changed measure whose end lies before its start", async () => {
    const before = await project();
    const measure = before.measures[0]!;
    const response = await postForm(
      web.app,
      cookie,
      `${EDIT}/massnahmen/${measure.id}`,
      {
        version: String(before.version),
        titel: measure.title,
        status: measure.status,
        beginn: "2027",
        ende: "2026",
      },
    );
    expectRefused(
      response,
      `massnahme-${measure.id}-ende`,
      "Das Ende (2026) liegt vor dem Beginn (2027).",
      "2027",
    );
    expect(await project()).toEqual(before);
  });
});
