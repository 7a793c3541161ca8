import { describe, expect, it } from "vitest";

import {
  comparePointsInTime,
  dayPoint,
  describeShift,
  firstDayOf,
  formatPointInTime,
  formatPointInTimeGerman,
  formatShiftGerman,
  lastDayOf,
  monthPoint,
  parseGermanPointInTime,
  parsePointInTime,
  pointsOverlap,
  quarterPoint,
  shiftPointInTime,
  yearPoint,
  type PointInTime,
  type Precision,
} from "../../../../src/domain/period/point-in-time.js";
import {
  calendarDateOf,
  dayNumberOf,
  daysInMonth,
  daysInYear,
  isLeapYear,
} from "../../../../src/domain/calendar/calendar.js";

/** Parses a canonical point the test relies on, failing loudly when it is not one. */
function p(text: string): PointInTime {
  const point = parsePointInTime(text);
  if (point === null)
    throw new Error(`test setup: ${text} is not a canonical point`);
  return point;
}

function utcDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

describe("calendar arithmetic", () => {
  it("counts 1970-01-01 as day 0", () => {
    expect(dayNumberOf(1970, 1, 1)).toBe(0);
  });

  it("agrees with Date.UTC for dates around leap days and centuries", () => {
    const dates: [number, number, number][] = [
      [1900, 2, 28],
      [1900, 3, 1],
      [1969, 12, 31],
      [2000, 2, 29],
      [2000, 3, 1],
      [2020, 1, 1],
      [2024, 2, 29],
      [2030, 12, 31],
      [2100, 3, 1],
      [2200, 12, 31],
    ];
    for (const [year, month, day] of dates) {
      expect(dayNumberOf(year, month, day)).toBe(utcDay(year, month, day));
    }
  });

  it("turns day numbers back into the same calendar dates", () => {
    for (let day = utcDay(1999, 12, 1); day <= utcDay(2001, 3, 31); day += 1) {
      const date = calendarDateOf(day);
      expect(dayNumberOf(date.year, date.month, date.day)).toBe(day);
    }
    expect(calendarDateOf(utcDay(2024, 2, 29))).toEqual({
      year: 2024,
      month: 2,
      day: 29,
    });
  });

  it("knows the Gregorian leap year rules", () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2023)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(daysInYear(2024)).toBe(366);
    expect(daysInYear(2100)).toBe(365);
  });

  it("gives February 29 days only in leap years", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2023, 4)).toBe(30);
    expect(daysInMonth(2023, 12)).toBe(31);
  });

  it("rejects a month number outside 1–12", () => {
    expect(() => daysInMonth(2023, 13)).toThrow(RangeError);
  });
});

describe("constructors", () => {
  it("reject years outside 1900–2200", () => {
    expect(() => yearPoint(1899)).toThrow(RangeError);
    expect(() => yearPoint(2201)).toThrow(RangeError);
    expect(yearPoint(1900)).toEqual({ precision: "year", year: 1900 });
  });

  it("reject impossible quarters, months and days", () => {
    expect(() => quarterPoint(2023, 5)).toThrow(RangeError);
    expect(() => monthPoint(2023, 0)).toThrow(RangeError);
    expect(() => dayPoint(2023, 2, 29)).toThrow(RangeError);
    expect(dayPoint(2024, 2, 29)).toEqual({
      precision: "day",
      year: 2024,
      month: 2,
      day: 29,
    });
  });
});

