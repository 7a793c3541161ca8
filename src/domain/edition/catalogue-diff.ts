/**
 * What changed between two snapshots of one municipality's catalogue (two editions, or the
 * latest edition and the draft): the change report of a Fortschreibung, with a summary
 * per action field and the shifts that need a reason.
 *
 * Records are paired as snapshot-matching.ts describes (ids first; slugs for projects
 * whose ids differ). Responsibilities are paired by org unit code, priorities by year and
 * title, dependencies and priority projects by the project they point to (so renaming a
 * prerequisite's slug is no dependency change). The changes are the records of
 * catalogue-change.ts.
 */

import {
  listProjects,
  type Catalogue,
  type Phase,
  type Priority,
  type Programme,
  type Project,
  type ResponsibilityRole,
} from "../catalogue/catalogue.js";
import type { Period } from "../period/period.js";
import {
  comparePrecision,
  dayPoint,
  describeShift,
  firstDayOf,
  formatPointInTime,
  monthPoint,
  quarterPoint,
  yearPoint,
  type PointInTime,
  type Precision,
} from "../period/point-in-time.js";
import { calendarDateOf } from "../calendar/calendar.js";
import {
  actionFieldRef,
  impactAreaRef,
  isShift,
  type ActualShift,
  type CatalogueChange,
  type ContinuationChange,
  type MeasureRef,
  type OrgUnitRef,
  type PhaseRef,
  type PrecisionChange,
  type ProjectFinishedEarly,
  type ProjectFinishedLate,
  type ProjectMention,
  type ProjectPlacement,
  type ProjectRef,
  type ShiftChange,
} from "./catalogue-change.js";
import { summariseChanges, type CatalogueDiffSummary } from "./diff-summary.js";
import { plannedFinishOf } from "./planned-finish.js";
import {
  matchActionFields,
  matchProjects,
  pairRecords,
  type ActionFieldInContext,
  type ProjectMatch,
} from "./snapshot-matching.js";

type FieldInContext = ActionFieldInContext;

// ---------------------------------------------------------------------------
// The diff

/** The change report between two snapshots. */
export interface CatalogueDiff {
  /**
   * Programme changes first (horizon, priorities), then per project in the after-snapshot's
   * order, removed projects last in the before-snapshot's order; within a project: the
   * project itself, phases, measures, responsibilities, dependencies.
   */
  readonly changes: readonly CatalogueChange[];
  readonly summary: CatalogueDiffSummary;
  /** Slugs of projects paired by slug because their ids differ (see the matching rule). */
  readonly projectsMatchedBySlug: readonly string[];
}

/** Options for `diffCatalogues`. */
export interface DiffOptions {
  /**
   * The day (days since 1970-01-01) the after-snapshot stands for: an edition's
   * publication date, or today for the draft. Lets a project completed without touching
   * its plan count as finished early (see `plannedFinishOf`).
   */
  readonly asOf?: number;
}

/** How the action fields and impact areas of both snapshots pair. */
interface Structure {
  /** Before field id → its counterpart in the after-snapshot. */
  readonly fieldCounterpart: ReadonlyMap<number, FieldInContext>;
  /** Before impact area id → the id of its counterpart in the after-snapshot. */
  readonly areaCounterpartId: ReadonlyMap<number, number>;
}

function pairStructure(before: Catalogue, after: Catalogue): Structure {
  const fieldCounterpart = new Map<number, FieldInContext>();
  for (const pair of matchActionFields(before, after)) {
    if (pair.before !== null && pair.after !== null) {
      fieldCounterpart.set(pair.before.actionField.id, pair.after);
    }
  }
  const areaCounterpartId = new Map<number, number>();
  for (const pair of pairRecords(
    before.impactAreas,
    after.impactAreas,
    (area) => area.id,
    (area) => area.key,
  )) {
    if (pair.before !== null && pair.after !== null) {
      areaCounterpartId.set(pair.before.id, pair.after.id);
    }
  }
  return { fieldCounterpart, areaCounterpartId };
}

