/**
 * The snapshot an edition keeps: the whole catalogue in the exchange format
 * (docs/catalogue-format.md) plus the record ids, so that editions and the draft are
 * compared by stable ids (a renamed project stays the same project). Described in
 * docs/edition-snapshot.md.
 */
import type {
  Catalogue,
  Municipality,
} from "../../domain/catalogue/catalogue.js";
import {
  catalogueToDocument,
  documentToCatalogue,
} from "../catalogue/catalogue-document.js";
import type { CatalogueDocument } from "../catalogue/catalogue-document.schema.js";

/** The format name written into every snapshot. */
export const SNAPSHOT_FORMAT = "fortschritt-edition-snapshot";

/** The ids of one project and its parts, in the document's order. */
export interface SnapshotProjectIds {
  readonly id: number;
  /** The project's editing version at publishing. */
  readonly version: number;
  /** Ids of the phases, in the order of `phases` in the document. */
  readonly phases: readonly number[];
  /** Ids of the measures, in the order of `measures`. */
  readonly measures: readonly number[];
}

/** The record ids of a snapshot, by the exchange format's stable keys. */
export interface SnapshotIds {
  /** Org unit code → id. */
  readonly orgUnits: Readonly<Record<string, number>>;
  /** Impact area key → id. */
  readonly impactAreas: Readonly<Record<string, number>>;
  /** Action field key → id. */
  readonly actionFields: Readonly<Record<string, number>>;
  /** Project slug → ids. */
  readonly projects: Readonly<Record<string, SnapshotProjectIds>>;
}

/** What an edition stores: the exchange document and the ids. */
export interface EditionSnapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly version: 1;
  readonly catalogue: CatalogueDocument;
  readonly ids: SnapshotIds;
}

/** Freezes a catalogue (with its ids) into a snapshot. */
export function catalogueToSnapshot(catalogue: Catalogue): EditionSnapshot {
  const orgUnits: Record<string, number> = {};
  for (const unit of catalogue.orgUnits) orgUnits[unit.code] = unit.id;
  const impactAreas: Record<string, number> = {};
  const actionFields: Record<string, number> = {};
  const projects: Record<string, SnapshotProjectIds> = {};
  for (const area of catalogue.impactAreas) {
    impactAreas[area.key] = area.id;
    for (const field of area.actionFields) {
      actionFields[field.key] = field.id;
      for (const project of field.projects) {
        projects[project.slug] = {
          id: project.id,
          version: project.version,
          phases: project.phases.map((phase) => phase.id),
          measures: project.measures.map((measure) => measure.id),
        };
      }
    }
  }
  return {
    format: SNAPSHOT_FORMAT,
    version: 1,
    catalogue: catalogueToDocument(catalogue),
    ids: { orgUnits, impactAreas, actionFields, projects },
  };
}

/** Whether a parsed value has the shape of a snapshot (the format and both parts). */
export function isEditionSnapshot(value: unknown): value is EditionSnapshot {
  if (value === null || typeof value !== "object") return false;
  const candidate = value as Partial<EditionSnapshot>;
  return (
    candidate.format === SNAPSHOT_FORMAT &&
    candidate.version === 1 &&
    typeof candidate.catalogue === "object" &&
    typeof candidate.ids === "object"
  );
}

/**
 * Thaws a snapshot into the catalogue it froze, with its ids. The municipality comes from
 * the live record (its id and data version); everything else from the snapshot. A record
 * whose id is missing (a snapshot written by hand) gets a negative id, which matches
 * nothing and so counts as added or removed.
 */
export function snapshotToCatalogue(
  snapshot: EditionSnapshot,
  municipality: Municipality,
): Catalogue {
  const tree = documentToCatalogue(snapshot.catalogue);
  const { ids } = snapshot;
  let missing = 0;
  const idOr = (id: number | undefined): number => id ?? --missing;
  return {
    municipality,
    programme: tree.programme,
    orgUnits: tree.orgUnits.map((unit) => ({
      ...unit,
      id: idOr(ids.orgUnits[unit.code]),
    })),
    impactAreas: tree.impactAreas.map((area) => ({
      ...area,
      id: idOr(ids.impactAreas[area.key]),
      actionFields: area.actionFields.map((field) => ({
        ...field,
        id: idOr(ids.actionFields[field.key]),
        projects: field.projects.map((project) => {
          const projectIds = ids.projects[project.slug];
          return {
            ...project,
            id: idOr(projectIds?.id),
            version: projectIds?.version ?? 1,
            phases: project.phases.map((phase, index) => ({
              ...phase,
              id: idOr(projectIds?.phases[index]),
            })),
            measures: project.measures.map((measure, index) => ({
              ...measure,
              id: idOr(projectIds?.measures[index]),
            })),
          };
        }),
      })),
    })),
  };
}
