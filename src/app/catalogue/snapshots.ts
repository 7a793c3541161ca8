/**
 * Plain JSON snapshots of catalogue records for the audit log's before/after: canonical
 * points in time ("2024-Q2"), org units by code, projects by slug — stable keys that stay
 * readable after the record itself is gone.
 */
import type {
  Measure,
  Phase,
  Project,
  Responsibility,
} from "../../domain/catalogue/catalogue.js";
import { formatPointInTime } from "../../domain/period/point-in-time.js";

/** A phase as logged. */
export interface PhaseSnapshot {
  readonly label: string;
  readonly start: string;
  readonly end: string | null;
  readonly continuation: string | null;
  readonly note: string | null;
}

/** The snapshot of a phase. */
export function phaseSnapshot(phase: Omit<Phase, "id">): PhaseSnapshot {
  return {
    label: phase.label,
    start: formatPointInTime(phase.start),
    end: phase.end === null ? null : formatPointInTime(phase.end),
    continuation: phase.continuation,
    note: phase.note,
  };
}

/** The snapshot of a measure. */
export function measureSnapshot(measure: Omit<Measure, "id">): {
  readonly title: string;
  readonly status: string;
  readonly start?: string;
  readonly end?: string;
  readonly orgUnit?: string;
  readonly description?: string;
  readonly phase?: string;
} {
  return {
    title: measure.title,
    status: measure.status,
    ...(measure.start == null
      ? {}
      : { start: formatPointInTime(measure.start) }),
    ...(measure.end == null ? {} : { end: formatPointInTime(measure.end) }),
    ...(measure.orgUnitCode == null ? {} : { orgUnit: measure.orgUnitCode }),
    ...(measure.description == null
      ? {}
      : { description: measure.description }),
    ...(measure.phaseLabel == null ? {} : { phase: measure.phaseLabel }),
  };
}

/** The snapshot of a project's own fields. */
export function projectFieldsSnapshot(
  project: Pick<Project, "title" | "summary" | "status" | "tags">,
): {
  readonly title: string;
  readonly summary: string;
  readonly status: string;
  readonly tags: readonly string[];
} {
  return {
    title: project.title,
    summary: project.summary,
    status: project.status,
    tags: project.tags,
  };
}

/** The snapshot of a list of responsibilities. */
export function responsibilitiesSnapshot(
  responsibilities: readonly Responsibility[],
): readonly {
  readonly orgUnit: string;
  readonly role: string;
  readonly note: string | null;
}[] {
  return responsibilities.map((r) => ({
    orgUnit: r.orgUnitCode,
    role: r.role,
    note: r.note,
  }));
}
