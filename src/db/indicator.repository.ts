/** Key figures (Kennzahlen): their definitions and dated observations. */
import { groupBy } from "../domain/collections.js";
import type { ChartKind } from "../domain/indicator/indicator-chart.js";
import type {
  BreakdownPart,
  Indicator,
  IndicatorKind,
  Observation,
  Qualifier,
} from "../domain/indicator/indicator.js";
import type { Executor } from "./database.js";
import { changesOneRow, positionAfterLast } from "./query.js";

/** An observation as stored, with its id (for removing a wrong value). */
export interface StoredObservation extends Observation {
  readonly id: number;
}

/** A key figure as stored, with all its observations (oldest first). */
export interface StoredIndicator {
  readonly id: number;
  readonly indicator: Indicator;
  readonly chartKind: ChartKind;
  readonly observations: readonly StoredObservation[];
  readonly version: number;
}

/** The fields of a key figure's definition. */
export type IndicatorFields = Omit<Indicator, "key"> & {
  readonly chartKind: ChartKind;
};

/** All key figures of a municipality in their order, each with its observations. */
export async function listIndicators(
  db: Executor,
  municipalityId: number,
): Promise<readonly StoredIndicator[]> {
  const rows = await db
    .selectFrom("indicator")
    .selectAll()
    .where("municipality_id", "=", municipalityId)
    .orderBy("position")
    .orderBy("id")
    .execute();
  if (rows.length === 0) return [];
  const observations = await db
    .selectFrom("indicator_observation")
    .selectAll()
    .where(
      "indicator_id",
      "in",
      rows.map((row) => row.id),
    )
    .orderBy("observed_day")
    .execute();
  const byIndicator = groupBy(
    observations,
    (row) => row.indicator_id,
    (row): StoredObservation => ({
      id: row.id,
      day: row.observed_day,
      value: Number(row.value),
      denominator: row.denominator,
      note: row.note,
      qualifier: row.qualifier as Qualifier | null,
      breakdown: breakdownOf(row.breakdown),
    }),
  );
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    chartKind: row.chart_kind === "bar" ? "bar" : "line",
    indicator: {
      key: row.key,
      name: row.name,
      unit: row.unit,
      definition: row.definition,
      source: row.source,
      owner: row.owner,
      projectSlug: row.project_slug,
      kind: row.kind as IndicatorKind,
      denominatorLabel: row.denominator_label,
      decimals: row.decimals,
      target:
        row.target_value === null || row.target_day === null
          ? null
          : { value: Number(row.target_value), day: row.target_day },
    },
    observations: byIndicator.get(row.id) ?? [],
  }));
}

function breakdownOf(text: string | null): readonly BreakdownPart[] {
  if (text === null) return [];
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? (parsed as BreakdownPart[]) : [];
}

function indicatorValues(fields: IndicatorFields) {
  return {
    name: fields.name,
    unit: fields.unit,
    definition: fields.definition,
    source: fields.source,
    owner: fields.owner,
    project_slug: fields.projectSlug,
    kind: fields.kind,
    denominator_label: fields.denominatorLabel,
    chart_kind: fields.chartKind,
    decimals: fields.decimals ?? 0,
    target_value: fields.target?.value ?? null,
    target_day: fields.target?.day ?? null,
  };
}

/** Creates a key figure at the end of the list; returns its id. */
export async function insertIndicator(
  db: Executor,
  municipalityId: number,
  key: string,
  fields: IndicatorFields,
): Promise<number> {
  const position =
    (await positionAfterLast(
      db.selectFrom("indicator").where("municipality_id", "=", municipalityId),
    )) ?? 1;
  const row = await db
    .insertInto("indicator")
    .values({
      municipality_id: municipalityId,
      key,
      position,
      ...indicatorValues(fields),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a key figure's definition. */
export async function updateIndicatorRow(
  db: Executor,
  id: number,
  fields: IndicatorFields,
): Promise<void> {
  await db
    .updateTable("indicator")
    .set(indicatorValues(fields))
    .where("id", "=", id)
    .execute();
}

/** Adds an observation; a second value for the same day is a unique violation. */
export async function insertObservation(
  db: Executor,
  indicatorId: number,
  observation: Observation,
  now: string,
): Promise<number> {
  const row = await db
    .insertInto("indicator_observation")
    .values({
      indicator_id: indicatorId,
      observed_day: observation.day,
      value: observation.value,
      denominator: observation.denominator,
      note: observation.note,
      qualifier: observation.qualifier ?? null,
      breakdown:
        (observation.breakdown ?? []).length === 0
          ? null
          : JSON.stringify(
              (observation.breakdown ?? []).map((part) => ({
                label: part.label,
                value: part.value,
              })),
            ),
      created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Removes an observation of the indicator; false when there is none with that id. */
export async function deleteObservation(
  db: Executor,
  indicatorId: number,
  id: number,
): Promise<boolean> {
  return changesOneRow(
    db
      .deleteFrom("indicator_observation")
      .where("indicator_id", "=", indicatorId)
      .where("id", "=", id),
  );
}
