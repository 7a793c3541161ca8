/**
 * Lays out the programme timeline as plain geometry: 1 unit = 1 year, x = 0 is
 * 1 January of the horizon's first year. The view scales units to pixels.
 */

import {
  formatPeriodGerman,
  type Continuation,
  type Period,
} from "../period/period.js";
import {
  formatPointInTimeGerman,
  type PointInTime,
} from "../period/point-in-time.js";
import {
  calendarDateOf,
  dayNumberOf,
  daysInYear,
} from "../calendar/calendar.js";

/** The years shown, both inclusive. */
export interface TimelineHorizon {
  readonly startYear: number;
  readonly endYear: number;
}

/** One phase of a project as input to the layout. */
export interface TimelinePhaseInput {
  readonly label: string;
  readonly period: Period;
}

/** One project row as input to the layout. */
export interface TimelineRowInput {
  readonly key: string;
  readonly code: string;
  readonly label: string;
  readonly phases: readonly TimelinePhaseInput[];
}

/** A group of project rows (e.g. an action field) as input to the layout. */
export interface TimelineGroupInput {
  readonly key: string;
  readonly label: string;
  readonly colour: string;
  readonly rows: readonly TimelineRowInput[];
}

/** Everything the layout needs; `today` is a day number (days since 1970-01-01, UTC). */
export interface TimelineInput {
  readonly horizon: TimelineHorizon;
  readonly today: number;
  readonly groups: readonly TimelineGroupInput[];
}

/** One phase drawn as a bar, clipped to the horizon. */
export interface TimelineBar {
  /** Index of the phase in the row's input phases (phases outside the horizon leave gaps). */
  readonly phaseIndex: number;
  readonly label: string;
  readonly x: number;
  readonly width: number;
  /** The phase has no end and runs on to the horizon's end (and beyond). */
  readonly isOpenEnd: boolean;
  /** The phase has no end because it is not decided yet ("noch offen"). */
  readonly isUndecided: boolean;
  /**
   * The lane within the row, 0 for the first: phases of one project that overlap are
   * drawn in separate lanes, so that none hides another (see assignLanes).
   */
  readonly lane: number;
  readonly isPermanent: boolean;
  readonly continuation: Continuation | null;
  /** The phase starts before the horizon. */
  readonly clippedStart: boolean;
  /** The phase has an end after the horizon; open ends are flagged by isOpenEnd instead. */
  readonly clippedEnd: boolean;
  readonly startLabel: string;
  /** The end in German, or null for an open end. */
  readonly endLabel: string | null;
  /** The whole period in German, for tooltips and screen readers. */
  readonly periodLabel: string;
}

/** A project row with its bars and stacking position. */
export interface TimelineRowLayout {
  readonly key: string;
  readonly code: string;
  readonly label: string;
  readonly rowIndex: number;
  readonly bars: readonly TimelineBar[];
  /** How many lanes the row's bars need (at least 1). */
  readonly laneCount: number;
}

/** A group with its header row's stacking position and its project rows. */
export interface TimelineGroupLayout {
  readonly key: string;
  readonly label: string;
  readonly colour: string;
  /** The header row's position; the group's project rows follow directly. */
  readonly rowIndex: number;
  readonly rows: readonly TimelineRowLayout[];
}

/** A year boundary (1 January of `year`). */
export interface TimelineYearTick {
  readonly year: number;
  readonly x: number;
}

/** A quarter boundary inside a year (1 April, 1 July, 1 October). */
export interface TimelineQuarterTick {
  readonly x: number;
}

/** Counts the view needs to size itself. */
export interface TimelineSummary {
  /** All stacked rows: one header per group plus every project row. */
  readonly rowCount: number;
  readonly groupCount: number;
  readonly projectRowCount: number;
}

/** The years a timeline shows, with its ticks and today: what a timeline and a comparison share. */
export interface TimelineAxis {
  readonly horizon: TimelineHorizon;
  /** Total width in units (number of years shown). */
  readonly width: number;
  readonly yearTicks: readonly TimelineYearTick[];
  readonly quarterTicks: readonly TimelineQuarterTick[];
  /** Where today lies, or null when it is outside the horizon. */
  readonly todayX: number | null;
}

/** The complete timeline geometry. */
export interface TimelineLayout extends TimelineAxis {
  readonly groups: readonly TimelineGroupLayout[];
  readonly summary: TimelineSummary;
}

/** The x position of the start of a day (exact per year, so leap years get 366 parts). */
export function xOfDay(day: number, startYear: number): number {
  const date = calendarDateOf(day);
  const dayOfYear = day - dayNumberOf(date.year, 1, 1);
  return date.year - startYear + dayOfYear / daysInYear(date.year);
}

// Coarse points sit on their own grid ("2021-Q4" starts at 2021 + 3/4) so that bars line
// up with the quarter ticks; only day points use the exact day fraction.

/** The x position where a point begins. */
export function startXOf(point: PointInTime, startYear: number): number {
  const yearOffset = point.year - startYear;
  switch (point.precision) {
    case "year":
      return yearOffset;
    case "quarter":
      return yearOffset + (point.quarter - 1) / 4;
    case "month":
      return yearOffset + (point.month - 1) / 12;
    case "day":
      return xOfDay(dayNumberOf(point.year, point.month, point.day), startYear);
  }
}

/** The x position where a point ends (the start of what follows it). */
export function endXOf(point: PointInTime, startYear: number): number {
  const yearOffset = point.year - startYear;
  switch (point.precision) {
    case "year":
      return yearOffset + 1;
    case "quarter":
      return yearOffset + point.quarter / 4;
    case "month":
      return yearOffset + point.month / 12;
    case "day":
      return xOfDay(
        dayNumberOf(point.year, point.month, point.day) + 1,
        startYear,
      );
  }
}

