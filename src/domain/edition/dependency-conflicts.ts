/**
 * Dependency conflicts at revision time: a project planned to start before a project it
 * needs is ready, and the projects downstream that the conflict affects.
 *
 * Rules:
 * - The dependent starts at the earliest start of its phases.
 * - The prerequisite is ready at its planned finish (`plannedFinishOf`: the end of its last
 *   finite phase; standing tasks, continuation "permanent", never finish, and what runs on
 *   after a phase's end is operation). A prerequisite without any finite phase (only open
 *   or permanent phases) is a service you use while it runs: it is ready at its start.
 * - Precision is respected as in the change report: both points are compared at the
 *   coarser precision, and only a start in an earlier unit is a conflict. Starting in the
 *   year the prerequisite finishes ("2024" after an end in "2024-Q2", or "2023" after
 *   "2023") is tight but not certainly wrong, so it is no conflict.
 * - Completed projects are done either way: a completed prerequisite or dependent never
 *   conflicts. Projects without phases, self-dependencies and slugs that name no project
 *   are skipped.
 */

import { listProjects } from "../catalogue/catalogue.js";
import type { Catalogue, Project } from "../catalogue/catalogue.js";
import { downstreamOf } from "../dependency/dependency-graph.js";
import type { DependencyEdge } from "../dependency/dependency-graph.js";
import { periodSpan } from "../period/period.js";
import { describeShift } from "../period/point-in-time.js";
import type { PointInTime } from "../period/point-in-time.js";
import type { ActualShift } from "./catalogue-change.js";
import { plannedFinishOf } from "./planned-finish.js";

/** A project as named in a conflict. */
export interface ConflictProject {
  readonly id: number;
  readonly slug: string;
  readonly code: string;
  readonly title: string;
}

/** Whether a prerequisite is ready at its planned finish or, having none, at its start. */
export type Readiness = "finish" | "start";

/** A project that starts before a project it needs is ready. */
export interface DependencyConflict {
  /** Stable key from ids ("dependency-conflict:project-25:needs:project-21"). */
  readonly key: string;
  readonly dependent: ConflictProject;
  readonly prerequisite: ConflictProject;
  readonly dependentStart: PointInTime;
  readonly prerequisiteReady: PointInTime;
  readonly readiness: Readiness;
  /** How much later the prerequisite is ready than the dependent starts. */
  readonly gap: ActualShift;
  /** Projects that need the dependent, directly or indirectly, in catalogue order. */
  readonly downstream: readonly ConflictProject[];
}

function conflictProject(project: Project): ConflictProject {
  return {
    id: project.id,
    slug: project.slug,
    code: project.code,
    title: project.title,
  };
}

function readinessOf(
  project: Project,
  horizonEndYear: number,
): { readonly point: PointInTime; readonly readiness: Readiness } | null {
  const finish = plannedFinishOf(project, horizonEndYear);
  if (finish !== null) return { point: finish.end, readiness: "finish" };
  const span = periodSpan(project.phases);
  return span === null ? null : { point: span.start, readiness: "start" };
}

/** The dependency edges of a catalogue ("from needs to"), in catalogue order. */
export function dependencyEdgesOf(
  catalogue: Catalogue,
): readonly DependencyEdge[] {
  return listProjects(catalogue).flatMap(({ project }) =>
    project.dependsOn.map((slug) => ({ from: project.slug, to: slug })),
  );
}

/**
 * Finds the projects of a catalogue (usually the draft) that start before a project they
 * need is ready (rules in this module's comment). Ordered by the dependent's place in
 * the catalogue, then by its dependsOn order.
 */
export function findDependencyConflicts(
  catalogue: Catalogue,
): readonly DependencyConflict[] {
  const entries = listProjects(catalogue);
  const bySlug = new Map<string, Project>();
  const position = new Map<string, number>();
  entries.forEach(({ project }, index) => {
    if (!bySlug.has(project.slug)) {
      bySlug.set(project.slug, project);
      position.set(project.slug, index);
    }
  });
  const edges = dependencyEdgesOf(catalogue);
  const conflicts: DependencyConflict[] = [];
  for (const { project: dependent } of entries) {
    if (dependent.status === "completed") continue;
    const start = periodSpan(dependent.phases)?.start;
    if (start === undefined) continue;
    for (const slug of new Set(dependent.dependsOn)) {
      const prerequisite = bySlug.get(slug);
      if (
        prerequisite === undefined ||
        prerequisite.slug === dependent.slug ||
        prerequisite.status === "completed"
      ) {
        continue;
      }
      const ready = readinessOf(prerequisite, catalogue.programme.horizonEnd);
      if (ready === null) continue;
      const gap = describeShift(start, ready.point);
      if (gap.direction !== "later") continue;
      const downstream = downstreamOf(edges, dependent.slug)
        .filter((each) => each !== prerequisite.slug)
        .flatMap((each) => {
          const project = bySlug.get(each);
          return project === undefined ? [] : [project];
        })
        .sort(
          (a, b) => (position.get(a.slug) ?? 0) - (position.get(b.slug) ?? 0),
        );
      conflicts.push({
        key: `dependency-conflict:project-${dependent.id}:needs:project-${prerequisite.id}`,
        dependent: conflictProject(dependent),
        prerequisite: conflictProject(prerequisite),
        dependentStart: start,
        prerequisiteReady: ready.point,
        readiness: ready.readiness,
        gap,
        downstream: downstream.map(conflictProject),
      });
    }
  }
  return conflicts;
}

/**
 * The conflicts of the draft that the previous edition did not have, by key (project ids,
 * which snapshots of one municipality keep): what publishing warns about.
 */
export function findIntroducedConflicts(
  previous: Catalogue,
  draft: Catalogue,
): readonly DependencyConflict[] {
  const known = new Set(
    findDependencyConflicts(previous).map((conflict) => conflict.key),
  );
  return findDependencyConflicts(draft).filter(
    (conflict) => !known.has(conflict.key),
  );
}
