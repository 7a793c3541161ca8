/**
 * The old-versus-new timeline ("Alter Zeitstrahl"): both snapshots laid out on one axis,
 * row by row, so the view can draw the old periods outlined, the new ones solid and an
 * arrow where a project's span moved.
 *
 * Grouping follows the after-snapshot: projects sit in their new action field. A removed
 * project stays in its old field's counterpart, just after the project that preceded it
 * there (or in a group of its own when the field is gone too), marked "removed"; an added
 * project has no old bars and is marked "added". The horizon defaults to the union of both
 * programmes' horizons so that neither snapshot's bars are cut off.
 *
 * Shift markers are drawn per phase, not per project span: most projects end in an open
 * phase ("danach laufender Support"), so their span never has an end to move, and the
 * DMS moving from 2023 to 2024 would go unmarked.
 */

import type {
  ActionField,
  Catalogue,
  Phase,
  Project,
} from "../catalogue/catalogue.js";
import { periodSpan } from "../period/period.js";
import type { PeriodSpan } from "../period/period.js";
import {
  describeShift,
  formatPointInTimeGerman,
} from "../period/point-in-time.js";
import type { PointInTime } from "../period/point-in-time.js";
import {
  endXOf,
  layoutTimeline,
  startXOf,
} from "../timeline/timeline-layout.js";
import type {
  TimelineAxis,
  TimelineBar,
  TimelineGroupInput,
  TimelineHorizon,
  TimelineRowLayout,
} from "../timeline/timeline-layout.js";
import type { ActualShift } from "./catalogue-change.js";
import {
  matchActionFields,
  matchProjects,
  pairRecords,
} from "./snapshot-matching.js";
import type { ProjectMatch } from "./snapshot-matching.js";

/** Everything the comparison needs; `today` is a day number (days since 1970-01-01). */
export interface TimelineComparisonInput {
  readonly before: Catalogue;
  readonly after: Catalogue;
  readonly today: number;
  /** Defaults to the union of both programmes' horizons. */
  readonly horizon?: TimelineHorizon;
}

/** A bar of one snapshot, with the id of the phase it draws. */
export interface ComparisonBar extends TimelineBar {
  readonly phaseId: number;
}

/**
 * Where a phase's start or end moved, from the old x to the new x on the shared axis:
 * the same moves the change report lists as shifts (measured at the coarser precision).
 */
export interface TimelineShiftMarker {
  readonly phaseId: number;
  readonly phaseLabel: string;
  readonly edge: "start" | "end";
  readonly from: PointInTime;
  readonly to: PointInTime;
  readonly shift: ActualShift;
  /** Clamped to the horizon, like the bars. */
  readonly fromX: number;
  readonly toX: number;
}

/** How a row differs between the snapshots. */
export type ComparisonRowState = "added" | "removed" | "shifted" | "kept";

/** One project row with its old and new bars. */
export interface TimelineComparisonRow {
  /** Project identity across snapshots ("project-12"), as in the change report. */
  readonly key: string;
  readonly code: string;
  readonly label: string;
  readonly rowIndex: number;
  /** "shifted" when a phase's start or end moved; "kept" otherwise. */
  readonly state: ComparisonRowState;
  /** The before-snapshot's bars (empty for an added project): drawn outlined. */
  readonly oldBars: readonly ComparisonBar[];
  /** The after-snapshot's bars (empty for a removed project): drawn solid. */
  readonly newBars: readonly ComparisonBar[];
  /** Lanes of the old and of the new bars (each at least 1; overlapping phases stack). */
  readonly oldLaneCount: number;
  readonly newLaneCount: number;
  readonly oldSpan: PeriodSpan | null;
  readonly newSpan: PeriodSpan | null;
  /** The spans in German ("2020–2023", "ab 2025"), for the table alternative. */
  readonly oldSpanLabel: string | null;
  readonly newSpanLabel: string | null;
  readonly markers: readonly TimelineShiftMarker[];
}

/** An action field with its rows. */
export interface TimelineComparisonGroup {
  readonly key: string;
  readonly label: string;
  readonly colour: string;
  readonly rowIndex: number;
  /** The field exists only in the before-snapshot. */
  readonly isRemoved: boolean;
  readonly rows: readonly TimelineComparisonRow[];
  readonly counts: ComparisonCounts;
}

/** How many rows of each state. */
export interface ComparisonCounts {
  readonly added: number;
  readonly removed: number;
  readonly shifted: number;
  readonly kept: number;
}

