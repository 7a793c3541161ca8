import { describe, expect, it } from "vitest";

import {
  formatPeriodGerman,
  periodContains,
  periodFirstDay,
  periodLastDay,
  periodSpan,
  periodsOverlap,
  validatePeriod,
  type Continuation,
  type Period,
} from "../../../../src/domain/period/period.js";
import {
  formatPointInTime,
  parsePointInTime,
  type PointInTime,
} from "../../../../src/domain/period/point-in-time.js";
import { dayNumberOf } from "../../../../src/domain/calendar/calendar.js";

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

// Real phases from the Kleve catalogue.
const dms = period("2020", "2024", "ongoing");
const eRechnung = period("2021-Q4", "2023");
const daueraufgabe = period("2020", "2030", "permanent");

describe("validatePeriod", () => {
  it("accepts a closed period", () => {
    expect(validatePeriod(eRechnung)).toEqual([]);
  });

  it("accepts an open period that says how it continues", () => {
    expect(validatePeriod(period("2025", null, "ongoing"))).toEqual([]);
    expect(validatePeriod(period("2020", null, "permanent"))).toEqual([]);
  });

  it("accepts a period that starts and ends in the same year", () => {
    expect(validatePeriod(period("2021", "2021"))).toEqual([]);
  });

  it("accepts a quarter start with an end year containing it, since the end runs to year end", () => {
    expect(validatePeriod(period("2023-Q2", "2023"))).toEqual([]);
  });

  it("reports an end before the start", () => {
    expect(validatePeriod(period("2023", "2022"))).toEqual([
      "PERIOD_END_BEFORE_START",
    ]);
  });

  it("reports an end quarter before a start month in the same year", () => {
    expect(validatePeriod(period("2023-05", "2023-Q1"))).toEqual([
      "PERIOD_END_BEFORE_START",
    ]);
  });

  it("reports an open period without continuation", () => {
    expect(validatePeriod(period("2025", null))).toEqual([
      "PERIOD_OPEN_WITHOUT_CONTINUATION",
    ]);
  });
});

describe("periodFirstDay and periodLastDay", () => {
  it("run from the first day of the start to the last day of the end", () => {
    expect(periodFirstDay(eRechnung)).toBe(dayNumberOf(2021, 10, 1));
    expect(periodLastDay(eRechnung)).toBe(dayNumberOf(2023, 12, 31));
  });

  it("has no last day when open", () => {
    expect(periodLastDay(period("2025", null, "ongoing"))).toBeNull();
  });
});

describe("periodsOverlap", () => {
  it("sees overlapping closed periods", () => {
    expect(periodsOverlap(dms, eRechnung)).toBe(true);
  });

  it("sees periods that touch at a year boundary as not overlapping", () => {
    expect(periodsOverlap(period("2020", "2022"), period("2023", "2024"))).toBe(
      false,
    );
  });

  it("sees periods sharing their boundary year as overlapping", () => {
    expect(
      periodsOverlap(period("2020", "2022"), period("2022-Q4", "2024")),
    ).toBe(true);
  });

  it("lets an open end run forever", () => {
    expect(
      periodsOverlap(period("2020", null, "permanent"), period("2150", "2151")),
    ).toBe(true);
    expect(
      periodsOverlap(period("2150", "2151"), period("2020", null, "permanent")),
    ).toBe(true);
  });

  it("does not let an open end reach backwards", () => {
    expect(
      periodsOverlap(period("2025", null, "ongoing"), period("2020", "2024")),
    ).toBe(false);
  });

  it("sees two open periods as overlapping", () => {
    expect(
      periodsOverlap(
        period("2025", null, "ongoing"),
        period("2030", null, "ongoing"),
      ),
    ).toBe(true);
  });
});

