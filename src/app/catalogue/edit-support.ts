/**
 * The steps every editing use case shares, in this order: validate the input (TypeBox,
 * German messages with JSON pointers), find the municipality, authorise with the policies
 * (a refusal is logged and changes nothing), check the expected version, then in ONE
 * transaction claim the version (UPDATE … WHERE version = ?), mark the municipality's data
 * as changed, write, refresh the search entries and append the audit event.
 */
import type { Static, TSchema } from "@sinclair/typebox";
import type { Transaction } from "kysely";
import type { Database, Executor } from "../../db/database.js";
import {
  findMunicipalityBySlug,
  bumpDataVersion,
} from "../../db/municipality.repository.js";
import {
  claimProjectVersion,
  loadStoredProject,
  type StoredProject,
} from "../../db/project.repository.js";
import { replaceProjectSearchEntries } from "../../db/search.repository.js";
import type {
  MunicipalityRule,
  Principal,
  UserPrincipal,
} from "../../domain/access/principal.js";
import type {
  Municipality,
  Project,
} from "../../domain/catalogue/catalogue.js";
import { AppError, type InputProblem } from "../../errors.js";
import { listAuditEvents } from "../../db/audit.repository.js";
import { recordAudit, type RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  canEditProject,
  canEditStructure,
  canUseEditor,
  type ProjectScope,
} from "../policies/catalogue.policy.js";
import { validate } from "../validation/validate.js";
import { projectSearchEntries } from "./catalogue-document.js";
import { EditConflictError } from "./edit-conflict.js";

/** Where a request came from, when the caller does not say: nowhere known. */
export const UNKNOWN_ORIGIN: RequestOrigin = { ip: null };

