/**
 * Changing one addressed part of a project (a measure or a phase): the shared steps of
 * `changeProject`, plus finding the part by id and the not-found answer when it is gone.
 */
import type { Transaction } from "kysely";
import type { Database } from "../../db/database.js";
import type { Principal } from "../../domain/access/principal.js";
import type {
  Measure,
  Phase,
  Project,
} from "../../domain/catalogue/catalogue.js";
import { AppError } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  changeProject,
  projectLabel,
  type ProjectChangeResult,
  type ProjectChangeTarget,
} from "./edit-support.js";

/** A kind of project part: where the project lists it and what to say when it is gone. */
export interface ProjectPartKind<P extends { readonly id: number }> {
  readonly entityType: string;
  readonly partsOf: (project: Project) => readonly P[];
  readonly missing: string;
}

export const MEASURE_PART: ProjectPartKind<Measure> = {
  entityType: "measure",
  partsOf: (project) => project.measures,
  missing: "Diese Einzelmaßnahme gehört nicht (mehr) zum Projekt.",
};

export const PHASE_PART: ProjectPartKind<Phase> = {
  entityType: "phase",
  partsOf: (project) => project.phases,
  missing: "Diese Phase gehört nicht (mehr) zum Projekt.",
};

/** What a part's change tells the audit log; `label` names the part after the change. */
export interface ProjectPartChange {
  readonly label: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * Runs a change to one part of a project. `write` receives the part as it was and returns
 * false when its row was no longer there; both a missing part and a missing row are
 * ERR_NOT_FOUND, and the transaction writes nothing.
 */
export function changeProjectPart<P extends { readonly id: number }>(
  ctx: AppContext,
  principal: Principal,
  target: ProjectChangeTarget,
  part: { readonly kind: ProjectPartKind<P>; readonly id: number },
  action: string,
  origin: RequestOrigin,
  write: (
    trx: Transaction<Database>,
    previous: P,
    projectId: number,
  ) => Promise<boolean>,
  describe: (previous: P) => ProjectPartChange,
): Promise<ProjectChangeResult> {
  return changeProject(
    ctx,
    principal,
    target,
    action,
    origin,
    async (trx, before) => {
      const previous = part.kind
        .partsOf(before.project)
        .find((candidate) => candidate.id === part.id);
      if (
        previous === undefined ||
        !(await write(trx, previous, before.project.id))
      )
        throw new AppError("ERR_NOT_FOUND", { detail: part.kind.missing });
      const change = describe(previous);
      return {
        value: undefined,
        record: {
          action,
          entityType: part.kind.entityType,
          entityId: part.id,
          entityLabel: `${projectLabel(before.project)} – ${change.label}`,
          before: change.before,
          after: change.after,
        },
      };
    },
  );
}
