/**
 * One person, two municipalities, two roles: an administrator of A who is an editor (of
 * Abteilung 10.1) in B gets exactly the rights of each role in each, and nothing in a
 * third municipality C, over pages and forms of each kind with one signed-in session.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import { createAccount } from "../../src/app/auth/manage-users.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { createMunicipality } from "../../src/app/municipalities/lifecycle.js";
import { listProjects } from "../../src/domain/catalogue/catalogue.js";
import { createTestUser, postForm, signIn } from "../support/accounts.js";
import { WEB_DIALECTS } from "../support/database.js";
import {
  openIdentityApp,
  type IdentityTestApp,
} from "./support/identity-app.js";

const B = "kleve";
const PROJECT = "e-rechnungsworkflow";

describe.each(WEB_DIALECTS)(
  "an administrator of A who edits in B on %s",
  (dialect) => {
    let web: IdentityTestApp;
    let cookie: string;
    let a: string;
    let c: string;

    async function newMunicipality(): Promise<string> {
      const slug = `neu-${randomBytes(3).toString("hex")}`;
      await createMunicipality(web.ctx, COMMAND_LINE, {
        name: `Gemeinde ${slug}`,
        slug,
        state: "05",
        regionalKey: "051540000000",
      });
      return slug;
    }

    beforeAll(async () => {
      web = await openIdentityApp(dialect);
      a = await newMunicipality();
      c = await newMunicipality();
      const person = await createTestUser(web.ctx, {
        role: "editor",
        orgUnitCodes: ["10.1"],
        municipalitySlug: B,
      });
      const inA = (await getCatalogue(web.ctx, a)).municipality.id;
      await createAccount(web.ctx, COMMAND_LINE, {
        municipalityId: inA,
        email: person.email,
        name: person.name,
        role: "admin",
      });
      cookie = await signIn(web.app, person);
    }, 120_000);
    afterAll(async () => {
      await web.close();
    });

    const get = async (url: string) =>
      (await web.app.inject({ url, headers: { cookie } })).statusCode;

    it("reads and administers A as an administrator", async () => {
      expect(await get(`/${a}/verwaltung/`)).toBe(200);
      expect(await get(`/${a}/verwaltung/benutzer`)).toBe(200);
      expect(await get(`/${a}/verwaltung/programm`)).toBe(200);
      const created = await postForm(
        web.app,
        cookie,
        `/${a}/verwaltung/benutzer`,
        {
          email: `neu-${a}@example.org`,
          name: "Nina Neu",
          role: "committee",
        },
        { csrfFrom: `/${a}/verwaltung/benutzer/neu` },
      );
      expect(created.statusCode).toBe(201);
    });

    it("edits the projects of its unit in B and administers nothing there", async () => {
      expect(await get(`/${B}/verwaltung/`)).toBe(200);
      expect(await get(`/${B}/verwaltung/benutzer`)).toBe(403);
      expect(await get(`/${B}/verwaltung/programm`)).toBe(403);
      expect(await get(`/${B}/verwaltung/projekte/${PROJECT}`)).toBe(200);
      const project = listProjects(await getCatalogue(web.ctx, B)).find(
        (p) => p.project.slug === PROJECT,
      )!;
      const saved = await postForm(
        web.app,
        cookie,
        `/${B}/verwaltung/projekte/${PROJECT}/grunddaten`,
        {
          version: String(project.project.version),
          titel: "E-Rechnungsworkflow",
          zusammenfassung: "Rechnungen digital.",
          status: "in_progress",
        },
        { csrfFrom: `/${B}/verwaltung/projekte/${PROJECT}` },
      );
      expect(saved.statusCode).toBe(303);
      const refused = await postForm(
        web.app,
        cookie,
        `/${B}/verwaltung/benutzer`,
        { email: `neu-b-${a}@example.org`, name: "Nina Neu", role: "admin" },
        { csrfFrom: `/${B}/verwaltung/` },
      );
      expect(refused.statusCode).toBe(403);
    });

    it("has no rights at all in a third municipality C", async () => {
      for (const path of ["", "benutzer", "programm"])
        expect([403, 404]).toContain(await get(`/${c}/verwaltung/${path}`));
      const refused = await postForm(
        web.app,
        cookie,
        `/${c}/verwaltung/benutzer`,
        { email: `neu-c-${c}@example.org`, name: "Nina Neu", role: "admin" },
        { csrfFrom: `/${a}/verwaltung/` },
      );
      expect(refused.statusCode).toBe(403);
    });
  },
);
