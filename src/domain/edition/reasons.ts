/**
 * Reasons for shifts (Begründung einer Verschiebung): every shift of a revision needs one
 * before the draft can be published, and the report counts shifts per reason
 * ("5 Verschiebungen wegen OZG-Aufwand").
 *
 * Categories are data, because each municipality edits its own list; reasons are keyed by
 * the change's stable `key` (see catalogue-diff.ts), so they survive recomputing the diff.
 */

import type { ShiftChange } from "./catalogue-change.js";
import { shiftsNeedingReason } from "./catalogue-diff.js";
import type { CatalogueDiff } from "./catalogue-diff.js";

/** A category of reasons a municipality offers for shifts. */
export interface ReasonCategory {
  /** Stable English key, stored with each reason. */
  readonly key: string;
  /** German label shown to staff and in the report. */
  readonly label: string;
  /** Whether the free text is required (a category like "Sonstiges" says nothing by itself). */
  readonly requiresText: boolean;
}

/** The categories a new municipality starts with; the list is editable per municipality. */
export const DEFAULT_REASON_CATEGORIES: readonly ReasonCategory[] = [
  { key: "ozg-effort", label: "OZG-Aufwand", requiresText: false },
  { key: "staff", label: "Personal", requiresText: false },
  {
    key: "dependency",
    label: "Abhängigkeit von einem anderen Projekt",
    requiresText: false,
  },
  { key: "funding", label: "Förderung", requiresText: false },
  { key: "prioritisation", label: "Priorisierung", requiresText: false },
  { key: "technology", label: "Technik", requiresText: false },
  { key: "other", label: "Sonstiges", requiresText: true },
];

/** The reason given for one shift: a category key and free text. */
export interface ShiftReason {
  readonly category: string;
  readonly text: string;
}

/** Reasons by the key of the change they explain. */
export type ShiftReasons = ReadonlyMap<string, ShiftReason>;

/** Stable codes for what is wrong with a shift's reason. */
export type ReasonProblemCode =
  "REASON_MISSING" | "REASON_UNKNOWN_CATEGORY" | "REASON_TEXT_REQUIRED";

/** A shift whose reason is missing or incomplete, and why. */
export interface MissingReason {
  readonly change: ShiftChange;
  readonly problem: ReasonProblemCode;
}

function categoryOf(
  reason: ShiftReason,
  categories: readonly ReasonCategory[],
): ReasonCategory | null {
  return (
    categories.find((category) => category.key === reason.category) ?? null
  );
}

function problemOf(
  reason: ShiftReason | undefined,
  categories: readonly ReasonCategory[],
): ReasonProblemCode | null {
  if (reason === undefined) return "REASON_MISSING";
  const category = categoryOf(reason, categories);
  if (category === null) return "REASON_UNKNOWN_CATEGORY";
  if (category.requiresText && reason.text.trim() === "") {
    return "REASON_TEXT_REQUIRED";
  }
  return null;
}

/**
 * The shifts that block publishing, in report order: no reason, a category not (or no
 * longer) in the municipality's list, or no text where the category requires it.
 */
export function missingReasons(
  diff: CatalogueDiff,
  reasons: ShiftReasons,
  categories: readonly ReasonCategory[] = DEFAULT_REASON_CATEGORIES,
): readonly MissingReason[] {
  const missing: MissingReason[] = [];
  for (const change of shiftsNeedingReason(diff)) {
    const problem = problemOf(reasons.get(change.key), categories);
    if (problem !== null) missing.push({ change, problem });
  }
  return missing;
}

/** How many shifts one category explains. */
export interface ReasonCount {
  readonly category: ReasonCategory;
  readonly count: number;
}

/** Shifts counted per reason category. */
export interface ShiftCountsByReason {
  /** Categories that explain at least one shift, in the order of the category list. */
  readonly byCategory: readonly ReasonCount[];
  /** Shifts without a reason or with a category not in the list. */
  readonly withoutReason: number;
}

/** Counts the shifts of a report per reason category ("5 Verschiebungen wegen OZG-Aufwand"). */
export function countShiftsByReason(
  diff: CatalogueDiff,
  reasons: ShiftReasons,
  categories: readonly ReasonCategory[] = DEFAULT_REASON_CATEGORIES,
): ShiftCountsByReason {
  const counts = new Map<string, number>();
  let withoutReason = 0;
  for (const change of shiftsNeedingReason(diff)) {
    const reason = reasons.get(change.key);
    const category =
      reason === undefined ? null : categoryOf(reason, categories);
    if (category === null) {
      withoutReason += 1;
    } else {
      counts.set(category.key, (counts.get(category.key) ?? 0) + 1);
    }
  }
  const seen = new Set<string>();
  const byCategory: ReasonCount[] = [];
  for (const category of categories) {
    const count = counts.get(category.key);
    if (count === undefined || seen.has(category.key)) continue;
    seen.add(category.key);
    byCategory.push({ category, count });
  }
  return { byCategory, withoutReason };
}

/**
 * Keys of reasons that no longer explain a shift of the report (the shift was undone or
 * the phase removed), sorted: what the draft may drop before publishing.
 */
export function unusedReasonKeys(
  diff: CatalogueDiff,
  reasons: ShiftReasons,
): readonly string[] {
  const shiftKeys = new Set(
    shiftsNeedingReason(diff).map((change) => change.key),
  );
  return [...reasons.keys()]
    .filter((key) => !shiftKeys.has(key))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