/** The point of the given precision that contains a day. */
function pointContaining(day: number, precision: Precision): PointInTime {
  const date = calendarDateOf(day);
  switch (precision) {
    case "year":
      return yearPoint(date.year);
    case "quarter":
      return quarterPoint(date.year, Math.ceil(date.month / 3));
    case "month":
      return monthPoint(date.year, date.month);
    case "day":
      return dayPoint(date.year, date.month, date.day);
  }
}

interface FinishOutcome {
  readonly change: ProjectFinishedEarly | ProjectFinishedLate;
  /** The phase whose end shift the finish already reports, or null. */
  readonly coveredPhaseId: number | null;
}

/**
 * Finished early or late. Only for a project whose status becomes "completed": its planned
 * finish (`plannedFinishOf` in the before-snapshot) is compared with its actual finish,
 * `plannedFinishOf` in the after-snapshot, at the coarser precision. When the
 * planners completed the project without touching its phases, the actual finish is unknown;
 * if the after-snapshot's day (`asOf`) lies before the planned finish begins, the project
 * was certainly finished early, by at least that much. Lateness is never inferred from the
 * day: nobody knows when between two editions the work was really done.
 */
function finishOutcome(
  key: string,
  project: ProjectRef,
  before: Project,
  after: Project,
  context: DiffContext,
): FinishOutcome | null {
  if (after.status !== "completed" || before.status === "completed")
    return null;
  const planned = plannedFinishOf(
    before,
    context.before.catalogue.programme.horizonEnd,
  );
  if (planned === null) return null;
  const actual = plannedFinishOf(
    after,
    context.after.catalogue.programme.horizonEnd,
  );
  const { asOf } = context;
  if (actual !== null) {
    const shift = describeShift(planned.end, actual.end);
    if (shift.direction !== "none") {
      const kind =
        shift.direction === "earlier"
          ? "project-finished-early"
          : "project-finished-late";
      return {
        change: change(kind, key, {
          project,
          phase: { id: actual.phase.id, label: actual.phase.label },
          from: planned.end,
          to: actual.end,
          shift,
          basis: "plan",
        }),
        coveredPhaseId:
          actual.phase.id === planned.phase.id ? actual.phase.id : null,
      };
    }
  }
  if (asOf === undefined || asOf >= firstDayOf(planned.end)) return null;
  const to = pointContaining(asOf, planned.end.precision);
  const shift = describeShift(planned.end, to);
  if (shift.direction !== "earlier") return null;
  return {
    change: change("project-finished-early", key, {
      project,
      phase: { id: planned.phase.id, label: planned.phase.label },
      from: planned.end,
      to,
      shift,
      basis: "as-of",
    }),
    coveredPhaseId: null,
  };
}

// ---------------------------------------------------------------------------
// Per project

type ChangeKind = CatalogueChange["kind"];
type ChangeOfKind<Kind extends ChangeKind> = Extract<
  CatalogueChange,
  { readonly kind: Kind }
>;

/** A change whose key is its kind followed by what changed ("project-12:phase-3"). */
function change<Kind extends ChangeKind>(
  kind: Kind,
  of: string,
  fields: Omit<ChangeOfKind<Kind>, "kind" | "key">,
): ChangeOfKind<Kind> {
  return { kind, key: `${kind}:${of}`, ...fields } as ChangeOfKind<Kind>;
}

/** The change of a value from its old to its new state; none when the value is the same. */
function changed<Kind extends ChangeKind>(
  kind: Kind,
  of: string,
  fields: Omit<ChangeOfKind<Kind>, "kind" | "key" | "from" | "to">,
  from: ChangeOfKind<Kind> extends { readonly from: infer Value }
    ? Value
    : never,
  to: ChangeOfKind<Kind> extends { readonly to: infer Value } ? Value : never,
): ChangeOfKind<Kind>[] {
  if (from === to) return [];
  return [
    change(kind, of, { ...fields, from, to } as Omit<
      ChangeOfKind<Kind>,
      "kind" | "key"
    >),
  ];
}

function placementOf(entry: FieldInContext): ProjectPlacement {
  return {
    actionField: actionFieldRef(entry.actionField),
    impactArea: impactAreaRef(entry.impactArea),
  };
}

