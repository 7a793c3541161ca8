/**
 * Key figures as people write them, on both databases: shares, percentages with their
 * decimals, approximate values, a breakdown that must add up, and a target. Bad values
 * get a German message and change nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  addObservation,
  createIndicator,
} from "../../src/app/indicators/manage-indicators.js";
import { getIndicatorsForStaff } from "../../src/app/indicators/read-indicators.js";
import type { UserPrincipal } from "../../src/domain/access/principal.js";
import { formatFigureGerman } from "../../src/domain/indicator/indicator.js";
import { isAppError } from "../../src/errors.js";
import { DIALECTS } from "../support/database.js";
import {
  KLEVE as K,
  openReportingFixture,
  type ReportingFixture,
} from "../support/reporting-fixture.js";
import { rejectionOf } from "../support/failure.js";

const base = {
  definition: "Was gezählt wird",
  source: "Personalverwaltung",
  owner: "Stabsstelle Digitalisierung",
  projectSlug: null,
  denominatorLabel: null,
  chartKind: "line" as const,
};

describe.each(DIALECTS)("key figures as people write them on %s", (dialect) => {
  let f: ReportingFixture;
  let admin: UserPrincipal;

  beforeEach(async () => {
    f = await openReportingFixture(dialect);
    ({ admin } = f);
  });
  afterEach(async () => {
    await f?.t.close();
  });

  async function figure(
    key: string,
    data: Partial<Parameters<typeof createIndicator>[2]["data"]>,
  ): Promise<void> {
    await createIndicator(f.t.ctx, admin, {
      municipality: K,
      key,
      data: {
        ...base,
        name: key,
        unit: "Beschäftigte",
        kind: "count",
        ...data,
      },
    });
  }

  async function stored(key: string) {
    const overview = await getIndicatorsForStaff(f.t.ctx, admin, K);
    const found = overview.indicators.find(
      (each) => each.indicator.key === key,
    );
    if (found === undefined) throw new Error(`no figure ${key}`);
    return found;
  }

  it("keeps '2 von 3', '66,7 %', 'mehr als 60' and a breakdown 23 + 88 = 111 as written", async () => {
    await figure("sitzungen", {
      kind: "ratio",
      unit: "Sitzungen",
      denominatorLabel: "Sitzungen insgesamt",
    });
    await figure("quote", {
      kind: "percent",
      unit: "%",
      decimals: 1,
      target: { value: 80, day: "2027-12-31" },
    });
    await figure("teilnehmende", { unit: "Teilnehmende" });
    await figure("beschaeftigte", {});
    const add = (key: string, value: string, breakdown?: string) =>
      addObservation(f.t.ctx, admin, {
        municipality: K,
        indicator: key,
        expectedVersion: 1,
        data: {
          day: "2026-11-30",
          value,
          note: null,
          ...(breakdown === undefined ? {} : { breakdown }),
        },
      });
    await add("sitzungen", "2 von 3");
    await add("quote", "66,7 %");
    await add("teilnehmende", "mehr als 60");
    await add("beschaeftigte", "111", "23 Führungskräfte\n88 Mitarbeitende");

    const shown = async (key: string) => {
      const each = await stored(key);
      const latest = each.observations.at(-1);
      if (latest === undefined) throw new Error("no value");
      return { each, latest, text: formatFigureGerman(each.indicator, latest) };
    };
    expect((await shown("sitzungen")).text).toBe(
      "2 von 3 (66,7\u00a0%) Sitzungen",
    );
    const quote = await shown("quote");
    expect(quote.text).toBe("66,7\u00a0%");
    expect(quote.latest.value).toBe(66.7);
    expect(quote.each.indicator.target?.value).toBe(80);
    const approximate = await shown("teilnehmende");
    expect(approximate.latest.qualifier).toBe("more_than");
    expect(approximate.text).toBe("mehr als 60 Teilnehmende");
    expect((await shown("beschaeftigte")).latest.breakdown).toEqual([
      { label: "Führungskräfte", value: 23 },
      { label: "Mitarbeitende", value: 88 },
    ]);
  });

  it("refuses a breakdown that does not add up and a decimal with too many places, and changes nothing", async () => {
    await figure("beschaeftigte", {});
    await figure("quote", { kind: "percent", unit: "%", decimals: 1 });
    const sum = await rejectionOf(
      addObservation(f.t.ctx, admin, {
        municipality: K,
        indicator: "beschaeftigte",
        expectedVersion: 1,
        data: {
          day: "2026-11-30",
          value: "111",
          breakdown: "23 Führungskräfte\n80 Mitarbeitende",
          note: null,
        },
      }),
    );
    expect(isAppError(sum, "ERR_VALIDATION") && sum.problems[0]).toEqual({
      path: "/data/breakdown",
      message:
        "Die Aufteilung geht nicht auf: 23 + 80 = 103, der Wert ist aber 111.",
    });
    const places = await rejectionOf(
      addObservation(f.t.ctx, admin, {
        municipality: K,
        indicator: "quote",
        expectedVersion: 1,
        data: { day: "2026-11-30", value: "66,75 %", note: null },
      }),
    );
    expect(
      isAppError(places, "ERR_VALIDATION") && places.problems[0]?.message,
    ).toBe(
      "Der Wert 66,75 hat zu viele Nachkommastellen: „quote“ wird mit 1 Nachkommastelle erfasst.",
    );
    expect((await stored("beschaeftigte")).observations).toEqual([]);
    expect((await stored("quote")).observations).toEqual([]);
    expect((await stored("quote")).version).toBe(1);
  });
});
