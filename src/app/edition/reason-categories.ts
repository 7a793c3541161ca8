/**
 * The categories of reasons a municipality offers for shifts (OZG-Aufwand, Personal …):
 * administrators keep the list. Editions keep the labels as they read at publishing, so
 * renaming or removing a category never changes a published edition; a draft reason with
 * a removed category blocks publishing until it is given again.
 */
import { bumpDataVersion } from "../../db/municipality.repository.js";
import {
  deleteReasonCategory,
  insertReasonCategories,
  listReasonCategories,
  updateReasonCategory,
  type StoredReasonCategory,
} from "../../db/revision.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { Municipality } from "../../domain/catalogue/catalogue.js";
import { AppError, type InputProblem } from "../../errors.js";
import { recordAudit, type RequestOrigin } from "../audit/record-audit.js";
import {
  rejectProblems,
  requireMunicipality,
  requireValid,
  UNKNOWN_ORIGIN,
} from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";
import {
  NewReasonCategoryInputSchema,
  ReasonCategoryInputSchema,
  RemoveReasonCategoryInputSchema,
  type NewReasonCategoryInput,
  type ReasonCategoryInput,
  type RemoveReasonCategoryInput,
} from "./edition-input.schema.js";
import { requireAdministratorOf } from "./revise-draft.js";

/** The list for its editing page (administrators); ERR_FORBIDDEN (logged) for others. */
export async function getReasonCategoriesForEditing(
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{
  readonly municipality: Municipality;
  readonly categories: readonly StoredReasonCategory[];
}> {
  const municipality = await requireMunicipality(ctx.db, municipalitySlug);
  await requireAdministratorOf(
    ctx,
    principal,
    municipality,
    "reason_category.read",
    origin,
  );
  return {
    municipality,
    categories: await listReasonCategories(ctx.db, municipality.id),
  };
}

function checkLabel(label: string, problems: InputProblem[]): string {
  const trimmed = label.trim();
  if (trimmed === "")
    problems.push({ path: "/data/label", message: "darf nicht leer sein" });
  return trimmed;
}

/** Adds a category at the end of the list. */
export async function createReasonCategory(
  ctx: AppContext,
  principal: Principal,
  input: NewReasonCategoryInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<void> {
  const valid = requireValid(NewReasonCategoryInputSchema, input);
  const municipality = await requireMunicipality(ctx.db, valid.municipality);
  const problems: InputProblem[] = [];
  const label = checkLabel(valid.data.label, problems);
  await requireAdministratorOf(
    ctx,
    principal,
    municipality,
    "reason_category.create",
    origin,
  );
  const existing = await listReasonCategories(ctx.db, municipality.id);
  if (existing.some((category) => category.key === valid.data.key)) {
    problems.push({
      path: "/data/key",
      message: `Den Schlüssel „${valid.data.key}“ gibt es schon.`,
    });
  }
  rejectProblems(problems);
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await bumpDataVersion(trx, municipality.id, now);
    const category = {
      key: valid.data.key,
      label,
      requiresText: valid.data.requiresText,
    };
    await insertReasonCategories(trx, municipality.id, [category]);
    await recordAudit(
      trx,
      ctx,
      principal,
      {
        municipalityId: municipality.id,
        action: "reason_category.create",
        entityType: "reason_category",
        entityId: category.key,
        entityLabel: label,
        after: category,
        version: 1,
      },
      origin,
    );
  });
}

/** Renames a category or changes whether it needs a text. */
export async function updateReasonCategoryOf(
  ctx: AppContext,
  principal: Principal,
  input: ReasonCategoryInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ readonly version: number }> {
  const valid = requireValid(ReasonCategoryInputSchema, input);
  const municipality = await requireMunicipality(ctx.db, valid.municipality);
  const problems: InputProblem[] = [];
  const label = checkLabel(valid.data.label, problems);
  await requireAdministratorOf(
    ctx,
    principal,
    municipality,
    "reason_category.update",
    origin,
  );
  const before = (await listReasonCategories(ctx.db, municipality.id)).find(
    (category) => category.key === valid.key,
  );
  if (before === undefined) throw new AppError("ERR_NOT_FOUND");
  rejectProblems(problems);
  const now = ctx.clock().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    if (
      !(await updateReasonCategory(
        trx,
        municipality.id,
        valid.key,
        valid.expectedVersion,
        { label, requiresText: valid.data.requiresText },
      ))
    ) {
      throw new AppError("ERR_CONFLICT", {
        detail:
          "Jemand anderes hat diese Kategorie inzwischen geändert. Bitte laden Sie die Seite neu.",
      });
    }
    await bumpDataVersion(trx, municipality.id, now);
    const version = valid.expectedVersion + 1;
    await recordAudit(
      trx,
      ctx,
      principal,
      {
        municipalityId: municipality.id,
        action: "reason_category.update",
        entityType: "reason_category",
        entityId: valid.key,
        entityLabel: label,
        before: { label: before.label, requiresText: before.requiresText },
        after: { label, requiresText: valid.data.requiresText },
        version,
      },
      origin,
    );
    return { version };
  });
}

/** Removes a category from the list (published editions keep their labels). */
export async function removeReasonCategory(
  ctx: AppContext,
  principal: Principal,
  input: RemoveReasonCategoryInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<void> {
  const valid = requireValid(RemoveReasonCategoryInputSchema, input);
  const municipality = await requireMunicipality(ctx.db, valid.municipality);
  await requireAdministratorOf(
    ctx,
    principal,
    municipality,
    "reason_category.delete",
    origin,
  );
  const before = (await listReasonCategories(ctx.db, municipality.id)).find(
    (category) => category.key === valid.key,
  );
  if (before === undefined) throw new AppError("ERR_NOT_FOUND");
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await deleteReasonCategory(
        trx,
        municipality.id,
        valid.key,
        valid.expectedVersion,
      ))
    ) {
      throw new AppError("ERR_CONFLICT", {
        detail:
          "Jemand anderes hat diese Kategorie inzwischen geändert. Bitte laden Sie die Seite neu.",
      });
    }
    await bumpDataVersion(trx, municipality.id, now);
    await recordAudit(
      trx,
      ctx,
      principal,
      {
        municipalityId: municipality.id,
        action: "reason_category.delete",
        entityType: "reason_category",
        entityId: valid.key,
        entityLabel: before.label,
        before: { label: before.label, requiresText: before.requiresText },
      },
      origin,
    );
  });
}