/** What a change writes into the audit log (who, when and why are added by the runner). */
export interface ChangeRecord {
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | number | null;
  readonly entityLabel: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

/** The outcome of every change to a project: its new version and its new state. */
export interface ProjectChangeResult {
  readonly version: number;
  readonly project: Project;
}

/** The common fields of every project change. */
export interface ProjectChangeTarget {
  readonly municipality: string;
  readonly project: string;
  readonly expectedVersion: number;
  readonly reason?: string | null | undefined;
}

/** Checks an input against its schema; throws ERR_VALIDATION naming each problem. */
export function requireValid<S extends TSchema>(
  schema: S,
  input: unknown,
): Static<S> {
  const result = validate(schema, input);
  if (!result.ok)
    throw new AppError("ERR_VALIDATION", { problems: result.problems });
  return result.value;
}

/** Throws ERR_VALIDATION when rules beyond the schema found problems. */
export function rejectProblems(problems: readonly InputProblem[]): void {
  if (problems.length > 0) throw new AppError("ERR_VALIDATION", { problems });
}

/** A municipality by slug; throws ERR_MUNICIPALITY_NOT_FOUND. */
export async function requireMunicipality(
  db: Executor,
  slug: string,
): Promise<Municipality> {
  const municipality = await findMunicipalityBySlug(db, slug);
  if (municipality === null) throw new AppError("ERR_MUNICIPALITY_NOT_FOUND");
  return municipality;
}

/**
 * Logs a refused access (who tried what on which entity) and returns the error to throw.
 * Written in a transaction of its own: the refused change itself writes nothing.
 */
export async function refuse(
  ctx: AppContext,
  principal: Principal,
  entry: {
    readonly municipalityId: number;
    readonly attempted: string;
    readonly entityType: string;
    readonly entityId?: string | number | null;
    readonly entityLabel?: string | null;
    readonly projectId?: number | null;
  },
  origin: RequestOrigin,
): Promise<AppError> {
  if (principal.kind === "anonymous")
    return new AppError("ERR_UNAUTHENTICATED");
  await recordAudit(
    ctx.db,
    ctx,
    principal,
    {
      municipalityId: entry.municipalityId,
      action: "access.denied",
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      entityLabel: entry.entityLabel ?? null,
      projectId: entry.projectId ?? null,
      after: { attempted: entry.attempted, code: "ERR_FORBIDDEN" },
    },
    origin,
  );
  return new AppError("ERR_FORBIDDEN", { recorded: true });
}

/**
 * Requires that a policy allows the principal something in the whole municipality; logs the
 * refusal against the municipality and throws otherwise.
 */
export async function requireMunicipalityPermission(
  ctx: AppContext,
  principal: Principal,
  municipality: Municipality,
  allowed: MunicipalityRule,
  attempted: string,
  origin: RequestOrigin,
): Promise<UserPrincipal> {
  return entityGuard(allowed)(
    ctx,
    principal,
    municipality,
    attempted,
    {
      entityType: "municipality",
      entityId: municipality.id,
      entityLabel: municipality.name,
    },
    origin,
  );
}

/**
 * A guard: requires a policy in the municipality, logs the refusal and throws otherwise.
 * `bySlug` is the same for a use case that is given the municipality's slug: it finds the
 * municipality first (ERR_MUNICIPALITY_NOT_FOUND), so that the use case receives both.
 */
export type Guard<Rest extends unknown[]> = ((
  ctx: AppContext,
  principal: Principal,
  municipality: Municipality,
  ...rest: Rest
) => Promise<UserPrincipal>) & {
  readonly bySlug: (
    ctx: AppContext,
    principal: Principal,
    municipalitySlug: string,
    ...rest: Rest
  ) => Promise<{
    readonly municipality: Municipality;
    readonly user: UserPrincipal;
  }>;
};

/** Gives a guard its `bySlug`. */
function guard<Rest extends unknown[]>(
  check: (
    ctx: AppContext,
    principal: Principal,
    municipality: Municipality,
    ...rest: Rest
  ) => Promise<UserPrincipal>,
): Guard<Rest> {
  return Object.assign(check, {
    bySlug: async (
      ctx: AppContext,
      principal: Principal,
      municipalitySlug: string,
      ...rest: Rest
    ) => {
      const municipality = await requireMunicipality(ctx.db, municipalitySlug);
      const user = await check(ctx, principal, municipality, ...rest);
      return { municipality, user };
    },
  });
}

/** Requires a policy in the whole municipality; logs the refusal against the municipality. */
export type MunicipalityGuard = Guard<
  [attempted: string, origin: RequestOrigin]
>;

/** A guard that requires the policy `allowed` for the whole municipality (see requireMunicipalityPermission). */
export function municipalityGuard(
  allowed: MunicipalityRule,
): MunicipalityGuard {
  return guard(
    (ctx, principal, municipality, attempted: string, origin: RequestOrigin) =>
      requireMunicipalityPermission(
        ctx,
        principal,
        municipality,
        allowed,
        attempted,
        origin,
      ),
  );
}

/** What a guarded read works with once its guard admitted the principal. */
export interface GuardedRead {
  readonly ctx: AppContext;
  readonly municipality: Municipality;
  readonly user: UserPrincipal;
}

/**
 * A use case that reads in the municipality a slug names: `guard` admits the principal
 * (a refusal is logged as `attempted`), then `read` runs.
 */
export function guardedReader<R>(
  guard: MunicipalityGuard,
  attempted: string,
  read: (call: GuardedRead) => Promise<R>,
): (
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
  origin?: RequestOrigin,
) => Promise<R> {
  return async (ctx, principal, municipalitySlug, origin = UNKNOWN_ORIGIN) => {
    const { municipality, user } = await guard.bySlug(
      ctx,
      principal,
      municipalitySlug,
      attempted,
      origin,
    );
    return read({ ctx, municipality, user });
  };
}

/** Requires a signed-in administrator or editor of the municipality; logs and throws otherwise. */
export const requireEditor = municipalityGuard(canUseEditor);

/** The entity a guarded change is about, as a refusal logs it. */
export interface GuardedEntity {
  readonly entityType: string;
  readonly entityId?: string | number | null;
  readonly entityLabel?: string | null;
}

/** Requires a policy for a change of an entity of the municipality; logs the refusal and throws otherwise. */
export type EntityGuard = Guard<
  [attempted: string, entity: GuardedEntity, origin: RequestOrigin]
>;

/** A guard that requires the policy `allowed` in the municipality and logs a refusal against the entity. */
export function entityGuard(allowed: MunicipalityRule): EntityGuard {
  return guard(
    async (
      ctx,
      principal,
      municipality,
      attempted: string,
      entity: GuardedEntity,
      origin: RequestOrigin,
    ) => {
      if (allowed(principal, municipality.id))
        return principal as UserPrincipal;
      throw await refuse(
        ctx,
        principal,
        { municipalityId: municipality.id, attempted, ...entity },
        origin,
      );
    },
  );
}

/** Requires an administrator of the municipality (the catalogue's frame, new projects); logs and throws otherwise. */
export const requireAdministrator = entityGuard(canEditStructure);

/** What the policies need to know about a project. */
export function scopeOf(stored: StoredProject): ProjectScope {
  return {
    municipalityId: stored.municipalityId,
    responsibleOrgUnitCodes: stored.project.responsibilities.map(
      (responsibility) => responsibility.orgUnitCode,
    ),
  };
}

/** "2.5 E-Rechnungsworkflow": how a project is named in messages and the audit log. */
export function projectLabel(project: Pick<Project, "code" | "title">): string {
  return `${project.code} ${project.title}`;
}

/** The audit record of a change to the project's own data (fields, tags, responsibilities). */
export function projectRecord(
  action: string,
  project: Pick<Project, "id" | "code" | "title">,
  before: unknown,
  after: unknown,
): ChangeRecord {
  return {
    action,
    entityType: "project",
    entityId: project.id,
    entityLabel: projectLabel(project),
    before,
    after,
  };
}

/** Loads a project the principal may edit; throws not found, or logs and throws forbidden. */
export async function requireEditableProject(
  ctx: AppContext,
  principal: Principal,
  municipality: Municipality,
  projectSlug: string,
  attempted: string,
  origin: RequestOrigin,
): Promise<StoredProject> {
  await requireEditor(ctx, principal, municipality, attempted, origin);
  const stored = await loadStoredProject(ctx.db, municipality.id, projectSlug);
  if (stored === null) throw new AppError("ERR_PROJECT_NOT_FOUND");
  if (!canEditProject(principal, scopeOf(stored))) {
    throw await refuse(
      ctx,
      principal,
      {
        municipalityId: municipality.id,
        attempted,
        entityType: "project",
        entityId: stored.project.id,
        entityLabel: projectLabel(stored.project),
        projectId: stored.project.id,
      },
      origin,
    );
  }
  return stored;
}

/** The conflict for a project: what is stored now and what happened since the expected version. */
export async function projectConflict(
  ctx: AppContext,
  municipalityId: number,
  projectSlug: string,
  projectId: number,
  expectedVersion: number,
): Promise<EditConflictError> {
  const current = await loadStoredProject(ctx.db, municipalityId, projectSlug);
  const changes = await listAuditEvents(ctx.db, {
    municipalityId,
    projectId,
    afterVersion: expectedVersion,
    limit: 50,
  });
  return new EditConflictError({
    currentVersion: current?.project.version ?? null,
    current: { kind: "project", project: current?.project ?? null },
    changes: changes.filter((event) => event.action !== "access.denied"),
  });
}

/** Thrown inside a transaction to roll it back when the version claim fails. */
class VersionClaimFailed extends Error {}

/**
 * Runs a change to a project (its fields or any of its parts) with all shared steps. `apply`
 * writes inside the transaction and describes the change for the audit log; it receives the
 * project as it was (and still is, since its version was claimed unchanged).
 */
export async function changeProject<T = undefined>(
  ctx: AppContext,
  principal: Principal,
  target: ProjectChangeTarget,
  attempted: string,
  origin: RequestOrigin,
  apply: (
    trx: Transaction<Database>,
    before: StoredProject,
  ) => Promise<{ readonly record: ChangeRecord; readonly value: T }>,
): Promise<ProjectChangeResult & { readonly value: T }> {
  const municipality = await requireMunicipality(ctx.db, target.municipality);
  const stored = await requireEditableProject(
    ctx,
    principal,
    municipality,
    target.project,
    attempted,
    origin,
  );
  const projectId = stored.project.id;
  const conflict = () =>
    projectConflict(
      ctx,
      municipality.id,
      target.project,
      projectId,
      target.expectedVersion,
    );
  if (stored.project.version !== target.expectedVersion) throw await conflict();
  const now = ctx.clock().toISOString();
  const version = target.expectedVersion + 1;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      if (
        !(await claimProjectVersion(
          trx,
          projectId,
          target.expectedVersion,
          now,
        ))
      )
        throw new VersionClaimFailed();
      // Next the municipality's row: every writer takes the entity first and the municipality
      // second, so writers of one municipality are serialised here without deadlocks, and a
      // rule over the whole catalogue (no dependency cycle) sees every committed change.
      await bumpDataVersion(trx, municipality.id, now, "draft");
      const { record, value } = await apply(trx, stored);
      const after = await loadStoredProject(
        trx,
        municipality.id,
        stored.project.slug,
      );
      if (after === null) throw new Error("project vanished during its change");
      await replaceProjectSearchEntries(
        trx,
        municipality.id,
        projectId,
        projectSearchEntries(
          after.project,
          after.actionField.name,
          after.impactArea.name,
        ),
      );
      await recordAudit(
        trx,
        ctx,
        principal,
        {
          municipalityId: municipality.id,
          ...record,
          projectId,
          reason: target.reason ?? null,
          version,
        },
        origin,
      );
      return { version, project: after.project, value };
    });
  } catch (error) {
    if (error instanceof VersionClaimFailed) throw await conflict();
    throw error;
  }
}

