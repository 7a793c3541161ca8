/**
 * A count with its noun, "1 Projekt", "3 Projekte": the singular for exactly one, the
 * plural otherwise (0 too), for German and English alike. The count is written as plain
 * digits, without a thousands separator.
 */
export function plural(
  count: number,
  singular: string,
  pluralForm: string,
): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
