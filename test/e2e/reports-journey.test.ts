/**
 * Preparing the next Kleve report in a real browser: the administration sets up a meeting and a draft; an editor of Abteilung 10.1 sees "Ihre
 * Projekte für den Bericht am …", confirms one project as unchanged in one click and
 * updates another; the administration publishes; the public report page shows every
 * figure with its definition and as-of date, and offers the deck and the PDF. Axe (WCAG
 * 2.1 AA) checks every page on the way, the error summary included.
 *
 * The journey sends forms the script does not change, so it runs once, without
 * JavaScript; the page checks run with JavaScript and without
 * (docs/adr/0061-form-journeys-once-pages-in-both-modes.md).
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { getReportDocument } from "../../src/app/reports/read-reports.js";
import { saveReportEntry } from "../../src/app/reports/report-entries.js";
import { reportProjects } from "../../src/domain/report/report-document.js";
import { signInNewStaff } from "../support/browser-steps.js";
import {
  findAccessibilityViolations,
  FORM_JOURNEY_MODES,
  JAVASCRIPT_MODES,
  openBrowserRig,
  type BrowserRig,
} from "../support/browser.js";
import { buildPrincipal } from "../support/principals.js";

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

async function expectAccessible(page: Page): Promise<void> {
  expect(await findAccessibilityViolations(page), page.url()).toEqual([]);
}

const PUBLIC_PAGES = [
  "/kleve/berichte",
  "/kleve/berichte/2022-11-29",
  "/kleve/kennzahlen",
  "/kleve/projekte/mobile-office",
  "/kleve/berichte?lang=en",
];

describe.each(JAVASCRIPT_MODES)("reports $mode", ({ javaScriptEnabled }) => {
  it.each(PUBLIC_PAGES)("%s has no axe violations", async (path) => {
    const page = await rig.newPage(javaScriptEnabled);
    try {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expectAccessible(page);
    } finally {
      await page.close();
    }
  });

  it("has no axe violations on the key figure and register pages", async () => {
    const page = await signInNewStaff(rig, "admin", javaScriptEnabled);
    try {
      for (const path of [
        "/kleve/verwaltung/kennzahlen",
        "/kleve/verwaltung/kennzahlen/mobile-office",
        "/kleve/verwaltung/ozg?stand=28.11.2022",
        "/kleve/verwaltung/ozg/99990000000001",
      ]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expectAccessible(page);
      }
      // A value without a date: the error summary is accessible too.
      await page.goto("/kleve/verwaltung/kennzahlen/mobile-office");
      await page.locator("#wert-neu-wert").fill("150");
      await page.getByRole("button", { name: "Wert eintragen" }).click();
      expect(await page.getByRole("alert").textContent()).toContain(
        "Bitte ein Datum wie 28.11.2022 eingeben.",
      );
      await expectAccessible(page);
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe.each(FORM_JOURNEY_MODES)("reports $mode", ({ javaScriptEnabled }) => {
  it("prepares the next report: owners update in a few clicks, the team publishes, the portal shows it", async () => {
    const day = javaScriptEnabled ? "14" : "15";
    let admin = await signInNewStaff(rig, "admin", javaScriptEnabled);
    try {
      // The team sets up the meeting and the draft.
      await admin.goto("/kleve/verwaltung/gremien");
      await expectAccessible(admin);
      await admin.locator("#sitzung-neu-gremium").selectOption({ index: 0 });
      await admin.locator("#sitzung-neu-datum").fill(`${day}.03.2023`);
      await admin.getByRole("button", { name: "Sitzung anlegen" }).click();
      await expect.poll(() => admin.url()).toContain("gespeichert=sitzung");
      await admin.goto("/kleve/verwaltung/berichte");
      await expectAccessible(admin);
      await admin
        .locator("#bericht-neu-sitzung")
        .selectOption({ label: `APD ${day}.03.2023` });
      await admin
        .locator("#bericht-neu-stand")
        .fill(`${Number(day) - 1}.03.2023`);
      await admin.getByRole("button", { name: "Bericht anlegen" }).click();
      await expect
        .poll(() => admin.url())
        .toContain("gespeichert=bericht-angelegt");
      const reportId = Number(/berichte\/(\d+)/.exec(admin.url())?.[1]);
      await expectAccessible(admin);
      // Only one section, so that the test can complete the report.
      await admin.locator("#einstellungen-abschnitt-smart-working").check();
      for (const key of [
        "strategieplanung",
        "veraenderungsmanagement",
        "e-government",
        "smart-city",
        "partizipation",
      ]) {
        const box = admin.locator(`#einstellungen-abschnitt-${key}`);
        if ((await box.count()) > 0) await box.uncheck();
      }
      await admin
        .getByRole("button", { name: "Einstellungen speichern" })
        .click();
      await expect
        .poll(() => admin.url())
        .toContain("gespeichert=einstellungen");

      // An editor of Abteilung 10.1 finds the request on the start page and answers it.
      const editor = await signInNewStaff(rig, "editor", javaScriptEnabled);
      try {
        await editor
          .getByRole("heading", {
            name: `Ihre Projekte für den Bericht am ${day}.03.2023 (APD)`,
          })
          .waitFor();
        await expectAccessible(editor);
        await editor.goto(
          `/kleve/verwaltung/berichte/${reportId}#projekt-mobile-office`,
        );
        await editor
          .locator("#eintrag-mobile-office-unveraendert")
          .getByRole("button", { name: "Unverändert seit dem letzten Bericht" })
          .click();
        await expect
          .poll(() => editor.url())
          .toContain("gespeichert=unveraendert");
        // A mistyped date: the error summary names it, the input is kept.
        const form = editor.locator("#eintrag-e-rechnungsworkflow");
        await form.getByLabel("verzögert").check();
        await form
          .getByLabel("Kurztext für den Ausschuss")
          .fill("Der Rechnungsworkflow verschiebt sich ins nächste Jahr.");
        await form.getByLabel("Neuer Termin").fill("bald");
        await form.getByRole("button", { name: "Eintrag speichern" }).click();
        expect(await editor.getByRole("alert").textContent()).toContain(
          "„bald“ ist kein Zeitpunkt",
        );
        await expectAccessible(editor);
        await editor
          .locator("#eintrag-e-rechnungsworkflow")
          .getByLabel("Neuer Termin")
          .fill("QII/2024");
        await editor
          .locator("#eintrag-e-rechnungsworkflow")
          .getByRole("button", { name: "Eintrag speichern" })
          .click();
        await expect.poll(() => editor.url()).toContain("gespeichert=eintrag");
        await expectAccessible(editor);
      } finally {
        await editor.close();
      }

      // The browser context is shared: the editor's sign-in ended the administrator's session.
      await admin.close();
      admin = await signInNewStaff(rig, "admin", javaScriptEnabled);
      // The rest of the section is filled in behind the scenes; the team publishes.
      const municipalityId = (await getCatalogue(rig.ctx, "kleve")).municipality
        .id;
      const principal = buildPrincipal(municipalityId, {
        role: "admin",
        orgUnitCodes: [],
      });
      const { document } = await getReportDocument(
        rig.ctx,
        principal,
        "kleve",
        reportId,
      );
      for (const project of reportProjects(document).filter(
        (each) => each.status === null,
      )) {
        await saveReportEntry(rig.ctx, principal, {
          municipality: "kleve",
          reportId,
          project: project.slug,
          expectedVersion: 0,
          data: {
            status: "on-track",
            text: "Im Plan.",
            highlights: [],
            newDate: null,
            isIncluded: true,
          },
        });
      }
      await admin.goto(`/kleve/verwaltung/berichte/${reportId}/vorschau`);
      await expectAccessible(admin);
      await admin.goto(`/kleve/verwaltung/berichte/${reportId}`);
      await admin
        .getByLabel(
          "Ich habe den Bericht geprüft und möchte ihn veröffentlichen.",
        )
        .check();
      await admin
        .getByRole("button", { name: "Bericht veröffentlichen" })
        .click();
      await expect
        .poll(() => admin.url())
        .toContain("gespeichert=veroeffentlicht");
      const deck = await admin.request.get(
        `/kleve/verwaltung/berichte/${reportId}/folien.pptx`,
      );
      expect(deck.status()).toBe(200);

      // The public page shows the report with every figure and its definition and date.
      const reader = await rig.newPage(javaScriptEnabled);
      try {
        await reader.goto(`/kleve/berichte/2023-03-${day}`);
        await reader
          .getByRole("heading", { name: "2.5 E-Rechnungsworkflow" })
          .waitFor();
        expect(await reader.locator("main").textContent()).toContain(
          "Der Rechnungsworkflow verschiebt sich ins nächste Jahr.",
        );
        expect(await reader.locator("main").textContent()).toContain(
          "unverändert seit dem letzten Bericht",
        );
        expect(await reader.locator("main").textContent()).toContain(
          "144 von 572 (25,2\u00a0%) Mitarbeitende",
        );
        expect(await reader.locator("main").textContent()).toContain(
          "Was gezählt wird",
        );
        await expectAccessible(reader);
        const pdf = await reader.request.get(
          `/kleve/berichte/2023-03-${day}/bericht.pdf`,
        );
        expect(pdf.headers()["content-type"]).toBe("application/pdf");
      } finally {
        await reader.close();
      }
    } finally {
      await admin.close();
    }
  }, 120_000);
});