/** A use case as every one is called: context, who acts, the input, where the request came from. */
export type CatalogueUseCase<I, R> = (
  ctx: AppContext,
  principal: Principal,
  input: I,
  origin?: RequestOrigin,
) => Promise<R>;

/** A use case's call once its input is valid and the municipality it names is found. */
export interface MunicipalityCall<I> {
  readonly ctx: AppContext;
  readonly principal: Principal;
  readonly municipality: Municipality;
  readonly valid: I;
  readonly origin: RequestOrigin;
}

/**
 * A use case in one municipality: checks the input against `schema`, finds the municipality
 * it names (ERR_MUNICIPALITY_NOT_FOUND), then runs `run` with both.
 */
export function municipalityUseCase<
  S extends TSchema & { static: { readonly municipality: string } },
  R,
>(
  schema: S,
  run: (call: MunicipalityCall<Static<S>>) => Promise<R>,
): CatalogueUseCase<Static<S>, R> {
  return async (ctx, principal, input, origin = UNKNOWN_ORIGIN) => {
    const valid = requireValid(schema, input);
    const municipality = await requireMunicipality(ctx.db, valid.municipality);
    return run({ ctx, principal, municipality, valid, origin });
  };
}

/** What a project use case does once its input is valid: the audit action and the write. */
export interface ProjectChange<T> {
  readonly action: string;
  /** Writes inside the transaction (see changeProject) and describes the change. */
  readonly apply: (
    trx: Transaction<Database>,
    before: StoredProject,
  ) => Promise<{ readonly record: ChangeRecord; readonly value: T }>;
}

