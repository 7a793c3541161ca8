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

/** A priority of a year that was added or removed, as `kind` says. */
interface PriorityListed<K extends string> {
  readonly kind: K;
  readonly key: string;
  readonly year: number;
  readonly title: string;
  readonly projects: readonly ProjectMention[];
}

/** A priority of a year was added. */
export type PriorityAdded = PriorityListed<"priority-added">;

/** A priority of a year was removed. */
export type PriorityRemoved = PriorityListed<"priority-removed">;

/** A priority (same year and title) now names other projects. */
export interface PriorityProjectsChanged {
  readonly kind: "priority-projects-changed";
  readonly key: string;
  readonly year: number;
  readonly title: string;
  readonly added: readonly ProjectMention[];
  readonly removed: readonly ProjectMention[];
}

/** What every change of a project names: its kind, its stable key and the project. */
interface ProjectChangeOf<K extends string> {
  readonly kind: K;
  readonly key: string;
  readonly project: ProjectRef;
}

/** A change of a project from one value to another. */
interface ProjectValueChanged<K extends string, V> extends ProjectChangeOf<K> {
  readonly from: V;
  readonly to: V;
}

/** A project was added to the catalogue. */
export type ProjectAdded = ProjectChangeOf<"project-added">;

/** A project was removed from the catalogue. */
export type ProjectRemoved = ProjectChangeOf<"project-removed">;

/** A project's title changed. */
export type ProjectRenamed = ProjectValueChanged<"project-renamed", string>;

/** A project's number (code, e.g. "2.9") changed. */
export type ProjectCodeChanged = ProjectValueChanged<
  "project-code-changed",
  string
>;

/** A project moved to another action field (and perhaps impact area). */
export interface ProjectMoved extends ProjectValueChanged<
  "project-moved",
  ProjectPlacement
> {
  readonly impactAreaChanged: boolean;
}

/** A project's status changed. */
export type ProjectStatusChanged = ProjectValueChanged<
  "project-status-changed",
  ProjectStatus
>;

/**
 * How the actual finish of a project was determined: from the updated plan (the end of its
 * last finite phase in the after-snapshot) or, when the plan was left as it was, from the
 * day of the after-snapshot (`asOf`).
 */
export type FinishBasis = "plan" | "as-of";

/** A project completed before or after its planned finish, as `kind` says (see `plannedFinishOf`). */
interface ProjectFinished<K extends string> extends ProjectChangeOf<K> {
  /** The phase whose end is the finish, or null for basis "as-of" with no phase at hand. */
  readonly phase: PhaseRef | null;
  /** The planned finish in the before-snapshot. */
  readonly from: PointInTime;
  /** The actual finish. */
  readonly to: PointInTime;
  readonly shift: ActualShift;
  readonly basis: FinishBasis;
}

/** A project was completed before its planned finish (see `plannedFinishOf`). */
export type ProjectFinishedEarly = ProjectFinished<"project-finished-early">;

/** A project was completed after its planned finish (see `plannedFinishOf`). */
export type ProjectFinishedLate = ProjectFinished<"project-finished-late">;

/** A change of one phase of a project. */
interface PhaseChangeOf<K extends string> extends ProjectChangeOf<K> {
  readonly phase: PhaseRef;
}

/** A phase that was added or removed, with its period. */
interface PhaseListed<K extends string> extends PhaseChangeOf<K> {
  readonly period: Period;
}

/** A phase's start or end that moved, measured at the coarser of the two precisions. */
interface PhaseShifted<K extends string> extends PhaseChangeOf<K> {
  readonly from: PointInTime;
  readonly to: PointInTime;
  readonly shift: ActualShift;
}

/** A phase was added to a project. */
export type PhaseAdded = PhaseListed<"phase-added">;

/** A phase was removed from a project. */
export type PhaseRemoved = PhaseListed<"phase-removed">;

/** A phase's label changed. */
export interface PhaseRelabelled extends PhaseChangeOf<"phase-relabelled"> {
  readonly from: string;
  readonly to: string;
}

/** A phase's start moved (measured at the coarser of the two precisions). */
export type PhaseStartShifted = PhaseShifted<"phase-start-shifted">;

/** A phase's end moved (measured at the coarser of the two precisions). */
export type PhaseEndShifted = PhaseShifted<"phase-end-shifted">;

/**
 * "finer": the new point lies inside the old one ("2023" → "2023-Q4"); "coarser": the old
 * point lies inside the new one ("2023-Q2" → "2023").
 */
