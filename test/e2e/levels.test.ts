/**
 * A flat municipality (Thema → Vorhaben → Schritt) in Chromium, scripts on and off: its
 * overview and a project page pass axe and name its levels, never Kleve's
 * (docs/adr/0029).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  findAccessibilityViolations,
  JAVASCRIPT_MODES,
  openBrowserRig,
  type BrowserRig,
} from "../support/browser.js";
import {
  FLAT_PROJECT,
  importFlatProgramme,
  KLEVE_LEVEL_WORDS,
} from "../support/flat-programme.js";

const SLUG = "flachland";

let rig: BrowserRig;

beforeAll(async () => {
  rig = await openBrowserRig();
  await importFlatProgramme(rig.ctx, SLUG);
});

afterAll(async () => {
  await rig?.close();
});

afterEach(() => {
  expect(rig.takeScriptErrors()).toEqual([]);
});

const PAGES = [
  { name: "the overview", path: `/${SLUG}/`, expected: "Thema 1" },
  {
    name: "a project page",
    path: `/${SLUG}/projekte/${FLAT_PROJECT}`,
    expected: "Schritte",
  },
];

describe.each(JAVASCRIPT_MODES)(
  "a flat programme's portal $mode",
  ({ javaScriptEnabled }) => {
    it.each(PAGES)(
      "$name names the municipality's levels and has no axe violations",
      async ({ path, expected }) => {
        const page = await rig.newPage(javaScriptEnabled);
        try {
          const response = await page.goto(path);
          expect(response?.status()).toBe(200);
          const text = await page.locator("body").innerText();
          expect(text).toContain(expected);
          for (const word of KLEVE_LEVEL_WORDS)
            expect(text).not.toContain(word);
          expect(await findAccessibilityViolations(page)).toEqual([]);
        } finally {
          await page.close();
        }
      },
    );
  },
);