function projectRef(
  key: string,
  project: Project,
  placement: FieldInContext,
): ProjectRef {
  return {
    key,
    id: project.id,
    slug: project.slug,
    code: project.code,
    title: project.title,
    ...placementOf(placement),
  };
}

/** What the diff needs to know about one snapshot. */
interface Snapshot {
  readonly catalogue: Catalogue;
  /** Slug → project identity across snapshots ("project-12"). */
  readonly keyBySlug: ReadonlyMap<string, string>;
  readonly projectBySlug: ReadonlyMap<string, Project>;
  readonly orgUnitNames: ReadonlyMap<string, string>;
}

function snapshotOf(
  catalogue: Catalogue,
  matches: readonly ProjectMatch[],
  side: "before" | "after",
): Snapshot {
  const keyBySlug = new Map<string, string>();
  for (const match of matches) {
    const entry = match[side];
    if (entry === null) continue;
    if (!keyBySlug.has(entry.project.slug))
      keyBySlug.set(entry.project.slug, match.key);
  }
  const projectBySlug = new Map<string, Project>();
  for (const { project } of listProjects(catalogue)) {
    if (!projectBySlug.has(project.slug))
      projectBySlug.set(project.slug, project);
  }
  const orgUnitNames = new Map(
    catalogue.orgUnits.map((unit) => [unit.code, unit.name] as const),
  );
  return { catalogue, keyBySlug, projectBySlug, orgUnitNames };
}

function mentionOf(slug: string, snapshot: Snapshot): ProjectMention {
  const project = snapshot.projectBySlug.get(slug);
  return { slug, code: project?.code ?? null, title: project?.title ?? null };
}

interface ResolvedSlug {
  /** Identity across snapshots: "project-12", or "slug-x" for a slug naming no project. */
  readonly identity: string;
  readonly mention: ProjectMention;
}

/**
 * Slugs resolved to project identities, in order, unique: in their own snapshot and, for a
 * slug left dangling there (its project was removed or renamed), in the other one.
 */
function resolveSlugs(
  slugs: readonly string[],
  own: Snapshot,
  other: Snapshot,
): readonly ResolvedSlug[] {
  const seen = new Set<string>();
  const result: ResolvedSlug[] = [];
  for (const slug of slugs) {
    const ownKey = own.keyBySlug.get(slug);
    const otherKey = other.keyBySlug.get(slug);
    const resolved: ResolvedSlug =
      ownKey !== undefined
        ? { identity: ownKey, mention: mentionOf(slug, own) }
        : otherKey !== undefined
          ? { identity: otherKey, mention: mentionOf(slug, other) }
          : { identity: `slug-${slug}`, mention: mentionOf(slug, own) };
    if (seen.has(resolved.identity)) continue;
    seen.add(resolved.identity);
    result.push(resolved);
  }
  return result;
}

/** What was added to and removed from a list of slugs, compared by identity. */
function compareSlugs(
  before: readonly string[],
  beforeSnapshot: Snapshot,
  after: readonly string[],
  afterSnapshot: Snapshot,
): {
  readonly added: readonly ResolvedSlug[];
  readonly removed: readonly ResolvedSlug[];
} {
  const old = resolveSlugs(before, beforeSnapshot, afterSnapshot);
  const now = resolveSlugs(after, afterSnapshot, beforeSnapshot);
  const oldIdentities = new Set(old.map((each) => each.identity));
  const nowIdentities = new Set(now.map((each) => each.identity));
  return {
    added: now.filter((each) => !oldIdentities.has(each.identity)),
    removed: old.filter((each) => !nowIdentities.has(each.identity)),
  };
}

/**
 * The changes of a project's phases or measures, paired by id: a record only one side has
 * was added or removed, a record both have is compared by `kept`.
 */
function recordChanges<Record extends { readonly id: number }>(
  before: readonly Record[],
  after: readonly Record[],
  addedOrRemoved: (
    record: Record,
    side: "added" | "removed",
  ) => CatalogueChange,
  kept: (old: Record, now: Record) => CatalogueChange[],
): CatalogueChange[] {
  return pairRecords(before, after, (record) => record.id).flatMap(
    ({ before: old, after: now }) => {
      if (old !== null && now !== null) return kept(old, now);
      if (now !== null) return [addedOrRemoved(now, "added")];
      if (old !== null) return [addedOrRemoved(old, "removed")];
      return [];
    },
  );
}

