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
      const change = {
        key: `${shift.direction === "earlier" ? "project-finished-early" : "project-finished-late"}:${key}`,
        project,
        phase: { id: actual.phase.id, label: actual.phase.label },
        from: planned.end,
        to: actual.end,
        shift,
        basis: "plan" as const,
      };
      return {
        change:
          shift.direction === "earlier"
            ? { kind: "project-finished-early", ...change }
            : { kind: "project-finished-late", ...change },
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
    change: {
      kind: "project-finished-early",
      key: `project-finished-early:${key}`,
      project,
      phase: { id: planned.phase.id, label: planned.phase.label },
      from: planned.end,
      to,
      shift,
      basis: "as-of",
    },
    coveredPhaseId: null,
  };
}

// ---------------------------------------------------------------------------
// Per project

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

function phaseChanges(
  project: ProjectRef,
  before: Project,
  after: Project,
  coveredPhaseId: number | null,
): CatalogueChange[] {
  const changes: CatalogueChange[] = [];
  for (const pair of pairRecords(
    before.phases,
    after.phases,
    (phase) => phase.id,
  )) {
    const { before: old, after: now } = pair;
    if (old === null && now !== null) {
      changes.push({
        kind: "phase-added",
        key: `phase-added:${project.key}:phase-${now.id}`,
        project,
        phase: { id: now.id, label: now.label },
        period: periodOf(now),
      });
      continue;
    }
    if (now === null && old !== null) {
      changes.push({
        kind: "phase-removed",
        key: `phase-removed:${project.key}:phase-${old.id}`,
        project,
        phase: { id: old.id, label: old.label },
        period: periodOf(old),
      });
      continue;
    }
    if (old === null || now === null) continue;
    const phase: PhaseRef = { id: now.id, label: now.label };
    const suffix = `${project.key}:phase-${now.id}`;
    if (old.label !== now.label) {
      changes.push({
        kind: "phase-relabelled",
        key: `phase-relabelled:${suffix}`,
        project,
        phase,
        from: old.label,
        to: now.label,
      });
    }
    const start = comparePoints(old.start, now.start);
    if (typeof start === "object") {
      changes.push({
        kind: "phase-start-shifted",
        key: `phase-start-shifted:${suffix}`,
        project,
        phase,
        from: old.start,
        to: now.start,
        shift: start,
      });
    } else if (start !== "same") {
      changes.push({
        kind: "phase-start-precision-changed",
        key: `phase-start-precision-changed:${suffix}`,
        project,
        phase,
        from: old.start,
        to: now.start,
        precision: start,
      });
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
  }
  return changes;
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
      {
        kind: "phase-open-end-added",
        key: `phase-open-end-added:${suffix}`,
        project,
        phase,
        from: old.end,
        continuation,
      },
    ];
  }
  if (old.end === null && now.end !== null) {
    return [
      {
        kind: "phase-open-end-removed",
        key: `phase-open-end-removed:${suffix}`,
        project,
        phase,
        to: now.end,
        continuation,
      },
    ];
  }
  const changes: CatalogueChange[] = [];
  if (old.end !== null && now.end !== null) {
    const end = comparePoints(old.end, now.end);
    if (typeof end === "object") {
      if (!isCoveredByFinish) {
        changes.push({
          kind: "phase-end-shifted",
          key: `phase-end-shifted:${suffix}`,
          project,
          phase,
          from: old.end,
          to: now.end,
          shift: end,
        });
      }
    } else if (end === "finer" || end === "coarser") {
      changes.push({
        kind: "phase-end-precision-changed",
        key: `phase-end-precision-changed:${suffix}`,
        project,
        phase,
        from: old.end,
        to: now.end,
        precision: end,
      });
    }
  }
  if (old.continuation !== now.continuation) {
    changes.push({
      kind: "phase-continuation-changed",
      key: `phase-continuation-changed:${suffix}`,
      project,
      phase,
      from: old.continuation,
      to: now.continuation,
    });
  }
  return changes;
}

