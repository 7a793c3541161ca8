/**
 * The editor under /{kommune}/verwaltung/: thin routes — read the form, call the use case,
 * then redirect (303, post/redirect/get) with a notice, or render the same page again
 * with the problems (400/422), the conflict (409) or the refusal (403). Every route is for
 * staff (administrators and editors); the use cases decide about the single project.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { addDependency } from "../../app/catalogue/add-dependency.js";
import type {
  MeasureData,
  ResponsibilityData,
  UpdateProjectInput,
} from "../../app/catalogue/catalogue-edit.schema.js";
import { addMeasure } from "../../app/catalogue/add-measure.js";
import { addPhase } from "../../app/catalogue/add-phase.js";
import { deleteProject } from "../../app/catalogue/delete-project.js";
import {
  isEditConflict,
  type EditConflictError,
} from "../../app/catalogue/edit-conflict.js";
import { moveMeasure } from "../../app/catalogue/move-measure.js";
import {
  getEditorOverview,
  getProjectForEditing,
} from "../../app/catalogue/read-editor.js";
import { removeDependency } from "../../app/catalogue/remove-dependency.js";
import { removeMeasure } from "../../app/catalogue/remove-measure.js";
import { removePhase } from "../../app/catalogue/remove-phase.js";
import { setResponsibilities } from "../../app/catalogue/set-responsibilities.js";
import { updateMeasure } from "../../app/catalogue/update-measure.js";
import { updatePhase } from "../../app/catalogue/update-phase.js";
import { updateProject } from "../../app/catalogue/update-project.js";
import type { AppContext } from "../../app/context.js";
import { getUpdateRequests } from "../../app/reports/read-reports.js";
import { AppError, isAppError, type InputProblem } from "../../errors.js";
import { NO_STORE } from "../http/cache.js";
import { requestLanguage } from "../http/errors.js";
import { withQuery } from "../portal/paths.js";
import { sendHtmlError } from "../portal/portal.routes.js";
import { presentAuditEvent } from "./audit.presenter.js";
import { auditRoutes } from "./audit-log.routes.js";
import { DashboardPage } from "./dashboard-page.js";
import { EDITOR_ROUTES, editorPaths } from "./editor-paths.js";
import {
  answerRefusals,
  editorChrome,
  formFields,
  formVersion,
  noticeOf,
  originOf,
  placeProblems,
  sendEditorPage,
  viewOf,
  type FailedForm,
  type FormFields,
} from "./editor-view.js";
import { ProjectEditPage } from "./project-edit-page.js";
import {
  conflictRowsFor,
  fieldOfPath,
  labelOfField,
  parsePhaseForm,
  parseProjectFields,
  parseResponsibilitiesForm,
  reasonOf,
} from "./project-forms.js";
import { structureRoutes } from "./structure.routes.js";
import { csrfToken } from "../plugins/session.js";
import type { ConflictView } from "./conflict-notice.js";

/** What the editor needs from the app. */
export interface EditorRoutesOptions {
  readonly ctx: AppContext;
}

const MunicipalityParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
});
const ProjectParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
  projectSlug: Type.String({ maxLength: 100 }),
});
const PartParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
  projectSlug: Type.String({ maxLength: 100 }),
  phaseId: Type.Optional(Type.String({ maxLength: 12 })),
  measureId: Type.Optional(Type.String({ maxLength: 12 })),
  dependsOn: Type.Optional(Type.String({ maxLength: 100 })),
});

/** An id from the URL, or a 404. */
function idParam(value: string | undefined): number {
  if (value === undefined || !/^[1-9]\d{0,9}$/.test(value))
    throw new AppError("ERR_NOT_FOUND");
  return Number(value);
}

