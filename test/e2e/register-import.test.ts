/**
 * The OZG register import as of a day in a real browser, with JavaScript and without: an
 * administrator uploads a register file with a Stichtag, reads the preview (counts and
 * entries), confirms, and the register page reports the counts. Axe (WCAG 2.1 AA) checks
 * the upload page and the preview.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestUser } from "../support/accounts.js";
import {
  findAccessibilityViolations,
  JAVASCRIPT_MODES,
  openBrowserRig,
  type BrowserRig,
} from "../support/browser.js";
import { signInInBrowser, uploadForPreview } from "../support/browser-steps.js";

let rig: BrowserRig;
let directory: string;

beforeAll(async () => {
  rig = await openBrowserRig();
  directory = mkdtempSync(join(tmpdir(), "fortschritt-e2e-ozg-"));
});
afterAll(async () => {
  await rig?.close();
  rmSync(directory, { recursive: true, force: true });
});
afterEach(() => {
  expect(rig.takeScriptErrors()).toEqual([]);
});

async function expectAccessible(page: Page): Promise<void> {
  expect(await findAccessibilityViolations(page), page.url()).toEqual([]);
}

const HEADINGS =
  "LeiKa-Schlüssel;Name;Zuständig vor Ort;Zugangsweg;Front-End online;Back-End angebunden;E-Payment;eID;Online-Anträge;Status;URL;Art";

describe.each(JAVASCRIPT_MODES)(
  "the OZG register import $mode",
  ({ javaScriptEnabled }) => {
    async function signInAsAdmin(): Promise<Page> {
      const user = await createTestUser(rig.ctx, { role: "admin" });
      const page = await rig.newPage(javaScriptEnabled);
      await signInInBrowser(rig, page, user, { landing: "/kleve/verwaltung/" });
      return page;
    }

    it("previews the import as of a day, changes nothing before the confirmation, then reports the counts", async () => {
      const mark = javaScriptEnabled ? "1" : "2";
      const file = join(directory, `ozg-${mark}.csv`);
      writeFileSync(
        file,
        [
          HEADINGS,
          `9999000077${mark}001;Bewohnerparken ${mark};ja;Eigenentwicklung;ja;nein;nein;nein;1;online;https://www.kleve.de/serviceportal;OZG-Leistung`,
          `9999000077${mark}002;Sperrmüll Landkreis ${mark};nein;Landesportal;ja;nein;nein;nein;2;online;;weiterer Online-Antrag`,
          "",
        ].join("\n"),
        "utf8",
      );
      const page = await signInAsAdmin();
      try {
        await uploadForPreview(page, {
          path: "/kleve/verwaltung/ozg",
          file,
          fields: {
            "#import-stichtag": javaScriptEnabled ? "01.06.2031" : "01.06.2032",
          },
          button: "Datei prüfen",
          previewPath: "/ozg/import/",
          check: expectAccessible,
        });
        expect(
          await page
            .locator("#import-zahlen tbody tr")
            .first()
            .locator("td")
            .textContent(),
        ).toBe("2");
        expect(await page.locator("main").textContent()).toContain(
          `Sperrmüll Landkreis ${mark} (weiterer Online-Antrag)`,
        );
        await page.getByRole("button", { name: "Import bestätigen" }).click();
        await expect.poll(() => page.url()).toContain("gespeichert=import");
        expect(await page.locator("main").textContent()).toContain(
          "Import übernommen: 2 neu",
        );
        await expectAccessible(page);
      } finally {
        await page.close();
      }
    });
  },
);
