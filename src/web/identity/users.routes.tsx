/**
 * /{kommune}/verwaltung/benutzer: administrators list, create, change, deactivate and
 * reactivate accounts of their municipality, and send invitations. Post/redirect/get;
 * a form with problems comes back with the input kept and a 400, a stale form with 409.
 */
import { rawQueryParam } from "../http/params.js";
import { sendNoStore } from "../http/cache.js";
import { Type, type Static } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  changeAccount,
  createAccount,
  getAccount,
  listAccounts,
  listAssignableOrgUnits,
  resolveAccountMunicipality,
  setAccountActive,
  type AccountSummary,
} from "../../app/auth/manage-users.js";
import { inviteAccount, type MailDelivery } from "../../app/auth/passwords.js";
import { getCatalogue } from "../../app/catalogue/read-catalogue.js";
import type { AppContext } from "../../app/context.js";
import type { UserPrincipal } from "../../domain/access/principal.js";
import { AppError } from "../../errors.js";
import {
  formAction,
  type FormContext,
  type FormFailure,
} from "../http/form-action.js";
import { EmptyForm } from "../http/form-schema.js";
import {
  idParam,
  isSlug,
  MunicipalityParams,
  municipalityParamsWith,
} from "../http/params.js";
import { csrfToken } from "../plugins/session.js";
import { siteHeader } from "../portal/site.js";
import { identityPaths, IDENTITY_ROUTES } from "./identity-paths.js";
import { NewUserBody, UserBody } from "./identity-forms.js";
import { accountBarOf, identityFieldOf, viewOf } from "./identity-view.js";
import {
  UserFormPage,
  UsersPage,
  type UserFormPageProps,
  type UserFormValues,
} from "./users-pages.js";

/** What the user routes need. */
export interface UserRoutesOptions {
  readonly ctx: AppContext;
  readonly mail: MailDelivery | null;
}

const UserParamsSchema = municipalityParamsWith({
  userId: Type.String({ maxLength: 12 }),
});
type SlugParams = Static<typeof MunicipalityParams>;
type UserParams = Static<typeof UserParamsSchema>;

/** An account and the municipality it belongs to. */
interface StoredAccount {
  readonly municipality: { id: number; slug: string };
  readonly user: AccountSummary;
}

function adminOf(request: FastifyRequest): UserPrincipal {
  if (request.principal.kind !== "user")
    throw new AppError("ERR_UNAUTHENTICATED");
  return request.principal;
}

