import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import {
  createAccount,
  setAccountActive,
} from "../../src/app/auth/manage-users.js";
import { totpCodeAt } from "../../src/app/auth/totp.js";
import { csrfTokenForSessionToken } from "../../src/web/plugins/session.js";
import {
  createTestUser,
  csrfTokenIn,
  mergeCookies,
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

const REFUSED =
  "E-Mail-Adresse oder Passwort ist falsch, oder das Konto ist nach mehreren Fehlversuchen vorübergehend gesperrt.";
const MINUTE = 60_000;

/** Opens the login form: the anonymous CSRF cookie and the token that goes with it. */
async function openLoginForm(
  app: FastifyInstance,
  cookie = "",
): Promise<{ cookie: string; token: string }> {
  const form = await app.inject({
    url: "/anmelden",
    headers: cookie === "" ? {} : { cookie },
  });
  return {
    cookie: mergeCookies(cookie, form),
    token: csrfTokenIn(form.body) ?? "",
  };
}

async function postLogin(
  app: FastifyInstance,
  email: string,
  password: string,
  options: { cookie?: string; next?: string; ip?: string } = {},
) {
  const form = await openLoginForm(app, options.cookie ?? "");
  const fields: Record<string, string> = { email, password, _csrf: form.token };
  if (options.next !== undefined) fields.next = options.next;
  const response = await app.inject({
    method: "POST",
    url: "/anmelden",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: form.cookie,
    },
    payload: new URLSearchParams(fields).toString(),
    ...(options.ip === undefined ? {} : { remoteAddress: options.ip }),
  });
  return { response, cookie: mergeCookies(form.cookie, response) };
}

async function postCode(app: FastifyInstance, cookie: string, code: string) {
  const page = await app.inject({
    url: "/anmelden/zweiter-faktor",
    headers: { cookie },
  });
  const response = await app.inject({
    method: "POST",
    url: "/anmelden/zweiter-faktor",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    payload: new URLSearchParams({
      code,
      _csrf: csrfTokenIn(page.body) ?? "",
    }).toString(),
  });
  return { response, cookie: mergeCookies(cookie, response) };
}

function sessionValue(cookie: string): string {
  return /(?:^|; )(?:__Host-)?fortschritt=([^;]+)/.exec(cookie)?.[1] ?? "";
}

async function isSignedIn(
  app: FastifyInstance,
  cookie: string,
): Promise<boolean> {
  const response = await app.inject({ url: "/konto", headers: { cookie } });
  return response.statusCode === 200;
}