/** The whole comparison, on the axis of the newer timeline. */
export interface TimelineComparison extends TimelineAxis {
  readonly groups: readonly TimelineComparisonGroup[];
  /** All stacked rows: one header per group plus every project row. */
  readonly rowCount: number;
  readonly counts: ComparisonCounts;
}

interface PlannedRow {
  readonly match: ProjectMatch;
}

interface PlannedGroup {
  readonly actionField: ActionField;
  readonly isRemoved: boolean;
  readonly rows: PlannedRow[];
}

/** The row order: the after-snapshot's grouping, removed projects near their old place. */
function planGroups(
  before: Catalogue,
  after: Catalogue,
  matches: readonly ProjectMatch[],
): readonly PlannedGroup[] {
  const fieldMatches = matchActionFields(before, after);
  const groups: PlannedGroup[] = [];
  const groupByAfterFieldId = new Map<number, PlannedGroup>();
  const groupByBeforeFieldId = new Map<number, PlannedGroup>();
  for (const { before: old, after: now } of fieldMatches) {
    if (now === null) continue;
    const group: PlannedGroup = {
      actionField: now.actionField,
      isRemoved: false,
      rows: [],
    };
    groups.push(group);
    groupByAfterFieldId.set(now.actionField.id, group);
    if (old !== null) groupByBeforeFieldId.set(old.actionField.id, group);
  }
  for (const match of matches) {
    if (match.after === null) continue;
    groupByAfterFieldId.get(match.after.actionField.id)?.rows.push({ match });
  }
  for (const { before: old, after: now } of fieldMatches) {
    if (old === null || now !== null) continue;
    const group: PlannedGroup = {
      actionField: old.actionField,
      isRemoved: true,
      rows: [],
    };
    groups.push(group);
    groupByBeforeFieldId.set(old.actionField.id, group);
  }

  for (const { before: old } of fieldMatches) {
    if (old === null) continue;
    const group = groupByBeforeFieldId.get(old.actionField.id);
    if (group === undefined) continue;
    for (const match of matches) {
      if (
        match.after !== null ||
        match.before?.actionField.id !== old.actionField.id
      )
        continue;
      insertNearPredecessor(group, match, old.actionField);
    }
  }
  // A field that exists only before and lost no project has nothing to show.
  return groups.filter((group) => !group.isRemoved || group.rows.length > 0);
}

// Places a removed project just after the nearest project that preceded it in its old
// field and is still in the group, or first when none is.
function insertNearPredecessor(
  group: PlannedGroup,
  match: ProjectMatch,
  oldField: ActionField,
): void {
  const oldOrder = oldField.projects.map((project) => project.id);
  const ownIndex = oldOrder.indexOf(match.before?.project.id ?? -1);
  for (let index = ownIndex - 1; index >= 0; index -= 1) {
    const predecessorId = oldOrder[index];
    const at = group.rows.findIndex(
      (row) => row.match.before?.project.id === predecessorId,
    );
    if (at >= 0) {
      group.rows.splice(at + 1, 0, { match });
      return;
    }
  }
  group.rows.splice(0, 0, { match });
}

function unionHorizon(before: Catalogue, after: Catalogue): TimelineHorizon {
  return {
    startYear: Math.min(
      before.programme.horizonStart,
      after.programme.horizonStart,
    ),
    endYear: Math.max(before.programme.horizonEnd, after.programme.horizonEnd),
  };
}

function groupInput(
  groups: readonly PlannedGroup[],
  side: "before" | "after",
): readonly TimelineGroupInput[] {
  return groups.map((group) => ({
    key: group.actionField.key,
    label: group.actionField.name,
    colour: group.actionField.colour,
    rows: group.rows.map(({ match }) => {
      const shown = (match.after ?? match.before)?.project;
      const own = match[side]?.project;
      return {
        key: match.key,
        code: shown?.code ?? "",
        label: shown?.title ?? "",
        phases: (own?.phases ?? []).map((phase) => ({
          label: phase.label,
          period: phase,
        })),
      };
    }),
  }));
}

function withPhaseIds(
  row: TimelineRowLayout | undefined,
  project: Project | undefined,
): readonly ComparisonBar[] {
  if (row === undefined || project === undefined) return [];
  return row.bars.flatMap((bar) => {
    const phase = project.phases[bar.phaseIndex];
    return phase === undefined ? [] : [{ ...bar, phaseId: phase.id }];
  });
}

function formatSpanGerman(span: PeriodSpan | null): string | null {
  if (span === null) return null;
  const start = formatPointInTimeGerman(span.start);
  if (span.end === null) return `ab ${start}`;
  const end = formatPointInTimeGerman(span.end);
  return start === end ? start : `${start}–${end}`;
}

function clamp(x: number, width: number): number {
  return Math.min(width, Math.max(0, x));
}