function phaseChanges(
  project: ProjectRef,
  before: Project,
  after: Project,
  coveredPhaseId: number | null,
): CatalogueChange[] {
  return recordChanges(
    before.phases,
    after.phases,
    (only, side) =>
      change(`phase-${side}`, `${project.key}:phase-${only.id}`, {
        project,
        phase: { id: only.id, label: only.label },
        period: periodOf(only),
      }),
    (old, now) => {
      const phase: PhaseRef = { id: now.id, label: now.label };
      const suffix = `${project.key}:phase-${now.id}`;
      const changes: CatalogueChange[] = [
        ...changed(
          "phase-relabelled",
          suffix,
          { project, phase },
          old.label,
          now.label,
        ),
      ];
      const start = comparePoints(old.start, now.start);
      const startMoved = { project, phase, from: old.start, to: now.start };
      if (typeof start === "object") {
        changes.push(
          change("phase-start-shifted", suffix, {
            ...startMoved,
            shift: start,
          }),
        );
      } else if (start !== "same") {
        changes.push(
          change("phase-start-precision-changed", suffix, {
            ...startMoved,
            precision: start,
          }),
        );
      }
      changes.push(
        ...endChanges(
          project,
          phase,
          suffix,
          old,
          now,
          coveredPhaseId === now.id,
        ),
      );
      return changes;
    },
  );
}

function periodOf(phase: Phase): Period {
  return {
    start: phase.start,
    end: phase.end,
    continuation: phase.continuation,
  };
}

/**
 * How two points differ. A move is measured at the coarser precision (describeShift), so
 * "2023" → "2023-Q4" is no move: the new point lies inside the old one and is reported as
 * given more precisely ("finer"), the reverse as "coarser"; neither needs a reason.
 */
function comparePoints(
  from: PointInTime,
  to: PointInTime,
): "same" | ActualShift | PrecisionChange {
  if (formatPointInTime(from) === formatPointInTime(to)) return "same";
  const shift = describeShift(from, to);
  if (shift.direction !== "none") return shift;
  return comparePrecision(to.precision, from.precision) > 0
    ? "finer"
    : "coarser";
}

function endChanges(
  project: ProjectRef,
  phase: PhaseRef,
  suffix: string,
  old: Phase,
  now: Phase,
  isCoveredByFinish: boolean,
): CatalogueChange[] {
  const continuation: ContinuationChange = {
    from: old.continuation,
    to: now.continuation,
  };
  if (old.end !== null && now.end === null) {
    return [
      change("phase-open-end-added", suffix, {
        project,
        phase,
        from: old.end,
        continuation,
      }),
    ];
  }
  if (old.end === null && now.end !== null) {
    return [
      change("phase-open-end-removed", suffix, {
        project,
        phase,
        to: now.end,
        continuation,
      }),
    ];
  }
  const changes: CatalogueChange[] = [];
  if (old.end !== null && now.end !== null) {
    const end = comparePoints(old.end, now.end);
    const endMoved = { project, phase, from: old.end, to: now.end };
    if (typeof end === "object") {
      if (!isCoveredByFinish)
        changes.push(
          change("phase-end-shifted", suffix, { ...endMoved, shift: end }),
        );
    } else if (end === "finer" || end === "coarser") {
      changes.push(
        change("phase-end-precision-changed", suffix, {
          ...endMoved,
          precision: end,
        }),
      );
    }
  }
  changes.push(
    ...changed(
      "phase-continuation-changed",
      suffix,
      { project, phase },
      old.continuation,
      now.continuation,
    ),
  );
  return changes;
}

