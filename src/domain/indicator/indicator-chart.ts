/**
 * Lays out a key figure's chart as plain geometry for a server-rendered SVG, and the
 * same data as a table for people who cannot see the chart.
 *
 * Units: the plot area is 1 × 1. x = 0 is the left edge, x = 1 the right; y = 0 is the
 * bottom of the y axis and y = 1 its top (up is more, as on paper): the view flips y
 * and scales both to pixels. Days are day numbers (days since 1970-01-01, UTC).
 *
 * Presentation follows the data: no value, nothing; one value, a big number with its
 * as-of date (no chart); two values, two bars; three or more, a line. The time axis is
 * proportional to time in both charts, so uneven gaps between reports stay visible; bars
 * are as wide as the closest pair allows. A target value is drawn as a dashed line up to
 * its date, and the axis reaches that date.
 */
import { formatPointInTimeGerman } from "../period/point-in-time.js";
import {
  dayNumberOf,
  calendarDateOf,
  formatGermanDate,
  formatIsoDate,
} from "../calendar/calendar.js";
import {
  PERCENT_SPACE,
  formatGermanNumber,
  formatGermanPercent,
} from "./german-number.js";
import {
  decimalsOf,
  formatBreakdownPart,
  formatObservationGerman,
  formatTargetValueGerman,
  observationsUpTo,
  shareOf,
  withQualifier,
  type Indicator,
  type Observation,
} from "./indicator.js";
import { niceScale } from "./nice-scale.js";

/** Line for a development over time, bars for comparing a few report dates. */
export type ChartKind = "line" | "bar";

/** How a figure is shown: nothing (no value), a big number (one value) or a chart. */
export type FigurePresentation = "none" | "number" | "chart";

/** The target line: its height, how far it reaches, and its German label. */
export interface ChartTarget {
  readonly y: number;
  /** Where the target's date lies on the x axis (1 when the axis ends there). */
  readonly x: number;
  /** "Ziel: 100 % bis 31.12.2027". */
  readonly label: string;
}

/** One category of the latest value's breakdown, for a stacked bar or a small table. */
export interface ChartBreakdownPart {
  readonly label: string;
  readonly value: number;
  /** "23". */
  readonly valueLabel: string;
  /** "20,7 %", or null for percentages. */
  readonly shareLabel: string | null;
  /** Where the part starts and how much of the whole it takes (0–1). */
  readonly offset: number;
  readonly fraction: number;
}

/** The latest value broken down by category. */
export interface ChartBreakdown {
  /** "Aufteilung am 28.11.2022: 111 Beschäftigte". */
  readonly caption: string;
  readonly totalLabel: string;
  readonly parts: readonly ChartBreakdownPart[];
}

/** Plot the counted value (144) or, for ratios, the share (25,2 %). */
export type ChartMeasure = "value" | "share";

/** Everything the layout needs. */
/**
 * The words of a chart in the reader's language (src/i18n: `reports.chartWords`); dates
 * and numbers come in already formatted.
 */
export interface IndicatorChartWords {
  /** "Stand: 22.11.2022". */
  readonly asOf: (date: string) => string;
  /** The date column of the table ("Stand"). */
  readonly asOfColumn: string;
  /** The denominator column when the indicator names none ("Gesamt"). */
  readonly total: string;
  /** The share column ("Anteil"). */
  readonly share: string;
  /** The value column of a percentage ("Wert"). */
  readonly value: string;
  /** "Anteil in %", "Mitarbeitende in %". */
  readonly inPercent: (what: string) => string;
  /** "Ziel: 100 % bis 31.12.2027" from the value and the date. */
  readonly target: (value: string, date: string) => string;
  /** "Aufteilung am 28.11.2022: 133 Mitarbeitende". */
  readonly breakdown: (date: string, total: string) => string;
  readonly noValues: (name: string) => string;
  readonly single: (name: string, date: string, value: string) => string;
  readonly series: (
    name: string,
    count: number,
    from: string,
    to: string,
    first: string,
    last: string,
  ) => string;
  readonly highest: (value: string, date: string) => string;
}

