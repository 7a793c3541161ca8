/**
 * A form sent after the session had ended (WCAG 2.2.1): nothing is applied, what was typed
 * is kept, the sign-in returns to a page that shows it once and sends it again under the
 * new session — so a person who was called away loses nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getProject } from "../../src/app/catalogue/read-catalogue.js";
import {
  createTestUser,
  csrfTokenIn,
  mergeCookies,
  signIn,
  type TestUser,
} from "../support/accounts.js";
import { DIALECTS } from "../support/database.js";
import {
  openIdentityApp,
  type IdentityTestApp,
} from "./support/identity-app.js";
import { textOf } from "./support/web-app.js";

const EDIT = "/kleve/verwaltung/projekte/e-rechnungsworkflow";
const MINUTE = 60_000;

describe.each(DIALECTS)(
  "a form sent after the session ended on %s",
  (dialect) => {
    let web: IdentityTestApp;
    let admin: TestUser;

    beforeAll(async () => {
      web = await openIdentityApp(dialect);
      admin = await createTestUser(web.ctx, { role: "admin" });
    });

    afterAll(async () => {
      await web.close();
    });

    async function project() {
      return (await getProject(web.ctx, "kleve", "e-rechnungsworkflow")).entry
        .project;
    }

    function post(url: string, cookie: string, fields: URLSearchParams) {
      return web.app.inject({
        method: "POST",
        url,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie,
        },
        payload: fields.toString(),
      });
    }

    it("keeps the typed values across the sign-in and applies them only when sent again", async () => {
      const cookie = await signIn(web.app, admin);
      const form = await web.app.inject({ url: EDIT, headers: { cookie } });
      expect(form.statusCode).toBe(200);
      const token = csrfTokenIn(form.body);
      expect(token).not.toBeNull();
      const before = await project();
      const typed = `Titel nach der Mittagspause (${dialect})`;

      // The person was away longer than the idle limit, then presses "Speichern".
      web.clock.advance(31 * MINUTE);
      const late = await post(
        `${EDIT}/grunddaten`,
        cookie,
        new URLSearchParams({
          _csrf: token!,
          version: String(before.version),
          titel: typed,
          zusammenfassung: before.summary,
          status: before.status,
          schlagwoerter: "",
        }),
      );
      expect(late.statusCode).toBe(303);
      expect(late.headers.location).toBe("/anmelden?next=%2Fkonto%2Feingaben");
      expect((await project()).title).toBe(before.title);

      // Signing in again leads to the kept input, shown once.
      const keptCookie = late.cookies.find((each) =>
        each.name.endsWith("fortschritt-eingaben"),
      );
      expect(keptCookie?.httpOnly).toBe(true);
      const fresh = `${await signIn(web.app, admin)}; ${keptCookie!.name}=${keptCookie!.value}`;
      const kept = await web.app.inject({
        url: "/konto/eingaben",
        headers: { cookie: fresh },
      });
      expect(kept.statusCode).toBe(200);
      expect(textOf(kept.body)).toContain(typed);
      expect(kept.body).toContain(`action="${EDIT}/grunddaten"`);
      const again = await web.app.inject({
        url: "/konto/eingaben",
        headers: { cookie: mergeCookies(fresh, kept) },
      });
      expect(textOf(again.body)).toContain(
        "Es sind keine Eingaben aufbewahrt.",
      );

      // Sending the kept form under the new session applies it.
      const hidden = new URLSearchParams();
      const keptForm = kept.body.slice(
        kept.body.indexOf(`action="${EDIT}/grunddaten"`),
      );
      for (const match of keptForm
        .slice(0, keptForm.indexOf("</form>"))
        .matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
        hidden.append(match[1]!, decodeEntities(match[2]!));
      const sent = await post(`${EDIT}/grunddaten`, fresh, hidden);
      expect(sent.statusCode).toBe(303);
      const after = await project();
      expect(after.title).toBe(typed);
      expect(after.version).toBe(before.version + 1);
    });
  },
);

/** The few entities the server writes into attribute values. */
function decodeEntities(value: string): string {
  return value
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}