function measureChanges(
  project: ProjectRef,
  before: Project,
  after: Project,
): CatalogueChange[] {
  return recordChanges(
    before.measures,
    after.measures,
    (only, side) =>
      change(`measure-${side}`, `${project.key}:measure-${only.id}`, {
        project,
        measure: { id: only.id, title: only.title },
        status: only.status,
      }),
    (old, now) => {
      const measure: MeasureRef = { id: now.id, title: now.title };
      const suffix = `${project.key}:measure-${now.id}`;
      const changes: CatalogueChange[] = [
        ...changed(
          "measure-renamed",
          suffix,
          { project, measure },
          old.title,
          now.title,
        ),
        ...changed(
          "measure-status-changed",
          suffix,
          { project, measure },
          old.status,
          now.status,
        ),
      ];
      // A dated measure moving is a shift like a phase's; a date first given or given
      // more precisely is not (the new point lies inside the old one).
      for (const side of ["start", "end"] as const) {
        const from = old[side] ?? null;
        const to = now[side] ?? null;
        if (from === null || to === null) continue;
        const shift = comparePoints(from, to);
        if (typeof shift !== "object") continue;
        changes.push(
          change(`measure-${side}-shifted`, suffix, {
            project,
            measure,
            from,
            to,
            shift,
          }),
        );
      }
      return changes;
    },
  );
}

function responsibilityChanges(
  project: ProjectRef,
  before: Project,
  beforeSnapshot: Snapshot,
  after: Project,
  afterSnapshot: Snapshot,
): CatalogueChange[] {
  const byCode = (list: Project["responsibilities"]) => {
    const map = new Map<string, ResponsibilityRole>();
    for (const each of list)
      if (!map.has(each.orgUnitCode)) map.set(each.orgUnitCode, each.role);
    return map;
  };
  const old = byCode(before.responsibilities);
  const now = byCode(after.responsibilities);
  const unit = (code: string, snapshot: Snapshot): OrgUnitRef => ({
    code,
    name: snapshot.orgUnitNames.get(code) ?? code,
  });
  const changes: CatalogueChange[] = [];
  for (const [code, role] of now) {
    const suffix = `${project.key}:org-unit-${code}`;
    const oldRole = old.get(code);
    if (oldRole === undefined) {
      changes.push(
        change("responsibility-added", suffix, {
          project,
          orgUnit: unit(code, afterSnapshot),
          role,
        }),
      );
    } else if (oldRole !== role) {
      changes.push(
        change("responsibility-role-changed", suffix, {
          project,
          orgUnit: unit(code, afterSnapshot),
          from: oldRole,
          to: role,
        }),
      );
    }
  }
  for (const [code, role] of old) {
    if (now.has(code)) continue;
    changes.push(
      change("responsibility-removed", `${project.key}:org-unit-${code}`, {
        project,
        orgUnit: unit(code, beforeSnapshot),
        role,
      }),
    );
  }
  return changes;
}

function dependencyChanges(
  project: ProjectRef,
  before: Project,
  beforeSnapshot: Snapshot,
  after: Project,
  afterSnapshot: Snapshot,
): CatalogueChange[] {
  const { added, removed } = compareSlugs(
    before.dependsOn,
    beforeSnapshot,
    after.dependsOn,
    afterSnapshot,
  );
  const dependency =
    (kind: "dependency-added" | "dependency-removed") =>
    ({ identity, mention }: ResolvedSlug): CatalogueChange =>
      change(kind, `${project.key}:needs:${identity}`, {
        project,
        prerequisite: mention,
      });
  return [
    ...added.map(dependency("dependency-added")),
    ...removed.map(dependency("dependency-removed")),
  ];
}

interface DiffContext {
  readonly structure: Structure;
  readonly before: Snapshot;
  readonly after: Snapshot;
  readonly asOf: number | undefined;
}

