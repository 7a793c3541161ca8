import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createCatalogueCache,
  type AppContext,
} from "../../src/app/context.js";
import { buildApp } from "../../src/web/build-app.js";
import { WEB_DIALECTS, TEST_NOW } from "../support/database.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";

const PAGES = [
  "/kleve/",
  "/kleve/?lang=en",
  "/kleve/projekte/e-rechnungsworkflow",
  "/kleve/zeitstrahl",
  "/kleve/zeitstrahl?status=unbekannt",
  "/kleve/suche?q=rechnung",
  "/kleve/projekte/gibt-es-nicht",
];

describe.each(WEB_DIALECTS)("security headers and markup on %s", (dialect) => {
  let web: WebTestApp;

  beforeAll(async () => {
    web = await openWebApp(dialect);
  });

  afterAll(async () => {
    await web.close();
  });

  it.each([
    ...PAGES,
    "/api/v1/municipalities",
    "/api/v1/municipalities/atlantis/catalogue",
    "/health",
    "/assets/app.css",
  ])("sends the security headers on %s", async (url) => {
    const response = await web.app.inject(url);
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers["strict-transport-security"]).toMatch(
      /max-age=\d{7,}/,
    );
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe(
      "strict-origin-when-cross-origin",
    );
    expect(response.headers["x-frame-options"]).toBe("DENY");
  });

  it.each(PAGES)(
    "has no inline style, inline script or event handler on %s",
    async (url) => {
      const html = (await web.app.inject(url)).body;
      expect(html).not.toMatch(/\sstyle=/i);
      expect(html).not.toMatch(/<style/i);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      for (const script of html.match(/<script[^>]*>[\s\S]*?<\/script>/gi) ??
        []) {
        expect(script).toMatch(
          /^<script type="module" src="\/assets\/app\.js\?v=[^"]+"><\/script>$/,
        );
      }
    },
  );

  it.each(PAGES)(
    "is a German page with a skip link, one main landmark and one h1 on %s",
    async (url) => {
      const html = (await web.app.inject(url)).body;
      expect(html.startsWith("<!doctype html>")).toBe(true);
      expect(html).toMatch(/<html lang="(de|en)">/);
      expect(html).toContain('<a class="app-skip-link" href="#inhalt">');
      expect(html.match(/<main /g)).toHaveLength(1);
      expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    },
  );
});

describe("unexpected errors", () => {
  // A context whose database throws on every use: stands for a bug or an outage that no
  // use case turned into an AppError.
  const brokenDatabase = new Proxy(
    {},
    {
      get() {
        throw new Error("geheimer Verbindungsfehler in /srv/fortschritt/db.ts");
      },
    },
  );
  const ctx = {
    db: brokenDatabase,
    dialect: "sqlite",
    cache: createCatalogueCache(),
    clock: () => TEST_NOW,
  } as unknown as AppContext;

  it("answers the API with ERR_INTERNAL and no stack trace", async () => {
    const app = await buildApp(ctx);
    const response = await app.inject("/api/v1/municipalities/kleve/catalogue");
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: {
        code: "ERR_INTERNAL",
        message:
          "Es ist ein unerwarteter Fehler aufgetreten. Bitte versuchen Sie es später erneut.",
      },
    });
    expect(response.body).not.toContain("geheimer");
    await app.close();
  });

  it("answers a portal page with a German 500 page and no stack trace", async () => {
    const app = await buildApp(ctx);
    const response = await app.inject("/kleve/zeitstrahl");
    expect(response.statusCode).toBe(500);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.body).toContain("Es ist ein Fehler aufgetreten");
    expect(response.body).not.toContain("geheimer");
    expect(response.body).not.toContain("db.ts");
    await app.close();
  });

  it("answers the health check with 503 ERR_DATABASE_UNAVAILABLE", async () => {
    const app = await buildApp(ctx);
    const response = await app.inject("/health");
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe("ERR_DATABASE_UNAVAILABLE");
    await app.close();
  });
});
