/**
 * Accounts and signed-in sessions for tests. Users are created through the app's own use
 * cases (as `fortschritt user add` does), administrators and editors with their second
 * factor already set up; `signIn` goes through the real login pages (password, then the
 * TOTP code computed for the context's clock) and returns a cookie header for inject().
 *
 * Stable API — other test files rely on it:
 *   createTestUser(ctx, { role, orgUnitCodes?, municipalitySlug?, email?, password?, name? }) → TestUser
 *   signIn(app, user) → "fortschritt=…" (a Cookie header value)
 *   csrfTokenFor(app, cookie, path?) → the form token of that session
 *   postForm(app, cookie, url, fields) → the inject() response of a form POST with its CSRF token
 *   signInAs(app, ctx, role, options?) → { user, cookie }
 *   createTestOperator(ctx, { email?, name? }) → TestUser (an operator with a second factor)
 */
import type { FastifyInstance } from "fastify";
import type { LightMyRequestResponse } from "fastify";
import type { AppContext } from "../../src/app/context.js";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import {
  createAccount,
  resolveAccountMunicipality,
} from "../../src/app/auth/manage-users.js";
import {
  beginOwnTotpEnrolment,
  confirmOwnTotpEnrolment,
} from "../../src/app/auth/second-factor.js";
import { totpCodeAt } from "../../src/app/auth/totp.js";
import { requiresSecondFactor } from "../../src/app/auth/identity-rules.js";
import { addOperator } from "../../src/app/operations/operators.js";
import type { Role, UserPrincipal } from "../../src/domain/access/principal.js";

/** A user created for a test, with everything needed to sign in as them. */
export interface TestUser {
  readonly userId: number;
  readonly email: string;
  readonly password: string;
  /** The Base32 TOTP secret; null for a committee member without a second factor. */
  readonly totpSecret: string | null;
  readonly role: Role;
  readonly municipalityId: number;
  readonly name: string;
  readonly orgUnitCodes: readonly string[];
}

/** Options of createTestUser. */
export interface TestUserOptions {
  readonly role: Role;
  readonly orgUnitCodes?: readonly string[];
  /** Defaults to the only municipality (the Kleve demo). */
  readonly municipalitySlug?: string;
  readonly email?: string;
  readonly password?: string;
  readonly name?: string;
  /** Set up a second factor for a committee member too (administrators and editors always get one). */
  readonly withSecondFactor?: boolean;
}

/** The context each test user was created in (by address): signIn needs its clock and database. */
const contexts = new Map<string, AppContext>();
let sequence = 0;

/** Creates an account through the app's use cases; admin and editor get TOTP set up. */
export async function createTestUser(
  ctx: AppContext,
  options: TestUserOptions,
): Promise<TestUser> {
  sequence += 1;
  const email = (
    options.email ?? `${options.role}-${process.pid}-${sequence}@kleve.example`
  ).toLowerCase();
  const password =
    options.password ??
    `Ein langes Test-Passwort ${sequence} für ${options.role}`;
  const name = options.name ?? `Test ${options.role} ${sequence}`;
  const municipality = await resolveAccountMunicipality(
    ctx,
    options.municipalitySlug,
  );
  const account = await createAccount(ctx, COMMAND_LINE, {
    municipalityId: municipality.id,
    email,
    name,
    role: options.role,
    orgUnitCodes: [...(options.orgUnitCodes ?? [])],
    password,
  });
  let totpSecret: string | null = null;
  if (requiresSecondFactor(options.role) || options.withSecondFactor === true) {
    const principal: UserPrincipal = {
      kind: "user",
      userId: account.id,
      municipalityId: account.municipalityId,
      role: options.role,
      orgUnitCodes: account.orgUnitCodes,
      name,
      email,
      via: "session",
    };
    const enrolment = await beginOwnTotpEnrolment(ctx, principal);
    totpSecret = enrolment.secretForReading.replace(/\s+/g, "");
    await confirmOwnTotpEnrolment(
      ctx,
      principal,
      totpCodeAt(totpSecret, ctx.clock()),
      { ip: null },
    );
  }
  const user: TestUser = {
    userId: account.id,
    email,
    password,
    totpSecret,
    role: options.role,
    municipalityId: account.municipalityId,
    name,
    orgUnitCodes: account.orgUnitCodes,
  };
  contexts.set(email, ctx);
  return user;
}

/** The Cookie header value of a response's Set-Cookie for the session (or CSRF) cookies, merged into an existing one. */
export function mergeCookies(
  existing: string,
  response: LightMyRequestResponse,
): string {
  const jar = new Map<string, string>();
  for (const part of existing.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name) jar.set(name, rest.join("="));
  }
  for (const cookie of response.cookies) {
    if (
      cookie.value === "" ||
      (cookie.maxAge !== undefined && cookie.maxAge <= 0)
    )
      jar.delete(cookie.name);
    else jar.set(cookie.name, cookie.value);
  }
  return [...jar.entries()]
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
}

/** The hidden CSRF field's value in a page, or null. */
export function csrfTokenIn(html: string): string | null {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? null;
}

/** Reads the CSRF token of a session (or of an anonymous visitor) from a page with a form. */
export async function csrfTokenFor(
  app: FastifyInstance,
  cookie: string,
  path = "/konto",
): Promise<string> {
  const response = await app.inject({
    method: "GET",
    url: path,
    headers: cookie === "" ? {} : { cookie },
  });
  const token = csrfTokenIn(response.body);
  if (token === null)
    throw new Error(`No CSRF field on ${path} (status ${response.statusCode})`);
  return token;
}

