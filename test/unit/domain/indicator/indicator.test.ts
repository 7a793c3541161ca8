import { describe, expect, it } from "vitest";

import {
  INDICATOR_PROBLEM_CODES,
  changeBetween,
  formatObservationGerman,
  observationsUpTo,
  shareOf,
  validateIndicator,
  validateObservation,
  validateObservations,
  valueAt,
} from "../../../../src/domain/indicator/indicator.js";
import type { IndicatorProblemCode } from "../../../../src/domain/indicator/indicator.js";
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

describe("validateIndicator", () => {
  it("accepts a complete count", () => {
    expect(validateIndicator(buildCountIndicator())).toEqual([]);
  });

  it("accepts a complete ratio", () => {
    expect(validateIndicator(buildRatioIndicator())).toEqual([]);
  });

  it("requires name, unit, definition, source and owner", () => {
    const indicator = buildCountIndicator({
      name: "",
      unit: " ",
      definition: "",
      source: "",
      owner: "",
    });
    expect(validateIndicator(indicator).map((p) => p.code)).toEqual([
      "INDICATOR_NAME_REQUIRED",
      "INDICATOR_UNIT_REQUIRED",
      "INDICATOR_DEFINITION_REQUIRED",
      "INDICATOR_SOURCE_REQUIRED",
      "INDICATOR_OWNER_REQUIRED",
    ]);
  });

  it("requires a ratio to say what its whole is", () => {
    const problems = validateIndicator(
      buildRatioIndicator({ denominatorLabel: null }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        code: "INDICATOR_DENOMINATOR_LABEL_REQUIRED",
        field: "denominatorLabel",
      }),
    ]);
  });

  it("rejects a whole on a count", () => {
    const indicator = buildCountIndicator({ denominatorLabel: "alle" });
    expect(validateIndicator(indicator).map((p) => p.code)).toEqual([
      "INDICATOR_DENOMINATOR_LABEL_UNEXPECTED",
    ]);
  });

  it("rejects an unknown kind", () => {
    const indicator = buildCountIndicator({ kind: "sum" as "count" });
    expect(validateIndicator(indicator).map((p) => p.code)).toEqual([
      "INDICATOR_KIND_UNKNOWN",
    ]);
  });
});

describe("validateObservation", () => {
  const counted = buildCountIndicator();
  const share = buildRatioIndicator();

  it("accepts 1.832 activities", () => {
    expect(validateObservation(counted, count(AS_OF, 1832))).toEqual([]);
  });

  it("accepts 144 of 572 staff", () => {
    expect(validateObservation(share, ratio(AS_OF, 144, 572))).toEqual([]);
  });

  it("rejects a negative or fractional count", () => {
    expect(
      validateObservation(counted, count(AS_OF, -1)).map((p) => p.code),
    ).toEqual(["OBSERVATION_VALUE_INVALID"]);
    expect(
      validateObservation(counted, count(AS_OF, 1.5)).map((p) => p.code),
    ).toEqual(["OBSERVATION_VALUE_INVALID"]);
  });

  it("rejects a day that is not a whole day number", () => {
    expect(
      validateObservation(counted, count(Number.NaN, 1)).map((p) => p.code),
    ).toEqual(["OBSERVATION_DAY_INVALID"]);
  });

  it("rejects a whole on a count", () => {
    expect(
      validateObservation(counted, ratio(AS_OF, 133, 160)).map((p) => p.code),
    ).toEqual(["OBSERVATION_DENOMINATOR_UNEXPECTED"]);
  });

  it("requires the whole of a ratio and names it", () => {
    const problems = validateObservation(share, count(AS_OF, 144));
    expect(problems.map((p) => p.code)).toEqual([
      "OBSERVATION_DENOMINATOR_REQUIRED",
    ]);
    expect(problems[0]?.message).toContain(
      "Mitarbeitende insgesamt einschließlich GSK",
    );
  });

  it("rejects a whole of 0", () => {
    expect(
      validateObservation(share, ratio(AS_OF, 0, 0)).map((p) => p.code),
    ).toEqual(["OBSERVATION_DENOMINATOR_INVALID"]);
  });

  it("rejects a part larger than its whole", () => {
    const problems = validateObservation(share, ratio(AS_OF, 1144, 572));
    expect(problems.map((p) => p.code)).toEqual([
      "OBSERVATION_VALUE_EXCEEDS_DENOMINATOR",
    ]);
    expect(problems[0]?.message).toBe(
      "Der Wert 1.144 ist größer als die Gesamtzahl 572.",
    );
  });
});

