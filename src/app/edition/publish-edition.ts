/**
 * "Fortschreibung veröffentlichen": freezes the draft as the next edition. Publishing is
 * refused while a shift has no reason (ERR_EDITION_REASONS_MISSING, naming each), asks
 * for a confirmation when the draft makes a project start before a project it needs is
 * ready (ERR_EDITION_NEEDS_CONFIRMATION), and checks that the draft is still exactly the
 * state the administrator reviewed (the municipality's data version, ERR_CONFLICT).
 * Everything happens in one transaction: edition, the draft's reasons cleared, audit event.
 */
import type { Transaction } from "kysely";
import { loadCatalogue } from "../../db/catalogue.repository.js";
import type { Database } from "../../db/database.js";
import {
  findLatestEditionNumber,
  insertEdition,
  type NewEdition,
} from "../../db/edition.repository.js";
import { findMunicipalityBySlug } from "../../db/municipality.repository.js";
import {
  claimDataVersion,
  clearDraftReasons,
  listDraftReasons,
  listReasonCategories,
  loadDraftForeword,
} from "../../db/revision.repository.js";
import { actorLabel } from "../../domain/access/principal.js";
import type {
  Catalogue,
  Municipality,
} from "../../domain/catalogue/catalogue.js";
import {
  diffCatalogues,
  shiftsNeedingReason,
} from "../../domain/edition/catalogue-diff.js";
import {
  describeChangeGerman,
  describeConflictGerman,
} from "../../i18n/change-description.js";
import {
  findDependencyConflicts,
  findIntroducedConflicts,
} from "../../domain/edition/dependency-conflicts.js";
import {
  defaultEditionTitle,
  type EditionReason,
} from "../../domain/edition/edition.js";
import {
  formatIsoDateGerman,
  germanDayOf,
  germanIsoDateOf,
  parseIsoDate,
} from "../../domain/calendar/calendar.js";
import {
  missingReasons,
  type ReasonCategory,
  type ShiftReason,
} from "../../domain/edition/reasons.js";
import { AppError, type InputProblem } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import {
  recordAccountAudit,
  type AccountActor,
  COMMAND_LINE_LABEL,
} from "../auth/account-audit.js";
import { rejectProblems } from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";
import { catalogueToSnapshot } from "./edition-snapshot.js";
import { PublishEditionInputSchema } from "./edition-input.schema.js";
import { getEdition } from "./read-editions.js";
import { administratorUseCase } from "./revise-draft.js";

/** What an edition is made of, checked: the stored edition's own fields, and what its snapshot is taken from. */
export interface EditionContent extends Pick<
  NewEdition,
  | "number"
  | "title"
  | "publishedOn"
  | "councilReference"
  | "councilUrl"
  | "oparlPaperUrl"
  | "foreword"
  | "note"
  | "isReconstruction"
> {
  readonly municipality: Municipality;
  readonly catalogue: Catalogue;
  /** Reasons for the shifts against the previous edition, by change key. */
  readonly reasons: ReadonlyMap<string, ShiftReason>;
  readonly categories: readonly ReasonCategory[];
}

/** Writes an edition and its audit event inside the caller's transaction. */
export async function storeEdition(
  trx: Transaction<Database>,
  ctx: AppContext,
  actor: AccountActor,
  content: EditionContent,
  origin: RequestOrigin,
): Promise<void> {
  const labels = new Map(
    content.categories.map((category) => [category.key, category.label]),
  );
  const reasons: ({ readonly key: string } & EditionReason)[] = [
    ...content.reasons,
  ].map(([key, reason]) => ({
    key,
    category: reason.category,
    categoryLabel: labels.get(reason.category) ?? reason.category,
    text: reason.text,
  }));
  await insertEdition(trx, {
    municipalityId: content.municipality.id,
    number: content.number,
    title: content.title,
    publishedOn: content.publishedOn,
    publishedAt: ctx.clock().toISOString(),
    publishedByUserId: actor.kind === "user" ? actor.userId : null,
    publishedByLabel:
      actor.kind === "command-line" ? COMMAND_LINE_LABEL : actorLabel(actor),
    councilReference: content.councilReference,
    councilUrl: content.councilUrl,
    oparlPaperUrl: content.oparlPaperUrl ?? null,
    foreword: content.foreword,
    note: content.note,
    isReconstruction: content.isReconstruction,
    snapshot: catalogueToSnapshot(content.catalogue),
    reasons,
    reasonCategories: content.categories.map(
      ({ key, label, requiresText }) => ({ key, label, requiresText }),
    ),
  });
  await recordAccountAudit(
    trx,
    ctx,
    actor,
    {
      municipalityId: content.municipality.id,
      action: "edition.publish",
      entityType: "edition",
      entityId: content.number,
      entityLabel: content.title,
      after: {
        number: content.number,
        title: content.title,
        publishedOn: content.publishedOn,
        councilReference: content.councilReference,
        councilUrl: content.councilUrl,
        oparlPaperUrl: content.oparlPaperUrl ?? null,
        reasons: reasons.length,
      },
      version: content.number,
    },
    origin,
  );
}