function markerOf(
  phase: Phase,
  edge: "start" | "end",
  from: PointInTime,
  to: PointInTime,
  startYear: number,
  width: number,
): TimelineShiftMarker | null {
  const shift = describeShift(from, to);
  if (shift.direction === "none") return null;
  const xOf = edge === "start" ? startXOf : endXOf;
  return {
    phaseId: phase.id,
    phaseLabel: phase.label,
    edge,
    from,
    to,
    shift,
    fromX: clamp(xOf(from, startYear), width),
    toX: clamp(xOf(to, startYear), width),
  };
}

function markersOf(
  oldProject: Project | undefined,
  newProject: Project | undefined,
  startYear: number,
  width: number,
): readonly TimelineShiftMarker[] {
  if (oldProject === undefined || newProject === undefined) return [];
  const markers: TimelineShiftMarker[] = [];
  for (const { before: old, after: now } of pairRecords(
    oldProject.phases,
    newProject.phases,
    (phase) => phase.id,
  )) {
    if (old === null || now === null) continue;
    const start = markerOf(
      now,
      "start",
      old.start,
      now.start,
      startYear,
      width,
    );
    if (start !== null) markers.push(start);
    // An open end has no point to move from or to; the bars show it.
    if (old.end !== null && now.end !== null) {
      const end = markerOf(now, "end", old.end, now.end, startYear, width);
      if (end !== null) markers.push(end);
    }
  }
  return markers;
}

function countStates(rows: readonly TimelineComparisonRow[]): ComparisonCounts {
  const count = (state: ComparisonRowState) =>
    rows.filter((row) => row.state === state).length;
  return {
    added: count("added"),
    removed: count("removed"),
    shifted: count("shifted"),
    kept: count("kept"),
  };
}

/**
 * Lays out the before- and after-snapshot on the same axis, in the after-snapshot's
 * grouping (see this module's comment); throws a RangeError for an invalid horizon.
 */
export function layoutTimelineComparison(
  input: TimelineComparisonInput,
): TimelineComparison {
  const { before, after, today } = input;
  const horizon = input.horizon ?? unionHorizon(before, after);
  const matches = matchProjects(before, after);
  const planned = planGroups(before, after, matches);
  const oldLayout = layoutTimeline({
    horizon,
    today,
    groups: groupInput(planned, "before"),
  });
  const newLayout = layoutTimeline({
    horizon,
    today,
    groups: groupInput(planned, "after"),
  });
  const { startYear } = newLayout.horizon;

  const groups = planned.map((group, groupIndex) => {
    const newGroup = newLayout.groups[groupIndex];
    const oldGroup = oldLayout.groups[groupIndex];
    const rows = group.rows.map(({ match }, rowIndex) => {
      const newRow = newGroup?.rows[rowIndex];
      const oldRow = oldGroup?.rows[rowIndex];
      const oldProject = match.before?.project;
      const newProject = match.after?.project;
      const oldSpan = oldProject ? periodSpan(oldProject.phases) : null;
      const newSpan = newProject ? periodSpan(newProject.phases) : null;
      const markers = markersOf(
        oldProject,
        newProject,
        startYear,
        newLayout.width,
      );
      const state: ComparisonRowState =
        match.before === null
          ? "added"
          : match.after === null
            ? "removed"
            : markers.length > 0
              ? "shifted"
              : "kept";
      return {
        key: match.key,
        code: newRow?.code ?? "",
        label: newRow?.label ?? "",
        rowIndex: newRow?.rowIndex ?? 0,
        state,
        oldBars: withPhaseIds(oldRow, oldProject),
        newBars: withPhaseIds(newRow, newProject),
        oldLaneCount: oldRow?.laneCount ?? 1,
        newLaneCount: newRow?.laneCount ?? 1,
        oldSpan,
        newSpan,
        oldSpanLabel: formatSpanGerman(oldSpan),
        newSpanLabel: formatSpanGerman(newSpan),
        markers,
      };
    });
    return {
      key: group.actionField.key,
      label: group.actionField.name,
      colour: group.actionField.colour,
      rowIndex: newGroup?.rowIndex ?? 0,
      isRemoved: group.isRemoved,
      rows,
      counts: countStates(rows),
    };
  });

  return {
    horizon: newLayout.horizon,
    width: newLayout.width,
    yearTicks: newLayout.yearTicks,
    quarterTicks: newLayout.quarterTicks,
    todayX: newLayout.todayX,
    groups,
    rowCount: newLayout.summary.rowCount,
    counts: countStates(groups.flatMap((group) => group.rows)),
  };
}
