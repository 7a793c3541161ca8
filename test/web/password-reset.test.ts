import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
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
  TEST_BASE_URL,
  type IdentityTestApp,
} from "./support/identity-app.js";
import { textOf } from "./support/web-app.js";

const MINUTE = 60_000;

/** The mails the app handed to its mailer for an address (decided before it answered the request). */
function mailsTo(web: IdentityTestApp, email: string) {
  return web.outbox.filter(
    (mail) => mail.to.toLowerCase() === email.toLowerCase(),
  );
}

/** The reset link in the last mail to an address. */
function resetLinkFor(web: IdentityTestApp, email: string): string {
  const last = mailsTo(web, email).at(-1);
  if (last === undefined) throw new Error(`No mail for ${email}`);
  const link = new RegExp(
    `${TEST_BASE_URL}(/passwort-neu/[A-Za-z0-9_-]+)`,
  ).exec(last.text)?.[1];
  if (link === undefined) throw new Error("No reset link in the mail");
  return link;
}

async function requestReset(web: IdentityTestApp, email: string) {
  return postForm(
    web.app,
    "",
    "/passwort-vergessen",
    { email },
    { csrfFrom: "/passwort-vergessen" },
  );
}

async function setNewPassword(
  web: IdentityTestApp,
  path: string,
  password: string,
) {
  // A used or expired link shows no form; the token then comes from another anonymous page.
  const linkPage = await web.app.inject(path);
  const page =
    csrfTokenIn(linkPage.body) === null
      ? await web.app.inject("/passwort-vergessen")
      : linkPage;
  return web.app.inject({
    method: "POST",
    url: path,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: mergeCookies("", page),
    },
    payload: new URLSearchParams({
      password,
      _csrf: csrfTokenIn(page.body) ?? "",
    }).toString(),
  });
}

describe.each(WEB_DIALECTS)("password reset by e-mail on %s", (dialect) => {
  let web: IdentityTestApp;
  // Each test resets the password of an account of its own.
  let user: TestUser;

  beforeAll(async () => {
    web = await openIdentityApp(dialect, { mail: true });
  });

  beforeEach(async () => {
    user = await createTestUser(web.ctx, { role: "committee" });
  });

  afterAll(async () => {
    await web.close();
  });

  it("gives the same answer for a known and an unknown address, and mails only the known one", async () => {
    const known = await requestReset(web, user.email.toUpperCase());
    const unknown = await requestReset(web, "niemand@kleve.example");
    expect(known.statusCode).toBe(303);
    expect(unknown.statusCode).toBe(303);
    expect(known.headers.location).toBe(unknown.headers.location);
    const page = await web.app.inject(known.headers.location!);
    expect(textOf(page.body)).toContain(
      "Wenn zu dieser Adresse ein Konto besteht, haben wir eine E-Mail mit einem Link geschickt.",
    );
    const mail = await web.sink!.waitForMail(user.email);
    expect(mail.raw).toContain("Subject: Fortschritt: Passwort neu setzen");
    expect(mail.raw).toMatch(/From: Fortschritt <fortschritt@kleve\.example>/);
    expect(mailsTo(web, "niemand@kleve.example")).toEqual([]);
  });

  it("sets a new password once through the link and ends every session of the account", async () => {
    const session = await signIn(web.app, user);
    await requestReset(web, user.email);
    const link = resetLinkFor(web, user.email);
    const form = await web.app.inject(link);
    expect(form.statusCode).toBe(200);
    expect(form.headers["referrer-policy"]).toBe("no-referrer");
    expect(form.body).toContain('autocomplete="new-password"');

    const weak = await setNewPassword(web, link, "passwort123");
    expect(weak.statusCode).toBe(400);
    expect(textOf(weak.body)).toContain("Dieses Passwort ist zu verbreitet");

    const done = await setNewPassword(
      web,
      link,
      "Ein ganz neues Passwort für Kleve",
    );
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe("/anmelden?passwort=neu");
    const ended = await web.app.inject({
      url: "/konto",
      headers: { cookie: session },
    });
    expect(ended.statusCode).toBe(303);
    expect(ended.headers.location).toMatch(/^\/anmelden\?/);

    const reused = await setNewPassword(
      web,
      link,
      "Noch ein anderes neues Passwort",
    );
    expect(reused.statusCode).toBe(404);
    expect(textOf(reused.body)).toContain(
      "Dieser Link ist ungültig, abgelaufen oder wurde schon benutzt.",
    );

    const withNew = await signIn(web.app, {
      ...user,
      password: "Ein ganz neues Passwort für Kleve",
    });
    expect(
      (await web.app.inject({ url: "/konto", headers: { cookie: withNew } }))
        .statusCode,
    ).toBe(200);
  });

  it("lets a link expire after 60 minutes", async () => {
    await requestReset(web, user.email);
    const link = resetLinkFor(web, user.email);
    web.clock.advance(61 * MINUTE);
    expect((await web.app.inject(link)).statusCode).toBe(404);
    expect(
      (await setNewPassword(web, link, "Zu spät gesetztes Passwort"))
        .statusCode,
    ).toBe(404);
  });

  it("sends at most three mails per account and hour", async () => {
    const other = await createTestUser(web.ctx, { role: "committee" });
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect((await requestReset(web, other.email)).statusCode).toBe(303);
    expect(mailsTo(web, other.email)).toHaveLength(3);
  });

  it("audits request and reset without the token", async () => {
    await requestReset(web, user.email);
    expect(
      (
        await setNewPassword(
          web,
          resetLinkFor(web, user.email),
          "Ein ganz neues Passwort für Kleve",
        )
      ).statusCode,
    ).toBe(303);
    const rows = await web.ctx.db
      .selectFrom("audit_event")
      .selectAll()
      .where("entity_id", "=", String(user.userId))
      .execute();
    const actions = rows.map((row) => row.action);
    expect(actions).toContain("password.reset_requested");
    expect(actions).toContain("password.reset");
    const links = web.outbox
      .map((mail) => /passwort-neu\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1])
      .filter((token) => token !== undefined);
    const everything = JSON.stringify(
      await web.ctx.db.selectFrom("audit_event").selectAll().execute(),
    );
    for (const token of links) expect(everything).not.toContain(token);
  });
});

describe.each(WEB_DIALECTS)("password reset without mail on %s", (dialect) => {
  let web: IdentityTestApp;

  beforeAll(async () => {
    web = await openIdentityApp(dialect);
  });

  afterAll(async () => {
    await web.close();
  });

  it("points to the administrators instead of offering a form", async () => {
    const page = await web.app.inject("/passwort-vergessen");
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain(
      "Der Versand von E-Mails ist hier nicht eingerichtet.",
    );
    expect(page.body).not.toContain('name="email"');
  });
});
