/**
 * A change based on a stale version: someone else saved in between. The error carries
 * what is stored now and the changes made since the caller's version (from the audit
 * log), so that a form can show field by field what the other person changed, and the
 * API can answer 412 with the current state.
 */
import type {
  Goal,
  OrgUnitKind,
  Project,
} from "../../domain/catalogue/catalogue.js";
import { AppError } from "../../errors.js";
import type { AuditEvent } from "../audit/record-audit.js";

/** A priority of a year, as the programme editor sees it. */
export interface PriorityState {
  readonly year: number;
  readonly title: string;
  readonly projectSlugs: readonly string[];
}

/** The programme's frame as stored. */
export interface ProgrammeState {
  readonly title: string;
  readonly subtitle: string | null;
  readonly horizonStart: number;
  readonly horizonEnd: number;
  readonly summary: string | null;
  readonly goals: readonly Goal[];
  readonly priorities: readonly PriorityState[];
  readonly version: number;
}

/** An impact area as stored. */
export interface ImpactAreaState {
  readonly key: string;
  readonly name: string;
  readonly description: string | null;
  readonly version: number;
}

/** An action field as stored. */
export interface ActionFieldState {
  readonly key: string;
  readonly impactAreaKey: string;
  readonly number: number;
  readonly name: string;
  readonly colour: string;
  readonly description: string | null;
  readonly version: number;
}

/** An org unit as stored. */
export interface OrgUnitState {
  readonly code: string;
  readonly name: string;
  readonly kind: OrgUnitKind;
  readonly parentCode: string | null;
  readonly version: number;
}

/** What is stored now; `null` inside means the record has been deleted meanwhile. */
export type ConflictState =
  | { readonly kind: "project"; readonly project: Project | null }
  | { readonly kind: "programme"; readonly programme: ProgrammeState }
  | { readonly kind: "impactArea"; readonly impactArea: ImpactAreaState | null }
  | {
      readonly kind: "actionField";
      readonly actionField: ActionFieldState | null;
    }
  | { readonly kind: "orgUnit"; readonly orgUnit: OrgUnitState | null };

/** ERR_CONFLICT with the current state and the changes since the expected version. */
export class EditConflictError extends AppError {
  /** The version stored now; null when the record was deleted. */
  readonly currentVersion: number | null;
  readonly current: ConflictState;
  /** Audit events of the changes after the caller's version, newest first. */
  readonly changes: readonly AuditEvent[];

  constructor(options: {
    currentVersion: number | null;
    current: ConflictState;
    changes: readonly AuditEvent[];
  }) {
    super("ERR_CONFLICT", {
      detail:
        options.currentVersion === null
          ? "Der Eintrag wurde inzwischen gelöscht."
          : `Gespeichert ist inzwischen Version ${options.currentVersion}.`,
    });
    this.name = "EditConflictError";
    this.currentVersion = options.currentVersion;
    this.current = options.current;
    this.changes = options.changes;
  }
}

/** Whether an error is a stale-version conflict with its details. */
export function isEditConflict(error: unknown): error is EditConflictError {
  return error instanceof EditConflictError;
}
