/**
 * The categories of reasons a municipality offers for shifts (OZG-Aufwand, Personal …):
 * administrators keep the list. Editions keep the labels as they read at publishing, so
 * renaming or removing a category never changes a published edition; a draft reason with
 * a removed category blocks publishing until it is given again.
 */
import type { Transaction } from "kysely";
import type { Database } from "../../db/database.js";
import { bumpDataVersion } from "../../db/municipality.repository.js";
import {
  deleteReasonCategory,
  insertReasonCategories,
  listReasonCategories,
  updateReasonCategory,
  type StoredReasonCategory,
} from "../../db/revision.repository.js";
import type { Municipality } from "../../domain/catalogue/catalogue.js";
import { AppError, type InputProblem } from "../../errors.js";
import { recordAudit, type AuditEntry } from "../audit/record-audit.js";
import {
  rejectProblems,
  guardedReader,
  type MunicipalityCall,
} from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";
import {
  NewReasonCategoryInputSchema,
  ReasonCategoryInputSchema,
  RemoveReasonCategoryInputSchema,
} from "./edition-input.schema.js";
import {
  administratorUseCase,
  requireAdministratorOf,
} from "./revise-draft.js";

/** The list for its editing page (administrators); ERR_FORBIDDEN (logged) for others. */
export const getReasonCategoriesForEditing = guardedReader(
  requireAdministratorOf,
  "reason_category.read",
  async ({
    ctx,
    municipality,
  }): Promise<{
    readonly municipality: Municipality;
    readonly categories: readonly StoredReasonCategory[];
  }> => {
    return {
      municipality,
      categories: await listReasonCategories(ctx.db, municipality.id),
    };
  },
);

/** A category the input names; ERR_NOT_FOUND when the municipality has none by that key. */
async function requireCategory(
  ctx: AppContext,
  municipality: Municipality,
  key: string,
): Promise<StoredReasonCategory> {
  const category = (await listReasonCategories(ctx.db, municipality.id)).find(
    (each) => each.key === key,
  );
  if (category === undefined) throw new AppError("ERR_NOT_FOUND");
  return category;
}

/**
 * Writes a change of the list in one transaction: the municipality's data version moves
 * on, `write` changes the rows (false when a category is no longer at the version the
 * form was opened on: ERR_CONFLICT, and nothing is written) and the change is logged.
 */
async function changeCategories(
  { ctx, principal, municipality, origin }: MunicipalityCall<unknown>,
  write: (trx: Transaction<Database>) => Promise<boolean>,
  entry: Omit<AuditEntry, "municipalityId" | "entityType">,
): Promise<void> {
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await bumpDataVersion(trx, municipality.id, now);
    if (!(await write(trx))) {
      throw new AppError("ERR_CONFLICT", {
        detail:
          "Jemand anderes hat diese Kategorie inzwischen geändert. Bitte laden Sie die Seite neu.",
      });
    }
    await recordAudit(
      trx,
      ctx,
      principal,
      {
        municipalityId: municipality.id,
        entityType: "reason_category",
        ...entry,
      },
      origin,
    );
  });
}

function checkLabel(label: string, problems: InputProblem[]): string {
  const trimmed = label.trim();
  if (trimmed === "")
    problems.push({ path: "/data/label", message: "darf nicht leer sein" });
  return trimmed;
}

/** Adds a category at the end of the list. */
export const createReasonCategory = administratorUseCase(
  NewReasonCategoryInputSchema,
  "reason_category.create",
  async (call): Promise<void> => {
    const { ctx, municipality, valid } = call;
    const problems: InputProblem[] = [];
    const label = checkLabel(valid.data.label, problems);
    const existing = await listReasonCategories(ctx.db, municipality.id);
    if (existing.some((category) => category.key === valid.data.key)) {
      problems.push({
        path: "/data/key",
        message: `Den Schlüssel „${valid.data.key}“ gibt es schon.`,
      });
    }
    rejectProblems(problems);
    const category = {
      key: valid.data.key,
      label,
      requiresText: valid.data.requiresText,
    };
    await changeCategories(
      call,
      async (trx) => {
        await insertReasonCategories(trx, municipality.id, [category]);
        return true;
      },
      {
        action: "reason_category.create",
        entityId: category.key,
        entityLabel: label,
        after: category,
        version: 1,
      },
    );
  },
);

/** Renames a category or changes whether it needs a text. */
export const updateReasonCategoryOf = administratorUseCase(
  ReasonCategoryInputSchema,
  "reason_category.update",
  async (call): Promise<{ readonly version: number }> => {
    const { ctx, municipality, valid } = call;
    const problems: InputProblem[] = [];
    const label = checkLabel(valid.data.label, problems);
    const before = await requireCategory(ctx, municipality, valid.key);
    rejectProblems(problems);
    const version = valid.expectedVersion + 1;
    await changeCategories(
      call,
      (trx) =>
        updateReasonCategory(
          trx,
          municipality.id,
          valid.key,
          valid.expectedVersion,
          { label, requiresText: valid.data.requiresText },
        ),
      {
        action: "reason_category.update",
        entityId: valid.key,
        entityLabel: label,
        before: { label: before.label, requiresText: before.requiresText },
        after: { label, requiresText: valid.data.requiresText },
        version,
      },
    );
    return { version };
  },
);

/** Removes a category from the list (published editions keep their labels). */
export const removeReasonCategory = administratorUseCase(
  RemoveReasonCategoryInputSchema,
  "reason_category.delete",
  async (call): Promise<void> => {
    const { ctx, municipality, valid } = call;
    const before = await requireCategory(ctx, municipality, valid.key);
    await changeCategories(
      call,
      (trx) =>
        deleteReasonCategory(
          trx,
          municipality.id,
          valid.key,
          valid.expectedVersion,
        ),
      {
        action: "reason_category.delete",
        entityId: valid.key,
        entityLabel: before.label,
        before: { label: before.label, requiresText: before.requiresText },
      },
    );
  },
);
