/**
 * The changes of the change report (Veränderungen gegenüber der letzten Fortschreibung)
 * as typed records. Each has a stable `kind` and a stable `key` built only from ids
 * (never from the values that changed), so a reason recorded for "the end of phase 211
 * moved" stays attached when the draft is edited again before publishing. Key formats:
 * "{kind}:project-{id}", "{kind}:project-{id}:phase-{id}", "…:measure-{id}",
 * "…:org-unit-{code}", "…:needs:project-{id}", "priority-…:{year}:{title}",
 * "programme-horizon-changed".
 */

import type {
  ActionField,
  ImpactArea,
  MeasureStatus,
  ProjectStatus,
  ResponsibilityRole,
} from "../catalogue/catalogue.js";
import type { Continuation, Period } from "../period/period.js";
import type { PointInTime, Shift } from "../period/point-in-time.js";

// ---------------------------------------------------------------------------
// References: enough of a record to name it without the catalogue at hand

/** A shift that actually moves something (never "none"). */
export type ActualShift = Exclude<Shift, { readonly direction: "none" }>;

/** An impact area as named in a change. */
export interface ImpactAreaRef {
  readonly id: number;
  readonly key: string;
  readonly name: string;
}

/** Names an impact area in a change. */
export function impactAreaRef(area: ImpactArea): ImpactAreaRef {
  return { id: area.id, key: area.key, name: area.name };
}

/** An action field as named in a change. */
export interface ActionFieldRef {
  readonly id: number;
  readonly key: string;
  readonly number: number;
  readonly name: string;
}

/** Names an action field in a change. */
export function actionFieldRef(field: ActionField): ActionFieldRef {
  return {
    id: field.id,
    key: field.key,
    number: field.number,
    name: field.name,
  };
}

/**
 * A project as named in a change: as it is in the after-snapshot, or for a removed project
 * as it was, placed in its old action field's counterpart in the after-snapshot when that
 * field still exists (so the summary counts it there).
 */
export interface ProjectRef {
  /** Identity across both snapshots ("project-12"), the prefix of its changes' keys. */
  readonly key: string;
  readonly id: number;
  readonly slug: string;
  readonly code: string;
  readonly title: string;
  readonly actionField: ActionFieldRef;
  readonly impactArea: ImpactAreaRef;
}

/** A phase as named in a change (its label after the change, or before removal). */
export interface PhaseRef {
  readonly id: number;
  readonly label: string;
}

/** A measure as named in a change. */
export interface MeasureRef {
  readonly id: number;
  readonly title: string;
}

/** A project named by slug (a prerequisite, a priority's project); code and title when known. */
export interface ProjectMention {
  readonly slug: string;
  readonly code: string | null;
  readonly title: string | null;
}

/** The years a programme covers, both inclusive. */
export interface ProgrammeHorizon {
  readonly startYear: number;
  readonly endYear: number;
}

/** Where a project sits: its action field and impact area. */
export interface ProjectPlacement {
  readonly actionField: ActionFieldRef;
  readonly impactArea: ImpactAreaRef;
}

// ---------------------------------------------------------------------------
// Changes

/** The programme's horizon (Zeithorizont) changed. */
export interface ProgrammeHorizonChanged {
  readonly kind: "programme-horizon-changed";
  readonly key: string;
  readonly from: ProgrammeHorizon;
  readonly to: ProgrammeHorizon;
}

/** A priority of a year was added. */
export interface PriorityAdded {
  readonly kind: "priority-added";
  readonly key: string;
  readonly year: number;
  readonly title: string;
  readonly projects: readonly ProjectMention[];
}

/** A priority of a year was removed. */
export interface PriorityRemoved {
  readonly kind: "priority-removed";
  readonly key: string;
  readonly year: number;
  readonly title: string;
  readonly projects: readonly ProjectMention[];
}

/** A priority (same year and title) now names other projects. */
export interface PriorityProjectsChanged {
  readonly kind: "priority-projects-changed";
  readonly key: string;
  readonly year: number;
  readonly title: string;
  readonly added: readonly ProjectMention[];
  readonly removed: readonly ProjectMention[];
}

/** A project was added to the catalogue. */
export interface ProjectAdded {
  readonly kind: "project-added";
  readonly key: string;
  readonly project: ProjectRef;
}

/** A project was removed from the catalogue. */
export interface ProjectRemoved {
  readonly kind: "project-removed";
  readonly key: string;
  readonly project: ProjectRef;
}

