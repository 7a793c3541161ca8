/**
 * Pairing the records of two snapshots of one municipality's catalogue.
 *
 * Matching rule. Records are paired by their stable numeric ids: projects by `project.id`,
 * phases by `phase.id` and measures by `measure.id` within a paired project, action fields
 * and impact areas by their ids. Snapshots of one municipality keep ids, so this is exact
 * and survives renaming. Only where ids differ (a catalogue imported afresh) projects left
 * over after id matching are paired by equal `slug` (action fields and impact areas by
 * `key`); phases and measures have no such fallback, so under a slug-matched project whose
 * phases got new ids they show as removed and added.
 */

import { listProjects } from "../catalogue/catalogue.js";
import type {
  ActionField,
  Catalogue,
  ImpactArea,
  ProjectInContext,
} from "../catalogue/catalogue.js";

/** A pair of records, one of which may be missing. */
export interface Pair<T> {
  readonly before: T | null;
  readonly after: T | null;
  readonly matchedBy: "id" | "fallback" | null;
}

/**
 * Pairs records by id, then leftovers by a fallback key (when given). Order: the after
 * records in their order, then unpaired before records in theirs. First occurrence wins.
 */
export function pairRecords<T>(
  before: readonly T[],
  after: readonly T[],
  idOf: (record: T) => number,
  fallbackOf?: (record: T) => string,
): readonly Pair<T>[] {
  const beforeById = new Map<number, T>();
  for (const record of before) {
    if (!beforeById.has(idOf(record))) beforeById.set(idOf(record), record);
  }
  const used = new Set<T>();
  const pairs: {
    before: T | null;
    after: T;
    matchedBy: "id" | "fallback" | null;
  }[] = [];
  for (const record of after) {
    const partner = beforeById.get(idOf(record));
    if (partner !== undefined && !used.has(partner)) {
      used.add(partner);
      pairs.push({ before: partner, after: record, matchedBy: "id" });
    } else {
      pairs.push({ before: null, after: record, matchedBy: null });
    }
  }
  if (fallbackOf !== undefined) {
    const leftoverByKey = new Map<string, T>();
    for (const record of before) {
      if (!used.has(record) && !leftoverByKey.has(fallbackOf(record))) {
        leftoverByKey.set(fallbackOf(record), record);
      }
    }
    for (const pair of pairs) {
      if (pair.before !== null) continue;
      const partner = leftoverByKey.get(fallbackOf(pair.after));
      if (partner !== undefined && !used.has(partner)) {
        used.add(partner);
        pair.before = partner;
        pair.matchedBy = "fallback";
      }
    }
  }
  const removed = before
    .filter((record) => !used.has(record))
    .map((record) => ({ before: record, after: null, matchedBy: null }));
  return [...pairs, ...removed];
}

/** A project of the before-snapshot paired with its counterpart in the after-snapshot. */
export interface ProjectMatch {
  /** Identity across both snapshots: "project-{id}", the after id when there is one. */
  readonly key: string;
  readonly before: ProjectInContext | null;
  readonly after: ProjectInContext | null;
  /** How the pair was found; null for added and removed projects. */
  readonly matchedBy: "id" | "slug" | null;
}

/**
 * Pairs the projects of two snapshots (matching rule in this module's comment): the after
 * snapshot's projects in catalogue order, then removed projects in the before's order.
 */
export function matchProjects(
  before: Catalogue,
  after: Catalogue,
): readonly ProjectMatch[] {
  return pairRecords(
    listProjects(before),
    listProjects(after),
    (entry) => entry.project.id,
    (entry) => entry.project.slug,
  ).map((pair) => {
    const id = pair.after?.project.id ?? pair.before?.project.id ?? 0;
    const matchedBy = pair.matchedBy === "fallback" ? "slug" : pair.matchedBy;
    return {
      key: projectKeyOf(id),
      before: pair.before,
      after: pair.after,
      matchedBy,
    };
  });
}

function projectKeyOf(id: number): string {
  return `project-${id}`;
}

/** An action field together with its impact area. */
export interface ActionFieldInContext {
  readonly actionField: ActionField;
  readonly impactArea: ImpactArea;
}

/** Every action field of a catalogue with its impact area, in catalogue order. */
export function listActionFields(
  catalogue: Catalogue,
): readonly ActionFieldInContext[] {
  return catalogue.impactAreas.flatMap((impactArea) =>
    impactArea.actionFields.map((actionField) => ({ actionField, impactArea })),
  );
}

/** An action field of the before-snapshot paired with its counterpart in the after-snapshot. */
export interface ActionFieldMatch {
  readonly before: ActionFieldInContext | null;
  readonly after: ActionFieldInContext | null;
}

/**
 * Pairs the action fields of two snapshots by id, then leftovers by key: the after
 * snapshot's fields in catalogue order, then fields that exist only before, in its order.
 */
export function matchActionFields(
  before: Catalogue,
  after: Catalogue,
): readonly ActionFieldMatch[] {
  return pairRecords(
    listActionFields(before),
    listActionFields(after),
    (entry) => entry.actionField.id,
    (entry) => entry.actionField.key,
  ).map(({ before: old, after: now }) => ({ before: old, after: now }));
}
