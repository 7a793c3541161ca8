import { describe, expect, it } from "vitest";

import type {
  Continuation,
  Period,
} from "../../../../src/domain/period/period.js";
import {
  parsePointInTime,
  type PointInTime,
} from "../../../../src/domain/period/point-in-time.js";
import { dayNumberOf } from "../../../../src/domain/calendar/calendar.js";
import {
  endXOf,
  layoutTimeline,
  startXOf,
  xOfDay,
  type TimelineBar,
  type TimelineGroupInput,
  type TimelineInput,
  type TimelineRowInput,
} from "../../../../src/domain/timeline/timeline-layout.js";

function p(text: string): PointInTime {
  const point = parsePointInTime(text);
  if (point === null)
    throw new Error(`test setup: ${text} is not a canonical point`);
  return point;
}

function period(
  start: string,
  end: string | null,
  continuation: Continuation | null = null,
): Period {
  return { start: p(start), end: end === null ? null : p(end), continuation };
}

function row(key: string, ...periods: Period[]): TimelineRowInput {
  return {
    key,
    code: key.toUpperCase(),
    label: `Projekt ${key}`,
    phases: periods.map((each, index) => ({
      label: `Phase ${index + 1}`,
      period: each,
    })),
  };
}

function group(key: string, ...rows: TimelineRowInput[]): TimelineGroupInput {
  return { key, label: `Feld ${key}`, colour: "#1d4f91", rows };
}

const kleveHorizon = { startYear: 2020, endYear: 2030 };
const midJune2024 = dayNumberOf(2024, 6, 15);

function layoutOne(phases: Period[], horizon = kleveHorizon) {
  const input: TimelineInput = {
    horizon,
    today: midJune2024,
    groups: [group("g", row("r", ...phases))],
  };
  const layout = layoutTimeline(input);
  const bars = layout.groups[0]?.rows[0]?.bars;
  if (bars === undefined) throw new Error("layout lost the row");
  return bars;
}

function onlyBar(phase: Period, horizon = kleveHorizon): TimelineBar {
  const bars = layoutOne([phase], horizon);
  expect(bars).toHaveLength(1);
  const bar = bars[0];
  if (bar === undefined) throw new Error("no bar");
  return bar;
}

describe("x positions", () => {
  it("places 1 January of the first year at 0", () => {
    expect(xOfDay(dayNumberOf(2020, 1, 1), 2020)).toBe(0);
  });

  it("divides a leap year into 366 days", () => {
    // 1 March 2020 is day 60 (0-based) of a leap year.
    expect(xOfDay(dayNumberOf(2020, 3, 1), 2020)).toBeCloseTo(60 / 366, 12);
  });

  it("divides a common year into 365 days", () => {
    expect(xOfDay(dayNumberOf(2021, 3, 1), 2020)).toBeCloseTo(1 + 59 / 365, 12);
  });

  it("puts a quarter on the quarter grid", () => {
    expect(startXOf(p("2021-Q4"), 2020)).toBe(1.75);
    expect(endXOf(p("2021-Q4"), 2020)).toBe(2);
  });

  it("puts a month on the twelfths of a year", () => {
    expect(startXOf(p("2020-04"), 2020)).toBeCloseTo(0.25, 12);
    expect(endXOf(p("2020-06"), 2020)).toBeCloseTo(0.5, 12);
  });

  it("ends a day point at the start of the next day", () => {
    expect(endXOf(p("2020-12-31"), 2020)).toBe(1);
    expect(endXOf(p("2020-01-01"), 2020)).toBeCloseTo(1 / 366, 12);
  });
});