/** A project's title changed. */
export interface ProjectRenamed {
  readonly kind: "project-renamed";
  readonly key: string;
  readonly project: ProjectRef;
  readonly from: string;
  readonly to: string;
}

/** A project's number (code, e.g. "2.9") changed. */
export interface ProjectCodeChanged {
  readonly kind: "project-code-changed";
  readonly key: string;
  readonly project: ProjectRef;
  readonly from: string;
  readonly to: string;
}

/** A project moved to another action field (and perhaps impact area). */
export interface ProjectMoved {
  readonly kind: "project-moved";
  readonly key: string;
  readonly project: ProjectRef;
  readonly from: ProjectPlacement;
  readonly to: ProjectPlacement;
  readonly impactAreaChanged: boolean;
}

/** A project's status changed. */
export interface ProjectStatusChanged {
  readonly kind: "project-status-changed";
  readonly key: string;
  readonly project: ProjectRef;
  readonly from: ProjectStatus;
  readonly to: ProjectStatus;
}

/**
 * How the actual finish of a project was determined: from the updated plan (the end of its
 * last finite phase in the after-snapshot) or, when the plan was left as it was, from the
 * day of the after-snapshot (`asOf`).
 */
export type FinishBasis = "plan" | "as-of";

/** A project was completed before its planned finish (see `plannedFinishOf`). */
export interface ProjectFinishedEarly {
  readonly kind: "project-finished-early";
  readonly key: string;
  readonly project: ProjectRef;
  /** The phase whose end is the finish, or null for basis "as-of" with no phase at hand. */
  readonly phase: PhaseRef | null;
  /** The planned finish in the before-snapshot. */
  readonly from: PointInTime;
  /** The actual finish. */
  readonly to: PointInTime;
  readonly shift: ActualShift;
  readonly basis: FinishBasis;
}

/** A project was completed after its planned finish (see `plannedFinishOf`). */
export interface ProjectFinishedLate {
  readonly kind: "project-finished-late";
  readonly key: string;
  readonly project: ProjectRef;
  readonly phase: PhaseRef | null;
  readonly from: PointInTime;
  readonly to: PointInTime;
  readonly shift: ActualShift;
  readonly basis: FinishBasis;
}

/** A phase was added to a project. */
export interface PhaseAdded {
  readonly kind: "phase-added";
  readonly key: string;
  readonly project: ProjectRef;
  readonly phase: PhaseRef;
  readonly period: Period;
}

/** A phase was removed from a project. */
export interface PhaseRemoved {
  readonly kind: "phase-removed";
  readonly key: string;
  readonly project: ProjectRef;
  readonly phase: PhaseRef;
  readonly period: Period;
}

/** A phase's label changed. */
export interface PhaseRelabelled {
  readonly kind: "phase-relabelled";
  readonly key: string;
  readonly project: ProjectRef;
  readonly phase: PhaseRef;
  readonly from: string;
  readonly to: string;
}

/** A phase's start moved (measured at the coarser of the two precisions). */
export interface PhaseStartShifted {
  readonly kind: "phase-start-shifted";
  readonly key: string;
  readonly project: ProjectRef;
  readonly phase: PhaseRef;
  readonly from: PointInTime;
  readonly to: PointInTime;
  readonly shift: ActualShift;
}

/** A phase's end moved (measured at the coarser of the two precisions). */
export interface PhaseEndShifted {
  readonly kind: "phase-end-shifted";
  readonly key: string;
  readonly project: ProjectRef;
  readonly phase: PhaseRef;
  readonly from: PointInTime;
  readonly to: PointInTime;
  readonly shift: ActualShift;
}

/**
 * "finer": the new point lies inside the old one ("2023" → "2023-Q4"); "coarser": the old
 * point lies inside the new one ("2023-Q2" → "2023").
 */
export type PrecisionChange = "finer" | "coarser";

/** A phase's start was given more or less precisely without leaving the old point. */
export interface PhaseStartPrecisionChanged {
  readonly kind: "phase-start-precision-changed";
  readonly key: string;
  readonly project: ProjectRef;
  readonly phase: PhaseRef;
  readonly from: PointInTime;
  readonly to: PointInTime;
  readonly precision: PrecisionChange;
}

/** A phase's end was given more or less precisely without leaving the old point. */
export interface PhaseEndPrecisionChanged {
  readonly kind: "phase-end-precision-changed";
  readonly key: string;
  readonly project: ProjectRef;
  readonly phase: PhaseRef;
  readonly from: PointInTime;
  readonly to: PointInTime;
  readonly precision: PrecisionChange;
}

