/**
 * A new municipality can start from the shape of an existing one: the parts below, each
 * copied by one function. Never data: no projects, goals, org units, values, reports or
 * people. A new part is one more entry in TEMPLATE_PARTS (and its key in the schema).
 */
import type { Executor } from "../../db/database.js";
import {
  copyIndicatorDefinitions,
  copyProgrammeSkeleton,
  copyReasonCategories,
  copyReportingShape,
} from "../../db/municipality-lifecycle.repository.js";
import {
  TEMPLATE_PART_KEYS,
  type TemplatePartKey,
} from "./municipality.schema.js";

/** One part of a municipality's shape. */
export interface TemplatePart {
  readonly key: TemplatePartKey;
  /** How the part is named in German (command line, forms, audit log). */
  readonly label: string;
  /** Copies the part from one municipality to another; returns how many records it wrote. */
  readonly copy: (
    db: Executor,
    fromId: number,
    toId: number,
  ) => Promise<number>;
}

/** Every part a template can give, in the order they are copied. */
export const TEMPLATE_PARTS: readonly TemplatePart[] = [
  {
    key: "programme-skeleton",
    label:
      "Gerüst des Programms (Zeithorizont, Wirkungsbereiche, Aktionsfelder)",
    copy: copyProgrammeSkeleton,
  },
  {
    key: "reason-categories",
    label: "Kategorien der Gründe für Verschiebungen",
    copy: copyReasonCategories,
  },
  {
    key: "key-figures",
    label: "Kennzahlen (Definitionen, ohne Werte)",
    copy: copyIndicatorDefinitions,
  },
  {
    key: "reporting",
    label: "Berichtswesen (Ausschüsse, Erinnerungsregeln)",
    copy: copyReportingShape,
  },
];

/** What was copied, part by part. */
export interface CopiedPart {
  readonly key: TemplatePartKey;
  readonly label: string;
  readonly count: number;
}

/** Copies the chosen parts (all when none are named) inside the caller's transaction. */
export async function copyShape(
  db: Executor,
  fromId: number,
  toId: number,
  parts: readonly TemplatePartKey[] = TEMPLATE_PART_KEYS,
): Promise<readonly CopiedPart[]> {
  const copied: CopiedPart[] = [];
  for (const part of TEMPLATE_PARTS) {
    if (!parts.includes(part.key)) continue;
    copied.push({
      key: part.key,
      label: part.label,
      count: await part.copy(db, fromId, toId),
    });
  }
  return copied;
}
