/**
 * Who is asking, and is the form genuine? For every request this plugin
 *  - turns `Authorization: Bearer fst_…` into a principal (via "token"); such requests
 *    carry no ambient credentials, so they need no CSRF token and cookies are ignored;
 *  - otherwise turns the session cookie into a principal (via "session"), or into a
 *    sign-in waiting for its second factor (`request.authSession.kind === "pending"`,
 *    the principal stays anonymous);
 *  - rejects every state-changing request without a valid CSRF token (ERR_CSRF);
 *  - marks responses to signed-in requests `Cache-Control: no-store`;
 *  - writes refused accesses (403, CSRF, writes without sign-in) to the audit log.
 *
 * CSRF tokens are synchroniser tokens derived from a secret the browser holds only in an
 * HttpOnly cookie: SHA-256("csrf:" + session token) when signed in, or of a random
 * pre-session value (its own cookie) on anonymous forms such as the login form, which
 * stops login CSRF. An attacker's page can neither read the cookie nor the token.
 *
 * Cookies: `__Host-fortschritt` (HttpOnly, SameSite=Lax, Path=/, Secure) whenever the
 * request came over HTTPS (also behind a proxy with TRUST_PROXY) or PUBLIC_BASE_URL is
 * https. Browsers accept the `__Host-` prefix only with Secure, so on plain
 * http://localhost (development, tests) the cookie is called `fortschritt`, without Secure.
 */
import fastifyCookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authenticateApiToken } from "../../app/auth/api-tokens.js";
import { recordRefusedAccess } from "../../app/auth/access-log.js";
import {
  resolveSession,
  type ResolvedSession,
} from "../../app/auth/sessions.js";
import { randomToken, safeEqual, sha256Hex } from "../../app/auth/secrets.js";
import { SESSION_ABSOLUTE_TIMEOUT_MS } from "../../app/auth/identity-rules.js";
import type { AppContext } from "../../app/context.js";
import { AppError, isAppError } from "../../errors.js";
import { runUseCase } from "../http/use-case.js";
import { NO_STORE } from "../http/cache.js";

/** The form field (and alternative header) that carries the CSRF token. */
export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";

/** The session behind a request's cookie. */
export interface RequestSession {
  /** The token from the cookie (never logged, never stored). */
  readonly token: string;
  readonly resolved: ResolvedSession;
}

interface CsrfState {
  /** Whether this app always marks cookies Secure (configuration), whatever the request's protocol. */
  readonly forceSecureCookies: boolean;
  /** The secret the token derives from: "session:<token>" or "anonymous:<value>". */
  seed: string | null;
  /** A fresh anonymous value that still has to be sent as a cookie. */
  newAnonymousValue: string | null;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** Set to false on a route that must accept cross-site POSTs (none does today). */
    csrf?: boolean;
  }
  interface FastifyInstance {
    /** The app's context, for the error handling that keeps forms of ended sessions. */
    sessionContext?: AppContext;
  }
  interface FastifyRequest {
    /** The session behind the cookie (signed in, or waiting for the second factor), or null. */
    authSession: RequestSession | null;
    /** @internal state of the CSRF token, see csrfToken(). */
    csrfState: CsrfState | null;
    /** The request carried a session cookie whose session has ended (idle, expired). */
    sessionEnded: boolean;
  }
}

/** Options of the session plugin. */
export interface SessionPluginOptions {
  readonly ctx: AppContext;
  /** Always mark cookies Secure (and use the __Host- prefix), e.g. because PUBLIC_BASE_URL is https. */
  readonly secureCookies?: boolean;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const SESSION_COOKIE = "fortschritt";
const CSRF_COOKIE = "fortschritt-csrf";

/** Whether cookies of this request are Secure (and so may and must carry the __Host- prefix). */
function isSecure(request: FastifyRequest): boolean {
  return (
    request.csrfState?.forceSecureCookies === true ||
    request.protocol === "https"
  );
}

function cookieName(request: FastifyRequest, base: string): string {
  return isSecure(request) ? `__Host-${base}` : base;
}

function cookieOptions(request: FastifyRequest, maxAgeSeconds?: number) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: isSecure(request),
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}