function optional(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

/** Publishes the draft as the next edition (administrators); returns its number. */
export const publishEdition = administratorUseCase(
  PublishEditionInputSchema,
  "edition.publish",
  async ({
    ctx,
    municipality,
    valid,
    origin,
    user,
  }): Promise<{ readonly number: number }> => {
    const latestNumber = await findLatestEditionNumber(ctx.db, municipality.id);
    const previous =
      latestNumber === null
        ? null
        : (await getEdition(ctx, valid.municipality, latestNumber)).edition;
    const number = (latestNumber ?? 0) + 1;
    const now = ctx.clock();
    const publishedOn = valid.data.publishedOn ?? germanIsoDateOf(now);
    const councilUrl = optional(valid.data.councilUrl);
    const oparlPaperUrl = optional(valid.data.oparlPaperUrl);
    const problems: InputProblem[] = [];
    if (parseIsoDate(publishedOn) === null) {
      problems.push({
        path: "/data/publishedOn",
        message: "ist kein gültiges Datum.",
      });
    } else if (previous !== null && publishedOn < previous.publishedOn) {
      problems.push({
        path: "/data/publishedOn",
        message: `liegt vor der ${previous.title} (${formatIsoDateGerman(previous.publishedOn)}).`,
      });
    }
    if (councilUrl !== null && !/^https?:\/\/[^\s]+$/.test(councilUrl)) {
      problems.push({
        path: "/data/councilUrl",
        message: "muss eine Adresse sein, die mit https:// beginnt.",
      });
    }
    if (oparlPaperUrl !== null && !/^https?:\/\/[^\s]+$/.test(oparlPaperUrl)) {
      problems.push({
        path: "/data/oparlPaperUrl",
        message: "muss eine Adresse sein, die mit https:// beginnt.",
      });
    }
    rejectProblems(problems);

    const nowIso = now.toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      // Exactly the state reviewed: the claim fails if anyone changed anything since.
      if (
        !(await claimDataVersion(
          trx,
          municipality.id,
          valid.expectedDataVersion,
          nowIso,
        ))
      ) {
        throw new AppError("ERR_CONFLICT", {
          detail:
            "Der Entwurf wurde geändert, seit Sie die Seite geöffnet haben. Bitte prüfen Sie die Veränderungen und veröffentlichen Sie dann erneut.",
        });
      }
      const current = await findMunicipalityBySlug(trx, valid.municipality);
      const draft = current === null ? null : await loadCatalogue(trx, current);
      if (draft === null)
        throw new AppError("ERR_NOT_FOUND", {
          detail: "Diese Kommune hat noch keinen Maßnahmenkatalog.",
        });
      const [categories, storedReasons, foreword] = await Promise.all([
        listReasonCategories(trx, municipality.id),
        listDraftReasons(trx, municipality.id),
        loadDraftForeword(trx, municipality.id),
      ]);
      const given = new Map(
        storedReasons.map((reason) => [
          reason.changeKey,
          { category: reason.category, text: reason.text },
        ]),
      );
      const reasons = new Map<string, ShiftReason>();
      if (previous !== null) {
        const diff = diffCatalogues(previous.catalogue, draft, {
          asOf: germanDayOf(now),
        });
        const missing = missingReasons(diff, given, categories);
        if (missing.length > 0) {
          throw new AppError("ERR_EDITION_REASONS_MISSING", {
            detail: `Es fehlen ${missing.length} Gründe.`,
            problems: missing.map(({ change }) => ({
              path: `/reasons/${change.key}`,
              message: describeChangeGerman(change, { withProject: true }),
            })),
          });
        }
        // Only the reasons of this revision's shifts go into the edition; stale ones are dropped.
        for (const change of shiftsNeedingReason(diff)) {
          const reason = given.get(change.key);
          if (reason !== undefined) reasons.set(change.key, reason);
        }
      }
      const conflicts =
        previous === null
          ? findDependencyConflicts(draft)
          : findIntroducedConflicts(previous.catalogue, draft);
      if (conflicts.length > 0 && !valid.confirmConflicts) {
        throw new AppError("ERR_EDITION_NEEDS_CONFIRMATION", {
          detail: conflicts.map(describeConflictGerman).join(" · "),
          problems: conflicts.map((conflict) => ({
            path: `/conflicts/${conflict.key}`,
            message: describeConflictGerman(conflict),
          })),
        });
      }
      await storeEdition(
        trx,
        ctx,
        user,
        {
          municipality,
          number,
          title: optional(valid.data.title) ?? defaultEditionTitle(number),
          publishedOn,
          councilReference: optional(valid.data.councilReference),
          councilUrl,
          oparlPaperUrl,
          foreword: foreword.foreword,
          note: null,
          isReconstruction: false,
          catalogue: draft,
          reasons,
          categories,
        },
        origin,
      );
      await clearDraftReasons(trx, municipality.id);
    });
    return { number };
  },
);
