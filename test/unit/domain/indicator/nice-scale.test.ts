import { describe, expect, it } from "vitest";

import { niceScale } from "../../../../src/domain/indicator/nice-scale.js";

describe("niceScale", () => {
  it("gives 0 to 2.000 in steps of 500 for 1.832 activities", () => {
    expect(niceScale(0, 1832).ticks).toEqual([0, 500, 1000, 1500, 2000]);
  });

  it("gives 0 to 1.500 for 1.420 Instagram followers", () => {
    expect(niceScale(0, 1420).ticks).toEqual([0, 500, 1000, 1500]);
  });

  it("gives 0 to 30 in steps of 10 for a share of 25,2 %", () => {
    expect(niceScale(0, 25.17).ticks).toEqual([0, 10, 20, 30]);
  });

  it("starts at zero even when all values are high", () => {
    expect(niceScale(120, 144).min).toBe(0);
  });

  it("can leave out zero", () => {
    const scale = niceScale(120, 144, { includeZero: false });
    expect(scale.ticks).toEqual([120, 125, 130, 135, 140, 145]);
  });

  it("uses only steps of 1, 2 or 5 times a power of ten", () => {
    for (const max of [3, 7, 13, 27, 86, 107, 515, 572, 2070, 99_999]) {
      const { step } = niceScale(0, max);
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 5]).toContain(Math.round(mantissa));
    }
  });

  it("never needs more intervals than allowed", () => {
    for (const max of [3, 7, 13, 27, 86, 107, 515, 572, 2070, 99_999]) {
      expect(
        niceScale(0, max, { maxIntervals: 4 }).ticks.length,
      ).toBeLessThanOrEqual(5);
    }
  });

  it("covers the data", () => {
    for (const max of [3, 7, 13, 27, 86, 107, 515, 572, 2070, 99_999]) {
      expect(niceScale(0, max).max).toBeGreaterThanOrEqual(max);
    }
  });

  it("prints small steps exactly", () => {
    const scale = niceScale(0, 0.6);
    expect(scale.ticks).toEqual([0, 0.2, 0.4, 0.6]);
    expect(scale.fractionDigits).toBe(1);
  });

  it("keeps whole steps for counts", () => {
    expect(niceScale(0, 3, { minStep: 1 }).ticks).toEqual([0, 1, 2, 3]);
  });

  it("gives all zeros an axis from 0 to 1", () => {
    expect(niceScale(0, 0, { minStep: 1 }).ticks).toEqual([0, 1]);
  });

  it("spans negative values", () => {
    expect(niceScale(-3, 7).ticks).toEqual([-5, 0, 5, 10]);
  });

  it("refuses a range whose minimum exceeds its maximum", () => {
    expect(() => niceScale(5, 1)).toThrow(RangeError);
  });
});