/**
 * A use case that changes one project: checks the input against `schema`, then lets
 * `changeOf` apply the rules that need nothing stored (answered before anything is loaded)
 * and name the change, which runs with all shared steps of changeProject.
 */
export function projectUseCase<
  S extends TSchema & { static: ProjectChangeTarget },
  T = undefined,
>(
  schema: S,
  changeOf: (valid: Static<S>) => ProjectChange<T>,
): CatalogueUseCase<Static<S>, ProjectChangeResult & { readonly value: T }> {
  return async (ctx, principal, input, origin = UNKNOWN_ORIGIN) => {
    const valid = requireValid(schema, input);
    const { action, apply } = changeOf(valid);
    return changeProject(ctx, principal, valid, action, origin, apply);
  };
}

/** The same use case answering with its result reshaped (a new part's id under its own name). */
export function reshaped<I, A, B>(
  useCase: CatalogueUseCase<I, A>,
  reshape: (result: A) => B,
): CatalogueUseCase<I, B> {
  return async (ctx, principal, input, origin) =>
    reshape(await useCase(ctx, principal, input, origin));
}

/** Thrown inside a transaction when a versioned row was changed meanwhile; the caller builds the conflict. */
class StaleVersion extends Error {}

/**
 * Runs a change to a versioned record of the catalogue's frame (programme, impact area,
 * action field, org unit): claim → mark the municipality changed → write → audit, in one
 * transaction. `claim` returns false when the version is stale; `conflict` then describes
 * what is stored now.
 */
export async function changeStructure<T>(
  ctx: AppContext,
  principal: Principal,
  municipality: Municipality,
  options: {
    readonly expectedVersion: number | null;
    readonly reason?: string | null | undefined;
    /** Absent for a new record, which has no version to claim yet. */
    readonly claim?: (trx: Transaction<Database>) => Promise<boolean>;
    readonly conflict?: () => Promise<EditConflictError>;
  },
  origin: RequestOrigin,
  apply: (
    trx: Transaction<Database>,
  ) => Promise<{ readonly record: ChangeRecord; readonly value: T }>,
): Promise<T> {
  const now = ctx.clock().toISOString();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      if (options.claim !== undefined && !(await options.claim(trx)))
        throw new StaleVersion();
      await bumpDataVersion(trx, municipality.id, now, "draft");
      const { record, value } = await apply(trx);
      await recordAudit(
        trx,
        ctx,
        principal,
        {
          municipalityId: municipality.id,
          ...record,
          reason: options.reason ?? null,
          version:
            options.expectedVersion === null ? 1 : options.expectedVersion + 1,
        },
        origin,
      );
      return value;
    });
  } catch (error) {
    if (error instanceof StaleVersion && options.conflict !== undefined)
      throw await options.conflict();
    throw error;
  }
}

/** Trims a text and turns an empty one into null. */
export function optionalText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

/** "darf nicht leer sein" for a required text that is empty after trimming; no problem otherwise. */
export function blankProblems(trimmed: string, path: string): InputProblem[] {
  return trimmed === "" ? [{ path, message: "darf nicht leer sein" }] : [];
}
