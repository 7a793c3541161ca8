/**
 * /konto: every signed-in person manages their own second factor, password and API
 * tokens. Only with a browser session: an API token cannot make further tokens.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createApiToken, listOwnApiTokens, revokeOwnApiToken } from "../../app/auth/api-tokens.js";
import { changeOwnPassword } from "../../app/auth/passwords.js";
import {
  beginOwnTotpEnrolment,
  confirmOwnTotpEnrolment,
  describeOwnSecondFactor,
  regenerateRecoveryCodes,
} from "../../app/auth/second-factor.js";
import { getOwnAccount } from "../../app/auth/own-account.js";
import type { AppContext } from "../../app/context.js";
import type { UserPrincipal } from "../../domain/access/principal.js";
import { AppError, isAppError } from "../../errors.js";
import { csrfToken, sessionTokenOf } from "../plugins/session.js";
import { AccountPage, type AccountPageProps } from "./account-page.js";
import { identityPaths, IDENTITY_ROUTES } from "./identity-paths.js";
import { accountBarOf, fieldErrors, formText, queryFlag, sendPage, viewOf } from "./identity-view.js";
import { EnrolmentPage, RecoveryCodesPage } from "./sign-in-pages.js";

/** What the account routes need. */
export interface AccountRoutesOptions {
  readonly ctx: AppContext;
}

/** The signed-in person of a browser session (the route policy has already refused everyone else). */
function sessionPrincipal(request: FastifyRequest): UserPrincipal {
  const principal = request.principal;
  if (principal.kind !== "user") throw new AppError("ERR_UNAUTHENTICATED");
  if (principal.via !== "session") throw new AppError("ERR_FORBIDDEN");
  return principal;
}

const TOKEN_ID = /^[1-9][0-9]{0,9}$/;