export interface IndicatorChartInput {
  readonly indicator: Indicator;
  /** The chart's words in the reader's language. */
  readonly words: IndicatorChartWords;
  readonly observations: readonly Observation[];
  /** The as-of date of the report or page: later observations are not shown. */
  readonly asOf: number;
  /** Default: bars for two values, a line for three or more. */
  readonly kind?: ChartKind;
  /** Default "value" for counts and "share" for ratios. */
  readonly measure?: ChartMeasure;
  /** First day of the x axis; default the first observation shown. */
  readonly from?: number;
  /** Last day of the x axis; default the last observation shown (at most `asOf`). */
  readonly to?: number;
  /** At most this many steps on the y axis; default 5. */
  readonly maxYIntervals?: number;
}

/** A tick on the y axis. */
export interface ChartYTick {
  readonly value: number;
  readonly y: number;
  /** German, e.g. "1.500" or "20 %". */
  readonly label: string;
}

/** A tick on the x axis. */
export interface ChartXTick {
  readonly x: number;
  /** "2022", "QIV/2022" or a date, depending on the span. */
  readonly label: string;
}

/** One observation as a point (line) or the top centre of its bar. */
export interface ChartPoint {
  readonly day: number;
  readonly x: number;
  readonly y: number;
  /** The plotted number: the value, or the share in percent (25.17). */
  readonly value: number;
  /** The plotted number in German ("1.832", "25,2 %"). */
  readonly valueLabel: string;
  readonly dateLabel: string;
  readonly isoDate: string;
  /** Whether the value is approximate ("mehr als 60"): drawn hollow, labelled with its qualifier. */
  readonly isApproximate: boolean;
}

/** One bar; it spans from `baseY` to `y` (which lies below `baseY` for negative values). */
export interface ChartBar {
  /** Left edge. */
  readonly x: number;
  readonly width: number;
  readonly y: number;
  readonly baseY: number;
}

/** One row of the table alternative. */
export interface ChartTableRow {
  readonly day: number;
  readonly isoDate: string;
  /** The cells under `headers`, all formatted in German. */
  readonly cells: readonly string[];
}

/** The table alternative to the chart, with the same observations. */
export interface ChartTable {
  readonly caption: string;
  readonly headers: readonly string[];
  /** Per header: whether it is the municipality's own text (unit, denominator), not ours. */
  readonly headerIsContent: readonly boolean[];
  readonly rows: readonly ChartTableRow[];
}

/** The complete chart model: geometry, texts and the table. */
export interface IndicatorChart {
  /** Nothing, a big number or the chart; geometry is only drawn for "chart". */
  readonly presentation: FigurePresentation;
  readonly kind: ChartKind;
  readonly measure: ChartMeasure;
  readonly title: string;
  /** What is counted, shown next to the chart. */
  readonly definition: string;
  readonly source: string;
  /**
   * "Stand: 22.11.2022": the date of the latest value shown, which may lie before the
   * report's as-of date (followers counted on 22.11. for a report as of 28.11.).
   */
  readonly asOfLabel: string;
  /** The y axis title, the unit or "Anteil in %". */
  readonly yAxisLabel: string;
  readonly yTicks: readonly ChartYTick[];
  readonly xTicks: readonly ChartXTick[];
  /** Where 0 lies on the y axis (the bars' base). */
  readonly baselineY: number;
  readonly points: readonly ChartPoint[];
  /** Only for bar charts; empty for lines. */
  readonly bars: readonly ChartBar[];
  readonly table: ChartTable;
  /** A sentence describing the chart, for alt text and screen readers. */
  readonly summary: string;
  /** The target line, or null without a target. */
  readonly target: ChartTarget | null;
  /** "Ziel: 100 % bis 31.12.2027", also for the big number; null without a target. */
  readonly targetLabel: string | null;
  /** The latest shown value's breakdown, or null when it has none. */
  readonly breakdown: ChartBreakdown | null;
  /** The latest value for the big number ("mehr als 60", "66,7 %"), or null. */
  readonly currentLabel: string | null;
}