describe("validateObservations", () => {
  it("rejects a second value for the same day and names its position", () => {
    const problems = validateObservations(buildCountIndicator(), [
      count(AS_OF, 1832),
      count(AS_OF, 1833),
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ code: "OBSERVATION_DUPLICATE_DAY", index: 1 }),
    ]);
    expect(problems[0]?.message).toBe(
      "Für den 28.11.2022 gibt es schon einen Wert.",
    );
  });

  it("has a test that produces every problem code", () => {
    const produced = new Set<IndicatorProblemCode>([
      ...validateIndicator(
        buildCountIndicator({
          name: "",
          unit: "",
          definition: "",
          source: "",
          owner: "",
        }),
      ).map((p) => p.code),
      ...validateIndicator(buildCountIndicator({ denominatorLabel: "x" })).map(
        (p) => p.code,
      ),
      ...validateIndicator(buildRatioIndicator({ denominatorLabel: null })).map(
        (p) => p.code,
      ),
      ...validateIndicator(buildCountIndicator({ kind: "x" as "count" })).map(
        (p) => p.code,
      ),
      ...validateObservations(buildCountIndicator(), [
        count(Number.NaN, -1),
        ratio(AS_OF, 1, 2),
        count(AS_OF, 1),
      ]).map((p) => p.code),
      ...validateObservations(buildRatioIndicator(), [
        count(AS_OF, 1),
        ratio(AS_OF + 1, 1, 0),
        ratio(AS_OF + 2, 3, 2),
      ]).map((p) => p.code),
      ...validateIndicator(buildCountIndicator({ decimals: 2 })).map(
        (p) => p.code,
      ),
      ...validateIndicator(
        buildCountIndicator({ target: { value: 1.5, day: AS_OF } }),
      ).map((p) => p.code),
      ...validateObservations(
        buildCountIndicator({ kind: "decimal", decimals: 1 }),
        [
          { ...count(AS_OF, 66.75), qualifier: "x" as "about" },
          {
            ...count(AS_OF + 1, 111),
            breakdown: [
              { label: "", value: 23 },
              { label: "Mitarbeitende", value: 88 },
            ],
          },
          {
            ...count(AS_OF + 2, 111),
            breakdown: [
              { label: "Führungskräfte", value: 23 },
              { label: "Mitarbeitende", value: 80 },
            ],
          },
        ],
      ).map((p) => p.code),
    ]);
    expect([...produced].sort()).toEqual([...INDICATOR_PROBLEM_CODES].sort());
  });
});

describe("valueAt", () => {
  it("returns nothing before the first observation", () => {
    expect(valueAt(INSTAGRAM, day(2021, 11, 4))).toBeNull();
  });

  it("returns the observation of the as-of day itself", () => {
    expect(valueAt(INSTAGRAM, day(2022, 11, 22))?.value).toBe(1420);
  });

  it("returns the latest observation before the as-of date", () => {
    expect(valueAt(INSTAGRAM, AS_OF)?.value).toBe(1420);
  });

  it("ignores observations after the as-of date", () => {
    expect(valueAt(INSTAGRAM, day(2022, 11, 21))?.value).toBe(0);
  });

  it("does not depend on the order of the observations", () => {
    expect(valueAt([...INSTAGRAM].reverse(), AS_OF)?.value).toBe(1420);
  });

  it("takes the later of two observations on one day", () => {
    expect(
      valueAt([count(AS_OF, 1832), count(AS_OF, 1833)], AS_OF)?.value,
    ).toBe(1833);
  });
});

describe("observationsUpTo", () => {
  it("lists observations up to the as-of date, oldest first", () => {
    const later = count(day(2023, 3, 1), 1600);
    expect(observationsUpTo([later, ...INSTAGRAM].reverse(), AS_OF)).toEqual(
      INSTAGRAM,
    );
  });

  it("keeps one observation per day, the later in the input", () => {
    expect(observationsUpTo([count(AS_OF, 1), count(AS_OF, 2)], AS_OF)).toEqual(
      [count(AS_OF, 2)],
    );
  });
});

describe("changeBetween", () => {
  it("gives the absolute change of Instagram followers since the account started", () => {
    const change = changeBetween(INSTAGRAM, day(2021, 11, 5), AS_OF);
    expect(change.absolute).toBe(1420);
  });

  it("gives no relative change from zero", () => {
    expect(
      changeBetween(INSTAGRAM, day(2021, 11, 5), AS_OF).relative,
    ).toBeNull();
  });

  it("gives the relative change between two reports", () => {
    const change = changeBetween(MOBILE_OFFICE, day(2022, 8, 23), AS_OF);
    expect(change.absolute).toBe(24);
    expect(change.relative).toBeCloseTo(0.2, 10);
  });

  it("gives the change of a share in percentage points", () => {
    const change = changeBetween(MOBILE_OFFICE, day(2022, 8, 23), AS_OF);
    expect(change.shareDifference).toBeCloseTo(144 / 572 - 120 / 565, 12);
  });

  it("reports zero when nothing new was recorded between the dates", () => {
    const change = changeBetween(INSTAGRAM, day(2022, 11, 23), AS_OF);
    expect(change.absolute).toBe(0);
    expect(change.from).toBe(change.to);
  });

  it("has no change when the figure did not exist yet at the earlier date", () => {
    const change = changeBetween(INSTAGRAM, day(2021, 1, 1), AS_OF);
    expect(change.from).toBeNull();
    expect(change.to?.value).toBe(1420);
    expect(change.absolute).toBeNull();
  });

  it("has no share change for counts", () => {
    expect(
      changeBetween(INSTAGRAM, day(2021, 11, 5), AS_OF).shareDifference,
    ).toBeNull();
  });
});

describe("shareOf and formatObservationGerman", () => {
  it("computes the share of 144 of 572", () => {
    expect(shareOf(ratio(AS_OF, 144, 572))).toBeCloseTo(0.2517, 4);
  });

  it("has no share without a whole", () => {
    expect(shareOf(count(AS_OF, 144))).toBeNull();
  });

  it("writes a count in German", () => {
    expect(formatObservationGerman(count(AS_OF, 1832))).toBe("1.832");
  });

  it("writes a ratio with its whole and share", () => {
    expect(formatObservationGerman(ratio(AS_OF, 144, 572))).toBe(
      "144 von 572 (25,2\u00a0%)",
    );
  });
});
