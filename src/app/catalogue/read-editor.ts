/**
 * What the editor pages read: the projects a person may edit, one project to edit, and the
 * catalogue's frame with its versions. Every read checks the policies; a refusal is logged.
 */
import type {
  Principal,
  UserPrincipal,
} from "../../domain/access/principal.js";
import {
  dependentsOfProject,
  findProject,
  listProjects,
  type Catalogue,
  type ProjectInContext,
} from "../../domain/catalogue/catalogue.js";
import { AppError } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { canReadAudit } from "../policies/audit.policy.js";
import {
  canEditProject,
  canEditStructure,
} from "../policies/catalogue.policy.js";
import type {
  ActionFieldState,
  ImpactAreaState,
  OrgUnitState,
  ProgrammeState,
} from "./edit-conflict.js";
import {
  projectLabel,
  refuse,
  requireEditor,
  requireMunicipalityPermission,
  guardedReader,
  UNKNOWN_ORIGIN,
} from "./edit-support.js";
import { getCatalogue } from "./read-catalogue.js";
import {
  loadStructureState,
  programmeState,
  requireProgramme,
} from "./structure-state.js";

/** What a person may do in the editor of a municipality. */
export interface EditorRights {
  readonly isAdministrator: boolean;
  readonly canReadAudit: boolean;
}

/** The start page of the editor: the projects the person may edit. */
export interface EditorOverview {
  readonly catalogue: Catalogue;
  readonly principal: UserPrincipal;
  readonly rights: EditorRights;
  /** Editors: the projects of their org units; administrators: all, in catalogue order. */
  readonly projects: readonly ProjectInContext[];
}

/** What the person may do in the editor of the municipality (the menu shows it). */
export function editorRightsOf(
  principal: UserPrincipal,
  municipalityId: number,
): EditorRights {
  return {
    isAdministrator: canEditStructure(principal, municipalityId),
    canReadAudit: canReadAudit(principal, municipalityId),
  };
}

function scopeOfEntry(catalogue: Catalogue, entry: ProjectInContext) {
  return {
    municipalityId: catalogue.municipality.id,
    responsibleOrgUnitCodes: entry.project.responsibilities.map(
      (responsibility) => responsibility.orgUnitCode,
    ),
  };
}

/** The editor's start page; ERR_FORBIDDEN (logged) for anyone but administrators and editors of the municipality. */
export const getEditorOverview = guardedReader(
  requireEditor,
  "editor.read",
  async ({ ctx, municipality, user }): Promise<EditorOverview> => {
    const catalogue = await getCatalogue(ctx, municipality.slug);
    const projects = listProjects(catalogue).filter((entry) =>
      canEditProject(user, scopeOfEntry(catalogue, entry)),
    );
    return {
      catalogue,
      principal: user,
      rights: editorRightsOf(user, municipality.id),
      projects,
    };
  },
);

/** A project to edit, with its catalogue (org units, other projects) and what depends on it. */
export interface ProjectForEditing {
  readonly catalogue: Catalogue;
  readonly principal: UserPrincipal;
  readonly rights: EditorRights;
  readonly entry: ProjectInContext;
  readonly dependents: readonly ProjectInContext[];
}

/** One project for its edit page; ERR_PROJECT_NOT_FOUND, or ERR_FORBIDDEN (logged) for a project of another department. */
export async function getProjectForEditing(
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
  projectSlug: string,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ProjectForEditing> {
  const { municipality, user } = await requireEditor.bySlug(
    ctx,
    principal,
    municipalitySlug,
    "project.read",
    origin,
  );
  const catalogue = await getCatalogue(ctx, municipalitySlug);
  const entry = findProject(catalogue, projectSlug);
  if (entry === null) throw new AppError("ERR_PROJECT_NOT_FOUND");
  if (!canEditProject(user, scopeOfEntry(catalogue, entry))) {
    throw await refuse(
      ctx,
      principal,
      {
        municipalityId: municipality.id,
        attempted: "project.read",
        entityType: "project",
        entityId: entry.project.id,
        entityLabel: projectLabel(entry.project),
        projectId: entry.project.id,
      },
      origin,
    );
  }
  return {
    catalogue,
    principal: user,
    rights: editorRightsOf(user, municipality.id),
    entry,
    dependents: dependentsOfProject(catalogue, projectSlug),
  };
}

/** The catalogue's frame with the versions its forms need (administrators). */
export interface StructureForEditing {
  readonly catalogue: Catalogue;
  readonly principal: UserPrincipal;
  readonly rights: EditorRights;
  readonly programme: ProgrammeState;
  readonly impactAreas: readonly ImpactAreaState[];
  readonly actionFields: readonly ActionFieldState[];
  readonly orgUnits: readonly OrgUnitState[];
}

/** Programme, impact areas, action fields and org units for their forms; ERR_FORBIDDEN (logged) for editors. */
export async function getStructureForEditing(
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<StructureForEditing> {
  // Editors first (anyone else is refused as for the editor), then administrators only.
  const { municipality, user } = await requireEditor.bySlug(
    ctx,
    principal,
    municipalitySlug,
    "structure.read",
    origin,
  );
  await requireMunicipalityPermission(
    ctx,
    principal,
    municipality,
    canEditStructure,
    "structure.read",
    origin,
  );
  const [catalogue, programme, structure] = await Promise.all([
    getCatalogue(ctx, municipalitySlug),
    requireProgramme(ctx.db, municipality.id),
    loadStructureState(ctx.db, municipality.id),
  ]);
  return {
    catalogue,
    principal: user,
    rights: editorRightsOf(user, municipality.id),
    programme: programmeState(programme),
    ...structure,
  };
}