/** A continuation before and after a change. */
export interface ContinuationChange {
  readonly from: Continuation | null;
  readonly to: Continuation | null;
}

/** A phase that had an end now runs on without one. */
export interface PhaseOpenEndAdded {
  readonly kind: "phase-open-end-added";
  readonly key: string;
  readonly project: ProjectRef;
  readonly phase: PhaseRef;
  /** The end the phase had. */
  readonly from: PointInTime;
  readonly continuation: ContinuationChange;
}

/** A phase that ran on without end now has one. */
export interface PhaseOpenEndRemoved {
  readonly kind: "phase-open-end-removed";
  readonly key: string;
  readonly project: ProjectRef;
  readonly phase: PhaseRef;
  /** The end the phase has now. */
  readonly to: PointInTime;
  readonly continuation: ContinuationChange;
}

/** How a phase continues changed ("danach laufend" ↔ "Daueraufgabe" ↔ none), ends alike. */
export interface PhaseContinuationChanged {
  readonly kind: "phase-continuation-changed";
  readonly key: string;
  readonly project: ProjectRef;
  readonly phase: PhaseRef;
  readonly from: Continuation | null;
  readonly to: Continuation | null;
}

/** A measure was added to a project. */
export interface MeasureAdded {
  readonly kind: "measure-added";
  readonly key: string;
  readonly project: ProjectRef;
  readonly measure: MeasureRef;
  readonly status: MeasureStatus;
}

/** A measure was removed from a project. */
export interface MeasureRemoved {
  readonly kind: "measure-removed";
  readonly key: string;
  readonly project: ProjectRef;
  readonly measure: MeasureRef;
  readonly status: MeasureStatus;
}

/** A measure's title changed. */
export interface MeasureRenamed {
  readonly kind: "measure-renamed";
  readonly key: string;
  readonly project: ProjectRef;
  readonly measure: MeasureRef;
  readonly from: string;
  readonly to: string;
}

/** A measure's status changed. */
export interface MeasureStatusChanged {
  readonly kind: "measure-status-changed";
  readonly key: string;
  readonly project: ProjectRef;
  readonly measure: MeasureRef;
  readonly from: MeasureStatus;
  readonly to: MeasureStatus;
}

/** A dated measure's start moved (a shift that needs a reason, like a phase's). */
export interface MeasureStartShifted {
  readonly kind: "measure-start-shifted";
  readonly key: string;
  readonly project: ProjectRef;
  readonly measure: MeasureRef;
  readonly from: PointInTime;
  readonly to: PointInTime;
  readonly shift: ActualShift;
}

/** A dated measure's end moved (a shift that needs a reason, like a phase's). */
export interface MeasureEndShifted {
  readonly kind: "measure-end-shifted";
  readonly key: string;
  readonly project: ProjectRef;
  readonly measure: MeasureRef;
  readonly from: PointInTime;
  readonly to: PointInTime;
  readonly shift: ActualShift;
}

/** An org unit as named in a responsibility change. */
export interface OrgUnitRef {
  readonly code: string;
  /** The unit's name, or its code when the catalogue does not list it. */
  readonly name: string;
}

/** A unit became responsible for a project. */
export interface ResponsibilityAdded {
  readonly kind: "responsibility-added";
  readonly key: string;
  readonly project: ProjectRef;
  readonly orgUnit: OrgUnitRef;
  readonly role: ResponsibilityRole;
}

/** A unit is no longer responsible for a project. */
export interface ResponsibilityRemoved {
  readonly kind: "responsibility-removed";
  readonly key: string;
  readonly project: ProjectRef;
  readonly orgUnit: OrgUnitRef;
  readonly role: ResponsibilityRole;
}

/** A unit's role in a project changed (lead ↔ contributing). */
export interface ResponsibilityRoleChanged {
  readonly kind: "responsibility-role-changed";
  readonly key: string;
  readonly project: ProjectRef;
  readonly orgUnit: OrgUnitRef;
  readonly from: ResponsibilityRole;
  readonly to: ResponsibilityRole;
}

/** A project now needs another one. */
export interface DependencyAdded {
  readonly kind: "dependency-added";
  readonly key: string;
  readonly project: ProjectRef;
  readonly prerequisite: ProjectMention;
}

/** A project no longer needs another one. */
export interface DependencyRemoved {
  readonly kind: "dependency-removed";
  readonly key: string;
  readonly project: ProjectRef;
  readonly prerequisite: ProjectMention;
}