function projectChanges(
  match: ProjectMatch,
  context: DiffContext,
): CatalogueChange[] {
  const { structure } = context;
  const { before, after, key } = match;
  if (after !== null && before === null) {
    return [
      change("project-added", key, {
        project: projectRef(key, after.project, after),
      }),
    ];
  }
  if (before !== null && after === null) {
    const placement =
      structure.fieldCounterpart.get(before.actionField.id) ?? before;
    return [
      change("project-removed", key, {
        project: projectRef(key, before.project, placement),
      }),
    ];
  }
  if (before === null || after === null) return [];

  const project = projectRef(key, after.project, after);
  const old = before.project;
  const now = after.project;
  const changes: CatalogueChange[] = [
    ...changed("project-renamed", key, { project }, old.title, now.title),
    ...changed("project-code-changed", key, { project }, old.code, now.code),
  ];
  if (
    structure.fieldCounterpart.get(before.actionField.id)?.actionField.id !==
    after.actionField.id
  ) {
    changes.push(
      change("project-moved", key, {
        project,
        from: placementOf(before),
        to: placementOf(after),
        impactAreaChanged:
          structure.areaCounterpartId.get(before.impactArea.id) !==
          after.impactArea.id,
      }),
    );
  }
  changes.push(
    ...changed(
      "project-status-changed",
      key,
      { project },
      old.status,
      now.status,
    ),
  );
  const finish = finishOutcome(key, project, old, now, context);
  if (finish !== null) changes.push(finish.change);
  changes.push(
    ...phaseChanges(project, old, now, finish?.coveredPhaseId ?? null),
    ...measureChanges(project, old, now),
    ...responsibilityChanges(project, old, context.before, now, context.after),
    ...dependencyChanges(project, old, context.before, now, context.after),
  );
  return changes;
}

// ---------------------------------------------------------------------------
// Programme

function priorityIdentity(priority: Priority): string {
  return `${priority.year}:${priority.title}`;
}

function programmeChanges(
  before: Snapshot,
  after: Snapshot,
): CatalogueChange[] {
  const old: Programme = before.catalogue.programme;
  const now: Programme = after.catalogue.programme;
  const changes: CatalogueChange[] = [];
  if (
    old.horizonStart !== now.horizonStart ||
    old.horizonEnd !== now.horizonEnd
  ) {
    changes.push({
      kind: "programme-horizon-changed",
      key: "programme-horizon-changed",
      from: { startYear: old.horizonStart, endYear: old.horizonEnd },
      to: { startYear: now.horizonStart, endYear: now.horizonEnd },
    });
  }
  const oldById = new Map(
    old.priorities.map(
      (priority) => [priorityIdentity(priority), priority] as const,
    ),
  );
  const nowById = new Map(
    now.priorities.map(
      (priority) => [priorityIdentity(priority), priority] as const,
    ),
  );
  for (const [identity, priority] of nowById) {
    const previous = oldById.get(identity);
    if (previous === undefined) {
      changes.push(
        change("priority-added", identity, {
          year: priority.year,
          title: priority.title,
          projects: priority.projectSlugs.map((slug) => mentionOf(slug, after)),
        }),
      );
      continue;
    }
    const { added, removed } = compareSlugs(
      previous.projectSlugs,
      before,
      priority.projectSlugs,
      after,
    );
    if (added.length > 0 || removed.length > 0) {
      changes.push(
        change("priority-projects-changed", identity, {
          year: priority.year,
          title: priority.title,
          added: added.map((each) => each.mention),
          removed: removed.map((each) => each.mention),
        }),
      );
    }
  }
  for (const [identity, priority] of oldById) {
    if (nowById.has(identity)) continue;
    changes.push(
      change("priority-removed", identity, {
        year: priority.year,
        title: priority.title,
        projects: priority.projectSlugs.map((slug) => mentionOf(slug, before)),
      }),
    );
  }
  return changes;
}

// ---------------------------------------------------------------------------
// Entry points

/** Computes the change report between two snapshots of one municipality's catalogue. */
export function diffCatalogues(
  before: Catalogue,
  after: Catalogue,
  options: DiffOptions = {},
): CatalogueDiff {
  const matches = matchProjects(before, after);
  const context: DiffContext = {
    structure: pairStructure(before, after),
    before: snapshotOf(before, matches, "before"),
    after: snapshotOf(after, matches, "after"),
    asOf: options.asOf,
  };
  const changes = [
    ...programmeChanges(context.before, context.after),
    ...matches.flatMap((match) => projectChanges(match, context)),
  ];
  return {
    changes,
    summary: summariseChanges(changes, before, after),
    projectsMatchedBySlug: matches
      .filter((match) => match.matchedBy === "slug")
      .map((match) => match.after?.project.slug ?? ""),
  };
}

/** The shifts of a report, in report order: each needs a reason before publishing. */
export function shiftsNeedingReason(
  diff: CatalogueDiff,
): readonly ShiftChange[] {
  return diff.changes.filter(isShift);
}
