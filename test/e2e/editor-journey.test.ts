/**
 * The editor in a real browser: a new editor of Abteilung 10.1 signs in (password, then
 * the TOTP code computed here), moves the end of a phase of e-rechnungsworkflow from
 * "2023" to "QII/2024" — first mistyped, then right — and finds the change in the draft
 * (the public page keeps the published edition) and in the project's history. Axe (WCAG
 * 2.1 AA) checks every staff page on the way, including the page with the error summary.
 *
 * The journey sends forms the script does not change, so it runs once, without
 * JavaScript; the administrators' pages and the answer to a stale form are checked with
 * JavaScript and without (docs/adr/0061-form-journeys-once-pages-in-both-modes.md).
 */
import type { Page } from "playwright-core";
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
} from "vitest";
import { totpCodeAt } from "../../src/app/auth/totp.js";
import { signInInBrowser } from "../support/browser-steps.js";
import { getProject } from "../../src/app/catalogue/read-catalogue.js";
import { updatePhase } from "../../src/app/catalogue/update-phase.js";
import { createTestUser } from "../support/accounts.js";
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
  rig = await openBrowserRig();
});

afterAll(async () => {
  await rig?.close();
});

afterEach(() => {
  expect(rig.takeScriptErrors()).toEqual([]);
});

/** Fails with axe's findings when the page breaks a WCAG 2.1 AA rule. */
async function expectAccessible(page: Page): Promise<void> {
  expect(await findAccessibilityViolations(page), page.url()).toEqual([]);
}

/**
 * Saves the first phase of the e-invoicing project as an administrator, past the pages:
 * how each test starts from the published catalogue, and how someone else saves in between.
 */
async function saveFirstPhase(
  data: Parameters<typeof updatePhase>[2]["data"],
  by: { readonly name?: string; readonly reason?: string } = {},
): Promise<void> {
  const { catalogue, entry } = await getProject(
    rig.ctx,
    "kleve",
    "e-rechnungsworkflow",
  );
  await updatePhase(
    rig.ctx,
    buildPrincipal(catalogue.municipality.id, {
      role: "admin",
      orgUnitCodes: [],
      ...(by.name === undefined ? {} : { name: by.name }),
    }),
    {
      municipality: "kleve",
      project: "e-rechnungsworkflow",
      phaseId: entry.project.phases[0]!.id,
      expectedVersion: entry.project.version,
      ...(by.reason === undefined ? {} : { reason: by.reason }),
      data,
    },
  );
}

beforeEach(async () => {
  // Each test starts from the catalogue as published: the phase ends in 2023.
  await saveFirstPhase({ label: "Einführung", start: "2021-Q4", end: "2023" });
});

describe.each(JAVASCRIPT_MODES)("the editor $mode", ({ javaScriptEnabled }) => {
  /** Signs a new person in through the pages; returns the page, on the editor's start page. */
  async function signInThroughPages(
    role: "admin" | "editor",
  ): Promise<{ page: Page; name: string }> {
    const user = await createTestUser(rig.ctx, {
      role,
      orgUnitCodes: role === "editor" ? ["10.1"] : [],
    });
    const page = await rig.newPage(javaScriptEnabled);
    // The mode's browser context is shared by the tests: signing in starts signed out.
    await signInInBrowser(rig, page, user, { landing: "/kleve/verwaltung/" });
    return { page, name: user.name };
  }

  it("has no axe violations on the administrators' pages, nor on the answer to a stale form", async () => {
    const { page } = await signInThroughPages("admin");
    try {
      for (const path of [
        "/kleve/verwaltung/programm",
        "/kleve/verwaltung/struktur",
        "/kleve/verwaltung/einheiten",
        "/kleve/verwaltung/projekte/neu",
      ]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expectAccessible(page);
      }
      await page.goto("/kleve/verwaltung/projekte/e-rechnungsworkflow");
      // Someone else saves in between: this form is now stale.
      await saveFirstPhase(
        { label: "Einführung", start: "2021-Q4", end: "2024" },
        { name: "Andere Person", reason: "Stand der Ausschusssitzung" },
      );
      const phase = page.getByRole("group", { name: "Phase 1: Einführung" });
      await phase.getByLabel("Ende", { exact: true }).fill("QIII/2024");
      await phase.getByRole("button", { name: "Phase speichern" }).click();
      const main = (await page.locator("main").textContent()) ?? "";
      expect(main).toContain("Jemand anderes hat inzwischen gespeichert");
      expect(main).toContain("Stand der Ausschusssitzung");
      await expect(
        page
          .getByRole("group", { name: "Phase 1: Einführung" })
          .getByLabel("Ende", { exact: true })
          .inputValue(),
      ).resolves.toBe("QIII/2024");
      await expectAccessible(page);
    } finally {
      await page.close();
    }
  });
});

