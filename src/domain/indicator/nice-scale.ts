/**
 * Axis scales with "nice" steps (1, 2 or 5 times a power of ten), so that tick labels are
 * numbers a reader can count on: 0, 500, 1.000, 1.500, 2.000 rather than 0, 458, 916 ….
 */
import { roundHalfAwayFromZero } from "./german-number.js";

/** A scale from `min` to `max` in steps of `step`, with its ticks (both ends included). */
export interface NiceScale {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly ticks: readonly number[];
  /** Decimals needed to print every tick exactly (step 0.2 → 1). */
  readonly fractionDigits: number;
}

/** Options of `niceScale`. */
export interface NiceScaleOptions {
  /** At most this many steps between the lowest and highest tick; default 5. */
  readonly maxIntervals?: number;
  /**
   * Stretch the scale to 0; default true. Bars must start at 0, and a line chart of
   * counts that starts elsewhere exaggerates changes in front of a committee.
   */
  readonly includeZero?: boolean;
  /** The smallest step allowed, e.g. 1 for counts (there are no half staff); default none. */
  readonly minStep?: number;
}

const MULTIPLIERS = [1, 2, 5] as const;
// Guards floor/ceil against 0.6 / 0.2 = 2.9999999999999996.
const EPSILON = 1e-9;

function stepOf(multiplier: number, exponent: number): number {
  // Dividing by a power of ten keeps 0.2 as 0.2, where 2 * 10 ** -1 would be 0.2 too but
  // 5 * 10 ** -3 drifts (0.005000000000000001).
  return exponent < 0
    ? multiplier / 10 ** -exponent
    : multiplier * 10 ** exponent;
}

/**
 * The smallest nice step that covers `dataMin`–`dataMax` in at most `maxIntervals` steps,
 * and the ticks it gives. A range of a single value is widened upwards by one minimum
 * step (or 1), so that a lone value or all zeros still get an axis.
 */
export function niceScale(
  dataMin: number,
  dataMax: number,
  options: NiceScaleOptions = {},
): NiceScale {
  const { maxIntervals = 5, includeZero = true, minStep = 0 } = options;
  if (
    !Number.isFinite(dataMin) ||
    !Number.isFinite(dataMax) ||
    dataMin > dataMax
  ) {
    throw new RangeError(
      `A scale needs finite min ≤ max, got ${dataMin}–${dataMax}.`,
    );
  }
  if (!Number.isInteger(maxIntervals) || maxIntervals < 1) {
    throw new RangeError(
      `maxIntervals must be a whole number ≥ 1, got ${maxIntervals}.`,
    );
  }
  const low = includeZero ? Math.min(0, dataMin) : dataMin;
  let high = includeZero ? Math.max(0, dataMax) : dataMax;
  // With zero included, equal ends can only mean all zeros, so widening upwards is right.
  if (low === high) high = low + (minStep > 0 ? minStep : 1);

  let exponent = Math.floor(Math.log10((high - low) / maxIntervals));
  for (;;) {
    for (const multiplier of MULTIPLIERS) {
      const step = stepOf(multiplier, exponent);
      if (step < minStep) continue;
      const first = Math.floor(low / step + EPSILON);
      const last = Math.ceil(high / step - EPSILON);
      if (last - first > maxIntervals) continue;
      const fractionDigits = Math.max(0, -exponent);
      const ticks: number[] = [];
      for (let index = first; index <= last; index += 1) {
        ticks.push(roundHalfAwayFromZero(index * step, fractionDigits));
      }
      return {
        min: ticks[0] ?? low,
        max: ticks[ticks.length - 1] ?? high,
        step,
        ticks,
        fractionDigits,
      };
    }
    exponent += 1;
  }
}
