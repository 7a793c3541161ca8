/**
 * Recording that a project needs another one (e-invoicing needs the DMS). A dependency
 * that would close a cycle is refused with ERR_DEPENDENCY_CYCLE, naming the cycle by code
 * and title: "2.1 Dokumentenmanagementsystem → 2.5 E-Rechnungsworkflow → 2.1 Dokumentenmanagementsystem".
 */
import {
  insertDependency,
  listDependencyEdges,
  listProjectLabels,
} from "../../db/project.repository.js";
import type { Project } from "../../domain/catalogue/catalogue.js";
import { findCycleIfAdded } from "../../domain/dependency/dependency-graph.js";
import { AppError } from "../../errors.js";
import { AddDependencyInputSchema } from "./catalogue-edit.schema.js";
import {
  projectLabel,
  projectUseCase,
  type ChangeRecord,
} from "./edit-support.js";

type Labelled = Pick<Project, "slug" | "code" | "title">;

/** The audit record of a dependency of `project` on `prerequisite` added or removed. */
export function dependencyRecord(
  action: string,
  project: Labelled,
  prerequisite: Labelled,
  change: { readonly before: unknown; readonly after: unknown },
): ChangeRecord {
  return {
    action,
    entityType: "dependency",
    entityId: `${project.slug}>${prerequisite.slug}`,
    entityLabel: `${projectLabel(project)} → ${projectLabel(prerequisite)}`,
    ...change,
  };
}

/** Adds a dependency after the project's others. */
export const addDependency = projectUseCase(
  AddDependencyInputSchema,
  (valid) => ({
    action: "dependency.create",
    apply: async (trx, before) => {
      // Read inside the transaction, after the municipality's row is taken: a dependency
      // added concurrently on another project is already committed and part of the graph.
      const [labels, edges] = await Promise.all([
        listProjectLabels(trx, before.municipalityId),
        listDependencyEdges(trx, before.municipalityId),
      ]);
      const bySlug = new Map(labels.map((label) => [label.slug, label]));
      const prerequisite = bySlug.get(valid.data.dependsOn);
      if (prerequisite === undefined) {
        throw new AppError("ERR_VALIDATION", {
          problems: [
            {
              path: "/data/dependsOn",
              message: `Das Projekt "${valid.data.dependsOn}" gibt es nicht.`,
            },
          ],
        });
      }
      if (before.project.dependsOn.includes(prerequisite.slug)) {
        throw new AppError("ERR_VALIDATION", {
          problems: [
            {
              path: "/data/dependsOn",
              message: `${projectLabel(before.project)} hängt bereits von ${projectLabel(prerequisite)} ab.`,
            },
          ],
        });
      }
      const cycle = findCycleIfAdded(edges, {
        from: before.project.slug,
        to: prerequisite.slug,
      });
      if (cycle !== null) {
        const names = cycle.map((slug) => {
          const label = bySlug.get(slug);
          return label === undefined ? slug : projectLabel(label);
        });
        throw new AppError("ERR_DEPENDENCY_CYCLE", {
          detail: `Kreis: ${names.join(" → ")}.`,
          problems: [
            {
              path: "/data/dependsOn",
              message: `Diese Abhängigkeit würde einen Kreis bilden: ${names.join(" → ")}.`,
            },
          ],
        });
      }
      await insertDependency(trx, before.project.id, prerequisite.id);
      return {
        value: undefined,
        record: dependencyRecord(
          "dependency.create",
          before.project,
          prerequisite,
          { before: null, after: { dependsOn: prerequisite.slug } },
        ),
      };
    },
  }),
);
