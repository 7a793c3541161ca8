/**
 * The overview of a change report: how many changes and shifts, per kind and per action
 * field ("Smart Working: 4 Veränderungen, davon 2 Verschiebungen").
 */

import type { Catalogue } from "../catalogue/catalogue.js";
import {
  CATALOGUE_CHANGE_KINDS,
  actionFieldRef,
  impactAreaRef,
  isProjectChange,
  isShift,
} from "./catalogue-change.js";
import type {
  ActionFieldRef,
  CatalogueChange,
  CatalogueChangeKind,
  ImpactAreaRef,
} from "./catalogue-change.js";
import { matchActionFields } from "./snapshot-matching.js";
import type { ActionFieldInContext } from "./snapshot-matching.js";

/** Counts of changes, one entry for every kind (zero included). */
export type ChangeCounts = Readonly<Record<CatalogueChangeKind, number>>;

/** The changes of one action field. */
export interface ActionFieldChangeSummary {
  readonly actionField: ActionFieldRef;
  readonly impactArea: ImpactAreaRef;
  /** The field exists only in the before-snapshot (listed for its removed projects). */
  readonly isRemoved: boolean;
  readonly changeCount: number;
  readonly shiftCount: number;
  /** Distinct projects with at least one change. */
  readonly changedProjectCount: number;
  readonly countsByKind: ChangeCounts;
}

/** Counts for the report's overview. */
export interface CatalogueDiffSummary {
  readonly changeCount: number;
  readonly shiftCount: number;
  /** Changes of the programme as a whole: horizon and priorities. */
  readonly programmeChangeCount: number;
  readonly countsByKind: ChangeCounts;
  /**
   * Every action field of the after-snapshot in catalogue order (zero counts included),
   * then fields that exist only in the before-snapshot and have changes.
   */
  readonly byActionField: readonly ActionFieldChangeSummary[];
}

function zeroCounts(): Record<CatalogueChangeKind, number> {
  const counts = {} as Record<CatalogueChangeKind, number>;
  for (const kind of CATALOGUE_CHANGE_KINDS) counts[kind] = 0;
  return counts;
}

interface FieldTally {
  readonly entry: ActionFieldInContext;
  readonly isRemoved: boolean;
  readonly counts: Record<CatalogueChangeKind, number>;
  readonly projects: Set<string>;
  changeCount: number;
  shiftCount: number;
}

/**
 * Counts the changes of a report overall, per kind and per action field: every field of
 * the after-snapshot in catalogue order, zero counts included, then fields that exist only
 * in the before-snapshot and have changes. A project change counts under the field its
 * `project` reference names: the new field for a moved project, the old field (or its
 * counterpart in the after-snapshot) for a removed one.
 */
export function summariseChanges(
  changes: readonly CatalogueChange[],
  before: Catalogue,
  after: Catalogue,
): CatalogueDiffSummary {
  const tallies = new Map<number, FieldTally>();
  const order: FieldTally[] = [];
  const addTally = (entry: ActionFieldInContext, isRemoved: boolean) => {
    const tally: FieldTally = {
      entry,
      isRemoved,
      counts: zeroCounts(),
      projects: new Set(),
      changeCount: 0,
      shiftCount: 0,
    };
    tallies.set(entry.actionField.id, tally);
    order.push(tally);
  };
  const fields = matchActionFields(before, after);
  for (const { after: entry } of fields)
    if (entry !== null) addTally(entry, false);
  for (const { before: entry, after: counterpart } of fields) {
    if (entry !== null && counterpart === null) addTally(entry, true);
  }

  const counts = zeroCounts();
  let shiftCount = 0;
  let programmeChangeCount = 0;
  for (const change of changes) {
    counts[change.kind] += 1;
    if (isShift(change)) shiftCount += 1;
    if (!isProjectChange(change)) {
      programmeChangeCount += 1;
      continue;
    }
    const tally = tallies.get(change.project.actionField.id);
    if (tally === undefined) continue;
    tally.counts[change.kind] += 1;
    tally.changeCount += 1;
    if (isShift(change)) tally.shiftCount += 1;
    tally.projects.add(change.project.key);
  }
  return {
    changeCount: changes.length,
    shiftCount,
    programmeChangeCount,
    countsByKind: counts,
    byActionField: order
      .filter((tally) => !tally.isRemoved || tally.changeCount > 0)
      .map((tally) => ({
        actionField: actionFieldRef(tally.entry.actionField),
        impactArea: impactAreaRef(tally.entry.impactArea),
        isRemoved: tally.isRemoved,
        changeCount: tally.changeCount,
        shiftCount: tally.shiftCount,
        changedProjectCount: tally.projects.size,
        countsByKind: tally.counts,
      })),
  };
}
