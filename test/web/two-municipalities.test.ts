/**
 * A person who administers Kleve and reads Goch's committee papers, over HTTP: the same
 * session is an administrator in Kleve and a committee reader in Goch, the account bar
 * links both, and the operators' pages refuse people who are no operators.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import { createAccount } from "../../src/app/auth/manage-users.js";
import { findMunicipalityBySlug } from "../../src/db/municipality.repository.js";
import { createTestUser, signIn } from "../support/accounts.js";
import { WEB_DIALECTS } from "../support/database.js";
import { ensureOtherMunicipality } from "./support/api-writers.js";
import { openWebApp, textOf, type WebTestApp } from "./support/web-app.js";

describe.each(WEB_DIALECTS)(
  "a person in two municipalities on %s",
  (dialect) => {
    let web: WebTestApp;
    let cookie: string;

    beforeAll(async () => {
      web = await openWebApp(dialect);
      const goch = (await findMunicipalityBySlug(
        web.ctx.db,
        await ensureOtherMunicipality(web.ctx),
      ))!;
      const person = await createTestUser(web.ctx, {
        role: "admin",
        municipalitySlug: "kleve",
      });
      await createAccount(web.ctx, COMMAND_LINE, {
        municipalityId: goch.id,
        email: person.email,
        name: person.name,
        role: "committee",
      });
      cookie = await signIn(web.app, person);
    }, 120_000);
    afterAll(async () => web?.close());

    it("administers Kleve and only reads in Goch", async () => {
      const kleveUsers = await web.app.inject({
        url: "/kleve/verwaltung/benutzer",
        headers: { cookie },
      });
      expect(kleveUsers.statusCode).toBe(200);
      const gochUsers = await web.app.inject({
        url: "/goch/verwaltung/benutzer",
        headers: { cookie },
      });
      expect(gochUsers.statusCode).toBe(403);
    });

    it("offers both municipalities in the account bar", async () => {
      const page = await web.app.inject({
        url: "/kleve/verwaltung/benutzer",
        headers: { cookie },
      });
      expect(textOf(page.body)).toContain("Kommune wechseln:");
      expect(page.body).toContain('href="/goch/"');
      expect(page.body).toContain('href="/kleve/verwaltung/"');
    });

    it("refuses the operators' pages to people who are no operators", async () => {
      const signedIn = await web.app.inject({
        url: "/betrieb/",
        headers: { cookie },
      });
      expect(signedIn.statusCode).toBe(403);
      const anonymous = await web.app.inject({ url: "/betrieb/" });
      // Pages send the public to the sign-in (303) or say 401 with a link there.
      expect([401, 303]).toContain(anonymous.statusCode);
    });
  },
);
