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
import type { ViewContext } from "../components/view.js";
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
import { drawStaffPage, sendStaffPage } from "../http/staff-page.js";
import { originOf, runUseCase, type UseCase } from "../http/use-case.js";
import { EmptyForm } from "../http/form-schema.js";
import { AppError } from "../../errors.js";
import { installStaffErrorHandler } from "../http/error-pages.js";
import {
  formAction,
  type ConflictComparison,
  type FormFailure,
} from "../http/form-action.js";
import type { FormFields } from "../components/form/failed-form.js";
import { reasonOrNull } from "../http/form-schema.js";
import { idParam, MunicipalityParams } from "../http/params.js";
import { auditRoutes } from "./audit-log.routes.js";
import { DashboardPage } from "./dashboard-page.js";
import { EDITOR_ROUTES, editorPaths } from "./editor-paths.js";
import {
  answerRefusals,
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

/** What the editor needs from the app. */
export interface EditorRoutesOptions {
  readonly ctx: AppContext;
}

/** The municipality and project every project route names. */
const PROJECT_PARAM_FIELDS = {
  slug: Type.String({ maxLength: 100 }),
  projectSlug: Type.String({ maxLength: 100 }),
};
const ProjectParams = Type.Object(PROJECT_PARAM_FIELDS);
const PhaseParams = Type.Object({
  ...PROJECT_PARAM_FIELDS,
  phaseId: Type.String({ maxLength: 12 }),
});
const MeasureParams = Type.Object({
  ...PROJECT_PARAM_FIELDS,
  measureId: Type.String({ maxLength: 12 }),
});
const DependencyParams = Type.Object({
  ...PROJECT_PARAM_FIELDS,
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

/**
 * A stale project form: the stored project beside the typed values, field by field; a
 * deleted project's form links to the schedule. Null for any other error.
 */
function compareProject(
  error: unknown,
  context: {
    readonly view: ViewContext;
    readonly form: string;
    readonly fields: FormFields;
  },
): ConflictComparison | null {
  if (
    !isEditConflict(error) ||
    error.current.kind !== "project" ||
    error.current.project === null
  )
    return null;
  const { view, form, fields } = context;
  const { rows, isDeleted } = conflictRowsFor(
    view,
    form,
    error.current.project,
    fields,
  );
  return { rows, isDeleted, formHref: `#${isDeleted ? "zeitplan" : form}` };
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
      sendStaffPage(request, reply, 200, {
        section: "home",
        load: async () => {
          const overview = await runUseCase(
            ctx,
            request,
            getEditorOverview,
            request.params.slug,
          );
          return {
            catalogue: overview.catalogue,
            rights: overview.rights,
            overview,
            // "Ihre Projekte für den Bericht am …": what the person still owes each draft report.
            updateRequests: await getUpdateRequests(
              ctx,
              overview.principal,
              overview.catalogue,
            ),
            onboarding: overview.rights.isAdministrator
              ? await getOnboarding(ctx, overview.catalogue)
              : undefined,
          };
        },
        notice: (view, { catalogue }) =>
          request.url.includes("freigegeben=1")
            ? view.t.onboarding.released
            : noticeOf(request, view, catalogue),
        page: (frame, data) => (
          <DashboardPage
            {...frame}
            overview={data.overview}
            updateRequests={data.updateRequests}
            onboarding={data.onboarding}
          />
        ),
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
      run: async (_input, { request, params: { slug }, view }) => {
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
    return sendStaffPage(request, reply, failure?.status ?? 200, {
      section: "project",
      load: () =>
        getProjectForEditing(
          ctx,
          request.principal,
          params.slug,
          params.projectSlug,
          originOf(request),
        ),
      notice: (view, data) =>
        failure === undefined
          ? noticeOf(request, view, data.catalogue)
          : undefined,
      failure,
      page: (frame, data) => <ProjectEditPage {...frame} data={data} />,
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
            const html = await drawStaffPage(request, {
              section: "project",
              load: async () => data,
              page: (frame) => (
                <DeleteConfirmationPage
                  {...frame}
                  question={question}
                  projectLabel={`${data.entry.project.code} ${data.entry.project.title}`}
                  action={request.url}
                  fields={{
                    version: fields.version ?? "",
                    grund: fields.grund ?? "",
                    ...(view.lang === "de" ? {} : { lang: view.lang }),
                  }}
                  cancelHref={`${view.link(editorPaths.project(ref.slug, ref.projectSlug))}#${anchor}`}
                />
              ),
            });
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
      compare: compareProject,
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

  /**
   * The forms of one kind of project part: adding one ("phase-neu"), changing one and deleting
   * one ("phase-<id>"); the notices are "<form>-neu", "<form>" and "<form>-geloescht".
   */
  function partForms<
    P extends TObject,
    B extends TObject,
    D,
    Q extends { readonly id: number },
  >(part: {
    readonly routes: {
      readonly add: string;
      readonly change: string;
      readonly delete: string;
    };
    readonly params: P;
    readonly idOf: (params: Static<P>) => string;
    readonly body: B;
    /** The form's name before its id, and the section new and deleted parts return to. */
    readonly form: string;
    readonly section: string;
    readonly parse: (view: ViewContext, input: Static<B>) => Parsed<D>;
    readonly add: (target: ProjectTarget, data: D) => ProjectCommand;
    readonly change: (
      target: ProjectTarget,
      id: number,
      data: D,
    ) => ProjectCommand;
    readonly remove: (target: ProjectTarget, id: number) => ProjectCommand;
    /** The project's parts of this kind, and the question asked before deleting one. */
    readonly partsOf: (
      project: ProjectForEditing["entry"]["project"],
    ) => readonly Q[];
    readonly question: (view: ViewContext, part: Q) => string;
  }): void {
    const formOf = (params: Static<P>) => `${part.form}-${part.idOf(params)}`;
    app.post(
      part.routes.add,
      projectForm({
        params: ProjectParams,
        body: part.body,
        form: () => `${part.form}-neu`,
        done: () => ({ notice: `${part.form}-neu`, anchor: part.section }),
        change: (input, target, _params, view) =>
          part.add(target, dataOf(part.parse(view, input))),
      }),
    );
    app.post(
      part.routes.change,
      projectForm({
        params: part.params,
        body: part.body,
        form: formOf,
        done: (params) => ({ notice: part.form, anchor: formOf(params) }),
        change: (input, target, params, view) =>
          part.change(
            target,
            idParam(part.idOf(params)),
            dataOf(part.parse(view, input)),
          ),
      }),
    );
    app.post(
      part.routes.delete,
      projectForm({
        params: part.params,
        body: DeleteBody,
        form: formOf,
        done: () => ({
          notice: `${part.form}-geloescht`,
          anchor: part.section,
        }),
        confirm: (params, data, view) => {
          const found = part
            .partsOf(data.entry.project)
            .find((each) => String(each.id) === part.idOf(params));
          return found === undefined ? null : part.question(view, found);
        },
        change: (_input, target, params) =>
          part.remove(target, idParam(part.idOf(params))),
      }),
    );
  }

  partForms({
    routes: {
      add: EDITOR_ROUTES.phases,
      change: EDITOR_ROUTES.phase,
      delete: EDITOR_ROUTES.phaseDelete,
    },
    params: PhaseParams,
    idOf: (params) => params.phaseId,
    body: PhaseBody,
    form: "phase",
    section: "zeitplan",
    parse: parsePhaseForm,
    add: (target, data) => call(addPhase, { ...target, data }),
    change: (target, phaseId, data) =>
      call(updatePhase, { ...target, phaseId, data }),
    remove: (target, phaseId) => call(removePhase, { ...target, phaseId }),
    partsOf: (project) => project.phases,
    question: (view, phase) => view.t.editor.confirmDeletePhase(phase.label),
  });

  partForms({
    routes: {
      add: EDITOR_ROUTES.measures,
      change: EDITOR_ROUTES.measure,
      delete: EDITOR_ROUTES.measureDelete,
    },
    params: MeasureParams,
    idOf: (params) => params.measureId,
    body: MeasureBody,
    form: "massnahme",
    section: "massnahmen",
    parse: parseMeasureForm,
    add: (target, data) => call(addMeasure, { ...target, data }),
    change: (target, measureId, data) =>
      call(updateMeasure, { ...target, measureId, data }),
    remove: (target, measureId) =>
      call(removeMeasure, { ...target, measureId }),
    partsOf: (project) => project.measures,
    question: (view, measure) =>
      view.t.editor.confirmDeleteMeasure(measure.title),
  });

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
      compare: compareProject,
    }),
  );

  await app.register(structureRoutes, { ctx });
  await app.register(auditRoutes, { ctx });
}