/** Posts a form (application/x-www-form-urlencoded) with the session's CSRF token added. */
export async function postForm(
  app: FastifyInstance,
  cookie: string,
  url: string,
  fields: Readonly<Record<string, string | readonly string[]>> = {},
  options: { csrfFrom?: string } = {},
): Promise<LightMyRequestResponse> {
  const path = options.csrfFrom ?? (cookie === "" ? "/anmelden" : "/konto");
  const page = await app.inject({
    method: "GET",
    url: path,
    headers: cookie === "" ? {} : { cookie },
  });
  const token = csrfTokenIn(page.body);
  if (token === null)
    throw new Error(`No CSRF field on ${path} (status ${page.statusCode})`);
  // An anonymous visitor's token is checked against the cookie that came with the form.
  const withCsrfCookie = mergeCookies(cookie, page);
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of typeof value === "string" ? [value] : value)
      body.append(name, item);
  }
  body.set("_csrf", token);
  return app.inject({
    method: "POST",
    url,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(withCsrfCookie === "" ? {} : { cookie: withCsrfCookie }),
    },
    payload: body.toString(),
  });
}

/**
 * Signs a test user in through /anmelden and /anmelden/zweiter-faktor; returns the Cookie
 * header value of the signed-in session. Works any number of times for the same user:
 * a TOTP code is accepted only once per 30-second step, and the test clock usually
 * stands still, so the helper forgets the last used step before each sign-in (the
 * once-only rule itself is tested in test/web/sign-in.test.ts).
 */
export async function signIn(
  app: FastifyInstance,
  user: TestUser,
): Promise<string> {
  const ctx = contexts.get(user.email);
  if (ctx === undefined)
    throw new Error("signIn needs a user made by createTestUser");
  // Anonymous visitors get a CSRF cookie with the login form.
  const form = await app.inject({ method: "GET", url: "/anmelden" });
  let cookie = mergeCookies("", form);
  const token = csrfTokenIn(form.body);
  if (token === null)
    throw new Error(
      `The login page has no CSRF field (status ${form.statusCode})`,
    );
  const login = await app.inject({
    method: "POST",
    url: "/anmelden",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    payload: new URLSearchParams({
      email: user.email,
      password: user.password,
      _csrf: token,
    }).toString(),
  });
  if (login.statusCode !== 303)
    throw new Error(`Sign-in of ${user.email} failed with ${login.statusCode}`);
  cookie = mergeCookies(cookie, login);
  if (user.totpSecret === null) return sessionCookieOnly(cookie);
  await ctx.db
    .updateTable("user_account")
    .set({ last_totp_step: null })
    .where("id", "=", user.userId)
    .execute();
  const step = await app.inject({
    method: "GET",
    url: "/anmelden/zweiter-faktor",
    headers: { cookie },
  });
  const stepToken = csrfTokenIn(step.body);
  if (stepToken === null)
    throw new Error(
      `The second-factor page has no CSRF field (status ${step.statusCode})`,
    );
  const confirm = await app.inject({
    method: "POST",
    url: "/anmelden/zweiter-faktor",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    payload: new URLSearchParams({
      code: totpCodeAt(user.totpSecret, ctx.clock()),
      _csrf: stepToken,
    }).toString(),
  });
  if (confirm.statusCode !== 303)
    throw new Error(
      `Second factor of ${user.email} failed with ${confirm.statusCode}`,
    );
  return sessionCookieOnly(mergeCookies(cookie, confirm));
}

/** Keeps only the session cookie: signed-in forms are bound to it, the anonymous CSRF cookie is not needed. */
function sessionCookieOnly(cookie: string): string {
  return cookie
    .split("; ")
    .filter((part) => /^(__Host-)?fortschritt=/.test(part))
    .join("; ");
}

/** Creates a user of the role and signs them in. */
export async function signInAs(
  app: FastifyInstance,
  ctx: AppContext,
  role: Role,
  options: Omit<TestUserOptions, "role"> = {},
): Promise<{ readonly user: TestUser; readonly cookie: string }> {
  const user = await createTestUser(ctx, { ...options, role });
  return { user, cookie: await signIn(app, user) };
}

/**
 * Creates an operator of the instance (`fortschritt operator add`) with the second factor
 * set up, ready for signIn. An operator belongs to no municipality: municipalityId is 0.
 */
export async function createTestOperator(
  ctx: AppContext,
  options: { readonly email?: string; readonly name?: string } = {},
): Promise<TestUser> {
  sequence += 1;
  const email = (
    options.email ?? `betrieb-${process.pid}-${sequence}@betrieb.example`
  ).toLowerCase();
  const password = `Ein langes Test-Passwort ${sequence} für den Betrieb`;
  const name = options.name ?? `Test Betrieb ${sequence}`;
  const created = await addOperator(ctx, COMMAND_LINE, {
    email,
    name,
    password,
  });
  const principal: UserPrincipal = {
    kind: "user",
    userId: created.id,
    municipalityId: null,
    role: "committee",
    orgUnitCodes: [],
    name,
    email,
    via: "session",
  };
  const enrolment = await beginOwnTotpEnrolment(ctx, principal);
  const totpSecret = enrolment.secretForReading.replace(/\s+/g, "");
  await confirmOwnTotpEnrolment(
    ctx,
    principal,
    totpCodeAt(totpSecret, ctx.clock()),
    { ip: null },
  );
  contexts.set(email, ctx);
  return {
    userId: created.id,
    email,
    password,
    totpSecret,
    role: "committee",
    municipalityId: 0,
    name,
    orgUnitCodes: [],
  };
}
