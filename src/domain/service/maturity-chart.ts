/**
 * The maturity distribution of the OZG register (how many services reached each level of
 * the Reifegradmodell) as plain geometry for a server-rendered bar chart, with the same
 * numbers as a table and a sentence for alt text. One chart per model version: levels of
 * different versions are not comparable, so they are never drawn on one axis.
 *
 * Units as in `indicator-chart.ts`: the plot area is 1 × 1, y = 0 at the bottom.
 */
import { formatGermanNumber } from "../indicator/german-number.js";
import { niceScale } from "../indicator/nice-scale.js";
import type { MaturityDistribution } from "./ozg-figures.js";
import { MATURITY_1_1_LEVEL_LABELS } from "./service.js";

/** One bar: a level and its count. */
export interface MaturityBar {
  readonly level: number;
  readonly count: number;
  /** "Stufe 3", under the bar. */
  readonly axisLabel: string;
  /** "Stufe 3" and, for model 1.1, its name. */
  readonly label: string;
  readonly x: number;
  readonly width: number;
  readonly y: number;
}

/** The chart of one model version. */
export interface MaturityChart {
  readonly title: string;
  readonly modelVersion: string;
  readonly bars: readonly MaturityBar[];
  readonly yTicks: readonly {
    readonly value: number;
    readonly y: number;
    readonly label: string;
  }[];
  readonly yAxisLabel: string;
  /** The table alternative: level, name, count. */
  readonly table: {
    readonly caption: string;
    readonly headers: readonly string[];
    readonly rows: readonly (readonly string[])[];
  };
  readonly summary: string;
}

/** The share of a slot a bar fills. */
const BAR_FILL = 0.6;

/**
 * The words of the maturity chart in the reader's language (src/i18n:
 * `reports.maturityChartWords`); numbers come in already formatted.
 */
export interface MaturityChartWords {
  /** "Stufe 3" and, for model 1.1, its name: "Stufe 3 – Online-Leistung". */
  readonly level: (level: number, name: string | null) => string;
  /** The names of the levels of maturity model 1.1, from 0. */
  readonly levelNames: readonly string[];
  /** "Reifegrad der OZG-Leistungen (Reifegradmodell 1.1)". */
  readonly title: (modelVersion: string) => string;
  /** The y axis and the count column ("Leistungen"). */
  readonly services: string;
  /** The level column ("Stufe"). */
  readonly levelColumn: string;
  readonly noneAssessed: (title: string) => string;
  readonly summary: (title: string, assessed: string, parts: string) => string;
}

function levelLabel(
  modelVersion: string,
  level: number,
  words: MaturityChartWords,
): string {
  const name =
    modelVersion === "1.1" && MATURITY_1_1_LEVEL_LABELS[level] !== undefined
      ? (words.levelNames[level] ?? null)
      : null;
  return words.level(level, name);
}

/** Lays out the bars of one distribution, with its words in the reader's language. */
export function layoutMaturityChart(
  distribution: MaturityDistribution,
  words: MaturityChartWords,
): MaturityChart {
  const counts = distribution.levels.map((level) => level.count);
  const scale = niceScale(0, Math.max(0, ...counts), {
    minStep: 1,
    maxIntervals: 5,
  });
  const slot =
    distribution.levels.length === 0 ? 1 : 1 / distribution.levels.length;
  const yOf = (value: number): number =>
    (value - scale.min) / (scale.max - scale.min);
  const bars = distribution.levels.map((level, index) => ({
    level: level.level,
    count: level.count,
    label: levelLabel(distribution.modelVersion, level.level, words),
    axisLabel: words.level(level.level, null),
    x: index * slot + (slot * (1 - BAR_FILL)) / 2,
    width: slot * BAR_FILL,
    y: yOf(level.count),
  }));
  const title = words.title(distribution.modelVersion);
  const parts = bars.map(
    (bar) => `${bar.label}: ${formatGermanNumber(bar.count)}`,
  );
  return {
    title,
    modelVersion: distribution.modelVersion,
    bars,
    yTicks: scale.ticks.map((value) => ({
      value,
      y: yOf(value),
      label: formatGermanNumber(value),
    })),
    yAxisLabel: words.services,
    table: {
      caption: title,
      headers: [words.levelColumn, words.services],
      rows: bars.map((bar) => [bar.label, formatGermanNumber(bar.count)]),
    },
    summary:
      distribution.assessed === 0
        ? words.noneAssessed(title)
        : words.summary(
            title,
            formatGermanNumber(distribution.assessed),
            parts.join("; "),
          ),
  };
}
