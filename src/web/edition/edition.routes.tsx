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
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { getDataVersion, getCatalogue } from "../../app/catalogue/read-catalogue.js";
import { compareEditions } from "../../app/edition/change-report.js";
import { publishEdition } from "../../app/edition/publish-edition.js";
import { getEdition, listEditions, projectIn } from "../../app/edition/read-editions.js";
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
import { describeChangeGerman } from "../../domain/edition/change-description.js";
import { parseGermanPointInTime } from "../../domain/period/point-in-time.js";
import { AppError, isAppError, type InputProblem } from "../../errors.js";
import type { PdfRenderer } from "../../exports/pdf/render-pdf.js";
import type { ViewContext } from "../components/view.js";
import { editorChrome, formFields, placeProblems, type FailedForm, type FormFields } from "../editor/editor-view.js";
import { entityTag, matchesIfNoneMatch, NO_STORE, PUBLIC_CACHE_CONTROL } from "../http/cache.js";
import { germanDate, germanDayNumber } from "../http/clock.js";
import { APP_VERSION } from "../http/static-assets.js";
import { accountBarOf, viewOf } from "../identity/identity-view.js";
import { csrfToken } from "../plugins/session.js";
import { sendHtmlError } from "../http/error-pages.js";
import { draftScope, editionScope } from "../portal/portal-scope.js";
import { ProgrammePage } from "../portal/programme-page.js";
import { ProjectPage } from "../portal/project-page.js";
import { DraftChangesPage, type DraftFormFailure, type DraftChangesPageProps } from "./draft-changes-page.js";
import { EditionDocuments, renderPrintView, type EditionDocumentKind } from "./edition-documents.js";
import { ChangesPage, EditionDetails, EditionsListPage } from "./edition-pages.js";
import { EDITION_ROUTES, editionPaths, reasonFormId } from "./edition-paths.js";
import { ReasonCategoriesPage } from "./reason-categories-page.js";
import { renderTimeline } from "./timeline-view.js";

/** What the routes need from the app. */
export interface EditionRoutesOptions {
  readonly ctx: AppContext;
  readonly now: () => Date;
  readonly pdf: PdfRenderer;
}

const HTML = "text/html; charset=utf-8";
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const Lang = Type.Optional(Type.String({ maxLength: 10 }));
const MunicipalityParams = Type.Object({ slug: Type.String({ maxLength: 100 }) });
const EditionParams = Type.Object({ slug: Type.String({ maxLength: 100 }), number: Type.String({ maxLength: 12 }) });
const EditionProjectParams = Type.Object({ slug: Type.String({ maxLength: 100 }), number: Type.String({ maxLength: 12 }), projectSlug: Type.String({ maxLength: 100 }) });
const DraftProjectParams = Type.Object({ slug: Type.String({ maxLength: 100 }), projectSlug: Type.String({ maxLength: 100 }) });
const CategoryParams = Type.Object({ slug: Type.String({ maxLength: 100 }), key: Type.String({ maxLength: 60 }) });
const PageQuery = Type.Object({ lang: Lang });
const NoticeQuery = Type.Object({ lang: Lang, gespeichert: Type.Optional(Type.String({ maxLength: 40 })), veroeffentlicht: Type.Optional(Type.String({ maxLength: 10 })) });
const TimelineQuery = Type.Object({
  lang: Lang,
  aktionsfeld: Type.Optional(Type.String({ maxLength: 100 })),
  einheit: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(Type.String({ maxLength: 100 })),
  vergleich: Type.Optional(Type.String({ maxLength: 10 })),
});
const ChangesQuery = Type.Object({ lang: Lang, seit: Type.Optional(Type.String({ maxLength: 10 })) });

/** An edition number from the URL, or a 404. */
function editionNumber(value: string): number {
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new AppError("ERR_EDITION_NOT_FOUND");
  return Number(value);
}

/** A municipality slug from the URL, or a 404 before anything is asked. */
function municipalitySlug(value: string): string {
  if (!SLUG.test(value)) throw new AppError("ERR_MUNICIPALITY_NOT_FOUND");
  return value;
}

/** "15.03.2023" or "2023-03-15" as an ISO date; null when it is no day. */
export function parseGermanDate(text: string): string | null {
  const point = parseGermanPointInTime(text.trim());
  if (point === null || point.precision !== "day") return null;
  return `${point.year}-${String(point.month).padStart(2, "0")}-${String(point.day).padStart(2, "0")}`;
}