describe("bars", () => {
  it("starts a quarter-precision phase at its quarter (E-Rechnungsworkflow)", () => {
    const bar = onlyBar(period("2021-Q4", "2023"));
    expect(bar.x).toBe(1.75);
    expect(bar.width).toBe(2.25);
    expect(bar.startLabel).toBe("QIV/2021");
    expect(bar.endLabel).toBe("2023");
    expect(bar.periodLabel).toBe("QIV/2021–2023");
  });

  it("runs a year range to the end of its last year (DMS)", () => {
    const bar = onlyBar(period("2020", "2024", "ongoing"));
    expect(bar.x).toBe(0);
    expect(bar.width).toBe(5);
    expect(bar.isOpenEnd).toBe(false);
    expect(bar.continuation).toBe("ongoing");
    expect(bar.periodLabel).toBe("2020–2024, danach laufend");
  });

  it("flags a standing task across the whole horizon as permanent but not clipped", () => {
    const bar = onlyBar(period("2020", "2030", "permanent"));
    expect(bar).toMatchObject({
      x: 0,
      width: 11,
      isPermanent: true,
      isOpenEnd: false,
      clippedStart: false,
      clippedEnd: false,
    });
  });

  it("runs an open end to the horizon end and flags it", () => {
    const bar = onlyBar(period("2025", null, "ongoing"));
    expect(bar).toMatchObject({
      x: 5,
      width: 6,
      isOpenEnd: true,
      clippedEnd: false,
    });
    expect(bar.endLabel).toBeNull();
  });

  it("clips a phase that starts before the horizon", () => {
    const bar = onlyBar(period("2018-Q3", "2021"));
    expect(bar).toMatchObject({
      x: 0,
      width: 2,
      clippedStart: true,
      clippedEnd: false,
    });
    expect(bar.startLabel).toBe("QIII/2018");
  });

  it("clips a phase that ends after the horizon", () => {
    const bar = onlyBar(period("2029", "2032"));
    expect(bar).toMatchObject({
      x: 9,
      width: 2,
      clippedStart: false,
      clippedEnd: true,
    });
    expect(bar.endLabel).toBe("2032");
  });

  it("clips an open phase that started before the horizon at the start only", () => {
    const bar = onlyBar(period("2015", null, "permanent"));
    expect(bar).toMatchObject({
      x: 0,
      width: 11,
      clippedStart: true,
      clippedEnd: false,
      isOpenEnd: true,
    });
  });

  it("leaves out phases entirely before or after the horizon but keeps their indices", () => {
    const bars = layoutOne([
      period("2010", "2019"),
      period("2022", "2023"),
      period("2031", "2033"),
    ]);
    expect(bars.map((bar) => bar.phaseIndex)).toEqual([1]);
    expect(bars[0]?.label).toBe("Phase 2");
  });

  it("leaves out a phase ending exactly where the horizon starts", () => {
    expect(layoutOne([period("2019-Q2", "2019-12-31")])).toEqual([]);
  });

  it("leaves out an open phase starting after the horizon", () => {
    expect(layoutOne([period("2031", null, "ongoing")])).toEqual([]);
  });

  it("leaves out a phase whose end lies before its start", () => {
    expect(layoutOne([period("2024", "2022")])).toEqual([]);
  });

  it("lays out day-precision phases with exact leap-year fractions", () => {
    const bar = onlyBar(period("2024-03-01", "2024-03-31"));
    expect(bar.x).toBeCloseTo(4 + 60 / 366, 12);
    expect(bar.width).toBeCloseTo(31 / 366, 12);
  });

  it("keeps several phases of one row in input order", () => {
    const bars = layoutOne([
      period("2020", "2021"),
      period("2022-Q2", "2024-Q1"),
    ]);
    expect(bars.map((bar) => [bar.x, bar.width])).toEqual([
      [0, 2],
      [2.25, 2],
    ]);
  });

  it("works for a single-year horizon", () => {
    const bar = onlyBar(period("2023-Q2", "2023-Q3"), {
      startYear: 2023,
      endYear: 2023,
    });
    expect(bar).toMatchObject({ x: 0.25, width: 0.5 });
  });
});

