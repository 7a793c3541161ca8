/**
 * The change report (Veränderungen gegenüber der letzten Fortschreibung) between two
 * snapshots: the diff with the reasons given for each shift and the counts per reason.
 * Pure data, so that use cases assemble it and the web pages and documents render it.
 */
import type { Catalogue, Municipality } from "../catalogue/catalogue.js";
import { groupBy } from "../collections.js";
import { diffCatalogues, type CatalogueDiff } from "./catalogue-diff.js";
import type { EditionReason, EditionSummary } from "./edition.js";
import {
  countShiftsByReason,
  type ReasonCategory,
  type ShiftCountsByReason,
  type ShiftReason,
} from "./reasons.js";

/** A reason as the report shows it: which edition gave it (null: the draft). */
export interface ReportReason extends EditionReason {
  readonly editionNumber: number | null;
}

/** Two snapshots compared, with the reasons for their shifts. */
export interface ChangeReport {
  readonly municipality: Municipality;
  readonly before: Catalogue;
  readonly after: Catalogue;
  /** The older edition. */
  readonly from: EditionSummary;
  /** The newer edition, or null for the draft. */
  readonly to: EditionSummary | null;
  readonly diff: CatalogueDiff;
  /** Every reason given for a change key, oldest first (a phase may move in several editions). */
  readonly reasons: ReadonlyMap<string, readonly ReportReason[]>;
  /** The reason that counts for each key: the newest. */
  readonly effectiveReasons: ReadonlyMap<string, ShiftReason>;
  readonly counts: ShiftCountsByReason;
  readonly categories: readonly ReasonCategory[];
}

/** Categories of several lists, the later list's label winning for the same key. */
export function mergeCategories(
  lists: readonly (readonly ReasonCategory[])[],
): readonly ReasonCategory[] {
  const byKey = new Map<string, ReasonCategory>();
  for (const list of lists)
    for (const category of list) byKey.set(category.key, category);
  return [...byKey.values()];
}

/** One step of a comparison: the reasons and categories of an edition, or of the draft (null). */
export interface ReasonStep {
  readonly editionNumber: number | null;
  readonly reasons: ReadonlyMap<string, EditionReason>;
  readonly categories: readonly ReasonCategory[];
}

/**
 * The reasons of the steps from the baseline to the compared state, by change, each marked
 * with the step that gave it (oldest first: each step explains its own shifts), and the
 * categories of all steps (a later step's label wins).
 */
export function reasonsOfSteps(steps: readonly ReasonStep[]): {
  readonly reasons: ReadonlyMap<string, readonly ReportReason[]>;
  readonly categories: readonly ReasonCategory[];
} {
  return {
    reasons: groupBy(
      steps.flatMap((step) =>
        [...step.reasons].map(([key, reason]) => ({
          key,
          reason: { ...reason, editionNumber: step.editionNumber },
        })),
      ),
      (entry) => entry.key,
      (entry): ReportReason => entry.reason,
    ),
    categories: mergeCategories(steps.map((step) => step.categories)),
  };
}

/** Builds a report from two catalogues and the reasons given. */
export function assembleReport(input: {
  readonly municipality: Municipality;
  readonly before: Catalogue;
  readonly after: Catalogue;
  readonly from: EditionSummary;
  readonly to: EditionSummary | null;
  readonly asOf: number | undefined;
  readonly reasons: ReadonlyMap<string, readonly ReportReason[]>;
  readonly categories: readonly ReasonCategory[];
}): ChangeReport {
  const diff = diffCatalogues(
    input.before,
    input.after,
    input.asOf === undefined ? {} : { asOf: input.asOf },
  );
  const effectiveReasons = new Map<string, ShiftReason>();
  for (const [key, list] of input.reasons) {
    const newest = list.at(-1);
    if (newest !== undefined) effectiveReasons.set(key, newest);
  }
  return {
    municipality: input.municipality,
    before: input.before,
    after: input.after,
    from: input.from,
    to: input.to,
    diff,
    reasons: input.reasons,
    effectiveReasons,
    counts: countShiftsByReason(diff, effectiveReasons, input.categories),
    categories: input.categories,
  };
}