function requireHorizon(horizon: TimelineHorizon): void {
  const { startYear, endYear } = horizon;
  if (
    !Number.isInteger(startYear) ||
    !Number.isInteger(endYear) ||
    startYear > endYear
  ) {
    throw new RangeError(
      `Timeline horizon must be whole years with start ≤ end, got ${startYear}–${endYear}.`,
    );
  }
}

/** A bar before its lane is known. */
type UnplacedBar = Omit<TimelineBar, "lane">;

/**
 * Puts overlapping bars of one row into separate lanes: bars are taken by start (ties in
 * input order), each goes into the first lane whose last bar ends at or before its start.
 * A bar without end occupies its lane to the end of time. Phases that only touch ("2021–
 * 2022" then "2023–2024") share a lane, so a row without overlaps stays one lane.
 * Returns the lane of each bar, in the order given, and the number of lanes.
 */
export function assignLanes(
  spans: readonly { readonly x: number; readonly end: number }[],
): { readonly lanes: readonly number[]; readonly laneCount: number } {
  const order = spans
    .map((span, index) => ({ span, index }))
    .sort((a, b) => a.span.x - b.span.x || a.index - b.index);
  const laneEnds: number[] = [];
  const lanes: number[] = spans.map(() => 0);
  // A tolerance for the floating-point day fractions of touching phases.
  const touching = 1e-9;
  for (const { span, index } of order) {
    let lane = laneEnds.findIndex((end) => end <= span.x + touching);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(span.end);
    } else {
      laneEnds[lane] = span.end;
    }
    lanes[index] = lane;
  }
  return { lanes, laneCount: Math.max(1, laneEnds.length) };
}

/** The bars of a row with their lanes (see assignLanes). */
function placeBars(bars: readonly UnplacedBar[]): {
  readonly bars: readonly TimelineBar[];
  readonly laneCount: number;
} {
  const { lanes, laneCount } = assignLanes(
    bars.map((bar) => ({
      x: bar.x,
      end: bar.isOpenEnd ? Number.POSITIVE_INFINITY : bar.x + bar.width,
    })),
  );
  return {
    bars: bars.map((bar, index) => ({ ...bar, lane: lanes[index] ?? 0 })),
    laneCount,
  };
}

function layoutBar(
  phase: TimelinePhaseInput,
  phaseIndex: number,
  startYear: number,
  width: number,
): UnplacedBar | null {
  const { period } = phase;
  const rawStart = startXOf(period.start, startYear);
  const rawEnd =
    period.end === null
      ? Number.POSITIVE_INFINITY
      : endXOf(period.end, startYear);
  // Entirely outside the horizon, or an invalid period (end before start): nothing to draw.
  if (rawStart >= width || rawEnd <= 0 || rawEnd <= rawStart) return null;
  const x = Math.max(0, rawStart);
  const end = Math.min(width, rawEnd);
  return {
    phaseIndex,
    label: phase.label,
    x,
    width: end - x,
    isOpenEnd: period.end === null,
    isUndecided: period.end === null && period.continuation === "undecided",
    isPermanent: period.continuation === "permanent",
    continuation: period.continuation,
    clippedStart: rawStart < 0,
    clippedEnd: period.end !== null && rawEnd > width,
    startLabel: formatPointInTimeGerman(period.start),
    endLabel: period.end === null ? null : formatPointInTimeGerman(period.end),
    periodLabel: formatPeriodGerman(period),
  };
}

/** Computes the timeline geometry; throws a RangeError for an invalid horizon. */
export function layoutTimeline(input: TimelineInput): TimelineLayout {
  const { horizon, today, groups } = input;
  requireHorizon(horizon);
  const { startYear, endYear } = horizon;
  const width = endYear - startYear + 1;

  const yearTicks: TimelineYearTick[] = [];
  const quarterTicks: TimelineQuarterTick[] = [];
  for (let year = startYear; year <= endYear; year += 1) {
    const x = year - startYear;
    yearTicks.push({ year, x });
    quarterTicks.push({ x: x + 0.25 }, { x: x + 0.5 }, { x: x + 0.75 });
  }

  const horizonFirstDay = dayNumberOf(startYear, 1, 1);
  const horizonLastDay = dayNumberOf(endYear, 12, 31);
  const todayX =
    today >= horizonFirstDay && today <= horizonLastDay
      ? xOfDay(today, startYear)
      : null;

  let rowIndex = 0;
  let projectRowCount = 0;
  const groupLayouts: TimelineGroupLayout[] = groups.map((group) => {
    const headerIndex = rowIndex;
    rowIndex += 1;
    const rows: TimelineRowLayout[] = group.rows.map((row) => {
      const unplaced: UnplacedBar[] = [];
      row.phases.forEach((phase, phaseIndex) => {
        const bar = layoutBar(phase, phaseIndex, startYear, width);
        if (bar !== null) unplaced.push(bar);
      });
      const { bars, laneCount } = placeBars(unplaced);
      const layout: TimelineRowLayout = {
        key: row.key,
        code: row.code,
        label: row.label,
        rowIndex,
        bars,
        laneCount,
      };
      rowIndex += 1;
      projectRowCount += 1;
      return layout;
    });
    return {
      key: group.key,
      label: group.label,
      colour: group.colour,
      rowIndex: headerIndex,
      rows,
    };
  });

  return {
    horizon: { startYear, endYear },
    width,
    yearTicks,
    quarterTicks,
    todayX,
    groups: groupLayouts,
    summary: { rowCount: rowIndex, groupCount: groups.length, projectRowCount },
  };
}
