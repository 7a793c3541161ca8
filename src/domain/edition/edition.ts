/**
 * An edition (Fortschreibung): the whole programme of a municipality frozen at publishing,
 * with the reasons for the shifts against the previous edition. Editions never change;
 * the working state between them is the draft.
 */
import type { Catalogue } from "../catalogue/catalogue.js";
import type { ReasonCategory, ShiftReason } from "./reasons.js";

/** A reason as stored with an edition: the category's label is kept as it read then. */
export interface EditionReason extends ShiftReason {
  readonly categoryLabel: string;
}

/** What lists and headers show of an edition. */
export interface EditionSummary {
  readonly number: number;
  /** "2. Fortschreibung". */
  readonly title: string;
  /** The day the edition stands for, ISO ("2022-03-15"). */
  readonly publishedOn: string;
  /** When and by whom it was written. */
  readonly publishedAt: string;
  readonly publishedByLabel: string;
  /** The council's decision, e.g. "Ratsbeschluss vom 15.03.2022, Drucksache 123/2022". */
  readonly councilReference: string | null;
  readonly councilUrl: string | null;
  /** The OParl Paper (Vorlage) of the council's decision, or null. */
  readonly oparlPaperUrl?: string | null;
  /** A note on the edition itself, e.g. that it is a reconstruction for illustration. */
  readonly note: string | null;
  readonly isReconstruction: boolean;
}

/** An edition with its content. */
export interface Edition extends EditionSummary {
  readonly foreword: string | null;
  readonly catalogue: Catalogue;
  /** Reasons for the shifts against the previous edition, by change key. */
  readonly reasons: ReadonlyMap<string, EditionReason>;
  /** The municipality's categories as they read at publishing. */
  readonly reasonCategories: readonly ReasonCategory[];
}

/** The title a new edition gets unless the administrator writes another: "3. Fortschreibung". */
export function defaultEditionTitle(number: number): string {
  return `${number}. Fortschreibung`;
}