export type PrecisionChange = "finer" | "coarser";

/** A phase's start or end given more or less precisely without leaving the old point. */
interface PhasePrecisionChanged<K extends string> extends PhaseChangeOf<K> {
  readonly from: PointInTime;
  readonly to: PointInTime;
  readonly precision: PrecisionChange;
}

/** A phase's start was given more or less precisely without leaving the old point. */
export type PhaseStartPrecisionChanged =
  PhasePrecisionChanged<"phase-start-precision-changed">;

/** A phase's end was given more or less precisely without leaving the old point. */
export type PhaseEndPrecisionChanged =
  PhasePrecisionChanged<"phase-end-precision-changed">;

/** A continuation before and after a change. */
export interface ContinuationChange {
  readonly from: Continuation | null;
  readonly to: Continuation | null;
}

/** A phase that had an end now runs on without one. */
export interface PhaseOpenEndAdded extends PhaseChangeOf<"phase-open-end-added"> {
  /** The end the phase had. */
  readonly from: PointInTime;
  readonly continuation: ContinuationChange;
}

/** A phase that ran on without end now has one. */
export interface PhaseOpenEndRemoved extends PhaseChangeOf<"phase-open-end-removed"> {
  /** The end the phase has now. */
  readonly to: PointInTime;
  readonly continuation: ContinuationChange;
}

/** How a phase continues changed ("danach laufend" ↔ "Daueraufgabe" ↔ none), ends alike. */
export interface PhaseContinuationChanged
  extends PhaseChangeOf<"phase-continuation-changed">, ContinuationChange {}

/** A change of one measure of a project. */
interface MeasureChangeOf<K extends string> extends ProjectChangeOf<K> {
  readonly measure: MeasureRef;
}

/** A measure that was added or removed, with its status. */
interface MeasureListed<K extends string> extends MeasureChangeOf<K> {
  readonly status: MeasureStatus;
}

/** A change of a measure from one value to another. */
interface MeasureValueChanged<K extends string, V> extends MeasureChangeOf<K> {
  readonly from: V;
  readonly to: V;
}

/** A dated measure's start or end that moved (a shift that needs a reason, like a phase's). */
interface MeasureShifted<K extends string> extends MeasureValueChanged<
  K,
  PointInTime
> {
  readonly shift: ActualShift;
}

/** A measure was added to a project. */
export type MeasureAdded = MeasureListed<"measure-added">;

/** A measure was removed from a project. */
export type MeasureRemoved = MeasureListed<"measure-removed">;

/** A measure's title changed. */
export type MeasureRenamed = MeasureValueChanged<"measure-renamed", string>;

/** A measure's status changed. */
export type MeasureStatusChanged = MeasureValueChanged<
  "measure-status-changed",
  MeasureStatus
>;

/** A dated measure's start moved (a shift that needs a reason, like a phase's). */
export type MeasureStartShifted = MeasureShifted<"measure-start-shifted">;

/** A dated measure's end moved (a shift that needs a reason, like a phase's). */
export type MeasureEndShifted = MeasureShifted<"measure-end-shifted">;

/** An org unit as named in a responsibility change. */
export interface OrgUnitRef {
  readonly code: string;
  /** The unit's name, or its code when the catalogue does not list it. */
  readonly name: string;
}

/** A unit that became or stopped being responsible for a project, with its role. */
interface ResponsibilityListed<K extends string> extends ProjectChangeOf<K> {
  readonly orgUnit: OrgUnitRef;
  readonly role: ResponsibilityRole;
}

/** A unit became responsible for a project. */
export type ResponsibilityAdded = ResponsibilityListed<"responsibility-added">;

/** A unit is no longer responsible for a project. */
export type ResponsibilityRemoved =
  ResponsibilityListed<"responsibility-removed">;

/** A unit's role in a project changed (lead ↔ contributing). */
export interface ResponsibilityRoleChanged extends ProjectValueChanged<
  "responsibility-role-changed",
  ResponsibilityRole
> {
  readonly orgUnit: OrgUnitRef;
}

/** A prerequisite that a project started or stopped needing. */
interface DependencyListed<K extends string> extends ProjectChangeOf<K> {
  readonly prerequisite: ProjectMention;
}

/** A project now needs another one. */
export type DependencyAdded = DependencyListed<"dependency-added">;

/** A project no longer needs another one. */
export type DependencyRemoved = DependencyListed<"dependency-removed">;

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
