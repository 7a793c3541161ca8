import { describe, expect, it } from "vitest";

import { dayNumberOf } from "../../../../src/domain/calendar/calendar.js";
import {
  formatPeriodGerman,
  validatePeriod,
  type Continuation,
  type Period,
} from "../../../../src/domain/period/period.js";
import {
  parsePointInTime,
  type PointInTime,
} from "../../../../src/domain/period/point-in-time.js";
import {
  assignLanes,
  layoutTimeline,
} from "../../../../src/domain/timeline/timeline-layout.js";
import { formatPhasesSpan } from "../../../../src/i18n/format-period.js";

function p(text: string): PointInTime {
  const point = parsePointInTime(text);
  if (point === null) throw new Error(`test setup: ${text}`);
  return point;
}

function period(
  start: string,
  end: string | null,
  continuation: Continuation | null = null,
): Period {
  return { start: p(start), end: end === null ? null : p(end), continuation };
}

function layoutRow(...periods: Period[]) {
  const layout = layoutTimeline({
    horizon: { startYear: 2020, endYear: 2030 },
    today: dayNumberOf(2024, 6, 15),
    groups: [
      {
        key: "g",
        label: "Thema",
        colour: "#1d4f91",
        rows: [
          {
            key: "r",
            code: "1",
            label: "Vorhaben",
            phases: periods.map((each, index) => ({
              label: `Phase ${index + 1}`,
              period: each,
            })),
          },
        ],
      },
    ],
  });
  const row = layout.groups[0]?.rows[0];
  if (row === undefined) throw new Error("layout lost the row");
  return row;
}

describe("lanes of overlapping phases", () => {
  it("keeps phases that follow each other in one lane", () => {
    const row = layoutRow(
      period("2021", "2022"),
      period("2023", "2024", "ongoing"),
    );
    expect(row.laneCount).toBe(1);
    expect(row.bars.map((bar) => bar.lane)).toEqual([0, 0]);
  });

  it("keeps phases that touch on a quarter boundary in one lane", () => {
    const row = layoutRow(
      period("2021-Q1", "2021-Q2"),
      period("2021-Q3", "2022"),
    );
    expect(row.laneCount).toBe(1);
  });

  it("puts a phase that overlaps another into a second lane", () => {
    const row = layoutRow(period("2021", "2023"), period("2022-Q3", "2024"));
    expect(row.laneCount).toBe(2);
    expect(row.bars.map((bar) => [bar.phaseIndex, bar.lane])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it("gives a phase with an undecided end its own lane for everything after its start", () => {
    const row = layoutRow(
      period("2023", null, "undecided"),
      period("2024", "2025"),
      period("2026", "2027"),
    );
    expect(row.laneCount).toBe(2);
    expect(row.bars.map((bar) => bar.lane)).toEqual([0, 1, 1]);
    expect(row.bars[0]?.isUndecided).toBe(true);
    expect(row.bars[0]?.isOpenEnd).toBe(true);
    expect(row.bars[1]?.isUndecided).toBe(false);
  });

  it("reuses a lane once it is free again and never lets two bars of a lane overlap", () => {
    const row = layoutRow(
      period("2021", "2024"),
      period("2022", "2022"),
      period("2023", "2023"),
      period("2023-Q3", "2025"),
    );
    expect(row.laneCount).toBe(3);
    for (const a of row.bars)
      for (const b of row.bars)
        if (a !== b && a.lane === b.lane)
          expect(
            a.x + a.width <= b.x + 1e-9 || b.x + b.width <= a.x + 1e-9,
          ).toBe(true);
  });

  it("orders by start, not by input order", () => {
    const { lanes, laneCount } = assignLanes([
      { x: 3, end: 5 },
      { x: 0, end: 4 },
    ]);
    expect(laneCount).toBe(2);
    expect(lanes).toEqual([1, 0]);
  });

  it("counts one lane for a row without bars", () => {
    expect(assignLanes([]).laneCount).toBe(1);
  });
});

describe("an end not decided yet", () => {
  it("reads as such in German and English", () => {
    expect(formatPeriodGerman(period("2025-Q2", null, "undecided"))).toBe(
      "ab QII/2025, Ende noch offen",
    );
    expect(formatPhasesSpan([period("2025", null, "undecided")], "en")).toBe(
      "from 2025, end not yet decided",
    );
  });

  it("is not valid together with an end", () => {
    expect(validatePeriod(period("2025", "2026", "undecided"))).toEqual([
      "PERIOD_UNDECIDED_WITH_END",
    ]);
    expect(validatePeriod(period("2025", null, "undecided"))).toEqual([]);
  });

  it("makes a project's span open but undecided only when every open phase is", () => {
    expect(
      formatPhasesSpan(
        [period("2021", "2022"), period("2023", null, "undecided")],
        "de",
      ),
    ).toBe("ab 2021, Ende noch offen");
    expect(
      formatPhasesSpan(
        [period("2023", null, "undecided"), period("2024", null, "ongoing")],
        "de",
      ),
    ).toBe("ab 2023, laufend");
  });
});
