/**
 * Key figures (Kennzahlen): the team defines them (name, unit, what is counted, source,
 * owner, linked project); values are recorded with their date by the team and by the
 * owners of the linked project. Every change claims the figure's version and is audited.
 */
import type { Static, TSchema } from "@sinclair/typebox";
import type { Transaction } from "kysely";
import type { Database, Executor } from "../../db/database.js";
import {
  deleteObservation,
  insertIndicator,
  insertObservation,
  listIndicators,
  updateIndicatorRow,
  type IndicatorFields,
  type StoredIndicator,
} from "../../db/indicator.repository.js";
import { isUniqueViolation } from "../../db/project.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import {
  findProject,
  type Catalogue,
  type Municipality,
} from "../../domain/catalogue/catalogue.js";
import {
  formatGermanDate,
  parseIsoDate,
} from "../../domain/calendar/calendar.js";
import {
  formatObservationGerman,
  indicatorDescription,
  validateIndicator,
  validateObservation,
  validateObservations,
  type BreakdownPart,
  type Indicator,
  type Observation,
} from "../../domain/indicator/indicator.js";
import {
  figureTextMismatch,
  isFigureTextProblem,
  parseBreakdownText,
  parseFigureText,
} from "../../domain/indicator/figure-text.js";
import { AppError, type InputProblem } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import { getCatalogue } from "../catalogue/read-catalogue.js";
import {
  municipalityUseCase,
  refuse,
  type CatalogueUseCase,
  optionalText,
} from "../catalogue/edit-support.js";
import type { AppContext } from "../context.js";
import { canRecordObservation } from "../policies/report.policy.js";
import { projectScopeOf } from "../reports/report-entries.js";
import {
  AddObservationInputSchema,
  CreateIndicatorInputSchema,
  RemoveObservationInputSchema,
  UpdateIndicatorInputSchema,
  type AddObservationInput,
  type IndicatorData,
} from "../reports/reporting.schema.js";
import {
  reportingUseCase,
  invalid,
  runReportingChange,
  advanceVersion,
  requireVersion,
} from "../reports/reporting-support.js";

/** A figure of the municipality by key; ERR_INDICATOR_NOT_FOUND otherwise. */
export async function requireIndicator(
  db: Executor,
  municipalityId: number,
  key: string,
): Promise<StoredIndicator> {
  const found = (await listIndicators(db, municipalityId)).find(
    (each) => each.indicator.key === key,
  );
  if (found === undefined) throw new AppError("ERR_INDICATOR_NOT_FOUND");
  return found;
}

function fieldsOf(data: IndicatorData): IndicatorFields {
  const targetDay = data.target == null ? null : parseIsoDate(data.target.day);
  return {
    name: data.name.trim(),
    unit: data.unit.trim(),
    definition: data.definition.trim(),
    source: data.source.trim(),
    owner: data.owner.trim(),
    projectSlug: data.projectSlug,
    kind: data.kind,
    denominatorLabel: optionalText(data.denominatorLabel),
    chartKind: data.chartKind,
    decimals:
      data.kind === "decimal" || data.kind === "percent"
        ? (data.decimals ?? 0)
        : 0,
    target:
      data.target == null
        ? null
        : { value: data.target.value, day: targetDay ?? Number.NaN },
  };
}

/** The definition's problems (domain rules and a project that must exist), as input problems. */
function definitionProblems(
  catalogue: Catalogue,
  key: string,
  fields: IndicatorFields,
): InputProblem[] {
  const problems: InputProblem[] = validateIndicator({ key, ...fields }).map(
    (problem) => ({
      path: `/data/${problem.field}`,
      message: problem.message,
    }),
  );
  if (
    fields.projectSlug !== null &&
    findProject(catalogue, fields.projectSlug) === null
  ) {
    problems.push({
      path: "/data/projectSlug",
      message: `Das Projekt „${fields.projectSlug}“ gibt es nicht.`,
    });
  }
  return problems;
}

function definitionSnapshot(indicator: Indicator, chartKind: string) {
  return {
    ...indicatorDescription(indicator),
    chartKind,
    decimals: indicator.decimals ?? 0,
    target:
      indicator.target == null
        ? null
        : {
            value: indicator.target.value,
            day: formatGermanDate(indicator.target.day),
          },
  };
}