/** Every change the report knows, discriminated by `kind`. */
export type CatalogueChange =
  | ProgrammeHorizonChanged
  | PriorityAdded
  | PriorityRemoved
  | PriorityProjectsChanged
  | ProjectAdded
  | ProjectRemoved
  | ProjectRenamed
  | ProjectCodeChanged
  | ProjectMoved
  | ProjectStatusChanged
  | ProjectFinishedEarly
  | ProjectFinishedLate
  | PhaseAdded
  | PhaseRemoved
  | PhaseRelabelled
  | PhaseStartShifted
  | PhaseEndShifted
  | PhaseStartPrecisionChanged
  | PhaseEndPrecisionChanged
  | PhaseOpenEndAdded
  | PhaseOpenEndRemoved
  | PhaseContinuationChanged
  | MeasureAdded
  | MeasureRemoved
  | MeasureRenamed
  | MeasureStatusChanged
  | MeasureStartShifted
  | MeasureEndShifted
  | ResponsibilityAdded
  | ResponsibilityRemoved
  | ResponsibilityRoleChanged
  | DependencyAdded
  | DependencyRemoved;

/** The stable discriminant of a change. */
export type CatalogueChangeKind = CatalogueChange["kind"];

/** A change that concerns one project (everything but horizon and priorities). */
export type ProjectChange = Extract<
  CatalogueChange,
  { readonly project: ProjectRef }
>;

/** The changes that need a reason when publishing: moved starts and ends of phases and dated measures, early and late finishes. */
export type ShiftChange =
  | PhaseStartShifted
  | PhaseEndShifted
  | ProjectFinishedEarly
  | ProjectFinishedLate
  | MeasureStartShifted
  | MeasureEndShifted;

// The compiler checks that this lists every kind exactly once; the order is the report's.
const KIND_ORDER: Readonly<Record<CatalogueChangeKind, true>> = {
  "programme-horizon-changed": true,
  "priority-added": true,
  "priority-removed": true,
  "priority-projects-changed": true,
  "project-added": true,
  "project-removed": true,
  "project-renamed": true,
  "project-code-changed": true,
  "project-moved": true,
  "project-status-changed": true,
  "project-finished-early": true,
  "project-finished-late": true,
  "phase-added": true,
  "phase-removed": true,
  "phase-relabelled": true,
  "phase-start-shifted": true,
  "phase-end-shifted": true,
  "phase-start-precision-changed": true,
  "phase-end-precision-changed": true,
  "phase-open-end-added": true,
  "phase-open-end-removed": true,
  "phase-continuation-changed": true,
  "measure-added": true,
  "measure-removed": true,
  "measure-renamed": true,
  "measure-status-changed": true,
  "measure-start-shifted": true,
  "measure-end-shifted": true,
  "responsibility-added": true,
  "responsibility-removed": true,
  "responsibility-role-changed": true,
  "dependency-added": true,
  "dependency-removed": true,
};

/** All change kinds, in the order the report lists them. */
export const CATALOGUE_CHANGE_KINDS = Object.keys(
  KIND_ORDER,
) as readonly CatalogueChangeKind[];

const SHIFT_KINDS: ReadonlySet<CatalogueChangeKind> = new Set<
  ShiftChange["kind"]
>([
  "phase-start-shifted",
  "phase-end-shifted",
  "project-finished-early",
  "project-finished-late",
  "measure-start-shifted",
  "measure-end-shifted",
]);

/** Whether a change needs a reason before the draft can be published. */
export function isShift(change: CatalogueChange): change is ShiftChange {
  return SHIFT_KINDS.has(change.kind);
}

/** Whether a change concerns one project (and so belongs to an action field). */
export function isProjectChange(
  change: CatalogueChange,
): change is ProjectChange {
  return "project" in change;
}

/** The changes of one project, titled by its code and title ("1.1 Digitalisierungsstrategie"). */
export interface ChangedProject {
  readonly title: string;
  readonly changes: readonly ProjectChange[];
}

/** The changes of an action field's projects, by project in the order they first appear. */
export function changedProjectsIn(
  changes: readonly CatalogueChange[],
  actionFieldId: number,
): ChangedProject[] {
  const byProject = new Map<
    string,
    { title: string; changes: ProjectChange[] }
  >();
  for (const change of changes) {
    if (
      !isProjectChange(change) ||
      change.project.actionField.id !== actionFieldId
    )
      continue;
    const entry = byProject.get(change.project.key) ?? {
      title: `${change.project.code} ${change.project.title}`,
      changes: [],
    };
    entry.changes.push(change);
    byProject.set(change.project.key, entry);
  }
  return [...byProject.values()];
}
