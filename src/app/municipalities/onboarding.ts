/**
 * What an administrator of a municipality does first, in order (ADR 0026): describe the
 * programme, then its structure (impact areas, action fields, org units), then projects,
 * then release the state to the public. Each step says whether it is done and whether
 * what it depends on exists, so the admin home offers no form before its time.
 */
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { listEditionSummaries } from "../../db/edition.repository.js";
import type { AppContext } from "../context.js";
import { getReleaseState, type ReleaseState } from "./release.js";

/** The steps, in the order they are taken. */
export type OnboardingStepKey =
  | "programme"
  | "impact-areas"
  | "action-fields"
  | "org-units"
  | "projects"
  | "release";

/** One step with its state. */
export interface OnboardingStep {
  readonly key: OnboardingStepKey;
  readonly isDone: boolean;
  /** Whether what the step depends on exists (the form can be used). */
  readonly isAvailable: boolean;
  /** How many there are (impact areas, projects …), where that says something. */
  readonly count: number | null;
}

/** The guidance for the admin home. */
export interface Onboarding {
  readonly steps: readonly OnboardingStep[];
  /** The first step not done yet, or null when everything is in place. */
  readonly next: OnboardingStepKey | null;
  readonly release: ReleaseState;
  readonly hasEdition: boolean;
}

/** The steps of a catalogue (pure: counts from the draft and the release state). */
export function onboardingSteps(
  catalogue: Catalogue,
  release: ReleaseState,
  hasEdition: boolean,
): readonly OnboardingStep[] {
  const { programme } = catalogue;
  const flat = programme.levels.flat;
  const areas = catalogue.impactAreas.length;
  const fields = catalogue.impactAreas.reduce(
    (sum, area) => sum + area.actionFields.length,
    0,
  );
  const projects = catalogue.impactAreas.reduce(
    (sum, area) =>
      sum +
      area.actionFields.reduce(
        (inner, field) => inner + field.projects.length,
        0,
      ),
    0,
  );
  const units = catalogue.orgUnits.length;
  const programmeDone =
    (programme.summary ?? "").trim() !== "" || programme.goals.length > 0;
  const released =
    hasEdition || release.releasedAt !== null || !release.requiresRelease;
  return [
    { key: "programme", isDone: programmeDone, isAvailable: true, count: null },
    // A flat programme has no impact areas to add: its topics go into the hidden root.
    ...(flat
      ? []
      : [
          {
            key: "impact-areas" as const,
            isDone: areas > 0,
            isAvailable: true,
            count: areas,
          },
        ]),
    {
      key: "action-fields",
      isDone: fields > 0,
      isAvailable: flat || areas > 0,
      count: fields,
    },
    { key: "org-units", isDone: units > 0, isAvailable: true, count: units },
    {
      key: "projects",
      isDone: projects > 0,
      isAvailable: fields > 0 && units > 0,
      count: projects,
    },
    {
      key: "release",
      isDone: released,
      isAvailable: programmeDone && !hasEdition,
      count: null,
    },
  ];
}

/** The guidance for a municipality's draft catalogue (the caller has checked who may read it). */
export async function getOnboarding(
  ctx: AppContext,
  catalogue: Catalogue,
): Promise<Onboarding> {
  const release = await getReleaseState(ctx, catalogue.municipality);
  const hasEdition =
    (await listEditionSummaries(ctx.db, catalogue.municipality.id)).length > 0;
  const steps = onboardingSteps(catalogue, release, hasEdition);
  return {
    steps,
    next: steps.find((step) => !step.isDone)?.key ?? null,
    release,
    hasEdition,
  };
}
