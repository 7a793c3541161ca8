/**
 * Editions in a real browser (issue 4, "Done when"):
 *
 * - a reader opens the Kleve portal, switches the timeline to "compared with the
 *   1. Fortschreibung", sees every shift with its reason, and downloads the catalogue as
 *   DOCX and PDF and the revision slides as PPTX, which LibreOffice opens;
 * - an administrator changes the draft, is stopped until each shift has a reason, gives
 *   the reason, and publishes the next Fortschreibung.
 *
 * The pages and the reader's comparison are checked with JavaScript and without; the
 * administrator's journey sends forms the script does not change, so it runs once,
 * without JavaScript (docs/adr/0061-form-journeys-once-pages-in-both-modes.md).
 *
 * Axe (WCAG 2.1 AA) checks every new public and staff page on the way, including the page
 * that refuses to publish and its error summary.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { signInInBrowser } from "../support/browser-steps.js";
import { createTestUser } from "../support/accounts.js";
import {
  findAccessibilityViolations,
  FORM_JOURNEY_MODES,
  JAVASCRIPT_MODES,
  openBrowserRig,
  type BrowserRig,
} from "../support/browser.js";
import { convertWithLibreOffice } from "../support/office.js";

const run = promisify(execFile);

let rig: BrowserRig;
let directory: string;

beforeAll(async () => {
  rig = await openBrowserRig();
  directory = await mkdtemp(join(tmpdir(), "fortschritt-e2e-dokumente-"));
});

afterAll(async () => {
  await rig?.close();
  await rm(directory, { recursive: true, force: true });
});

afterEach(() => {
  expect(rig.takeScriptErrors()).toEqual([]);
});

async function expectAccessible(page: Page): Promise<void> {
  expect(await findAccessibilityViolations(page), page.url()).toEqual([]);
}

/** The public pages of editions, with the status each must answer with. */
const PUBLIC_PAGES = [
  { path: "/kleve/fortschreibungen", status: 200 },
  { path: "/kleve/fortschreibungen/1", status: 200 },
  { path: "/kleve/fortschreibungen/2", status: 200 },
  {
    path: "/kleve/fortschreibungen/1/projekte/dokumentenmanagementsystem",
    status: 200,
  },
  { path: "/kleve/fortschreibungen/2/aenderungen", status: 200 },
  { path: "/kleve/fortschreibungen/2/druckansicht", status: 200 },
  { path: "/kleve/zeitstrahl?vergleich=1", status: 200 },
  {
    path: "/kleve/zeitstrahl?vergleich=1&aktionsfeld=smart-working",
    status: 200,
  },
  { path: "/kleve/zeitstrahl?vergleich=9", status: 400 },
  { path: "/kleve/fortschreibungen/9", status: 404 },
] as const;

describe.each(JAVASCRIPT_MODES)("editions $mode", ({ javaScriptEnabled }) => {
  it.each(PUBLIC_PAGES)(
    "$path has no axe violations",
    async ({ path, status }) => {
      const page = await rig.newPage(javaScriptEnabled);
      try {
        const response = await page.goto(path);
        expect(response?.status()).toBe(status);
        await expectAccessible(page);
      } finally {
        await page.close();
      }
    },
  );

  it("lets a reader compare the timeline with the 1. Fortschreibung and see each shift with its reason", async () => {
    const page = await rig.newPage(javaScriptEnabled);
    try {
      await page.goto("/kleve/zeitstrahl");
      await page
        .getByLabel("Vergleichen mit")
        .selectOption({ label: "der 1. Fortschreibung (30.04.2021)" });
      // Choosing changes nothing by itself (WCAG 3.2.2): the button shows the comparison.
      await page.getByRole("button", { name: "Auswahl anzeigen" }).click();
      await expect
        .poll(() => new URL(page.url()).searchParams.get("vergleich"))
        .toBe("1");
      await expect(
        page.getByRole("heading", { level: 1 }).textContent(),
      ).resolves.toContain("Verglichen mit der 1. Fortschreibung");
      const dms = page.locator("tr", {
        has: page.getByRole("rowheader", {
          name: "Dokumentenmanagementsystem",
        }),
      });
      const cells = (await dms.textContent()) ?? "";
      expect(cells).toContain("Umsetzung: 2020–2023");
      expect(cells).toContain("Umsetzung: 2020–2024");
      expect(cells).toContain("Verzögerung aufgrund von erhöhtem Support");
      const strategy =
        (await page
          .locator("tr", {
            has: page.getByRole("rowheader", {
              name: "Digitalisierungsstrategie",
            }),
          })
          .textContent()) ?? "";
      expect(strategy).toContain("Verzögerung aufgrund OZG-Aufwand");
      await expectAccessible(page);
    } finally {
      await page.close();
    }
  });

  // Downloads are links, the same with and without JavaScript; defined only once so that
  // no run reports a skipped test.
  if (javaScriptEnabled)
    it("lets a reader download the catalogue as DOCX and PDF and the slides as PPTX, and LibreOffice opens them", async () => {
      const page = await rig.newPage(javaScriptEnabled);
      try {
        await page.goto("/kleve/fortschreibungen/2");
        await expectAccessible(page);
        const files: Record<string, string> = {};
        for (const [name, link] of [
          ["docx", "Katalog als Word-Dokument (DOCX)"],
          ["pdf", "Katalog als PDF (barrierefrei, mit Lesezeichen)"],
          ["pptx", "Folien für den Ausschuss (PowerPoint, PPTX)"],
        ] as const) {
          const [download] = await Promise.all([
            page.waitForEvent("download", { timeout: 60_000 }),
            page.getByRole("link", { name: link }).click(),
          ]);
          const path = join(directory, `download.${name}`);
          await download.saveAs(path);
          files[name] = path;
        }
        expect((await run("pdfinfo", [files.pdf!])).stdout).toMatch(
          /Tagged:\s+yes/,
        );
        for (const name of ["docx", "pptx"] as const) {
          const pdf = await convertWithLibreOffice(
            files[name]!,
            join(directory, name),
          );
          const text = (
            await run("pdftotext", [pdf, "-"], { maxBuffer: 20_000_000 })
          ).stdout;
          expect(text).toContain("Verzögerung aufgrund");
        }
      } finally {
        await page.close();
      }
    }, 300_000);
});

