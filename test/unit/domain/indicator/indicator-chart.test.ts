import { de } from "../../../../src/i18n/de.js";
import { describe, expect, it } from "vitest";

import {
  BAR_FILL,
  layoutIndicatorChart,
} from "../../../../src/domain/indicator/indicator-chart.js";
import type { IndicatorChartInput } from "../../../../src/domain/indicator/indicator-chart.js";
import {
  AS_OF,
  INSTAGRAM,
  MOBILE_OFFICE,
  buildCountIndicator,
  buildRatioIndicator,
  count,
  day,
  ratio,
} from "./factory.js";

const NBSP = "\u00a0";

// Participation activities; only 1.832 on 28.11.2022 is from the report, the rest assumed.
const ACTIVITIES = [
  count(day(2021, 1, 1), 400),
  count(day(2021, 7, 1), 900),
  count(day(2022, 8, 23), 1500),
  count(AS_OF, 1832),
];

function chart(overrides: Partial<IndicatorChartInput> = {}) {
  return layoutIndicatorChart({
    indicator: buildCountIndicator(),
    words: de.reports.chartWords,
    observations: ACTIVITIES,
    asOf: AS_OF,
    ...overrides,
  });
}

describe("y axis", () => {
  it("labels 1.832 activities on an axis from 0 to 2.000 in steps of 500", () => {
    expect(chart().yTicks.map((tick) => tick.label)).toEqual([
      "0",
      "500",
      "1.000",
      "1.500",
      "2.000",
    ]);
  });

  it("places the ticks from bottom (0) to top (1)", () => {
    expect(chart().yTicks.map((tick) => tick.y)).toEqual([
      0, 0.25, 0.5, 0.75, 1,
    ]);
  });

  it("places a point by its value", () => {
    expect(chart().points[3]?.y).toBeCloseTo(1832 / 2000, 12);
  });

  it("titles the axis with the unit", () => {
    expect(chart().yAxisLabel).toBe("Aktivitäten");
  });

  it("plots the share of a ratio in percent by default", () => {
    const layout = chart({
      indicator: buildRatioIndicator(),
      observations: MOBILE_OFFICE,
    });
    expect(layout.measure).toBe("share");
    expect(layout.yAxisLabel).toBe("Anteil in %");
    expect(layout.yTicks.map((tick) => tick.label)).toEqual([
      `0${NBSP}%`,
      `10${NBSP}%`,
      `20${NBSP}%`,
      `30${NBSP}%`,
    ]);
    expect(layout.points[1]?.valueLabel).toBe(`25,2${NBSP}%`);
  });

  it("can plot the counted part of a ratio instead", () => {
    const layout = chart({
      indicator: buildRatioIndicator(),
      observations: MOBILE_OFFICE,
      measure: "value",
    });
    expect(layout.points.map((point) => point.valueLabel)).toEqual([
      "120",
      "144",
    ]);
  });

  it("refuses to plot a share of a count", () => {
    expect(() => chart({ measure: "share" })).toThrow(RangeError);
  });

  it("respects the number of steps asked for", () => {
    expect(
      chart({ maxYIntervals: 2 }).yTicks.map((tick) => tick.value),
    ).toEqual([0, 1000, 2000]);
  });
});

describe("x positions of a line chart", () => {
  it("puts the first observation at 0 and the last at 1", () => {
    const points = chart().points;
    expect(points[0]?.x).toBe(0);
    expect(points[3]?.x).toBe(1);
  });

  it("places observations in between by date", () => {
    const span = AS_OF - day(2021, 1, 1);
    expect(chart().points[1]?.x).toBeCloseTo(
      (day(2021, 7, 1) - day(2021, 1, 1)) / span,
      12,
    );
  });

  it("uses a given range for the x axis", () => {
    const points = chart({
      from: day(2021, 1, 1),
      to: day(2022, 12, 31),
    }).points;
    expect(points[3]?.x).toBeCloseTo(
      (AS_OF - day(2021, 1, 1)) / (day(2022, 12, 31) - day(2021, 1, 1)),
      12,
    );
  });

  it("leaves out observations outside the given range", () => {
    expect(chart({ from: day(2022, 1, 1) }).points).toHaveLength(2);
  });

  it("does not show observations after the as-of date", () => {
    const later = [...ACTIVITIES, count(day(2023, 3, 1), 2100)];
    expect(chart({ observations: later }).points).toHaveLength(4);
  });

  it("centres a single observation", () => {
    const layout = chart({ observations: [count(AS_OF, 1832)] });
    expect(layout.points[0]?.x).toBe(0.5);
  });

  it("labels year starts when the span crosses two of them", () => {
    expect(chart().xTicks.map((tick) => tick.label)).toEqual(["2021", "2022"]);
  });

  it("labels quarter starts on a span within a year", () => {
    const layout = chart({
      kind: "line",
      observations: [count(day(2022, 2, 1), 1200), count(AS_OF, 1832)],
    });
    expect(layout.xTicks.map((tick) => tick.label)).toEqual([
      "QII/2022",
      "QIII/2022",
      "QIV/2022",
    ]);
  });

  it("labels the dates of the points when no year or quarter start is crossed", () => {
    const layout = chart({
      kind: "line",
      observations: [count(day(2022, 11, 1), 1800), count(AS_OF, 1832)],
    });
    expect(layout.xTicks.map((tick) => tick.label)).toEqual([
      "01.11.2022",
      "28.11.2022",
    ]);
  });
});

