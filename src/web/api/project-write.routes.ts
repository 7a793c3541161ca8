/**
 * The writing API: create, change and delete projects and their phases, measures,
 * responsibilities and dependencies, with a personal API token (`Authorization: Bearer
 * fst_…`). Each route is thin — schema → If-Match → the editor's use case (which
 * authorises with the policies, claims the project's version and writes the audit event
 * in one transaction) → the new state with its ETag. web/ never writes to the database
 * itself.
 *
 * No lost updates: every resource of a project carries the project's ETag (its version);
 * a change must send it back in If-Match. Missing: 428; stale: 412, and nothing changes.
 */
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type, type Static, type TSchema } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { addDependency } from "../../app/catalogue/add-dependency.js";
import { addMeasure } from "../../app/catalogue/add-measure.js";
import { addPhase } from "../../app/catalogue/add-phase.js";
import { createProject } from "../../app/catalogue/create-project.js";
import { deleteProject } from "../../app/catalogue/delete-project.js";
import { isEditConflict } from "../../app/catalogue/edit-conflict.js";
import { getCatalogue } from "../../app/catalogue/read-catalogue.js";
import {
  getCatalogueForReader,
  projectIn,
} from "../../app/edition/read-editions.js";
import type { Principal } from "../../domain/access/principal.js";
import { removeDependency } from "../../app/catalogue/remove-dependency.js";
import { removeMeasure } from "../../app/catalogue/remove-measure.js";
import { removePhase } from "../../app/catalogue/remove-phase.js";
import { setResponsibilities } from "../../app/catalogue/set-responsibilities.js";
import { updateMeasure } from "../../app/catalogue/update-measure.js";
import { updatePhase } from "../../app/catalogue/update-phase.js";
import { updateProject } from "../../app/catalogue/update-project.js";
import type { ResponsibilityData } from "../../app/catalogue/catalogue-edit.schema.js";
import type { ProjectChangeTarget } from "../../app/catalogue/edit-support.js";
import type { AppContext } from "../../app/context.js";
import type { RequestOrigin } from "../../app/audit/record-audit.js";
import {
  findProject,
  type Catalogue,
  type Measure,
  type Phase,
  type ProjectInContext,
  type Responsibility,
} from "../../domain/catalogue/catalogue.js";
import { AppError } from "../../errors.js";
import { runUseCase } from "../http/use-case.js";
import { matchesIfNoneMatch, PUBLIC_CACHE_CONTROL } from "../http/cache.js";
import {
  expectedVersionFromIfMatch,
  projectEntityTag,
} from "../http/preconditions.js";
import { APP_VERSION } from "../http/static-assets.js";
import {
  presentMeasure,
  presentPhase,
  presentProjectDetail,
  presentProjectReference,
  presentResponsibility,
} from "./catalogue.presenter.js";
import {
  ApiQuerySchema,
  MeasureSchema,
  MunicipalityParamsSchema,
  PhaseSchema,
  ProjectParamsSchema,
  ProjectReferenceSchema,
  ProjectResponseSchema,
  ResponsibilitySchema,
} from "./catalogue.schema.js";
import { READ_ERROR_RESPONSES } from "./error.schema.js";
import {
  DependencyInputSchema,
  DependencyParamsSchema,
  IfMatchHeadersSchema,
  MeasureInputSchema,
  MeasureParamsSchema,
  NewProjectInputSchema,
  PhaseInputSchema,
  PhaseParamsSchema,
  ProjectInputSchema,
  ResponsibilitiesInputSchema,
  ResponsibilityChangeInputSchema,
  ResponsibilityInputSchema,
  ResponsibilityParamsSchema,
  CREATE_ERROR_RESPONSES,
  WRITE_ERROR_RESPONSES,
  WriteQuerySchema,
} from "./project-write.schema.js";
import { ref } from "./schema-ref.js";

const JSON_TYPE = "application/json; charset=utf-8";
const TAGS = ["Bearbeitung"];
const SECURITY = [{ bearerAuth: [] }];
/** What every change of an existing project declares: the token, the reason and If-Match. */
const CHANGE = {
  tags: TAGS,
  security: SECURITY,
  querystring: WriteQuerySchema,
  headers: IfMatchHeadersSchema,
};
/** What a change of a project reads off its request: the address, the reason, If-Match and the caller's IP. */
interface ProjectChangeRequest {
  readonly headers: FastifyRequest["headers"];
  readonly ip: string;
  readonly params: { readonly slug: string; readonly id: string };
  readonly query: { readonly reason?: string };
}

