import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  calendarDateOf,
  dayNumberOf,
  formatGermanDate,
  formatGermanDateTime,
  formatIsoDate,
  formatIsoDateGerman,
  germanDayOf,
  germanIsoDateOf,
  parseIsoDate,
  startOfGermanDay,
} from "../../../../src/domain/calendar/calendar.js";

const day = (iso: string): number => {
  const parsed = parseIsoDate(iso);
  if (parsed === null) throw new Error(`no date: ${iso}`);
  return parsed;
};

describe("day numbers and ISO dates", () => {
  it("counts days from 1970-01-01 and back", () => {
    expect(dayNumberOf(1970, 1, 1)).toBe(0);
    expect(dayNumberOf(2022, 11, 28)).toBe(19324);
    expect(calendarDateOf(19324)).toEqual({ year: 2022, month: 11, day: 28 });
    for (
      let each = dayNumberOf(1999, 12, 1);
      each < dayNumberOf(2001, 3, 31);
      each += 1
    ) {
      const date = calendarDateOf(each);
      expect(dayNumberOf(date.year, date.month, date.day)).toBe(each);
    }
  });

  it("reads an ISO date and writes it back the same", () => {
    expect(formatIsoDate(day("2024-02-29"))).toBe("2024-02-29");
    expect(formatIsoDate(day("2022-03-27"))).toBe("2022-03-27");
  });

  it("answers null for text that is no real date, whatever the mistake", () => {
    for (const text of [
      "",
      "2022-02-30",
      "2023-02-29",
      "2022-13-01",
      "2022-3-7",
      "07.03.2022",
      "2022-03-07T00:00",
      " 2022-03-07",
      "1899-12-31",
      "2201-01-01",
    ]) {
      expect(parseIsoDate(text), text).toBeNull();
    }
  });

  it("writes dates the German way", () => {
    expect(formatGermanDate(day("2022-11-28"))).toBe("28.11.2022");
    expect(formatGermanDate(day("2023-01-05"))).toBe("05.01.2023");
    expect(formatIsoDateGerman("2022-03-15")).toBe("15.03.2022");
    expect(formatIsoDateGerman("kein Datum")).toBe("kein Datum");
  });
});

/** The calendar must answer the same in whatever time zone the server runs. */
describe.each([
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "Pacific/Kiritimati",
])("on a server in %s", (zone) => {
  const original = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = original;
  });

  it("really runs in that time zone", () => {
    const offsets = {
      UTC: 0,
      "Europe/Berlin": -60,
      "America/New_York": 300,
      "Pacific/Kiritimati": -840,
    } as Record<string, number>;
    expect(new Date(Date.UTC(2022, 0, 15, 12)).getTimezoneOffset()).toBe(
      offsets[zone],
    );
  });

  it("knows today in Germany around midnight, in winter and in summer", () => {
    // 23:30 UTC is already the next day in Berlin (00:30 CET, 01:30 CEST).
    expect(germanIsoDateOf(new Date("2022-11-27T23:30:00Z"))).toBe(
      "2022-11-28",
    );
    expect(germanIsoDateOf(new Date("2022-11-27T22:59:59Z"))).toBe(
      "2022-11-27",
    );
    expect(germanIsoDateOf(new Date("2022-06-30T22:00:00Z"))).toBe(
      "2022-07-01",
    );
    expect(germanIsoDateOf(new Date("2022-06-30T21:59:59Z"))).toBe(
      "2022-06-30",
    );
    expect(germanDayOf(new Date("2022-12-31T23:00:00Z"))).toBe(
      day("2023-01-01"),
    );
  });

  it("starts the German day at midnight in Berlin, before and after the clocks change", () => {
    expect(startOfGermanDay(day("2022-03-26")).toISOString()).toBe(
      "2022-03-25T23:00:00.000Z",
    );
    expect(startOfGermanDay(day("2022-03-27")).toISOString()).toBe(
      "2022-03-26T23:00:00.000Z",
    );
    expect(startOfGermanDay(day("2022-03-28")).toISOString()).toBe(
      "2022-03-27T22:00:00.000Z",
    );
    expect(startOfGermanDay(day("2022-10-30")).toISOString()).toBe(
      "2022-10-29T22:00:00.000Z",
    );
    expect(startOfGermanDay(day("2022-10-31")).toISOString()).toBe(
      "2022-10-30T23:00:00.000Z",
    );
  });

  it("makes the spring switch day 23 hours long and the autumn one 25", () => {
    const hours = (iso: string): number =>
      (startOfGermanDay(day(iso) + 1).getTime() -
        startOfGermanDay(day(iso)).getTime()) /
      3_600_000;
    expect(hours("2022-03-27")).toBe(23);
    expect(hours("2022-10-30")).toBe(25);
    expect(hours("2022-07-14")).toBe(24);
  });

  it("keeps the switch days whole: every instant of them belongs to them", () => {
    // 01:59:59 CET and 03:00 CEST on 27 March; 02:59 CEST and 02:00 CET (twice) on 30 October.
    for (const instant of [
      "2022-03-27T00:59:59Z",
      "2022-03-27T01:00:00Z",
      "2022-03-27T21:59:59Z",
    ]) {
      expect(germanIsoDateOf(new Date(instant)), instant).toBe("2022-03-27");
    }
    for (const instant of [
      "2022-10-29T22:00:00Z",
      "2022-10-30T00:59:59Z",
      "2022-10-30T01:00:00Z",
      "2022-10-30T22:59:59Z",
    ]) {
      expect(germanIsoDateOf(new Date(instant)), instant).toBe("2022-10-30");
    }
    expect(germanIsoDateOf(new Date("2022-10-30T23:00:00Z"))).toBe(
      "2022-10-31",
    );
  });

  it("puts the start of every day of a year on that day, and the instant before on the day before", () => {
    for (let each = day("2022-01-01"); each <= day("2022-12-31"); each += 1) {
      const start = startOfGermanDay(each);
      expect(germanDayOf(start)).toBe(each);
      expect(germanDayOf(new Date(start.getTime() - 1))).toBe(each - 1);
    }
  });

  it("writes date and time as people in Germany read them, the clock in Berlin", () => {
    expect(formatGermanDateTime(new Date("2022-11-28T09:00:00Z"), "de")).toBe(
      "28.11.2022, 10:00",
    );
    expect(formatGermanDateTime(new Date("2022-07-01T08:15:00Z"), "de")).toBe(
      "01.07.2022, 10:15",
    );
    expect(formatGermanDateTime(new Date("2022-11-28T09:00:00Z"), "en")).toBe(
      "28 Nov 2022, 10:00",
    );
  });
});
