/**
 * The demo: Kleve's catalogue (demo/kleve.yaml) as the draft, and two editions published
 * from it (demo/kleve-fortschreibungen.yaml): the 1. Fortschreibung reconstructed for
 * illustration from the delays and early finishes the revision slides name, and the
 * current catalogue as the 2. Fortschreibung with the slides' reasons.
 */
import { Type, type Static } from "@sinclair/typebox";
import {
  bumpDataVersion,
  findMunicipalityBySlug,
} from "../../db/municipality.repository.js";
import { listEditionSummaries } from "../../db/edition.repository.js";
import { dialectOf } from "../../db/dialect.js";
import {
  copyMunicipality,
  planMunicipalityCopy,
  type CopyPlan,
} from "../../db/municipality-copy.repository.js";
import {
  listReasonCategories,
  loadDraftForeword,
  saveDraftForeword,
} from "../../db/revision.repository.js";
import {
  type Catalogue,
  type Project,
  PROJECT_STATUSES,
} from "../../domain/catalogue/catalogue.js";
import {
  diffCatalogues,
  shiftsNeedingReason,
} from "../../domain/edition/catalogue-diff.js";
import type { ShiftReason } from "../../domain/edition/reasons.js";
import { parsePointInTime } from "../../domain/period/point-in-time.js";
import { AppError } from "../../errors.js";
import { COMMAND_LINE } from "../auth/account-audit.js";
import {
  PointInTimeSchema,
  SlugSchema,
  StringEnum,
} from "../catalogue/catalogue-document.schema.js";
import {
  demoCatalogueFile,
  importCatalogue,
  readCatalogueFile,
  type ImportSummary,
} from "../catalogue/import-catalogue.js";
import { getCatalogue } from "../catalogue/read-catalogue.js";
import { loadDemoOpenDataSettings } from "../open-data/settings.js";
import type { AppContext } from "../context.js";
import { findProjectRoot } from "../../project-root.js";
import { validate } from "../validation/validate.js";
import { parseIsoDate } from "../../domain/calendar/calendar.js";
import { IsoDateSchema } from "./edition-input.schema.js";
import { storeEdition } from "./publish-edition.js";
import { loadDemoReport } from "../reports/demo-report.js";

const PhaseOverrideSchema = Type.Object(
  {
    label: Type.String({ minLength: 1 }),
    start: Type.Optional(PointInTimeSchema),
    end: Type.Optional(PointInTimeSchema),
  },
  { additionalProperties: false },
);

const EditionHeadSchema = {
  number: Type.Integer({ minimum: 1 }),
  title: Type.String({ minLength: 1 }),
  publishedOn: IsoDateSchema,
  note: Type.Optional(Type.String()),
  foreword: Type.Optional(Type.String()),
};

/** The file demo/kleve-fortschreibungen.yaml. */
const DemoEditionsSchema = Type.Object({
  municipality: SlugSchema,
  reconstruction: Type.Object({
    ...EditionHeadSchema,
    subtitle: Type.Optional(Type.String()),
    summary: Type.Optional(Type.String()),
    priorities: Type.Optional(
      Type.Array(
        Type.Object({
          year: Type.Integer(),
          title: Type.String(),
          projects: Type.Optional(Type.Array(SlugSchema)),
        }),
      ),
    ),
    projects: Type.Record(
      Type.String(),
      Type.Object(
        {
          status: Type.Optional(StringEnum(PROJECT_STATUSES)),
          phases: Type.Optional(Type.Array(PhaseOverrideSchema)),
        },
        { additionalProperties: false },
      ),
    ),
  }),
  current: Type.Object({
    ...EditionHeadSchema,
    reasons: Type.Record(
      Type.String(),
      Type.Object({ category: Type.String(), text: Type.String() }),
    ),
  }),
});
type DemoEditions = Static<typeof DemoEditionsSchema>;

/** The file with the demo's editions. */
export function demoEditionsFile(): string {
  return `${findProjectRoot()}/demo/kleve-fortschreibungen.yaml`;
}

function invalid(message: string): AppError {
  return new AppError("ERR_IMPORT_INVALID", {
    detail: `${demoEditionsFile()}: ${message}`,
  });
}

