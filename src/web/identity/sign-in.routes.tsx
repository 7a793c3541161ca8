/**
 * Signing in and out, and forgotten passwords. Thin routes: read the form, call the use
 * case (app/auth), set or clear the cookie, redirect (post/redirect/get) or render the
 * form again with its problems. Every page is no-store.
 */
import { rawQueryParam } from "../http/params.js";
import { sendNoStore } from "../http/cache.js";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  completePasswordReset,
  isPasswordResetTokenValid,
  requestPasswordReset,
  type MailDelivery,
} from "../../app/auth/passwords.js";
import {
  beginEnrolmentAtSignIn,
  confirmEnrolmentAtSignIn,
} from "../../app/auth/second-factor.js";
import {
  completeSecondFactor,
  signInWithPassword,
  signOut,
} from "../../app/auth/sign-in.js";
import type { AppContext } from "../../app/context.js";
import type { UserPrincipal } from "../../domain/access/principal.js";
import { isAppError } from "../../errors.js";
import type { ErrorSummaryLink } from "../components/error-summary/error-summary.js";
import { failedAsErrorPage } from "../http/failed-as-error-page.js";
import { formAction, readFormBody } from "../http/form-action.js";
import { EmptyForm } from "../http/form-schema.js";
import {
  assertCsrfToken,
  clearSessionCookie,
  csrfToken,
  sessionTokenOf,
  setSessionCookie,
} from "../plugins/session.js";
import {
  identityPaths,
  IDENTITY_ROUTES,
  safeNextPath,
} from "./identity-paths.js";
import {
  CodeBody,
  EnrolmentCodeBody,
  ForgotPasswordBody,
  ResetPasswordBody,
  SignInBody,
} from "./identity-forms.js";
import {
  clientOrigin,
  errorLinks,
  identityFieldOf,
  viewOf,
} from "./identity-view.js";
import {
  EnrolmentPage,
  ForgotPasswordPage,
  RecoveryCodesPage,
  ResetPasswordPage,
  SecondFactorPage,
  SignInPage,
} from "./sign-in-pages.js";

/** What the sign-in routes need. */
export interface SignInRoutesOptions {
  readonly ctx: AppContext;
  /** Mail for password reset links; null when SMTP is not configured. */
  readonly mail: MailDelivery | null;
  /** Whether single sign-on is configured: the login page then offers it (web/sso). */
  readonly singleSignOn?: boolean;
}

const NoParams = Type.Object({});
const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });

/** Where a signed-in person lands when no page was asked for: staff in the editor, the committee on the portal. */
export function landingPathFor(
  principal: UserPrincipal,
  municipalitySlug: string | null,
): string {
  // An operator without a membership starts at the instance's overview; anyone else
  // without one (every membership ended) at their account.
  if (municipalitySlug === null)
    return principal.operator === undefined ? "/konto" : "/betrieb/";
  return principal.role === "committee"
    ? `/${encodeURIComponent(municipalitySlug)}/`
    : identityPaths.administration(municipalitySlug);
}

function withNext(path: string, next: string | null): string {
  return next === null ? path : `${path}?next=${encodeURIComponent(next)}`;
}

function nextOf(request: FastifyRequest): string | null {
  const fromBody = readFormBody(request.body).fields.next ?? "";
  return safeNextPath(
    fromBody !== "" ? fromBody : rawQueryParam(request, "next"),
  );
}

