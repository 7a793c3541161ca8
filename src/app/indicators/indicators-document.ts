/**
 * Key figures in the catalogue exchange format (docs/catalogue-format.md). Export writes
 * every figure with its definition and all its dated values. Import never rewrites
 * history: a figure the municipality does not have yet is created with all its values; of
 * a figure it has, the definition stays as stored and only values for days without a
 * value are added. A value in the file for a day that already has a different value is
 * refused, and then nothing of the file is imported.
 */
import {
  insertIndicator,
  insertObservation,
  listIndicators,
  type StoredIndicator,
} from "../../db/indicator.repository.js";
import type { Executor } from "../../db/database.js";
import {
  formatGermanDate,
  formatIsoDate,
  parseIsoDate,
} from "../../domain/calendar/calendar.js";
import {
  formatObservationGerman,
  indicatorDescription,
  validateIndicator,
  validateObservations,
  type Indicator,
  type Observation,
} from "../../domain/indicator/indicator.js";
import { AppError, type InputProblem } from "../../errors.js";
import type { IndicatorDocument } from "./indicators-document.schema.js";

/** The municipality's key figures as the file writes them, each with all its values. */
export async function indicatorsToDocument(
  db: Executor,
  municipalityId: number,
): Promise<readonly IndicatorDocument[]> {
  const stored = await listIndicators(db, municipalityId);
  return stored.map(({ indicator, chartKind, observations }) => ({
    key: indicator.key,
    name: indicator.name,
    unit: indicator.unit,
    definition: indicator.definition,
    source: indicator.source,
    owner: indicator.owner,
    ...(indicator.projectSlug === null
      ? {}
      : { project: indicator.projectSlug }),
    kind: indicator.kind,
    ...(indicator.denominatorLabel === null
      ? {}
      : { denominatorLabel: indicator.denominatorLabel }),
    ...((indicator.decimals ?? 0) === 0
      ? {}
      : { decimals: indicator.decimals ?? 0 }),
    chart: chartKind,
    ...(indicator.target == null
      ? {}
      : {
          target: {
            value: indicator.target.value,
            day: formatIsoDate(indicator.target.day),
          },
        }),
    values: observations.map((observation) => ({
      day: formatIsoDate(observation.day),
      value: observation.value,
      ...(observation.denominator === null
        ? {}
        : { denominator: observation.denominator }),
      ...(observation.qualifier == null
        ? {}
        : { qualifier: observation.qualifier }),
      ...((observation.breakdown ?? []).length === 0
        ? {}
        : {
            breakdown: (observation.breakdown ?? []).map((part) => ({
              label: part.label,
              value: part.value,
            })),
          }),
      ...(observation.note === null ? {} : { note: observation.note }),
    })),
  }));
}

/** A figure of the file as the domain sees it; an unreadable day becomes NaN (and a problem). */
function indicatorOf(figure: IndicatorDocument): Indicator {
  return {
    key: figure.key,
    name: figure.name,
    unit: figure.unit,
    definition: figure.definition,
    source: figure.source,
    owner: figure.owner,
    projectSlug: figure.project ?? null,
    kind: figure.kind,
    denominatorLabel: figure.denominatorLabel ?? null,
    decimals: figure.decimals ?? 0,
    target:
      figure.target === undefined
        ? null
        : {
            value: figure.target.value,
            day: parseIsoDate(figure.target.day) ?? Number.NaN,
          },
  };
}

function observationsOf(figure: IndicatorDocument): Observation[] {
  return figure.values.map((value) => ({
    day: parseIsoDate(value.day) ?? Number.NaN,
    value: value.value,
    denominator: value.denominator ?? null,
    note: value.note ?? null,
    qualifier: value.qualifier ?? null,
    breakdown: value.breakdown ?? [],
  }));
}

/**
 * The file's own problems with its figures (before anything is read from the database):
 * keys twice, a definition or value that breaks a rule of key figures (a breakdown that
 * does not add up, too many decimals …), a day that does not exist, an unknown project.
 */
