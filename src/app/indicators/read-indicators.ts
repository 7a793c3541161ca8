/**
 * Reading key figures: the staff list (with who may record values), one figure to edit,
 * and the public views — all figures of a municipality, and those of one project. Values
 * are dated observations, public as soon as they are recorded, like the catalogue itself.
 */
import {
  listIndicators,
  type StoredIndicator,
} from "../../db/indicator.repository.js";
import type {
  Principal,
  UserPrincipal,
} from "../../domain/access/principal.js";
import {
  findProject,
  type Catalogue,
} from "../../domain/catalogue/catalogue.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import { getCatalogue } from "../catalogue/read-catalogue.js";
import { editorRightsOf, type EditorRights } from "../catalogue/read-editor.js";
import { guardedReader, UNKNOWN_ORIGIN } from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";
import {
  canManageReporting,
  canRecordObservation,
} from "../policies/report.policy.js";
import { projectScopeOf } from "../reports/report-entries.js";
import { requireReportingStaff } from "../reports/reporting-support.js";
import { requireIndicator } from "./manage-indicators.js";

/** A figure with what the reader may do with it. */
export interface IndicatorForStaff extends StoredIndicator {
  readonly mayRecord: boolean;
}

/** The staff's list of key figures. */
export interface IndicatorsForStaff {
  readonly catalogue: Catalogue;
  readonly principal: UserPrincipal;
  readonly rights: EditorRights;
  readonly mayDefine: boolean;
  readonly indicators: readonly IndicatorForStaff[];
}

function withRights(
  catalogue: Catalogue,
  principal: UserPrincipal,
  stored: StoredIndicator,
): IndicatorForStaff {
  const slug = stored.indicator.projectSlug;
  const project = slug === null ? null : findProject(catalogue, slug);
  return {
    ...stored,
    mayRecord: canRecordObservation(
      principal,
      catalogue.municipality.id,
      project === null ? null : projectScopeOf(catalogue, project),
    ),
  };
}

/** Every figure for the staff pages; ERR_FORBIDDEN (logged) for anyone but administrators and editors. */
export const getIndicatorsForStaff = guardedReader(
  requireReportingStaff,
  "indicator.read",
  async ({ ctx, municipality, user }): Promise<IndicatorsForStaff> => {
    const catalogue = await getCatalogue(ctx, municipality.slug);
    const indicators = await listIndicators(ctx.db, municipality.id);
    return {
      catalogue,
      principal: user,
      rights: editorRightsOf(user, municipality.id),
      mayDefine: canManageReporting(user, municipality.id),
      indicators: indicators.map((each) => withRights(catalogue, user, each)),
    };
  },
);

/** One figure for its staff page; ERR_INDICATOR_NOT_FOUND. */
export async function getIndicatorForStaff(
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
  key: string,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<
  Omit<IndicatorsForStaff, "indicators"> & {
    readonly indicator: IndicatorForStaff;
  }
> {
  const overview = await getIndicatorsForStaff(
    ctx,
    principal,
    municipalitySlug,
    origin,
  );
  const stored = await requireIndicator(
    ctx.db,
    overview.catalogue.municipality.id,
    key,
  );
  return {
    catalogue: overview.catalogue,
    principal: overview.principal,
    rights: overview.rights,
    mayDefine: overview.mayDefine,
    indicator: withRights(overview.catalogue, overview.principal, stored),
  };
}

/** The public figures of a municipality with their values up to `today`. */
export async function getPublicIndicators(
  ctx: AppContext,
  municipalitySlug: string,
  today: number,
): Promise<{
  readonly catalogue: Catalogue;
  readonly indicators: readonly StoredIndicator[];
}> {
  const catalogue = await getCatalogue(ctx, municipalitySlug);
  const indicators = await listIndicators(ctx.db, catalogue.municipality.id);
  return {
    catalogue,
    // Stored values are one per day and sorted, so this is observationsUpTo keeping the ids.
    indicators: indicators.map((each) => ({
      ...each,
      observations: each.observations.filter(
        (observation) => observation.day <= today,
      ),
    })),
  };
}

/** The figures of one project, for its public page. */
export async function getProjectIndicators(
  ctx: AppContext,
  municipalitySlug: string,
  projectSlug: string,
  today: number,
): Promise<readonly StoredIndicator[]> {
  const { indicators } = await getPublicIndicators(
    ctx,
    municipalitySlug,
    today,
  );
  return indicators.filter(
    (each) => each.indicator.projectSlug === projectSlug,
  );
}

export type {
  StoredIndicator,
  StoredObservation,
} from "../../db/indicator.repository.js";
