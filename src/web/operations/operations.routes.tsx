/**
 * /betrieb/: the operators' pages (route policy "operator", see http/operator-guard.ts).
 * An operator sees the municipalities of the installation and its audit log, creates a
 * municipality (empty or with the shape of another), invites its first administrator,
 * and deactivates or reactivates it after a confirmation step; reading a municipality's
 * data still needs a membership there. Forms go through formAction (ADR 0009).
 */
import { rawQueryParam } from "../http/params.js";
import { sendNoStore } from "../http/cache.js";
import { Type, type Static } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { MailDelivery } from "../../app/auth/passwords.js";
import type { AppContext } from "../../app/context.js";
import { inviteIntoMunicipality } from "../../app/municipalities/invitations.js";
import {
  createMunicipality,
  getMunicipalityForOperators,
  listMunicipalitiesForOperators,
  setMunicipalityState,
} from "../../app/municipalities/lifecycle.js";
import {
  getInstanceAuditLog,
  getMunicipalityOverview,
} from "../../app/operations/operators.js";
import type { FailedForm } from "../components/form/failed-form.js";
import { originOf, runUseCase } from "../http/use-case.js";
import { formAction } from "../http/form-action.js";
import { municipalitySlugParam, MunicipalityParams } from "../http/params.js";
import {
  accountBarOf,
  identityFieldOf,
  viewOf,
} from "../identity/identity-view.js";
import { csrfToken } from "../plugins/session.js";
import {
  CreateMunicipalityPage,
  MunicipalityPage,
  MunicipalityStatePage,
  type MunicipalityNotice,
} from "./municipality-pages.js";
import {
  CreateMunicipalityBody,
  InviteAdministratorBody,
  MunicipalityStateBody,
} from "./operations-forms.js";
import {
  OPERATIONS_ROUTES,
  OperationsAuditLogPage,
  OperationsHomePage,
  type OperationsFrame,
  operationsPaths,
} from "./operations-pages.js";

/** What the operators' routes need. */
export interface OperationsRoutesOptions {
  readonly ctx: AppContext;
  /** How invitations go out; null shows the link once on screen instead. */
  readonly mail?: MailDelivery | null;
}

const NoParams = Type.Object({});
type SlugParamsType = Static<typeof MunicipalityParams>;

