/**
 * The draft's revision: what changed against the latest edition, the reasons given for
 * its shifts (and which are still missing), the dependency conflicts it introduces, and
 * the foreword of the next edition. Reasons and the foreword are written like every other
 * change: validate → authorise → one transaction with the municipality's row and the
 * audit event (docs/adr/0006).
 */
import type { Transaction } from "kysely";
import type { Static, TSchema } from "@sinclair/typebox";
import type { Database } from "../../db/database.js";
import {
  findLatestEditionNumber,
  listEditionSummaries,
} from "../../db/edition.repository.js";
import { bumpDataVersion } from "../../db/municipality.repository.js";
import {
  listDraftReasons,
  listReasonCategories,
  loadDraftForeword,
  saveDraftForeword,
  saveDraftReason,
  type StoredDraftReason,
  type StoredReasonCategory,
} from "../../db/revision.repository.js";
import type {
  Principal,
  UserPrincipal,
} from "../../domain/access/principal.js";
import {
  listProjects,
  type Catalogue,
  type Municipality,
} from "../../domain/catalogue/catalogue.js";
import type { ShiftChange } from "../../domain/edition/catalogue-change.js";
import { shiftsNeedingReason } from "../../domain/edition/catalogue-diff.js";
import { describeChangeGerman } from "../../i18n/change-description.js";
import {
  findDependencyConflicts,
  findIntroducedConflicts,
  type DependencyConflict,
} from "../../domain/edition/dependency-conflicts.js";
import type { EditionSummary } from "../../domain/edition/edition.js";
import {
  missingReasons,
  type MissingReason,
  type ReasonCategory,
} from "../../domain/edition/reasons.js";
import { AppError, type InputProblem } from "../../errors.js";
import {
  recordAudit,
  type AuditEntry,
  type RequestOrigin,
} from "../audit/record-audit.js";
import { getCatalogue } from "../catalogue/read-catalogue.js";
import {
  municipalityGuard,
  municipalityUseCase,
  projectLabel,
  refuse,
  rejectProblems,
  requireMunicipality,
  requireValid,
  guardedReader,
  UNKNOWN_ORIGIN,
  type CatalogueUseCase,
  type MunicipalityCall,
} from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";
import {
  canGiveReason,
  canPublishEdition,
  canReadDraft,
} from "../policies/edition.policy.js";
import {
  assembleReport,
  reasonsOfSteps,
  type ChangeReport,
  type ReasonStep,
} from "../../domain/edition/change-report.js";
import {
  DraftReasonInputSchema,
  ForewordInputSchema,
  type DraftReasonInput,
} from "./edition-input.schema.js";
import {
  germanDayOf,
  germanIsoDateOf,
} from "../../domain/calendar/calendar.js";
import { getEdition } from "./read-editions.js";

/** Everything the draft's change page shows. */
export interface DraftRevision {
  readonly municipality: Municipality;
  readonly principal: UserPrincipal;
  readonly draft: Catalogue;
  /** The latest edition, or null before the first one. */
  readonly latest: EditionSummary | null;
  /** The report against the latest edition; null before the first one. */
  readonly report: ChangeReport | null;
  readonly nextNumber: number;
  readonly categories: readonly StoredReasonCategory[];
  /** The reasons given in the draft, by change key. */
  readonly draftReasons: ReadonlyMap<string, StoredDraftReason>;
  /** Shifts that block publishing. */
  readonly missing: readonly MissingReason[];
  /** Every dependency conflict of the draft. */
  readonly conflicts: readonly DependencyConflict[];
  /** The conflicts the latest edition did not have: what publishing warns about. */
  readonly introducedConflicts: readonly DependencyConflict[];
  readonly foreword: { readonly text: string | null; readonly version: number };
  /** The data version the page shows; publishing checks that nothing changed since. */
  readonly dataVersion: number;
  /** Today in Germany, ISO. */
  readonly today: string;
  readonly canPublish: boolean;
  /** Keys of the shifts whose reason this person may give. */
  readonly reasonEditableKeys: ReadonlySet<string>;
}

/** Requires a member of the municipality (staff or committee); logs and throws otherwise. */
const requireDraftReader = municipalityGuard(canReadDraft);

/** The project's responsible units, as the policies want them. */
function scopeOfShift(draft: Catalogue, change: ShiftChange) {
  const entry = listProjects(draft).find(
    (candidate) => candidate.project.id === change.project.id,
  );
  return {
    municipalityId: draft.municipality.id,
    responsibleOrgUnitCodes:
      entry?.project.responsibilities.map(
        (responsibility) => responsibility.orgUnitCode,
      ) ?? [],
  };
}

