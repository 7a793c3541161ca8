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
import type { Principal } from "../../domain/access/principal.js";
import { findCycleIfAdded } from "../../domain/dependency/dependency-graph.js";
import { AppError } from "../../errors.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  AddDependencyInputSchema,
  type AddDependencyInput,
} from "./catalogue-edit.schema.js";
import {
  changeProject,
  projectLabel,
  requireValid,
  UNKNOWN_ORIGIN,
  type ProjectChangeResult,
} from "./edit-support.js";

/** Adds a dependency after the project's others. */
export async function addDependency(
  ctx: AppContext,
  principal: Principal,
  input: AddDependencyInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ProjectChangeResult> {
  const valid = requireValid(AddDependencyInputSchema, input);
  return changeProject(
    ctx,
    principal,
    valid,
    "dependency.create",
    origin,
    async (trx, before) => {
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
        record: {
          action: "dependency.create",
          entityType: "dependency",
          entityId: `${before.project.slug}>${prerequisite.slug}`,
          entityLabel: `${projectLabel(before.project)} → ${projectLabel(prerequisite)}`,
          before: null,
          after: { dependsOn: prerequisite.slug },
        },
      };
    },
  );
}