describe("ticks and today", () => {
  const layout = layoutTimeline({
    horizon: kleveHorizon,
    today: midJune2024,
    groups: [],
  });

  it("is as wide as the number of years shown", () => {
    expect(layout.width).toBe(11);
  });

  it("has one year tick per year at its start", () => {
    expect(layout.yearTicks).toHaveLength(11);
    expect(layout.yearTicks[0]).toEqual({ year: 2020, x: 0 });
    expect(layout.yearTicks[10]).toEqual({ year: 2030, x: 10 });
  });

  it("has three quarter ticks inside each year", () => {
    expect(layout.quarterTicks).toHaveLength(33);
    expect(layout.quarterTicks.slice(0, 4)).toEqual([
      { x: 0.25 },
      { x: 0.5 },
      { x: 0.75 },
      { x: 1.25 },
    ]);
  });

  it("places today by the exact day in a leap year", () => {
    // 15 June 2024 is day 166 (0-based) of 366.
    expect(layout.todayX).toBeCloseTo(4 + 166 / 366, 12);
  });

  it("has no today line before or after the horizon", () => {
    const before = layoutTimeline({
      horizon: kleveHorizon,
      today: dayNumberOf(2019, 12, 31),
      groups: [],
    });
    const after = layoutTimeline({
      horizon: kleveHorizon,
      today: dayNumberOf(2031, 1, 1),
      groups: [],
    });
    expect(before.todayX).toBeNull();
    expect(after.todayX).toBeNull();
  });

  it("shows today on the horizon's first and last day", () => {
    const first = layoutTimeline({
      horizon: kleveHorizon,
      today: dayNumberOf(2020, 1, 1),
      groups: [],
    });
    const last = layoutTimeline({
      horizon: kleveHorizon,
      today: dayNumberOf(2030, 12, 31),
      groups: [],
    });
    expect(first.todayX).toBe(0);
    expect(last.todayX).toBeCloseTo(10 + 364 / 365, 12);
  });
});

describe("rows and groups", () => {
  const layout = layoutTimeline({
    horizon: kleveHorizon,
    today: midJune2024,
    groups: [
      group(
        "strategie",
        row("a", period("2020", "2023")),
        row("b", period("2040", "2041")),
      ),
      group("leer"),
      group("infrastruktur", row("c", period("2021", null, "permanent"))),
    ],
  });

  it("gives each group a header row followed by its project rows", () => {
    expect(layout.groups.map((each) => each.rowIndex)).toEqual([0, 3, 4]);
    expect(layout.groups[0]?.rows.map((each) => each.rowIndex)).toEqual([1, 2]);
    expect(layout.groups[2]?.rows.map((each) => each.rowIndex)).toEqual([5]);
  });

  it("keeps a row whose phases all lie outside the horizon", () => {
    const hidden = layout.groups[0]?.rows[1];
    expect(hidden?.key).toBe("b");
    expect(hidden?.bars).toEqual([]);
  });

  it("keeps a group without rows as a header", () => {
    expect(layout.groups[1]).toMatchObject({ key: "leer", rows: [] });
  });

  it("carries keys, codes, labels and colours through", () => {
    expect(layout.groups[2]).toMatchObject({
      key: "infrastruktur",
      label: "Feld infrastruktur",
      colour: "#1d4f91",
    });
    expect(layout.groups[2]?.rows[0]).toMatchObject({
      key: "c",
      code: "C",
      label: "Projekt c",
    });
  });

  it("counts all stacked rows, groups and project rows", () => {
    expect(layout.summary).toEqual({
      rowCount: 6,
      groupCount: 3,
      projectRowCount: 3,
    });
  });

  it("is empty but valid without groups", () => {
    const empty = layoutTimeline({
      horizon: kleveHorizon,
      today: midJune2024,
      groups: [],
    });
    expect(empty.groups).toEqual([]);
    expect(empty.summary).toEqual({
      rowCount: 0,
      groupCount: 0,
      projectRowCount: 0,
    });
  });
});

describe("horizon validation", () => {
  it("rejects a horizon that ends before it starts", () => {
    expect(() =>
      layoutTimeline({
        horizon: { startYear: 2030, endYear: 2020 },
        today: 0,
        groups: [],
      }),
    ).toThrow(RangeError);
  });

  it("rejects fractional years", () => {
    expect(() =>
      layoutTimeline({
        horizon: { startYear: 2020.5, endYear: 2030 },
        today: 0,
        groups: [],
      }),
    ).toThrow(RangeError);
  });
});
