/**
 * The editor under /{kommune}/verwaltung/: thin routes — each form declares its body
 * schema and runs through formAction (src/web/http/form-action.ts): use case, then 303 with
 * a notice, or the same page again with the problems (400/422), the conflict (409) or the
 * refusal (403). Every route is for staff; the use cases decide about the single project.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type, type Static, type TObject } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { addDependency } from "../../app/catalogue/add-dependency.js";
import { addMeasure } from "../../app/catalogue/add-measure.js";
import { addPhase } from "../../app/catalogue/add-phase.js";
import { deleteProject } from "../../app/catalogue/delete-project.js";
import { isEditConflict } from "../../app/catalogue/edit-conflict.js";
import { moveMeasure } from "../../app/catalogue/move-measure.js";
import {
  getEditorOverview,
  getProjectForEditing,
  type ProjectForEditing,
} from "../../app/catalogue/read-editor.js";
import { listProjects } from "../../domain/catalogue/catalogue.js";
import { withLevels, type ViewContext } from "../components/view.js";
import { DeleteConfirmationPage } from "./delete-confirmation-page.js";
import { removeDependency } from "../../app/catalogue/remove-dependency.js";
import { removeMeasure } from "../../app/catalogue/remove-measure.js";
import { removePhase } from "../../app/catalogue/remove-phase.js";
import { setResponsibilities } from "../../app/catalogue/set-responsibilities.js";
import { updateMeasure } from "../../app/catalogue/update-measure.js";
import { updatePhase } from "../../app/catalogue/update-phase.js";
import { updateProject } from "../../app/catalogue/update-project.js";
import type { AppContext } from "../../app/context.js";
import { getUpdateRequests } from "../../app/reports/read-reports.js";
import { getOnboarding } from "../../app/municipalities/onboarding.js";
import { releaseWorkingState } from "../../app/municipalities/release.js";
import { pageRoute } from "../http/page-route.js";
import { originOf, runUseCase, type UseCase } from "../http/use-case.js";
import { EmptyForm } from "../http/form-schema.js";
import { AppError } from "../../errors.js";
import { installStaffErrorHandler } from "../http/error-pages.js";
import { formAction, type FormFailure } from "../http/form-action.js";
import { reasonOrNull } from "../http/form-schema.js";
import { idParam, MunicipalityParams } from "../http/params.js";
import { auditRoutes } from "./audit-log.routes.js";
import { DashboardPage } from "./dashboard-page.js";
import { EDITOR_ROUTES, editorPaths } from "./editor-paths.js";
import {
  answerRefusals,
  editorChrome,
  noticeOf,
  sendEditorPage,
  viewOf,
} from "./editor-view.js";
import {
  DeleteBody,
  DependencyBody,
  MeasureBody,
  MeasureMoveBody,
  PhaseBody,
  ProjectDeleteBody,
  ProjectFieldsBody,
  ResponsibilitiesBody,
  VersionedBody,
} from "./editor-forms.js";
import { ProjectEditPage } from "./project-edit-page.js";
import {
  conflictRowsFor,
  fieldOfPath,
  labelOfField,
  parseMeasureForm,
  parsePhaseForm,
  parseProjectFields,
  parseResponsibilitiesForm,
  responsibilityFormRows,
  type Parsed,
} from "./project-forms.js";
import { structureRoutes } from "./structure.routes.js";
import { csrfToken } from "../plugins/session.js";

/** What the editor needs from the app. */
export interface EditorRoutesOptions {
  readonly ctx: AppContext;
}

const ProjectParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
  projectSlug: Type.String({ maxLength: 100 }),
});
const PhaseParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
  projectSlug: Type.String({ maxLength: 100 }),
  phaseId: Type.String({ maxLength: 12 }),
});
const MeasureParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
  projectSlug: Type.String({ maxLength: 100 }),
  measureId: Type.String({ maxLength: 12 }),
});
const DependencyParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
  projectSlug: Type.String({ maxLength: 100 }),
  dependsOn: Type.String({ maxLength: 100 }),
});

