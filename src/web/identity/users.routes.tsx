/**
 * /{kommune}/verwaltung/benutzer: administrators list, create, change, deactivate and
 * reactivate accounts of their municipality, and send invitations. Post/redirect/get;
 * a form with problems comes back with the input kept and a 400, a stale form with 409.
 */
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
import { AppError, isAppError } from "../../errors.js";
import { csrfToken } from "../plugins/session.js";
import { siteHeader } from "../portal/site.js";
import { identityPaths, IDENTITY_ROUTES } from "./identity-paths.js";
import { accountBarOf, fieldErrors, formList, formText, queryFlag, sendPage, viewOf } from "./identity-view.js";
import { UserFormPage, UsersPage, type UserFormPageProps, type UserFormValues } from "./users-pages.js";

/** What the user routes need. */
export interface UserRoutesOptions {
  readonly ctx: AppContext;
  readonly mail: MailDelivery | null;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const USER_ID = /^[1-9][0-9]{0,9}$/;

interface SlugParams {
  slug: string;
}
interface UserParams extends SlugParams {
  userId: string;
}

function adminOf(request: FastifyRequest): UserPrincipal {
  if (request.principal.kind !== "user") throw new AppError("ERR_UNAUTHENTICATED");
  return request.principal;
}

/** Registers the user management routes. */
export async function userRoutes(app: FastifyInstance, options: UserRoutesOptions): Promise<void> {
  const { ctx, mail } = options;

  /** The municipality of the URL; 404 for one that does not exist, 403 for an administrator of another. */
  async function municipalityOf(request: FastifyRequest<{ Params: SlugParams }>): Promise<{ id: number; slug: string }> {
    if (!SLUG.test(request.params.slug)) throw new AppError("ERR_MUNICIPALITY_NOT_FOUND");
    const municipality = await resolveAccountMunicipality(ctx, request.params.slug);
    const principal = adminOf(request);
    if (principal.municipalityId !== municipality.id) throw new AppError("ERR_FORBIDDEN");
    return municipality;
  }

  function userIdOf(request: FastifyRequest<{ Params: UserParams }>): number {
    if (!USER_ID.test(request.params.userId)) throw new AppError("ERR_NOT_FOUND");
    return Number(request.params.userId);
  }

  async function renderForm(
    request: FastifyRequest<{ Params: SlugParams }>,
    reply: FastifyReply,
    status: number,
    municipality: { id: number; slug: string },
    props: Pick<UserFormPageProps, "user" | "values" | "errors"> & Partial<Pick<UserFormPageProps, "generalError" | "notice" | "invitationLink">>,
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
    return sendPage(reply, status, html);
  }

  function storedValues(user: AccountSummary): UserFormValues {
    return { email: user.email, name: user.name, role: user.role, orgUnitCodes: user.orgUnitCodes };
  }

  function typedValues(request: FastifyRequest): UserFormValues {
    return {
      email: formText(request.body, "email"),
      name: formText(request.body, "name"),
      role: formText(request.body, "role"),
      orgUnitCodes: formList(request.body, "orgUnitCodes"),
    };
  }

  async function invite(request: FastifyRequest, userId: number): Promise<{ link: string; isMailed: boolean }> {
    return inviteAccount(ctx, adminOf(request), { userId, delivery: mail, publicBaseUrl: mail?.publicBaseUrl ?? null }, { ip: request.ip });
  }

  app.get<{ Params: SlugParams }>(IDENTITY_ROUTES.users, { config: { policy: "admin" }, schema: { hide: true } }, async (request, reply) => {
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
    return sendPage(reply, 200, html);
  });

  app.get<{ Params: SlugParams }>(IDENTITY_ROUTES.userNew, { config: { policy: "admin" }, schema: { hide: true } }, async (request, reply) => {
    const municipality = await municipalityOf(request);
    return renderForm(request, reply, 200, municipality, {
      user: null,
      values: { email: "", name: "", role: "editor", orgUnitCodes: [] },
      errors: {},
    });
  });

  app.post<{ Params: SlugParams }>(IDENTITY_ROUTES.users, { config: { policy: "admin" }, schema: { hide: true } }, async (request, reply) => {
    const municipality = await municipalityOf(request);
    const values = typedValues(request);
    let created: AccountSummary;
    try {
      created = await createAccount(
        ctx,
        adminOf(request),
        { municipalityId: municipality.id, email: values.email, name: values.name, role: values.role, orgUnitCodes: values.orgUnitCodes },
        { ip: request.ip },
      );
    } catch (error) {
      if (!isAppError(error, "ERR_VALIDATION")) throw error;
      return renderForm(request, reply, 400, municipality, { user: null, values, errors: fieldErrors(error.problems) });
    }
    const invitation = await invite(request, created.id);
    const view = viewOf(request);
    if (invitation.isMailed) {
      return reply.redirect(view.link(identityPaths.user(municipality.slug, created.id), { angelegt: "mail" }), 303);
    }
    // The link exists only in this response: shown once, not after a redirect.
    return renderForm(request, reply, 201, municipality, {
      user: created,
      values: storedValues(created),
      errors: {},
      notice: view.t.identity.userCreated,
      invitationLink: invitation.link,
    });
  });

  app.get<{ Params: UserParams }>(IDENTITY_ROUTES.user, { config: { policy: "admin" }, schema: { hide: true } }, async (request, reply) => {
    const municipality = await municipalityOf(request);
    const user = await getAccount(ctx, adminOf(request), municipality.id, userIdOf(request));
    const t = viewOf(request).t.identity;
    const flags: Readonly<Record<string, string>> = {
      gespeichert: t.userSaved,
      deaktiviert: t.userDeactivated,
      reaktiviert: t.userReactivated,
    };
    const created = queryFlag(request, "angelegt");
    const invited = queryFlag(request, "eingeladen");
    let notice = Object.keys(flags).find((flag) => queryFlag(request, flag) !== null);
    if (created !== null) notice = `${t.userCreated} ${t.userInvitationMailed(user.email)}`;
    else if (invited !== null) notice = t.userInvitationMailed(user.email);
    else if (notice !== undefined) notice = flags[notice];
    return renderForm(request, reply, 200, municipality, { user, values: storedValues(user), errors: {}, notice });
  });

  app.post<{ Params: UserParams }>(IDENTITY_ROUTES.user, { config: { policy: "admin" }, schema: { hide: true } }, async (request, reply) => {
    const municipality = await municipalityOf(request);
    const userId = userIdOf(request);
    const values = typedValues(request);
    const version = Number(formText(request.body, "version"));
    try {
      await changeAccount(
        ctx,
        adminOf(request),
        municipality.id,
        userId,
        { name: values.name, role: values.role, orgUnitCodes: values.orgUnitCodes, version: Number.isInteger(version) ? version : -1 },
        { ip: request.ip },
      );
    } catch (error) {
      const current = await getAccount(ctx, adminOf(request), municipality.id, userId);
      if (isAppError(error, "ERR_VALIDATION")) {
        return renderForm(request, reply, 400, municipality, { user: current, values: { ...values, email: current.email }, errors: fieldErrors(error.problems) });
      }
      if (isAppError(error, "ERR_CONFLICT")) {
        // Nothing was saved: show what is stored now, so the person sees the other change.
        return renderForm(request, reply, 409, municipality, {
          user: current,
          values: storedValues(current),
          errors: {},
          generalError: viewOf(request).t.identity.userConflict,
        });
      }
      throw error;
    }
    return reply.redirect(viewOf(request).link(identityPaths.user(municipality.slug, userId), { gespeichert: "1" }), 303);
  });

  for (const [route, isActive, flag] of [
    [IDENTITY_ROUTES.userDeactivate, false, "deaktiviert"],
    [IDENTITY_ROUTES.userReactivate, true, "reaktiviert"],
  ] as const) {
    app.post<{ Params: UserParams }>(route, { config: { policy: "admin" }, schema: { hide: true } }, async (request, reply) => {
      const municipality = await municipalityOf(request);
      const userId = userIdOf(request);
      try {
        await setAccountActive(ctx, adminOf(request), municipality.id, userId, isActive, { ip: request.ip });
      } catch (error) {
        if (!isAppError(error, "ERR_VALIDATION")) throw error;
        const current = await getAccount(ctx, adminOf(request), municipality.id, userId);
        return renderForm(request, reply, 400, municipality, {
          user: current,
          values: storedValues(current),
          errors: {},
          generalError: error.detail ?? error.problems[0]?.message,
        });
      }
      return reply.redirect(viewOf(request).link(identityPaths.user(municipality.slug, userId), { [flag]: "1" }), 303);
    });
  }

  app.post<{ Params: UserParams }>(IDENTITY_ROUTES.userInvite, { config: { policy: "admin" }, schema: { hide: true } }, async (request, reply) => {
    const municipality = await municipalityOf(request);
    const user = await getAccount(ctx, adminOf(request), municipality.id, userIdOf(request));
    let invitation: { link: string; isMailed: boolean };
    try {
      invitation = await invite(request, user.id);
    } catch (error) {
      if (!isAppError(error, "ERR_VALIDATION")) throw error;
      return renderForm(request, reply, 400, municipality, { user, values: storedValues(user), errors: {}, generalError: error.detail ?? undefined });
    }
    if (invitation.isMailed) {
      return reply.redirect(viewOf(request).link(identityPaths.user(municipality.slug, user.id), { eingeladen: "1" }), 303);
    }
    return renderForm(request, reply, 200, municipality, { user, values: storedValues(user), errors: {}, invitationLink: invitation.link });
  });
}