/** Sends the cookie of a new session (after each sign-in step). */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  // Lives as long as the session may; the server ends it earlier when idle.
  reply.setCookie(
    cookieName(request, SESSION_COOKIE),
    token,
    cookieOptions(request, SESSION_ABSOLUTE_TIMEOUT_MS / 1000),
  );
  // The anonymous CSRF value has done its job; forms are now bound to the session.
  request.csrfState = {
    forceSecureCookies: request.csrfState?.forceSecureCookies === true,
    seed: `session:${token}`,
    newAnonymousValue: null,
  };
}

/** Removes the session cookie (sign-out, ended session). */
export function clearSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  reply.clearCookie(
    cookieName(request, SESSION_COOKIE),
    cookieOptions(request),
  );
}

const KEPT_FORM_COOKIE = "fortschritt-eingaben";

/** Sends the cookie of a form kept across the sign-in (HttpOnly, for a working day). */
export function setKeptFormCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  reply.setCookie(
    cookieName(request, KEPT_FORM_COOKIE),
    token,
    cookieOptions(request, 12 * 3600),
  );
}

/** The token of a kept form in the request's cookie, or null; clears the cookie. */
export function takeKeptFormCookie(
  request: FastifyRequest,
  reply: FastifyReply,
): string | null {
  const name = cookieName(request, KEPT_FORM_COOKIE);
  const token = request.cookies[name] ?? null;
  if (token !== null) reply.clearCookie(name, cookieOptions(request));
  return token;
}

/** The session token in the request's cookie, or null. */
export function sessionTokenOf(request: FastifyRequest): string | null {
  return request.cookies[cookieName(request, SESSION_COOKIE)] ?? null;
}

function tokenFromSeed(seed: string): string {
  return Buffer.from(sha256Hex(`csrf:${seed}`), "hex").toString("base64url");
}

/**
 * The CSRF token for forms on this page: put it into a hidden field named `_csrf` (see
 * components/csrf-field) or send it as the `X-CSRF-Token` header. On anonymous pages the
 * first call also arranges the cookie it is checked against.
 */
export function csrfToken(request: FastifyRequest): string {
  const state = request.csrfState ?? {
    forceSecureCookies: false,
    seed: null,
    newAnonymousValue: null,
  };
  request.csrfState = state;
  if (state.seed === null) {
    const value = randomToken();
    state.seed = `anonymous:${value}`;
    state.newAnonymousValue = value;
  }
  return tokenFromSeed(state.seed);
}

/** The token of a signed-in session, as forms of that session carry it (for tests and scripts). */
export function csrfTokenForSessionToken(sessionToken: string): string {
  return tokenFromSeed(`session:${sessionToken}`);
}

function submittedCsrfToken(request: FastifyRequest): string | null {
  const header = request.headers[CSRF_HEADER];
  if (typeof header === "string" && header !== "") return header;
  const body: unknown = request.body;
  const field: unknown =
    body !== null && typeof body === "object"
      ? Reflect.get(body, CSRF_FIELD)
      : undefined;
  return typeof field === "string" ? field : null;
}

/**
 * Throws ERR_CSRF unless the request carries the token of its session (or anonymous
 * form). The plugin calls it for every state-changing request; a route with
 * `config: { csrf: false }` calls it itself where it needs to.
 */
export function assertCsrfToken(request: FastifyRequest): void {
  const seed = request.csrfState?.seed ?? null;
  const submitted = submittedCsrfToken(request);
  if (
    seed === null ||
    submitted === null ||
    !safeEqual(submitted, tokenFromSeed(seed))
  ) {
    throw new AppError("ERR_CSRF");
  }
}

/**
 * The municipality a request is for: the `:slug` of its route (pages and the API alike),
 * or null. The principal carries the person's membership there.
 */
function slugOfRequest(request: FastifyRequest): string | null {
  const params: unknown = request.params;
  const slug: unknown =
    params !== null && typeof params === "object"
      ? Reflect.get(params, "slug")
      : undefined;
  return typeof slug === "string" && slug !== "" ? slug : null;
}

function isApiPath(url: string): boolean {
  return url === "/api" || url.startsWith("/api/") || url.startsWith("/api?");
}

