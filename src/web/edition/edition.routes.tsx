/**
 * Editions and the draft: thin routes — check the URL, call the use case, render.
 *
 * Public (everyone): the list of editions, each edition's pages (overview, projects,
 * timeline with comparison, change report), its print view and its documents (DOCX, PDF,
 * PPTX) at stable URLs. Signed in (staff and committee; the use case refuses people of
 * another municipality): the draft's pages and its change page. Staff: reasons for shifts.
 * Administrators: foreword, publishing, and the list of reason categories. Forms follow
 * post/redirect/get and work without JavaScript.
 */
import { editionTitleIn } from "../../i18n/edition-title.js";
import { cachedOparlObject } from "../../app/open-data/oparl-sync.js";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type, type Static, type TObject } from "@sinclair/typebox";
import { getCatalogue } from "../../app/catalogue/read-catalogue.js";
import { compareEditions } from "../../app/edition/change-report.js";
import { listItemsTakenUpIn } from "../../app/participation/participation.js";
import { publishEdition } from "../../app/edition/publish-edition.js";
import {
  getEdition,
  listEditions,
  projectIn,
  type EditionView,
} from "../../app/edition/read-editions.js";
import {
  createReasonCategory,
  getReasonCategoriesForEditing,
  removeReasonCategory,
  updateReasonCategoryOf,
} from "../../app/edition/reason-categories.js";
import {
  compareDraftWith,
  getDraftCatalogue,
  getDraftRevision,
  setDraftForeword,
  setDraftReason,
  type DraftRevision,
} from "../../app/edition/revise-draft.js";
import type { AppContext } from "../../app/context.js";
import { describeChangeGerman } from "../../i18n/change-description.js";
import { isoDateOfGermanDay } from "../../domain/period/point-in-time.js";
import { AppError, isAppError } from "../../errors.js";
import type { PdfRenderer } from "../../exports/pdf/render-pdf.js";
import type { ChangeReport } from "../../domain/edition/change-report.js";
import type { ViewContext } from "../components/view.js";
import { settingsPage } from "../http/staff-page.js";
import { pageRoute, type RequestWithParams } from "../http/page-route.js";
import { runUseCase } from "../http/use-case.js";
import {
  fieldLabels,
  formAction,
  type FormContext,
  type FormFailure,
} from "../http/form-action.js";
import { sendNoStore } from "../http/cache.js";
import {
  germanDayOf,
  germanIsoDateOf,
} from "../../domain/calendar/calendar.js";
import { PublicResponseCache, type RenderedPage } from "../http/page-cache.js";
import { requirePublishedVersion } from "../http/municipality-version.js";
import { accountBarOf, viewOf } from "../identity/identity-view.js";
import { csrfToken } from "../plugins/session.js";
import { installHtmlErrorHandler } from "../http/error-pages.js";
import {
  draftScope,
  editionScope,
  type PortalScope,
} from "../portal/portal-scope.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { ProgrammePage } from "../portal/programme-page.js";
import { ProjectPage } from "../portal/project-page.js";
import {
  DraftChangesPage,
  type DraftFormFailure,
  type DraftChangesPageProps,
} from "./draft-changes-page.js";
import {
  renderPrintView,
  type EditionDocumentKind,
} from "./edition-documents.js";
import { DOCUMENT_KINDS } from "../documents/document-maker.js";
import type {
  StoredDocuments,
  SubjectDocuments,
} from "../documents/stored-documents.js";
import {
  ChangesPage,
  EditionDetails,
  EditionsListPage,
  PublishedBanner,
} from "./edition-pages.js";
import {
  DraftForewordBody,
  DraftReasonBody,
  NewReasonCategoryBody,
  PublishBody,
  ReasonCategoryBody,
  RemoveReasonCategoryBody,
} from "./edition-forms.js";
import { EDITION_ROUTES, editionPaths, reasonFormId } from "./edition-paths.js";
import { ReasonCategoriesPage } from "./reason-categories-page.js";
import { renderTimeline } from "./timeline-view.js";
import {
  municipalitySlugParam,
  MunicipalityParams,
  savedNotice,
  municipalityParamsWith,
} from "../http/params.js";

