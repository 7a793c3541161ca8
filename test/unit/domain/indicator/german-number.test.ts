import { describe, expect, it } from "vitest";

import {
  formatGermanNumber,
  formatGermanPercent,
  formatGermanSigned,
  roundHalfAwayFromZero,
} from "../../../../src/domain/indicator/german-number.js";
import {
  formatGermanDate,
  formatIsoDate,
} from "../../../../src/domain/calendar/calendar.js";
import { day } from "./factory.js";

describe("formatGermanNumber", () => {
  it("groups thousands with a dot (1.832 activities)", () => {
    expect(formatGermanNumber(1832)).toBe("1.832");
  });

  it("leaves numbers below 1.000 alone (133 staff)", () => {
    expect(formatGermanNumber(133)).toBe("133");
  });

  it("groups millions", () => {
    expect(formatGermanNumber(1_234_567)).toBe("1.234.567");
  });

  it("writes decimals after a comma", () => {
    expect(formatGermanNumber(1234.5, 2)).toBe("1.234,50");
  });

  it("rounds half away from zero", () => {
    expect(formatGermanNumber(2.5)).toBe("3");
    expect(formatGermanNumber(-2.5)).toBe("-3");
  });

  it("rounds without binary surprises", () => {
    expect(formatGermanNumber(1.005, 2)).toBe("1,01");
  });

  it("writes zero without a sign after rounding a small negative number", () => {
    expect(formatGermanNumber(-0.01, 1)).toBe("0,0");
  });

  it("writes negative numbers with a minus sign", () => {
    expect(formatGermanNumber(-1420)).toBe("-1.420");
  });

  it("refuses what is not a number", () => {
    expect(() => formatGermanNumber(Number.NaN)).toThrow(RangeError);
  });
});

describe("formatGermanPercent", () => {
  it("writes 144 of 572 as 25,2 % with a no-break space", () => {
    expect(formatGermanPercent(144 / 572)).toBe("25,2\u00a0%");
  });

  it("writes a whole as 100,0 %", () => {
    expect(formatGermanPercent(1)).toBe("100,0\u00a0%");
  });

  it("takes the number of decimals", () => {
    expect(formatGermanPercent(19 / 44, 0)).toBe("43\u00a0%");
  });
});

describe("formatGermanSigned", () => {
  it("marks an increase with a plus", () => {
    expect(formatGermanSigned(1420)).toBe("+1.420");
  });

  it("marks a decrease with a minus", () => {
    expect(formatGermanSigned(-3)).toBe("-3");
  });

  it("marks no change with ±", () => {
    expect(formatGermanSigned(0)).toBe("±0");
  });
});

describe("dates", () => {
  it("writes a German date", () => {
    expect(formatGermanDate(day(2022, 11, 28))).toBe("28.11.2022");
  });

  it("pads day and month", () => {
    expect(formatGermanDate(day(2021, 11, 5))).toBe("05.11.2021");
  });

  it("writes an ISO date", () => {
    expect(formatIsoDate(day(2022, 8, 23))).toBe("2022-08-23");
  });
});

describe("roundHalfAwayFromZero", () => {
  it("handles numbers that print in exponent form", () => {
    expect(roundHalfAwayFromZero(1e-7, 2)).toBe(0);
    expect(roundHalfAwayFromZero(1e21, 0)).toBe(1e21);
  });
});