describe("parsePointInTime", () => {
  it("reads a year", () => {
    expect(parsePointInTime("2023")).toEqual({ precision: "year", year: 2023 });
  });

  it("reads a quarter", () => {
    expect(parsePointInTime("2021-Q4")).toEqual({
      precision: "quarter",
      year: 2021,
      quarter: 4,
    });
  });

  it("reads a month", () => {
    expect(parsePointInTime("2021-11")).toEqual({
      precision: "month",
      year: 2021,
      month: 11,
    });
  });

  it("reads a day", () => {
    expect(parsePointInTime("2021-11-15")).toEqual({
      precision: "day",
      year: 2021,
      month: 11,
      day: 15,
    });
  });

  it("accepts 29 February in a leap year only", () => {
    expect(parsePointInTime("2024-02-29")).not.toBeNull();
    expect(parsePointInTime("2023-02-29")).toBeNull();
    expect(parsePointInTime("1900-02-29")).toBeNull();
    expect(parsePointInTime("2000-02-29")).not.toBeNull();
  });

  it("rejects days that do not exist in their month", () => {
    expect(parsePointInTime("2023-04-31")).toBeNull();
    expect(parsePointInTime("2023-01-00")).toBeNull();
    expect(parsePointInTime("2023-01-32")).toBeNull();
  });

  it("rejects months and quarters out of range", () => {
    expect(parsePointInTime("2023-13")).toBeNull();
    expect(parsePointInTime("2023-00")).toBeNull();
    expect(parsePointInTime("2023-Q0")).toBeNull();
    expect(parsePointInTime("2023-Q5")).toBeNull();
  });

  it("rejects years outside 1900–2200", () => {
    expect(parsePointInTime("1899")).toBeNull();
    expect(parsePointInTime("2201")).toBeNull();
    expect(parsePointInTime("1900")).not.toBeNull();
    expect(parsePointInTime("2200-12-31")).not.toBeNull();
  });

  it("accepts only the canonical spelling", () => {
    expect(parsePointInTime(" 2023")).toBeNull();
    expect(parsePointInTime("2023-q2")).toBeNull();
    expect(parsePointInTime("2023-5")).toBeNull();
    expect(parsePointInTime("23")).toBeNull();
    expect(parsePointInTime("")).toBeNull();
    expect(parsePointInTime("2023-05-17T00:00")).toBeNull();
  });
});

describe("parseGermanPointInTime", () => {
  const cases: [string, string][] = [
    ["2023", "2023"],
    ["QII/2024", "2024-Q2"],
    ["Q2/2024", "2024-Q2"],
    ["Q II 2024", "2024-Q2"],
    ["Q2 2024", "2024-Q2"],
    ["QIV/2021", "2021-Q4"],
    ["qiii/2022", "2022-Q3"],
    ["QI/2020", "2020-Q1"],
    ["II. Quartal 2024", "2024-Q2"],
    ["2. Quartal 2024", "2024-Q2"],
    ["IV. quartal 2021", "2021-Q4"],
    ["05/2024", "2024-05"],
    ["5/2024", "2024-05"],
    ["5.2024", "2024-05"],
    ["12.2024", "2024-12"],
    ["Mai 2024", "2024-05"],
    ["mai 2024", "2024-05"],
    ["März 2023", "2023-03"],
    ["Maerz 2023", "2023-03"],
    ["Okt. 2023", "2023-10"],
    ["Jänner 2022", "2022-01"],
    ["17.05.2024", "2024-05-17"],
    ["1.5.2024", "2024-05-01"],
    ["17. Mai 2024", "2024-05-17"],
    ["2023-Q2", "2023-Q2"],
    ["2023-q2", "2023-Q2"],
    ["2023-05", "2023-05"],
    ["2023-05-17", "2023-05-17"],
  ];

  for (const [input, expected] of cases) {
    it(`understands "${input}" as ${expected}`, () => {
      const point = parseGermanPointInTime(input);
      expect(point === null ? null : formatPointInTime(point)).toBe(expected);
    });
  }

  it("ignores surrounding and repeated whitespace", () => {
    const point = parseGermanPointInTime("  Q  II \t 2024 ");
    expect(point).toEqual({ precision: "quarter", year: 2024, quarter: 2 });
  });

  it("ignores case", () => {
    expect(parseGermanPointInTime("MAI 2024")).toEqual({
      precision: "month",
      year: 2024,
      month: 5,
    });
  });

  it("treats a non-breaking space like a space", () => {
    expect(parseGermanPointInTime("Mai\u00a02024")).toEqual({
      precision: "month",
      year: 2024,
      month: 5,
    });
  });

  const rejected = [
    "",
    "   ",
    "Mai",
    "Maiy 2024",
    "Q5/2024",
    "QV/2024",
    "Q4/21",
    "13/2024",
    "0/2024",
    "31.02.2024",
    "29.02.2023",
    "32.01.2024",
    "1899",
    "5. Quartal 2024",
    "Q22024",
    "nächstes Jahr",
  ];
  for (const input of rejected) {
    it(`returns null for "${input}"`, () => {
      expect(parseGermanPointInTime(input)).toBeNull();
    });
  }

  it("accepts 29 February in a leap year", () => {
    expect(parseGermanPointInTime("29.02.2024")).toEqual({
      precision: "day",
      year: 2024,
      month: 2,
      day: 29,
    });
  });

  it("reads back everything formatPointInTimeGerman writes", () => {
    for (const text of [
      "2023",
      "2021-Q4",
      "2024-05",
      "2024-03",
      "2024-05-17",
      "2024-12-01",
    ]) {
      const point = p(text);
      expect(parseGermanPointInTime(formatPointInTimeGerman(point))).toEqual(
        point,
      );
    }
  });
});