/** Creates a key figure (administrators); returns its key. */
export const createIndicator = reportingUseCase(
  CreateIndicatorInputSchema,
  "indicator.create",
  (valid) => ({ entityType: "indicator", entityLabel: valid.data.name }),
  async ({ ctx, valid, change }): Promise<{ readonly key: string }> => {
    const catalogue = await getCatalogue(ctx, change.municipality.slug);
    const fields = fieldsOf(valid.data);
    const problems = definitionProblems(catalogue, valid.key, fields);
    if (problems.length > 0) throw new AppError("ERR_VALIDATION", { problems });
    try {
      return await change.run(async (trx) => {
        const id = await insertIndicator(
          trx,
          change.municipality.id,
          valid.key,
          fields,
        );
        return {
          value: { key: valid.key },
          record: {
            entityId: id,
            entityLabel: fields.name,
            before: null,
            after: {
              key: valid.key,
              ...definitionSnapshot(
                { key: valid.key, ...fields },
                fields.chartKind,
              ),
            },
            version: 1,
          },
        };
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw invalid(
          "/key",
          `Den Schlüssel „${valid.key}“ hat schon eine andere Kennzahl.`,
        );
      throw error;
    }
  },
);

/** Claims the figure's version inside a change, or throws the stale-version error. */
async function claimIndicator(
  trx: Transaction<Database>,
  municipalityId: number,
  key: string,
  expectedVersion: number,
): Promise<StoredIndicator> {
  const stored = await requireIndicator(trx, municipalityId, key);
  requireVersion("indicator", stored, expectedVersion);
  await advanceVersion(trx, "indicator", stored);
  return stored;
}

/** Changes a key figure's definition (administrators); the key stays. Values must still fit. */
export const updateIndicator = reportingUseCase(
  UpdateIndicatorInputSchema,
  "indicator.update",
  (valid) => ({ entityType: "indicator", entityLabel: valid.indicator }),
  async ({ ctx, valid, change }): Promise<{ readonly version: number }> => {
    const catalogue = await getCatalogue(ctx, change.municipality.slug);
    const fields = fieldsOf(valid.data);
    const problems = definitionProblems(catalogue, valid.indicator, fields);
    if (problems.length > 0) throw new AppError("ERR_VALIDATION", { problems });
    return change.run(async (trx) => {
      const stored = await claimIndicator(
        trx,
        change.municipality.id,
        valid.indicator,
        valid.expectedVersion,
      );
      const next: Indicator = { key: valid.indicator, ...fields };
      const clashes = validateObservations(next, stored.observations);
      if (clashes.length > 0) {
        throw invalid(
          "/data/kind",
          `Die erfassten Werte passen nicht zur geänderten Kennzahl: ${clashes[0]?.message ?? ""}`,
        );
      }
      await updateIndicatorRow(trx, stored.id, fields);
      return {
        value: { version: stored.version + 1 },
        record: {
          entityId: stored.id,
          entityLabel: fields.name,
          before: definitionSnapshot(stored.indicator, stored.chartKind),
          after: definitionSnapshot(next, fields.chartKind),
          version: stored.version + 1,
        },
      };
    });
  },
);

/** Requires the right to record values of the figure; logs and throws otherwise. */
async function requireRecorder(
  ctx: AppContext,
  principal: Principal,
  municipality: Municipality,
  key: string,
  attempted: string,
  origin: RequestOrigin,
): Promise<StoredIndicator> {
  if (principal.kind === "anonymous") throw new AppError("ERR_UNAUTHENTICATED");
  const catalogue = await getCatalogue(ctx, municipality.slug);
  const stored =
    principal.municipalityId === municipality.id
      ? await requireIndicator(ctx.db, municipality.id, key)
      : null;
  const project =
    stored?.indicator.projectSlug == null
      ? null
      : findProject(catalogue, stored.indicator.projectSlug);
  if (
    stored === null ||
    !canRecordObservation(
      principal,
      municipality.id,
      project === null ? null : projectScopeOf(catalogue, project),
    )
  ) {
    throw await refuse(
      ctx,
      principal,
      {
        municipalityId: municipality.id,
        attempted,
        entityType: "indicator",
        entityId: stored?.id ?? null,
        entityLabel: stored?.indicator.name ?? key,
      },
      origin,
    );
  }
  return stored;
}

/** An observation for the audit log. */
function observationSnapshot(observation: Observation) {
  return {
    day: formatGermanDate(observation.day),
    value: observation.value,
    denominator: observation.denominator,
    qualifier: observation.qualifier ?? null,
    breakdown: observation.breakdown ?? [],
    note: observation.note,
  };
}

/**
 * The observation an input describes. A value text ("2 von 3", "66,7 %", "mehr als 60")
 * is read here, so that every client gets the same German reading and message; a value
 * given as a number takes its whole and qualifier from the other fields.
 */
function observationOf(
  indicator: Indicator,
  day: number,
  data: AddObservationInput["data"],
): Observation {
  let value: number;
  let denominator = data.denominator ?? null;
  let qualifier = data.qualifier ?? null;
  if (typeof data.value === "string") {
    const figure = parseFigureText(data.value);
    if (isFigureTextProblem(figure))
      throw invalid("/data/value", figure.message);
    const mismatch = figureTextMismatch(indicator, figure);
    if (mismatch !== null) throw invalid("/data/value", mismatch);
    value = figure.value;
    if (figure.denominator !== null) {
      if (denominator !== null && denominator !== figure.denominator)
        throw invalid(
          "/data/denominator",
          `Die Gesamtzahl steht schon im Wert („${data.value.trim()}“) und weicht hiervon ab.`,
        );
      denominator = figure.denominator;
    }
    if (figure.qualifier !== null) qualifier = figure.qualifier;
  } else {
    value = data.value;
  }
  let breakdown: readonly BreakdownPart[] = [];
  if (typeof data.breakdown === "string") {
    const parts = parseBreakdownText(data.breakdown);
    if ("message" in parts) throw invalid("/data/breakdown", parts.message);
    breakdown = parts;
  } else if (data.breakdown !== undefined) {
    breakdown = data.breakdown;
  }
  return {
    day,
    value,
    denominator,
    note: optionalText(data.note),
    qualifier,
    breakdown,
  };
}

/** The input of every change to a value: the figure, the version its form showed, why. */
interface ObservationTarget {
  readonly municipality: string;
  readonly indicator: string;
  readonly expectedVersion: number;
  readonly reason?: string | null;
}

/** What a change to a value wrote: the value, whether it was removed, and what to return. */
interface ObservationWrite<T> {
  readonly observation: Observation;
  readonly removed: boolean;
  readonly value: T;
}

/** Writes a change to a value inside the transaction, with the figure claimed at its version. */
type ObservationWriter<T> = (
  trx: Transaction<Database>,
  claimed: StoredIndicator,
  now: string,
) => Promise<ObservationWrite<T>>;

/**
 * A change to one value of a key figure: requires a recorder of the figure, lets `prepare`
 * check the input against the figure (before anything is written), then claims the
 * figure's version and writes in one reporting change, logged with the value.
 */
function observationUseCase<
  S extends TSchema & { static: ObservationTarget },
  T,
>(
  schema: S,
  action: string,
  prepare: (valid: Static<S>, indicator: Indicator) => ObservationWriter<T>,
): CatalogueUseCase<Static<S>, { readonly version: number } & T> {
  return municipalityUseCase(schema, async (call) => {
    const { ctx, principal, municipality, valid, origin } = call;
    const stored = await requireRecorder(
      ctx,
      principal,
      municipality,
      valid.indicator,
      action,
      origin,
    );
    const write = prepare(valid, stored.indicator);
    return runReportingChange(
      ctx,
      principal,
      municipality,
      origin,
      valid.reason,
      async (trx, now) => {
        const claimed = await claimIndicator(
          trx,
          municipality.id,
          valid.indicator,
          valid.expectedVersion,
        );
        const { observation, removed, value } = await write(trx, claimed, now);
        const version = claimed.version + 1;
        const snapshot = observationSnapshot(observation);
        return {
          value: { version, ...value },
          record: {
            action,
            entityType: "indicator",
            entityId: claimed.id,
            entityLabel: `${claimed.indicator.name}: ${formatObservationGerman(observation, claimed.indicator)} am ${formatGermanDate(observation.day)}`,
            before: removed ? snapshot : null,
            after: removed ? null : snapshot,
            version,
          },
        };
      },
    );
  });
}

/** Records a dated value of a key figure. */
export const addObservation = observationUseCase(
  AddObservationInputSchema,
  "observation.create",
  (valid, indicator) => {
    const day = parseIsoDate(valid.data.day);
    if (day === null) throw invalid("/data/day", "ist kein Datum");
    const observation = observationOf(indicator, day, valid.data);
    const problems = validateObservation(indicator, observation).map(
      (problem) => ({
        path: `/data/${problem.field}`,
        message: problem.message,
      }),
    );
    if (problems.length > 0) throw new AppError("ERR_VALIDATION", { problems });
    return async (trx, claimed, now) => {
      try {
        const observationId = await insertObservation(
          trx,
          claimed.id,
          observation,
          now,
        );
        return { observation, removed: false, value: { observationId } };
      } catch (error) {
        if (isUniqueViolation(error))
          throw invalid(
            "/data/day",
            `Für den ${formatGermanDate(day)} gibt es schon einen Wert.`,
          );
        throw error;
      }
    };
  },
);

/** Removes a wrong value (published reports keep what they showed). */
export const removeObservation = observationUseCase(
  RemoveObservationInputSchema,
  "observation.delete",
  (valid) => async (trx, claimed) => {
    const observation = claimed.observations.find(
      (each) => each.id === valid.observationId,
    );
    if (
      observation === undefined ||
      !(await deleteObservation(trx, claimed.id, valid.observationId))
    ) {
      throw new AppError("ERR_NOT_FOUND", {
        detail: "Diesen Wert gibt es nicht (mehr).",
      });
    }
    return { observation, removed: true, value: {} };
  },
);