/** The draft's change page; ERR_FORBIDDEN (logged) for anyone not of the municipality. */
export const getDraftRevision = guardedReader(
  requireDraftReader,
  "draft.read",
  async ({ ctx, municipality, user }): Promise<DraftRevision> => {
    const draft = await getCatalogue(ctx, municipality.slug);
    const [latestNumber, categories, storedReasons, foreword] =
      await Promise.all([
        findLatestEditionNumber(ctx.db, municipality.id),
        listReasonCategories(ctx.db, municipality.id),
        listDraftReasons(ctx.db, municipality.id),
        loadDraftForeword(ctx.db, municipality.id),
      ]);
    const now = ctx.clock();
    const draftReasons = new Map(
      storedReasons.map((reason) => [reason.changeKey, reason]),
    );
    const conflicts = findDependencyConflicts(draft);
    let report: ChangeReport | null = null;
    let latest: EditionSummary | null = null;
    let introducedConflicts = conflicts;
    if (latestNumber !== null) {
      const { edition } = await getEdition(
        ctx,
        municipality.slug,
        latestNumber,
      );
      latest = edition;
      report = assembleReport({
        municipality,
        before: edition.catalogue,
        after: draft,
        from: edition,
        to: null,
        asOf: germanDayOf(now),
        ...reasonsOfSteps([draftStep(categories, storedReasons)]),
      });
      introducedConflicts = findIntroducedConflicts(edition.catalogue, draft);
    }
    const shifts = report === null ? [] : shiftsNeedingReason(report.diff);
    return {
      municipality,
      principal: user,
      draft,
      latest,
      report,
      nextNumber: (latestNumber ?? 0) + 1,
      categories,
      draftReasons,
      missing:
        report === null
          ? []
          : missingReasons(report.diff, draftReasons, categories),
      conflicts,
      introducedConflicts,
      foreword: { text: foreword.foreword, version: foreword.version },
      dataVersion: draft.municipality.dataVersion,
      today: germanIsoDateOf(now),
      canPublish: canPublishEdition(user, municipality.id),
      reasonEditableKeys: new Set(
        shifts
          .filter((change) => canGiveReason(user, scopeOfShift(draft, change)))
          .map((change) => change.key),
      ),
    };
  },
);

/**
 * Saves a versioned part of the draft (a reason, the foreword) in one transaction: the
 * municipality's row first, so that its writers queue there (docs/adr/0006); `save` writes
 * unless the part is no longer at `expectedVersion` (ERR_CONFLICT with `conflict` as
 * detail, nothing written); the change is logged. Returns the part's new version.
 */
async function saveDraftPart(
  ctx: AppContext,
  principal: Principal,
  municipality: Municipality,
  origin: RequestOrigin,
  part: {
    readonly expectedVersion: number;
    readonly save: (
      trx: Transaction<Database>,
      now: string,
    ) => Promise<boolean>;
    readonly conflict: string;
    readonly audit: Omit<AuditEntry, "municipalityId" | "version">;
  },
): Promise<{ readonly version: number }> {
  const now = ctx.clock().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await bumpDataVersion(trx, municipality.id, now, "draft");
    if (!(await part.save(trx, now)))
      throw new AppError("ERR_CONFLICT", { detail: part.conflict });
    const version = part.expectedVersion + 1;
    await recordAudit(
      trx,
      ctx,
      principal,
      { municipalityId: municipality.id, ...part.audit, version },
      origin,
    );
    return { version };
  });
}

/** Gives (or changes) the reason for one shift of the draft; returns the reason's new version. */
export async function setDraftReason(
  ctx: AppContext,
  principal: Principal,
  input: DraftReasonInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ readonly version: number }> {
  const valid = requireValid(DraftReasonInputSchema, input);
  const revision = await getDraftRevision(
    ctx,
    principal,
    valid.municipality,
    origin,
  );
  const { municipality } = revision;
  const shift =
    revision.report === null
      ? undefined
      : shiftsNeedingReason(revision.report.diff).find(
          (change) => change.key === valid.changeKey,
        );
  if (shift === undefined) {
    throw new AppError("ERR_VALIDATION", {
      problems: [
        {
          path: "/changeKey",
          message:
            "Diese Verschiebung gibt es im Entwurf nicht (mehr). Bitte laden Sie die Seite neu.",
        },
      ],
    });
  }
  if (!canGiveReason(principal, scopeOfShift(revision.draft, shift))) {
    throw await refuse(
      ctx,
      principal,
      {
        municipalityId: municipality.id,
        attempted: "edition.reason",
        entityType: "project",
        entityId: shift.project.id,
        entityLabel: projectLabel(shift.project),
        projectId: shift.project.id,
      },
      origin,
    );
  }
  const text = valid.data.text.trim();
  const category = revision.categories.find(
    (candidate) => candidate.key === valid.data.category,
  );
  const problems: InputProblem[] = [];
  if (category === undefined)
    problems.push({
      path: "/data/category",
      message: "Bitte wählen Sie eine Kategorie aus der Liste.",
    });
  else if (category.requiresText && text === "")
    problems.push({
      path: "/data/text",
      message: `Bei „${category.label}“ ist eine Erläuterung nötig.`,
    });
  rejectProblems(problems);
  const before = revision.draftReasons.get(valid.changeKey) ?? null;
  return saveDraftPart(ctx, principal, municipality, origin, {
    expectedVersion: valid.expectedVersion,
    save: (trx, now) =>
      saveDraftReason(
        trx,
        municipality.id,
        valid.changeKey,
        valid.expectedVersion,
        { category: valid.data.category, text },
        now,
      ),
    conflict:
      "Jemand anderes hat den Grund für diese Verschiebung inzwischen gespeichert. Bitte laden Sie die Seite neu.",
    audit: {
      action: "edition.reason",
      entityType: "edition_reason",
      entityId: valid.changeKey,
      entityLabel: describeChangeGerman(shift, { withProject: true }),
      projectId: shift.project.id,
      before:
        before === null
          ? null
          : { category: before.category, text: before.text },
      after: { category: valid.data.category, text },
    },
  });
}