/** The current catalogue turned back into the reconstructed edition (same ids, so the diff pairs them). */
export function reconstructEdition(
  current: Catalogue,
  reconstruction: DemoEditions["reconstruction"],
): Catalogue {
  const changeProject = (project: Project): Project => {
    const override = reconstruction.projects[project.slug];
    if (override === undefined) return project;
    const phases = project.phases.map((phase) => {
      const phaseOverride = override.phases?.find(
        (candidate) => candidate.label === phase.label,
      );
      if (phaseOverride === undefined) return phase;
      const start =
        phaseOverride.start === undefined
          ? phase.start
          : parsePointInTime(phaseOverride.start);
      const end =
        phaseOverride.end === undefined
          ? phase.end
          : parsePointInTime(phaseOverride.end);
      if (start === null || (end === null && phaseOverride.end !== undefined))
        throw invalid(`${project.slug}: ungültiger Zeitpunkt.`);
      return { ...phase, start, end };
    });
    for (const phaseOverride of override.phases ?? []) {
      if (
        !project.phases.some((phase) => phase.label === phaseOverride.label)
      ) {
        throw invalid(
          `${project.slug} hat keine Phase „${phaseOverride.label}“.`,
        );
      }
    }
    return { ...project, status: override.status ?? project.status, phases };
  };
  const slugs = new Set(
    current.impactAreas.flatMap((area) =>
      area.actionFields.flatMap((field) =>
        field.projects.map((project) => project.slug),
      ),
    ),
  );
  for (const slug of Object.keys(reconstruction.projects))
    if (!slugs.has(slug)) throw invalid(`Das Projekt „${slug}“ gibt es nicht.`);
  return {
    ...current,
    programme: {
      ...current.programme,
      subtitle: reconstruction.subtitle ?? current.programme.subtitle,
      summary: reconstruction.summary ?? current.programme.summary,
      priorities:
        reconstruction.priorities === undefined
          ? current.programme.priorities
          : reconstruction.priorities.map((priority) => ({
              year: priority.year,
              title: priority.title,
              projectSlugs: priority.projects ?? [],
            })),
    },
    impactAreas: current.impactAreas.map((area) => ({
      ...area,
      actionFields: area.actionFields.map((field) => ({
        ...field,
        projects: field.projects.map(changeProject),
      })),
    })),
  };
}

/**
 * Publishes the demo's two editions from the municipality's current catalogue, unless it
 * already has editions (they can never be replaced). Returns the numbers published.
 */
export async function createDemoEditions(
  ctx: AppContext,
  slug?: string,
): Promise<readonly number[]> {
  const file = demoEditionsFile();
  const checked = validate(DemoEditionsSchema, await readCatalogueFile(file));
  if (!checked.ok)
    throw new AppError("ERR_IMPORT_INVALID", {
      detail: `${file}:`,
      problems: checked.problems,
    });
  const data = {
    ...checked.value,
    municipality: slug ?? checked.value.municipality,
  };
  const municipality = await findMunicipalityBySlug(ctx.db, data.municipality);
  if (municipality === null)
    throw invalid(`Die Kommune „${data.municipality}“ ist nicht geladen.`);
  if ((await listEditionSummaries(ctx.db, municipality.id)).length > 0)
    return [];

  const current = await getCatalogue(ctx, data.municipality);
  const earlier = reconstructEdition(current, data.reconstruction);
  const categories = await listReasonCategories(ctx.db, municipality.id);
  const diff = diffCatalogues(earlier, current, {
    asOf: parseIsoDate(data.current.publishedOn) ?? undefined,
  });
  const reasons = new Map<string, ShiftReason>();
  for (const change of shiftsNeedingReason(diff)) {
    const reason = data.current.reasons[change.project.slug];
    if (reason === undefined)
      throw invalid(
        `Für die Verschiebung bei „${change.project.slug}“ fehlt ein Grund.`,
      );
    if (!categories.some((category) => category.key === reason.category))
      throw invalid(`Die Kategorie „${reason.category}“ gibt es nicht.`);
    reasons.set(change.key, reason);
  }

  await ctx.db.transaction().execute(async (trx) => {
    const head = (
      edition: DemoEditions["reconstruction"] | DemoEditions["current"],
    ) => ({
      municipality,
      number: edition.number,
      title: edition.title,
      publishedOn: edition.publishedOn,
      councilReference: null,
      councilUrl: null,
      foreword: edition.foreword?.trim() ?? null,
      note: edition.note?.trim() ?? null,
      categories,
    });
    const origin = { ip: null };
    await storeEdition(
      trx,
      ctx,
      COMMAND_LINE,
      {
        ...head(data.reconstruction),
        isReconstruction: true,
        catalogue: earlier,
        reasons: new Map(),
      },
      origin,
    );
    await storeEdition(
      trx,
      ctx,
      COMMAND_LINE,
      {
        ...head(data.current),
        isReconstruction: false,
        catalogue: current,
        reasons,
      },
      origin,
    );
    // The draft's foreword starts as the current edition's, ready to be revised.
    const draft = await loadDraftForeword(trx, municipality.id);
    if (draft.version === 0)
      await saveDraftForeword(
        trx,
        municipality.id,
        0,
        data.current.foreword?.trim() ?? null,
      );
    await bumpDataVersion(trx, municipality.id, ctx.clock().toISOString());
  });
  ctx.cache.clear();
  return [data.reconstruction.number, data.current.number];
}