describe("formatting", () => {
  it("writes canonical forms with zero-padded months and days", () => {
    expect(formatPointInTime(yearPoint(2023))).toBe("2023");
    expect(formatPointInTime(quarterPoint(2023, 2))).toBe("2023-Q2");
    expect(formatPointInTime(monthPoint(2023, 5))).toBe("2023-05");
    expect(formatPointInTime(dayPoint(2023, 5, 7))).toBe("2023-05-07");
  });

  it("writes German forms with roman quarters and month names", () => {
    expect(formatPointInTimeGerman(p("2023"))).toBe("2023");
    expect(formatPointInTimeGerman(p("2024-Q2"))).toBe("QII/2024");
    expect(formatPointInTimeGerman(p("2021-Q4"))).toBe("QIV/2021");
    expect(formatPointInTimeGerman(p("2024-05"))).toBe("Mai 2024");
    expect(formatPointInTimeGerman(p("2024-03"))).toBe("März 2024");
    expect(formatPointInTimeGerman(p("2024-05-17"))).toBe("17.05.2024");
    expect(formatPointInTimeGerman(p("2024-01-03"))).toBe("03.01.2024");
  });
});

describe("firstDayOf and lastDayOf", () => {
  it("span a whole year for a year point", () => {
    expect(firstDayOf(p("2023"))).toBe(utcDay(2023, 1, 1));
    expect(lastDayOf(p("2023"))).toBe(utcDay(2023, 12, 31));
  });

  it("span a quarter's three months", () => {
    expect(firstDayOf(p("2021-Q4"))).toBe(utcDay(2021, 10, 1));
    expect(lastDayOf(p("2021-Q4"))).toBe(utcDay(2021, 12, 31));
    expect(lastDayOf(p("2024-Q1"))).toBe(utcDay(2024, 3, 31));
  });

  it("end February on the 29th in a leap year", () => {
    expect(lastDayOf(p("2024-02"))).toBe(utcDay(2024, 2, 29));
    expect(lastDayOf(p("2023-02"))).toBe(utcDay(2023, 2, 28));
  });

  it("are the same day for a day point", () => {
    expect(firstDayOf(p("2024-05-17"))).toBe(utcDay(2024, 5, 17));
    expect(lastDayOf(p("2024-05-17"))).toBe(utcDay(2024, 5, 17));
  });
});

