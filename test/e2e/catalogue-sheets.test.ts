/**
 * The catalogue as a spreadsheet in a real browser, with JavaScript and without: an
 * administrator uploads a 40-project XLSX catalogue, checks the preview and takes it
 * over, edits one cell and uploads again — the preview shows exactly that change. Axe
 * (WCAG 2.1 AA) checks the upload page and both previews.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { documentToTables } from "../../src/app/catalogue/sheets/catalogue-sheets.js";
import type { CatalogueDocument } from "../../src/app/catalogue/catalogue-document.schema.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { writeCatalogueXlsx } from "../../src/exports/catalogue-sheets/catalogue-workbook.js";
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
  directory = mkdtempSync(join(tmpdir(), "fortschritt-e2e-tabelle-"));
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

/** A catalogue of 40 projects in two impact areas; `mark` makes each mode's file its own. */
function fortyProjects(mark: string, title: (index: number) => string) {
  const document: CatalogueDocument = {
    format: "fortschritt-catalogue",
    version: 1,
    municipality: { slug: "kleve", name: "Kleve" },
    programme: {
      title: `Programm ${mark}`,
      horizonStart: 2024,
      horizonEnd: 2030,
      goals: [{ title: "Digital zuerst" }],
      priorities: [],
    },
    orgUnits: [{ code: "10", name: "Fachbereich 10", kind: "department" }],
    impactAreas: [1, 2].map((area) => ({
      key: `bereich-${area}`,
      name: `Wirkungsbereich ${area}`,
      actionFields: [
        {
          key: `feld-${area}`,
          number: area,
          name: `Aktionsfeld ${area}`,
          colour: area === 1 ? "#1d4ed8" : "#047857",
          projects: Array.from({ length: 20 }, (_, index) => {
            const n = (area - 1) * 20 + index + 1;
            return {
              slug: `${mark}-projekt-${n}`,
              code: `${area}.${index + 1}`,
              title: title(n),
              summary: `Projekt ${n} aus der Tabelle.`,
              status: "planned" as const,
              phases: [{ label: "Umsetzung", start: "2025", end: "2026-Q2" }],
              measures: [
                { title: `Maßnahme ${n}`, status: "planned" as const },
              ],
              responsibilities: [{ orgUnit: "10", role: "lead" as const }],
            };
          }),
        },
      ],
    })),
  };
  return documentToTables(document);
}

describe.each(JAVASCRIPT_MODES)(
  "the catalogue as a spreadsheet $mode",
  ({ javaScriptEnabled }) => {
    async function signInAsAdmin(): Promise<Page> {
      const user = await createTestUser(rig.ctx, { role: "admin" });
      const page = await rig.newPage(javaScriptEnabled);
      await signInInBrowser(rig, page, user, { landing: "/kleve/verwaltung/" });
      return page;
    }

    async function uploadAndPreview(page: Page, file: string): Promise<string> {
      await uploadForPreview(page, {
        path: "/kleve/verwaltung/katalog/tabelle",
        file,
        button: "Hochladen und Vorschau zeigen",
        previewPath: "/katalog/tabelle/vorschau/",
        check: expectAccessible,
      });
      return (
        (await page.locator("#vorschau-summe").textContent())?.trim() ?? ""
      );
    }

    it("imports a 40-project catalogue after its preview, then exactly one edited cell", async () => {
      const mark = javaScriptEnabled ? "js" : "html";
      const first = join(directory, `${mark}-40.xlsx`);
      writeFileSync(
        first,
        await writeCatalogueXlsx(fortyProjects(mark, (n) => `Projekt ${n}`)),
      );
      const page = await signInAsAdmin();
      try {
        const summary = await uploadAndPreview(page, first);
        expect(summary).toMatch(/^\d+ Änderungen$/);
        expect(
          await page.locator("#vorschau-blaetter").textContent(),
        ).toContain("Projekte");
        await page
          .getByRole("button", { name: "Änderungen übernehmen" })
          .click();
        await expect.poll(() => page.url()).toContain("gespeichert=import");
        const catalogue = await getCatalogue(rig.ctx, "kleve");
        expect(
          catalogue.impactAreas.flatMap((area) =>
            area.actionFields.flatMap((field) => field.projects),
          ),
        ).toHaveLength(40);

        const edited = join(directory, `${mark}-40-bearbeitet.xlsx`);
        writeFileSync(
          edited,
          await writeCatalogueXlsx(
            fortyProjects(mark, (n) =>
              n === 7 ? "Projekt sieben, neu benannt" : `Projekt ${n}`,
            ),
          ),
        );
        expect(await uploadAndPreview(page, edited)).toBe("1 Änderung");
        const changed = await page
          .locator(".app-diff-table tbody tr")
          .allTextContents();
        expect(changed).toHaveLength(1);
        expect(changed[0]).toContain(`${mark}-projekt-7`);
        expect(changed[0]).toContain("Projekt sieben, neu benannt");
        await page
          .getByRole("button", { name: "Änderungen übernehmen" })
          .click();
        await expect.poll(() => page.url()).toContain("gespeichert=import");
        expect(await uploadAndPreview(page, edited)).toBe(
          "0 Änderungen: Die Datei entspricht dem Katalog.",
        );
      } finally {
        await page.close();
      }
    }, 240_000);
  },
);
