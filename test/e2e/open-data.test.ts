/**
 * The open data pages in a real browser, with JavaScript and without: the list of
 * datasets, a data dictionary, the English page and an unknown dataset; and the
 * administrators' settings form, also with its error summary. Axe checks WCAG 2.1 AA.
 * A citizen's way from the footer to a download takes links the script does not change,
 * so it runs once, without JavaScript
 * (docs/adr/0061-form-journeys-once-pages-in-both-modes.md).
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt } from "../../src/app/auth/totp.js";
import { createTestUser } from "../support/accounts.js";
import {
  findAccessibilityViolations,
  FORM_JOURNEY_MODES,
  JAVASCRIPT_MODES,
  openBrowserRig,
  type BrowserRig,
} from "../support/browser.js";

let rig: BrowserRig;

beforeAll(async () => {
  rig = await openBrowserRig({ demo: "with-reports" });
});

afterAll(async () => {
  await rig?.close();
});

afterEach(() => {
  expect(rig.takeScriptErrors()).toEqual([]);
});

const PUBLIC_PAGES = [
  { path: "/kleve/offene-daten", status: 200 },
  { path: "/kleve/offene-daten?lang=en", status: 200 },
  { path: "/kleve/offene-daten/kennzahlen", status: 200 },
  { path: "/kleve/offene-daten/ozg-leistungen?lang=en", status: 200 },
  { path: "/kleve/offene-daten/gibt-es-nicht", status: 404 },
];

describe.each(JAVASCRIPT_MODES)("open data $mode", ({ javaScriptEnabled }) => {
  it.each(PUBLIC_PAGES)(
    "$path has no axe violations",
    async ({ path, status }) => {
      const page = await rig.newPage(javaScriptEnabled);
      try {
        const response = await page.goto(path);
        expect(response?.status()).toBe(status);
        expect(await findAccessibilityViolations(page), path).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  it("the settings form and its error summary have no axe violations", async () => {
    const user = await createTestUser(rig.ctx, { role: "admin" });
    const page = await rig.newPage(javaScriptEnabled);
    try {
      await page.context().clearCookies();
      await page.goto("/anmelden");
      await page.locator("#email").fill(user.email);
      await page.locator("#password").fill(user.password);
      await page.getByRole("button", { name: "Anmelden", exact: true }).click();
      await page
        .locator("#code")
        .fill(
          totpCodeAt(
            user.totpSecret!,
            new Date(rig.ctx.clock().getTime() + 30_000),
          ),
        );
      await page.getByRole("button", { name: "Bestätigen" }).click();
      await expect
        .poll(() => new URL(page.url()).pathname)
        .toBe("/kleve/verwaltung/");
      await page.goto("/kleve/verwaltung/offene-daten");
      await expectAccessible(page);
      await page.locator("#regionalschluessel").fill("123");
      await page
        .getByRole("button", { name: "Einstellungen speichern" })
        .click();
      await expect
        .poll(() => page.locator(".app-error-summary").count())
        .toBe(1);
      await expectAccessible(page);
    } finally {
      await page.close();
    }
  });
});

describe.each(FORM_JOURNEY_MODES)(
  "open data $mode",
  ({ javaScriptEnabled }) => {
    it("a citizen finds the open data from the footer and downloads a dataset", async () => {
      const page = await rig.newPage(javaScriptEnabled);
      try {
        await page.goto("/kleve/");
        await page
          .getByRole("contentinfo")
          .getByRole("link", { name: "Offene Daten", exact: true })
          .click();
        await expect
          .poll(() => new URL(page.url()).pathname)
          .toBe("/kleve/offene-daten");
        const download = page.waitForEvent("download");
        await page
          .getByRole("link", {
            name: "Kennzahlen mit Zeitreihen als CSV herunterladen",
          })
          .click();
        expect((await download).suggestedFilename()).toBe(
          "kleve-kennzahlen.csv",
        );
      } finally {
        await page.close();
      }
    });
  },
);

async function expectAccessible(page: Page): Promise<void> {
  expect(await findAccessibilityViolations(page), page.url()).toEqual([]);
}