describe("comparePointsInTime", () => {
  it("orders by first day", () => {
    expect(comparePointsInTime(p("2023"), p("2024"))).toBeLessThan(0);
    expect(comparePointsInTime(p("2023-Q3"), p("2023-05"))).toBeGreaterThan(0);
    expect(comparePointsInTime(p("2023-12-31"), p("2024-Q1"))).toBeLessThan(0);
  });

  it("puts the coarser point first when both start on the same day", () => {
    const sorted = [
      p("2023-01-01"),
      p("2023-01"),
      p("2023"),
      p("2023-Q1"),
    ].sort(comparePointsInTime);
    expect(sorted.map(formatPointInTime)).toEqual([
      "2023",
      "2023-Q1",
      "2023-01",
      "2023-01-01",
    ]);
  });

  it("treats identical points as equal", () => {
    expect(comparePointsInTime(p("2023-Q2"), p("2023-Q2"))).toBe(0);
  });

  it("orders a year before its later quarters", () => {
    expect(comparePointsInTime(p("2023"), p("2023-Q2"))).toBeLessThan(0);
  });
});

describe("pointsOverlap", () => {
  it("sees a quarter inside its year", () => {
    expect(pointsOverlap(p("2023"), p("2023-Q2"))).toBe(true);
    expect(pointsOverlap(p("2023-Q2"), p("2023"))).toBe(true);
  });

  it("sees no overlap between neighbouring quarters", () => {
    expect(pointsOverlap(p("2023-Q1"), p("2023-Q2"))).toBe(false);
  });

  it("sees a day on a quarter boundary only in its own quarter", () => {
    expect(pointsOverlap(p("2023-03-31"), p("2023-Q1"))).toBe(true);
    expect(pointsOverlap(p("2023-03-31"), p("2023-Q2"))).toBe(false);
    expect(pointsOverlap(p("2023-04-01"), p("2023-Q2"))).toBe(true);
  });

  it("sees a month inside its quarter", () => {
    expect(pointsOverlap(p("2023-06"), p("2023-Q2"))).toBe(true);
    expect(pointsOverlap(p("2023-07"), p("2023-Q2"))).toBe(false);
  });
});

describe("shiftPointInTime", () => {
  function shifted(text: string, amount: number, unit: Precision): string {
    return formatPointInTime(shiftPointInTime(p(text), amount, unit));
  }

  it("moves a year by years", () => {
    expect(shifted("2023", 1, "year")).toBe("2024");
    expect(shifted("2023", -3, "year")).toBe("2020");
  });

  it("moves a quarter across the year boundary", () => {
    expect(shifted("2023-Q4", 1, "quarter")).toBe("2024-Q1");
    expect(shifted("2024-Q1", -1, "quarter")).toBe("2023-Q4");
    expect(shifted("2023-Q2", 6, "quarter")).toBe("2024-Q4");
  });

  it("moves a quarter by whole years", () => {
    expect(shifted("2021-Q4", 2, "year")).toBe("2023-Q4");
  });

  it("moves a month by months, quarters and years", () => {
    expect(shifted("2023-11", 3, "month")).toBe("2024-02");
    expect(shifted("2023-01", -1, "month")).toBe("2022-12");
    expect(shifted("2023-11", 1, "quarter")).toBe("2024-02");
    expect(shifted("2023-11", 1, "year")).toBe("2024-11");
  });

  it("clamps the day to the end of a shorter month", () => {
    expect(shifted("2024-01-31", 1, "month")).toBe("2024-02-29");
    expect(shifted("2023-01-31", 1, "month")).toBe("2023-02-28");
    expect(shifted("2023-05-31", 1, "quarter")).toBe("2023-08-31");
    expect(shifted("2023-03-31", 1, "month")).toBe("2023-04-30");
  });

  it("moves 29 February by a year to 28 February", () => {
    expect(shifted("2024-02-29", 1, "year")).toBe("2025-02-28");
    expect(shifted("2024-02-29", 4, "year")).toBe("2028-02-29");
  });

  it("moves a day by days across month and year ends", () => {
    expect(shifted("2023-12-31", 1, "day")).toBe("2024-01-01");
    expect(shifted("2024-02-28", 1, "day")).toBe("2024-02-29");
    expect(shifted("2024-03-01", -1, "day")).toBe("2024-02-29");
    expect(shifted("2023-03-01", -1, "day")).toBe("2023-02-28");
  });

  it("keeps the point's precision", () => {
    expect(shiftPointInTime(p("2023-Q4"), 1, "year").precision).toBe("quarter");
    expect(shiftPointInTime(p("2023-05-17"), 1, "year").precision).toBe("day");
  });

  it("returns the same point for a shift of zero", () => {
    expect(shifted("2023-Q2", 0, "quarter")).toBe("2023-Q2");
  });

  it("refuses to shift a year by a quarter, since that would invent a quarter", () => {
    expect(() => shiftPointInTime(p("2023"), 1, "quarter")).toThrow(RangeError);
    expect(() => shiftPointInTime(p("2023"), 1, "quarter")).toThrow(
      /finer than the point/,
    );
  });

  it("refuses to shift a quarter by a month or a month by a day", () => {
    expect(() => shiftPointInTime(p("2023-Q2"), 1, "month")).toThrow(
      RangeError,
    );
    expect(() => shiftPointInTime(p("2023-05"), 1, "day")).toThrow(RangeError);
  });

  it("refuses fractional amounts", () => {
    expect(() => shiftPointInTime(p("2023"), 0.5, "year")).toThrow(RangeError);
  });

  it("refuses to leave the supported years", () => {
    expect(() => shiftPointInTime(p("2200-Q4"), 1, "quarter")).toThrow(
      RangeError,
    );
    expect(() => shiftPointInTime(p("1900-01-01"), -1, "day")).toThrow(
      RangeError,
    );
  });
});

