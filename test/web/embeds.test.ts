/**
 * Embeds for the municipality's website: public, without scripts, framed only by the
 * origins the administrators list (CSP frame-ancestors; no X-Frame-Options), and the
 * staff page with the code to copy. Runs on SQLite and PostgreSQL; the browser check is in
 * test/e2e/embeds.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { changeOpenDataSettings } from "../../src/app/open-data/settings.js";
import { createTestUser, signIn } from "../support/accounts.js";
import { DIALECTS } from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";

const EMBEDS = [
  "/kleve/einbetten/projekte/e-rechnungsworkflow",
  "/kleve/einbetten/aktionsfelder/smart-working",
  "/kleve/einbetten/kennzahlen/mobile-office",
];

function frameAncestors(csp: string | undefined): string[] {
  const directive = (csp ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith("frame-ancestors "));
  return directive === undefined ? [] : directive.split(/\s+/).slice(1);
}

describe.each(DIALECTS)("embeds on %s", (dialect) => {
  let web: WebTestApp;

  beforeAll(async () => {
    web = await openWebApp(dialect, { demo: "with-reports" });
  });
  afterAll(async () => {
    await web?.close();
  });

  async function listOrigins(origins: string): Promise<void> {
    const catalogue = await getCatalogue(web.ctx, "kleve");
    const admin = buildPrincipal(catalogue.municipality.id, {
      role: "admin",
      orgUnitCodes: [],
    });
    await changeOpenDataSettings(web.ctx, admin, {
      municipality: "kleve",
      data: {
        licence: "dl-by-de/2.0",
        regionalKey: "051540036036",
        embedOrigins: origins,
      },
    });
  }

  it("renders each embed without scripts and frames it only on this site while no origin is listed", async () => {
    await listOrigins("");
    for (const path of EMBEDS) {
      const response = await web.app.inject(path);
      expect(response.statusCode, path).toBe(200);
      expect(response.body).not.toContain("<script");
      expect(response.body).toContain('target="_top"');
      expect(
        frameAncestors(response.headers["content-security-policy"] as string),
      ).toEqual(["'self'"]);
      expect(response.headers["x-frame-options"]).toBeUndefined();
    }
    expect(
      (await web.app.inject("/kleve/einbetten/projekte/e-rechnungsworkflow"))
        .body,
    ).toContain("2.5 E-Rechnungsworkflow");
  });

  it("allows exactly the listed origins, and every other page stays unframeable", async () => {
    await listOrigins(
      "https://www.kleve.example\nhttps://rat.kleve.example:8443",
    );
    const response = await web.app.inject(EMBEDS[0] ?? "");
    expect(
      frameAncestors(response.headers["content-security-policy"] as string),
    ).toEqual([
      "'self'",
      "https://www.kleve.example",
      "https://rat.kleve.example:8443",
    ]);
    const portal = await web.app.inject("/kleve/projekte/e-rechnungsworkflow");
    expect(
      frameAncestors(portal.headers["content-security-policy"] as string),
    ).toEqual(["'none'"]);
    expect(portal.headers["x-frame-options"]).toBe("DENY");
  });

  it("answers unknown records with 404", async () => {
    for (const path of [
      "/kleve/einbetten/projekte/gibt-es-nicht",
      "/kleve/einbetten/aktionsfelder/gibt-es-nicht",
      "/kleve/einbetten/kennzahlen/gibt-es-nicht",
      "/nirgendwo/einbetten/projekte/x",
    ]) {
      expect((await web.app.inject(path)).statusCode, path).toBe(404);
    }
  });

  it("shows staff the code to copy with a preview; the public and committee members are refused", async () => {
    await listOrigins("https://www.kleve.example");
    // Signed out: to the sign-in page, and back afterwards.
    const signedOut = await web.app.inject("/kleve/verwaltung/einbetten");
    expect(signedOut.statusCode).toBe(303);
    expect(signedOut.headers.location).toContain("/anmelden");
    const committee = await signIn(
      web.app,
      await createTestUser(web.ctx, { role: "committee" }),
    );
    expect(
      (
        await web.app.inject({
          url: "/kleve/verwaltung/einbetten",
          headers: { cookie: committee },
        })
      ).statusCode,
    ).toBe(403);
    const editor = await signIn(
      web.app,
      await createTestUser(web.ctx, { role: "editor", orgUnitCodes: ["10.1"] }),
    );
    const page = await web.app.inject({
      url: "/kleve/verwaltung/einbetten",
      headers: { cookie: editor },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      "&lt;iframe src=&#34;http://localhost:80/kleve/einbetten/projekte/",
    );
    expect(page.body).toContain(
      '<iframe class="app-embed-preview" src="/kleve/einbetten/kennzahlen/',
    );
    expect(page.body).toContain("https://www.kleve.example");
  });
});
