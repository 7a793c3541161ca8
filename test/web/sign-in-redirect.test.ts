/**
 * Anonymous visitors who open a staff page are sent to sign in and come back afterwards
 * (303 with `next`), instead of meeting a 401 page; the API keeps answering 401 in JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../support/database.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";

const STAFF_PAGES = [
  "/kleve/verwaltung/",
  "/kleve/verwaltung/protokoll",
  "/kleve/verwaltung/projekte/e-rechnungsworkflow",
  "/kleve/verwaltung/projekte/e-rechnungsworkflow/verlauf",
  "/kleve/verwaltung/benutzer",
  "/kleve/verwaltung/berichte",
  "/kleve/entwurf",
  "/konto",
];

describe.each(DIALECTS)(
  "anonymous visitors on staff pages on %s",
  (dialect) => {
    let web: WebTestApp;

    beforeAll(async () => {
      web = await openWebApp(dialect);
    });

    afterAll(async () => {
      await web.close();
    });

    it.each(STAFF_PAGES)("sends GET %s to sign in and back", async (url) => {
      const response = await web.app.inject(url);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(
        `/anmelden?next=${encodeURIComponent(url)}`,
      );
      expect(response.headers["cache-control"]).toBe("no-store");
    });

    it("keeps the language and the query on the way back", async () => {
      const response = await web.app.inject(
        "/kleve/verwaltung/protokoll?seite=2&lang=en",
      );
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(
        `/anmelden?next=${encodeURIComponent("/kleve/verwaltung/protokoll?seite=2&lang=en")}&lang=en`,
      );
    });

    it("answers the API with 401 in JSON", async () => {
      const response = await web.app.inject(
        "/api/v1/municipalities/kleve/audit",
      );
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe("ERR_UNAUTHENTICATED");
    });
  },
);