/** Registers /anmelden, /anmelden/zweiter-faktor, /anmelden/zwei-faktor-einrichten, /abmelden, /passwort-vergessen, /passwort-neu/{token}. */
export async function signInRoutes(
  app: FastifyInstance,
  options: SignInRoutesOptions,
): Promise<void> {
  const { ctx, mail } = options;
  const singleSignOn = options.singleSignOn === true;

  /** A signed-in person who opens a sign-in page goes where they wanted to go. */
  function sendOn(
    request: FastifyRequest,
    reply: FastifyReply,
  ): FastifyReply | null {
    const session = request.authSession?.resolved;
    if (request.principal.kind !== "user" || session?.kind !== "active")
      return null;
    return reply.redirect(
      nextOf(request) ??
        landingPathFor(request.principal, session.municipalitySlug),
      303,
    );
  }

  function signInNotice(request: FastifyRequest): string | undefined {
    const t = viewOf(request).t.identity;
    if (rawQueryParam(request, "abgemeldet") !== null) return t.signedOut;
    if (rawQueryParam(request, "passwort") === "neu") return t.passwordWasReset;
    if (rawQueryParam(request, "abgelaufen") !== null) return t.sessionEnded;
    return undefined;
  }

  /** Sends the login form, empty or with what was typed and why it did not work. */
  async function sendSignInPage(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    page: {
      email: string;
      next: string | null;
      problem?: string;
      notice?: string | undefined;
    },
  ): Promise<FastifyReply> {
    const html = await (
      <SignInPage
        view={viewOf(request)}
        singleSignOn={singleSignOn}
        requestUrl={request.url}
        csrfToken={csrfToken(request)}
        {...page}
      />
    );
    return sendNoStore(reply, status, html);
  }

  /** Sends the form for the second factor's code, with the problem if there is one. */
  async function sendSecondFactorPage(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    error?: string,
  ): Promise<FastifyReply> {
    const html = await (
      <SecondFactorPage
        view={viewOf(request)}
        requestUrl={request.url}
        csrfToken={csrfToken(request)}
        next={nextOf(request)}
        error={error}
      />
    );
    return sendNoStore(reply, status, html);
  }

  /** Sends the setup of the second factor that a pending sign-in has to go through first. */
  async function sendEnrolmentPage(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    sessionToken: string,
    error?: string,
  ): Promise<FastifyReply> {
    const view = viewOf(request);
    const enrolment = await beginEnrolmentAtSignIn(ctx, sessionToken);
    const html = await (
      <EnrolmentPage
        view={view}
        requestUrl={request.url}
        csrfToken={csrfToken(request)}
        enrolment={enrolment}
        action={view.link(identityPaths.enrolAtSignIn())}
        next={nextOf(request)}
        error={error}
        isDuringSignIn
      />
    );
    return sendNoStore(reply, status, html);
  }

  /** Sends the form asking for a reset link. */
  async function sendForgotPasswordPage(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    page: {
      email: string;
      isSent: boolean;
      errors: readonly ErrorSummaryLink[];
    },
  ): Promise<FastifyReply> {
    const html = await (
      <ForgotPasswordPage
        view={viewOf(request)}
        requestUrl={request.url}
        csrfToken={csrfToken(request)}
        isAvailable={mail !== null}
        {...page}
      />
    );
    return sendNoStore(reply, status, html);
  }

  /**
   * Sends the form for a new password, or the explanation that the link is no good. The
   * token is in the path: no other site may see it in a Referer header.
   */
  async function sendResetPasswordPage(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    token: string,
    form: { isValid: boolean; error?: string | undefined },
  ): Promise<FastifyReply> {
    const view = viewOf(request);
    reply.header("referrer-policy", "no-referrer");
    const html = await (
      <ResetPasswordPage
        view={view}
        requestUrl={request.url}
        csrfToken={csrfToken(request)}
        action={view.link(identityPaths.resetPassword(token))}
        {...form}
      />
    );
    return sendNoStore(reply, status, html);
  }

  app.get(
    IDENTITY_ROUTES.signIn,
    { config: { policy: "anonymous-only" }, schema: { hide: true } },
    async (request, reply) => {
      const sent = sendOn(request, reply);
      if (sent !== null) return sent;
      return sendSignInPage(request, reply, 200, {
        email: "",
        next: nextOf(request),
        notice: signInNotice(request),
      });
    },
  );

  app.post(
    IDENTITY_ROUTES.signIn,
    formAction({
      policy: "anonymous-only",
      params: NoParams,
      body: SignInBody,
      form: "anmelden",
      run: async (input, { request, reply, view }) => {
        const sent = sendOn(request, reply);
        if (sent !== null) return sent;
        const next = nextOf(request);
        const renderProblem = (
          status: number,
          problem: string,
        ): Promise<FastifyReply> =>
          sendSignInPage(request, reply, status, {
            email: input.email,
            next,
            problem,
          });
        let result;
        try {
          result = await signInWithPassword(
            ctx,
            {
              email: input.email,
              password: input.password,
              previousSessionToken: sessionTokenOf(request),
            },
            clientOrigin(request),
          );
        } catch (error) {
          if (isAppError(error, "ERR_TOO_MANY_ATTEMPTS")) {
            if (error.retryAfterSeconds !== null)
              reply.header("retry-after", String(error.retryAfterSeconds));
            return renderProblem(429, view.t.identity.signInTooMany);
          }
          throw error;
        }
        if (result.outcome === "refused")
          return renderProblem(401, view.t.identity.signInRefused);
        setSessionCookie(request, reply, result.sessionToken);
        if (result.outcome === "second-factor") {
          const step =
            result.step === "code"
              ? identityPaths.secondFactor()
              : identityPaths.enrolAtSignIn();
          return view.link(withNext(step, next));
        }
        return (
          next ?? landingPathFor(result.principal, result.municipalitySlug)
        );
      },
      render: ({ request, reply, view, fields }, failure) =>
        sendSignInPage(request, reply, failure.status, {
          email: fields.email ?? "",
          next: nextOf(request),
          problem:
            [
              ...failure.failed.messages,
              ...failure.failed.summary.map((link) => link.text),
            ][0] ?? view.t.identity.signInRefused,
        }),
    }),
  );

  /** The pending sign-in of this browser, or a redirect to where the person belongs. */
  function pendingOrRedirect(
    request: FastifyRequest,
    reply: FastifyReply,
    step: "code" | "enrolment",
  ): { token: string } | FastifyReply {
    const sent = sendOn(request, reply);
    if (sent !== null) return sent;
    const session = request.authSession;
    const view = viewOf(request);
    if (session === null || session.resolved.kind !== "pending") {
      return reply.redirect(
        view.link(identityPaths.signIn(), {
          abgelaufen: request.headers.cookie === undefined ? undefined : "1",
        }),
        303,
      );
    }
    if (session.resolved.step !== step) {
      const other =
        session.resolved.step === "code"
          ? identityPaths.secondFactor()
          : identityPaths.enrolAtSignIn();
      return reply.redirect(view.link(withNext(other, nextOf(request))), 303);
    }
    return { token: session.token };
  }

  app.get(
    IDENTITY_ROUTES.secondFactor,
    { config: { policy: "public" }, schema: { hide: true } },
    async (request, reply) => {
      const pending = pendingOrRedirect(request, reply, "code");
      if (!("token" in pending)) return pending;
      return sendSecondFactorPage(request, reply, 200);
    },
  );

  app.post(
    IDENTITY_ROUTES.secondFactor,
    formAction({
      policy: "public",
      params: NoParams,
      body: CodeBody,
      form: "zweiter-faktor",
      run: async (input, { request, reply, view }) => {
        const pending = pendingOrRedirect(request, reply, "code");
        if (!("token" in pending)) return pending;
        const next = nextOf(request);
        let result;
        try {
          result = await completeSecondFactor(
            ctx,
            { sessionToken: pending.token, code: input.code },
            clientOrigin(request),
          );
        } catch (error) {
          if (!isAppError(error, "ERR_TOO_MANY_ATTEMPTS")) throw error;
          if (error.retryAfterSeconds !== null)
            reply.header("retry-after", String(error.retryAfterSeconds));
          return sendSecondFactorPage(
            request,
            reply,
            429,
            view.t.identity.signInTooMany,
          );
        }
        if (result.outcome === "refused") {
          if (result.sessionEnded) {
            clearSessionCookie(request, reply);
            reply.header("retry-after", String(result.retryAfterSeconds));
            return sendSignInPage(request, reply, 429, {
              email: "",
              next,
              problem: view.t.identity.codeLocked,
            });
          }
          return sendSecondFactorPage(
            request,
            reply,
            401,
            view.t.identity.codeRefused,
          );
        }
        setSessionCookie(request, reply, result.sessionToken);
        if (result.recoveryCodesLeft !== null) {
          return view.link(identityPaths.account(), {
            restcodes: String(result.recoveryCodesLeft),
          });
        }
        return (
          next ?? landingPathFor(result.principal, result.municipalitySlug)
        );
      },
      render: ({ request, reply, view }, failure) =>
        sendSecondFactorPage(
          request,
          reply,
          failure.status,
          failure.failed.errors.code ??
            failure.failed.messages[0] ??
            view.t.identity.codeRefused,
        ),
      fieldOf: identityFieldOf,
    }),
  );

  app.get(
    IDENTITY_ROUTES.enrolAtSignIn,
    { config: { policy: "public" }, schema: { hide: true } },
    async (request, reply) => {
      const pending = pendingOrRedirect(request, reply, "enrolment");
      if (!("token" in pending)) return pending;
      return sendEnrolmentPage(request, reply, 200, pending.token);
    },
  );

  app.post(
    IDENTITY_ROUTES.enrolAtSignIn,
    formAction({
      policy: "public",
      params: NoParams,
      body: EnrolmentCodeBody,
      form: "zwei-faktor-einrichten",
      run: async (input, { request, reply, view }) => {
        const pending = pendingOrRedirect(request, reply, "enrolment");
        if (!("token" in pending)) return pending;
        const result = await confirmEnrolmentAtSignIn(
          ctx,
          { sessionToken: pending.token, code: input.code },
          clientOrigin(request),
        );
        setSessionCookie(request, reply, result.sessionToken);
        // The codes exist only in this response: shown once, not after a redirect.
        const html = await (
          <RecoveryCodesPage
            view={view}
            requestUrl={request.url}
            csrfToken={csrfToken(request)}
            codes={result.recoveryCodes}
            continueHref={
              nextOf(request) ??
              landingPathFor(result.principal, result.municipalitySlug)
            }
            notice={view.t.identity.secondFactorActivated}
          />
        );
        return sendNoStore(reply, 200, html);
      },
      render: async ({ request, reply }, failure) => {
        const pending = pendingOrRedirect(request, reply, "enrolment");
        if (!("token" in pending)) return pending;
        return sendEnrolmentPage(
          request,
          reply,
          failure.status,
          pending.token,
          failure.failed.errors.code ?? failure.failed.messages[0],
        );
      },
      fieldOf: identityFieldOf,
    }),
  );

  // CSRF is checked here, not by the plugin: a browser whose session has already ended
  // (idle timeout) has no token left to send, and has nothing left to sign out of.
  const signOutRoute = formAction({
    policy: "public",
    params: NoParams,
    body: EmptyForm,
    form: "abmelden",
    run: async (_input, { request, reply, view }) => {
      const token =
        request.authSession === null ? null : sessionTokenOf(request);
      if (
        token !== null &&
        !(
          request.principal.kind === "user" && request.principal.via === "token"
        )
      )
        assertCsrfToken(request);
      if (token !== null) {
        await signOut(
          ctx,
          token,
          request.principal.kind === "user" ? request.principal : null,
          { ip: request.ip },
        );
      }
      clearSessionCookie(request, reply);
      return view.link(identityPaths.signIn(), { abgemeldet: "1" });
    },
    render: failedAsErrorPage,
  });
  app.post(IDENTITY_ROUTES.signOut, {
    ...signOutRoute,
    config: { ...signOutRoute.config, csrf: false },
  });

  app.get(
    IDENTITY_ROUTES.forgotPassword,
    { config: { policy: "public" }, schema: { hide: true } },
    async (request, reply) =>
      sendForgotPasswordPage(request, reply, 200, {
        email: "",
        isSent: rawQueryParam(request, "gesendet") !== null,
        errors: [],
      }),
  );

  app.post(
    IDENTITY_ROUTES.forgotPassword,
    formAction({
      policy: "public",
      params: NoParams,
      body: ForgotPasswordBody,
      form: "passwort-vergessen",
      run: async (input, { request, reply, view }) => {
        const email = input.email.trim();
        if (email === "" || mail === null) {
          const errors =
            mail === null
              ? []
              : errorLinks(
                  { email: view.t.identity.emailMissing },
                  { email: "email" },
                );
          return sendForgotPasswordPage(
            request,
            reply,
            mail === null ? 503 : 400,
            { email, isSent: false, errors },
          );
        }
        await requestPasswordReset(
          ctx,
          mail,
          { email },
          { ip: request.ip },
          (error) => {
            if (error !== null)
              request.log.error(
                { err: error },
                "password reset mail could not be sent",
              );
          },
        );
        return view.link(identityPaths.forgotPassword(), { gesendet: "1" });
      },
      render: ({ request, reply, fields }, failure) =>
        sendForgotPasswordPage(request, reply, failure.status, {
          email: fields.email ?? "",
          isSent: false,
          errors: errorLinks(failure.failed.errors, { email: "email" }),
        }),
      labelOf: (_field, { view }) => view.t.identity.email,
    }),
  );

  app.get<{ Params: { token: string } }>(
    IDENTITY_ROUTES.resetPassword,
    { config: { policy: "public" }, schema: { hide: true } },
    async (request, reply) => {
      const isValid = await isPasswordResetTokenValid(
        ctx,
        request.params.token,
      );
      return sendResetPasswordPage(
        request,
        reply,
        isValid ? 200 : 404,
        request.params.token,
        { isValid },
      );
    },
  );

  app.post(
    IDENTITY_ROUTES.resetPassword,
    formAction({
      policy: "public",
      params: TokenParams,
      body: ResetPasswordBody,
      form: "passwort-neu",
      run: async (input, { request, reply, params, view }) => {
        reply.header("referrer-policy", "no-referrer");
        await completePasswordReset(
          ctx,
          { token: params.token, password: input.password },
          { ip: request.ip },
        );
        // Every session of the account has ended, this browser's included.
        clearSessionCookie(request, reply);
        return view.link(identityPaths.signIn(), { passwort: "neu" });
      },
      // An unknown or expired link is no form problem: the page says so (404).
      answer: async (error, { request, reply, params }) => {
        if (!isAppError(error, "ERR_NOT_FOUND")) return null;
        return sendResetPasswordPage(request, reply, 404, params.token, {
          isValid: false,
        });
      },
      render: ({ request, reply, params }, failure) =>
        sendResetPasswordPage(request, reply, failure.status, params.token, {
          isValid: true,
          error: failure.failed.errors.password ?? failure.failed.messages[0],
        }),
      fieldOf: identityFieldOf,
    }),
  );
}
