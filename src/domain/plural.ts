/**
 * A count with its noun, "1 Projekt", "3 Projekte": the singular for exactly one, the
 * plural otherwise (0 too), for German and English alike. The count is written as digits
 * without grouping; counts in texts stay far below a thousand.
 */
export function plural(
  count: number,
  singular: string,
  pluralForm: string,
): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