/** What the routes need from the app. */
export interface EditionRoutesOptions {
  readonly ctx: AppContext;
  readonly now: () => Date;
  readonly pdf: PdfRenderer;
  /** Stored documents of published editions (ADR 0046). */
  readonly documents: StoredDocuments;
}

const Lang = Type.Optional(Type.String({ maxLength: 10 }));
/** The number of a published edition in a URL. */
const EditionNumber = Type.String({ maxLength: 12 });
const EditionParams = municipalityParamsWith({ number: EditionNumber });
const EditionProjectParams = municipalityParamsWith({
  number: EditionNumber,
  projectSlug: Type.String({ maxLength: 100 }),
});
const DraftProjectParams = municipalityParamsWith({
  projectSlug: Type.String({ maxLength: 100 }),
});
const CategoryParams = municipalityParamsWith({
  key: Type.String({ maxLength: 60 }),
});
const PageQuery = Type.Object({ lang: Lang });
const NoticeQuery = Type.Object({
  lang: Lang,
  gespeichert: Type.Optional(Type.String({ maxLength: 40 })),
  veroeffentlicht: Type.Optional(Type.String({ maxLength: 10 })),
});
const TimelineQuery = Type.Object({
  lang: Lang,
  aktionsfeld: Type.Optional(Type.String({ maxLength: 100 })),
  einheit: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(Type.String({ maxLength: 100 })),
  vergleich: Type.Optional(Type.String({ maxLength: 10 })),
});
const ChangesQuery = Type.Object({
  lang: Lang,
  seit: Type.Optional(Type.String({ maxLength: 10 })),
});

/** An edition number from the URL, or a 404. */
function editionNumber(value: string): number {
  if (!/^[1-9]\d{0,5}$/.test(value))
    throw new AppError("ERR_EDITION_NOT_FOUND");
  return Number(value);
}