describe("bar chart", () => {
  const layout = chart({ kind: "bar" });

  it("places bars by date, so the time axis stays proportional to time", () => {
    const xs = layout.points.map((point) => point.x);
    expect(xs[0]).toBeCloseTo(0.12, 12);
    expect(xs[3]).toBeCloseTo(0.88, 12);
    const days = layout.points.map((point) => point.day);
    const span = (days[3] ?? 0) - (days[0] ?? 0);
    expect(xs[1]).toBeCloseTo(
      0.12 + (((days[1] ?? 0) - (days[0] ?? 0)) / span) * 0.76,
      12,
    );
  });

  it("draws bars no wider than the closest pair allows, centred on their date", () => {
    const xs = layout.points.map((point) => point.x);
    const closest = Math.min(
      ...xs.slice(1).map((x, index) => x - (xs[index] ?? 0)),
    );
    expect(layout.bars[0]?.width).toBeCloseTo(
      Math.min(0.16, closest * BAR_FILL),
      12,
    );
    expect(layout.bars[0]?.x).toBeCloseTo(
      (xs[0] ?? 0) - (layout.bars[0]?.width ?? 0) / 2,
      12,
    );
  });

  it("starts every bar at zero", () => {
    expect(layout.baselineY).toBe(0);
    expect(layout.bars.every((bar) => bar.baseY === 0)).toBe(true);
  });

  it("labels every bar with its date", () => {
    expect(layout.xTicks.map((tick) => tick.label)).toEqual([
      "01.01.2021",
      "01.07.2021",
      "23.08.2022",
      "28.11.2022",
    ]);
  });

  it("has no bars in a line chart", () => {
    expect(chart().bars).toEqual([]);
  });
});

describe("table alternative", () => {
  it("lists date and value of a count", () => {
    const table = chart().table;
    expect(table.headers).toEqual(["Stand", "Aktivitäten"]);
    expect(table.rows[3]?.cells).toEqual(["28.11.2022", "1.832"]);
    expect(table.rows[3]?.isoDate).toBe("2022-11-28");
  });

  it("lists part, whole and share of a ratio", () => {
    const table = chart({
      indicator: buildRatioIndicator(),
      observations: MOBILE_OFFICE,
    }).table;
    expect(table.headers).toEqual([
      "Stand",
      "Mitarbeitende",
      "Mitarbeitende insgesamt einschließlich GSK",
      "Anteil",
    ]);
    expect(table.rows[1]?.cells).toEqual([
      "28.11.2022",
      "144",
      "572",
      `25,2${NBSP}%`,
    ]);
  });

  it("captions the table with the indicator's name", () => {
    expect(chart().table.caption).toBe(
      "Aktivitäten auf der Beteiligungsplattform",
    );
  });

  it("shows the same observations as the chart", () => {
    const layout = chart({ from: day(2022, 1, 1) });
    expect(layout.table.rows.map((row) => row.day)).toEqual(
      layout.points.map((p) => p.day),
    );
  });
});

describe("texts", () => {
  it("dates the chart by its latest value, not by the report", () => {
    const layout = chart({
      indicator: buildCountIndicator({
        name: "Abonnenten Instagram",
        unit: "Abonnenten",
      }),
      observations: INSTAGRAM,
    });
    expect(layout.asOfLabel).toBe("Stand: 22.11.2022");
  });

  it("carries definition and source next to the chart", () => {
    const layout = chart();
    expect(layout.definition).toBe(buildCountIndicator().definition);
    expect(layout.source).toBe("Auswertung der Beteiligungsplattform");
  });

  it("describes the development in one sentence", () => {
    expect(chart().summary).toBe(
      "Aktivitäten auf der Beteiligungsplattform, 4 Werte vom 01.01.2021 bis 28.11.2022: " +
        "von 400 auf 1.832.",
    );
  });

  it("describes a ratio with its whole", () => {
    const layout = chart({
      indicator: buildRatioIndicator(),
      observations: MOBILE_OFFICE,
    });
    expect(layout.summary).toBe(
      "Mitarbeitende im Mobile Office, 2 Werte vom 23.08.2022 bis 28.11.2022: " +
        `von 120 von 565 (21,2${NBSP}%) auf 144 von 572 (25,2${NBSP}%).`,
    );
  });

  it("names the highest value when the last one is lower", () => {
    const layout = chart({
      observations: [
        count(day(2022, 1, 1), 10),
        count(day(2022, 6, 1), 30),
        count(AS_OF, 20),
      ],
    });
    expect(layout.summary).toContain("Höchster Wert: 30 am 01.06.2022.");
  });

  it("describes a single value", () => {
    expect(chart({ observations: [count(AS_OF, 1832)] }).summary).toBe(
      "Aktivitäten auf der Beteiligungsplattform am 28.11.2022: 1.832.",
    );
  });
});

describe("empty chart", () => {
  const layout = chart({ observations: [] });

  it("has no points and no rows", () => {
    expect(layout.points).toEqual([]);
    expect(layout.table.rows).toEqual([]);
  });

  it("still has an axis from 0 to 1", () => {
    expect(layout.yTicks.map((tick) => tick.value)).toEqual([0, 1]);
  });

  it("says that there are no values", () => {
    expect(layout.summary).toBe(
      "Aktivitäten auf der Beteiligungsplattform: Für diesen Zeitraum liegen keine Werte vor.",
    );
  });

  it("is dated by the as-of date", () => {
    expect(layout.asOfLabel).toBe("Stand: 28.11.2022");
  });
});

describe("invalid input", () => {
  it("refuses an x axis that ends before it starts", () => {
    expect(() => chart({ from: AS_OF, to: day(2022, 1, 1) })).toThrow(
      RangeError,
    );
  });

  it("leaves out a ratio observation without a whole from a share chart", () => {
    const layout = chart({
      indicator: buildRatioIndicator(),
      observations: [count(day(2022, 8, 23), 120), ratio(AS_OF, 144, 572)],
    });
    expect(layout.points).toHaveLength(1);
  });
});
