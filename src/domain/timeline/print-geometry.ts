/**
 * The geometry of a printed timeline, shared by every document that draws one: the
 * catalogue's SVG (PDF, DOCX) and the revision slides' native shapes (PPTX). Everything is
 * measured in print pixels of a drawing `PrintGeometry.width` wide (12 px = 9 pt on an A4
 * page); a document scales the pixels to its own unit. This module decides where things
 * stand — the frame and the x of a date, row and lane heights, how a project's name wraps,
 * whether a phase's name fits into its bar, how a bar goes on after its end, the colours —
 * so that the SVG and the slides cannot drift apart; the renderers only translate the marks
 * into their format.
 */
import type { TimelineBar, TimelineYearTick } from "./timeline-layout.js";
import type {
  ComparisonBar,
  TimelineComparison,
  TimelineComparisonRow,
  TimelineShiftMarker,
} from "../edition/timeline-comparison.js";
import { safeColour, tint } from "../colour/field-colour.js";

/** Size of a printed timeline: its width in print px, the name column and the font size (px). */
export interface PrintGeometry {
  readonly width: number;
  readonly labelWidth: number;
  readonly font: number;
}

/** An A4 page's text width (174 mm = 658 px) at 12 px = 9 pt. */
export const CATALOGUE_PRINT: PrintGeometry = {
  width: 658,
  labelWidth: 215,
  font: 12,
};

/** A timeline across a wide slide (12.1 in), 13 px ≈ 11 pt there. */
export const SLIDE_PRINT: PrintGeometry = {
  width: 1000,
  labelWidth: 300,
  font: 13,
};

/** Text and marks. */
export const PRINT_INK = "#1b1f23";
/** The year grid. */
export const PRINT_GRID = "#c4c7c9";
/** The axis line under the years. */
export const PRINT_AXIS = "#4c5358";
/** Every other project row. */
export const PRINT_STRIPE = "#f2f3f4";
/** The colour of a field without a usable one. */
export const PRINT_NEUTRAL = "#505a5f";
/** How much white a standing task's bar is mixed with. */
export const PERMANENT_TINT = 0.72;

/** Where the axis line stands; the years are written above it. */
export const AXIS_TOP = 34;
/** Room after the last year for the marks that follow a bar (arrow, dots). */
export const TAIL = 26;
/** The width of a legend entry's sample. */
export const LEGEND_SAMPLE = 28;
/** An old (outlined) bar of a comparison and the step between its lanes. */
export const OLD_HEIGHT = 10;
export const OLD_STEP = 14;

/** The average width of a character, relative to the font size (Liberation Sans, generous). */
const CHAR = 0.56;

/** Rounds to a tenth of a pixel, as every coordinate is written. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** About how wide a text is set at `font` px. */
export function textWidth(text: string, font: number, bold = false): number {
  return text.length * font * (bold ? CHAR + 0.05 : CHAR);
}

/** Splits a text into lines of at most `max` characters at spaces (a longer word is cut). */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((each) => each !== "")) {
    let rest = word;
    while (rest.length > max) {
      if (line !== "") {
        lines.push(line);
        line = "";
      }
      lines.push(rest.slice(0, max - 1) + "-");
      rest = rest.slice(max - 1);
    }
    if (line === "") line = rest;
    else if (line.length + 1 + rest.length <= max) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line !== "") lines.push(line);
  return lines.length === 0 ? [""] : lines;
}

