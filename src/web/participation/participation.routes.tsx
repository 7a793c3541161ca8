/**
 * Participation (ADR 0023): the public pages (list, item, forms for ideas and barrier
 * reports, the submitter's page, confirmation and unsubscribe links) and the staff pages
 * (queue, moderation, settings). Forms go through formAction; the refusal of the rate
 * limit shows the form again with everything typed and a German message (429).
 */
import type { ViewContext } from "../components/view.js";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type, type Static, type TObject } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { MailDelivery } from "../../app/auth/passwords.js";
import type { getCatalogue } from "../../app/catalogue/read-catalogue.js";
import type { AppContext } from "../../app/context.js";
import {
  getPublishedCatalogue,
  type PublishedCatalogue,
} from "../../app/edition/read-editions.js";
import {
  changeParticipationSettings,
  confirmItemAddress,
  getItemForModeration,
  getItemForSubmitter,
  getParticipationSettings,
  getParticipationSettingsForEditing,
  getPublicItem,
  getQueue,
  getSubmissionForm,
  listPublicItems,
  mayContribute,
  moderateItem,
  participationPaths,
  submitItem,
  unsubscribeItem,
  withdrawItem,
} from "../../app/participation/participation.js";
import { canEditStructure } from "../../app/policies/catalogue.policy.js";
import { canReadAudit } from "../../app/policies/audit.policy.js";
import { AppError, isAppError } from "../../errors.js";
import type { FailedForm } from "../components/form/failed-form.js";
import { editorChrome, viewOf } from "../editor/editor-view.js";
import {
  idOf,
  MunicipalityParams,
  municipalityParamsWith,
  municipalitySlugParam,
  rawQueryParam,
} from "../http/params.js";
import { pageRoute, type RequestWithParams } from "../http/page-route.js";
import { runUseCase } from "../http/use-case.js";
import { sendNoStore } from "../http/cache.js";
import { settingsPage } from "../http/staff-page.js";
import { sendHtmlError, installHtmlErrorHandler } from "../http/error-pages.js";
import {
  fieldLabels,
  formAction,
  type FormActionSpec,
  type FormContext,
  type FormFailure,
} from "../http/form-action.js";
import { EmptyForm } from "../http/form-schema.js";
import { csrfToken } from "../plugins/session.js";
import { sendMessagePage } from "../http/message-page.js";
import {
  BarrierBody,
  ModerationBody,
  ParticipationSettingsBody,
  SubmissionBody,
} from "./participation-forms.js";
import {
  ItemListPage,
  ItemPage,
  ModerationPage,
  QueuePage,
  SettingsPage,
  SubmissionPage,
  SubmitterPage,
} from "./participation-pages.js";

/** What every public page of the participation is drawn with. */
interface PublicFrame {
  readonly view: ViewContext;
  readonly catalogue: PublishedCatalogue["catalogue"];
  readonly requestUrl: string;
}

/** What the routes need. */
export interface ParticipationRoutesOptions {
  readonly ctx: AppContext;
  readonly mail: MailDelivery | null;
}

const ItemParams = municipalityParamsWith({
  id: Type.String({ maxLength: 12 }),
});
const TokenParams = municipalityParamsWith({
  token: Type.String({ maxLength: 100 }),
});
const LangQuery = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
});
const FormQuery = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
  projekt: Type.Optional(Type.String({ maxLength: 200 })),
});
const SubmitterQuery = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
  eingereicht: Type.Optional(Type.String({ maxLength: 10 })),
  bestaetigen: Type.Optional(Type.String({ maxLength: 10 })),
});
const QueueQuery = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
  art: Type.Optional(Type.String({ maxLength: 20 })),
  status: Type.Optional(Type.String({ maxLength: 20 })),
  organisationseinheit: Type.Optional(Type.String({ maxLength: 50 })),
  ueberfaellig: Type.Optional(Type.String({ maxLength: 10 })),
});
const SavedQuery = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
  gespeichert: Type.Optional(Type.String({ maxLength: 20 })),
});

