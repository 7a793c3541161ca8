/**
 * /konto: every signed-in person manages their own second factor, password and API
 * tokens. Only with a browser session: an API token cannot make further tokens.
 */
import { rawQueryParam } from "../http/params.js";
import { sendNoStore } from "../http/cache.js";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ViewContext } from "../components/view.js";
import {
  createApiToken,
  listOwnApiTokens,
  revokeOwnApiToken,
} from "../../app/auth/api-tokens.js";
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
import { AppError } from "../../errors.js";
import { formAction } from "../http/form-action.js";
import { EmptyForm } from "../http/form-schema.js";
import { idParam } from "../http/params.js";
import { csrfToken, sessionTokenOf } from "../plugins/session.js";
import { AccountPage, type AccountPageProps } from "./account-page.js";
import { identityPaths, IDENTITY_ROUTES } from "./identity-paths.js";
import {
  ChangePasswordBody,
  EnrolmentCodeBody,
  TokenNameBody,
} from "./identity-forms.js";
import { accountBarOf, identityFieldOf, viewOf } from "./identity-view.js";
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

/** Sends new recovery codes: they exist only in this response, shown once. */
async function sendRecoveryCodes(
  request: FastifyRequest,
  reply: FastifyReply,
  view: ViewContext,
  codes: readonly string[],
  notice?: string,
): Promise<FastifyReply> {
  const html = await (
    <RecoveryCodesPage
      view={view}
      requestUrl={request.url}
      csrfToken={csrfToken(request)}
      codes={codes}
      continueHref={view.link(identityPaths.account())}
      account={accountBarOf(request, view)}
      notice={notice}
    />
  );
  return sendNoStore(reply, 200, html);
}

const NoParams = Type.Object({});
const TokenParams = Type.Object({ tokenId: Type.String({ maxLength: 12 }) });

/** Registers /konto and its forms. */
export async function accountRoutes(
  app: FastifyInstance,
  options: AccountRoutesOptions,
): Promise<void> {
  const { ctx } = options;

  async function renderAccount(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: Partial<
      Pick<
        AccountPageProps,
        | "notice"
        | "createdToken"
        | "passwordErrors"
        | "tokenNameError"
        | "tokenName"
      >
    > = {},
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
    return sendNoStore(reply, status, html);
  }

  app.get(
    IDENTITY_ROUTES.account,
    { config: { policy: "signed-in" }, schema: { hide: true } },
    async (request, reply) => {
      const t = viewOf(request).t.identity;
      const left = rawQueryParam(request, "restcodes");
      let notice: string | undefined;
      if (rawQueryParam(request, "passwort") !== null)
        notice = t.passwordChanged;
      else if (rawQueryParam(request, "token") === "widerrufen")
        notice = t.tokenRevokedNotice;
      else if (left !== null && /^\d{1,2}$/.test(left))
        notice = t.recoveryCodeUsed(Number(left));
      return renderAccount(request, reply, 200, { notice });
    },
  );

  /** Setting up (or replacing) the second factor, with a fresh key each time. */
  async function renderEnrolment(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    error?: string,
  ): Promise<FastifyReply> {
    const view = viewOf(request);
    const html = await (
      <EnrolmentPage
        view={view}
        requestUrl={request.url}
        csrfToken={csrfToken(request)}
        enrolment={await beginOwnTotpEnrolment(ctx, sessionPrincipal(request))}
        action={view.link(identityPaths.accountSecondFactor())}
        next={null}
        error={error}
        isDuringSignIn={false}
        account={accountBarOf(request, view)}
      />
    );
    return sendNoStore(reply, status, html);
  }

  app.get(
    IDENTITY_ROUTES.accountSecondFactor,
    { config: { policy: "signed-in" }, schema: { hide: true } },
    async (request, reply) => renderEnrolment(request, reply, 200),
  );

  app.post(
    IDENTITY_ROUTES.accountSecondFactor,
    formAction({
      policy: "signed-in",
      params: NoParams,
      body: EnrolmentCodeBody,
      form: "code",
      run: async (input, { request, reply, view }) => {
        const codes = await confirmOwnTotpEnrolment(
          ctx,
          sessionPrincipal(request),
          input.code,
          { ip: request.ip },
        );
        return sendRecoveryCodes(
          request,
          reply,
          view,
          codes,
          view.t.identity.secondFactorActivated,
        );
      },
      render: ({ request, reply }, failure) =>
        renderEnrolment(
          request,
          reply,
          failure.status,
          failure.failed.errors.code ?? failure.failed.messages[0],
        ),
      fieldOf: identityFieldOf,
    }),
  );

  app.post(
    IDENTITY_ROUTES.accountRecoveryCodes,
    formAction({
      policy: "signed-in",
      params: NoParams,
      body: EmptyForm,
      form: "restcodes",
      run: async (_input, { request, reply, view }) => {
        const codes = await regenerateRecoveryCodes(
          ctx,
          sessionPrincipal(request),
          { ip: request.ip },
        );
        return sendRecoveryCodes(request, reply, view, codes);
      },
      render: ({ request, reply }, failure) =>
        renderAccount(request, reply, failure.status, {
          notice: failure.failed.messages[0],
        }),
    }),
  );

  app.post(
    IDENTITY_ROUTES.accountPassword,
    formAction({
      policy: "signed-in",
      params: NoParams,
      body: ChangePasswordBody,
      form: "passwort",
      run: async (input, { request, view }) => {
        await changeOwnPassword(
          ctx,
          sessionPrincipal(request),
          {
            currentPassword: input.currentPassword,
            newPassword: input.newPassword,
            sessionToken: sessionTokenOf(request),
          },
          { ip: request.ip },
        );
        return view.link(identityPaths.account(), { passwort: "geaendert" });
      },
      // Passwords are never written back into the form.
      render: ({ request, reply }, failure) =>
        renderAccount(request, reply, failure.status, {
          passwordErrors: failure.failed.errors,
        }),
      fieldOf: identityFieldOf,
    }),
  );

  app.post(
    IDENTITY_ROUTES.accountTokens,
    formAction({
      policy: "signed-in",
      params: NoParams,
      body: TokenNameBody,
      form: "token",
      run: async (input, { request, reply }) => {
        const principal = sessionPrincipal(request);
        const created = await createApiToken(
          ctx,
          principal,
          { userId: principal.userId, name: input.name },
          { ip: request.ip },
        );
        // The token exists only in this response: shown once, not after a redirect.
        return renderAccount(request, reply, 200, {
          createdToken: { name: created.name, token: created.token },
        });
      },
      render: ({ request, reply, fields }, failure) =>
        renderAccount(request, reply, failure.status, {
          tokenNameError:
            failure.failed.errors.name ?? failure.failed.messages[0],
          tokenName: fields.name ?? "",
        }),
      fieldOf: identityFieldOf,
    }),
  );

  app.post(
    IDENTITY_ROUTES.accountTokenRevoke,
    formAction({
      policy: "signed-in",
      params: TokenParams,
      body: EmptyForm,
      form: "token-widerrufen",
      run: async (_input, { request, params, view }) => {
        await revokeOwnApiToken(
          ctx,
          sessionPrincipal(request),
          idParam(params.tokenId),
          { ip: request.ip },
        );
        return view.link(identityPaths.account(), { token: "widerrufen" });
      },
      render: ({ request, reply }, failure) =>
        renderAccount(request, reply, failure.status, {
          notice: failure.failed.messages[0],
        }),
    }),
  );
}
