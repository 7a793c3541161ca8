/**
 * The change report (Veränderungen gegenüber der letzten Fortschreibung) between two
 * editions, and between the latest edition and the draft: the domain's diff with the
 * reasons given for each shift and the counts per reason.
 */
import { dayNumberOf } from "../../domain/period/point-in-time.js";
import type { Catalogue, Municipality } from "../../domain/catalogue/catalogue.js";
import { diffCatalogues, type CatalogueDiff } from "../../domain/edition/catalogue-diff.js";
import type { EditionReason, EditionSummary } from "../../domain/edition/edition.js";
import { countShiftsByReason, type ReasonCategory, type ShiftCountsByReason, type ShiftReason } from "../../domain/edition/reasons.js";
import { AppError } from "../../errors.js";
import type { AppContext } from "../context.js";
import { getEdition } from "./read-editions.js";

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

/** The day number of an ISO date ("2022-03-15"); the diff's `asOf`. */
export function dayNumberOfIsoDate(isoDate: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) return undefined;
  return dayNumberOf(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Categories of several lists, the later list's label winning for the same key. */
export function mergeCategories(lists: readonly (readonly ReasonCategory[])[]): readonly ReasonCategory[] {
  const byKey = new Map<string, ReasonCategory>();
  for (const list of lists) for (const category of list) byKey.set(category.key, category);
  return [...byKey.values()];
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
  const diff = diffCatalogues(input.before, input.after, input.asOf === undefined ? {} : { asOf: input.asOf });
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

/**
 * The changes of edition `number` against edition `since` (default: the one before).
 * Throws ERR_EDITION_NOT_FOUND for an edition that does not exist, and ERR_VALIDATION
 * when `since` is not an earlier edition (the 1. Fortschreibung has none before it).
 */
export async function compareEditions(ctx: AppContext, municipalitySlug: string, number: number, since?: number): Promise<ChangeReport> {
  const later = await getEdition(ctx, municipalitySlug, number);
  const baseline = since ?? number - 1;
  if (!Number.isSafeInteger(baseline) || baseline < 1 || baseline >= number) {
    throw new AppError("ERR_VALIDATION", {
      problems: [{ path: "/querystring/since", message: `Es gibt keine frühere Fortschreibung ${baseline} zum Vergleich mit der ${number}. Fortschreibung.` }],
    });
  }
  const earlier = await getEdition(ctx, municipalitySlug, baseline);
  // The reasons of every edition after the baseline up to this one: each explains its own step.
  const reasons = new Map<string, ReportReason[]>();
  const categoryLists: (readonly ReasonCategory[])[] = [];
  for (let step = baseline + 1; step <= number; step += 1) {
    const { edition } = step === number ? later : await getEdition(ctx, municipalitySlug, step);
    categoryLists.push(edition.reasonCategories);
    for (const [key, reason] of edition.reasons) {
      const list = reasons.get(key) ?? [];
      list.push({ ...reason, editionNumber: step });
      reasons.set(key, list);
    }
  }
  return assembleReport({
    municipality: later.municipality,
    before: earlier.edition.catalogue,
    after: later.edition.catalogue,
    from: earlier.edition,
    to: later.edition,
    asOf: dayNumberOfIsoDate(later.edition.publishedOn),
    reasons,
    categories: mergeCategories(categoryLists),
  });
}
