/**
 * The automated accessibility checks of this release: axe-core with the WCAG 2.1 A and AA
 * rules on every portal and staff page, with and without JavaScript (test/e2e). The date
 * is the day these checks last passed for the release; `node scripts/stamp-accessibility-checks.mjs`
 * sets it (the release does so after the browser tests pass). The accessibility statement
 * names it as the date of the assessment's automated part.
 */
export const AUTOMATED_CHECKS_DATE = "2026-12-06";

/** The tool and rule set of the automated checks, as the statement names them. */
export const AUTOMATED_CHECKS_TOOL = "axe-core (WCAG 2.1 A/AA)";
