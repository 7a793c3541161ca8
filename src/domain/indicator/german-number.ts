/**
 * Numbers and percentages written the German way ("1.832", "25,2 %"), computed by hand
 * rather than with Intl so that output never depends on the ICU data a Node build happens
 * to ship: the same figure must read the same on the portal, in the PDF and on the slide.
 * Dates: domain/calendar/calendar.ts.
 */

/** The space between a number and "%": no-break, so "25,2" and "%" never part at a line end. */
export const PERCENT_SPACE = "\u00a0";

/** Rounds half away from zero at a number of decimals, without binary surprises (1,005 → 1,01). */
export function roundHalfAwayFromZero(
  value: number,
  fractionDigits: number,
): number {
  const sign = value < 0 ? -1 : 1;
  const magnitude = String(Math.abs(value));
  // Shifting via the exponent in the string avoids 1.005 * 100 = 100.49999…; numbers that
  // already print in exponent form (1e-7, 1e21) are too small or large for that to matter.
  const result = magnitude.includes("e")
    ? sign *
      (Math.round(Math.abs(value) * 10 ** fractionDigits) /
        10 ** fractionDigits)
    : sign *
      Number(
        `${Math.round(Number(`${magnitude}e${fractionDigits}`))}e-${fractionDigits}`,
      );
  return Object.is(result, -0) ? 0 : result;
}

/**
 * Formats a number with "." between thousands and "," before decimals: 1832 → "1.832",
 * 25.174 with 1 digit → "25,2". Four-digit numbers are grouped too, as German reports do.
 */
export function formatGermanNumber(value: number, fractionDigits = 0): string {
  if (!Number.isFinite(value))
    throw new RangeError(`Cannot format ${value} as a number.`);
  if (
    !Number.isInteger(fractionDigits) ||
    fractionDigits < 0 ||
    fractionDigits > 10
  ) {
    throw new RangeError(
      `Fraction digits must be 0–10, got ${fractionDigits}.`,
    );
  }
  const rounded = roundHalfAwayFromZero(value, fractionDigits);
  const [whole = "0", fraction] = Math.abs(rounded)
    .toFixed(fractionDigits)
    .split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const sign = rounded < 0 ? "-" : "";
  return fraction === undefined
    ? `${sign}${grouped}`
    : `${sign}${grouped},${fraction}`;
}

/** Formats a fraction as a German percentage: 0.25174 → "25,2 %" (no-break space). */
export function formatGermanPercent(
  fraction: number,
  fractionDigits = 1,
): string {
  return `${formatGermanNumber(fraction * 100, fractionDigits)}${PERCENT_SPACE}%`;
}

/** Formats a change with its sign, "+24", "-3" or "±0", so a reader sees the direction. */
export function formatGermanSigned(value: number, fractionDigits = 0): string {
  const text = formatGermanNumber(value, fractionDigits);
  if (roundHalfAwayFromZero(value, fractionDigits) === 0) return `±${text}`;
  return value > 0 ? `+${text}` : text;
}