describe.each(WEB_DIALECTS)("signing in on %s", (dialect) => {
  let web: IdentityTestApp;
  let committee: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    web = await openIdentityApp(dialect);
    committee = await createTestUser(web.ctx, { role: "committee" });
    admin = await createTestUser(web.ctx, { role: "admin" });
  });

  afterAll(async () => {
    await web.close();
  });

  it("shows a German login form with a CSRF field, uncached, with an HttpOnly CSRF cookie", async () => {
    const response = await web.app.inject("/anmelden");
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.body).toContain('<html lang="de">');
    expect(response.body).toMatch(/<h1 class="app-heading-xl">Anmelden<\/h1>/);
    expect(response.body).toContain('autocomplete="current-password"');
    expect(csrfTokenIn(response.body)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = response.cookies.find((c) => c.name === "fortschritt-csrf");
    expect(cookie).toMatchObject({
      httpOnly: true,
      sameSite: "Lax",
      path: "/",
    });
  });

  it("answers an unknown address, a wrong password and a deactivated account with the same message", async () => {
    const inactive = await createTestUser(web.ctx, { role: "committee" });
    await setAccountActive(
      web.ctx,
      COMMAND_LINE,
      inactive.municipalityId,
      inactive.userId,
      false,
    );
    const answers = [
      await postLogin(web.app, "niemand@kleve.example", "irgendein Passwort"),
      await postLogin(web.app, committee.email, "das falsche Passwort"),
      await postLogin(web.app, inactive.email, inactive.password),
    ];
    for (const { response } of answers) {
      expect(response.statusCode).toBe(401);
      expect(textOf(response.body)).toContain(REFUSED);
      expect(response.cookies.some((c) => c.name === "fortschritt")).toBe(
        false,
      );
    }
    const bodies = answers.map(({ response }) =>
      textOf(response.body).replace(/value="[^"]*"/g, ""),
    );
    expect(
      new Set(bodies.map((body) => body.replace(/\S+@\S+/g, ""))).size,
    ).toBe(1);
  });

  it("signs a committee member in with the password alone, with a strict session cookie", async () => {
    const { response, cookie } = await postLogin(
      web.app,
      committee.email.toUpperCase(),
      committee.password,
    );
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/kleve/");
    const session = response.cookies.find((c) => c.name === "fortschritt");
    expect(session).toMatchObject({
      httpOnly: true,
      sameSite: "Lax",
      path: "/",
    });
    expect(session?.secure).toBeFalsy();
    expect(session?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await isSignedIn(web.app, cookie)).toBe(true);
  });

  it("asks an administrator for the second factor before signing them in", async () => {
    const first = await postLogin(web.app, admin.email, admin.password);
    expect(first.response.statusCode).toBe(303);
    expect(first.response.headers.location).toBe("/anmelden/zweiter-faktor");
    expect(await isSignedIn(web.app, first.cookie)).toBe(false);
    web.clock.advance(30_000);
    const second = await postCode(
      web.app,
      first.cookie,
      totpCodeAt(admin.totpSecret!, web.clock.now()),
    );
    expect(second.response.statusCode).toBe(303);
    expect(second.response.headers.location).toBe("/kleve/verwaltung/");
    expect(await isSignedIn(web.app, second.cookie)).toBe(true);
  });

  it("issues a new session id at sign-in and after the second factor (no session fixation)", async () => {
    // An id chosen by an attacker and planted in the browser is never taken over.
    const planted = "fortschritt=vom-angreifer-gewaehlte-sitzung-0123456789";
    const afterPlanted = await postLogin(
      web.app,
      committee.email,
      committee.password,
      { cookie: planted },
    );
    expect(afterPlanted.response.statusCode).toBe(303);
    expect(sessionValue(afterPlanted.cookie)).not.toBe(sessionValue(planted));
    // Nor is a real session the browser had before: it is ended, not just replaced in the browser.
    const pendingBefore = await postLogin(web.app, admin.email, admin.password);
    const switched = await postLogin(
      web.app,
      committee.email,
      committee.password,
      { cookie: pendingBefore.cookie },
    );
    expect(sessionValue(switched.cookie)).not.toBe(
      sessionValue(pendingBefore.cookie),
    );
    const stale = await web.app.inject({
      url: "/anmelden/zweiter-faktor",
      headers: { cookie: pendingBefore.cookie },
    });
    expect(stale.statusCode).toBe(303);
    expect(stale.headers.location).toMatch(/^\/anmelden\?/);
    // The id also changes between password and second factor.
    const again = await postLogin(web.app, admin.email, admin.password);
    const pending = sessionValue(again.cookie);
    web.clock.advance(30_000);
    const done = await postCode(
      web.app,
      again.cookie,
      totpCodeAt(admin.totpSecret!, web.clock.now()),
    );
    expect(sessionValue(done.cookie)).not.toBe(pending);
    expect(await isSignedIn(web.app, `fortschritt=${pending}`)).toBe(false);
    expect(await isSignedIn(web.app, done.cookie)).toBe(true);
  });

  it("ends the session on the server at sign-out: the old cookie is useless afterwards", async () => {
    const cookie = await signIn(web.app, committee);
    const response = await postForm(web.app, cookie, "/abmelden");
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/anmelden?abgemeldet=1");
    expect(response.cookies.find((c) => c.name === "fortschritt")?.value).toBe(
      "",
    );
    expect(await isSignedIn(web.app, cookie)).toBe(false);
    expect(
      (await web.app.inject({ url: "/anmelden?abgemeldet=1" })).body,
    ).toContain("Sie haben sich abgemeldet.");
  });

  it("lets a browser whose session has already ended sign out without an error", async () => {
    const cookie = await signIn(web.app, committee);
    web.clock.advance(31 * MINUTE);
    const response = await web.app.inject({
      method: "POST",
      url: "/abmelden",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: "",
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/anmelden?abgemeldet=1");
  });

  it("refuses state-changing requests without a valid CSRF token", async () => {
    const cookie = await signIn(web.app, committee);
    const other = await signIn(web.app, committee);
    const post = (headers: Record<string, string>, payload: string) =>
      web.app.inject({
        method: "POST",
        url: "/abmelden",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          ...headers,
        },
        payload,
      });
    const missing = await post({ cookie }, "");
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain("ERR_CSRF");
    expect((await post({ cookie }, "_csrf=falsch")).statusCode).toBe(403);
    // A token belongs to its session: another session's token does not fit.
    expect(
      (
        await post(
          { cookie },
          `_csrf=${csrfTokenForSessionToken(sessionValue(other))}`,
        )
      ).statusCode,
    ).toBe(403);
    expect(await isSignedIn(web.app, cookie)).toBe(true);
    // The login form is protected too (login CSRF).
    const login = await web.app.inject({
      method: "POST",
      url: "/anmelden",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({
        email: committee.email,
        password: committee.password,
      }).toString(),
    });
    expect(login.statusCode).toBe(403);
    expect(login.cookies.some((c) => c.name === "fortschritt")).toBe(false);
    // The header works as well as the field (for scripts that enhance a page).
    const viaHeader = await post(
      {
        cookie,
        "x-csrf-token": csrfTokenForSessionToken(sessionValue(cookie)),
      },
      "",
    );
    expect(viaHeader.statusCode).toBe(303);
  });

  it("locks an account for 15 minutes after five wrong passwords, telling nothing new", async () => {
    const user = await createTestUser(web.ctx, { role: "committee" });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(
        (
          await postLogin(web.app, user.email, `falsch-${attempt}-passwort`, {
            ip: "10.0.0.5",
          })
        ).response.statusCode,
      ).toBe(401);
    }
    const locked = await postLogin(web.app, user.email, user.password, {
      ip: "10.0.0.5",
    });
    expect(locked.response.statusCode).toBe(401);
    expect(textOf(locked.response.body)).toContain(REFUSED);
    web.clock.advance(14 * MINUTE);
    expect(
      (await postLogin(web.app, user.email, user.password, { ip: "10.0.0.6" }))
        .response.statusCode,
    ).toBe(401);
    web.clock.advance(2 * MINUTE);
    expect(
      (await postLogin(web.app, user.email, user.password, { ip: "10.0.0.6" }))
        .response.statusCode,
    ).toBe(303);
  });

  it("refuses an IP address after 20 failures in 15 minutes and tells it to wait", async () => {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await postLogin(
        web.app,
        `unbekannt-${attempt}@kleve.example`,
        "irgendein Passwort",
        { ip: "10.9.9.9" },
      );
    }
    const throttled = await postLogin(
      web.app,
      committee.email,
      committee.password,
      { ip: "10.9.9.9" },
    );
    expect(throttled.response.statusCode).toBe(429);
    expect(textOf(throttled.response.body)).toContain(
      "Bitte warten Sie 15 Minuten",
    );
    // Other addresses are not affected.
    expect(
      (
        await postLogin(web.app, committee.email, committee.password, {
          ip: "10.9.9.10",
        })
      ).response.statusCode,
    ).toBe(303);
    web.clock.advance(16 * MINUTE);
    expect(
      (
        await postLogin(web.app, committee.email, committee.password, {
          ip: "10.9.9.9",
        })
      ).response.statusCode,
    ).toBe(303);
  });

  it("accepts a TOTP code only once", async () => {
    web.clock.advance(30_000);
    const code = totpCodeAt(admin.totpSecret!, web.clock.now());
    const first = await postLogin(web.app, admin.email, admin.password);
    expect(
      (await postCode(web.app, first.cookie, code)).response.statusCode,
    ).toBe(303);
    const second = await postLogin(web.app, admin.email, admin.password);
    const replay = await postCode(web.app, second.cookie, code);
    expect(replay.response.statusCode).toBe(401);
    expect(textOf(replay.response.body)).toContain(
      "Der Code stimmt nicht oder wurde schon benutzt.",
    );
    web.clock.advance(30_000);
    expect(
      (
        await postCode(
          web.app,
          second.cookie,
          totpCodeAt(admin.totpSecret!, web.clock.now()),
        )
      ).response.statusCode,
    ).toBe(303);
  });

  it("ends a pending sign-in after five wrong codes", async () => {
    const user = await createTestUser(web.ctx, { role: "editor" });
    const pending = await postLogin(web.app, user.email, user.password);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      expect(
        (await postCode(web.app, pending.cookie, "000000")).response.statusCode,
      ).toBe(401);
    }
    const last = await postCode(web.app, pending.cookie, "000000");
    expect(last.response.statusCode).toBe(429);
    expect(last.response.headers["retry-after"]).toBe(String(15 * 60));
    expect(textOf(last.response.body)).toContain("Zu viele falsche Codes");
    const after = await web.app.inject({
      url: "/anmelden/zweiter-faktor",
      headers: { cookie: pending.cookie },
    });
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toMatch(/^\/anmelden/);
    web.clock.advance(16 * MINUTE);
  });

  it("leads an editor without a second factor through enrolment, then recovery codes work once", async () => {
    const email = `neu-${dialect}@kleve.example`;
    const password = "Ein neues Passwort für die Redaktion";
    await createAccount(web.ctx, COMMAND_LINE, {
      municipalityId: admin.municipalityId,
      email,
      name: "Neue Redakteurin",
      role: "editor",
      orgUnitCodes: ["10.1"],
      password,
    });
    const login = await postLogin(web.app, email, password);
    expect(login.response.headers.location).toBe(
      "/anmelden/zwei-faktor-einrichten",
    );
    expect(await isSignedIn(web.app, login.cookie)).toBe(false);
    const page = await web.app.inject({
      url: "/anmelden/zwei-faktor-einrichten",
      headers: { cookie: login.cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(
      /<svg class="app-qr-code"[^>]*role="img"[^>]*aria-labelledby="qr-titel"/,
    );
    expect(page.body).toContain('<title id="qr-titel">QR-Code zum Einrichten');
    const secret =
      /<code class="app-secret">([A-Z2-7 ]+)<\/code>/
        .exec(page.body)?.[1]
        ?.replace(/ /g, "") ?? "";
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const token = csrfTokenIn(page.body) ?? "";
    const confirm = (code: string) =>
      web.app.inject({
        method: "POST",
        url: "/anmelden/zwei-faktor-einrichten",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: login.cookie,
        },
        payload: new URLSearchParams({ code, _csrf: token }).toString(),
      });
    const wrong = await confirm("123456");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#code"');
    const right = await confirm(totpCodeAt(secret, web.clock.now()));
    expect(right.statusCode).toBe(200);
    const codes = [
      ...right.body.matchAll(/<li><code>([a-z2-9-]{19})<\/code><\/li>/g),
    ].map((match) => match[1]!);
    expect(codes).toHaveLength(10);
    const signedIn = mergeCookies(login.cookie, right);
    expect(sessionValue(signedIn)).not.toBe(sessionValue(login.cookie));
    expect(await isSignedIn(web.app, signedIn)).toBe(true);

    const withRecovery = await postLogin(web.app, email, password);
    const used = await postCode(
      web.app,
      withRecovery.cookie,
      codes[0]!.toUpperCase(),
    );
    expect(used.response.statusCode).toBe(303);
    expect(used.response.headers.location).toBe("/konto?restcodes=9");
    const again = await postLogin(web.app, email, password);
    expect(
      (await postCode(web.app, again.cookie, codes[0]!)).response.statusCode,
    ).toBe(401);
    expect(
      (await postCode(web.app, again.cookie, codes[1]!)).response.statusCode,
    ).toBe(303);
  });

  it("ends a session after 30 idle minutes", async () => {
    const cookie = await signIn(web.app, committee);
    web.clock.advance(29 * MINUTE);
    expect(await isSignedIn(web.app, cookie)).toBe(true);
    web.clock.advance(29 * MINUTE);
    expect(await isSignedIn(web.app, cookie)).toBe(true);
    web.clock.advance(30 * MINUTE);
    const ended = await web.app.inject({ url: "/konto", headers: { cookie } });
    expect(ended.statusCode).toBe(303);
    expect(ended.headers.location).toBe("/anmelden?next=%2Fkonto");
    expect(ended.cookies.find((c) => c.name === "fortschritt")?.value).toBe("");
  });

  it("ends a session 12 hours after sign-in however busy it is", async () => {
    const cookie = await signIn(web.app, committee);
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      web.clock.advance(20 * MINUTE);
      expect(
        await isSignedIn(web.app, cookie),
        `after ${minutes} minutes`,
      ).toBe(true);
    }
    web.clock.advance(20 * MINUTE);
    expect(await isSignedIn(web.app, cookie)).toBe(false);
  });

  it("marks every response to a signed-in browser no-store, public portal pages included", async () => {
    const cookie = await signIn(web.app, committee);
    const portal = await web.app.inject({
      url: "/kleve/",
      headers: { cookie },
    });
    expect(portal.statusCode).toBe(200);
    expect(portal.headers["cache-control"]).toBe("no-store");
    expect(portal.headers.etag).toBeUndefined();
    expect(
      (await web.app.inject({ url: "/kleve/" })).headers["cache-control"],
    ).toBe("public, max-age=60");
  });

  it("never lets a shared cache keep a response that clears an ended session's cookie", async () => {
    const response = await web.app.inject({
      url: "/kleve/",
      headers: {
        cookie: "fortschritt=eine-laengst-beendete-sitzung-0123456789",
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.cookies.find((c) => c.name === "fortschritt")?.value).toBe(
      "",
    );
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("goes on to a page of this site after sign-in, never to another site", async () => {
    const inside = await postLogin(
      web.app,
      committee.email,
      committee.password,
      { next: "/kleve/zeitstrahl" },
    );
    expect(inside.response.headers.location).toBe("/kleve/zeitstrahl");
    const outside = await postLogin(
      web.app,
      committee.email,
      committee.password,
      { next: "//evil.example/" },
    );
    expect(outside.response.headers.location).toBe("/kleve/");
    const pending = await postLogin(web.app, admin.email, admin.password, {
      next: "/kleve/zeitstrahl",
    });
    expect(pending.response.headers.location).toBe(
      "/anmelden/zweiter-faktor?next=%2Fkleve%2Fzeitstrahl",
    );
  });

  it("sends a signed-in person away from the login form", async () => {
    const cookie = await signIn(web.app, committee);
    const response = await web.app.inject({
      url: "/anmelden",
      headers: { cookie },
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/kleve/");
  });

  it("writes sign-in successes and failures to the audit log, without any password", async () => {
    const user = await createTestUser(web.ctx, {
      role: "committee",
      password: "Geheimes Passwort im Test 1",
    });
    await postLogin(web.app, user.email, "Falsches Passwort im Test 2", {
      ip: "10.1.1.1",
    });
    await postLogin(web.app, user.email, user.password, { ip: "10.1.1.1" });
    await postLogin(
      web.app,
      "gibt-es-nicht@kleve.example",
      "Passwort für niemand 3",
      { ip: "10.1.1.1" },
    );
    const rows = await web.ctx.db
      .selectFrom("audit_event")
      .selectAll()
      .where("ip", "=", "10.1.1.1")
      .orderBy("id")
      .execute();
    expect(rows.map((row) => [row.action, row.entity_label])).toEqual([
      ["login.failure", user.email],
      ["login.success", user.email],
      ["login.failure", null],
    ]);
    expect(JSON.parse(rows[0]!.after_json!)).toEqual({
      reason: "wrong_password",
    });
    expect(JSON.parse(rows[2]!.after_json!)).toEqual({
      reason: "unknown_account",
    });
    expect(rows[1]!.actor_user_id).toBe(user.userId);
    const everything = JSON.stringify(
      await web.ctx.db.selectFrom("audit_event").selectAll().execute(),
    );
    expect(everything).not.toContain("Passwort im Test");
    expect(everything).not.toContain("gibt-es-nicht");
    const attempts = JSON.stringify(
      await web.ctx.db.selectFrom("login_attempt").selectAll().execute(),
    );
    expect(attempts).not.toContain("Passwort");
  });

  it("keeps the security headers and a clean page on every sign-in page", async () => {
    const pending = await postLogin(web.app, admin.email, admin.password);
    const pages = [
      await web.app.inject("/anmelden"),
      await web.app.inject("/anmelden?lang=en"),
      await web.app.inject("/passwort-vergessen"),
      await web.app.inject("/passwort-neu/ungueltiger-link-0123456789"),
      await web.app.inject({
        url: "/anmelden/zweiter-faktor",
        headers: { cookie: pending.cookie },
      }),
      await web.app.inject({
        url: "/konto",
        headers: { cookie: await signIn(web.app, admin) },
      }),
      await web.app.inject({
        url: "/konto/zwei-faktor",
        headers: { cookie: await signIn(web.app, admin) },
      }),
    ];
    for (const page of pages) {
      expect(String(page.headers["content-security-policy"])).toContain(
        "default-src 'self'",
      );
      expect(page.headers["x-frame-options"]).toBe("DENY");
      expect(page.headers["cache-control"]).toBe("no-store");
      expect(page.body).not.toMatch(/\sstyle=|<style|\son[a-z]+=/i);
      expect(page.body.match(/<h1[\s>]/g)).toHaveLength(1);
      expect(page.body).toContain('<a class="app-skip-link" href="#inhalt">');
    }
    expect(textOf(pages[1]!.body)).toContain("Sign in");
  });
});

describe.each(WEB_DIALECTS)("session cookies behind HTTPS on %s", (dialect) => {
  let web: IdentityTestApp;
  let committee: TestUser;

  beforeAll(async () => {
    web = await openIdentityApp(dialect, { build: { trustProxy: true } });
    committee = await createTestUser(web.ctx, { role: "committee" });
  });

  afterAll(async () => {
    await web.close();
  });

  it("uses the __Host- prefix with Secure when the request came over HTTPS", async () => {
    const https = { "x-forwarded-proto": "https" };
    const form = await web.app.inject({ url: "/anmelden", headers: https });
    const csrfCookie = form.cookies.find(
      (c) => c.name === "__Host-fortschritt-csrf",
    );
    expect(csrfCookie).toMatchObject({
      secure: true,
      httpOnly: true,
      path: "/",
    });
    expect(csrfCookie?.domain).toBeUndefined();
    const login = await web.app.inject({
      method: "POST",
      url: "/anmelden",
      headers: {
        ...https,
        "content-type": "application/x-www-form-urlencoded",
        cookie: mergeCookies("", form),
      },
      payload: new URLSearchParams({
        email: committee.email,
        password: committee.password,
        _csrf: csrfTokenIn(form.body)!,
      }).toString(),
    });
    expect(login.statusCode).toBe(303);
    const session = login.cookies.find((c) => c.name === "__Host-fortschritt");
    expect(session).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: "Lax",
      path: "/",
    });
    const account = await web.app.inject({
      url: "/konto",
      headers: { ...https, cookie: `__Host-fortschritt=${session!.value}` },
    });
    expect(account.statusCode).toBe(200);
    // The unprefixed name is not accepted over HTTPS: a cookie planted over plain HTTP does not count.
    const planted = await web.app.inject({
      url: "/konto",
      headers: { ...https, cookie: `fortschritt=${session!.value}` },
    });
    expect(planted.statusCode).toBe(303);
  });
});