describe.each(FORM_JOURNEY_MODES)(
  "the editor $mode",
  ({ javaScriptEnabled }) => {
    it("lets a new editor of 10.1 sign in, move a phase from 2023 to QII/2024 and see it in the draft and in the history", async () => {
      const editor = await createTestUser(rig.ctx, {
        role: "editor",
        orgUnitCodes: ["10.1"],
        name: `Neue Redaktion ${javaScriptEnabled ? "mit" : "ohne"} Skript`,
      });
      const page = await rig.newPage(javaScriptEnabled);
      await page.context().clearCookies();
      try {
        await page.goto("/kleve/verwaltung/");
        expect(new URL(page.url()).pathname).toBe("/anmelden");
        await page.locator("#email").fill(editor.email);
        await page.locator("#password").fill(editor.password);
        await page
          .getByRole("button", { name: "Anmelden", exact: true })
          .click();
        // The enrolment used the code of this 30-second step, and a code works only once:
        // the authenticator app shows the next one (the server accepts one step of drift).
        await page
          .locator("#code")
          .fill(
            totpCodeAt(
              editor.totpSecret!,
              new Date(rig.ctx.clock().getTime() + 30_000),
            ),
          );
        await page.getByRole("button", { name: "Bestätigen" }).click();

        await expect
          .poll(() => new URL(page.url()).pathname)
          .toBe("/kleve/verwaltung/");
        await expect(
          page.getByRole("heading", { level: 1 }).textContent(),
        ).resolves.toBe("Verwaltung");
        await expectAccessible(page);

        await page
          .getByRole("link", { name: "E-Rechnungsworkflow", exact: true })
          .click();
        await expect(
          page.getByRole("heading", { level: 1 }).textContent(),
        ).resolves.toBe("2.5 E-Rechnungsworkflow bearbeiten");
        await expectAccessible(page);

        const phase = page.getByRole("group", { name: "Phase 1: Einführung" });
        await phase.getByLabel("Ende", { exact: true }).fill("Sommer 2024");
        await phase.getByRole("button", { name: "Phase speichern" }).click();
        await page
          .getByRole("heading", { name: "Es gibt ein Problem" })
          .waitFor({ state: "visible" });
        await expect(
          page
            .getByRole("group", { name: "Phase 1: Einführung" })
            .getByLabel("Ende", { exact: true })
            .inputValue(),
        ).resolves.toBe("Sommer 2024");
        await expectAccessible(page);

        const again = page.getByRole("group", { name: "Phase 1: Einführung" });
        await again.getByLabel("Ende", { exact: true }).fill("QII/2024");
        await again.getByText("Grund der Änderung (optional)").click();
        await again
          .getByLabel("Grund der Änderung", { exact: true })
          .fill("Verzögerung durch OZG-Aufwand");
        await again.getByRole("button", { name: "Phase speichern" }).click();
        await page
          .getByText("Die Phase wurde gespeichert.")
          .waitFor({ state: "visible" });
        await expect(
          page
            .getByRole("group", { name: "Phase 1: Einführung" })
            .getByLabel("Ende", { exact: true })
            .inputValue(),
        ).resolves.toBe("QII/2024");
        await expectAccessible(page);

        // The public page shows the latest edition until the next is published; the draft,
        // for staff and committee, shows the change at once under /kleve/entwurf.
        await page
          .getByRole("link", { name: "Öffentliche Seite ansehen" })
          .click();
        await expect(
          page.locator(".app-phase-list").textContent(),
        ).resolves.toContain("QIV/2021–2023");
        await page.goto("/kleve/entwurf/projekte/e-rechnungsworkflow");
        await expect(
          page.locator(".app-phase-list").textContent(),
        ).resolves.toContain("QIV/2021–QII/2024");
        await page
          .getByRole("heading", { name: "Entwurf – nicht veröffentlicht" })
          .waitFor({ state: "visible" });
        await expectAccessible(page);

        await page.goto("/kleve/verwaltung/projekte/e-rechnungsworkflow");
        await page.getByRole("link", { name: "Verlauf ansehen" }).click();
        const history = (await page.locator("main").textContent()) ?? "";
        expect(history).toContain(
          "Phase geändert: 2.5 E-Rechnungsworkflow – Einführung",
        );
        expect(history).toContain("QII/2024");
        expect(history).toContain("Verzögerung durch OZG-Aufwand");
        expect(history).toContain(editor.name);
        await expectAccessible(page);

        await page.getByRole("link", { name: "Protokoll" }).click();
        await expect(
          page.getByRole("heading", { level: 1 }).textContent(),
        ).resolves.toBe("Protokoll");
        await expectAccessible(page);
      } finally {
        await page.close();
      }
    });
  },
);