/** The share of a bar slot a bar fills; the rest is the gap that separates bars. */
export const BAR_FILL = 0.6;

interface Plotted {
  readonly observation: Observation;
  readonly value: number;
  readonly label: string;
}

function plotted(
  indicator: Indicator,
  observation: Observation,
  measure: ChartMeasure,
): Plotted | null {
  if (measure === "value") {
    return {
      observation,
      value: observation.value,
      label:
        indicator.kind === "ratio"
          ? withQualifier(
              observation.qualifier,
              formatGermanNumber(observation.value),
            )
          : formatObservationGerman(observation, indicator),
    };
  }
  const share = shareOf(observation);
  // An observation without a whole cannot be shown as a share (validateObservation flags it).
  if (share === null) return null;
  return {
    observation,
    value: share * 100,
    label: withQualifier(observation.qualifier, formatGermanPercent(share)),
  };
}

function yearTicks(from: number, to: number): ChartXTick[] {
  const ticks: ChartXTick[] = [];
  const span = to - from;
  for (
    let year = calendarDateOf(from).year;
    year <= calendarDateOf(to).year + 1;
    year += 1
  ) {
    const day = dayNumberOf(year, 1, 1);
    if (day >= from && day <= to)
      ticks.push({ x: (day - from) / span, label: String(year) });
  }
  return ticks;
}

function quarterTicks(from: number, to: number): ChartXTick[] {
  const ticks: ChartXTick[] = [];
  const span = to - from;
  for (
    let year = calendarDateOf(from).year;
    year <= calendarDateOf(to).year;
    year += 1
  ) {
    for (const quarter of [1, 2, 3, 4] as const) {
      const day = dayNumberOf(year, quarter * 3 - 2, 1);
      if (day < from || day > to) continue;
      ticks.push({
        x: (day - from) / span,
        label: formatPointInTimeGerman({ precision: "quarter", year, quarter }),
      });
    }
  }
  return ticks;
}

// Year starts when the span crosses at least two, else quarter starts, else the dates of
// the points themselves: an axis needs two labels to be readable.
function lineXTicks(
  from: number,
  to: number,
  points: readonly ChartPoint[],
): ChartXTick[] {
  if (to > from) {
    const years = yearTicks(from, to);
    if (years.length >= 2) return years;
    const quarters = quarterTicks(from, to);
    if (quarters.length >= 2) return quarters;
  }
  return points.map((point) => ({ x: point.x, label: point.dateLabel }));
}

function tableOf(
  indicator: Indicator,
  observations: readonly Observation[],
  words: IndicatorChartWords,
): ChartTable {
  const isRatio = indicator.kind === "ratio";
  const headers = isRatio
    ? [
        words.asOfColumn,
        indicator.unit,
        indicator.denominatorLabel ?? words.total,
        words.share,
      ]
    : [
        words.asOfColumn,
        indicator.kind === "percent" ? words.value : indicator.unit,
      ];
  const headerIsContent = isRatio
    ? [false, true, indicator.denominatorLabel !== null, false]
    : [false, indicator.kind !== "percent"];
  const rows = observations.map((observation) => {
    const cells = [
      formatGermanDate(observation.day),
      isRatio
        ? withQualifier(
            observation.qualifier,
            formatGermanNumber(observation.value),
          )
        : formatObservationGerman(observation, indicator),
    ];
    if (isRatio) {
      const share = shareOf(observation);
      cells.push(
        observation.denominator === null
          ? "–"
          : formatGermanNumber(observation.denominator),
        share === null ? "–" : formatGermanPercent(share),
      );
    }
    return {
      day: observation.day,
      isoDate: formatIsoDate(observation.day),
      cells,
    };
  });
  return { caption: indicator.name, headers, headerIsContent, rows };
}