/** The notice shown after a save, from a fixed list (never echoed text). */
function noticeOf(view: ViewContext, key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  const notices: Readonly<Record<string, string>> = view.t.edition.notices;
  return Object.hasOwn(notices, key) ? notices[key] : undefined;
}

function sendNoStore(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).header("cache-control", NO_STORE).type(HTML).send(html);
}

/** Registers the routes. */
export async function editionRoutes(instance: FastifyInstance, options: EditionRoutesOptions): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx, now } = options;
  const documents = new EditionDocuments(ctx, options.pdf);

  app.setErrorHandler(async (error, request, reply) => sendHtmlError(error, request, reply));

  /** Public pages: 304 from the data version alone, otherwise render with ETag and Cache-Control. */
  async function sendPublic(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    render: () => Promise<{ readonly status: number; readonly html: string }>,
  ): Promise<FastifyReply> {
    const version = await getDataVersion(ctx, municipalitySlug(slug));
    if (version === null) throw new AppError("ERR_MUNICIPALITY_NOT_FOUND");
    const tag = entityTag(version, ["edition-page", APP_VERSION, request.url, germanDate(now())]);
    if (matchesIfNoneMatch(request.headers["if-none-match"], tag)) {
      return reply.code(304).header("etag", tag).header("cache-control", PUBLIC_CACHE_CONTROL).send();
    }
    const page = await render();
    if (page.status === 200) reply.header("etag", tag).header("cache-control", PUBLIC_CACHE_CONTROL);
    else reply.header("cache-control", NO_STORE);
    return reply.code(page.status).type(HTML).send(page.html);
  }

  // ── Editions (public) ─────────────────────────────────────────────────────
  app.get(EDITION_ROUTES.list, { config: { policy: "public" }, schema: { hide: true, params: MunicipalityParams, querystring: PageQuery } }, async (request, reply) =>
    sendPublic(request, reply, request.params.slug, async () => {
      const { editions } = await listEditions(ctx, request.params.slug);
      const catalogue = await getCatalogue(ctx, request.params.slug);
      const view = viewOf(request);
      return { status: 200, html: await (<EditionsListPage view={view} requestUrl={request.url} catalogue={catalogue} editions={editions} />) };
    }),
  );

  app.get(EDITION_ROUTES.edition, { config: { policy: "public" }, schema: { hide: true, params: EditionParams, querystring: NoticeQuery } }, async (request, reply) => {
    const number = editionNumber(request.params.number);
    return sendPublic(request, reply, request.params.slug, async () => {
      const { slug } = request.params;
      const { edition, editions } = await getEdition(ctx, slug, number);
      const view = viewOf(request);
      const previous = editions.filter((candidate) => candidate.number < number).at(-1) ?? null;
      const published = request.query.veroeffentlicht === "ja" ? view.t.edition.publishedNotice(edition.title) : undefined;
      const html = await (
        <ProgrammePage
          view={view}
          requestUrl={request.url}
          catalogue={edition.catalogue}
          scope={editionScope(slug, edition, editions)}
        >
          <>
              {published === undefined ? (
                ""
              ) : (
                <div class="app-notification-banner app-notification-banner--success" role="status" aria-labelledby="hinweis-titel">
                  <h2 class="app-notification-banner__title" id="hinweis-titel" safe>
                    {published}
                  </h2>
                </div>
              )}
              <EditionDetails view={view} slug={slug} edition={edition} previous={previous} />
          </>
        </ProgrammePage>
      );
      return { status: 200, html };
    });
  });

  app.get(EDITION_ROUTES.project, { config: { policy: "public" }, schema: { hide: true, params: EditionProjectParams, querystring: PageQuery } }, async (request, reply) => {
    const number = editionNumber(request.params.number);
    return sendPublic(request, reply, request.params.slug, async () => {
      const { slug, projectSlug } = request.params;
      const { edition, editions } = await getEdition(ctx, slug, number);
      const { entry, dependents } = projectIn(edition.catalogue, projectSlug);
      const view = viewOf(request);
      const html = await (
        <ProjectPage
          view={view}
          requestUrl={request.url}
          catalogue={edition.catalogue}
          entry={entry}
          dependents={dependents}
          today={germanDayNumber(now())}
          scope={editionScope(slug, edition, editions)}
        />
      );
      return { status: 200, html };
    });
  });

  app.get(EDITION_ROUTES.timeline, { config: { policy: "public" }, schema: { hide: true, params: EditionParams, querystring: TimelineQuery } }, async (request, reply) => {
    const number = editionNumber(request.params.number);
    return sendPublic(request, reply, request.params.slug, async () => {
      const { slug } = request.params;
      const { edition, editions } = await getEdition(ctx, slug, number);
      return renderTimeline({
        view: viewOf(request),
        requestUrl: request.url,
        catalogue: edition.catalogue,
        scope: editionScope(slug, edition, editions),
        query: request.query,
        today: germanDayNumber(now()),
        shownTitle: edition.title,
        compare: async (since) => compareEditions(ctx, slug, number, since),
      });
    });
  });

  app.get(EDITION_ROUTES.changes, { config: { policy: "public" }, schema: { hide: true, params: EditionParams, querystring: ChangesQuery } }, async (request, reply) => {
    const number = editionNumber(request.params.number);
    const since = request.query.seit === undefined || request.query.seit === "" ? undefined : editionNumber(request.query.seit);
    return sendPublic(request, reply, request.params.slug, async () => {
      const { slug } = request.params;
      const report = await compareEditions(ctx, slug, number, since);
      const { edition, editions } = await getEdition(ctx, slug, number);
      const view = viewOf(request);
      const html = await (
        <ChangesPage
          view={view}
          requestUrl={request.url}
          report={report}
          scope={editionScope(slug, edition, editions)}
          choices={editions.filter((candidate) => candidate.number < number)}
        />
      );
      return { status: 200, html };
    });
  });

  app.get(EDITION_ROUTES.print, { config: { policy: "public" }, schema: { hide: true, params: EditionParams, querystring: PageQuery } }, async (request, reply) => {
    const number = editionNumber(request.params.number);
    return sendPublic(request, reply, request.params.slug, async () => ({ status: 200, html: await renderPrintView(ctx, request.params.slug, number) }));
  });

  const documentRoute = (url: string, kind: EditionDocumentKind): void => {
    app.get(url, { config: { policy: "public" }, schema: { hide: true, params: EditionParams } }, async (request, reply) => {
      const number = editionNumber(request.params.number);
      const file = await documents.get(municipalitySlug(request.params.slug), number, kind);
      reply.header("etag", file.etag).header("cache-control", PUBLIC_CACHE_CONTROL);
      if (matchesIfNoneMatch(request.headers["if-none-match"], file.etag)) return reply.code(304).send();
      return reply
        .type(file.contentType)
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .header("x-content-type-options", "nosniff")
        .send(file.body);
    });
  };
  documentRoute(EDITION_ROUTES.docx, "docx");
  documentRoute(EDITION_ROUTES.pdf, "pdf");
  documentRoute(EDITION_ROUTES.pptx, "pptx");

  // ── The draft (staff and committee) ───────────────────────────────────────
  app.get(EDITION_ROUTES.draft, { config: { policy: "signed-in" }, schema: { hide: true, params: MunicipalityParams, querystring: PageQuery } }, async (request, reply) => {
    const slug = municipalitySlug(request.params.slug);
    const { catalogue, editions } = await getDraftCatalogue(ctx, request.principal, slug, { ip: request.ip });
    const view = viewOf(request);
    return sendNoStore(reply, 200, await (<ProgrammePage view={view} requestUrl={request.url} catalogue={catalogue} scope={draftScope(slug, editions)} />));
  });

  app.get(EDITION_ROUTES.draftProject, { config: { policy: "signed-in" }, schema: { hide: true, params: DraftProjectParams, querystring: PageQuery } }, async (request, reply) => {
    const slug = municipalitySlug(request.params.slug);
    const { catalogue, editions } = await getDraftCatalogue(ctx, request.principal, slug, { ip: request.ip });
    const { entry, dependents } = projectIn(catalogue, request.params.projectSlug);
    const view = viewOf(request);
    const html = await (
      <ProjectPage
        view={view}
        requestUrl={request.url}
        catalogue={catalogue}
        entry={entry}
        dependents={dependents}
        today={germanDayNumber(now())}
        scope={draftScope(slug, editions)}
      />
    );
    return sendNoStore(reply, 200, html);
  });

  app.get(EDITION_ROUTES.draftTimeline, { config: { policy: "signed-in" }, schema: { hide: true, params: MunicipalityParams, querystring: TimelineQuery } }, async (request, reply) => {
    const slug = municipalitySlug(request.params.slug);
    const { catalogue, editions } = await getDraftCatalogue(ctx, request.principal, slug, { ip: request.ip });
    const view = viewOf(request);
    const page = await renderTimeline({
      view,
      requestUrl: request.url,
      catalogue,
      scope: draftScope(slug, editions),
      query: request.query,
      today: germanDayNumber(now()),
      shownTitle: view.t.edition.draftLabel,
      compare: async (since) => compareDraftWith(ctx, request.principal, slug, since, { ip: request.ip }),
    });
    return sendNoStore(reply, page.status, page.html);
  });

  /** Renders the draft's change page with a notice, a failed form or the confirmation step. */
  async function renderDraftChanges(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    status: number,
    extra: Pick<DraftChangesPageProps, "notice" | "failed" | "confirm"> = {},
    revision?: DraftRevision,
  ): Promise<FastifyReply> {
    const current = revision ?? (await getDraftRevision(ctx, request.principal, slug, { ip: request.ip }));
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

  app.get(EDITION_ROUTES.draftChanges, { config: { policy: "signed-in" }, schema: { hide: true, params: MunicipalityParams, querystring: NoticeQuery } }, async (request, reply) =>
    renderDraftChanges(request, reply, municipalitySlug(request.params.slug), 200, { notice: noticeOf(viewOf(request), request.query.gespeichert) }),
  );

  /** A form of the change page that failed, with its problems at the fields (JSON pointer → field). */
  function failure(form: string, fields: FormFields, problems: readonly InputProblem[], fieldOf: (path: string) => string | null, idOf: (field: string) => string, labelOf: (field: string) => string): DraftFormFailure {
    const errors: Record<string, string> = {};
    const summary: { text: string; href: string }[] = [];
    const messages: string[] = [];
    for (const problem of problems) {
      const field = fieldOf(problem.path);
      if (field === null) {
        messages.push(problem.message);
        continue;
      }
      const text = /^[a-zäöü"]/.test(problem.message) ? `${labelOf(field)} ${problem.message}` : problem.message;
      if (errors[field] !== undefined) continue;
      errors[field] = text;
      summary.push({ text, href: `#${idOf(field)}` });
    }
    return { form, values: fields, errors, summary, messages };
  }

  app.post(EDITION_ROUTES.draftReason, { config: { policy: "staff" }, schema: { hide: true, params: MunicipalityParams } }, async (request, reply) => {
    const slug = municipalitySlug(request.params.slug);
    const fields = formFields(request.body);
    const view = viewOf(request);
    const t = view.t.edition;
    const changeKey = fields.schluessel ?? "";
    const form = `grund:${changeKey}`;
    const id = reasonFormId(changeKey);
    const fieldOf = (path: string): string | null => (path === "/data/category" ? "kategorie" : path === "/data/text" ? "text" : null);
    const labelOf = (field: string): string => (field === "kategorie" ? t.reasonCategory : t.reasonText);
    try {
      if ((fields.kategorie ?? "") === "") throw new AppError("ERR_VALIDATION", { problems: [{ path: "/data/category", message: "Bitte wählen Sie eine Kategorie." }] });
      const version = /^\d{1,10}$/.test(fields.version ?? "") ? Number(fields.version) : 0;
      await setDraftReason(
        ctx,
        request.principal,
        { municipality: slug, changeKey, expectedVersion: version, data: { category: fields.kategorie ?? "", text: fields.text ?? "" } },
        { ip: request.ip },
      );
    } catch (error) {
      if (isAppError(error, "ERR_VALIDATION") || isAppError(error, "ERR_CONFLICT")) {
        const problems = error.problems.length > 0 ? error.problems : [{ path: "/", message: error.detail ?? error.localisedMessage(view.lang) }];
        return renderDraftChanges(request, reply, slug, error.status, { failed: failure(form, fields, problems, fieldOf, (field) => `${id}-${field}`, labelOf) });
      }
      throw error;
    }
    return reply.redirect(`${view.link(editionPaths.draftChanges(slug), { gespeichert: "grund" })}#${id}`, 303);
  });

  app.post(EDITION_ROUTES.draftForeword, { config: { policy: "admin" }, schema: { hide: true, params: MunicipalityParams } }, async (request, reply) => {
    const slug = municipalitySlug(request.params.slug);
    const fields = formFields(request.body);
    const view = viewOf(request);
    try {
      const version = /^\d{1,10}$/.test(fields.version ?? "") ? Number(fields.version) : 0;
      await setDraftForeword(ctx, request.principal, { municipality: slug, expectedVersion: version, data: { foreword: fields.vorwort ?? "" } }, { ip: request.ip });
    } catch (error) {
      if (isAppError(error, "ERR_VALIDATION") || isAppError(error, "ERR_CONFLICT")) {
        const problems = error.problems.length > 0 ? error.problems : [{ path: "/", message: error.detail ?? error.localisedMessage(view.lang) }];
        const failed = failure("vorwort", fields, problems, (path) => (path === "/data/foreword" ? "vorwort" : null), () => "vorwort-text", () => view.t.edition.foreword);
        return renderDraftChanges(request, reply, slug, error.status, { failed });
      }
      throw error;
    }
    return reply.redirect(`${view.link(editionPaths.draftChanges(slug), { gespeichert: "vorwort" })}#vorwort`, 303);
  });

  app.post(EDITION_ROUTES.publish, { config: { policy: "admin" }, schema: { hide: true, params: MunicipalityParams } }, async (request, reply) => {
    const slug = municipalitySlug(request.params.slug);
    const fields = formFields(request.body);
    const view = viewOf(request);
    const t = view.t.edition;
    const publishFieldOf = (path: string): string | null =>
      path === "/data/publishedOn" ? "datum" : path === "/data/councilUrl" ? "beschluss-adresse" : path === "/data/title" ? "titel" : path === "/data/councilReference" ? "beschluss" : null;
    const labels: Readonly<Record<string, string>> = { datum: t.fieldDate, "beschluss-adresse": t.fieldCouncilUrl, titel: t.fieldTitle, beschluss: t.fieldCouncilReference };
    const failed = (problems: readonly InputProblem[], title?: string): DraftFormFailure => ({
      ...failure("veroeffentlichen", fields, problems, publishFieldOf, (field) => `veroeffentlichen-${field}`, (field) => labels[field] ?? field),
      title,
    });
    const dateText = (fields.datum ?? "").trim();
    const publishedOn = dateText === "" ? undefined : parseGermanDate(dateText);
    if (publishedOn === null) {
      return renderDraftChanges(request, reply, slug, 400, { failed: failed([{ path: "/data/publishedOn", message: t.publishDateInvalid }]) });
    }
    const expectedDataVersion = /^[1-9]\d{0,14}$/.test(fields.stand ?? "") ? Number(fields.stand) : 1;
    let number: number;
    try {
      ({ number } = await publishEdition(
        ctx,
        request.principal,
        {
          municipality: slug,
          expectedDataVersion,
          confirmConflicts: fields.bestaetigt === "ja",
          data: {
            title: fields.titel ?? "",
            ...(publishedOn === undefined ? {} : { publishedOn }),
            councilReference: fields.beschluss ?? "",
            councilUrl: fields["beschluss-adresse"] ?? "",
          },
        },
        { ip: request.ip },
      ));
    } catch (error) {
      if (isAppError(error, "ERR_EDITION_REASONS_MISSING")) {
        const revision = await getDraftRevision(ctx, request.principal, slug, { ip: request.ip });
        const summary = revision.missing.map(({ change, problem }) => {
          const text = describeChangeGerman(change, { withProject: true });
          const field = problem === "REASON_TEXT_REQUIRED" ? "text" : "kategorie";
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
        const blocked: DraftFormFailure = { form: "veroeffentlichen", values: fields, errors: {}, summary, title: t.publishBlockedTitle, messages: [error.localisedMessage(view.lang)] };
        return renderDraftChanges(request, reply, slug, error.status, { failed: blocked }, revision);
      }
      if (isAppError(error, "ERR_EDITION_NEEDS_CONFIRMATION")) {
        const revision = await getDraftRevision(ctx, request.principal, slug, { ip: request.ip });
        return renderDraftChanges(request, reply, slug, error.status, { confirm: { values: fields, conflicts: revision.introducedConflicts } }, revision);
      }
      if (isAppError(error, "ERR_VALIDATION")) {
        return renderDraftChanges(request, reply, slug, error.status, { failed: failed(error.problems) });
      }
      if (isAppError(error, "ERR_CONFLICT")) {
        return renderDraftChanges(request, reply, slug, error.status, { failed: failed([{ path: "/", message: error.detail ?? error.localisedMessage(view.lang) }], t.staleTitle) });
      }
      throw error;
    }
    return reply.redirect(view.link(editionPaths.edition(slug, number), { veroeffentlicht: "ja" }), 303);
  });

  // ── Reason categories (administrators) ────────────────────────────────────
  async function renderCategories(request: FastifyRequest, reply: FastifyReply, slug: string, status: number, notice?: string, failed?: FailedForm): Promise<FastifyReply> {
    const { categories } = await getReasonCategoriesForEditing(ctx, request.principal, slug, { ip: request.ip });
    const catalogue = await getCatalogue(ctx, slug);
    const view = viewOf(request);
    const html = await (
      <ReasonCategoriesPage
        view={view}
        requestUrl={request.url}
        chrome={editorChrome(request, view, catalogue, { isAdministrator: true, canReadAudit: true }, "reasonCategories")}
        slug={slug}
        categories={categories}
        csrfToken={csrfToken(request)}
        notice={notice}
        failed={failed}
      />
    );
    return sendNoStore(reply, status, html);
  }

  app.get(EDITION_ROUTES.categories, { config: { policy: "admin" }, schema: { hide: true, params: MunicipalityParams, querystring: NoticeQuery } }, async (request, reply) =>
    renderCategories(request, reply, municipalitySlug(request.params.slug), 200, noticeOf(viewOf(request), request.query.gespeichert)),
  );

  /** Runs a category change; problems go back to the form, success to the list with a notice. */
  async function categoryForm(request: FastifyRequest, reply: FastifyReply, slug: string, form: string, notice: string, change: (fields: FormFields) => Promise<unknown>): Promise<FastifyReply> {
    const fields = formFields(request.body);
    const view = viewOf(request);
    const t = view.t.edition;
    try {
      await change(fields);
    } catch (error) {
      if (isAppError(error, "ERR_VALIDATION") || isAppError(error, "ERR_CONFLICT")) {
        const problems = error.problems.length > 0 ? error.problems : [{ path: "/", message: error.detail ?? error.localisedMessage(view.lang) }];
        const failed = placeProblems(
          form,
          fields,
          problems,
          (path) => (path === "/data/label" ? "bezeichnung" : path === "/data/key" ? "schluessel" : null),
          (field) => (field === "schluessel" ? t.fieldKey : t.fieldLabel),
        );
        return renderCategories(request, reply, slug, error.status, undefined, failed);
      }
      throw error;
    }
    return reply.redirect(view.link(editionPaths.categories(slug), { gespeichert: notice }), 303);
  }

  const versionOf = (fields: FormFields): number => (/^\d{1,10}$/.test(fields.version ?? "") ? Number(fields.version) : 0);

  app.post(EDITION_ROUTES.categories, { config: { policy: "admin" }, schema: { hide: true, params: MunicipalityParams } }, async (request, reply) => {
    const slug = municipalitySlug(request.params.slug);
    return categoryForm(request, reply, slug, "kategorie-neu", "kategorie-neu", (fields) =>
      createReasonCategory(
        ctx,
        request.principal,
        { municipality: slug, data: { key: (fields.schluessel ?? "").trim(), label: fields.bezeichnung ?? "", requiresText: fields.erlaeuterung === "ja" } },
        { ip: request.ip },
      ),
    );
  });

  app.post(EDITION_ROUTES.category, { config: { policy: "admin" }, schema: { hide: true, params: CategoryParams } }, async (request, reply) => {
    const slug = municipalitySlug(request.params.slug);
    const { key } = request.params;
    return categoryForm(request, reply, slug, `kategorie-${key}`, "kategorie", (fields) =>
      updateReasonCategoryOf(
        ctx,
        request.principal,
        { municipality: slug, key, expectedVersion: versionOf(fields), data: { label: fields.bezeichnung ?? "", requiresText: fields.erlaeuterung === "ja" } },
        { ip: request.ip },
      ),
    );
  });

  app.post(EDITION_ROUTES.categoryDelete, { config: { policy: "admin" }, schema: { hide: true, params: CategoryParams } }, async (request, reply) => {
    const slug = municipalitySlug(request.params.slug);
    const { key } = request.params;
    return categoryForm(request, reply, slug, `kategorie-${key}`, "kategorie-entfernt", (fields) =>
      removeReasonCategory(ctx, request.principal, { municipality: slug, key, expectedVersion: versionOf(fields) }, { ip: request.ip }),
    );
  });
}