/** Municipality and project of a project form. */
interface ProjectRef {
  readonly slug: string;
  readonly projectSlug: string;
}

/** What every change of a project names: the project, the version the form was opened on, the reason. */
interface ProjectTarget {
  readonly municipality: string;
  readonly project: string;
  readonly expectedVersion: number;
  readonly reason: string | null;
}

/** A use case bound to its input, waiting for the request that calls it. */
type ProjectCommand = (request: FastifyRequest) => Promise<unknown>;

/** The data of a form the page's parser accepted; otherwise its problems, as ERR_VALIDATION. */
function dataOf<T>(parsed: Parsed<T>): T {
  if (!parsed.ok)
    throw new AppError("ERR_VALIDATION", { problems: parsed.problems });
  return parsed.data;
}

/** Municipality and project of any project route's params (all of them include both). */
function projectRefOf(params: unknown): ProjectRef {
  if (!Value.Check(ProjectParams, params)) throw new AppError("ERR_NOT_FOUND");
  return { slug: params.slug, projectSlug: params.projectSlug };
}

/** Registers the editor's pages and forms, and its error handling. */
export async function editorRoutes(
  instance: FastifyInstance,
  options: EditorRoutesOptions,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;

  // Pages ask a signed-out visitor to sign in and come back; everything else is an HTML error page.
  installStaffErrorHandler(app);

  app.get(
    EDITOR_ROUTES.homeWithoutSlash,
    pageRoute("staff", MunicipalityParams),
    async (request, reply) =>
      reply.redirect(
        viewOf(request).link(editorPaths.home(request.params.slug)),
        301,
      ),
  );

  app.get(
    EDITOR_ROUTES.home,
    pageRoute("staff", MunicipalityParams),
    async (request, reply) =>
      answerRefusals(request, reply, async () => {
        const overview = await runUseCase(
          ctx,
          request,
          getEditorOverview,
          request.params.slug,
        );
        const view = viewOf(request);
        // "Ihre Projekte für den Bericht am …": what the person still owes each draft report.
        const updateRequests = await getUpdateRequests(
          ctx,
          overview.principal,
          overview.catalogue,
        );
        const onboarding = overview.rights.isAdministrator
          ? await getOnboarding(ctx, overview.catalogue)
          : undefined;
        const html = await (
          <DashboardPage
            view={view}
            requestUrl={request.url}
            chrome={editorChrome(
              request,
              view,
              overview.catalogue,
              overview.rights,
              "home",
            )}
            overview={overview}
            notice={
              request.url.includes("freigegeben=1")
                ? view.t.onboarding.released
                : noticeOf(
                    request,
                    withLevels(view, overview.catalogue.programme.levels),
                  )
            }
            updateRequests={updateRequests}
            onboarding={onboarding}
            csrfToken={csrfToken(request)}
          />
        );
        return sendEditorPage(reply, 200, html);
      }),
  );

  // Releasing the working state to the portal (administrators, before the first edition).
  app.post(
    "/:slug/verwaltung/freigabe",
    formAction({
      policy: "admin",
      params: MunicipalityParams,
      body: EmptyForm,
      form: "freigabe",
      run: async (_input, { request, view }) => {
        const slug = (request.params as { slug: string }).slug;
        await runUseCase(ctx, request, releaseWorkingState, slug);
        return view.link(editorPaths.home(slug), { freigegeben: "1" });
      },
      render: async ({ request, reply }, failure) =>
        answerRefusals(request, reply, async () => {
          throw new AppError(
            failure.status === 409
              ? "ERR_MUNICIPALITY_READ_ONLY"
              : failure.status === 403
                ? "ERR_FORBIDDEN"
                : "ERR_VALIDATION",
            { detail: failure.failed.messages[0] },
          );
        }),
    }),
  );

  /** Renders the project page, optionally with a failed form and a conflict. */
  async function renderProject(
    request: FastifyRequest,
    reply: FastifyReply,
    params: ProjectRef,
    failure?: FormFailure,
  ): Promise<FastifyReply> {
    return answerRefusals(request, reply, async () => {
      const data = await getProjectForEditing(
        ctx,
        request.principal,
        params.slug,
        params.projectSlug,
        originOf(request),
      );
      const view = viewOf(request);
      const html = await (
        <ProjectEditPage
          view={view}
          requestUrl={request.url}
          chrome={editorChrome(
            request,
            view,
            data.catalogue,
            data.rights,
            "project",
          )}
          data={data}
          csrfToken={csrfToken(request)}
          notice={
            failure === undefined
              ? noticeOf(
                  request,
                  withLevels(view, data.catalogue.programme.levels),
                )
              : undefined
          }
          failed={failure?.failed}
          conflict={failure?.conflict}
        />
      );
      return sendEditorPage(reply, failure?.status ?? 200, html);
    });
  }

  app.get(
    EDITOR_ROUTES.project,
    pageRoute("staff", ProjectParams),
    async (request, reply) => renderProject(request, reply, request.params),
  );

  /**
   * A form of the project page. Success: back to the page with a notice at the section.
   * Otherwise the page again, with the problems at the fields (400, or 422 for a
   * dependency cycle), with what changed since (409), or with the refusal (403).
   */
  function projectForm<P extends TObject, B extends TObject>(options: {
    readonly policy?: "staff" | "admin";
    readonly params: P;
    readonly body: B;
    readonly form: (params: Static<P>) => string;
    /** The notice key and the anchor of the section to return to. */
    readonly done: (params: Static<P>) => {
      readonly notice: string;
      readonly anchor: string;
    };
    /** The use case to call and its input (see `call`). */
    readonly change: (
      input: Static<B>,
      target: ProjectTarget,
      params: Static<P>,
      view: ViewContext,
    ) => ProjectCommand;
    /** The form rows the use case's list indexes came from (responsibilities). */
    readonly rows?: (input: Static<B>) => readonly number[];
    /**
     * A delete: the question asked on a page of its own before anything changes; null
     * when the thing is not there (the use case then answers, e.g. with 404).
     */
    readonly confirm?: (
      params: Static<P>,
      data: ProjectForEditing,
      view: ViewContext,
    ) => string | null;
  }) {
    let rows: readonly number[] = [];
    return formAction({
      policy: options.policy ?? "staff",
      params: options.params,
      body: options.body,
      form: options.form,
      run: async (input, { request, reply, params, view, fields }) => {
        // Every project form carries version and reason; the schema has checked them.
        if (!Value.Check(VersionedBody, input))
          throw new AppError("ERR_VALIDATION");
        rows = options.rows?.(input) ?? [];
        const ref = projectRefOf(params);
        if (options.confirm !== undefined && fields.bestaetigt !== "ja") {
          const data = await getProjectForEditing(
            ctx,
            request.principal,
            ref.slug,
            ref.projectSlug,
            originOf(request),
          );
          const question = options.confirm(params, data, view);
          if (question !== null) {
            const { anchor } = options.done(params);
            const html = await (
              <DeleteConfirmationPage
                view={view}
                requestUrl={request.url}
                chrome={editorChrome(
                  request,
                  view,
                  data.catalogue,
                  data.rights,
                  "project",
                )}
                question={question}
                projectLabel={`${data.entry.project.code} ${data.entry.project.title}`}
                action={request.url}
                fields={{
                  version: fields.version ?? "",
                  grund: fields.grund ?? "",
                  ...(view.lang === "de" ? {} : { lang: view.lang }),
                }}
                csrfToken={csrfToken(request)}
                cancelHref={`${view.link(editorPaths.project(ref.slug, ref.projectSlug))}#${anchor}`}
              />
            );
            return sendEditorPage(reply, 200, html);
          }
        }
        const command = options.change(
          input,
          {
            municipality: ref.slug,
            project: ref.projectSlug,
            expectedVersion: input.version,
            reason: reasonOrNull(input.grund),
          },
          params,
          view,
        );
        await command(request);
        const { notice, anchor } = options.done(params);
        return `${view.link(editorPaths.project(ref.slug, ref.projectSlug), { gespeichert: notice })}#${anchor}`;
      },
      render: ({ request, reply, params }, failure) =>
        renderProject(request, reply, projectRefOf(params), failure),
      fieldOf: (path, { form }) => fieldOfPath(form, path, rows),
      labelOf: (field, { view, form }) => labelOfField(view, form, field),
      compare: (error, { view, form, fields }) => {
        if (
          !isEditConflict(error) ||
          error.current.kind !== "project" ||
          error.current.project === null
        )
          return null;
        const { rows: conflictRows, isDeleted } = conflictRowsFor(
          view,
          form,
          error.current.project,
          fields,
        );
        return {
          rows: conflictRows,
          isDeleted,
          formHref: `#${isDeleted ? "zeitplan" : form}`,
        };
      },
    });
  }

  /** A project form's use case with its input, called for who sent the form (runUseCase). */
  const call =
    <I,>(useCase: UseCase<I, unknown>, input: I): ProjectCommand =>
    (request) =>
      runUseCase(ctx, request, useCase, input);

  app.post(
    EDITOR_ROUTES.projectFields,
    projectForm({
      params: ProjectParams,
      body: ProjectFieldsBody,
      form: () => "grunddaten",
      done: () => ({ notice: "grunddaten", anchor: "grunddaten" }),
      change: (input, target, _params) =>
        call(updateProject, { ...target, data: parseProjectFields(input) }),
    }),
  );

  app.post(
    EDITOR_ROUTES.phases,
    projectForm({
      params: ProjectParams,
      body: PhaseBody,
      form: () => "phase-neu",
      done: () => ({ notice: "phase-neu", anchor: "zeitplan" }),
      change: (input, target, _params, view) =>
        call(addPhase, {
          ...target,
          data: dataOf(parsePhaseForm(view, input)),
        }),
    }),
  );

  app.post(
    EDITOR_ROUTES.phase,
    projectForm({
      params: PhaseParams,
      body: PhaseBody,
      form: (params) => `phase-${params.phaseId}`,
      done: (params) => ({
        notice: "phase",
        anchor: `phase-${params.phaseId}`,
      }),
      change: (input, target, params, view) =>
        call(updatePhase, {
          ...target,
          phaseId: idParam(params.phaseId),
          data: dataOf(parsePhaseForm(view, input)),
        }),
    }),
  );

  app.post(
    EDITOR_ROUTES.phaseDelete,
    projectForm({
      params: PhaseParams,
      body: DeleteBody,
      form: (params) => `phase-${params.phaseId}`,
      done: () => ({ notice: "phase-geloescht", anchor: "zeitplan" }),
      confirm: (params, data, view) => {
        const phase = data.entry.project.phases.find(
          (each) => String(each.id) === String(params.phaseId),
        );
        return phase === undefined
          ? null
          : view.t.editor.confirmDeletePhase(phase.label);
      },
      change: (_input, target, params) =>
        call(removePhase, { ...target, phaseId: idParam(params.phaseId) }),
    }),
  );

  app.post(
    EDITOR_ROUTES.measures,
    projectForm({
      params: ProjectParams,
      body: MeasureBody,
      form: () => "massnahme-neu",
      done: () => ({ notice: "massnahme-neu", anchor: "massnahmen" }),
      change: (input, target, _params, view) =>
        call(addMeasure, {
          ...target,
          data: dataOf(parseMeasureForm(view, input)),
        }),
    }),
  );

  app.post(
    EDITOR_ROUTES.measure,
    projectForm({
      params: MeasureParams,
      body: MeasureBody,
      form: (params) => `massnahme-${params.measureId}`,
      done: (params) => ({
        notice: "massnahme",
        anchor: `massnahme-${params.measureId}`,
      }),
      change: (input, target, params, view) =>
        call(updateMeasure, {
          ...target,
          measureId: idParam(params.measureId),
          data: dataOf(parseMeasureForm(view, input)),
        }),
    }),
  );

  app.post(
    EDITOR_ROUTES.measureMove,
    projectForm({
      params: MeasureParams,
      body: MeasureMoveBody,
      form: (params) => `massnahme-${params.measureId}`,
      done: (params) => ({
        notice: "massnahme-verschoben",
        anchor: `massnahme-${params.measureId}`,
      }),
      change: (input, target, params) =>
        call(moveMeasure, {
          ...target,
          measureId: idParam(params.measureId),
          data: { direction: input.richtung === "hoch" ? "up" : "down" },
        }),
    }),
  );

  app.post(
    EDITOR_ROUTES.measureDelete,
    projectForm({
      params: MeasureParams,
      body: DeleteBody,
      form: (params) => `massnahme-${params.measureId}`,
      done: () => ({ notice: "massnahme-geloescht", anchor: "massnahmen" }),
      confirm: (params, data, view) => {
        const measure = data.entry.project.measures.find(
          (each) => String(each.id) === String(params.measureId),
        );
        return measure === undefined
          ? null
          : view.t.editor.confirmDeleteMeasure(measure.title);
      },
      change: (_input, target, params) =>
        call(removeMeasure, {
          ...target,
          measureId: idParam(params.measureId),
        }),
    }),
  );

  app.post(
    EDITOR_ROUTES.responsibilities,
    projectForm({
      params: ProjectParams,
      body: ResponsibilitiesBody,
      form: () => "zustaendigkeiten",
      done: () => ({ notice: "zustaendigkeiten", anchor: "zustaendigkeiten" }),
      rows: responsibilityFormRows,
      change: (input, target, _params, view) =>
        call(setResponsibilities, {
          ...target,
          data: {
            responsibilities: dataOf(parseResponsibilitiesForm(view, input)),
          },
        }),
    }),
  );

  app.post(
    EDITOR_ROUTES.dependencies,
    projectForm({
      params: ProjectParams,
      body: DependencyBody,
      form: () => "abhaengigkeit-neu",
      done: () => ({ notice: "abhaengigkeit", anchor: "abhaengigkeiten" }),
      change: (input, target, _params) =>
        call(addDependency, {
          ...target,
          data: { dependsOn: input.projekt.trim() },
        }),
    }),
  );

  app.post(
    EDITOR_ROUTES.dependencyDelete,
    projectForm({
      params: DependencyParams,
      body: DeleteBody,
      form: (params) => `abhaengigkeit-${params.dependsOn}`,
      confirm: (params, data, view) => {
        if (!data.entry.project.dependsOn.includes(params.dependsOn))
          return null;
        const other = listProjects(data.catalogue).find(
          (entry) => entry.project.slug === params.dependsOn,
        )?.project;
        return view.t.editor.confirmDeleteDependency(
          other === undefined
            ? params.dependsOn
            : `${other.code} ${other.title}`,
        );
      },
      done: () => ({
        notice: "abhaengigkeit-entfernt",
        anchor: "abhaengigkeiten",
      }),
      change: (_input, target, params) =>
        call(removeDependency, { ...target, dependsOn: params.dependsOn }),
    }),
  );

  app.post(
    EDITOR_ROUTES.projectDelete,
    formAction({
      policy: "admin",
      params: ProjectParams,
      body: ProjectDeleteBody,
      form: "loeschen",
      run: async (input, { request, params, view }) => {
        await runUseCase(ctx, request, deleteProject, {
          municipality: params.slug,
          project: params.projectSlug,
          expectedVersion: input.version,
          reason: reasonOrNull(input.grund),
        });
        return view.link(editorPaths.home(params.slug), {
          gespeichert: "projekt-geloescht",
        });
      },
      render: ({ request, reply, params }, failure) =>
        renderProject(request, reply, params, failure),
      compare: (error, { view, form, fields }) => {
        if (
          !isEditConflict(error) ||
          error.current.kind !== "project" ||
          error.current.project === null
        )
          return null;
        const { rows, isDeleted } = conflictRowsFor(
          view,
          form,
          error.current.project,
          fields,
        );
        return {
          rows,
          isDeleted,
          formHref: `#${isDeleted ? "zeitplan" : form}`,
        };
      },
    }),
  );

  await app.register(structureRoutes, { ctx });
  await app.register(auditRoutes, { ctx });
}
