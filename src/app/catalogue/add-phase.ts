/** Appending a phase to a project's schedule. */
import { insertPhase } from "../../db/project.repository.js";
import type { Principal } from "../../domain/access/principal.js";
import type { RequestOrigin } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import {
  AddPhaseInputSchema,
  type AddPhaseInput,
} from "./catalogue-edit.schema.js";
import {
  changeProject,
  projectLabel,
  requireValid,
  UNKNOWN_ORIGIN,
  type ProjectChangeResult,
} from "./edit-support.js";
import { requirePhaseValues } from "./phase-values.js";
import { phaseSnapshot } from "./snapshots.js";

/** Adds a phase after the existing ones; returns the new phase's id. */
export async function addPhase(
  ctx: AppContext,
  principal: Principal,
  input: AddPhaseInput,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<ProjectChangeResult & { readonly phaseId: number }> {
  const valid = requireValid(AddPhaseInputSchema, input);
  const phase = requirePhaseValues(valid.data);
  const result = await changeProject(
    ctx,
    principal,
    valid,
    "phase.create",
    origin,
    async (trx, before) => {
      const phaseId = await insertPhase(trx, before.project.id, phase);
      return {
        value: phaseId,
        record: {
          action: "phase.create",
          entityType: "phase",
          entityId: phaseId,
          entityLabel: `${projectLabel(before.project)} – ${phase.label}`,
          before: null,
          after: phaseSnapshot(phase),
        },
      };
    },
  );
  return {
    version: result.version,
    project: result.project,
    phaseId: result.value,
  };
}