/** Registers the operators' pages. */
export async function operationsRoutes(
  app: FastifyInstance,
  options: OperationsRoutesOptions,
): Promise<void> {
  const { ctx } = options;
  const mail = options.mail ?? null;

  /** What every page of the operators' area is drawn with. */
  function frameOf(request: FastifyRequest): OperationsFrame {
    const view = viewOf(request);
    return {
      view,
      requestUrl: request.url,
      account: accountBarOf(request, view),
    };
  }

  /** The frame of a page with forms: with the session's CSRF token. */
  const formFrameOf = (request: FastifyRequest) => ({
    ...frameOf(request),
    csrfToken: csrfToken(request),
  });

  const municipalityFor = (request: FastifyRequest, slug: string) =>
    getMunicipalityForOperators(
      ctx,
      request.principal,
      municipalitySlugParam(slug),
    );

  async function renderCreate(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    failed?: FailedForm,
  ): Promise<FastifyReply> {
    const templates = await listMunicipalitiesForOperators(
      ctx,
      request.principal,
    );
    return sendNoStore(
      reply,
      status,
      <CreateMunicipalityPage
        {...formFrameOf(request)}
        templates={templates.map((m) => ({ slug: m.slug, name: m.name }))}
        failed={failed}
      />,
    );
  }

  async function renderMunicipality(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    status: number,
    extra: {
      readonly notice?: MunicipalityNotice;
      readonly failed?: FailedForm;
    } = {},
  ): Promise<FastifyReply> {
    const municipality = await municipalityFor(request, slug);
    return sendNoStore(
      reply,
      status,
      <MunicipalityPage
        {...formFrameOf(request)}
        municipality={municipality}
        notice={extra.notice}
        failed={extra.failed}
      />,
    );
  }

  async function renderState(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    isActive: boolean,
    status: number,
    failed?: FailedForm,
  ): Promise<FastifyReply> {
    const municipality = await municipalityFor(request, slug);
    return sendNoStore(
      reply,
      status,
      <MunicipalityStatePage
        {...formFrameOf(request)}
        municipality={municipality}
        isActive={isActive}
        failed={failed}
      />,
    );
  }

  app.get(
    operationsPaths.createMunicipality(),
    { config: { policy: "operator" }, schema: { hide: true } },
    async (request, reply) => renderCreate(request, reply, 200),
  );

  app.post(
    operationsPaths.createMunicipality(),
    formAction({
      policy: "operator",
      params: NoParams,
      body: CreateMunicipalityBody,
      form: "kommune",
      run: async (input, { request, view }) => {
        const created = await runUseCase(
          ctx,
          request,
          createMunicipality,
          input,
        );
        return view.link(
          operationsPaths.municipality(created.municipality.slug),
          created.template === null
            ? { angelegt: "1" }
            : { angelegt: "1", vorlage: created.template },
        );
      },
      render: async ({ request, reply }, failure) =>
        renderCreate(request, reply, failure.status, failure.failed),
      fieldOf: identityFieldOf,
    }),
  );

  app.get<{ Params: SlugParamsType }>(
    OPERATIONS_ROUTES.municipality,
    { config: { policy: "operator" }, schema: { hide: true } },
    async (request, reply) => {
      const t = viewOf(request).t.operations;
      const template = rawQueryParam(request, "vorlage");
      const flags: readonly [string, string][] = [
        ["angelegt", template === null ? t.created : t.createdFrom(template)],
        [
          "eingeladen",
          t.invitationMailed(rawQueryParam(request, "eingeladen") ?? ""),
        ],
        ["deaktiviert", t.deactivatedNotice],
        ["reaktiviert", t.reactivatedNotice],
      ];
      const flag = flags.find(
        ([name]) => rawQueryParam(request, name) !== null,
      );
      return renderMunicipality(
        request,
        reply,
        request.params.slug,
        200,
        flag === undefined ? {} : { notice: { kind: "text", text: flag[1] } },
      );
    },
  );

  app.post(
    OPERATIONS_ROUTES.invite,
    formAction({
      policy: "operator",
      params: MunicipalityParams,
      body: InviteAdministratorBody,
      form: "einladung",
      run: async (input, { request, reply, params, view }) => {
        const invitation = await inviteIntoMunicipality(
          ctx,
          request.principal,
          {
            municipality: municipalitySlugParam(params.slug),
            email: input.email,
            name: input.name,
            role: input.role.trim() === "" ? "admin" : input.role.trim(),
          },
          { mail, baseUrl: `${request.protocol}://${request.host}` },
          originOf(request),
        );
        const t = view.t.operations;
        if (invitation.kind === "membership")
          return renderMunicipality(request, reply, params.slug, 200, {
            notice: {
              kind: "text",
              text: `${t.membershipAdded(
                invitation.account.email,
                invitation.municipality.name,
                roleLabel(view.t.identity.roleName, invitation.account.role),
              )} ${
                invitation.isMailed ? t.membershipMailed : t.membershipNotMailed
              }`,
            },
          });
        if (invitation.isMailed)
          return view.link(operationsPaths.municipality(params.slug), {
            eingeladen: invitation.account.email,
          });
        // The link exists only in this response: shown once, not after a redirect.
        return renderMunicipality(request, reply, params.slug, 201, {
          notice: { kind: "link", link: invitation.link },
        });
      },
      render: async ({ request, reply, params }, failure) =>
        renderMunicipality(request, reply, params.slug, failure.status, {
          failed: failure.failed,
        }),
      fieldOf: identityFieldOf,
    }),
  );

  for (const isActive of [false, true]) {
    const route = isActive
      ? OPERATIONS_ROUTES.reactivate
      : OPERATIONS_ROUTES.deactivate;
    app.get<{ Params: SlugParamsType }>(
      route,
      { config: { policy: "operator" }, schema: { hide: true } },
      async (request, reply) =>
        renderState(request, reply, request.params.slug, isActive, 200),
    );
    app.post(
      route,
      formAction({
        policy: "operator",
        params: MunicipalityParams,
        body: MunicipalityStateBody,
        form: "status",
        run: async (input, { request, params, view }) => {
          const reason = input.grund.trim();
          await setMunicipalityState(
            ctx,
            request.principal,
            {
              municipality: municipalitySlugParam(params.slug),
              ...(reason === "" ? {} : { reason }),
            },
            isActive,
            originOf(request),
          );
          return view.link(operationsPaths.municipality(params.slug), {
            [isActive ? "reaktiviert" : "deaktiviert"]: "1",
          });
        },
        render: async ({ request, reply, params }, failure) =>
          renderState(
            request,
            reply,
            params.slug,
            isActive,
            failure.status,
            failure.failed,
          ),
      }),
    );
  }

  app.get(
    "/betrieb",
    { config: { policy: "operator" }, schema: { hide: true } },
    async (_request, reply) => reply.redirect(operationsPaths.home(), 301),
  );

  /** A page of the operators' area: what `load` reads, drawn by `page`, never kept. */
  function operatorPage<T>(
    url: string,
    load: (request: FastifyRequest) => Promise<T>,
    page: (frame: OperationsFrame, data: T) => JSX.Element,
  ): void {
    app.get(
      url,
      { config: { policy: "operator" }, schema: { hide: true } },
      async (request, reply) => {
        const data = await load(request);
        return sendNoStore(reply, 200, page(frameOf(request), data));
      },
    );
  }

  operatorPage(
    operationsPaths.home(),
    (request) =>
      runUseCase(ctx, request, getMunicipalityOverview, {
        search: rawQueryParam(request, "q") ?? "",
        page: rawQueryParam(request, "seite") ?? "1",
      }),
    (frame, overview) => <OperationsHomePage {...frame} overview={overview} />,
  );

  operatorPage(
    operationsPaths.auditLog(),
    (request) =>
      runUseCase(ctx, request, getInstanceAuditLog, {
        page: rawQueryParam(request, "seite") ?? "1",
        instanceOnly: rawQueryParam(request, "nur-betrieb") ?? "",
      }),
    (frame, log) => <OperationsAuditLogPage {...frame} log={log} />,
  );
}

/** A role's name in the page's language ("Redaktion"), or the role itself if unknown. */
function roleLabel(
  names: Readonly<Record<"admin" | "editor" | "committee", string>>,
  role: string,
): string {
  return role === "admin" || role === "editor" || role === "committee"
    ? names[role]
    : role;
}
