/**
 * Single sign-on (docs/adr/0004-single-sign-on.md): `/anmelden/sso` sends the browser to
 * the identity provider, `/anmelden/sso/callback` takes its answer, opens a session and
 * goes on like a password sign-in. Registered only when OIDC_* is configured.
 *
 * Between the two requests the browser holds a random login id in a short-lived
 * HttpOnly cookie; state, nonce and PKCE verifier stay in the database (app/sso). The
 * cookie is SameSite=Lax, which browsers send on the provider's top-level redirect back.
 */
import { rawQueryParam } from "../http/params.js";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  finishSingleSignOn,
  SSO_LOGIN_VALIDITY_MS,
  startSingleSignOn,
} from "../../app/sso/single-sign-on.js";
import type { AppContext } from "../../app/context.js";
import type { SsoConfig } from "../../config.js";
import { NO_STORE } from "../http/cache.js";
import { IDENTITY_ROUTES, safeNextPath } from "../identity/identity-paths.js";
import { clientOrigin } from "../identity/identity-view.js";
import { landingPathFor } from "../identity/sign-in.routes.js";
import { sessionTokenOf, setSessionCookie } from "../plugins/session.js";

/** The paths of single sign-on. */
export const SSO_ROUTES = {
  start: `${IDENTITY_ROUTES.signIn}/sso`,
  callback: `${IDENTITY_ROUTES.signIn}/sso/callback`,
} as const;

/** What the single sign-on routes need. */
export interface SsoRoutesOptions {
  readonly ctx: AppContext;
  readonly sso: SsoConfig;
  /** Mark cookies Secure (with the __Host- prefix) whatever the request's protocol. */
  readonly secureCookies: boolean;
}

const LOGIN_COOKIE = "fortschritt-sso";

/** Registers the two routes. */
export async function ssoRoutes(
  app: FastifyInstance,
  options: SsoRoutesOptions,
): Promise<void> {
  const { ctx, sso } = options;

  const isSecure = (request: FastifyRequest): boolean =>
    options.secureCookies || request.protocol === "https";
  const cookieName = (request: FastifyRequest): string =>
    isSecure(request) ? `__Host-${LOGIN_COOKIE}` : LOGIN_COOKIE;
  const cookieOptions = (request: FastifyRequest) => ({
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: isSecure(request),
  });

  const redirect = (reply: FastifyReply, location: string): FastifyReply =>
    reply.header("cache-control", NO_STORE).redirect(location, 303);

  // No automatic HEAD: both routes change state (a started login, a session).
  app.get(
    SSO_ROUTES.start,
    {
      config: { policy: "anonymous-only" },
      exposeHeadRoute: false,
      schema: { hide: true },
    },
    async (request, reply) => {
      const next = safeNextPath(rawQueryParam(request, "next"));
      const session = request.authSession?.resolved;
      // Signed in already: on to where the person wanted to go, as the login form does.
      if (request.principal.kind === "user" && session?.kind === "active") {
        return redirect(
          reply,
          next ?? landingPathFor(request.principal, session.municipalitySlug),
        );
      }
      const started = await startSingleSignOn(ctx, sso, { returnTo: next });
      reply.setCookie(cookieName(request), started.loginId, {
        ...cookieOptions(request),
        maxAge: SSO_LOGIN_VALIDITY_MS / 1000,
      });
      return redirect(reply, started.authorizationUrl);
    },
  );

  app.get(
    SSO_ROUTES.callback,
    {
      config: { policy: "public" },
      exposeHeadRoute: false,
      schema: { hide: true },
    },
    async (request, reply) => {
      const loginId = request.cookies[cookieName(request)] ?? null;
      // Used up whatever the outcome: a second answer must start a new login.
      reply.clearCookie(cookieName(request), cookieOptions(request));
      // The provider's answer as it arrived, at the address registered with it (behind a
      // proxy the request's own host may differ): openid-client checks both.
      const callbackUrl = new URL(sso.redirectUri);
      callbackUrl.search = request.url.includes("?")
        ? request.url.slice(request.url.indexOf("?"))
        : "";
      const result = await finishSingleSignOn(
        ctx,
        sso,
        { loginId, callbackUrl, previousSessionToken: sessionTokenOf(request) },
        clientOrigin(request),
      );
      setSessionCookie(request, reply, result.sessionToken);
      return redirect(
        reply,
        safeNextPath(result.returnTo) ??
          landingPathFor(result.principal, result.municipalitySlug),
      );
    },
  );
}
