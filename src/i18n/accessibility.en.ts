/** English texts of the accessibility statement and its form; the keys of accessibility.de.ts. */
import type { accessibilityDe } from "./accessibility.de.js";
import type { Dictionary } from "./de.js";

export const accessibilityEn: Dictionary["accessibility"] = {
  footerStatement: "Accessibility statement",
  footerReport: "Report a barrier",
  title: "Accessibility statement",
  intro: (municipality: string) =>
    `${municipality} is committed to making this portal accessible, in accordance with the national legislation transposing Directive (EU) 2016/2102.`,
  scopeTitle: "Scope",
  scope: (municipality: string) =>
    `This statement applies to the portal of the digitalisation programme of ${municipality} on this website:`,
  statusTitle: "Compliance status",
  status: {
    full: "This portal is fully compliant with the requirements of BITV 2.0 (EN 301 549, WCAG 2.1 level AA).",
    partial:
      "This portal is partially compliant with the requirements of BITV 2.0 (EN 301 549, WCAG 2.1 level AA) due to the non-compliances listed below.",
    none: "This portal is not compliant with the requirements of BITV 2.0 (EN 301 549, WCAG 2.1 level AA). The non-compliances are listed below.",
  },
  statusChoice: {
    full: "fully compliant",
    partial: "partially compliant",
    none: "not compliant",
  },
  barriersTitle: "Non-accessible content",
  barriersNone: "No non-accessible content is known.",
  barriersCaption: "Non-accessible content, reasons and alternatives",
  columnContent: "Content",
  columnReason: "Reason",
  columnAlternative: "Accessible alternative",
  noAlternative: "none",
  preparationTitle: "Preparation of this statement",
  preparedOn: (date: string) => `This statement was prepared on ${date}.`,
  notYetPrepared:
    "The administration has not yet confirmed the details of this statement.",
  method: (municipality: string, tool: string, date: string) =>
    `The assessment is a self-assessment by ${municipality}, backed by the automated checks (${tool}) of this version of the software of ${date}.`,
  lastReview: (date: string) => `The statement was last reviewed on ${date}.`,
  feedbackTitle: "Feedback and contact information",
  feedbackText:
    "Have you found a barrier in the content of this portal, or do you need content in an accessible form? Please tell us:",
  feedbackForm: "“Report a barrier” form",
  contactEmail: "E-mail",
  contactPhone: "Telephone",
  contactAddress: "Address",
  answerTime: (months: number) =>
    months === 1
      ? "We answer your feedback within one month."
      : `We answer your feedback within ${months} months.`,
  enforcementTitle: "Enforcement procedure",
  enforcementText:
    "If you have received no answer to your feedback, or no satisfactory one, you may turn to the conciliation body of the Land:",
  enforcementUnknown:
    "No Land is recorded for this municipality; the administration will name the conciliation body responsible.",
  jsonLink: "This statement in machine-readable form (JSON)",
  navSettings: "Accessibility",
  settingsTitle: "Edit the accessibility statement",
  settingsIntro:
    "Fortschritt adds the scope, the method, the date of the automated checks, the answer time and the conciliation body itself. Enter here what only the administration knows.",
  fieldStatus: "Compliance status",
  fieldLastReview: "Last review",
  fieldLastReviewHint:
    "A date such as 28.11.2022; leave empty if there has been none.",
  fieldContactEmail: "E-mail address for feedback",
  fieldContactPhone: "Telephone (optional)",
  fieldContactAddress: "Address (optional)",
  barriersLegend: (number: number) => `Non-accessible content ${number}`,
  barriersHint:
    "Empty rows are not saved. For another entry, save; a new empty row is then ready.",
  fieldContent: "Content",
  fieldReason: "Reason (e.g. disproportionate burden)",
  fieldAlternative: "Accessible alternative (optional)",
  saveSettings: "Save statement",
  settingsSaved: "The accessibility statement has been saved.",
  errorSummaryTitle: "The statement could not be saved",
  viewStatement: "View the statement",
} satisfies Record<keyof typeof accessibilityDe, unknown>;