function summaryOf(
  indicator: Indicator,
  shown: readonly Plotted[],
  words: IndicatorChartWords,
): string {
  const first = shown[0];
  const last = shown[shown.length - 1];
  if (first === undefined || last === undefined) {
    return words.noValues(indicator.name);
  }
  const describe = (each: Plotted): string =>
    indicator.kind === "ratio"
      ? formatObservationGerman(each.observation, indicator)
      : each.label;
  if (shown.length === 1) {
    return words.single(
      indicator.name,
      formatGermanDate(last.observation.day),
      describe(last),
    );
  }
  const highest = shown.reduce((best, each) =>
    each.value > best.value ? each : best,
  );
  const peak =
    highest === last
      ? ""
      : ` ${words.highest(describe(highest), formatGermanDate(highest.observation.day))}`;
  return (
    words.series(
      indicator.name,
      shown.length,
      formatGermanDate(first.observation.day),
      formatGermanDate(last.observation.day),
      describe(first),
      describe(last),
    ) + peak
  );
}

/** The gap kept at both ends of a bar chart's time axis, so that no bar sits on an edge. */
const BAR_PADDING = 0.12;
/** The widest a bar may be, as a share of the plot width. */
const BAR_MAX_WIDTH = 0.16;

function breakdownOf(
  indicator: Indicator,
  latest: Observation | undefined,
  words: IndicatorChartWords,
): ChartBreakdown | null {
  const parts = latest?.breakdown ?? [];
  if (latest === undefined || parts.length === 0) return null;
  const total = parts.reduce((sum, part) => sum + part.value, 0);
  let offset = 0;
  const laid = parts.map((part) => {
    const fraction = total > 0 ? part.value / total : 0;
    const formatted = formatBreakdownPart(indicator, latest, part);
    const each: ChartBreakdownPart = {
      label: part.label,
      value: part.value,
      valueLabel: formatted.value,
      shareLabel: formatted.share,
      offset,
      fraction,
    };
    offset += fraction;
    return each;
  });
  const totalLabel = formatObservationGerman(latest, indicator);
  return {
    caption: words.breakdown(
      formatGermanDate(latest.day),
      `${totalLabel}${indicator.kind === "percent" ? "" : ` ${indicator.unit}`}`,
    ),
    totalLabel,
    parts: laid,
  };
}

