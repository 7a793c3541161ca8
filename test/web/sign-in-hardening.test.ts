/**
 * Attacks on signing in: open redirects through the `next` parameter (checked on the
 * address as a browser resolves it) and guessing the second factor (failures count
 * across the whole sign-in, password and codes, and the lock grows).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
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

const MINUTE = 60_000;

/** `next` values that an attacker would use to send a person to another site. */
export const REDIRECT_ATTACKS: readonly string[] = [
  "//evil.example/x",
  "/.//evil.example/x",
  "/a/..//evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
  "/%2f%2fevil.example/..//x",
  "/\\evil.example",
  "/%5c%5cevil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "https://evil.example/",
  "javascript:alert(1)",
  "///evil.example",
];

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
  options: { next?: string; ip?: string } = {},
) {
  const form = await openLoginForm(app);
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

/** Whether a Location header would take the browser to another site. */
function leavesSite(location: string | undefined): boolean {
  if (location === undefined) return false;
  return (
    new URL(location, "https://kleve.example/anmelden").origin !==
    "https://kleve.example"
  );
}

describe.each(DIALECTS)("sign-in hardening on %s", (dialect) => {
  let web: IdentityTestApp;
  let committee: TestUser;

  beforeAll(async () => {
    web = await openIdentityApp(dialect);
    committee = await createTestUser(web.ctx, { role: "committee" });
  });

  afterAll(async () => {
    await web.close();
  });

  it.each(REDIRECT_ATTACKS)(
    "never sends a signed-in person to another site for next=%j",
    async (next) => {
      const cookie = await signIn(web.app, committee);
      const response = await web.app.inject({
        url: `/anmelden?next=${encodeURIComponent(next)}`,
        headers: { cookie },
      });
      expect(response.statusCode).toBe(303);
      expect(
        leavesSite(response.headers.location as string),
        String(response.headers.location),
      ).toBe(false);
      expect(response.headers.location).toBe("/kleve/");
    },
  );

  it.each(REDIRECT_ATTACKS)(
    "never sends a committee member to another site right after signing in, next=%j",
    async (next) => {
      const { response } = await postLogin(
        web.app,
        committee.email,
        committee.password,
        { next },
      );
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe("/kleve/");
    },
  );

  it("still goes on to a page of this site after normalising it", async () => {
    const { response } = await postLogin(
      web.app,
      committee.email,
      committee.password,
      { next: "/kleve/./projekte/../zeitstrahl#x" },
    );
    expect(response.headers.location).toBe("/kleve/zeitstrahl");
  });

  it("counts wrong codes across password sign-ins: a correct password does not reset them", async () => {
    const editor = await createTestUser(web.ctx, { role: "editor" });
    const ip = "10.20.0.1";
    // Round one: password right, four codes wrong.
    const first = await postLogin(web.app, editor.email, editor.password, {
      ip,
    });
    expect(first.response.headers.location).toBe("/anmelden/zweiter-faktor");
    for (let attempt = 0; attempt < 4; attempt += 1) {
      expect(
        (await postCode(web.app, first.cookie, "000000")).response.statusCode,
      ).toBe(401);
    }
    // Round two: the password is right again, but the next wrong code is the fifth failure.
    const second = await postLogin(web.app, editor.email, editor.password, {
      ip,
    });
    expect(second.response.headers.location).toBe("/anmelden/zweiter-faktor");
    const locked = await postCode(web.app, second.cookie, "000000");
    expect(locked.response.statusCode).toBe(429);
    expect(Number(locked.response.headers["retry-after"])).toBe(15 * 60);
    // Locked: even the right password does not get through, and tells nothing new.
    expect(
      (await postLogin(web.app, editor.email, editor.password, { ip })).response
        .statusCode,
    ).toBe(401);

    // After the lock, five more failures lock for twice as long (backoff).
    web.clock.advance(16 * MINUTE);
    const third = await postLogin(web.app, editor.email, editor.password, {
      ip: "10.20.0.2",
    });
    expect(third.response.headers.location).toBe("/anmelden/zweiter-faktor");
    let last = third;
    for (let attempt = 0; attempt < 5; attempt += 1)
      last = await postCode(web.app, third.cookie, "999999");
    expect(last.response.statusCode).toBe(429);
    expect(Number(last.response.headers["retry-after"])).toBe(30 * 60);
    web.clock.advance(16 * MINUTE);
    expect(
      (
        await postLogin(web.app, editor.email, editor.password, {
          ip: "10.20.0.3",
        })
      ).response.statusCode,
    ).toBe(401);
    web.clock.advance(15 * MINUTE);
    expect(
      (
        await postLogin(web.app, editor.email, editor.password, {
          ip: "10.20.0.3",
        })
      ).response.statusCode,
    ).toBe(303);
    web.clock.advance(16 * MINUTE);
  });

  it("counts wrong passwords and wrong recovery codes together", async () => {
    const editor = await createTestUser(web.ctx, { role: "editor" });
    const ip = "10.21.0.1";
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(
        (await postLogin(web.app, editor.email, `falsch-${attempt}`, { ip }))
          .response.statusCode,
      ).toBe(401);
    }
    const pending = await postLogin(web.app, editor.email, editor.password, {
      ip,
    });
    expect(
      (await postCode(web.app, pending.cookie, "AAAA-BBBB-CCCC")).response
        .statusCode,
    ).toBe(401);
    expect(
      (await postCode(web.app, pending.cookie, "000000")).response.statusCode,
    ).toBe(401);
    const fifth = await postCode(web.app, pending.cookie, "DDDD-EEEE-FFFF");
    expect(fifth.response.statusCode).toBe(429);
    expect(fifth.response.headers["retry-after"]).toBeDefined();
    web.clock.advance(16 * MINUTE);
  });

  it("forgets the failures only after a complete sign-in", async () => {
    const editor = await createTestUser(web.ctx, { role: "editor" });
    const ip = "10.22.0.1";
    const pending = await postLogin(web.app, editor.email, editor.password, {
      ip,
    });
    for (let attempt = 0; attempt < 4; attempt += 1)
      await postCode(web.app, pending.cookie, "000000");
    await signIn(web.app, editor);
    const again = await postLogin(web.app, editor.email, editor.password, {
      ip,
    });
    for (let attempt = 0; attempt < 4; attempt += 1) {
      expect(
        (await postCode(web.app, again.cookie, "000000")).response.statusCode,
      ).toBe(401);
    }
    web.clock.advance(16 * MINUTE);
  });

  it("tells a throttled address when to come back (Retry-After)", async () => {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await postLogin(
        web.app,
        `unbekannt-${attempt}@kleve.example`,
        "irgendein Passwort",
        { ip: "10.23.9.9" },
      );
    }
    const throttled = await postLogin(
      web.app,
      committee.email,
      committee.password,
      { ip: "10.23.9.9" },
    );
    expect(throttled.response.statusCode).toBe(429);
    const retryAfter = Number(throttled.response.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    web.clock.advance(16 * MINUTE);
  });
});
