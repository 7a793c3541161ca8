/**
 * A new municipality over HTTP: its first administrator's home names the first steps in
 * order and offers no form before what it depends on exists; the portal shows only what
 * the administrator released, under "Arbeitsstand – noch nicht beschlossen", never what
 * was typed since; a deactivated municipality's portal answers 410 and says so.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import {
  createMunicipality,
  setMunicipalityState,
} from "../../src/app/municipalities/lifecycle.js";
import { WEB_DIALECTS } from "../support/database.js";
import { createTestUser, postForm, signIn } from "../support/accounts.js";
import {
  openIdentityApp,
  type IdentityTestApp,
} from "./support/identity-app.js";
import { textOf } from "./support/web-app.js";

describe.each(WEB_DIALECTS)("a new municipality on %s", (dialect) => {
  let web: IdentityTestApp;

  beforeAll(async () => {
    web = await openIdentityApp(dialect);
  });
  afterAll(async () => {
    await web.close();
  });

  async function newMunicipality() {
    const slug = `neu-${randomBytes(3).toString("hex")}`;
    await createMunicipality(web.ctx, COMMAND_LINE, {
      name: "Gemeinde Neustadt",
      slug,
      state: "05",
      regionalKey: "051540000000",
    });
    const admin = await createTestUser(web.ctx, {
      role: "admin",
      municipalitySlug: slug,
    });
    return { slug, admin, cookie: await signIn(web.app, admin) };
  }

  it("guides the first administrator and shows the public only what was released", async () => {
    const { slug, cookie } = await newMunicipality();
    const home = await web.app.inject({
      url: `/${slug}/verwaltung/`,
      headers: { cookie },
    });
    expect(home.statusCode).toBe(200);
    const text = textOf(home.body);
    expect(text).toContain("Erste Schritte");
    expect(text).toMatch(
      /Programm beschreiben.*Wirkungsbereiche anlegen.*Aktionsfelder.*Organisationseinheiten.*Projekte anlegen.*freigeben/,
    );
    expect(text).toContain("Als Nächstes: offen");
    // No project form before there is an action field and an org unit.
    expect(home.body).not.toContain(`href="/${slug}/verwaltung/projekte/neu"`);
    expect(text).toContain("Zuerst braucht es ein Aktionsfeld");
    const structure = await web.app.inject({
      url: `/${slug}/verwaltung/struktur`,
      headers: { cookie },
    });
    expect(structure.body).not.toContain(
      'action="/' + slug + '/verwaltung/struktur/aktionsfelder"',
    );
    expect(textOf(structure.body)).toContain("Legen Sie zuerst einen an");

    // Before any release the portal shows the frame only, with the banner.
    let portal = await web.app.inject(`/${slug}/`);
    expect(portal.statusCode).toBe(200);
    expect(textOf(portal.body)).toContain(
      "Arbeitsstand – noch nicht beschlossen",
    );

    // The administrator describes the programme: the counter shows the limit.
    const programme = await web.app.inject({
      url: `/${slug}/verwaltung/programm`,
      headers: { cookie },
    });
    expect(programme.body).toContain('data-module="app-character-count"');
    expect(textOf(programme.body)).toContain("Höchstens 1000 Zeichen.");
    const vision = `Neustadt ist digital. ${"Leitbild ".repeat(110)}`.slice(
      0,
      1000,
    );
    const saved = await postForm(
      web.app,
      cookie,
      `/${slug}/verwaltung/programm`,
      {
        version: "1",
        titel: "Neustadt digital",
        von: "2026",
        bis: "2031",
        einleitung: "Unser Weg",
        ziele: "1",
        "ziel-0": vision,
      },
      { csrfFrom: `/${slug}/verwaltung/programm` },
    );
    expect(saved.statusCode).toBe(303);
    portal = await web.app.inject(`/${slug}/`);
    expect(portal.body).not.toContain("Neustadt digital");

    const released = await postForm(
      web.app,
      cookie,
      `/${slug}/verwaltung/freigabe`,
      {},
      { csrfFrom: `/${slug}/verwaltung/` },
    );
    expect(released.statusCode).toBe(303);
    portal = await web.app.inject(`/${slug}/`);
    expect(portal.body).toContain("Neustadt digital");
    expect(textOf(portal.body)).toContain(
      "Arbeitsstand – noch nicht beschlossen",
    );
    expect(textOf(portal.body)).toContain("Neustadt ist digital.");

    // Typed after the release: not public until the next one.
    const renamed = await postForm(
      web.app,
      cookie,
      `/${slug}/verwaltung/programm`,
      {
        version: "2",
        titel: "Geheimer Entwurfstitel",
        von: "2026",
        bis: "2031",
        ziele: "1",
        "ziel-0": vision,
      },
      { csrfFrom: `/${slug}/verwaltung/programm` },
    );
    expect(renamed.statusCode).toBe(303);
    portal = await web.app.inject(`/${slug}/`);
    expect(portal.body).not.toContain("Geheimer Entwurfstitel");
    const api = await web.app.inject(
      `/api/v1/municipalities/${slug}/catalogue`,
    );
    expect(api.body).not.toContain("Geheimer Entwurfstitel");
  });

  it("answers 410 with a notice for a deactivated municipality and keeps its staff from changing data", async () => {
    const { slug, cookie } = await newMunicipality();
    await setMunicipalityState(
      web.ctx,
      COMMAND_LINE,
      { municipality: slug },
      false,
    );
    const portal = await web.app.inject(`/${slug}/`);
    expect(portal.statusCode).toBe(410);
    expect(textOf(portal.body)).toContain(
      "Diese Kommune ist zurzeit deaktiviert",
    );
    const refused = await postForm(
      web.app,
      cookie,
      `/${slug}/verwaltung/freigabe`,
      {},
      { csrfFrom: `/${slug}/verwaltung/` },
    );
    expect(refused.statusCode).toBe(409);
    await setMunicipalityState(
      web.ctx,
      COMMAND_LINE,
      { municipality: slug },
      true,
    );
    expect((await web.app.inject(`/${slug}/`)).statusCode).toBe(200);
  });
});