/** Computes the chart geometry, its texts and its table for one indicator. */
export function layoutIndicatorChart(
  input: IndicatorChartInput,
): IndicatorChart {
  const { indicator, asOf, words } = input;
  const measure =
    input.measure ?? (indicator.kind === "ratio" ? "share" : "value");
  if (measure === "share" && indicator.kind !== "ratio") {
    throw new RangeError(
      `Indicator ${indicator.key} is a count; only ratios have a share.`,
    );
  }

  const upTo = observationsUpTo(input.observations, asOf);
  const firstDay = input.from ?? upTo[0]?.day ?? asOf;
  const lastShown = input.to ?? upTo[upTo.length - 1]?.day ?? asOf;
  if (lastShown < firstDay) {
    throw new RangeError(
      `The x axis must not end before it starts (${firstDay} > ${lastShown}).`,
    );
  }
  const inRange = upTo.filter((o) => o.day >= firstDay && o.day <= lastShown);
  const shown = inRange
    .map((observation) => plotted(indicator, observation, measure))
    .filter((each): each is Plotted => each !== null);
  const presentation: FigurePresentation =
    shown.length === 0 ? "none" : shown.length === 1 ? "number" : "chart";
  const kind: ChartKind = input.kind ?? (shown.length >= 3 ? "line" : "bar");

  const goal = indicator.target ?? null;
  // Ratios keep their target as a share in percent; plotted as a value it has no place.
  const targetValue =
    goal === null || (indicator.kind === "ratio" && measure === "value")
      ? null
      : goal.value;
  const lastDay =
    goal !== null && targetValue !== null && goal.day > lastShown
      ? goal.day
      : lastShown;

  const values = shown.map((each) => each.value);
  if (targetValue !== null && values.length > 0) values.push(targetValue);
  const decimals = measure === "value" ? decimalsOf(indicator) : 1;
  const scale = niceScale(
    values.length === 0 ? 0 : Math.min(...values),
    values.length === 0 ? 0 : Math.max(...values),
    {
      maxIntervals: input.maxYIntervals ?? 5,
      ...(measure === "value" ? { minStep: 1 / 10 ** decimals } : {}),
    },
  );
  const yOf = (value: number): number =>
    (value - scale.min) / (scale.max - scale.min);
  const isPercentAxis = measure === "share" || indicator.kind === "percent";
  const tickLabel = (value: number): string => {
    const number = formatGermanNumber(value, scale.fractionDigits);
    return isPercentAxis ? `${number}${PERCENT_SPACE}%` : number;
  };

  const span = lastDay - firstDay;
  const inner = kind === "bar" ? 1 - 2 * BAR_PADDING : 1;
  const xOf = (day: number): number =>
    span === 0
      ? 0.5
      : (kind === "bar" ? BAR_PADDING : 0) + ((day - firstDay) / span) * inner;
  const points: ChartPoint[] = shown.map((each) => ({
    day: each.observation.day,
    x: xOf(each.observation.day),
    y: yOf(each.value),
    value: each.value,
    valueLabel: each.label,
    dateLabel: formatGermanDate(each.observation.day),
    isoDate: formatIsoDate(each.observation.day),
    isApproximate: (each.observation.qualifier ?? null) !== null,
  }));

  const baselineY = yOf(0);
  let closest = 1;
  for (let index = 1; index < points.length; index += 1) {
    const gap = (points[index]?.x ?? 0) - (points[index - 1]?.x ?? 0);
    if (gap > 0) closest = Math.min(closest, gap);
  }
  const barWidth = Math.min(BAR_MAX_WIDTH, closest * BAR_FILL);
  const bars: ChartBar[] =
    kind === "bar"
      ? points.map((point) => ({
          x: point.x - barWidth / 2,
          width: barWidth,
          y: point.y,
          baseY: baselineY,
        }))
      : [];

  const targetLabel =
    goal === null
      ? null
      : words.target(
          formatTargetValueGerman(indicator, goal),
          formatGermanDate(goal.day),
        );
  const target: ChartTarget | null =
    goal === null || targetValue === null || presentation !== "chart"
      ? null
      : {
          y: yOf(targetValue),
          x: Math.min(1, Math.max(0, xOf(goal.day))),
          label: targetLabel ?? "",
        };
  const latest = shown[shown.length - 1];

  return {
    presentation,
    kind,
    measure,
    title: indicator.name,
    definition: indicator.definition,
    source: indicator.source,
    asOfLabel: words.asOf(formatGermanDate(latest?.observation.day ?? asOf)),
    yAxisLabel: isPercentAxis
      ? words.inPercent(
          measure === "share"
            ? words.share
            : indicator.unit.trim() === "" || indicator.unit.trim() === "%"
              ? words.value
              : indicator.unit,
        )
      : indicator.unit,
    yTicks: scale.ticks.map((value) => ({
      value,
      y: yOf(value),
      label: tickLabel(value),
    })),
    xTicks:
      kind === "bar"
        ? points.map((point) => ({ x: point.x, label: point.dateLabel }))
        : lineXTicks(firstDay, lastDay, points),
    baselineY,
    points,
    bars,
    table: tableOf(
      indicator,
      shown.map((each) => each.observation),
      words,
    ),
    summary:
      summaryOf(indicator, shown, words) +
      (targetLabel === null ? "" : ` ${targetLabel}.`),
    target,
    targetLabel,
    breakdown: breakdownOf(indicator, latest?.observation, words),
    currentLabel:
      latest === undefined
        ? null
        : indicator.kind === "ratio"
          ? formatObservationGerman(latest.observation, indicator)
          : latest.label,
  };
}
