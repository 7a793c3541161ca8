/**
 * A form that failed and is shown again: which form of the page it was, what was typed
 * (so nothing is lost), and the problems at its fields and in the error summary.
 */
import type { InputProblem } from "../../../errors.js";
import type { ErrorSummaryLink } from "../error-summary/error-summary.js";

/** The submitted form as plain text fields (a field sent twice keeps its first value). */
export type FormFields = Readonly<Record<string, string>>;

/** A form that failed: which one, what was typed, and what is wrong with it. */
export interface FailedForm {
  /** The form's key, usually the prefix of its field ids, e.g. "grunddaten", "phase-12". */
  readonly form: string;
  readonly values: FormFields;
  /** Values of fields sent several times (multiple selects, checkbox lists). */
  readonly lists?: Readonly<Record<string, readonly string[]>>;
  /** Messages by field name. */
  readonly errors: Readonly<Record<string, string>>;
  /** The error summary: each problem, linked to its field where it has one. */
  readonly summary: readonly ErrorSummaryLink[];
  /** Problems that belong to no field. */
  readonly messages: readonly string[];
}

/** Whether a form failed with problems to list; a version conflict fails it without any. */
export function hasProblems(
  failed: FailedForm | undefined,
): failed is FailedForm {
  return (
    failed !== undefined &&
    (failed.summary.length > 0 || failed.messages.length > 0)
  );
}

/** How problems find their fields in a form. */
export interface ProblemPlacement {
  /** Maps a JSON pointer (/data/title, /form/titel) to a form field (titel), or null. */
  readonly fieldOf: (path: string) => string | null;
  /** Names a field, so that a bare rule ("darf nicht leer sein") reads as a sentence; without it messages stand as they are. */
  readonly labelOf?: (field: string) => string;
  /** The id of a field's control, for the summary's link; `${form}-${field}` by default. */
  readonly idOf?: (field: string) => string;
}

/**
 * Puts problems at their fields: "Titel darf nicht leer sein" at the field and, linked to
 * it, in the summary; problems without a field go to the summary as plain messages.
 */
export function placeProblems(
  form: string,
  values: FormFields,
  problems: readonly InputProblem[],
  placement: ProblemPlacement,
  lists?: Readonly<Record<string, readonly string[]>>,
): FailedForm {
  const errors: Record<string, string> = {};
  const summary: ErrorSummaryLink[] = [];
  const messages: string[] = [];
  for (const problem of problems) {
    const field = placement.fieldOf(problem.path);
    if (field === null) {
      if (!messages.includes(problem.message)) messages.push(problem.message);
      continue;
    }
    const text =
      placement.labelOf !== undefined && /^[a-zäöü"]/.test(problem.message)
        ? `${placement.labelOf(field)} ${problem.message}`
        : problem.message;
    if (errors[field] !== undefined) continue;
    errors[field] = text;
    summary.push({
      text,
      href: `#${placement.idOf?.(field) ?? `${form}-${field}`}`,
    });
  }
  return {
    form,
    values,
    errors,
    summary,
    messages,
    ...(lists === undefined ? {} : { lists }),
  };
}

/** A form's value: what was typed when this form failed, otherwise the stored value. */
export function valueOf(
  failed: FailedForm | undefined,
  form: string,
  field: string,
  stored: string,
): string {
  return failed?.form === form ? (failed.values[field] ?? "") : stored;
}

/** The values of a list field: what was chosen when this form failed, otherwise the stored ones. */
export function valuesOf(
  failed: FailedForm | undefined,
  form: string,
  field: string,
  stored: readonly string[],
): readonly string[] {
  return failed?.form === form ? (failed.lists?.[field] ?? []) : stored;
}

/** The error at a field of a form, if that form failed. */
export function errorOf(
  failed: FailedForm | undefined,
  form: string,
  field: string,
): string | undefined {
  return failed?.form === form ? failed.errors[field] : undefined;
}