/** Registers the hooks on the root instance (the plugin skips encapsulation, like fastify-plugin). */
async function sessionPluginImpl(
  app: FastifyInstance,
  options: SessionPluginOptions,
): Promise<void> {
  const { ctx } = options;
  const forceSecureCookies = options.secureCookies === true;
  if (!app.hasRequestDecorator("cookies")) await app.register(fastifyCookie);
  app.decorateRequest<RequestSession | null>("authSession", null);
  app.decorateRequest<CsrfState | null>("csrfState", null);
  app.decorateRequest("sessionEnded", false);
  app.decorate("sessionContext", ctx);

  app.addHook("onRequest", async (request, reply) => {
    request.authSession = null;
    request.sessionEnded = false;
    request.csrfState = {
      forceSecureCookies,
      seed: null,
      newAnonymousValue: null,
    };
    if (request.url.startsWith("/assets/")) return;

    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      const principal =
        match?.[1] === undefined
          ? null
          : await authenticateApiToken(ctx, match[1], slugOfRequest(request));
      if (principal === null) {
        reply.header("www-authenticate", 'Bearer error="invalid_token"');
        throw new AppError("ERR_UNAUTHENTICATED", {
          detail:
            "Das API-Token ist ungültig, widerrufen oder gehört zu einem deaktivierten Konto.",
        });
      }
      request.principal = principal;
      return;
    }

    const token = sessionTokenOf(request);
    if (token !== null) {
      const resolved = await resolveSession(ctx, token, slugOfRequest(request));
      if (resolved === null) {
        clearSessionCookie(request, reply);
        request.sessionEnded = true;
      } else {
        request.authSession = { token, resolved };
        request.csrfState.seed = `session:${token}`;
        if (resolved.kind === "active") request.principal = resolved.principal;
        return;
      }
    }
    const anonymous = request.cookies[cookieName(request, CSRF_COOKIE)];
    if (
      anonymous !== undefined &&
      anonymous.length >= 20 &&
      anonymous.length <= 100
    )
      request.csrfState.seed = `anonymous:${anonymous}`;
  });

  // After the route policy (registered earlier, so it runs first): who may not come in at
  // all hears 401/403 before anything about the form.
  app.addHook("preHandler", async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    // No route: the answer is 404 whatever the token, and nothing changes.
    if (request.is404) return;
    if (request.routeOptions.config.csrf === false) return;
    if (request.principal.kind === "user" && request.principal.via === "token")
      return;
    // The API without a session cookie carries no ambient credentials to abuse.
    if (isApiPath(request.url) && request.authSession === null) return;
    assertCsrfToken(request);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const state = request.csrfState;
    if (
      state?.newAnonymousValue !== null &&
      state?.newAnonymousValue !== undefined
    ) {
      // Lives for a working day: long enough to fill in the login form at leisure.
      reply.setCookie(
        cookieName(request, CSRF_COOKIE),
        state.newAnonymousValue,
        cookieOptions(request, 12 * 3600),
      );
    }
    const setsCookie = reply.getHeader("set-cookie") !== undefined;
    if (
      request.authSession !== null ||
      request.principal.kind === "user" ||
      setsCookie
    ) {
      // Pages of signed-in people show what only they may see, and a response that sets or
      // clears a cookie must not be handed to others by a shared cache: no cache may keep them.
      reply.header("cache-control", NO_STORE);
      // The API keeps its ETag: it is the version an API client sends back in If-Match
      // (no lost updates); with no-store nothing is kept that could leak.
      if (!isApiPath(request.url)) reply.removeHeader("etag");
    }
    return payload;
  });

  app.addHook("onError", async (request, _reply, error) => {
    const isRefusal =
      isAppError(error, "ERR_FORBIDDEN") ||
      isAppError(error, "ERR_OPERATOR_SECOND_FACTOR") ||
      isAppError(error, "ERR_CSRF") ||
      (isAppError(error, "ERR_UNAUTHENTICATED") &&
        !SAFE_METHODS.has(request.method) &&
        request.headers.authorization === undefined);
    // A use case that refused with the project in view has logged it already, in more detail.
    if (!isRefusal || (error instanceof AppError && error.isRecorded)) return;
    try {
      await runUseCase(ctx, request, recordRefusedAccess, {
        method: request.method,
        route: request.routeOptions.url ?? "(unbekannt)",
        code: error.code,
      });
    } catch (caught) {
      request.log.error({ err: caught }, "could not record a refused access");
    }
  });
}

/** The session plugin; register it right after installRoutePolicies. */
export const sessionPlugin = Object.assign(sessionPluginImpl, {
  // Fastify's documented switch (what fastify-plugin sets): the hooks apply to the whole app.
  [Symbol.for("skip-override")]: true,
});
