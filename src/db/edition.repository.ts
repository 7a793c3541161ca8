/**
 * Editions (Fortschreibungen): written once, read many times, never changed. There is
 * deliberately no function to update or delete an edition, and the database refuses
 * both (triggers of migration 2026-11-24-editions).
 */
import type { EditionSummary } from "../domain/edition/edition.js";
import type { Executor } from "./database.js";
import { firstOrNull } from "./query.js";

/** An edition to be written; the snapshot and reasons already as JSON-ready values. */
export interface NewEdition {
  readonly municipalityId: number;
  readonly number: number;
  readonly title: string;
  readonly publishedOn: string;
  readonly publishedAt: string;
  readonly publishedByUserId: number | null;
  readonly publishedByLabel: string;
  readonly councilReference: string | null;
  readonly councilUrl: string | null;
  readonly oparlPaperUrl?: string | null;
  readonly foreword: string | null;
  readonly note: string | null;
  readonly isReconstruction: boolean;
  readonly snapshot: unknown;
  readonly reasons: unknown;
  readonly reasonCategories: unknown;
}

/** A stored edition with its parsed JSON parts (the caller checks their shape). */
export interface StoredEdition extends EditionSummary {
  readonly id: number;
  readonly foreword: string | null;
  readonly snapshot: unknown;
  readonly reasons: unknown;
  readonly reasonCategories: unknown;
}

const SUMMARY_COLUMNS = [
  "number",
  "title",
  "published_on",
  "published_at",
  "published_by_label",
  "council_reference",
  "council_url",
  "oparl_paper_url",
  "note",
  "is_reconstruction",
] as const;

function toSummary(row: {
  number: number;
  title: string;
  published_on: string;
  published_at: Date | string;
  published_by_label: string;
  council_reference: string | null;
  council_url: string | null;
  oparl_paper_url: string | null;
  note: string | null;
  is_reconstruction: number;
}): EditionSummary {
  return {
    number: row.number,
    title: row.title,
    publishedOn: row.published_on,
    publishedAt: new Date(row.published_at).toISOString(),
    publishedByLabel: row.published_by_label,
    councilReference: row.council_reference,
    councilUrl: row.council_url,
    oparlPaperUrl: row.oparl_paper_url,
    note: row.note,
    isReconstruction: Number(row.is_reconstruction) === 1,
  };
}

/** Writes a new edition; the unique (municipality, number) constraint refuses a second one with the same number. */
export async function insertEdition(
  db: Executor,
  edition: NewEdition,
): Promise<number> {
  const row = await db
    .insertInto("edition")
    .values({
      municipality_id: edition.municipalityId,
      number: edition.number,
      title: edition.title,
      published_on: edition.publishedOn,
      published_at: edition.publishedAt,
      published_by_user_id: edition.publishedByUserId,
      published_by_label: edition.publishedByLabel,
      council_reference: edition.councilReference,
      council_url: edition.councilUrl,
      oparl_paper_url: edition.oparlPaperUrl ?? null,
      foreword: edition.foreword,
      note: edition.note,
      is_reconstruction: edition.isReconstruction ? 1 : 0,
      snapshot_json: JSON.stringify(edition.snapshot),
      reasons_json: JSON.stringify(edition.reasons),
      reason_categories_json: JSON.stringify(edition.reasonCategories),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The editions of a municipality, oldest first, without their content. */
export async function listEditionSummaries(
  db: Executor,
  municipalityId: number,
): Promise<readonly EditionSummary[]> {
  const rows = await db
    .selectFrom("edition")
    .select(SUMMARY_COLUMNS)
    .where("municipality_id", "=", municipalityId)
    .orderBy("number")
    .execute();
  return rows.map(toSummary);
}

/** The number of the newest edition, or null when the municipality has none. */
export async function findLatestEditionNumber(
  db: Executor,
  municipalityId: number,
): Promise<number | null> {
  const row = await db
    .selectFrom("edition")
    .select((eb) => eb.fn.max("number").as("latest"))
    .where("municipality_id", "=", municipalityId)
    .executeTakeFirst();
  const latest = row?.latest;
  return latest === null || latest === undefined ? null : Number(latest);
}

/** One edition with its content, or null. */
export async function findEdition(
  db: Executor,
  municipalityId: number,
  number: number,
): Promise<StoredEdition | null> {
  return firstOrNull(
    db
      .selectFrom("edition")
      .select([
        ...SUMMARY_COLUMNS,
        "id",
        "foreword",
        "snapshot_json",
        "reasons_json",
        "reason_categories_json",
      ])
      .where("municipality_id", "=", municipalityId)
      .where("number", "=", number),
    (row) => ({
      ...toSummary(row),
      id: row.id,
      foreword: row.foreword,
      snapshot: JSON.parse(row.snapshot_json) as unknown,
      reasons: JSON.parse(row.reasons_json) as unknown,
      reasonCategories: JSON.parse(row.reason_categories_json) as unknown,
    }),
  );
}