/** What every public read of a project's part declares. */
const READ = { tags: ["Katalog"], querystring: ApiQuerySchema };
const NO_CONTENT = Type.Null({
  description: "Gelöscht; der Kopf ETag nennt den neuen Stand des Projekts",
});

const NOT_ENTERED =
  "Diese Organisationseinheit ist für das Projekt nicht eingetragen.";

/** The ETag of every representation of a project in this API. */
export function projectTag(
  catalogue: Catalogue,
  entry: ProjectInContext,
): string {
  return projectEntityTag(entry.project.version, [
    "api-project",
    APP_VERSION,
    catalogue.municipality.dataVersion,
    catalogue.municipality.slug,
    entry.project.slug,
  ]);
}

/** The path of a project in this API. */
export function projectPath(
  municipalitySlug: string,
  projectSlug: string,
): string {
  return `/api/v1/municipalities/${encodeURIComponent(municipalitySlug)}/projects/${encodeURIComponent(projectSlug)}`;
}

/** What the writing routes need from the app. */
export interface ProjectWriteOptions {
  readonly ctx: AppContext;
}

/** Registers the project part reads and all writing routes on the API plugin. */
export async function projectWriteRoutes(
  instance: FastifyInstance,
  options: ProjectWriteOptions,
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = options;

  /** The project as stored now, with its ETag. */
  async function current(reader: Principal | null, slug: string, id: string) {
    // Changes work on the draft (reader null). A read shows the municipality's members the
    // draft and the public the latest edition (docs/adr/0007).
    const { catalogue } =
      reader === null
        ? { catalogue: await getCatalogue(ctx, slug) }
        : await getCatalogueForReader(ctx, reader, slug);
    const { entry, dependents } = projectIn(catalogue, id);
    return { catalogue, entry, dependents, tag: projectTag(catalogue, entry) };
  }

  type Current = Awaited<ReturnType<typeof current>>;
  const phaseById =
    (phaseId: number) =>
    ({ entry }: Current) =>
      entry.project.phases.find((candidate) => candidate.id === phaseId);
  const measureById =
    (measureId: number) =>
    ({ entry }: Current) =>
      entry.project.measures.find((candidate) => candidate.id === measureId);
  const responsibilityOf =
    (orgUnit: string) =>
    ({ entry }: Current) =>
      entry.project.responsibilities.find(
        (candidate) => candidate.orgUnitCode === orgUnit,
      );

  /** Sends one part of a project with the project's ETag (conditional GET, or after a change). */
  function sendPart(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    tag: string,
    body: unknown,
  ): FastifyReply {
    if (
      request.method === "GET" &&
      matchesIfNoneMatch(request.headers["if-none-match"], tag)
    ) {
      return reply
        .code(304)
        .header("etag", tag)
        .header("cache-control", PUBLIC_CACHE_CONTROL)
        .send();
    }
    reply.code(status).header("etag", tag).type(JSON_TYPE);
    if (request.method === "GET")
      reply.header("cache-control", PUBLIC_CACHE_CONTROL);
    return reply.send(body);
  }

  /**
   * Sends the part `find` picks from the project as stored now (as `reader` may see it, or the
   * draft after a change), with `location` for a new part; ERR_NOT_FOUND with `missing` when
   * it is not there.
   */
  async function sendFound<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    reader: Principal | null,
    part: {
      readonly slug: string;
      readonly id: string;
      readonly find: (found: Current) => T | null | undefined;
      readonly missing: string;
      readonly present: (part: T) => unknown;
      readonly location?: string;
    },
  ): Promise<FastifyReply> {
    const found = await current(reader, part.slug, part.id);
    const value = part.find(found);
    if (value === null || value === undefined)
      throw new AppError("ERR_NOT_FOUND", { detail: part.missing });
    if (part.location !== undefined) reply.header("location", part.location);
    return sendPart(request, reply, status, found.tag, part.present(value));
  }

  async function sendProject(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    slug: string,
    id: string,
  ): Promise<FastifyReply> {
    const { catalogue, entry, dependents, tag } = await current(null, slug, id);
    const prerequisites = entry.project.dependsOn
      .map((dependency) => findProject(catalogue, dependency))
      .filter((found): found is ProjectInContext => found !== null);
    return sendPart(
      request,
      reply,
      status,
      tag,
      presentProjectDetail(catalogue, entry, prerequisites, dependents),
    );
  }

  /** Sends 204 with the project's new ETag. */
  async function sendDeleted(
    reply: FastifyReply,
    slug: string,
    id: string,
  ): Promise<FastifyReply> {
    const { tag } = await current(null, slug, id);
    return reply.code(204).header("etag", tag).send();
  }

  /**
   * A change of an existing project: the version from If-Match, then the use case. A
   * stale version is the use case's ERR_CONFLICT, which over HTTP with If-Match is 412.
   */
  async function change<T>(
    request: ProjectChangeRequest,
    run: (target: ProjectChangeTarget, origin: RequestOrigin) => Promise<T>,
  ): Promise<T> {
    const expectedVersion = expectedVersionFromIfMatch(
      request.headers["if-match"],
    );
    const target = {
      municipality: request.params.slug,
      project: request.params.id,
      expectedVersion,
      reason: request.query.reason,
    };
    try {
      return await run(target, { ip: request.ip });
    } catch (error) {
      if (isEditConflict(error)) {
        throw new AppError("ERR_PRECONDITION_FAILED", {
          detail: error.detail ?? undefined,
          cause: error,
        });
      }
      throw error;
    }
  }

  /** Responsibilities are kept as a list; one entry changes by writing the list at the version read. */
  async function changeResponsibilities(
    request: ProjectChangeRequest & { readonly principal: Principal },
    edit: (list: readonly Responsibility[]) => readonly ResponsibilityData[],
  ): Promise<void> {
    await change(request, async (target, origin) => {
      const { expectedVersion } = target;
      const { slug, id } = request.params;
      const { entry } = await current(null, slug, id);
      // The list is computed from what is stored at this version; the use case then claims it.
      if (entry.project.version !== expectedVersion) {
        throw new AppError("ERR_PRECONDITION_FAILED", {
          detail: `Gespeichert ist inzwischen Version ${entry.project.version}.`,
        });
      }
      const responsibilities = [...edit(entry.project.responsibilities)];
      return setResponsibilities(
        ctx,
        request.principal,
        { ...target, data: { responsibilities } },
        origin,
      );
    });
  }

  /** The list, once `orgUnit` is sure to be in it (ERR_NOT_FOUND otherwise). */
  const entered = (
    list: readonly Responsibility[],
    orgUnit: string,
  ): readonly Responsibility[] => {
    if (!list.some((candidate) => candidate.orgUnitCode === orgUnit))
      throw new AppError("ERR_NOT_FOUND", { detail: NOT_ENTERED });
    return list;
  };

  const toData = (responsibility: Responsibility): ResponsibilityData => ({
    orgUnit: responsibility.orgUnitCode,
    role: responsibility.role,
    ...(responsibility.note === null ? {} : { note: responsibility.note }),
  });

  // Writes need a personal API token: the API is for programs, and a token names them in
  // the audit log. Browsers use the editor's forms (with their CSRF protection).
  const requireToken = async (request: FastifyRequest): Promise<void> => {
    if (
      request.principal.kind === "user" &&
      request.principal.via !== "token"
    ) {
      throw new AppError("ERR_UNAUTHENTICATED", {
        detail:
          "Änderungen über die Schnittstelle brauchen ein persönliches API-Token (Authorization: Bearer …).",
      });
    }
  };
  const write = {
    config: { policy: "staff" as const },
    preHandler: requireToken,
  };

  // ── Projects ─────────────────────────────────────────────────────────────────

  app.post(
    "/v1/municipalities/:slug/projects",
    {
      ...write,
      schema: {
        summary: "Projekt anlegen",
        description:
          "Legt ein Projekt am Ende seines Aktionsfelds an (nur Administration). Antwort 201 mit Location und ETag. Kein If-Match nötig.",
        tags: TAGS,
        security: SECURITY,
        params: MunicipalityParamsSchema,
        querystring: WriteQuerySchema,
        body: ref(NewProjectInputSchema),
        response: {
          201: ref(ProjectResponseSchema),
          ...CREATE_ERROR_RESPONSES,
        },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      const body = request.body;
      const result = await runUseCase(ctx, request, createProject, {
        municipality: slug,
        reason: request.query.reason,
        data: body,
      });
      reply.header("location", projectPath(slug, result.project.slug));
      return sendProject(request, reply, 201, slug, result.project.slug);
    },
  );

  app.put(
    "/v1/municipalities/:slug/projects/:id",
    {
      ...write,
      schema: {
        ...CHANGE,
        summary: "Projekt ändern",
        description:
          "Titel, Kurzbeschreibung, Status und (wenn angegeben) Schlagwörter. Braucht If-Match; Antwort mit dem neuen ETag.",
        params: ProjectParamsSchema,
        body: ref(ProjectInputSchema),
        response: { 200: ref(ProjectResponseSchema), ...WRITE_ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { slug, id } = request.params;
      const data = request.body;
      await change(request, (target, origin) =>
        updateProject(ctx, request.principal, { ...target, data }, origin),
      );
      return sendProject(request, reply, 200, slug, id);
    },
  );

  app.delete(
    "/v1/municipalities/:slug/projects/:id",
    {
      ...write,
      schema: {
        ...CHANGE,
        summary: "Projekt löschen",
        description:
          "Löscht das Projekt mit allen Teilen (nur Administration). Braucht If-Match. Das Änderungsprotokoll behält, was es war.",
        params: ProjectParamsSchema,
        response: {
          204: Type.Null({ description: "Gelöscht" }),
          ...WRITE_ERROR_RESPONSES,
        },
      },
    },
    async (request, reply) => {
      await change(request, (target, origin) =>
        deleteProject(ctx, request.principal, target, origin),
      );
      return reply.code(204).send(null);
    },
  );

  /**
   * The four routes of an addressed part of a project (phases, measures): read one, append,
   * change, remove. Every one carries the project's ETag; a change needs its If-Match.
   */
  function partRoutes<P, I extends TSchema>(part: {
    readonly segment: string;
    readonly idParam: string;
    readonly params: TSchema;
    readonly schema: TSchema;
    readonly input: I;
    readonly find: (partId: number) => (found: Current) => P | undefined;
    readonly present: (part: P) => unknown;
    readonly docs: Readonly<
      Record<
        "one" | "add" | "update" | "remove",
        { readonly summary: string; readonly description: string }
      >
    >;
    /** Not found: on a read, after the part was added, after it was changed. */
    readonly missing: {
      readonly read: string;
      readonly added: string;
      readonly changed: string;
    };
    readonly add: (
      principal: Principal,
      target: ProjectChangeTarget & { readonly data: Static<I> },
      origin: RequestOrigin,
    ) => Promise<number>;
    readonly update: (
      principal: Principal,
      target: ProjectChangeTarget,
      partId: number,
      data: Static<I>,
      origin: RequestOrigin,
    ) => Promise<unknown>;
    readonly remove: (
      principal: Principal,
      target: ProjectChangeTarget,
      partId: number,
      origin: RequestOrigin,
    ) => Promise<unknown>;
  }): void {
    interface PartRoute {
      Params: {
        readonly slug: string;
        readonly id: string;
        readonly [param: string]: unknown;
      };
      Querystring: { readonly reason?: string };
    }
    const collection = `/v1/municipalities/:slug/projects/:id/${part.segment}`;
    const one = `${collection}/:${part.idParam}`;
    const partIdOf = (params: PartRoute["Params"]): number =>
      Number(params[part.idParam]);

    app.get<PartRoute>(
      one,
      {
        config: { policy: "public" },
        schema: {
          ...READ,
          ...part.docs.one,
          params: part.params,
          response: { 200: ref(part.schema), ...READ_ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const { slug, id } = request.params;
        return sendFound(request, reply, 200, request.principal, {
          slug,
          id,
          find: part.find(partIdOf(request.params)),
          missing: part.missing.read,
          present: part.present,
        });
      },
    );

    app.post<PartRoute>(
      collection,
      {
        ...write,
        schema: {
          ...CHANGE,
          ...part.docs.add,
          params: ProjectParamsSchema,
          body: ref(part.input),
          response: { 201: ref(part.schema), ...WRITE_ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const { slug, id } = request.params;
        const data = request.body;
        const partId = await change(request, (target, origin) =>
          part.add(request.principal, { ...target, data }, origin),
        );
        return sendFound(request, reply, 201, null, {
          slug,
          id,
          find: part.find(partId),
          missing: part.missing.added,
          present: part.present,
          location: `${projectPath(slug, id)}/${part.segment}/${partId}`,
        });
      },
    );

    app.put<PartRoute>(
      one,
      {
        ...write,
        schema: {
          ...CHANGE,
          ...part.docs.update,
          params: part.params,
          body: ref(part.input),
          response: { 200: ref(part.schema), ...WRITE_ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const { slug, id } = request.params;
        const partId = partIdOf(request.params);
        const data = request.body;
        await change(request, (target, origin) =>
          part.update(request.principal, target, partId, data, origin),
        );
        return sendFound(request, reply, 200, null, {
          slug,
          id,
          find: part.find(partId),
          missing: part.missing.changed,
          present: part.present,
        });
      },
    );

    app.delete<PartRoute>(
      one,
      {
        ...write,
        schema: {
          ...CHANGE,
          ...part.docs.remove,
          params: part.params,
          response: { 204: NO_CONTENT, ...WRITE_ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const { slug, id } = request.params;
        const partId = partIdOf(request.params);
        await change(request, (target, origin) =>
          part.remove(request.principal, target, partId, origin),
        );
        return sendDeleted(reply, slug, id);
      },
    );
  }

  // ── Phases ───────────────────────────────────────────────────────────────────

  partRoutes<Phase, typeof PhaseInputSchema>({
    segment: "phases",
    idParam: "phaseId",
    params: PhaseParamsSchema,
    schema: PhaseSchema,
    input: PhaseInputSchema,
    find: phaseById,
    present: presentPhase,
    docs: {
      one: {
        summary: "Eine Phase",
        description:
          "Eine Phase eines Projekts; der ETag ist der des Projekts.",
      },
      add: {
        summary: "Phase anfügen",
        description:
          "Fügt eine Phase nach den vorhandenen an. Braucht If-Match des Projekts; Antwort 201 mit Location und dem neuen ETag.",
      },
      update: {
        summary: "Phase ändern",
        description:
          "Bezeichnung, Beginn, Ende oder Fortführung, Notiz einer Phase, z. B. Ende 2023 → 2024-Q2. Braucht If-Match des Projekts.",
      },
      remove: {
        summary: "Phase entfernen",
        description:
          "Braucht If-Match des Projekts; Antwort 204 mit dem neuen ETag des Projekts.",
      },
    },
    missing: {
      read: "Diese Phase gehört nicht (mehr) zum Projekt.",
      added: "Die Phase wurde inzwischen wieder entfernt.",
      changed: "Die Phase wurde inzwischen entfernt.",
    },
    add: async (principal, target, origin) =>
      (await addPhase(ctx, principal, target, origin)).phaseId,
    update: (principal, target, phaseId, data, origin) =>
      updatePhase(ctx, principal, { ...target, phaseId, data }, origin),
    remove: (principal, target, phaseId, origin) =>
      removePhase(ctx, principal, { ...target, phaseId }, origin),
  });

  // ── Measures ─────────────────────────────────────────────────────────────────

  partRoutes<Measure, typeof MeasureInputSchema>({
    segment: "measures",
    idParam: "measureId",
    params: MeasureParamsSchema,
    schema: MeasureSchema,
    input: MeasureInputSchema,
    find: measureById,
    present: presentMeasure,
    docs: {
      one: {
        summary: "Eine Einzelmaßnahme",
        description:
          "Eine Einzelmaßnahme eines Projekts; der ETag ist der des Projekts.",
      },
      add: {
        summary: "Einzelmaßnahme anfügen",
        description:
          "Fügt eine Einzelmaßnahme nach den vorhandenen an. Braucht If-Match des Projekts; Antwort 201 mit Location und dem neuen ETag.",
      },
      update: {
        summary: "Einzelmaßnahme ändern",
        description: "Titel und Status. Braucht If-Match des Projekts.",
      },
      remove: {
        summary: "Einzelmaßnahme entfernen",
        description:
          "Braucht If-Match des Projekts; Antwort 204 mit dem neuen ETag des Projekts.",
      },
    },
    missing: {
      read: "Diese Einzelmaßnahme gehört nicht (mehr) zum Projekt.",
      added: "Die Einzelmaßnahme wurde inzwischen wieder entfernt.",
      changed: "Die Einzelmaßnahme wurde inzwischen entfernt.",
    },
    add: async (principal, target, origin) =>
      (await addMeasure(ctx, principal, target, origin)).measureId,
    update: (principal, target, measureId, data, origin) =>
      updateMeasure(ctx, principal, { ...target, measureId, data }, origin),
    remove: (principal, target, measureId, origin) =>
      removeMeasure(ctx, principal, { ...target, measureId }, origin),
  });

  // ── Responsibilities ─────────────────────────────────────────────────────────

  app.get(
    "/v1/municipalities/:slug/projects/:id/responsibilities/:orgUnit",
    {
      config: { policy: "public" },
      schema: {
        ...READ,
        summary: "Eine Zuständigkeit",
        description:
          "Die Zuständigkeit einer Organisationseinheit für ein Projekt; der ETag ist der des Projekts.",
        params: ResponsibilityParamsSchema,
        response: { 200: ref(ResponsibilitySchema), ...READ_ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { slug, id, orgUnit } = request.params;
      return sendFound(request, reply, 200, request.principal, {
        slug,
        id,
        find: responsibilityOf(orgUnit),
        missing: NOT_ENTERED,
        present: presentResponsibility,
      });
    },
  );

  app.post(
    "/v1/municipalities/:slug/projects/:id/responsibilities",
    {
      ...write,
      schema: {
        ...CHANGE,
        summary: "Zuständigkeit hinzufügen",
        description:
          "Trägt eine Organisationseinheit als federführend (lead) oder mitwirkend (contributing) ein. Braucht If-Match des Projekts; Antwort 201 mit Location.",
        params: ProjectParamsSchema,
        body: ref(ResponsibilityInputSchema),
        response: { 201: ref(ResponsibilitySchema), ...WRITE_ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { slug, id } = request.params;
      const added = request.body;
      await changeResponsibilities(request, (list) => [
        ...list.map(toData),
        added,
      ]);
      return sendFound(request, reply, 201, null, {
        slug,
        id,
        find: responsibilityOf(added.orgUnit),
        missing: "Die Zuständigkeit wurde inzwischen wieder entfernt.",
        present: presentResponsibility,
        location: `${projectPath(slug, id)}/responsibilities/${encodeURIComponent(added.orgUnit)}`,
      });
    },
  );

  app.put(
    "/v1/municipalities/:slug/projects/:id/responsibilities",
    {
      ...write,
      schema: {
        ...CHANGE,
        summary: "Alle Zuständigkeiten ersetzen",
        description:
          "Setzt die Zuständigkeiten in der angegebenen Reihenfolge. Braucht If-Match des Projekts.",
        params: ProjectParamsSchema,
        body: ref(ResponsibilitiesInputSchema),
        response: { 200: ref(ProjectResponseSchema), ...WRITE_ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { slug, id } = request.params;
      const responsibilities = request.body.responsibilities;
      await change(request, (target, origin) =>
        setResponsibilities(
          ctx,
          request.principal,
          { ...target, data: { responsibilities } },
          origin,
        ),
      );
      return sendProject(request, reply, 200, slug, id);
    },
  );

  app.put(
    "/v1/municipalities/:slug/projects/:id/responsibilities/:orgUnit",
    {
      ...write,
      schema: {
        ...CHANGE,
        summary: "Zuständigkeit ändern",
        description:
          "Rolle und Notiz der Zuständigkeit einer Organisationseinheit. Braucht If-Match des Projekts.",
        params: ResponsibilityParamsSchema,
        body: ref(ResponsibilityChangeInputSchema),
        response: { 200: ref(ResponsibilitySchema), ...WRITE_ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { slug, id, orgUnit } = request.params;
      const changed = request.body;
      await changeResponsibilities(request, (list) =>
        entered(list, orgUnit).map((candidate) =>
          candidate.orgUnitCode === orgUnit
            ? { orgUnit, ...changed }
            : toData(candidate),
        ),
      );
      return sendFound(request, reply, 200, null, {
        slug,
        id,
        find: responsibilityOf(orgUnit),
        missing: "Die Zuständigkeit wurde inzwischen entfernt.",
        present: presentResponsibility,
      });
    },
  );

  app.delete(
    "/v1/municipalities/:slug/projects/:id/responsibilities/:orgUnit",
    {
      ...write,
      schema: {
        ...CHANGE,
        summary: "Zuständigkeit entfernen",
        description:
          "Braucht If-Match des Projekts; Antwort 204 mit dem neuen ETag. Wer die eigene Einheit entfernt, kann das Projekt danach nicht mehr bearbeiten.",
        params: ResponsibilityParamsSchema,
        response: { 204: NO_CONTENT, ...WRITE_ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { slug, id, orgUnit } = request.params;
      await changeResponsibilities(request, (list) =>
        entered(list, orgUnit)
          .filter((candidate) => candidate.orgUnitCode !== orgUnit)
          .map(toData),
      );
      return sendDeleted(reply, slug, id);
    },
  );

  // ── Dependencies ─────────────────────────────────────────────────────────────

  app.get(
    "/v1/municipalities/:slug/projects/:id/dependencies/:dependsOn",
    {
      config: { policy: "public" },
      schema: {
        ...READ,
        summary: "Eine Abhängigkeit",
        description:
          "Das vorausgesetzte Projekt, wenn das Projekt von ihm abhängt; der ETag ist der des abhängigen Projekts.",
        params: DependencyParamsSchema,
        response: { 200: ref(ProjectReferenceSchema), ...READ_ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { slug, id, dependsOn } = request.params;
      return sendFound(request, reply, 200, request.principal, {
        slug,
        id,
        find: ({ catalogue, entry }) =>
          entry.project.dependsOn.includes(dependsOn)
            ? findProject(catalogue, dependsOn)
            : null,
        missing: "Diese Abhängigkeit ist nicht eingetragen.",
        present: presentProjectReference,
      });
    },
  );

  app.post(
    "/v1/municipalities/:slug/projects/:id/dependencies",
    {
      ...write,
      schema: {
        ...CHANGE,
        summary: "Abhängigkeit eintragen",
        description:
          "Das Projekt setzt ein anderes voraus. Ein Kreis (A braucht B braucht A) wird mit 422 ERR_DEPENDENCY_CYCLE abgelehnt, der Kreis wird genannt. Braucht If-Match des Projekts; Antwort 201 mit Location. Eine Abhängigkeit hat keine Eigenschaften: Ändern heißt löschen und neu eintragen.",
        params: ProjectParamsSchema,
        body: ref(DependencyInputSchema),
        response: {
          201: ref(ProjectReferenceSchema),
          ...WRITE_ERROR_RESPONSES,
        },
      },
    },
    async (request, reply) => {
      const { slug, id } = request.params;
      const data = request.body;
      await change(request, (target, origin) =>
        addDependency(ctx, request.principal, { ...target, data }, origin),
      );
      return sendFound(request, reply, 201, null, {
        slug,
        id,
        find: ({ catalogue }) => findProject(catalogue, data.dependsOn),
        missing: "Das vorausgesetzte Projekt wurde inzwischen gelöscht.",
        present: presentProjectReference,
        location: `${projectPath(slug, id)}/dependencies/${encodeURIComponent(data.dependsOn)}`,
      });
    },
  );

  app.delete(
    "/v1/municipalities/:slug/projects/:id/dependencies/:dependsOn",
    {
      ...write,
      schema: {
        ...CHANGE,
        summary: "Abhängigkeit entfernen",
        description:
          "Braucht If-Match des Projekts; Antwort 204 mit dem neuen ETag.",
        params: DependencyParamsSchema,
        response: { 204: NO_CONTENT, ...WRITE_ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { slug, id, dependsOn } = request.params;
      await change(request, (target, origin) =>
        removeDependency(
          ctx,
          request.principal,
          { ...target, dependsOn },
          origin,
        ),
      );
      return sendDeleted(reply, slug, id);
    },
  );
}