/** What loading the demo did. */
export interface DemoSummary {
  readonly catalogue: ImportSummary;
  /** Numbers of the editions published now (none when the municipality already had editions). */
  readonly editions: readonly number[];
}

/** Loads the Kleve demo: the catalogue as the draft, then its two editions. */
export async function loadDemo(
  ctx: AppContext,
  options: { readonly replace?: boolean } = {},
): Promise<DemoSummary> {
  const file = demoCatalogueFile();
  const catalogue = await importCatalogue(ctx, await readCatalogueFile(file), {
    source: file,
    replace: options.replace ?? false,
  });
  const editions = await createDemoEditions(ctx);
  await loadDemoOpenDataSettings(ctx);
  return { catalogue, editions };
}

/**
 * Writes `count` synthetic municipalities of Kleve's size: Kleve's catalogue under another
 * name (`musterstadt-1` …), its two editions and its two status reports with key figures
 * and register. The first goes through the normal import path; on PostgreSQL the others
 * are copies of it with new ids (`copyMunicipality`), so 1,000 take minutes, not hours. For measuring many tenants (npm run bench).
 * Municipalities that exist already are left as they are; `onProgress` hears of each one.
 */
export async function loadSyntheticMunicipalities(
  ctx: AppContext,
  count: number,
  onProgress: (done: number, slug: string) => void = () => undefined,
): Promise<number> {
  const file = demoCatalogueFile();
  const document = (await readCatalogueFile(file)) as {
    municipality: Record<string, unknown>;
  };
  let created = 0;
  // On PostgreSQL the first one goes through the import, the others are copies of it
  // with new ids (one transaction each, a fraction of a second instead of seconds).
  let plan: CopyPlan | null = null;
  let template: number | null = null;
  for (let i = 1; i <= count; i += 1) {
    const slug = `musterstadt-${i}`;
    const existing = await findMunicipalityBySlug(ctx.db, slug);
    if (existing !== null) {
      template ??= existing.id;
    } else if (template !== null && dialectOf(ctx.db) === "postgres") {
      plan ??= await planMunicipalityCopy(ctx.db);
      await copyMunicipality(ctx.db, plan, template, {
        slug,
        name: `Musterstadt ${i}`,
      });
      created += 1;
    } else {
      const copy = {
        ...document,
        municipality: {
          ...document.municipality,
          slug,
          name: `Musterstadt ${i}`,
        },
      };
      await importCatalogue(ctx, copy, { source: `${file} (${slug})` });
      await createDemoEditions(ctx, slug);
      await loadDemoReport(ctx, slug);
      created += 1;
      template = (await findMunicipalityBySlug(ctx.db, slug))?.id ?? null;
    }
    onProgress(i, slug);
  }
  return created;
}
