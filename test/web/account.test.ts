import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import { createApiToken } from "../../src/app/auth/api-tokens.js";
import { setAccountActive } from "../../src/app/auth/manage-users.js";
import { totpCodeAt } from "../../src/app/auth/totp.js";
import {
  createTestUser,
  postForm,
  signIn,
  type TestUser,
} from "../support/accounts.js";
import { WEB_DIALECTS } from "../support/database.js";
import {
  openIdentityApp,
  type IdentityTestApp,
} from "./support/identity-app.js";
import { textOf } from "./support/web-app.js";

describe.each(WEB_DIALECTS)("the own account on %s", (dialect) => {
  let web: IdentityTestApp;
  let editor: TestUser;

  beforeAll(async () => {
    web = await openIdentityApp(dialect);
    editor = await createTestUser(web.ctx, {
      role: "editor",
      orgUnitCodes: ["10.1", "20"],
      name: "Erika Redaktion",
    });
  });

  afterAll(async () => {
    await web.close();
  });

  it("shows details, second factor, password form and tokens to the person signed in", async () => {
    // A person of its own: other tests give the shared editor tokens.
    const person = await createTestUser(web.ctx, {
      role: "editor",
      orgUnitCodes: ["10.1", "20"],
      name: "Erika Redaktion",
    });
    const cookie = await signIn(web.app, person);
    const page = await web.app.inject({ url: "/konto", headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain("Erika Redaktion");
    expect(text).toContain("Redaktion");
    expect(text).toContain("10.1, 20");
    expect(text).toContain("eingerichtet; 10 Wiederherstellungscodes übrig");
    expect(text).toContain("Sie haben noch kein Token.");
    const anonymous = await web.app.inject("/konto");
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe("/anmelden?next=%2Fkonto");
  });

  it("changes the password with the current one and ends the other sessions", async () => {
    const user = await createTestUser(web.ctx, { role: "committee" });
    const elsewhere = await signIn(web.app, user);
    const here = await signIn(web.app, user);
    const wrong = await postForm(web.app, here, "/konto/passwort", {
      currentPassword: "nicht das Passwort",
      newPassword: "hallo123",
    });
    expect(wrong.statusCode).toBe(400);
    expect(textOf(wrong.body)).toContain(
      "Das bisherige Passwort stimmt nicht.",
    );
    expect(textOf(wrong.body)).toContain("Dieses Passwort ist zu verbreitet");
    expect(wrong.body).not.toContain("nicht das Passwort");
    const done = await postForm(web.app, here, "/konto/passwort", {
      currentPassword: user.password,
      newPassword: "Mein neues, langes Passwort",
    });
    expect(done.statusCode).toBe(303);
    expect(
      (await web.app.inject({ url: "/konto", headers: { cookie: here } }))
        .statusCode,
    ).toBe(200);
    const ended = await web.app.inject({
      url: "/konto",
      headers: { cookie: elsewhere },
    });
    expect(ended.statusCode).toBe(303);
    expect(ended.headers.location).toMatch(/^\/anmelden\?/);
  });

  it("creates an API token shown once, which then signs API requests in, until it is revoked", async () => {
    const cookie = await signIn(web.app, editor);
    const created = await postForm(web.app, cookie, "/konto/api-tokens", {
      name: "Abgleich Fachverfahren",
    });
    expect(created.statusCode).toBe(200);
    const token =
      /<code class="app-secret" id="neues-token">(fst_[A-Za-z0-9_-]{43})<\/code>/.exec(
        created.body,
      )?.[1];
    expect(token).toBeDefined();
    const list = await web.app.inject({ url: "/konto", headers: { cookie } });
    expect(textOf(list.body)).toContain("Abgleich Fachverfahren");
    expect(list.body).not.toContain(token!);
    const stored = await web.ctx.db
      .selectFrom("api_token")
      .select("token_hash")
      .where("user_id", "=", editor.userId)
      .execute();
    expect(JSON.stringify(stored)).not.toContain(token!);

    const withToken = await web.app.inject({
      url: "/api/v1/municipalities",
      headers: { authorization: `Bearer ${token!}` },
    });
    expect(withToken.statusCode).toBe(200);
    // A token is not a browser session: it cannot manage the account.
    expect(
      (
        await web.app.inject({
          url: "/konto",
          headers: { authorization: `Bearer ${token!}` },
        })
      ).statusCode,
    ).toBe(403);

    const id = /action="\/konto\/api-tokens\/(\d+)\/widerrufen"/.exec(
      list.body,
    )?.[1];
    const revoked = await postForm(
      web.app,
      cookie,
      `/konto/api-tokens/${id!}/widerrufen`,
    );
    expect(revoked.statusCode).toBe(303);
    const refused = await web.app.inject({
      url: "/api/v1/municipalities",
      headers: { authorization: `Bearer ${token!}` },
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers["www-authenticate"]).toBe(
      'Bearer error="invalid_token"',
    );
    expect(refused.json().error.code).toBe("ERR_UNAUTHENTICATED");
  });

  it("refuses the token of a deactivated account and any made-up token", async () => {
    const user = await createTestUser(web.ctx, { role: "committee" });
    const { token } = await createApiToken(web.ctx, COMMAND_LINE, {
      userId: user.userId,
      name: "Skript",
    });
    expect(
      (
        await web.app.inject({
          url: "/api/v1/municipalities",
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(200);
    await setAccountActive(
      web.ctx,
      COMMAND_LINE,
      user.municipalityId,
      user.userId,
      false,
    );
    expect(
      (
        await web.app.inject({
          url: "/api/v1/municipalities",
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await web.app.inject({
          url: "/api/v1/municipalities",
          headers: { authorization: "Bearer fst_ausgedacht" },
        })
      ).statusCode,
    ).toBe(401);
  });

  it("lets a token-authenticated request change things without a CSRF token (no ambient credentials)", async () => {
    const { token } = await createApiToken(web.ctx, COMMAND_LINE, {
      userId: editor.userId,
    });
    const response = await web.app.inject({
      method: "POST",
      url: "/abmelden",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(303);
  });

  it("sets up a new device without switching the old factor off early", async () => {
    const cookie = await signIn(web.app, editor);
    const page = await web.app.inject({
      url: "/konto/zwei-faktor",
      headers: { cookie },
    });
    expect(textOf(page.body)).toContain(
      "Der bisherige zweite Faktor gilt, bis Sie den neuen mit einem Code bestätigt haben.",
    );
    const secret = /<code class="app-secret">([A-Z2-7 ]+)<\/code>/
      .exec(page.body)?.[1]
      ?.replace(/ /g, "");
    // Until confirmed, the old secret keeps working.
    expect(await signIn(web.app, editor)).toMatch(/^fortschritt=/);
    web.clock.advance(30_000);
    const confirmed = await postForm(
      web.app,
      cookie,
      "/konto/zwei-faktor",
      { code: totpCodeAt(secret!, web.clock.now()) },
      { csrfFrom: "/konto/zwei-faktor" },
    );
    expect(confirmed.statusCode).toBe(200);
    expect(textOf(confirmed.body)).toContain(
      "Die Codes werden nur jetzt angezeigt.",
    );
    await expect(signIn(web.app, editor)).rejects.toThrow(
      /Second factor .* failed/,
    );
    expect(await signIn(web.app, { ...editor, totpSecret: secret! })).toMatch(
      /^fortschritt=/,
    );
    editor = { ...editor, totpSecret: secret! };
  });

  it("makes new recovery codes on request", async () => {
    const cookie = await signIn(web.app, editor);
    const response = await postForm(
      web.app,
      cookie,
      "/konto/wiederherstellungscodes",
    );
    expect(response.statusCode).toBe(200);
    expect([
      ...response.body.matchAll(/<li><code>[a-z2-9-]{19}<\/code><\/li>/g),
    ]).toHaveLength(10);
  });
});