/** Requires an administrator of the municipality (publishing, foreword, categories); logs and throws otherwise. */
export const requireAdministratorOf = municipalityGuard(canPublishEdition);

/**
 * A use case that only the municipality's administrators may run (publishing, foreword,
 * categories): the input is checked, the municipality found, and a refusal logged as `action`.
 */
export function administratorUseCase<
  S extends TSchema & { static: { readonly municipality: string } },
  R,
>(
  schema: S,
  action: string,
  run: (
    call: MunicipalityCall<Static<S>> & { readonly user: UserPrincipal },
  ) => Promise<R>,
): CatalogueUseCase<Static<S>, R> {
  return municipalityUseCase(schema, async (call) => {
    const user = await requireAdministratorOf(
      call.ctx,
      call.principal,
      call.municipality,
      action,
      call.origin,
    );
    return run({ ...call, user });
  });
}

/** Writes the foreword of the next edition (administrators); returns its new version. */
export const setDraftForeword = administratorUseCase(
  ForewordInputSchema,
  "edition.foreword",
  async ({
    ctx,
    principal,
    municipality,
    valid,
    origin,
  }): Promise<{ readonly version: number }> => {
    const foreword =
      valid.data.foreword.trim() === "" ? null : valid.data.foreword.trim();
    const before = await loadDraftForeword(ctx.db, municipality.id);
    return saveDraftPart(ctx, principal, municipality, origin, {
      expectedVersion: valid.expectedVersion,
      save: (trx) =>
        saveDraftForeword(
          trx,
          municipality.id,
          valid.expectedVersion,
          foreword,
        ),
      conflict:
        "Jemand anderes hat das Vorwort inzwischen geändert. Bitte laden Sie die Seite neu.",
      audit: {
        action: "edition.foreword",
        entityType: "edition_draft",
        entityId: municipality.id,
        entityLabel: "Vorwort der nächsten Fortschreibung",
        before: { foreword: before.foreword },
        after: { foreword },
      },
    });
  },
);

/** The draft catalogue for its portal pages (staff and committee); ERR_FORBIDDEN (logged) for others. */
export async function getDraftCatalogue(
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{
  readonly catalogue: Catalogue;
  readonly editions: readonly EditionSummary[];
}> {
  const municipality = await requireMunicipality(ctx.db, municipalitySlug);
  await requireDraftReader(ctx, principal, municipality, "draft.read", origin);
  const [catalogue, editions] = await Promise.all([
    getCatalogue(ctx, municipalitySlug),
    listEditionSummaries(ctx.db, municipality.id),
  ]);
  return { catalogue, editions };
}

/** The draft's reasons as the last step of a comparison, each with its category's label. */
function draftStep(
  categories: readonly ReasonCategory[],
  reasons: Iterable<StoredDraftReason>,
): ReasonStep {
  const labels = new Map(
    categories.map((category) => [category.key, category.label]),
  );
  return {
    editionNumber: null,
    reasons: new Map(
      [...reasons].map((reason) => [
        reason.changeKey,
        {
          category: reason.category,
          categoryLabel: labels.get(reason.category) ?? reason.category,
          text: reason.text,
        },
      ]),
    ),
    categories,
  };
}

/**
 * The draft compared with edition `since` (staff and committee): the reasons of the
 * editions after it and the draft's own. Throws ERR_EDITION_NOT_FOUND for an unknown edition.
 */
export async function compareDraftWith(
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
  since: number,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ChangeReport> {
  const revision = await getDraftRevision(
    ctx,
    principal,
    municipalitySlug,
    origin,
  );
  if (
    revision.latest !== null &&
    revision.report !== null &&
    since === revision.latest.number
  )
    return revision.report;
  const { edition: baseline } = await getEdition(ctx, municipalitySlug, since);
  const steps: ReasonStep[] = [];
  const latestNumber = revision.latest?.number ?? 0;
  for (let step = since + 1; step <= latestNumber; step += 1) {
    const { edition } = await getEdition(ctx, municipalitySlug, step);
    steps.push({
      editionNumber: step,
      reasons: edition.reasons,
      categories: edition.reasonCategories,
    });
  }
  steps.push(draftStep(revision.categories, revision.draftReasons.values()));
  return assembleReport({
    municipality: revision.municipality,
    before: baseline.catalogue,
    after: revision.draft,
    from: baseline,
    to: null,
    asOf: germanDayOf(ctx.clock()),
    ...reasonsOfSteps(steps),
  });
}
