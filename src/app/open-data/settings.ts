/**
 * The open data settings of a municipality (administrators): the licence of its open data,
 * its amtlicher Regionalschlüssel for DCAT-AP.de, and the origins that may embed its pages.
 * Everyone may read the licence and the key (they are published with the data).
 */
import {
  findOpenDataSettings,
  updateOpenDataSettings,
} from "../../db/open-data.repository.js";
import { findOparlEndpoint } from "../../db/oparl.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { Municipality } from "../../domain/catalogue/catalogue.js";
import {
  isEmbedOrigin,
  isLicenceKey,
  isRegionalKey,
  licenceOf,
  type Licence,
} from "../../domain/open-data/licences.js";
import type { InputProblem } from "../../errors.js";
import { recordAudit, type RequestOrigin } from "../audit/record-audit.js";
import {
  rejectProblems,
  requireMunicipality,
  UNKNOWN_ORIGIN,
} from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";
import { requireAdministratorOf } from "../edition/revise-draft.js";
import { requireReportingStaff } from "../reports/reporting-support.js";
import { editorRightsOf } from "../catalogue/read-editor.js";

/** The settings with the licence resolved. */
export interface OpenDataSettings {
  readonly municipality: Municipality;
  readonly licence: Licence;
  readonly regionalKey: string | null;
  readonly embedOrigins: readonly string[];
  /** The OParl endpoint of the last successful sync, or null. */
  readonly oparlEndpoint: string | null;
}

/** The settings of a municipality; throws ERR_MUNICIPALITY_NOT_FOUND. */
export async function getOpenDataSettings(
  ctx: AppContext,
  municipalitySlug: string,
): Promise<OpenDataSettings> {
  const municipality = await requireMunicipality(ctx.db, municipalitySlug);
  const stored = await findOpenDataSettings(ctx.db, municipality.id);
  return {
    municipality,
    licence: licenceOf(stored.licence),
    regionalKey: stored.regionalKey,
    embedOrigins: stored.embedOrigins,
    oparlEndpoint: await findOparlEndpoint(ctx.db, municipality.id),
  };
}

/** The settings for their form (administrators); ERR_FORBIDDEN (logged) for others. */
export async function getOpenDataSettingsForEditing(
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<OpenDataSettings> {
  const settings = await getOpenDataSettings(ctx, municipalitySlug);
  await requireAdministratorOf(
    ctx,
    principal,
    settings.municipality,
    "open_data.read",
    origin,
  );
  return settings;
}

/** The form's input: the licence key, the key (empty: none), origins one per line. */
export interface OpenDataSettingsInput {
  readonly municipality: string;
  readonly data: {
    readonly licence: string;
    readonly regionalKey: string;
    readonly embedOrigins: string;
  };
}

/** Changes the settings; ERR_VALIDATION names each bad value and nothing is stored. */
export async function changeOpenDataSettings(
  ctx: AppContext,
  principal: Principal,
  input: OpenDataSettingsInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<void> {
  const before = await getOpenDataSettings(ctx, input.municipality);
  const { municipality } = before;
  await requireAdministratorOf(
    ctx,
    principal,
    municipality,
    "open_data.update",
    origin,
  );
  const problems: InputProblem[] = [];
  const licence = input.data.licence.trim();
  if (!isLicenceKey(licence))
    problems.push({
      path: "/data/licence",
      message: "Bitte eine der angebotenen Lizenzen wählen.",
    });
  const regionalKey = input.data.regionalKey.replace(/\s+/g, "");
  if (regionalKey !== "" && !isRegionalKey(regionalKey)) {
    problems.push({
      path: "/data/regionalKey",
      message:
        "Der Regionalschlüssel hat 12 Ziffern und beginnt mit dem Land (01 bis 16), z. B. 051540036036.",
    });
  }
  const origins = [
    ...new Set(
      input.data.embedOrigins
        .split(/[\s,]+/)
        .map((each) => each.trim().replace(/\/$/, "").toLowerCase())
        .filter((each) => each !== ""),
    ),
  ];
  const badOrigins = origins.filter((each) => !isEmbedOrigin(each));
  if (badOrigins.length > 0) {
    problems.push({
      path: "/data/embedOrigins",
      message: `Keine gültige Herkunft (https://host[:port]): ${badOrigins.slice(0, 3).join(", ")}`,
    });
  }
  if (origins.length > 20)
    problems.push({
      path: "/data/embedOrigins",
      message: "Höchstens 20 Herkünfte.",
    });
  rejectProblems(problems);
  const after = {
    licence,
    regionalKey: regionalKey === "" ? null : regionalKey,
    embedOrigins: origins,
  };
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateOpenDataSettings(trx, municipality.id, after, now);
    await recordAudit(
      trx,
      ctx,
      principal,
      {
        municipalityId: municipality.id,
        action: "open_data.update",
        entityType: "municipality",
        entityId: municipality.id,
        entityLabel: municipality.name,
        before: {
          licence: before.licence.key,
          regionalKey: before.regionalKey,
          embedOrigins: before.embedOrigins,
        },
        after,
        version: null,
      },
      origin,
    );
  });
}

/**
 * The demo's settings: Kleve's amtlicher Regionalschlüssel 051540036036 (Gemeindeschlüssel
 * 05154036, Stadt Kleve, Kreis Kleve, NRW; as a municipality of its own its Gemeindeverband
 * part repeats the municipality's number). Only set while none is stored.
 */
export async function loadDemoOpenDataSettings(ctx: AppContext): Promise<void> {
  const settings = await getOpenDataSettings(ctx, "kleve");
  if (settings.regionalKey !== null) return;
  await updateOpenDataSettings(
    ctx.db,
    settings.municipality.id,
    {
      licence: settings.licence.key,
      regionalKey: "051540036036",
      embedOrigins: settings.embedOrigins,
    },
    ctx.clock().toISOString(),
  );
}

/**
 * The settings for the staff's embedding page (administrators and editors of the
 * municipality), with their rights for the navigation; ERR_FORBIDDEN (logged) for others.
 */
export async function getEmbedSettingsForStaff(
  ctx: AppContext,
  principal: Principal,
  municipalitySlug: string,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<
  OpenDataSettings & {
    readonly rights: {
      readonly isAdministrator: boolean;
      readonly canReadAudit: boolean;
    };
  }
> {
  const settings = await getOpenDataSettings(ctx, municipalitySlug);
  const user = await requireReportingStaff(
    ctx,
    principal,
    settings.municipality,
    "embed.read",
    origin,
  );
  return {
    ...settings,
    rights: editorRightsOf(user, settings.municipality.id),
  };
}