/** Registers the editor's pages and forms, and its error handling. */
export async function editorRoutes(
  instance: FastifyInstance,
  options: EditorRoutesOptions,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;

  // Pages ask a signed-out visitor to sign in and come back; everything else is an HTML error page.
  app.setErrorHandler(async (error, request, reply) => {
    if (isAppError(error, "ERR_UNAUTHENTICATED")) {
      const next = request.method === "GET" ? request.url : undefined;
      return reply
        .header("cache-control", NO_STORE)
        .redirect(
          withQuery("/anmelden", requestLanguage(request), { next }),
          303,
        );
    }
    return sendHtmlError(error, request, reply);
  });

  app.get(
    EDITOR_ROUTES.homeWithoutSlash,
    {
      config: { policy: "staff" },
      schema: { hide: true, params: MunicipalityParams },
    },
    async (request, reply) =>
      reply.redirect(
        viewOf(request).link(editorPaths.home(request.params.slug)),
        301,
      ),
  );

  app.get(
    EDITOR_ROUTES.home,
    {
      config: { policy: "staff" },
      schema: { hide: true, params: MunicipalityParams },
    },
    async (request, reply) =>
      answerRefusals(request, reply, async () => {
        const overview = await getEditorOverview(
          ctx,
          request.principal,
          request.params.slug,
          originOf(request),
        );
        const view = viewOf(request);
        // "Ihre Projekte für den Bericht am …": what the person still owes each draft report.
        const updateRequests = await getUpdateRequests(ctx, overview.principal, overview.catalogue);
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
            notice={noticeOf(request, view)}
            updateRequests={updateRequests}
          />
        );
        return sendEditorPage(reply, 200, html);
      }),
  );

  /** Renders the project page, optionally with a failed form and a conflict. */
  async function renderProject(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    projectSlug: string,
    status: number,
    failed?: FailedForm,
    conflict?: ConflictView,
  ): Promise<FastifyReply> {
    return answerRefusals(request, reply, async () => {
      const data = await getProjectForEditing(
        ctx,
        request.principal,
        slug,
        projectSlug,
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
          notice={status === 200 ? noticeOf(request, view) : undefined}
          failed={failed}
          conflict={conflict}
        />
      );
      return sendEditorPage(reply, status, html);
    });
  }

  app.get(
    EDITOR_ROUTES.project,
    {
      config: { policy: "staff" },
      schema: { hide: true, params: ProjectParams },
    },
    async (request, reply) =>
      renderProject(
        request,
        reply,
        request.params.slug,
        request.params.projectSlug,
        200,
      ),
  );

  /**
   * Runs a change from a form of the project page. Success: back to the page with a notice
   * at the section. Invalid input: the page again with the problems at the fields (400,
   * or 422 for a dependency cycle). Stale version: the page with what changed (409). A
   * refusal has already been logged by the use case, so it is answered here directly.
   */
  async function handleProjectForm(
    request: FastifyRequest,
    reply: FastifyReply,
    params: { readonly slug: string; readonly projectSlug: string },
    form: string,
    notice: string,
    anchor: string,
    change: (fields: FormFields) => Promise<void>,
    rows: readonly number[] = [],
  ): Promise<FastifyReply> {
    const fields = formFields(request.body);
    const view = viewOf(request);
    try {
      await change(fields);
    } catch (error) {
      if (isEditConflict(error)) {
        return renderConflict(request, reply, params, form, fields, error);
      }
      if (
        isAppError(error, "ERR_VALIDATION") ||
        isAppError(error, "ERR_DEPENDENCY_CYCLE")
      ) {
        const problems =
          error.problems.length > 0
            ? error.problems
            : [
                {
                  path: "/",
                  message: error.detail ?? error.localisedMessage(view.lang),
                },
              ];
        const failed = placeProblems(
          form,
          fields,
          problems,
          (path) => fieldOfPath(form, path, rows),
          (field) => labelOfField(view, form, field),
        );
        return renderProject(
          request,
          reply,
          params.slug,
          params.projectSlug,
          error.status,
          failed,
        );
      }
      if (isAppError(error, "ERR_FORBIDDEN"))
        return sendHtmlError(error, request, reply);
      throw error;
    }
    return reply.redirect(
      `${view.link(editorPaths.project(params.slug, params.projectSlug), { gespeichert: notice })}#${anchor}`,
      303,
    );
  }

  async function renderConflict(
    request: FastifyRequest,
    reply: FastifyReply,
    params: { readonly slug: string; readonly projectSlug: string },
    form: string,
    fields: FormFields,
    error: EditConflictError,
  ): Promise<FastifyReply> {
    const view = viewOf(request);
    if (error.current.kind !== "project" || error.current.project === null)
      return sendHtmlError(error, request, reply);
    const { rows, isDeleted } = conflictRowsFor(
      view,
      form,
      error.current.project,
      fields,
    );
    const conflict: ConflictView = {
      changes: error.changes.map((event) => presentAuditEvent(view, event)),
      rows,
      isDeleted,
      formHref: `#${isDeleted ? "zeitplan" : form}`,
    };
    const failed: FailedForm = {
      form,
      values: fields,
      errors: {},
      summary: [],
      messages: [],
    };
    return renderProject(
      request,
      reply,
      params.slug,
      params.projectSlug,
      409,
      failed,
      conflict,
    );
  }

  /** The target of every project change: the project, the version the form was opened on, the reason. */
  const target = (
    params: { readonly slug: string; readonly projectSlug: string },
    fields: FormFields,
  ) => ({
    municipality: params.slug,
    project: params.projectSlug,
    expectedVersion: formVersion(fields),
    reason: reasonOf(fields),
  });

  const throwProblems = (problems: readonly InputProblem[]): never => {
    throw new AppError("ERR_VALIDATION", { problems });
  };

  app.post(
    EDITOR_ROUTES.projectFields,
    {
      config: { policy: "staff" },
      schema: { hide: true, params: ProjectParams },
    },
    async (request, reply) =>
      handleProjectForm(
        request,
        reply,
        request.params,
        "grunddaten",
        "grunddaten",
        "grunddaten",
        async (fields) => {
          // Statuses arrive as typed text; the use case checks them against its schema.
          const data = parseProjectFields(fields) as UpdateProjectInput["data"];
          await updateProject(
            ctx,
            request.principal,
            { ...target(request.params, fields), data },
            originOf(request),
          );
        },
      ),
  );

  app.post(
    EDITOR_ROUTES.phases,
    {
      config: { policy: "staff" },
      schema: { hide: true, params: ProjectParams },
    },
    async (request, reply) =>
      handleProjectForm(
        request,
        reply,
        request.params,
        "phase-neu",
        "phase-neu",
        "zeitplan",
        async (fields) => {
          const parsed = parsePhaseForm(viewOf(request), fields);
          if (!parsed.ok) throwProblems(parsed.problems);
          else
            await addPhase(
              ctx,
              request.principal,
              { ...target(request.params, fields), data: parsed.data },
              originOf(request),
            );
        },
      ),
  );

  app.post(
    EDITOR_ROUTES.phase,
    { config: { policy: "staff" }, schema: { hide: true, params: PartParams } },
    async (request, reply) => {
      const phaseId = idParam(request.params.phaseId);
      return handleProjectForm(
        request,
        reply,
        request.params,
        `phase-${phaseId}`,
        "phase",
        `phase-${phaseId}`,
        async (fields) => {
          const parsed = parsePhaseForm(viewOf(request), fields);
          if (!parsed.ok) throwProblems(parsed.problems);
          else
            await updatePhase(
              ctx,
              request.principal,
              { ...target(request.params, fields), phaseId, data: parsed.data },
              originOf(request),
            );
        },
      );
    },
  );

  app.post(
    EDITOR_ROUTES.phaseDelete,
    { config: { policy: "staff" }, schema: { hide: true, params: PartParams } },
    async (request, reply) => {
      const phaseId = idParam(request.params.phaseId);
      return handleProjectForm(
        request,
        reply,
        request.params,
        `phase-${phaseId}`,
        "phase-geloescht",
        "zeitplan",
        async (fields) => {
          await removePhase(
            ctx,
            request.principal,
            { ...target(request.params, fields), phaseId },
            originOf(request),
          );
        },
      );
    },
  );

  app.post(
    EDITOR_ROUTES.measures,
    {
      config: { policy: "staff" },
      schema: { hide: true, params: ProjectParams },
    },
    async (request, reply) =>
      handleProjectForm(
        request,
        reply,
        request.params,
        "massnahme-neu",
        "massnahme-neu",
        "massnahmen",
        async (fields) => {
          const data = {
            title: (fields.titel ?? "").trim(),
            status: fields.status ?? "",
          } as MeasureData;
          await addMeasure(
            ctx,
            request.principal,
            { ...target(request.params, fields), data },
            originOf(request),
          );
        },
      ),
  );

  app.post(
    EDITOR_ROUTES.measure,
    { config: { policy: "staff" }, schema: { hide: true, params: PartParams } },
    async (request, reply) => {
      const measureId = idParam(request.params.measureId);
      return handleProjectForm(
        request,
        reply,
        request.params,
        `massnahme-${measureId}`,
        "massnahme",
        `massnahme-${measureId}`,
        async (fields) => {
          const data = {
            title: (fields.titel ?? "").trim(),
            status: fields.status ?? "",
          } as MeasureData;
          await updateMeasure(
            ctx,
            request.principal,
            { ...target(request.params, fields), measureId, data },
            originOf(request),
          );
        },
      );
    },
  );

  app.post(
    EDITOR_ROUTES.measureMove,
    { config: { policy: "staff" }, schema: { hide: true, params: PartParams } },
    async (request, reply) => {
      const measureId = idParam(request.params.measureId);
      return handleProjectForm(
        request,
        reply,
        request.params,
        `massnahme-${measureId}`,
        "massnahme-verschoben",
        `massnahme-${measureId}`,
        async (fields) => {
          const direction =
            fields.richtung === "hoch"
              ? "up"
              : fields.richtung === "runter"
                ? "down"
                : null;
          if (direction === null)
            throwProblems([
              {
                path: "/form/richtung",
                message: "Bitte wählen Sie „Nach oben“ oder „Nach unten“.",
              },
            ]);
          else
            await moveMeasure(
              ctx,
              request.principal,
              {
                ...target(request.params, fields),
                measureId,
                data: { direction },
              },
              originOf(request),
            );
        },
      );
    },
  );

  app.post(
    EDITOR_ROUTES.measureDelete,
    { config: { policy: "staff" }, schema: { hide: true, params: PartParams } },
    async (request, reply) => {
      const measureId = idParam(request.params.measureId);
      return handleProjectForm(
        request,
        reply,
        request.params,
        `massnahme-${measureId}`,
        "massnahme-geloescht",
        "massnahmen",
        async (fields) => {
          await removeMeasure(
            ctx,
            request.principal,
            { ...target(request.params, fields), measureId },
            originOf(request),
          );
        },
      );
    },
  );

  app.post(
    EDITOR_ROUTES.responsibilities,
    {
      config: { policy: "staff" },
      schema: { hide: true, params: ProjectParams },
    },
    async (request, reply) => {
      const parsed = parseResponsibilitiesForm(formFields(request.body));
      return handleProjectForm(
        request,
        reply,
        request.params,
        "zustaendigkeiten",
        "zustaendigkeiten",
        "zustaendigkeiten",
        async (fields) => {
          await setResponsibilities(
            ctx,
            request.principal,
            {
              ...target(request.params, fields),
              data: {
                responsibilities:
                  parsed.responsibilities as ResponsibilityData[],
              },
            },
            originOf(request),
          );
        },
        parsed.rows,
      );
    },
  );

  app.post(
    EDITOR_ROUTES.dependencies,
    {
      config: { policy: "staff" },
      schema: { hide: true, params: ProjectParams },
    },
    async (request, reply) =>
      handleProjectForm(
        request,
        reply,
        request.params,
        "abhaengigkeit-neu",
        "abhaengigkeit",
        "abhaengigkeiten",
        async (fields) => {
          const dependsOn = (fields.projekt ?? "").trim();
          if (dependsOn === "")
            throwProblems([
              {
                path: "/form/projekt",
                message: viewOf(request).t.editor.dependencyRequired,
              },
            ]);
          else
            await addDependency(
              ctx,
              request.principal,
              { ...target(request.params, fields), data: { dependsOn } },
              originOf(request),
            );
        },
      ),
  );

  app.post(
    EDITOR_ROUTES.dependencyDelete,
    { config: { policy: "staff" }, schema: { hide: true, params: PartParams } },
    async (request, reply) => {
      const dependsOn = request.params.dependsOn ?? "";
      return handleProjectForm(
        request,
        reply,
        request.params,
        `abhaengigkeit-${dependsOn}`,
        "abhaengigkeit-entfernt",
        "abhaengigkeiten",
        async (fields) => {
          await removeDependency(
            ctx,
            request.principal,
            { ...target(request.params, fields), dependsOn },
            originOf(request),
          );
        },
      );
    },
  );

  app.post(
    EDITOR_ROUTES.projectDelete,
    {
      config: { policy: "admin" },
      schema: { hide: true, params: ProjectParams },
    },
    async (request, reply) => {
      const fields = formFields(request.body);
      const view = viewOf(request);
      if ((fields.bestaetigung ?? "") === "") {
        const failed = placeProblems(
          "loeschen",
          fields,
          [
            {
              path: "/form/bestaetigung",
              message: view.t.editor.deleteConfirmRequired,
            },
          ],
          (path) => fieldOfPath("loeschen", path),
          (field) => field,
        );
        return renderProject(
          request,
          reply,
          request.params.slug,
          request.params.projectSlug,
          400,
          failed,
        );
      }
      try {
        await deleteProject(
          ctx,
          request.principal,
          target(request.params, fields),
          originOf(request),
        );
      } catch (error) {
        if (isEditConflict(error))
          return renderConflict(
            request,
            reply,
            request.params,
            "loeschen",
            fields,
            error,
          );
        if (isAppError(error, "ERR_FORBIDDEN"))
          return sendHtmlError(error, request, reply);
        throw error;
      }
      return reply.redirect(
        view.link(editorPaths.home(request.params.slug), {
          gespeichert: "projekt-geloescht",
        }),
        303,
      );
    },
  );

  await app.register(structureRoutes, { ctx });
  await app.register(auditRoutes, { ctx });
}
