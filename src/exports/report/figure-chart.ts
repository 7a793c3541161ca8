/**
 * A key figure's chart for the report deck, following the portal's rules
 * (domain/indicator/indicator-chart.ts): one value is a big number with its Stand, two
 * values are bars, three or more a line, and the time axis is proportional to time. The
 * chart is a native PowerPoint chart on a date axis: its categories are the days as
 * spreadsheet serial numbers, so the gaps between values keep their length, and dates
 * and numbers carry fixed German format codes instead of the viewer's settings.
 */
import type { IndicatorChart } from "../../domain/indicator/indicator-chart.js";
import {
  decimalsOf,
  type Indicator,
} from "../../domain/indicator/indicator.js";

/** Days between 1899-12-30 (spreadsheet day 0) and 1970-01-01 (day number 0). */
const SERIAL_OFFSET = 25_569;

/** A day number as a spreadsheet date serial. */
export function dateSerial(day: number): number {
  return day + SERIAL_OFFSET;
}

/** Integers with a dot between thousands, whatever the viewer's settings ("1.832"). */
const GERMAN_INTEGER = '[>=1000000]#"."000"."000;[>=1000]#"."000;0';

/** The format code of values with `decimals` places: fixed German for whole numbers. */
export function valueFormatCode(decimals: number): string {
  if (decimals <= 0) return GERMAN_INTEGER;
  return `[$-407]#,##0.${"0".repeat(decimals)}`;
}

/** One series of the chart, as pptxgenjs takes it. */
export interface FigureChartSeries {
  readonly name: string;
  readonly labels: readonly number[];
  readonly values: readonly (number | null)[];
}

/** What the deck passes to `slide.addChart`: the kind, the series and the axis settings. */
export interface FigureChartSpec {
  readonly kind: "line" | "bar";
  readonly series: readonly FigureChartSeries[];
  /** First and last day of the time axis, as serials. */
  readonly axisStart: number;
  readonly axisEnd: number;
  /** The date format of the axis labels: years, months or days, by the span. */
  readonly dateFormat: string;
  readonly timeUnit: "days" | "months" | "years";
  readonly majorUnit: number;
  /** The value axis as on the portal: from its lowest to its highest tick. */
  readonly valueMin: number;
  readonly valueMax: number;
  readonly valueStep: number | null;
  readonly valueFormat: string;
  /** The format of the values on bars. */
  readonly labelFormat: string;
  /** Whether the target is a series of its own (line charts with a target). */
  readonly hasTarget: boolean;
}

/**
 * The chart of a figure with two or more values; null when the layout shows no chart
 * (no value, or a single value that is a big number).
 */
export function figureChartSpec(
  chart: IndicatorChart,
  indicator: Indicator,
): FigureChartSpec | null {
  if (chart.presentation !== "chart" || chart.points.length < 2) return null;
  const days = chart.points.map((point) => point.day);
  const first = Math.min(...days);
  const lastValue = Math.max(...days);
  // The layout keeps a target only where it can be plotted (ratios: as a share).
  const goal = chart.target === null ? null : (indicator.target ?? null);
  const targetDay =
    chart.kind === "line" && goal !== null && goal.day > first
      ? goal.day
      : null;
  const last = Math.max(lastValue, targetDay ?? lastValue);
  const span = Math.max(1, last - first);
  // Bars need room beside the first and the last; a line's points sit on the edge.
  const pad = Math.ceil(span * (chart.kind === "bar" ? 0.12 : 0.03));
  const axisStart = dateSerial(first - pad);
  const axisEnd = dateSerial(last + pad);
  const years = span / 365.25;
  const [dateFormat, timeUnit, majorUnit] =
    years > 3
      ? (["YYYY", "years", Math.max(1, Math.ceil(years / 6))] as const)
      : // Bars are one time unit wide: a day would be a hairline.
        span > 120 || (chart.kind === "bar" && span >= 45)
        ? ([
            "MM.YYYY",
            "months",
            Math.max(1, Math.ceil(span / 30.44 / 6)),
          ] as const)
        : (["DD.MM.YYYY", "days", Math.max(1, Math.ceil(span / 5))] as const);
  const labels = [
    ...new Set([...days, ...(targetDay === null ? [] : [targetDay])]),
  ].sort((a, b) => a - b);
  const valueOf = new Map(
    chart.points.map((point) => [point.day, point.value]),
  );
  const series: FigureChartSeries[] = [
    {
      name: chart.yAxisLabel,
      labels: labels.map(dateSerial),
      values: labels.map((day) => valueOf.get(day) ?? null),
    },
  ];
  if (targetDay !== null && goal !== null && chart.target !== null)
    series.push({
      name: chart.target.label,
      labels: labels.map(dateSerial),
      values: labels.map((day) =>
        day === first || day === targetDay ? goal.value : null,
      ),
    });
  const ticks = chart.yTicks.map((tick) => tick.value);
  const step =
    ticks.length >= 2 ? (ticks[1] as number) - (ticks[0] as number) : null;
  const plottedDecimals = chart.measure === "share" ? 1 : decimalsOf(indicator);
  return {
    kind: chart.kind,
    series,
    axisStart,
    axisEnd,
    dateFormat,
    timeUnit,
    majorUnit,
    valueMin: Math.min(0, ...ticks),
    valueMax: Math.max(
      ...ticks,
      ...chart.points.map((point) => point.value),
      ...(goal === null ? [] : [goal.value]),
    ),
    valueStep: step,
    // Axis ticks are whole numbers unless the step is not.
    valueFormat: valueFormatCode(
      step !== null && Number.isInteger(step) ? 0 : plottedDecimals,
    ),
    labelFormat: valueFormatCode(plottedDecimals),
    hasTarget: series.length > 1,
  };
}