/** Registers the user management routes. */
export async function userRoutes(
  app: FastifyInstance,
  options: UserRoutesOptions,
): Promise<void> {
  const { ctx, mail } = options;

  /** The municipality of the URL; 404 for one that does not exist, 403 for an administrator of another. */
  async function municipalityOf(
    request: FastifyRequest,
  ): Promise<{ id: number; slug: string }> {
    const params = request.params;
    if (!Value.Check(MunicipalityParams, params) || !isSlug(params.slug))
      throw new AppError("ERR_MUNICIPALITY_NOT_FOUND");
    const municipality = await resolveAccountMunicipality(ctx, params.slug);
    const principal = adminOf(request);
    if (principal.municipalityId !== municipality.id)
      throw new AppError("ERR_FORBIDDEN");
    return municipality;
  }

  function userIdOf(request: FastifyRequest): number {
    const params = request.params;
    return idParam(
      Value.Check(UserParamsSchema, params) ? params.userId : undefined,
    );
  }

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    municipality: { id: number; slug: string },
    props: Pick<UserFormPageProps, "user" | "values" | "errors"> &
      Partial<
        Pick<UserFormPageProps, "generalError" | "notice" | "invitationLink">
      >,
  ): Promise<FastifyReply> {
    const view = viewOf(request);
    const catalogue = await getCatalogue(ctx, municipality.slug);
    const orgUnits = await listAssignableOrgUnits(ctx, municipality.id);
    const html = await (
      <UserFormPage
        view={view}
        requestUrl={request.url}
        csrfToken={csrfToken(request)}
        site={siteHeader(catalogue)}
        account={accountBarOf(request, view)}
        orgUnits={orgUnits}
        {...props}
      />
    );
    return sendNoStore(reply, status, html);
  }

  function storedValues(user: AccountSummary): UserFormValues {
    return {
      email: user.email,
      name: user.name,
      role: user.role,
      orgUnitCodes: user.orgUnitCodes,
    };
  }

  /** The account of the URL, in the municipality of the URL. */
  async function accountOf(request: FastifyRequest): Promise<StoredAccount> {
    const municipality = await municipalityOf(request);
    const user = await getAccount(
      ctx,
      adminOf(request),
      municipality.id,
      userIdOf(request),
    );
    return { municipality, user };
  }

  /** The form of an account as it is stored now, with a notice, a problem or an invitation link. */
  function renderStored(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    { municipality, user }: StoredAccount,
    props: Partial<
      Pick<UserFormPageProps, "generalError" | "notice" | "invitationLink">
    >,
  ): Promise<FastifyReply> {
    return renderForm(request, reply, status, municipality, {
      user,
      values: storedValues(user),
      errors: {},
      ...props,
    });
  }

  /** After a refused action on an account (no form input to keep): the stored account and why. */
  async function renderRefused(
    { request, reply }: FormContext<unknown>,
    failure: FormFailure,
  ): Promise<FastifyReply> {
    return renderStored(
      request,
      reply,
      failure.status,
      await accountOf(request),
      { generalError: failure.failed.messages[0] },
    );
  }

  /** The form as typed (kept after a failed save). */
  function typedValues(
    fields: Readonly<Record<string, string>>,
    lists: Readonly<Record<string, readonly string[]>>,
  ): UserFormValues {
    return {
      email: fields.email ?? "",
      name: fields.name ?? "",
      role: fields.role ?? "",
      orgUnitCodes: lists.orgUnitCodes ?? [],
    };
  }

  async function invite(
    request: FastifyRequest,
    userId: number,
  ): Promise<{ link: string; isMailed: boolean }> {
    return inviteAccount(
      ctx,
      adminOf(request),
      { userId, delivery: mail, publicBaseUrl: mail?.publicBaseUrl ?? null },
      { ip: request.ip },
    );
  }

  app.get<{ Params: SlugParams }>(
    IDENTITY_ROUTES.users,
    { config: { policy: "admin" }, schema: { hide: true } },
    async (request, reply) => {
      const municipality = await municipalityOf(request);
      const view = viewOf(request);
      const users = await listAccounts(ctx, adminOf(request), municipality.id);
      const catalogue = await getCatalogue(ctx, municipality.slug);
      const html = await (
        <UsersPage
          view={view}
          requestUrl={request.url}
          csrfToken={csrfToken(request)}
          site={siteHeader(catalogue)}
          account={accountBarOf(request, view)}
          users={users}
        />
      );
      return sendNoStore(reply, 200, html);
    },
  );

  app.get<{ Params: SlugParams }>(
    IDENTITY_ROUTES.userNew,
    { config: { policy: "admin" }, schema: { hide: true } },
    async (request, reply) => {
      const municipality = await municipalityOf(request);
      return renderForm(request, reply, 200, municipality, {
        user: null,
        values: { email: "", name: "", role: "editor", orgUnitCodes: [] },
        errors: {},
      });
    },
  );

  app.post(
    IDENTITY_ROUTES.users,
    formAction({
      policy: "admin",
      params: MunicipalityParams,
      body: NewUserBody,
      form: "benutzer-neu",
      run: async (input, { request, reply, view }) => {
        const municipality = await municipalityOf(request);
        const created = await createAccount(
          ctx,
          adminOf(request),
          {
            municipalityId: municipality.id,
            email: input.email,
            name: input.name,
            role: input.role,
            orgUnitCodes: [...input.orgUnitCodes],
          },
          { ip: request.ip },
        );
        const invitation = await invite(request, created.id);
        if (invitation.isMailed)
          return view.link(identityPaths.user(municipality.slug, created.id), {
            angelegt: "mail",
          });
        // The link exists only in this response: shown once, not after a redirect.
        return renderStored(
          request,
          reply,
          201,
          { municipality, user: created },
          {
            notice: view.t.identity.userCreated,
            invitationLink: invitation.link,
          },
        );
      },
      render: async ({ request, reply, fields, lists }, failure) =>
        renderForm(
          request,
          reply,
          failure.status,
          await municipalityOf(request),
          {
            user: null,
            values: typedValues(fields, lists),
            errors: failure.failed.errors,
            generalError: failure.failed.messages[0],
          },
        ),
      fieldOf: identityFieldOf,
    }),
  );

  app.get<{ Params: UserParams }>(
    IDENTITY_ROUTES.user,
    { config: { policy: "admin" }, schema: { hide: true } },
    async (request, reply) => {
      const stored = await accountOf(request);
      const { user } = stored;
      const t = viewOf(request).t.identity;
      const flags: Readonly<Record<string, string>> = {
        gespeichert: t.userSaved,
        deaktiviert: t.userDeactivated,
        reaktiviert: t.userReactivated,
      };
      const created = rawQueryParam(request, "angelegt");
      const invited = rawQueryParam(request, "eingeladen");
      let notice = Object.keys(flags).find(
        (flag) => rawQueryParam(request, flag) !== null,
      );
      if (created !== null)
        notice = `${t.userCreated} ${t.userInvitationMailed(user.email)}`;
      else if (invited !== null) notice = t.userInvitationMailed(user.email);
      else if (notice !== undefined) notice = flags[notice];
      return renderStored(request, reply, 200, stored, { notice });
    },
  );

  app.post(
    IDENTITY_ROUTES.user,
    formAction({
      policy: "admin",
      params: UserParamsSchema,
      body: UserBody,
      form: "benutzer",
      run: async (input, { request, view }) => {
        const municipality = await municipalityOf(request);
        const userId = userIdOf(request);
        await changeAccount(
          ctx,
          adminOf(request),
          municipality.id,
          userId,
          {
            name: input.name,
            role: input.role,
            orgUnitCodes: [...input.orgUnitCodes],
            version: input.version,
          },
          { ip: request.ip },
        );
        return view.link(identityPaths.user(municipality.slug, userId), {
          gespeichert: "1",
        });
      },
      render: async ({ request, reply, fields, lists, view }, failure) => {
        const stored = await accountOf(request);
        // After a conflict nothing was saved: show what is stored now, so the person sees the other change.
        if (failure.status === 409) {
          return renderStored(request, reply, 409, stored, {
            generalError: view.t.identity.userConflict,
          });
        }
        const { municipality, user: current } = stored;
        return renderForm(request, reply, failure.status, municipality, {
          user: current,
          values: { ...typedValues(fields, lists), email: current.email },
          errors: failure.failed.errors,
          generalError: failure.failed.messages[0],
        });
      },
      fieldOf: identityFieldOf,
    }),
  );

  for (const [route, isActive, flag] of [
    [IDENTITY_ROUTES.userDeactivate, false, "deaktiviert"],
    [IDENTITY_ROUTES.userReactivate, true, "reaktiviert"],
  ] as const) {
    app.post(
      route,
      formAction({
        policy: "admin",
        params: UserParamsSchema,
        body: EmptyForm,
        form: "benutzer",
        run: async (_input, { request, view }) => {
          const municipality = await municipalityOf(request);
          const userId = userIdOf(request);
          await setAccountActive(
            ctx,
            adminOf(request),
            municipality.id,
            userId,
            isActive,
            { ip: request.ip },
          );
          return view.link(identityPaths.user(municipality.slug, userId), {
            [flag]: "1",
          });
        },
        render: renderRefused,
      }),
    );
  }

  app.post(
    IDENTITY_ROUTES.userInvite,
    formAction({
      policy: "admin",
      params: UserParamsSchema,
      body: EmptyForm,
      form: "einladung",
      run: async (_input, { request, reply, view }) => {
        const stored = await accountOf(request);
        const { municipality, user } = stored;
        const invitation = await invite(request, user.id);
        if (invitation.isMailed)
          return view.link(identityPaths.user(municipality.slug, user.id), {
            eingeladen: "1",
          });
        return renderStored(request, reply, 200, stored, {
          invitationLink: invitation.link,
        });
      },
      render: renderRefused,
    }),
  );
}