export function findIndicatorProblems(
  figures: readonly IndicatorDocument[],
  projectSlugs: ReadonlySet<string>,
): readonly InputProblem[] {
  const problems: InputProblem[] = [];
  const keys = new Set<string>();
  figures.forEach((figure, index) => {
    const path = `/indicators/${index}`;
    if (keys.has(figure.key))
      problems.push({
        path: `${path}/key`,
        message: `Den Schlüssel „${figure.key}“ hat schon eine andere Kennzahl in der Datei.`,
      });
    keys.add(figure.key);
    if (figure.project !== undefined && !projectSlugs.has(figure.project))
      problems.push({
        path: `${path}/project`,
        message: `Das Projekt „${figure.project}“ gibt es nicht.`,
      });
    if (figure.target !== undefined && parseIsoDate(figure.target.day) === null)
      problems.push({
        path: `${path}/target/day`,
        message: `„${figure.target.day}“ ist kein gültiges Datum.`,
      });
    const indicator = indicatorOf(figure);
    for (const problem of validateIndicator(indicator))
      problems.push({
        path: `${path}/${fieldOfIndicator(problem.field)}`,
        message: problem.message,
      });
    figure.values.forEach((value, v) => {
      if (parseIsoDate(value.day) === null)
        problems.push({
          path: `${path}/values/${v}/day`,
          message: `„${value.day}“ ist kein gültiges Datum.`,
        });
    });
    for (const problem of validateObservations(
      indicator,
      observationsOf(figure),
    )) {
      if (problem.code === "OBSERVATION_DAY_INVALID") continue;
      problems.push({
        path: `${path}/values/${problem.index}/${problem.field}`,
        message: problem.message,
      });
    }
  });
  return problems;
}

function fieldOfIndicator(field: string): string {
  return field === "projectSlug" ? "project" : field;
}

const sameValue = (a: Observation, b: Observation): boolean =>
  a.value === b.value &&
  a.denominator === b.denominator &&
  (a.qualifier ?? null) === (b.qualifier ?? null) &&
  JSON.stringify(a.breakdown ?? []) === JSON.stringify(b.breakdown ?? []);

/** What an import of figures wrote. */
export interface IndicatorImportSummary {
  readonly createdIndicators: number;
  readonly addedValues: number;
}

/**
 * Merges the file's figures into the municipality (inside the caller's transaction):
 * creates new figures with all their values, adds values for new days to figures that
 * exist, and refuses (ERR_IMPORT_INVALID, nothing written) a value that would change one
 * already recorded or does not fit the stored figure.
 */
export async function importIndicators(
  db: Executor,
  municipalityId: number,
  figures: readonly IndicatorDocument[],
  now: string,
  source: string,
): Promise<IndicatorImportSummary> {
  const stored = new Map<string, StoredIndicator>(
    (await listIndicators(db, municipalityId)).map((each) => [
      each.indicator.key,
      each,
    ]),
  );
  const problems: InputProblem[] = [];
  const plan: {
    id: number | null;
    figure: IndicatorDocument;
    add: Observation[];
  }[] = [];
  figures.forEach((figure, index) => {
    const observations = observationsOf(figure);
    const existing = stored.get(figure.key);
    if (existing === undefined) {
      plan.push({ id: null, figure, add: observations });
      return;
    }
    const byDay = new Map(
      existing.observations.map((each) => [each.day, each]),
    );
    const add: Observation[] = [];
    observations.forEach((observation, v) => {
      const path = `/indicators/${index}/values/${v}`;
      const recorded = byDay.get(observation.day);
      if (recorded === undefined) {
        add.push(observation);
        return;
      }
      if (!sameValue(recorded, observation))
        problems.push({
          path,
          message: `Für den ${formatGermanDate(observation.day)} ist bei „${existing.indicator.name}“ schon ${formatObservationGerman(recorded, existing.indicator)} erfasst, die Datei nennt ${formatObservationGerman(observation, existing.indicator)}. Ein Import ändert keine erfassten Werte; bitte in der Verwaltung korrigieren.`,
        });
    });
    // New values must fit the figure as it is stored (its kind and decimals stay).
    for (const problem of validateObservations(existing.indicator, [
      ...existing.observations,
      ...add,
    ])) {
      const offset = problem.index - existing.observations.length;
      if (offset < 0) continue;
      const v = observations.indexOf(add[offset] as Observation);
      problems.push({
        path: `/indicators/${index}/values/${v}/${problem.field}`,
        message: `${problem.message} (so wie „${existing.indicator.name}“ gespeichert ist)`,
      });
    }
    plan.push({ id: existing.id, figure, add });
  });
  if (problems.length > 0)
    throw new AppError("ERR_IMPORT_INVALID", {
      detail: `${source}:`,
      problems,
    });
  let createdIndicators = 0;
  let addedValues = 0;
  for (const { id, figure, add } of plan) {
    let indicatorId = id;
    if (indicatorId === null) {
      const indicator = indicatorOf(figure);
      indicatorId = await insertIndicator(db, municipalityId, figure.key, {
        ...indicatorDescription(indicator),
        decimals: indicator.decimals ?? 0,
        target: indicator.target ?? null,
        chartKind: figure.chart ?? "line",
      });
      createdIndicators += 1;
    } else if (add.length > 0) {
      await db
        .updateTable("indicator")
        .set((eb) => ({ version: eb("version", "+", 1) }))
        .where("id", "=", indicatorId)
        .execute();
    }
    for (const observation of add)
      await insertObservation(db, indicatorId, observation, now);
    addedValues += add.length;
  }
  return { createdIndicators, addedValues };
}