function measureChanges(
  project: ProjectRef,
  before: Project,
  after: Project,
): CatalogueChange[] {
  const changes: CatalogueChange[] = [];
  for (const { before: old, after: now } of pairRecords(
    before.measures,
    after.measures,
    (measure) => measure.id,
  )) {
    if (old === null && now !== null) {
      changes.push({
        kind: "measure-added",
        key: `measure-added:${project.key}:measure-${now.id}`,
        project,
        measure: { id: now.id, title: now.title },
        status: now.status,
      });
    } else if (now === null && old !== null) {
      changes.push({
        kind: "measure-removed",
        key: `measure-removed:${project.key}:measure-${old.id}`,
        project,
        measure: { id: old.id, title: old.title },
        status: old.status,
      });
    } else if (old !== null && now !== null) {
      const measure: MeasureRef = { id: now.id, title: now.title };
      const suffix = `${project.key}:measure-${now.id}`;
      if (old.title !== now.title) {
        changes.push({
          kind: "measure-renamed",
          key: `measure-renamed:${suffix}`,
          project,
          measure,
          from: old.title,
          to: now.title,
        });
      }
      if (old.status !== now.status) {
        changes.push({
          kind: "measure-status-changed",
          key: `measure-status-changed:${suffix}`,
          project,
          measure,
          from: old.status,
          to: now.status,
        });
      }
      // A dated measure moving is a shift like a phase's; a date first given or given
      // more precisely is not (the new point lies inside the old one).
      for (const side of ["start", "end"] as const) {
        const from = old[side] ?? null;
        const to = now[side] ?? null;
        if (from === null || to === null) continue;
        const shift = comparePoints(from, to);
        if (typeof shift !== "object") continue;
        const moved = { project, measure, from, to, shift };
        changes.push(
          side === "start"
            ? {
                kind: "measure-start-shifted",
                key: `measure-start-shifted:${suffix}`,
                ...moved,
              }
            : {
                kind: "measure-end-shifted",
                key: `measure-end-shifted:${suffix}`,
                ...moved,
              },
        );
      }
    }
  }
  return changes;
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
      changes.push({
        kind: "responsibility-added",
        key: `responsibility-added:${suffix}`,
        project,
        orgUnit: unit(code, afterSnapshot),
        role,
      });
    } else if (oldRole !== role) {
      changes.push({
        kind: "responsibility-role-changed",
        key: `responsibility-role-changed:${suffix}`,
        project,
        orgUnit: unit(code, afterSnapshot),
        from: oldRole,
        to: role,
      });
    }
  }
  for (const [code, role] of old) {
    if (now.has(code)) continue;
    changes.push({
      kind: "responsibility-removed",
      key: `responsibility-removed:${project.key}:org-unit-${code}`,
      project,
      orgUnit: unit(code, beforeSnapshot),
      role,
    });
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
  return [
    ...added.map(({ identity, mention }): CatalogueChange => ({
      kind: "dependency-added",
      key: `dependency-added:${project.key}:needs:${identity}`,
      project,
      prerequisite: mention,
    })),
    ...removed.map(({ identity, mention }): CatalogueChange => ({
      kind: "dependency-removed",
      key: `dependency-removed:${project.key}:needs:${identity}`,
      project,
      prerequisite: mention,
    })),
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
      {
        kind: "project-added",
        key: `project-added:${key}`,
        project: projectRef(key, after.project, after),
      },
    ];
  }
  if (before !== null && after === null) {
    const placement =
      structure.fieldCounterpart.get(before.actionField.id) ?? before;
    return [
      {
        kind: "project-removed",
        key: `project-removed:${key}`,
        project: projectRef(key, before.project, placement),
      },
    ];
  }
  if (before === null || after === null) return [];

  const project = projectRef(key, after.project, after);
  const old = before.project;
  const now = after.project;
  const changes: CatalogueChange[] = [];
  if (old.title !== now.title) {
    changes.push({
      kind: "project-renamed",
      key: `project-renamed:${key}`,
      project,
      from: old.title,
      to: now.title,
    });
  }
  if (old.code !== now.code) {
    changes.push({
      kind: "project-code-changed",
      key: `project-code-changed:${key}`,
      project,
      from: old.code,
      to: now.code,
    });
  }
  if (
    structure.fieldCounterpart.get(before.actionField.id)?.actionField.id !==
    after.actionField.id
  ) {
    changes.push({
      kind: "project-moved",
      key: `project-moved:${key}`,
      project,
      from: placementOf(before),
      to: placementOf(after),
      impactAreaChanged:
        structure.areaCounterpartId.get(before.impactArea.id) !==
        after.impactArea.id,
    });
  }
  if (old.status !== now.status) {
    changes.push({
      kind: "project-status-changed",
      key: `project-status-changed:${key}`,
      project,
      from: old.status,
      to: now.status,
    });
  }
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
      changes.push({
        kind: "priority-added",
        key: `priority-added:${identity}`,
        year: priority.year,
        title: priority.title,
        projects: priority.projectSlugs.map((slug) => mentionOf(slug, after)),
      });
      continue;
    }
    const { added, removed } = compareSlugs(
      previous.projectSlugs,
      before,
      priority.projectSlugs,
      after,
    );
    if (added.length > 0 || removed.length > 0) {
      changes.push({
        kind: "priority-projects-changed",
        key: `priority-projects-changed:${identity}`,
        year: priority.year,
        title: priority.title,
        added: added.map((each) => each.mention),
        removed: removed.map((each) => each.mention),
      });
    }
  }
  for (const [identity, priority] of oldById) {
    if (nowById.has(identity)) continue;
    changes.push({
      kind: "priority-removed",
      key: `priority-removed:${identity}`,
      year: priority.year,
      title: priority.title,
      projects: priority.projectSlugs.map((slug) => mentionOf(slug, before)),
    });
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