/** Registers the routes. */
export async function editionRoutes(
  instance: FastifyInstance,
  options: EditionRoutesOptions,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx, now } = options;
  const { documents } = options;

  installHtmlErrorHandler(app);

  const pages = new PublicResponseCache("edition pages", 24 * 1024 * 1024);

  /**
   * Public pages: kept ready to send per published version (a publication moves it on,
   * an edit of the draft does not), 304 without rendering, rendered for the canonical URL.
   */
  async function sendPublic(
    request: RequestWithParams<Readonly<Record<string, string>>>,
    reply: FastifyReply,
    slug: string,
    render: (url: string) => Promise<RenderedPage>,
  ): Promise<FastifyReply> {
    return pages.sendPage(request, reply, {
      name: "edition-page",
      version: await requirePublishedVersion(ctx, slug),
      today: germanIsoDateOf(now()),
      render,
    });
  }

  /** A state of the programme that has portal pages: a published edition or the draft. */
  interface ShownState {
    readonly slug: string;
    readonly catalogue: Catalogue;
    readonly scope: PortalScope;
    readonly view: ViewContext;
    /** The URL the page is drawn for. */
    readonly url: string;
    /** The state's title ("2. Fortschreibung", "Entwurf"). */
    readonly title: string;
    /** The report of edition `since` against this state. */
    readonly compare: (since: number) => Promise<ChangeReport>;
  }

  /** A published edition with the municipality's other editions, as its pages draw it. */
  type ShownEdition = ShownState &
    Omit<EditionView, "municipality"> & { readonly number: number };

  /** A public page of one published edition, kept per published version. */
  async function sendEditionPage(
    request: FastifyRequest & {
      readonly params: { readonly slug: string; readonly number: string };
    },
    reply: FastifyReply,
    render: (shown: ShownEdition) => Promise<RenderedPage>,
  ): Promise<FastifyReply> {
    const { slug } = request.params;
    const number = editionNumber(request.params.number);
    return sendPublic(request, reply, slug, async (url) => {
      const { edition, editions } = await getEdition(ctx, slug, number);
      return render({
        slug,
        number,
        edition,
        editions,
        catalogue: edition.catalogue,
        scope: editionScope(slug, edition, editions),
        view: viewOf(request),
        url,
        title: edition.title,
        compare: async (since) => compareEditions(ctx, slug, number, since),
      });
    });
  }

  /** A page of the draft for signed-in people of its municipality: rendered each time, never kept. */
  async function sendDraftPage(
    request: FastifyRequest & { readonly params: { readonly slug: string } },
    reply: FastifyReply,
    render: (shown: ShownState) => Promise<RenderedPage>,
  ): Promise<FastifyReply> {
    const slug = municipalitySlugParam(request.params.slug);
    const { catalogue, editions } = await runUseCase(
      ctx,
      request,
      getDraftCatalogue,
      slug,
    );
    const view = viewOf(request);
    const page = await render({
      slug,
      catalogue,
      scope: draftScope(slug, editions),
      view,
      url: request.url,
      title: view.t.edition.draftLabel,
      compare: async (since) =>
        compareDraftWith(ctx, request.principal, slug, since, {
          ip: request.ip,
        }),
    });
    return typeof page === "string"
      ? sendNoStore(reply, 200, page)
      : sendNoStore(reply, page.status, page.html);
  }

  /** The page of one project of a shown state. */
  const projectPage = async (
    shown: ShownState,
    projectSlug: string,
  ): Promise<string> => {
    const { entry, dependents } = projectIn(shown.catalogue, projectSlug);
    return (
      <ProjectPage
        view={shown.view}
        requestUrl={shown.url}
        catalogue={shown.catalogue}
        entry={entry}
        dependents={dependents}
        today={germanDayOf(now())}
        scope={shown.scope}
      />
    );
  };

  /** The timeline of a shown state, with its comparison against an earlier edition. */
  const timelinePage = async (
    shown: ShownState,
    query: Static<typeof TimelineQuery>,
  ): Promise<RenderedPage> =>
    renderTimeline({
      view: shown.view,
      requestUrl: shown.url,
      catalogue: shown.catalogue,
      scope: shown.scope,
      query,
      today: germanDayOf(now()),
      shownTitle: shown.title,
      compare: shown.compare,
    });

  // ── Editions (public) ─────────────────────────────────────────────────────
  app.get(
    EDITION_ROUTES.list,
    pageRoute("public", MunicipalityParams, PageQuery),
    async (request, reply) =>
      sendPublic(request, reply, request.params.slug, async (url) => {
        const { editions } = await listEditions(ctx, request.params.slug);
        const catalogue = await getCatalogue(ctx, request.params.slug);
        return (
          <EditionsListPage
            view={viewOf(request)}
            requestUrl={url}
            catalogue={catalogue}
            editions={editions}
          />
        );
      }),
  );

  app.get(
    EDITION_ROUTES.edition,
    pageRoute("public", EditionParams, NoticeQuery),
    async (request, reply) =>
      sendEditionPage(request, reply, async (shown) => {
        const { slug, number, edition, editions, url, scope, view } = shown;
        const previous =
          editions.filter((candidate) => candidate.number < number).at(-1) ??
          null;
        const oparlPaper = await cachedOparlObject(
          ctx,
          edition.catalogue.municipality.id,
          edition.oparlPaperUrl ?? null,
        );
        const published =
          request.query.veroeffentlicht === "ja"
            ? view.t.edition.publishedNotice(
                editionTitleIn(view.lang, edition.title),
              )
            : undefined;
        return (
          <ProgrammePage
            view={view}
            requestUrl={url}
            catalogue={edition.catalogue}
            scope={scope}
          >
            <>
              <PublishedBanner
                view={view}
                notice={published}
                documentsHref={view.link(editionPaths.documents(slug, number))}
              />
              <EditionDetails
                view={view}
                slug={slug}
                edition={edition}
                previous={previous}
                oparlPaper={oparlPaper}
              />
            </>
          </ProgrammePage>
        );
      }),
  );

  app.get(
    EDITION_ROUTES.project,
    pageRoute("public", EditionProjectParams, PageQuery),
    async (request, reply) =>
      sendEditionPage(request, reply, async (shown) =>
        projectPage(shown, request.params.projectSlug),
      ),
  );

  app.get(
    EDITION_ROUTES.timeline,
    pageRoute("public", EditionParams, TimelineQuery),
    async (request, reply) =>
      sendEditionPage(request, reply, async (shown) =>
        timelinePage(shown, request.query),
      ),
  );

  app.get(
    EDITION_ROUTES.changes,
    pageRoute("public", EditionParams, ChangesQuery),
    async (request, reply) => {
      const number = editionNumber(request.params.number);
      const since =
        request.query.seit === undefined || request.query.seit === ""
          ? undefined
          : editionNumber(request.query.seit);
      return sendPublic(request, reply, request.params.slug, async (url) => {
        const { slug } = request.params;
        const report = await compareEditions(ctx, slug, number, since);
        const { edition, editions } = await getEdition(ctx, slug, number);
        const ideas = await listItemsTakenUpIn(ctx, slug, number);
        return (
          <ChangesPage
            view={viewOf(request)}
            requestUrl={url}
            report={report}
            scope={editionScope(slug, edition, editions)}
            choices={editions.filter((candidate) => candidate.number < number)}
            ideas={ideas}
          />
        );
      });
    },
  );

  app.get(
    EDITION_ROUTES.print,
    pageRoute("public", EditionParams, PageQuery),
    async (request, reply) => {
      const number = editionNumber(request.params.number);
      return sendPublic(request, reply, request.params.slug, async () =>
        renderPrintView(ctx, request.params.slug, number),
      );
    },
  );

  /** A published edition's documents, kept under its number. */
  const editionDocuments = (
    request: RequestWithParams<Static<typeof EditionParams>>,
  ): SubjectDocuments => {
    const number = editionNumber(request.params.number);
    const slug = municipalitySlugParam(request.params.slug);
    return {
      slug,
      subject: { type: "edition", key: String(number) },
      view: viewOf(request),
      pagePath: editionPaths.edition(slug, number),
    };
  };

  const documentRoute = (url: string, kind: EditionDocumentKind): void => {
    app.get(url, pageRoute("public", EditionParams), async (request, reply) =>
      documents.sendDocumentOf(request, reply, editionDocuments(request), kind),
    );
  };
  documentRoute(EDITION_ROUTES.docx, "docx");
  documentRoute(EDITION_ROUTES.pdf, "pdf");
  documentRoute(EDITION_ROUTES.pptx, "pptx");

  // The state of a published edition's documents: reloads itself while one is built.
  app.get(
    EDITION_ROUTES.documents,
    pageRoute("public", EditionParams, PageQuery),
    async (request, reply) => {
      const of = editionDocuments(request);
      const number = editionNumber(request.params.number);
      const { edition } = await getEdition(ctx, of.slug, number);
      return documents.sendStatusOf(
        request,
        reply,
        of,
        editionTitleIn(of.view.lang, edition.title),
        {
          pdf: editionPaths.pdf(of.slug, number),
          docx: editionPaths.docx(of.slug, number),
          pptx: editionPaths.pptx(of.slug, number),
        },
      );
    },
  );

  // ── The draft (staff and committee) ───────────────────────────────────────
  app.get(
    EDITION_ROUTES.draft,
    pageRoute("signed-in", MunicipalityParams, PageQuery),
    async (request, reply) =>
      sendDraftPage(request, reply, async ({ catalogue, scope, view, url }) => (
        <ProgrammePage
          view={view}
          requestUrl={url}
          catalogue={catalogue}
          scope={scope}
        />
      )),
  );

  app.get(
    EDITION_ROUTES.draftProject,
    pageRoute("signed-in", DraftProjectParams, PageQuery),
    async (request, reply) =>
      sendDraftPage(request, reply, async (shown) =>
        projectPage(shown, request.params.projectSlug),
      ),
  );

  app.get(
    EDITION_ROUTES.draftTimeline,
    pageRoute("signed-in", MunicipalityParams, TimelineQuery),
    async (request, reply) =>
      sendDraftPage(request, reply, async (shown) =>
        timelinePage(shown, request.query),
      ),
  );

  /** Renders the draft's change page with a notice, a failed form or the confirmation step. */
  async function renderDraftChanges(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    status: number,
    extra: Pick<DraftChangesPageProps, "notice" | "failed" | "confirm"> = {},
    revision?: DraftRevision,
  ): Promise<FastifyReply> {
    const current =
      revision ??
      (await getDraftRevision(ctx, request.principal, slug, {
        ip: request.ip,
      }));
    const view = viewOf(request);
    const html = await (
      <DraftChangesPage
        view={view}
        requestUrl={request.url}
        revision={current}
        csrfToken={csrfToken(request)}
        account={accountBarOf(request, view)}
        {...extra}
      />
    );
    return sendNoStore(reply, status, html);
  }

  app.get(
    EDITION_ROUTES.draftChanges,
    pageRoute("signed-in", MunicipalityParams, NoticeQuery),
    async (request, reply) =>
      renderDraftChanges(
        request,
        reply,
        municipalitySlugParam(request.params.slug),
        200,
        { notice: savedNotice(request, viewOf(request).t.edition.notices) },
      ),
  );

  /** The change page again, with a failed form of it; `title` heads the summary. */
  const renderDraftFailure = (
    { request, reply, params }: FormContext<{ slug: string }>,
    failure: FormFailure,
    title?: string,
  ): Promise<FastifyReply> =>
    renderDraftChanges(
      request,
      reply,
      municipalitySlugParam(params.slug),
      failure.status,
      { failed: { ...failure.failed, title } },
    );

  app.post(
    EDITION_ROUTES.draftReason,
    formAction({
      policy: "staff",
      params: MunicipalityParams,
      body: DraftReasonBody,
      form: (_params, fields) => `grund:${fields.schluessel ?? ""}`,
      run: async (input, { request, params, view }) => {
        const slug = municipalitySlugParam(params.slug);
        await runUseCase(ctx, request, setDraftReason, {
          municipality: slug,
          changeKey: input.schluessel,
          expectedVersion: input.version,
          data: { category: input.kategorie, text: input.text },
        });
        return `${view.link(editionPaths.draftChanges(slug), { gespeichert: "grund" })}#${reasonFormId(input.schluessel)}`;
      },
      render: (context, failure) => renderDraftFailure(context, failure),
      fieldOf: (path) =>
        path === "/data/category"
          ? "kategorie"
          : path === "/data/text"
            ? "text"
            : null,
      idOf: (field, { fields }) =>
        `${reasonFormId(fields.schluessel ?? "")}-${field}`,
      labelOf: (field, { view }) =>
        field === "kategorie"
          ? view.t.edition.reasonCategory
          : view.t.edition.reasonText,
    }),
  );

  app.post(
    EDITION_ROUTES.draftForeword,
    formAction({
      policy: "admin",
      params: MunicipalityParams,
      body: DraftForewordBody,
      form: "vorwort",
      run: async (input, { request, params, view }) => {
        const slug = municipalitySlugParam(params.slug);
        await runUseCase(ctx, request, setDraftForeword, {
          municipality: slug,
          expectedVersion: input.version,
          data: { foreword: input.vorwort },
        });
        return `${view.link(editionPaths.draftChanges(slug), { gespeichert: "vorwort" })}#vorwort`;
      },
      render: (context, failure) => renderDraftFailure(context, failure),
      fieldOf: (path) => (path === "/data/foreword" ? "vorwort" : null),
      idOf: () => "vorwort-text",
      labelOf: (_field, { view }) => view.t.edition.foreword,
    }),
  );

  const PUBLISH_FIELDS: Readonly<Record<string, string>> = {
    "/data/publishedOn": "datum",
    "/data/councilUrl": "beschluss-adresse",
    "/data/title": "titel",
    "/data/councilReference": "beschluss",
    "/data/oparlPaperUrl": "oparl-vorlage",
  };

  app.post(
    EDITION_ROUTES.publish,
    formAction({
      policy: "admin",
      params: MunicipalityParams,
      body: PublishBody,
      form: "veroeffentlichen",
      run: async (input, { request, params, view }) => {
        const slug = municipalitySlugParam(params.slug);
        const dateText = input.datum.trim();
        const publishedOn =
          dateText === "" ? undefined : isoDateOfGermanDay(dateText);
        if (publishedOn === null)
          throw new AppError("ERR_VALIDATION", {
            problems: [
              {
                path: "/data/publishedOn",
                message: view.t.edition.publishDateInvalid,
              },
            ],
          });
        const { number } = await runUseCase(ctx, request, publishEdition, {
          municipality: slug,
          expectedDataVersion: input.stand,
          confirmConflicts: input.bestaetigt === "ja",
          data: {
            title: input.titel,
            ...(publishedOn === undefined ? {} : { publishedOn }),
            councilReference: input.beschluss,
            councilUrl: input["beschluss-adresse"],
            oparlPaperUrl: input["oparl-vorlage"],
          },
        });
        // The documents are built now, outside this request (ADR 0046).
        await documents.requestBuilds(
          slug,
          { type: "edition", key: String(number) },
          DOCUMENT_KINDS.edition,
        );
        return view.link(editionPaths.edition(slug, number), {
          veroeffentlicht: "ja",
        });
      },
      // Missing reasons list every change concerned; new conflicts ask for a confirmation.
      answer: async (error, { request, reply, params, view, fields }) => {
        const slug = municipalitySlugParam(params.slug);
        const t = view.t.edition;
        if (isAppError(error, "ERR_EDITION_REASONS_MISSING")) {
          const revision = await runUseCase(
            ctx,
            request,
            getDraftRevision,
            slug,
          );
          const summary = revision.missing.map(({ change, problem }) => {
            const text = describeChangeGerman(change, { withProject: true });
            const field =
              problem === "REASON_TEXT_REQUIRED" ? "text" : "kategorie";
            return {
              text:
                problem === "REASON_TEXT_REQUIRED"
                  ? t.publishTextRequiredLink(text)
                  : problem === "REASON_UNKNOWN_CATEGORY"
                    ? t.publishUnknownCategoryLink(text)
                    : t.publishMissingLink(text),
              href: `#${reasonFormId(change.key)}-${field}`,
            };
          });
          const blocked: DraftFormFailure = {
            form: "veroeffentlichen",
            values: fields,
            errors: {},
            summary,
            title: t.publishBlockedTitle,
            messages: [error.localisedMessage(view.lang)],
          };
          return renderDraftChanges(
            request,
            reply,
            slug,
            error.status,
            { failed: blocked },
            revision,
          );
        }
        if (isAppError(error, "ERR_EDITION_NEEDS_CONFIRMATION")) {
          const revision = await runUseCase(
            ctx,
            request,
            getDraftRevision,
            slug,
          );
          return renderDraftChanges(
            request,
            reply,
            slug,
            error.status,
            {
              confirm: {
                values: fields,
                conflicts: revision.introducedConflicts,
              },
            },
            revision,
          );
        }
        return null;
      },
      render: (context, failure) =>
        renderDraftFailure(
          context,
          failure,
          failure.status === 409
            ? context.view.t.edition.staleTitle
            : undefined,
        ),
      fieldOf: (path) => PUBLISH_FIELDS[path] ?? null,
      idOf: (field) => `veroeffentlichen-${field}`,
      labelOf: fieldLabels(({ edition: t }) => ({
        datum: t.fieldDate,
        "beschluss-adresse": t.fieldCouncilUrl,
        "oparl-vorlage": t.fieldOparlPaper,
        titel: t.fieldTitle,
        beschluss: t.fieldCouncilReference,
      })),
    }),
  );

  // ── Reason categories (administrators) ────────────────────────────────────
  const renderCategories = settingsPage({
    ctx,
    section: "reasonCategories",
    load: async (request, slug) => {
      const { categories } = await runUseCase(
        ctx,
        request,
        getReasonCategoriesForEditing,
        municipalitySlugParam(slug),
      );
      return categories;
    },
    page: (frame, categories, slug) => (
      <ReasonCategoriesPage {...frame} slug={slug} categories={categories} />
    ),
    noticeOf: (view, request) => savedNotice(request, view.t.edition.notices),
  });

  app.get(
    EDITION_ROUTES.categories,
    pageRoute("admin", MunicipalityParams, NoticeQuery),
    renderCategories.show,
  );

  /** A change of a reason category: problems go back to the form, success to the list with a notice. */
  function categoryForm<
    P extends typeof MunicipalityParams | typeof CategoryParams,
    B extends TObject,
  >(spec: {
    readonly params: P;
    readonly body: B;
    readonly form: (params: Static<P>) => string;
    readonly notice: string;
    readonly change: (
      input: Static<B>,
      slug: string,
      params: Static<P>,
      request: FastifyRequest,
    ) => Promise<unknown>;
  }) {
    return formAction({
      policy: "admin",
      params: spec.params,
      body: spec.body,
      form: spec.form,
      run: async (input, { request, params, view }) => {
        const slug = municipalitySlugParam(params.slug);
        await spec.change(input, slug, params, request);
        return view.link(editionPaths.categories(slug), {
          gespeichert: spec.notice,
        });
      },
      render: renderCategories.again,
      fieldOf: (path) =>
        path === "/data/label"
          ? "bezeichnung"
          : path === "/data/key"
            ? "schluessel"
            : null,
      labelOf: (field, { view }) =>
        field === "schluessel"
          ? view.t.edition.fieldKey
          : view.t.edition.fieldLabel,
    });
  }

  app.post(
    EDITION_ROUTES.categories,
    categoryForm({
      params: MunicipalityParams,
      body: NewReasonCategoryBody,
      form: () => "kategorie-neu",
      notice: "kategorie-neu",
      change: (input, slug, _params, request) =>
        runUseCase(ctx, request, createReasonCategory, {
          municipality: slug,
          data: {
            key: input.schluessel.trim(),
            label: input.bezeichnung,
            requiresText: input.erlaeuterung === "ja",
          },
        }),
    }),
  );

  app.post(
    EDITION_ROUTES.category,
    categoryForm({
      params: CategoryParams,
      body: ReasonCategoryBody,
      form: ({ key }) => `kategorie-${key}`,
      notice: "kategorie",
      change: (input, slug, { key }, request) =>
        runUseCase(ctx, request, updateReasonCategoryOf, {
          municipality: slug,
          key,
          expectedVersion: input.version,
          data: {
            label: input.bezeichnung,
            requiresText: input.erlaeuterung === "ja",
          },
        }),
    }),
  );

  app.post(
    EDITION_ROUTES.categoryDelete,
    categoryForm({
      params: CategoryParams,
      body: RemoveReasonCategoryBody,
      form: ({ key }) => `kategorie-${key}`,
      notice: "kategorie-entfernt",
      change: (input, slug, { key }, request) =>
        runUseCase(ctx, request, removeReasonCategory, {
          municipality: slug,
          key,
          expectedVersion: input.version,
        }),
    }),
  );
}