/** White or ink on a colour, whichever reads better. */
export function textOn(colour: string): string {
  const hex = safeColour(colour);
  const [r, g, b] = [1, 3, 5].map(
    (start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255,
  ) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.55 ? "#ffffff" : PRINT_INK;
}

/** The frame of a printed timeline: its rows, its chart area and the x of a time. */
export interface PrintFrame {
  readonly g: PrintGeometry;
  readonly lineHeight: number;
  readonly barHeight: number;
  readonly chartStart: number;
  readonly chartEnd: number;
  readonly yearWidth: number;
  /** How many characters of a project's name fit on a line of the name column. */
  readonly nameChars: number;
  /** The x of a time in years from the horizon's start. */
  xOf(units: number): number;
}

/** The frame of a timeline of `years` years at this geometry. */
export function printFrame(g: PrintGeometry, years: number): PrintFrame {
  const chartStart = g.labelWidth;
  const yearWidth = (g.width - g.labelWidth - TAIL) / years;
  const chartEnd = chartStart + years * yearWidth;
  return {
    g,
    lineHeight: Math.round(g.font * 1.25),
    barHeight: g.font + 6,
    chartStart,
    chartEnd,
    yearWidth,
    nameChars: Math.floor((g.labelWidth - 14) / (g.font * CHAR)),
    xOf: (units) => round(chartStart + units * yearWidth),
  };
}

/** The x where a project's name is written. */
export const NAME_X = 6;

/** The name lines of a row: code and name, with a state ("neu") after it. */
export function nameLines(
  f: PrintFrame,
  code: string,
  label: string,
  state: string | null,
): string[] {
  return wrapWords(
    `${code} ${label}${state === null ? "" : ` (${state})`}`,
    f.nameChars,
  );
}

/** The baseline of a name's line `index`, for a name whose first baseline is `y`. */
export function nameBaseline(f: PrintFrame, y: number, index: number): number {
  return round(y + index * f.lineHeight);
}

/** A year of the axis: its grid line at `x`, its number centred at `labelX`. */
export interface AxisYear {
  readonly year: number;
  readonly x: number;
  readonly labelX: number;
}

/** The years of the axis, where their grid lines and numbers stand. */
export function axisYears(
  f: PrintFrame,
  ticks: readonly TimelineYearTick[],
): AxisYear[] {
  return ticks.map((tick) => ({
    year: tick.year,
    x: f.xOf(tick.x),
    labelX: f.xOf(tick.x + 0.5),
  }));
}

/** A group header's lines: the field's name, wrapped at the bold font one px larger. */
export function headerLines(f: PrintFrame, label: string): string[] {
  return wrapWords(
    label,
    Math.floor((f.chartEnd - 16) / ((f.g.font + 1) * (CHAR + 0.05))),
  );
}

/** The height of a group header's coloured band. */
export function headerHeight(f: PrintFrame, lines: readonly string[]): number {
  return lines.length * f.lineHeight + 8;
}

/** The baseline of a header's line `index`, for a header at `y`. */
export function headerBaseline(
  f: PrintFrame,
  y: number,
  index: number,
): number {
  return round(y + 4 + f.g.font + index * f.lineHeight);
}

/** What follows a bar's end: how the phase goes on. */
export type BarEnd =
  /** "?": the end is not decided; written at `x` on `baseline`. */
  | {
      readonly kind: "undecided";
      readonly x: number;
      readonly baseline: number;
    }
  /** ">": the phase runs on beyond the horizon; a chevron from `x` to `tip`. */
  | {
      readonly kind: "open";
      readonly x: number;
      readonly tip: number;
      readonly top: number;
      readonly middle: number;
      readonly bottom: number;
    }
  /** Dots: the phase is followed by running operation (danach laufend). */
  | {
      readonly kind: "ongoing";
      readonly x1: number;
      readonly x2: number;
      readonly y: number;
    };

/**
 * A bar of the newer (or only) timeline as drawn: filled in the field colour, a standing
 * task in a light tint; the phase's name inside where it fits; what follows its end.
 */
export interface BarMarks {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fill: string;
  readonly stroke: string;
  /** The phase's name in the bar, or null where it does not fit. */
  readonly label: {
    readonly text: string;
    readonly x: number;
    readonly baseline: number;
    readonly colour: string;
  } | null;
  readonly end: BarEnd | null;
}

/** Where a bar of `colour` (safe #rrggbb) stands when its lane's top is at `y`. */
export function barMarks(
  f: PrintFrame,
  bar: TimelineBar,
  y: number,
  colour: string,
): BarMarks {
  const runsOn = bar.isOpenEnd || bar.clippedEnd;
  const x1 = f.xOf(bar.x) + (bar.clippedStart ? 0 : 1);
  const x2 = f.xOf(bar.x + bar.width) - 1;
  const width = Math.max(round(x2 - x1), 2);
  const middle = y + f.barHeight / 2;
  const baseline = round(middle + f.g.font * 0.35);
  const label = bar.label.trim();
  const fits = label !== "" && textWidth(label, f.g.font) + 8 <= width;
  const after = x2 + 3;
  return {
    x: x1,
    y: round(y),
    width,
    height: f.barHeight,
    fill: bar.isPermanent ? tint(colour, PERMANENT_TINT) : colour,
    stroke: colour,
    label: fits
      ? {
          text: label,
          x: round(x1 + 4),
          baseline,
          colour: bar.isPermanent ? PRINT_INK : textOn(colour),
        }
      : null,
    end: bar.isUndecided
      ? { kind: "undecided", x: round(after), baseline }
      : runsOn
        ? {
            kind: "open",
            x: round(after),
            tip: round(after + 6),
            top: round(middle - 5),
            middle: round(middle),
            bottom: round(middle + 5),
          }
        : bar.continuation === "ongoing"
          ? {
              kind: "ongoing",
              x1: round(after),
              x2: round(
                Math.min(x2 + f.yearWidth * 0.6, f.chartEnd + TAIL - 4),
              ),
              y: round(middle),
            }
          : null,
  };
}

/** A box: an old (outlined) bar of a comparison, a stripe, a header. */
export interface PrintBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where an old bar of a comparison stands when its row's old lanes start at `top`. */
export function oldBarBox(
  f: PrintFrame,
  bar: ComparisonBar,
  top: number,
): PrintBox {
  const x1 = f.xOf(bar.x) + 1;
  const x2 = f.xOf(bar.x + bar.width) - 1;
  return {
    x: x1,
    y: round(top + bar.lane * OLD_STEP),
    width: Math.max(round(x2 - x1), 2),
    height: OLD_HEIGHT,
  };
}

/** A shift from the old to the new x, drawn as an arrow over the new bars. */
export interface ShiftArrow {
  readonly marker: TimelineShiftMarker;
  readonly from: number;
  readonly to: number;
  readonly y: number;
}

/** The shift arrow of a marker when the row's new lanes start at `newTop`; null when too short to see. */
export function shiftArrow(
  f: PrintFrame,
  marker: TimelineShiftMarker,
  newTop: number,
): ShiftArrow | null {
  const from = f.xOf(marker.fromX);
  const to = f.xOf(marker.toX);
  if (Math.abs(to - from) < 3) return null;
  return { marker, from, to, y: round(newTop - 3) };
}

/** The height of a comparison row: its name's lines or its old and new lanes. */
export function comparisonRowHeight(
  f: PrintFrame,
  row: TimelineComparisonRow,
  state: string | null,
): number {
  const lines = nameLines(f, row.code, row.label, state);
  const bars =
    6 +
    Math.max(1, row.oldLaneCount) * OLD_STEP +
    6 +
    Math.max(1, row.newLaneCount) * (f.barHeight + 4);
  return Math.max(lines.length * f.lineHeight + 10, bars + 4);
}

/** A comparison row as placed: its band, its name and its marks. */
export interface PlacedComparisonRow {
  readonly row: TimelineComparisonRow;
  readonly y: number;
  readonly height: number;
  /** Every other row has a light band behind it. */
  readonly striped: boolean;
  readonly nameLines: readonly string[];
  /** The baseline of the name's first line. */
  readonly nameTop: number;
  readonly oldBars: readonly { bar: ComparisonBar; box: PrintBox }[];
  readonly newBars: readonly { bar: ComparisonBar; marks: BarMarks }[];
  readonly shifts: readonly ShiftArrow[];
}

/** A field of a comparison as placed: its header band and its rows. */
export interface PlacedComparisonGroup {
  readonly label: string;
  readonly colour: string;
  readonly header: PrintBox & { readonly lines: readonly string[] };
  readonly rows: readonly PlacedComparisonRow[];
}

/** An old-versus-new timeline as placed: old outlined above, new filled below, shifts as arrows. */
export interface PlacedComparison {
  readonly frame: PrintFrame;
  readonly years: readonly AxisYear[];
  readonly groups: readonly PlacedComparisonGroup[];
  /** Where the rows end (the grid lines run down to here). */
  readonly bottom: number;
  /** The whole drawing's height. */
  readonly height: number;
}

/** Places an old-versus-new timeline at a geometry. */
export function placeComparison(
  layout: TimelineComparison,
  geometry: PrintGeometry,
  stateLabel: (row: TimelineComparisonRow) => string | null,
): PlacedComparison {
  const f = printFrame(geometry, layout.width);
  const newStep = f.barHeight + 4;
  let y = AXIS_TOP;
  const groups: PlacedComparisonGroup[] = [];
  for (const group of layout.groups) {
    const colour = safeColour(group.colour);
    const lines = headerLines(f, group.label);
    const header = {
      x: 0,
      y,
      width: round(f.chartEnd),
      height: headerHeight(f, lines),
      lines,
    };
    y += lines.length * f.lineHeight + 10;
    const rows: PlacedComparisonRow[] = [];
    group.rows.forEach((row, index) => {
      const state = stateLabel(row);
      const height = comparisonRowHeight(f, row, state);
      const oldTop = y + 6;
      const newTop = oldTop + Math.max(1, row.oldLaneCount) * OLD_STEP + 6;
      rows.push({
        row,
        y,
        height,
        striped: index % 2 === 1,
        nameLines: nameLines(f, row.code, row.label, state),
        nameTop: y + 5 + f.g.font,
        oldBars: row.oldBars.map((bar) => ({
          bar,
          box: oldBarBox(f, bar, oldTop),
        })),
        newBars: row.newBars.map((bar) => ({
          bar,
          marks: barMarks(f, bar, newTop + bar.lane * newStep, colour),
        })),
        shifts: row.markers.flatMap((marker) => {
          const arrow = shiftArrow(f, marker, newTop);
          return arrow === null ? [] : [arrow];
        }),
      });
      y += height;
    });
    groups.push({ label: group.label, colour, header, rows });
  }
  return {
    frame: f,
    years: axisYears(f, layout.yearTicks),
    groups,
    bottom: y,
    height: y + 6,
  };
}

/** The height an old-versus-new timeline of these groups takes (to split a field over slides). */
export function printComparisonHeight(
  layout: TimelineComparison,
  geometry: PrintGeometry,
  stateLabel: (row: TimelineComparisonRow) => string | null,
): number {
  return placeComparison(layout, geometry, stateLabel).height;
}
