/**
 * The request log of a full password reset and of an invitation holds no token: the
 * links carry it in the path, and the log lines show that part as "[entfernt]".
 */
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestUser,
  csrfTokenIn,
  mergeCookies,
  postForm,
  signIn,
  type TestUser,
} from "../support/accounts.js";
import { DIALECTS } from "../support/database.js";
import {
  openIdentityApp,
  TEST_BASE_URL,
  type IdentityTestApp,
} from "./support/identity-app.js";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import { createAccount } from "../../src/app/auth/manage-users.js";
import { redactUrl } from "../../src/web/http/log-redaction.js";

/** Collects every log line. */
function logCollector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

async function linkInMail(
  web: IdentityTestApp,
  email: string,
): Promise<string> {
  const mail = await web.sink!.waitForMail(email);
  const link = new RegExp(
    `${TEST_BASE_URL}(/passwort-neu/[A-Za-z0-9_-]+)`,
  ).exec(mail.text)?.[1];
  if (link === undefined) throw new Error("No link in the mail");
  return link;
}

async function setPassword(
  web: IdentityTestApp,
  path: string,
  password: string,
): Promise<number> {
  const page = await web.app.inject(path);
  expect(page.statusCode).toBe(200);
  const response = await web.app.inject({
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
  return response.statusCode;
}

describe("redacting URLs for the log", () => {
  it.each([
    ["/passwort-neu/abcDEF123_-", "/passwort-neu/[entfernt]"],
    ["/passwort-neu/abc?lang=en", "/passwort-neu/[entfernt]?lang=en"],
    [
      "/anmelden/sso/callback?code=geheim&state=auch&iss=x",
      "/anmelden/sso/callback?code=[entfernt]&state=[entfernt]&iss=x",
    ],
    ["/kleve/zeitstrahl?status=laufend", "/kleve/zeitstrahl?status=laufend"],
  ])("logs %s as %s", (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});

describe.each(DIALECTS)("tokens in the request log on %s", (dialect) => {
  let web: IdentityTestApp;
  let admin: TestUser;
  const log = logCollector();

  beforeAll(async () => {
    web = await openIdentityApp(dialect, {
      mail: true,
      build: { logger: { level: "info", stream: log.stream } },
    });
    admin = await createTestUser(web.ctx, { role: "admin" });
  });

  afterAll(async () => {
    await web.close();
  });

  it("keeps the token of a password reset out of every log line", async () => {
    const user = await createTestUser(web.ctx, { role: "committee" });
    expect(
      (
        await postForm(
          web.app,
          "",
          "/passwort-vergessen",
          { email: user.email },
          { csrfFrom: "/passwort-vergessen" },
        )
      ).statusCode,
    ).toBe(303);
    const link = await linkInMail(web, user.email);
    const token = link.split("/").pop()!;
    expect(
      await setPassword(web, link, "Ein ganz neues, langes Passwort"),
    ).toBe(303);
    expect(log.text()).toContain("/passwort-neu/[entfernt]");
    expect(log.text()).not.toContain(token);
  });

  it("keeps the token of an invitation out of every log line", async () => {
    const cookie = await signIn(web.app, admin);
    const email = `eingeladen-${dialect}@kleve.example`;
    const invited = await createAccount(web.ctx, COMMAND_LINE, {
      municipalityId: admin.municipalityId,
      email,
      name: "Eingeladen",
      role: "committee",
      orgUnitCodes: [],
    });
    const sent = await postForm(
      web.app,
      cookie,
      `/kleve/verwaltung/benutzer/${invited.id}/einladen`,
      {},
      { csrfFrom: `/kleve/verwaltung/benutzer/${invited.id}` },
    );
    expect(sent.statusCode).toBe(303);
    const link = await linkInMail(web, email);
    const token = link.split("/").pop()!;
    expect(await setPassword(web, link, "Ein Passwort für die Einladung")).toBe(
      303,
    );
    expect(log.text()).not.toContain(token);
    expect(log.text()).toContain('"url":"/passwort-neu/[entfernt]"');
  });
});
