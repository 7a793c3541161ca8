/**
 * Input that no database can store faithfully — a NUL character, a lone surrogate, a
 * number that is not finite — is refused with a clear 400 on both databases, in German
 * on pages and with ERR_INPUT_UNSTORABLE in the API, and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS } from "../support/database.js";
import { csrfTokenIn, mergeCookies } from "../support/accounts.js";
import { createApiWriter, type ApiWriter } from "./support/api-writers.js";
import { openWebApp, textOf, type WebTestApp } from "./support/web-app.js";

const INVOICE = "/api/v1/municipalities/kleve/projects/e-rechnungsworkflow";
const GERMAN =
  "Die Eingabe enthält Zeichen oder Zahlen, die nicht gespeichert werden können";

describe.each(DIALECTS)("unstorable input on %s", (dialect) => {
  let web: WebTestApp;
  let admin: ApiWriter;

  beforeAll(async () => {
    web = await openWebApp(dialect);
    admin = await createApiWriter(web.ctx, { role: "admin" });
  });

  afterAll(async () => {
    await web.close();
  });

  async function current(): Promise<{
    etag: string;
    body: { project: { title: string; version: number } };
  }> {
    const response = await web.app.inject({
      url: INVOICE,
      headers: admin.headers(),
    });
    return { etag: String(response.headers.etag), body: response.json() };
  }

  it.each([
    [
      "a NUL character",
      JSON.stringify({
        title: "E-\u0000Rechnung",
        summary: "Rechnungen digital prüfen.",
        status: "in_progress",
      }),
      "/body/title",
    ],
    [
      "a lone surrogate",
      '{"title":"E-\\ud800Rechnung","summary":"Rechnungen digital prüfen.","status":"in_progress"}',
      "/body/title",
    ],
    [
      "an infinite number",
      '{"title":"E-Rechnung","summary":"Rechnungen digital prüfen.","status":"in_progress","progress":1e999}',
      "/body/progress",
    ],
  ])(
    "refuses %s in API JSON with 400 ERR_INPUT_UNSTORABLE and changes nothing",
    async (_what, payload, path) => {
      const before = await current();
      const response = await web.app.inject({
        method: "PUT",
        url: `${INVOICE}?reason=Test`,
        headers: admin.headers({
          "if-match": before.etag,
          "content-type": "application/json",
        }),
        payload,
      });
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body.error.code).toBe("ERR_INPUT_UNSTORABLE");
      expect(body.error.problems).toEqual([expect.objectContaining({ path })]);
      expect((await current()).body.project).toEqual(before.body.project);
    },
  );

  it("refuses a NUL character in a form field with a German 400 page", async () => {
    const form = await web.app.inject("/anmelden");
    const cookie = mergeCookies("", form);
    const response = await web.app.inject({
      method: "POST",
      url: "/anmelden",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      payload: new URLSearchParams({
        email: "admin\u0000@kleve.example",
        password: "egal egal egal",
        _csrf: csrfTokenIn(form.body) ?? "",
      }).toString(),
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("text/html");
    expect(textOf(response.body)).toContain(GERMAN);
  });

  it.each([
    "/kleve/suche?q=a%00b",
    "/kleve/projekte/e-rechnung%00",
    "/api/v1/municipalities/kleve%00/catalogue",
  ])("refuses a NUL character in the address %s with 400", async (url) => {
    const response = await web.app.inject(url);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(
      url.startsWith("/api/") ? "ERR_INPUT_UNSTORABLE" : GERMAN,
    );
  });
});
