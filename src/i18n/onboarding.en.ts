/** The first steps of a new municipality and its release to the public (web/editor/onboarding-panel.tsx). */
import type { Widen } from "./de.js";
import type { onboardingDe } from "./onboarding.de.js";

export const onboardingEn: Widen<typeof onboardingDe> = {
  title: "First steps",
  intro:
    "This municipality is new. Take the steps in order: each builds on the one before.",
  stepTitles: {
    programme:
      "Describe the programme: title, horizon, introduction and vision",
    "impact-areas": "Add impact areas",
    "action-fields": "Add action fields to the impact areas",
    "org-units": "Add organisational units (who is responsible)",
    projects: "Add projects",
    release: "Release the working state to the portal",
  },
  stepNeeds: {
    programme: "",
    "impact-areas": "",
    "action-fields": "This needs an impact area first.",
    "org-units": "",
    projects: "This needs an action field and an organisational unit first.",
    release: "Describe the programme first.",
  },
  done: "done",
  open: "open",
  notYet: "not possible yet",
  count: (n: number) => `(${n})`,
  next: "Next",
  releaseTitle: "Release to the portal",
  releaseText:
    "Until an edition has been adopted, the portal shows only the state the administration releases, marked “Working state – not yet adopted”. What is entered afterwards stays internal until the next release.",
  releaseNever:
    "Nothing has been released yet: the portal shows only the programme's name.",
  releasedAt: (when: string, who: string) =>
    `Last released on ${when} by ${who}.`,
  releaseButton: "Release the current working state",
  released: "The working state has been released; the portal shows it now.",
  actionFieldNeedsArea:
    "An action field belongs to an impact area. Add one first:",
  projectNeedsStructure:
    "A project belongs to an action field and has a responsible organisational unit. Add both first.",
  deactivatedTitle: "This municipality is deactivated",
  deactivatedText:
    "You can read everything but change nothing until operations reactivate it. Nothing has been deleted.",
  portalWorkingStateTitle: "Working state – not yet adopted",
  portalWorkingStateText:
    "This programme has not been adopted by the council yet. You see the state the administration has released; it may still change.",
};
