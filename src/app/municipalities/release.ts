/**
 * What the public sees of a new municipality before its first edition (ADR 0026): only
 * the state an administrator released, with the banner "Arbeitsstand – noch nicht
 * beschlossen". Releasing freezes the current working state as an edition snapshot; what
 * editors type afterwards stays internal until the next release or the first edition.
 * Municipalities that existed before this rule keep showing their current state.
 */
import {
  DEFAULT_LEVELS,
  DEFAULT_ORG_UNIT_KINDS,
} from "../../domain/catalogue/levels.js";
import { bumpDataVersion } from "../../db/municipality.repository.js";
import {
  findPublicRelease,
  savePublicRelease,
} from "../../db/municipality-lifecycle.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type {
  Catalogue,
  Municipality,
} from "../../domain/catalogue/catalogue.js";
import { actorLabel } from "../../domain/access/principal.js";
import { recordAudit, type RequestOrigin } from "../audit/record-audit.js";
import {
  municipalityGuard,
  UNKNOWN_ORIGIN,
} from "../catalogue/edit-support.js";
import { getCatalogue } from "../catalogue/read-catalogue.js";
import type { AppContext } from "../context.js";
import {
  catalogueToSnapshot,
  isEditionSnapshot,
  snapshotToCatalogue,
} from "../edition/edition-snapshot.js";
import { canPublishEdition } from "../policies/edition.policy.js";

/** Releasing is for who may publish editions: the municipality's administrators. */
const requireAdministratorOf = municipalityGuard(canPublishEdition);

/** The state of a municipality's public release. */
export interface ReleaseState {
  /** Whether the portal shows only released states before the first edition. */
  readonly requiresRelease: boolean;
  /** When the shown state was released, and by whom; null before the first release. */
  readonly releasedAt: string | null;
  readonly releasedByLabel: string | null;
}

/** The release state of a municipality (any reader; it is what the public sees). */
export async function getReleaseState(
  ctx: AppContext,
  municipality: Municipality,
): Promise<ReleaseState> {
  const found = await findPublicRelease(ctx.db, municipality.id);
  return {
    requiresRelease: found.requiresRelease,
    releasedAt: found.release?.releasedAt ?? null,
    releasedByLabel: found.release?.releasedByLabel ?? null,
  };
}

/** A catalogue with the programme's frame only: what the public sees before anything is released. */
function nothingReleased(
  municipality: Municipality,
  draft: Catalogue | null,
): Catalogue {
  const year = new Date().getUTCFullYear();
  return {
    municipality,
    programme: {
      title: `Digitalisierungsprogramm ${municipality.name}`,
      subtitle: null,
      horizonStart: draft?.programme.horizonStart ?? year,
      horizonEnd: draft?.programme.horizonEnd ?? year + 5,
      summary: null,
      goals: [],
      priorities: [],
      levels: draft?.programme.levels ?? DEFAULT_LEVELS,
      orgUnitKinds: draft?.programme.orgUnitKinds ?? DEFAULT_ORG_UNIT_KINDS,
    },
    orgUnits: [],
    impactAreas: [],
  };
}

/**
 * The catalogue the public sees of a municipality without an edition: the released state
 * (an empty frame before the first release), or undefined when the municipality shows its
 * current state (it existed before releases were required).
 */
export async function releasedCatalogue(
  ctx: AppContext,
  municipality: Municipality,
): Promise<Catalogue | undefined> {
  const found = await findPublicRelease(ctx.db, municipality.id);
  if (!found.requiresRelease) return undefined;
  const snapshot = found.release?.snapshot;
  if (snapshot === undefined || !isEditionSnapshot(snapshot))
    return nothingReleased(municipality, null);
  return snapshotToCatalogue(snapshot, municipality);
}

/**
 * Releases the current working state to the public (administrators of the municipality):
 * it replaces the state released before. It matters only before the first edition —
 * afterwards the public sees editions, which are published with the council's decision.
 */
export async function releaseWorkingState(
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ReleaseState> {
  const { municipality } = await requireAdministratorOf.bySlug(
    ctx,
    principal,
    municipalitySlug,
    "programme.release",
    origin,
  );
  const catalogue = await getCatalogue(ctx, municipalitySlug);
  const snapshot = catalogueToSnapshot(catalogue);
  const now = ctx.clock().toISOString();
  const projects = catalogue.impactAreas.reduce(
    (sum, area) =>
      sum +
      area.actionFields.reduce(
        (inner, field) => inner + field.projects.length,
        0,
      ),
    0,
  );
  await ctx.db.transaction().execute(async (trx) => {
    await savePublicRelease(trx, municipality.id, {
      snapshot,
      now,
      label: actorLabel(principal),
    });
    await bumpDataVersion(trx, municipality.id, now, "public");
    await recordAudit(
      trx,
      ctx,
      principal,
      {
        municipalityId: municipality.id,
        action: "programme.release",
        entityType: "municipality",
        entityId: municipality.id,
        entityLabel: municipality.name,
        after: { projects },
      },
      origin,
    );
  });
  return getReleaseState(ctx, municipality);
}