/** Registers /konto and its forms. */
export async function accountRoutes(app: FastifyInstance, options: AccountRoutesOptions): Promise<void> {
  const { ctx } = options;

  async function renderAccount(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: Partial<Pick<AccountPageProps, "notice" | "createdToken" | "passwordErrors" | "tokenNameError" | "tokenName">> = {},
  ): Promise<FastifyReply> {
    const principal = sessionPrincipal(request);
    const view = viewOf(request);
    const me = await getOwnAccount(ctx, principal);
    const html = await (
      <AccountPage
        view={view}
        requestUrl={request.url}
        csrfToken={csrfToken(request)}
        account={accountBarOf(request, view)}
        me={me}
        secondFactor={await describeOwnSecondFactor(ctx, principal)}
        tokens={await listOwnApiTokens(ctx, principal)}
        {...extra}
      />
    );
    return sendPage(reply, status, html);
  }

  app.get(IDENTITY_ROUTES.account, { config: { policy: "signed-in" }, schema: { hide: true } }, async (request, reply) => {
    const t = viewOf(request).t.identity;
    const left = queryFlag(request, "restcodes");
    let notice: string | undefined;
    if (queryFlag(request, "passwort") !== null) notice = t.passwordChanged;
    else if (queryFlag(request, "token") === "widerrufen") notice = t.tokenRevokedNotice;
    else if (left !== null && /^\d{1,2}$/.test(left)) notice = t.recoveryCodeUsed(Number(left));
    return renderAccount(request, reply, 200, { notice });
  });

  app.get(IDENTITY_ROUTES.accountSecondFactor, { config: { policy: "signed-in" }, schema: { hide: true } }, async (request, reply) => {
    const principal = sessionPrincipal(request);
    const view = viewOf(request);
    const html = await (
      <EnrolmentPage
        view={view}
        requestUrl={request.url}
        csrfToken={csrfToken(request)}
        enrolment={await beginOwnTotpEnrolment(ctx, principal)}
        action={view.link(identityPaths.accountSecondFactor())}
        next={null}
        isDuringSignIn={false}
        account={accountBarOf(request, view)}
      />
    );
    return sendPage(reply, 200, html);
  });

  app.post(IDENTITY_ROUTES.accountSecondFactor, { config: { policy: "signed-in" }, schema: { hide: true } }, async (request, reply) => {
    const principal = sessionPrincipal(request);
    const view = viewOf(request);
    try {
      const codes = await confirmOwnTotpEnrolment(ctx, principal, formText(request.body, "code"), { ip: request.ip });
      const html = await (
        <RecoveryCodesPage
          view={view}
          requestUrl={request.url}
          csrfToken={csrfToken(request)}
          codes={codes}
          continueHref={view.link(identityPaths.account())}
          account={accountBarOf(request, view)}
          notice={view.t.identity.secondFactorActivated}
        />
      );
      return sendPage(reply, 200, html);
    } catch (error) {
      if (!isAppError(error, "ERR_VALIDATION")) throw error;
      const html = await (
        <EnrolmentPage
          view={view}
          requestUrl={request.url}
          csrfToken={csrfToken(request)}
          enrolment={await beginOwnTotpEnrolment(ctx, principal)}
          action={view.link(identityPaths.accountSecondFactor())}
          next={null}
          error={fieldErrors(error.problems).code}
          isDuringSignIn={false}
          account={accountBarOf(request, view)}
        />
      );
      return sendPage(reply, 400, html);
    }
  });

  app.post(IDENTITY_ROUTES.accountRecoveryCodes, { config: { policy: "signed-in" }, schema: { hide: true } }, async (request, reply) => {
    const principal = sessionPrincipal(request);
    const view = viewOf(request);
    const codes = await regenerateRecoveryCodes(ctx, principal, { ip: request.ip });
    const html = await (
      <RecoveryCodesPage
        view={view}
        requestUrl={request.url}
        csrfToken={csrfToken(request)}
        codes={codes}
        continueHref={view.link(identityPaths.account())}
        account={accountBarOf(request, view)}
      />
    );
    return sendPage(reply, 200, html);
  });

  app.post(IDENTITY_ROUTES.accountPassword, { config: { policy: "signed-in" }, schema: { hide: true } }, async (request, reply) => {
    const principal = sessionPrincipal(request);
    try {
      await changeOwnPassword(
        ctx,
        principal,
        {
          currentPassword: formText(request.body, "currentPassword"),
          newPassword: formText(request.body, "newPassword"),
          sessionToken: sessionTokenOf(request),
        },
        { ip: request.ip },
      );
    } catch (error) {
      if (!isAppError(error, "ERR_VALIDATION")) throw error;
      // Passwords are never written back into the form.
      return renderAccount(request, reply, 400, { passwordErrors: fieldErrors(error.problems) });
    }
    return reply.redirect(viewOf(request).link(identityPaths.account(), { passwort: "geaendert" }), 303);
  });

  app.post(IDENTITY_ROUTES.accountTokens, { config: { policy: "signed-in" }, schema: { hide: true } }, async (request, reply) => {
    const principal = sessionPrincipal(request);
    const name = formText(request.body, "name");
    try {
      const created = await createApiToken(ctx, principal, { userId: principal.userId, name }, { ip: request.ip });
      // The token exists only in this response: shown once, not after a redirect.
      return renderAccount(request, reply, 200, { createdToken: { name: created.name, token: created.token } });
    } catch (error) {
      if (!isAppError(error, "ERR_VALIDATION")) throw error;
      return renderAccount(request, reply, 400, { tokenNameError: fieldErrors(error.problems).name, tokenName: name });
    }
  });

  app.post<{ Params: { tokenId: string } }>(
    IDENTITY_ROUTES.accountTokenRevoke,
    { config: { policy: "signed-in" }, schema: { hide: true } },
    async (request, reply) => {
      const principal = sessionPrincipal(request);
      if (!TOKEN_ID.test(request.params.tokenId)) throw new AppError("ERR_NOT_FOUND");
      await revokeOwnApiToken(ctx, principal, Number(request.params.tokenId), { ip: request.ip });
      return reply.redirect(viewOf(request).link(identityPaths.account(), { token: "widerrufen" }), 303);
    },
  );
}