/** An item's id from the URL; anything that cannot be one is the item's 404. */
function itemId(text: string): number {
  const id = idOf(text);
  if (id === null) throw new AppError("ERR_ITEM_NOT_FOUND");
  return id;
}

/** Registers the pages of participation. */
export async function participationRoutes(
  instance: FastifyInstance,
  options: ParticipationRoutesOptions,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx, mail } = options;

  /**
   * A public page of the participation, drawn with the published programme and never kept
   * (items change at any time); `load` reads the page's own data beside the programme.
   */
  async function sendPublicPage<D>(
    request: RequestWithParams<{ readonly slug: string }>,
    reply: FastifyReply,
    load: (slug: string) => Promise<D>,
    page: (frame: PublicFrame, data: D) => JSX.Element,
  ): Promise<FastifyReply> {
    const slug = municipalitySlugParam(request.params.slug);
    const [{ catalogue }, data] = await Promise.all([
      getPublishedCatalogue(ctx, slug),
      load(slug),
    ]);
    const frame = { view: viewOf(request), catalogue, requestUrl: request.url };
    return sendNoStore(reply, 200, page(frame, data));
  }

  // ── Public pages ──────────────────────────────────────────────────────────
  app.get(
    "/:slug/ideen",
    pageRoute("public", MunicipalityParams, LangQuery),
    async (request, reply) =>
      sendPublicPage(
        request,
        reply,
        (slug) =>
          Promise.all([
            listPublicItems(ctx, slug),
            getParticipationSettings(ctx, slug),
          ]),
        (frame, [{ items }, settings]) => (
          <ItemListPage
            {...frame}
            items={items}
            isOpen={mayContribute(
              settings,
              request.principal,
              frame.catalogue.municipality.id,
            )}
          />
        ),
      ),
  );

  app.get(
    "/:slug/ideen/:id",
    pageRoute("public", ItemParams, LangQuery),
    async (request, reply) =>
      sendPublicPage(
        request,
        reply,
        // The slug is checked first: an unknown municipality is its own 404.
        async (slug) => getPublicItem(ctx, slug, itemId(request.params.id)),
        (frame, { item, mergedInto }) => (
          <ItemPage {...frame} item={item} mergedInto={mergedInto} />
        ),
      ),
  );

  /** One of the submission forms: empty, again after a failure, or refused by the rate limit. */
  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    kind: "general" | "barrier",
    shown: {
      readonly status: number;
      readonly failed?: FailedForm | undefined;
      readonly limitMessage?: string | undefined;
      readonly preselectedProject?: string | undefined;
    },
  ): Promise<FastifyReply> {
    const form = await getSubmissionForm(ctx, request.principal, slug, kind);
    const { failed, limitMessage, preselectedProject } = shown;
    return sendNoStore(
      reply,
      shown.status,
      <SubmissionPage
        view={viewOf(request)}
        catalogue={form.catalogue}
        requestUrl={request.url}
        csrfToken={csrfToken(request)}
        kind={kind}
        projects={form.projects}
        retentionDays={form.settings.retentionDays}
        preselectedProject={preselectedProject}
        failed={failed}
        limitMessage={limitMessage}
      />,
    );
  }

  const submissionLabels = fieldLabels(({ participation: t }) => ({
    art: t.fieldKind,
    titel: t.fieldTitle,
    text: t.fieldText,
    projekt: t.fieldProject,
    email: t.fieldEmail,
  }));

  /** The rate limit's refusal: the form again, everything typed kept, with the message (429). */
  const limitAnswer =
    (kind: "general" | "barrier") =>
    async (
      error: unknown,
      context: FormContext<{ slug: string }>,
    ): Promise<FastifyReply | null> => {
      if (!isAppError(error, "ERR_PARTICIPATION_LIMIT")) return null;
      if (error.retryAfterSeconds !== null)
        context.reply.header("retry-after", String(error.retryAfterSeconds));
      return renderForm(
        context.request,
        context.reply,
        context.params.slug,
        kind,
        {
          status: 429,
          failed: {
            form: context.form,
            values: context.fields,
            lists: context.lists,
            errors: {},
            summary: [],
            messages: [],
          },
          limitMessage: error.localisedMessage(context.view.lang),
        },
      );
    };

  /**
   * Sends a submission of either form (the text fields both have, plus its kind and
   * project) and answers with the submitter's withdrawal page.
   */
  async function submit(
    context: FormContext<{ slug: string }>,
    input: Static<typeof BarrierBody>,
    item: {
      readonly kind: "idea" | "feedback" | "barrier";
      readonly project: string;
    },
  ): Promise<string> {
    const { request, params, view } = context;
    const receipt = await submitItem(
      ctx,
      mail,
      request.principal,
      {
        municipality: municipalitySlugParam(params.slug),
        ...item,
        title: input.titel,
        body: input.text,
        email: input.email,
        honeypot: input.webseite,
        language: view.lang,
      },
      { ip: request.ip },
    );
    return view.link(
      participationPaths.withdraw(params.slug, receipt.withdrawToken),
      {
        eingereicht: "ja",
        ...(receipt.confirmationSent ? { bestaetigen: "ja" } : {}),
      },
    );
  }

  /** What both submission forms do when they fail: the form again, or the rate limit's answer. */
  const submissionFailure = (kind: "general" | "barrier") => ({
    render: (
      { request, reply, params }: FormContext<{ slug: string }>,
      failure: FormFailure,
    ) => renderForm(request, reply, params.slug, kind, failure),
    answer: limitAnswer(kind),
    idOf: (field: string) => field,
    labelOf: submissionLabels,
  });

  /** A submission form's page and the form that submits it (everyone). */
  function submissionRoutes<B extends TObject>(
    url: string,
    spec: {
      readonly kind: "general" | "barrier";
      readonly query: TObject;
      readonly body: B;
      readonly form: string;
      readonly run: FormActionSpec<typeof MunicipalityParams, B>["run"];
    },
  ): void {
    app.get(
      url,
      pageRoute("public", MunicipalityParams, spec.query),
      async (request, reply) =>
        renderForm(
          request,
          reply,
          municipalitySlugParam(request.params.slug),
          spec.kind,
          {
            status: 200,
            // Only the general form links an idea to a project.
            preselectedProject:
              spec.kind === "general"
                ? (rawQueryParam(request, "projekt") ?? undefined)
                : undefined,
          },
        ),
    );
    app.post(
      url,
      formAction({
        policy: "public",
        params: MunicipalityParams,
        body: spec.body,
        form: spec.form,
        run: spec.run,
        ...submissionFailure(spec.kind),
      }),
    );
  }

  submissionRoutes("/:slug/ideen/einreichen", {
    kind: "general",
    query: FormQuery,
    body: SubmissionBody,
    form: "idee",
    run: (input, context) =>
      submit(context, input, {
        // The general form takes ideas and feedback; barriers have their own.
        kind: input.art === "feedback" ? "feedback" : "idea",
        project: input.projekt,
      }),
  });

  submissionRoutes("/:slug/barriere-melden", {
    kind: "barrier",
    query: LangQuery,
    body: BarrierBody,
    form: "barriere",
    run: (input, context) =>
      submit(context, input, { kind: "barrier", project: "" }),
  });

  app.get(
    "/:slug/ideen/zurueckziehen/:token",
    pageRoute("public", TokenParams, SubmitterQuery),
    async (request, reply) =>
      sendPublicPage(
        request,
        reply,
        (slug) =>
          getItemForSubmitter(ctx, {
            municipality: slug,
            token: request.params.token,
          }),
        (frame, { item }) => {
          // The link is the submitter's key: never in a referrer, never in a shared cache.
          reply.header("referrer-policy", "no-referrer");
          return (
            <SubmitterPage
              {...frame}
              csrfToken={csrfToken(request)}
              token={request.params.token}
              item={item}
              isNew={request.query.eingereicht === "ja"}
              confirmationSent={request.query.bestaetigen === "ja"}
            />
          );
        },
      ),
  );

  app.post(
    "/:slug/ideen/zurueckziehen/:token",
    formAction({
      policy: "public",
      params: TokenParams,
      body: EmptyForm,
      form: "zurueckziehen",
      run: async (_input, { params, view }) => {
        await withdrawItem(ctx, {
          municipality: municipalitySlugParam(params.slug),
          token: params.token,
        });
        return view.link(
          participationPaths.withdraw(params.slug, params.token),
        );
      },
      render: async ({ request, reply }, failure) =>
        sendHtmlError(
          new AppError("ERR_VALIDATION", {
            detail: failure.failed.messages.join(" "),
          }),
          request,
          reply,
        ),
    }),
  );

  /** A link from a mail: does what its token says, then a page that says it is done. */
  const mailLinkRoute = (
    url: string,
    act: (slug: string, token: string, view: ViewContext) => Promise<unknown>,
    done: (t: ViewContext["t"]["participation"]) => {
      readonly title: string;
      readonly text: string;
    },
  ): void => {
    app.get(
      url,
      pageRoute("public", TokenParams, LangQuery),
      async (request, reply) => {
        const slug = municipalitySlugParam(request.params.slug);
        const view = viewOf(request);
        await act(slug, request.params.token, view);
        return sendMessagePage(ctx, request, reply, slug, {
          ...done(view.t.participation),
          tokenInUrl: true,
        });
      },
    );
  };

  mailLinkRoute(
    "/:slug/ideen/bestaetigen/:token",
    (slug, token, view) =>
      confirmItemAddress(ctx, {
        municipality: slug,
        token,
        language: view.lang,
      }),
    (t) => ({ title: t.confirmedTitle, text: t.confirmedText }),
  );

  mailLinkRoute(
    "/:slug/ideen/abmelden/:token",
    (slug, token) => unsubscribeItem(ctx, { municipality: slug, token }),
    (t) => ({ title: t.unsubscribedTitle, text: t.unsubscribedText }),
  );

  // ── Staff pages ───────────────────────────────────────────────────────────
  const rightsOf = (
    request: FastifyRequest,
    catalogue: Awaited<ReturnType<typeof getCatalogue>>,
  ) => ({
    isAdministrator: canEditStructure(
      request.principal,
      catalogue.municipality.id,
    ),
    canReadAudit: canReadAudit(request.principal, catalogue.municipality.id),
  });

  function chromeFor(
    request: FastifyRequest,
    catalogue: Awaited<ReturnType<typeof getCatalogue>>,
  ) {
    return editorChrome(
      request,
      viewOf(request),
      catalogue,
      rightsOf(request, catalogue),
      "participation",
    );
  }

  app.get(
    "/:slug/verwaltung/beteiligung",
    pageRoute("staff", MunicipalityParams, QueueQuery),
    async (request, reply) => {
      const slug = municipalitySlugParam(request.params.slug);
      const { query } = request;
      const filter = {
        kind: query.art ?? "",
        status: query.status ?? "",
        orgUnit: query.organisationseinheit ?? "",
        overdue: query.ueberfaellig === "ja",
      };
      const queue = await getQueue(
        ctx,
        request.principal,
        slug,
        {
          kind: filter.kind,
          status: filter.status,
          orgUnit: filter.orgUnit,
          overdueOnly: filter.overdue,
        },
        { ip: request.ip },
      );
      return sendNoStore(
        reply,
        200,
        <QueuePage
          view={viewOf(request)}
          requestUrl={request.url}
          chrome={chromeFor(request, queue.catalogue)}
          catalogue={queue.catalogue}
          items={queue.items}
          filter={filter}
        />,
      );
    },
  );

  async function renderModeration(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    id: number,
    shown: {
      readonly status: number;
      readonly notice?: string | undefined;
      readonly failed?: FailedForm | undefined;
    },
  ): Promise<FastifyReply> {
    const data = await getItemForModeration(ctx, request.principal, slug, id, {
      ip: request.ip,
    });
    return sendNoStore(
      reply,
      shown.status,
      <ModerationPage
        view={viewOf(request)}
        requestUrl={request.url}
        chrome={chromeFor(request, data.catalogue)}
        catalogue={data.catalogue}
        entry={data.entry}
        editions={data.editions}
        others={data.others}
        canModerate={data.canModerate}
        csrfToken={csrfToken(request)}
        notice={shown.notice}
        failed={shown.failed}
      />,
    );
  }

  app.get(
    "/:slug/verwaltung/beteiligung/:id",
    pageRoute("staff", ItemParams, SavedQuery),
    async (request, reply) => {
      const view = viewOf(request);
      return renderModeration(
        request,
        reply,
        municipalitySlugParam(request.params.slug),
        itemId(request.params.id),
        {
          status: 200,
          notice:
            request.query.gespeichert === "ja"
              ? view.t.participation.saved
              : undefined,
        },
      );
    },
  );

  app.post(
    "/:slug/verwaltung/beteiligung/:id",
    formAction({
      policy: "admin",
      params: ItemParams,
      body: ModerationBody,
      form: "entscheidung",
      run: async (input, { request, params, view }) => {
        const slug = municipalitySlugParam(params.slug);
        const id = itemId(params.id);
        await moderateItem(
          ctx,
          mail,
          request.principal,
          {
            municipality: slug,
            id,
            expectedVersion: input.version,
            publish: input.veroeffentlichen === "ja",
            status: input.status,
            note: input.begruendung,
            orgUnit: input.organisationseinheit,
            linkProject: input.projekt,
            linkMeasure: input.massnahme,
            linkEdition: input.fortschreibung,
            mergedInto: input.zusammengefuehrt,
          },
          { ip: request.ip },
        );
        return view.link(participationPaths.queueItem(slug, id), {
          gespeichert: "ja",
        });
      },
      render: ({ request, reply, params }, failure) =>
        renderModeration(
          request,
          reply,
          params.slug,
          itemId(params.id),
          failure,
        ),
      idOf: (field) => field,
      labelOf: fieldLabels(({ participation: t }) => ({
        status: t.statusColumn,
        begruendung: t.reason,
        projekt: t.linkProject,
        massnahme: t.linkMeasure,
        fortschreibung: t.linkEdition,
        zusammengefuehrt: t.mergedIntoLabel,
        organisationseinheit: t.assignedTo,
      })),
    }),
  );

  const renderSettings = settingsPage({
    ctx,
    section: "participation",
    rights: rightsOf,
    load: (request, slug) =>
      getParticipationSettingsForEditing(ctx, request.principal, slug, {
        ip: request.ip,
      }),
    page: (frame, settings) => <SettingsPage {...frame} settings={settings} />,
    noticeOf: (view, request) =>
      rawQueryParam(request, "gespeichert") === "ja"
        ? view.t.participation.settingsSaved
        : undefined,
  });

  app.get(
    "/:slug/verwaltung/beteiligung-einstellungen",
    pageRoute("admin", MunicipalityParams, SavedQuery),
    renderSettings.show,
  );

  const SETTINGS_FIELDS: Readonly<Record<string, string>> = {
    "/data/mode": "modus",
    "/data/overdueDays": "ueberfaellig",
    "/data/retentionDays": "aufbewahrung",
  };

  app.post(
    "/:slug/verwaltung/beteiligung-einstellungen",
    formAction({
      policy: "admin",
      params: MunicipalityParams,
      body: ParticipationSettingsBody,
      form: "beteiligung",
      run: async (input, { request, params, view }) => {
        const slug = municipalitySlugParam(params.slug);
        const whole = (text: string): number =>
          /^\s*\d{1,4}\s*$/.test(text) ? Number(text) : Number.NaN;
        await runUseCase(ctx, request, changeParticipationSettings, {
          municipality: slug,
          mode: input.modus,
          overdueDays: whole(input.ueberfaellig),
          retentionDays: whole(input.aufbewahrung),
        });
        return view.link(participationPaths.settings(slug), {
          gespeichert: "ja",
        });
      },
      render: renderSettings.again,
      fieldOf: (path) => SETTINGS_FIELDS[path] ?? null,
      idOf: (field) => field,
      labelOf: fieldLabels(({ participation: t }) => ({
        modus: t.settingsMode,
        ueberfaellig: t.settingsOverdue,
        aufbewahrung: t.settingsRetention,
      })),
    }),
  );

  installHtmlErrorHandler(app);
}