describe("periodContains", () => {
  it("contains its first and last day", () => {
    expect(periodContains(eRechnung, dayNumberOf(2021, 10, 1))).toBe(true);
    expect(periodContains(eRechnung, dayNumberOf(2023, 12, 31))).toBe(true);
  });

  it("does not contain the days just outside", () => {
    expect(periodContains(eRechnung, dayNumberOf(2021, 9, 30))).toBe(false);
    expect(periodContains(eRechnung, dayNumberOf(2024, 1, 1))).toBe(false);
  });

  it("contains any later day when open", () => {
    expect(
      periodContains(
        period("2020", null, "permanent"),
        dayNumberOf(2199, 6, 1),
      ),
    ).toBe(true);
  });
});

describe("formatPeriodGerman", () => {
  it("writes a closed range of years", () => {
    expect(formatPeriodGerman(period("2020", "2023"))).toBe("2020–2023");
  });

  it("writes a quarter start in roman numerals", () => {
    expect(formatPeriodGerman(eRechnung)).toBe("QIV/2021–2023");
  });

  it("writes a single year once", () => {
    expect(formatPeriodGerman(period("2022", "2022"))).toBe("2022");
  });

  it("puts the continuation in brackets after a single year", () => {
    expect(formatPeriodGerman(period("2021", "2021", "ongoing"))).toBe(
      "2021 (danach laufend)",
    );
  });

  it("adds the continuation after a range", () => {
    expect(formatPeriodGerman(period("2024", "2030", "ongoing"))).toBe(
      "2024–2030, danach laufend",
    );
    expect(formatPeriodGerman(dms)).toBe("2020–2024, danach laufend");
  });

  it("writes an open ongoing period from its start", () => {
    expect(formatPeriodGerman(period("2025", null, "ongoing"))).toBe(
      "ab 2025, laufend",
    );
  });

  it("writes an open standing task", () => {
    expect(formatPeriodGerman(period("2020", null, "permanent"))).toBe(
      "Daueraufgabe seit 2020",
    );
  });

  it("writes a standing task with a range", () => {
    expect(formatPeriodGerman(daueraufgabe)).toBe("Daueraufgabe 2020–2030");
  });

  it("writes an open period without continuation plainly", () => {
    expect(formatPeriodGerman(period("2025", null))).toBe("ab 2025");
  });

  it("uses German month names and dates", () => {
    expect(formatPeriodGerman(period("2024-05", "2024-06-30"))).toBe(
      "Mai 2024–30.06.2024",
    );
  });
});

describe("periodSpan", () => {
  it("is null without periods", () => {
    expect(periodSpan([])).toBeNull();
  });

  it("is the period itself for a single period", () => {
    const span = periodSpan([eRechnung]);
    expect(span && formatPointInTime(span.start)).toBe("2021-Q4");
    expect(span?.end && formatPointInTime(span.end)).toBe("2023");
  });

  it("takes the earliest start and the latest end", () => {
    const span = periodSpan([
      period("2022", "2023-Q2"),
      period("2021-Q4", "2022"),
      period("2023", "2025-06"),
    ]);
    expect(span && formatPointInTime(span.start)).toBe("2021-Q4");
    expect(span?.end && formatPointInTime(span.end)).toBe("2025-06");
  });

  it("is open when any period is open", () => {
    const span = periodSpan([dms, period("2025", null, "ongoing")]);
    expect(span && formatPointInTime(span.start)).toBe("2020");
    expect(span?.end).toBeNull();
  });

  it("stays open even when a later closed end follows the open one", () => {
    const span = periodSpan([
      period("2025", null, "ongoing"),
      period("2020", "2030"),
    ]);
    expect(span?.end).toBeNull();
  });

  it("prefers the coarser point when starts or ends fall on the same day", () => {
    const span = periodSpan([
      period("2023-Q1", "2024-Q4"),
      period("2023", "2024"),
    ]);
    expect(span && formatPointInTime(span.start)).toBe("2023");
    expect(span?.end && formatPointInTime(span.end)).toBe("2024");
  });
});
