/**
 * The accessibility statement and the barriers an outside review found, in a real browser
 * (axe on every page on the way):
 *  - an administrator fills in the statement; a mistyped address comes back with a title
 *    that starts with "Fehler:"; the public statement (German, English, JSON) shows it, and
 *    every page's footer links to it and to the barrier report;
 *  - an arrow key on a measure's status saves nothing: only "Speichern" does (3.2.2);
 *  - deleting a measure or a phase, or removing a dependency, asks on a page of its own;
 *    "Abbrechen" keeps it, only "Ja, endgültig löschen" deletes it (3.3.4);
 *  - the report and key-figure pages do not scroll sideways at 320 px (1.4.10), and the
 *    scroll box of the OZG table takes keyboard focus (2.1.1).
 *
 * Filling in the statement and the deletions are form journeys the script does not change:
 * they run once, without JavaScript. The status that arrow keys must not save, the reflow
 * and the OZG table's focus are checked with JavaScript and without
 * (docs/adr/0061-form-journeys-once-pages-in-both-modes.md).
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  getCatalogue,
  getProject,
} from "../../src/app/catalogue/read-catalogue.js";
import {
  listProjects,
  type Project,
} from "../../src/domain/catalogue/catalogue.js";
import { signInNewStaff } from "../support/browser-steps.js";
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

async function expectAccessible(page: Page): Promise<void> {
  expect(await findAccessibilityViolations(page), page.url()).toEqual([]);
}

describe.each(JAVASCRIPT_MODES)(
  "accessibility statement and barriers $mode",
  ({ javaScriptEnabled }) => {
    it("saves a measure's status only when confirmed, however the arrow keys move it", async () => {
      const page = await signInNewStaff(rig, "editor", javaScriptEnabled);
      try {
        const { entry } = await getProject(
          rig.ctx,
          "kleve",
          "e-rechnungsworkflow",
        );
        const measure = entry.project.measures[0]!;
        await page.goto("/kleve/verwaltung/projekte/e-rechnungsworkflow");
        const form = page.locator(`#massnahme-${measure.id}`);
        const status = form.getByRole("combobox", { name: "Status" });
        expect(
          await page
            .locator(
              `#${(await status.getAttribute("aria-describedby"))!.split(" ")[0]!}`,
            )
            .textContent(),
        ).toBe(
          "Ein anderer Status wird erst gespeichert, wenn Sie „Speichern“ wählen.",
        );
        const loads: string[] = [];
        const onLoad = (frame: { url(): string }): void => {
          loads.push(frame.url());
        };
        page.on("framenavigated", onLoad);
        await status.focus();
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("ArrowDown");
        const chosen = await status.inputValue();
        await form.getByRole("button", { name: "Speichern" }).click();
        await page.waitForURL(/gespeichert=/);
        page.off("framenavigated", onLoad);
        // One page load: the confirmed save, nothing on the way.
        expect(loads).toHaveLength(1);
        const after = await getProject(rig.ctx, "kleve", "e-rechnungsworkflow");
        expect(
          after.entry.project.measures.find((each) => each.id === measure.id)
            ?.status,
        ).toBe(chosen);
        expect(after.entry.project.version).toBe(entry.project.version + 1);
      } finally {
        await page.close();
      }
    });

    it.each([
      "/kleve/berichte/2022-11-29",
      "/kleve/kennzahlen",
      "/kleve/barrierefreiheit",
    ])("%s does not scroll sideways at 320 px", async (path) => {
      const page = await rig.newPage(javaScriptEnabled);
      try {
        await page.setViewportSize({ width: 320, height: 640 });
        const response = await page.goto(path);
        expect(response?.status()).toBe(200);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
        ).toBeLessThanOrEqual(320);
      } finally {
        await page.close();
      }
    });

    it("lets keyboard users reach the OZG table's scroll box", async () => {
      const page = await signInNewStaff(rig, "admin", javaScriptEnabled);
      try {
        await page.goto("/kleve/verwaltung/ozg");
        const box = page.getByRole("region", {
          name: /^OZG-Leistungen, gültig am/,
        });
        expect(await box.getAttribute("tabindex")).toBe("0");
        await box.focus();
        expect(
          await box.evaluate((element) => element === document.activeElement),
        ).toBe(true);
      } finally {
        await page.close();
      }
    });
  },
);

describe.each(FORM_JOURNEY_MODES)(
  "accessibility statement and barriers $mode",
  ({ javaScriptEnabled }) => {
    it("lets an administrator fill in the statement, which the portal then shows in German, English and JSON", async () => {
      const page = await signInNewStaff(rig, "admin", javaScriptEnabled);
      try {
        await page
          .getByRole("navigation", { name: "Hauptnavigation" })
          .getByRole("link", { name: "Barrierefreiheit" })
          .click();
        await expect
          .poll(() => new URL(page.url()).pathname)
          .toBe("/kleve/verwaltung/barrierefreiheit");
        await expectAccessible(page);

        const contact = `barrierefreiheit-${javaScriptEnabled ? "js" : "ohne"}@kleve.example`;
        await page.getByLabel("teilweise vereinbar").check();
        await page.getByLabel("Letzte Überprüfung").fill("28.11.2022");
        await page.getByLabel("E-Mail-Adresse für Rückmeldungen").fill("keine");
        await page
          .getByRole("group", { name: "Nicht barrierefreier Inhalt 1" })
          .getByLabel("Inhalt", { exact: true })
          .fill("Sitzungsprotokolle vor 2020 (gescannte PDF)");
        await page
          .getByRole("group", { name: "Nicht barrierefreier Inhalt 1" })
          .getByLabel("Grund (z. B. unverhältnismäßige Belastung)")
          .fill("unverhältnismäßige Belastung");
        await page.getByRole("button", { name: "Erklärung speichern" }).click();
        // A mistyped address: the same page, its title starting with "Fehler:", the input kept.
        await expect.poll(() => page.title()).toMatch(/^Fehler: /);
        expect(
          await page
            .getByRole("group", { name: "Nicht barrierefreier Inhalt 1" })
            .getByLabel("Inhalt", { exact: true })
            .inputValue(),
        ).toBe("Sitzungsprotokolle vor 2020 (gescannte PDF)");
        await expectAccessible(page);

        await page.getByLabel("E-Mail-Adresse für Rückmeldungen").fill(contact);
        await page.getByRole("button", { name: "Erklärung speichern" }).click();
        await page.waitForURL(/gespeichert=ja/);
        expect(await page.title()).not.toMatch(/^Fehler/);

        await page.goto("/kleve/");
        const footer = page.getByRole("contentinfo");
        expect(
          await footer
            .getByRole("link", { name: "Erklärung zur Barrierefreiheit" })
            .getAttribute("href"),
        ).toBe("/kleve/barrierefreiheit");
        expect(
          await footer
            .getByRole("link", { name: "Barriere melden" })
            .getAttribute("href"),
        ).toBe("/kleve/barriere-melden");
        await footer
          .getByRole("link", { name: "Erklärung zur Barrierefreiheit" })
          .click();
        await page.waitForURL("**/kleve/barrierefreiheit");
        // Public pages may be reused for 60 s (Cache-Control, ADR 0018); another test of
        // this browser may have opened the statement before it was saved: ask again.
        await page.reload();
        const main = page.getByRole("main");
        expect(await main.textContent()).toContain(
          "wegen der unten aufgeführten Unvereinbarkeiten teilweise",
        );
        expect(
          await main
            .getByRole("table", {
              name: "Nicht barrierefreie Inhalte, Gründe und Alternativen",
            })
            .textContent(),
        ).toContain("Sitzungsprotokolle vor 2020");
        expect(await main.textContent()).toContain("innerhalb eines Monats");
        expect(await main.textContent()).toContain("28.11.2022");
        expect(await main.textContent()).toContain(
          "Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen",
        );
        expect(
          await main.getByRole("link", { name: contact }).getAttribute("href"),
        ).toBe(`mailto:${contact}`);
        expect(
          await main
            .getByRole("link", { name: "Formular „Barriere melden“" })
            .getAttribute("href"),
        ).toBe("/kleve/barriere-melden");
        await expectAccessible(page);

        await page.goto("/kleve/barrierefreiheit?lang=en");
        expect(
          await page.getByRole("heading", { level: 1 }).textContent(),
        ).toBe("Accessibility statement");
        // The municipality's own entry is German content on the English page.
        expect(
          await page
            .getByRole("rowheader", { name: /Sitzungsprotokolle/ })
            .getAttribute("lang"),
        ).toBe("de");
        await expectAccessible(page);

        const json = await page.request.get("/kleve/barrierefreiheit.json");
        expect(json.status()).toBe(200);
        expect(await json.json()).toMatchObject({
          status: "partial",
          nonAccessibleContent: [
            {
              content: "Sitzungsprotokolle vor 2020 (gescannte PDF)",
              reason: "unverhältnismäßige Belastung",
            },
          ],
          preparation: {
            lastReview: "2022-11-28",
            method: "self-assessment",
          },
          feedback: { email: contact, answerWithinMonths: 1 },
          enforcement: { land: "Nordrhein-Westfalen" },
        });
      } finally {
        await page.close();
      }
    }, 120_000);

    it("asks before a measure is deleted, and keeps it when the person cancels", async () => {
      const page = await signInNewStaff(rig, "editor", javaScriptEnabled);
      try {
        await page.goto("/kleve/verwaltung/projekte/e-rechnungsworkflow");
        const { entry } = await getProject(
          rig.ctx,
          "kleve",
          "e-rechnungsworkflow",
        );
        const measure = entry.project.measures.at(-1)!;
        const form = page.locator(`#massnahme-${measure.id}`);
        await form.getByRole("button", { name: "Löschen" }).click();
        await expect
          .poll(() => page.getByRole("heading", { level: 1 }).textContent())
          .toBe(`Maßnahme „${measure.title}“ löschen?`);
        // The question is a page of its own: nothing is deleted yet.
        const asked = await getProject(rig.ctx, "kleve", "e-rechnungsworkflow");
        expect(asked.entry.project.measures.map((m) => m.id)).toContain(
          measure.id,
        );
        await expectAccessible(page);
        await page
          .getByRole("link", { name: "Abbrechen und zurück zum Projekt" })
          .click();
        await expect
          .poll(() => new URL(page.url()).pathname)
          .toBe("/kleve/verwaltung/projekte/e-rechnungsworkflow");

        await form.getByRole("button", { name: "Löschen" }).click();
        await page
          .getByRole("button", { name: "Ja, endgültig löschen" })
          .click();
        await page.waitForURL(/gespeichert=massnahme-geloescht/);
        const deleted = await getProject(
          rig.ctx,
          "kleve",
          "e-rechnungsworkflow",
        );
        expect(deleted.entry.project.measures.map((m) => m.id)).not.toContain(
          measure.id,
        );
      } finally {
        await page.close();
      }
    });

    /**
     * A project of the demo with what the test deletes, one per mode, so that the two
     * modes never delete the same thing whatever order they run in (a phase test and a
     * dependency test may share a project: each reads the page afresh).
     */
    async function projectWith(
      what: (project: Project) => boolean,
    ): Promise<Project> {
      const candidates = listProjects(await getCatalogue(rig.ctx, "kleve"))
        .map((entry) => entry.project)
        .filter(what);
      const project = candidates[javaScriptEnabled ? 0 : 1];
      if (project === undefined)
        throw new Error("the demo has too few projects for this test");
      return project;
    }

    async function projectNow(slug: string): Promise<Project> {
      return (await getProject(rig.ctx, "kleve", slug)).entry.project;
    }

    it("asks before a phase is deleted, keeps it when the person cancels, and deletes it only when confirmed", async () => {
      const project = await projectWith((each) => each.phases.length > 0);
      const phase = project.phases.at(-1)!;
      const page = await signInNewStaff(rig, "admin", javaScriptEnabled);
      try {
        const projectPath = `/kleve/verwaltung/projekte/${project.slug}`;
        await page.goto(projectPath);
        const form = page.locator(`#phase-${phase.id}`);
        await form.getByRole("button", { name: "Phase löschen" }).click();
        await expect
          .poll(() => page.getByRole("heading", { level: 1 }).textContent())
          .toBe(`Phase „${phase.label}“ löschen?`);
        // The question is a page of its own: nothing is deleted yet.
        expect(
          (await projectNow(project.slug)).phases.map((p) => p.id),
        ).toContain(phase.id);
        await expectAccessible(page);
        await page
          .getByRole("link", { name: "Abbrechen und zurück zum Projekt" })
          .click();
        await expect.poll(() => new URL(page.url()).pathname).toBe(projectPath);
        expect(
          (await projectNow(project.slug)).phases.map((p) => p.id),
        ).toContain(phase.id);

        await form.getByRole("button", { name: "Phase löschen" }).click();
        await page
          .getByRole("button", { name: "Ja, endgültig löschen" })
          .click();
        await page.waitForURL(/gespeichert=phase-geloescht/);
        await expectAccessible(page);
        expect(
          (await projectNow(project.slug)).phases.map((p) => p.id),
        ).not.toContain(phase.id);
      } finally {
        await page.close();
      }
    });

    it("asks before a dependency is removed, keeps it when the person cancels, and removes it only when confirmed", async () => {
      const project = await projectWith((each) => each.dependsOn.length > 0);
      const dependsOn = project.dependsOn[0]!;
      const other = listProjects(await getCatalogue(rig.ctx, "kleve")).find(
        (entry) => entry.project.slug === dependsOn,
      )!.project;
      const page = await signInNewStaff(rig, "admin", javaScriptEnabled);
      try {
        const projectPath = `/kleve/verwaltung/projekte/${project.slug}`;
        await page.goto(projectPath);
        const form = page.locator(`#abhaengigkeit-${dependsOn}`);
        await form.getByRole("button", { name: "Entfernen" }).click();
        await expect
          .poll(() => page.getByRole("heading", { level: 1 }).textContent())
          .toBe(`Abhängigkeit von „${other.code} ${other.title}“ entfernen?`);
        expect((await projectNow(project.slug)).dependsOn).toContain(dependsOn);
        await expectAccessible(page);
        await page
          .getByRole("link", { name: "Abbrechen und zurück zum Projekt" })
          .click();
        await expect.poll(() => new URL(page.url()).pathname).toBe(projectPath);
        expect((await projectNow(project.slug)).dependsOn).toContain(dependsOn);

        await form.getByRole("button", { name: "Entfernen" }).click();
        await page
          .getByRole("button", { name: "Ja, endgültig löschen" })
          .click();
        await page.waitForURL(/gespeichert=abhaengigkeit-entfernt/);
        await expectAccessible(page);
        expect((await projectNow(project.slug)).dependsOn).not.toContain(
          dependsOn,
        );
      } finally {
        await page.close();
      }
    });
  },
);
