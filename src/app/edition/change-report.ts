/**
 * The change report between two editions (see domain/edition/change-report.ts), with the
 * reasons of every edition in between read from the database.
 */
import {
  assembleReport,
  reasonsOfSteps,
  type ChangeReport,
  type ReasonStep,
} from "../../domain/edition/change-report.js";
import { parseIsoDate } from "../../domain/calendar/calendar.js";
import { AppError } from "../../errors.js";
import type { AppContext } from "../context.js";
import { getEdition } from "./read-editions.js";

/**
 * The changes of edition `number` against edition `since` (default: the one before).
 * Throws ERR_EDITION_NOT_FOUND for an edition that does not exist, and ERR_VALIDATION
 * when `since` is not an earlier edition (the 1. Fortschreibung has none before it).
 */
export async function compareEditions(
  ctx: AppContext,
  municipalitySlug: string,
  number: number,
  since?: number,
): Promise<ChangeReport> {
  const later = await getEdition(ctx, municipalitySlug, number);
  const baseline = since ?? number - 1;
  if (!Number.isSafeInteger(baseline) || baseline < 1 || baseline >= number) {
    throw new AppError("ERR_VALIDATION", {
      problems: [
        {
          path: "/querystring/since",
          message: `Es gibt keine frühere Fortschreibung ${baseline} zum Vergleich mit der ${number}. Fortschreibung.`,
        },
      ],
    });
  }
  const earlier = await getEdition(ctx, municipalitySlug, baseline);
  // The reasons of every edition after the baseline up to this one: each explains its own step.
  const steps: ReasonStep[] = [];
  for (let step = baseline + 1; step <= number; step += 1) {
    const { edition } =
      step === number ? later : await getEdition(ctx, municipalitySlug, step);
    steps.push({
      editionNumber: step,
      reasons: edition.reasons,
      categories: edition.reasonCategories,
    });
  }
  return assembleReport({
    municipality: later.municipality,
    before: earlier.edition.catalogue,
    after: later.edition.catalogue,
    from: earlier.edition,
    to: later.edition,
    asOf: parseIsoDate(later.edition.publishedOn) ?? undefined,
    ...reasonsOfSteps(steps),
  });
}
