/**
 * Changing the parts of a project (its measures and phases): appending one, and changing
 * one addressed by id, with the not-found answer when it is gone.
 */
import type { Transaction } from "kysely";
import type { Database } from "../../db/database.js";
import type {
  Measure,
  Phase,
  Project,
} from "../../domain/catalogue/catalogue.js";
import {
  deleteMeasureRow,
  deletePhaseRow,
} from "../../db/project.repository.js";
import { AppError } from "../../errors.js";
import {
  projectLabel,
  type ChangeRecord,
  type ProjectChange,
} from "./edit-support.js";
import { measureSnapshot, phaseSnapshot } from "./snapshots.js";

/**
 * A kind of project part: where the project lists it, what to say when it is gone, how the
 * audit log names and records it, and how its row is deleted.
 */
export interface ProjectPartKind<P extends { readonly id: number }> {
  readonly entityType: string;
  readonly partsOf: (project: Project) => readonly P[];
  readonly missing: string;
  readonly labelOf: (part: Omit<P, "id">) => string;
  readonly snapshot: (part: Omit<P, "id">) => unknown;
  readonly deleteRow: (
    trx: Transaction<Database>,
    projectId: number,
    id: number,
  ) => Promise<boolean>;
}

export const MEASURE_PART: ProjectPartKind<Measure> = {
  entityType: "measure",
  partsOf: (project) => project.measures,
  missing: "Diese Einzelmaßnahme gehört nicht (mehr) zum Projekt.",
  labelOf: (measure) => measure.title,
  snapshot: measureSnapshot,
  deleteRow: deleteMeasureRow,
};

export const PHASE_PART: ProjectPartKind<Phase> = {
  entityType: "phase",
  partsOf: (project) => project.phases,
  missing: "Diese Phase gehört nicht (mehr) zum Projekt.",
  labelOf: (phase) => phase.label,
  snapshot: phaseSnapshot,
  deleteRow: deletePhaseRow,
};

/** What a part's change tells the audit log; `label` names the part after the change. */
export interface ProjectPartChange {
  readonly label: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** The audit record of a change to one part of a project. */
export function partRecord<P extends { readonly id: number }>(
  action: string,
  kind: ProjectPartKind<P>,
  id: number,
  project: Pick<Project, "code" | "title">,
  change: ProjectPartChange,
): ChangeRecord {
  return {
    action,
    entityType: kind.entityType,
    entityId: id,
    entityLabel: `${projectLabel(project)} – ${change.label}`,
    before: change.before,
    after: change.after,
  };
}

/**
 * A change to one existing part of a project. `write` receives the part as it was and
 * returns false when its row was no longer there; both a missing part and a missing row
 * are ERR_NOT_FOUND, and the transaction writes nothing.
 */
export function partChange<P extends { readonly id: number }>(
  part: { readonly kind: ProjectPartKind<P>; readonly id: number },
  action: string,
  write: (
    trx: Transaction<Database>,
    previous: P,
    projectId: number,
  ) => Promise<boolean>,
  describe: (previous: P) => ProjectPartChange,
): ProjectChange<undefined> {
  return {
    action,
    apply: async (trx, before) => {
      const previous = part.kind
        .partsOf(before.project)
        .find((candidate) => candidate.id === part.id);
      if (
        previous === undefined ||
        !(await write(trx, previous, before.project.id))
      )
        throw new AppError("ERR_NOT_FOUND", { detail: part.kind.missing });
      return {
        value: undefined,
        record: partRecord(
          action,
          part.kind,
          part.id,
          before.project,
          describe(previous),
        ),
      };
    },
  };
}

/** Removing one part of a project; ERR_NOT_FOUND when the project has no such part. */
export function removedPart<P extends { readonly id: number }>(
  kind: ProjectPartKind<P>,
  id: number,
  action: string,
): ProjectChange<undefined> {
  return partChange(
    { kind, id },
    action,
    (trx, _previous, projectId) => kind.deleteRow(trx, projectId, id),
    (previous) => ({
      label: kind.labelOf(previous),
      before: kind.snapshot(previous),
      after: null,
    }),
  );
}

/**
 * A new part appended to a project: `insert` writes its values and returns its id. The use
 * case's value is the new id.
 */
export function addedPart<P extends { readonly id: number }>(
  kind: ProjectPartKind<P>,
  action: string,
  values: Omit<P, "id">,
  insert: (trx: Transaction<Database>, projectId: number) => Promise<number>,
): ProjectChange<number> {
  return {
    action,
    apply: async (trx, before) => {
      const id = await insert(trx, before.project.id);
      return {
        value: id,
        record: partRecord(action, kind, id, before.project, {
          label: kind.labelOf(values),
          before: null,
          after: kind.snapshot(values),
        }),
      };
    },
  };
}
