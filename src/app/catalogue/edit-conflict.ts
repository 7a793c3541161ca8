/**
 * A change based on a stale version: someone else saved in between. The error carries
 * what is stored now and the changes made since the caller's version (from the audit
 * log), so that a form can show field by field what the other person changed, and the
 * API can answer 412 with the current state.
 */
import type {
  ActionField,
  ImpactArea,
  OrgUnit,
  Programme,
  Project,
} from "../../domain/catalogue/catalogue.js";
import { AppError } from "../../errors.js";
import type { AuditEvent } from "../audit/record-audit.js";

/** The programme's frame as stored (without its levels and kinds of org units). */
export interface ProgrammeState extends Pick<
  Programme,
  | "title"
  | "subtitle"
  | "horizonStart"
  | "horizonEnd"
  | "summary"
  | "goals"
  | "priorities"
> {
  readonly version: number;
}

/** An impact area as stored (without its action fields). */
export interface ImpactAreaState extends Pick<
  ImpactArea,
  "key" | "name" | "description"
> {
  readonly version: number;
}

/** An action field as stored, naming its impact area (without its projects). */
export interface ActionFieldState extends Pick<
  ActionField,
  "key" | "number" | "name" | "colour" | "description"
> {
  readonly impactAreaKey: string;
  readonly version: number;
}

/** An org unit as stored. */
export interface OrgUnitState extends Omit<OrgUnit, "id"> {
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
