/**
 * The deck's figure chart follows the portal's rules: no chart for one value, bars for
 * two, a line for three or more, all on a date axis of day serials reaching the target's
 * day. And a problem of an exchange file is named with its line and column.
 */
import { describe, expect, it } from "vitest";
import { locateProblems } from "../../../src/app/catalogue/import-catalogue.js";
import { parseIsoDate } from "../../../src/domain/calendar/calendar.js";
import { layoutIndicatorChart } from "../../../src/domain/indicator/indicator-chart.js";
import type {
  Indicator,
  Observation,
} from "../../../src/domain/indicator/indicator.js";
import {
  dateSerial,
  figureChartSpec,
} from "../../../src/exports/report/figure-chart.js";
import { de } from "../../../src/i18n/de.js";

const day = (iso: string): number => parseIsoDate(iso) ?? Number.NaN;

const indicator: Indicator = {
  key: "quote",
  name: "Quote",
  unit: "%",
  definition: "d",
  source: "s",
  owner: "o",
  projectSlug: null,
  kind: "percent",
  denominatorLabel: null,
  decimals: 1,
  target: { value: 80, day: day("2027-12-31") },
};

const value = (iso: string, number: number): Observation => ({
  day: day(iso),
  value: number,
  denominator: null,
  note: null,
});

function spec(observations: readonly Observation[]) {
  const chart = layoutIndicatorChart({
    indicator,
    words: de.reports.chartWords,
    observations,
    asOf: day("2026-12-31"),
  });
  return figureChartSpec(chart, indicator);
}

describe("the deck's figure chart", () => {
  it("shows no chart for a single value", () => {
    expect(spec([value("2024-06-30", 66.7)])).toBeNull();
  });

  it("puts two values as bars at their days on a date axis", () => {
    const result = spec([value("2023-06-30", 50), value("2025-06-30", 72.5)]);
    expect(result?.kind).toBe("bar");
    expect(result?.series).toHaveLength(1);
    expect(result?.series[0]?.labels).toEqual([
      dateSerial(day("2023-06-30")),
      dateSerial(day("2025-06-30")),
    ]);
    expect(result!.axisStart).toBeLessThan(dateSerial(day("2023-06-30")));
  });

  it("draws three values as a line with the target reaching its day, spaced by time", () => {
    const result = spec([
      value("2023-06-30", 50),
      value("2023-07-31", 55),
      value("2025-06-30", 72.5),
    ]);
    expect(result?.kind).toBe("line");
    expect(result?.series[0]?.labels).toEqual(
      [
        day("2023-06-30"),
        day("2023-07-31"),
        day("2025-06-30"),
        day("2027-12-31"),
      ].map(dateSerial),
    );
    expect(result?.series[0]?.values).toEqual([50, 55, 72.5, null]);
    expect(result?.series[1]?.values).toEqual([80, null, null, 80]);
    expect(result?.axisEnd).toBeGreaterThanOrEqual(
      dateSerial(day("2027-12-31")),
    );
    expect(result?.dateFormat).toBe("YYYY");
    expect(result?.valueMax).toBeGreaterThanOrEqual(80);
  });
});

describe("problems of an exchange file", () => {
  it("are named with their line and column", () => {
    const text = [
      "format: fortschritt-catalogue",
      "indicators:",
      "  - key: quote",
      "    values:",
      "      - day: '2024-06-30'",
      "        value: 50.25",
    ].join("\n");
    expect(
      locateProblems(text, [
        { path: "/indicators/0/values/0/value", message: "zu viele Stellen" },
        { path: "/indicators/0/target", message: "fehlt" },
      ]),
    ).toEqual([
      {
        path: "/indicators/0/values/0/value",
        message: "zu viele Stellen (Zeile 6, Spalte 16)",
      },
      { path: "/indicators/0/target", message: "fehlt (Zeile 3, Spalte 5)" },
    ]);
  });
});