describe("describeShift", () => {
  it("measures at the coarser precision", () => {
    expect(describeShift(p("2023"), p("2024-Q2"))).toEqual({
      direction: "later",
      amount: 1,
      unit: "year",
    });
  });

  it("counts quarters between quarters", () => {
    expect(describeShift(p("2024-Q2"), p("2024-Q4"))).toEqual({
      direction: "later",
      amount: 2,
      unit: "quarter",
    });
  });

  it("counts quarters across a year boundary", () => {
    expect(describeShift(p("2023-Q4"), p("2024-Q1"))).toEqual({
      direction: "later",
      amount: 1,
      unit: "quarter",
    });
  });

  it("reports an earlier point", () => {
    expect(describeShift(p("2024-05"), p("2024-02"))).toEqual({
      direction: "earlier",
      amount: 3,
      unit: "month",
    });
  });

  it("reports no change when both fall into the same unit", () => {
    expect(describeShift(p("2023"), p("2023-Q3"))).toEqual({
      direction: "none",
    });
    expect(describeShift(p("2023-Q2"), p("2023-06-30"))).toEqual({
      direction: "none",
    });
  });

  it("places a month in its quarter when compared with a quarter", () => {
    expect(describeShift(p("2023-Q1"), p("2023-04"))).toEqual({
      direction: "later",
      amount: 1,
      unit: "quarter",
    });
  });

  it("counts days between days across a leap day", () => {
    expect(describeShift(p("2024-02-28"), p("2024-03-01"))).toEqual({
      direction: "later",
      amount: 2,
      unit: "day",
    });
  });
});

describe("formatShiftGerman", () => {
  it("uses the singular for one unit", () => {
    expect(
      formatShiftGerman({ direction: "later", amount: 1, unit: "year" }),
    ).toBe("1 Jahr später");
  });

  it("uses the plural for several units", () => {
    expect(
      formatShiftGerman({ direction: "later", amount: 2, unit: "quarter" }),
    ).toBe("2 Quartale später");
    expect(
      formatShiftGerman({ direction: "earlier", amount: 3, unit: "month" }),
    ).toBe("3 Monate früher");
    expect(
      formatShiftGerman({ direction: "earlier", amount: 10, unit: "day" }),
    ).toBe("10 Tage früher");
  });

  it("says unchanged when nothing moved", () => {
    expect(formatShiftGerman({ direction: "none" })).toBe("unverändert");
  });

  it("describes a real replanning in words", () => {
    expect(formatShiftGerman(describeShift(p("2021-Q4"), p("2022-Q2")))).toBe(
      "2 Quartale später",
    );
  });
});
