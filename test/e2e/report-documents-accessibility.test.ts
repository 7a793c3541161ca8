/**
 * The page that lists a published report's documents with their state ("Dokumente") meets
 * WCAG 2.1 AA as far as axe can tell, with JavaScript on and off.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadDemoReport } from "../../src/app/reports/demo-report.js";
import {
  findAccessibilityViolations,
  JAVASCRIPT_MODES,
  openBrowserRig,
  type BrowserRig,
} from "../support/browser.js";

let rig: BrowserRig;

beforeAll(async () => {
  rig = await openBrowserRig();
  await loadDemoReport(rig.ctx);
});

afterAll(async () => {
  await rig?.close();
});

afterEach(() => {
  expect(rig.takeScriptErrors()).toEqual([]);
});

describe.each(JAVASCRIPT_MODES)(
  "a report's documents $mode",
  ({ javaScriptEnabled }) => {
    it("the state page of a report's documents has no axe violations", async () => {
      const page = await rig.newPage(javaScriptEnabled);
      try {
        const response = await page.goto("/kleve/berichte/1/dokumente");
        expect(response?.status()).toBe(200);
        await page
          .getByRole("heading", { level: 1, name: "Dokumente", exact: false })
          .waitFor();
        expect(await findAccessibilityViolations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  },
);