describe.each(FORM_JOURNEY_MODES)("editions $mode", ({ javaScriptEnabled }) => {
  /** Signs a new administrator in through the pages. */
  async function signInAdministrator(): Promise<Page> {
    const user = await createTestUser(rig.ctx, {
      role: "admin",
      name: `Verwaltung ${javaScriptEnabled ? "mit" : "ohne"} Skript`,
    });
    const page = await rig.newPage(javaScriptEnabled);
    await signInInBrowser(rig, page, user, { landing: "/kleve/verwaltung/" });
    return page;
  }

  it("lets an administrator change the draft, stops publishing until each shift has a reason, then publishes", async () => {
    const page = await signInAdministrator();
    // Each mode moves the end further, so that each publishes a shift of its own.
    const end = javaScriptEnabled ? "QII/2024" : "QIV/2024";
    try {
      await page.goto("/kleve/verwaltung/projekte/e-rechnungsworkflow");
      const phase = page.getByRole("group", { name: "Phase 1: Einführung" });
      await phase.getByLabel("Ende", { exact: true }).fill(end);
      await phase.getByRole("button", { name: "Phase speichern" }).click();
      await page
        .getByText("Die Phase wurde gespeichert.")
        .waitFor({ state: "visible" });

      await page
        .getByRole("link", { name: "Fortschreibung", exact: true })
        .click();
      await expect
        .poll(() => new URL(page.url()).pathname)
        .toBe("/kleve/entwurf/aenderungen");
      await page
        .getByRole("heading", { name: "Entwurf – nicht veröffentlicht" })
        .waitFor({ state: "visible" });
      expect(await page.getByTestId("reason-status").textContent()).toBe(
        "Für 1 Verschiebung fehlt noch ein Grund.",
      );
      await expectAccessible(page);

      const publishTitle =
        (await page.locator("#veroeffentlichen").textContent()) ?? "";
      const number = Number(/(\d+)\. Fortschreibung/.exec(publishTitle)?.[1]);
      expect(number).toBeGreaterThanOrEqual(3);
      await page
        .getByRole("button", { name: "Fortschreibung veröffentlichen" })
        .click();
      const summary = page.getByRole("alert").filter({
        hasText: "Die Fortschreibung kann noch nicht veröffentlicht werden",
      });
      await summary.waitFor({ state: "visible" });
      const missing = summary.getByRole("link", {
        name: /^Grund fehlt: 2\.5 E-Rechnungsworkflow – Zeitraum Einführung: Ende von .* auf .* verschoben/,
      });
      await expect(missing.count()).resolves.toBe(1);
      await expectAccessible(page);
      await missing.click();
      await expect
        .poll(() => new URL(page.url()).hash)
        .toMatch(/^#grund-phase-end-shifted-project-\d+-phase-\d+-kategorie$/);

      const form = page.getByRole("group", {
        name: /^Grund für: 2\.5 E-Rechnungsworkflow/,
      });
      await form.getByLabel("Kategorie").selectOption({ label: "OZG-Aufwand" });
      await form
        .getByLabel("Erläuterung")
        .fill("Verzögerung aufgrund OZG-Aufwand beim E-Rechnungsworkflow");
      await form.getByRole("button", { name: "Grund speichern" }).click();
      await page
        .getByText("Der Grund wurde gespeichert.")
        .waitFor({ state: "visible" });
      expect(await page.getByTestId("reason-status").textContent()).toBe(
        "Für jede Verschiebung ist ein Grund angegeben.",
      );
      await expectAccessible(page);

      await page
        .getByLabel("Beschluss (optional)")
        .fill(`Rat der Stadt Kleve, Beschluss ${number}/2022`);
      await page
        .getByRole("button", { name: "Fortschreibung veröffentlichen" })
        .click();
      await expect
        .poll(() => new URL(page.url()).pathname)
        .toBe(`/kleve/fortschreibungen/${number}`);
      await page
        .getByText(`Die ${number}. Fortschreibung ist veröffentlicht.`)
        .waitFor({ state: "visible" });
      await expectAccessible(page);

      await page.goto("/kleve/projekte/e-rechnungsworkflow");
      await expect(
        page.locator(".app-phase-list").textContent(),
      ).resolves.toContain(`QIV/2021–${end}`);

      for (const path of [
        "/kleve/entwurf",
        "/kleve/entwurf/zeitstrahl?vergleich=2",
        "/kleve/verwaltung/begruendungen",
      ]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expectAccessible(page);
      }
    } finally {
      await page.close();
    }
  });
});
