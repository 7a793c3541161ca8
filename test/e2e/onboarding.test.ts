/**
 * A new municipality from the browser: an operator (created as
 * `fortschritt operator add` does) signs in with password and code, creates a municipality from the Kleve
 * template (after a wrong Regionalschlüssel is explained), and invites its
 * administrator; without mail the link is shown once. The administrator opens the link,
 * sets a password, sets up the second factor and lands on the first steps of the new
 * municipality. Axe (WCAG 2.1 AA) checks every page on the way.
 *
 * The journey sends forms the script does not change, so it runs once, without JavaScript
 * (docs/adr/0061-form-journeys-once-pages-in-both-modes.md).
 */
import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt } from "../../src/app/auth/totp.js";
import { createTestOperator } from "../support/accounts.js";
import {
  findAccessibilityViolations,
  FORM_JOURNEY_MODES,
  openBrowserRig,
  type BrowserRig,
} from "../support/browser.js";

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

async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await findAccessibilityViolations(page), what).toEqual([]);
}

/** A code that the test clock accepts once more (the once-only rule is tested elsewhere). */
async function freshCode(userId: number, secret: string): Promise<string> {
  await rig.ctx.db
    .updateTable("user_account")
    .set({ last_totp_step: null })
    .where("id", "=", userId)
    .execute();
  return totpCodeAt(secret, rig.ctx.clock());
}

describe.each(FORM_JOURNEY_MODES)(
  "a new municipality from the browser $mode",
  ({ javaScriptEnabled }) => {
    it("an operator creates a municipality from a template and invites its administrator, who reaches the first steps", async () => {
      const slug = `goch-${randomBytes(3).toString("hex")}`;
      const operator = await createTestOperator(rig.ctx);
      const page = await rig.newPage(javaScriptEnabled);
      await page.context().clearCookies();
      await page.goto("/anmelden");
      await page.locator("#email").fill(operator.email);
      await page.locator("#password").fill(operator.password);
      await page.getByRole("button", { name: "Anmelden", exact: true }).click();
      await page.waitForURL(/\/anmelden\/zweiter-faktor/);
      await page
        .locator("#code")
        .fill(await freshCode(operator.userId, operator.totpSecret!));
      await page.getByRole("button", { name: "Bestätigen" }).click();
      await expect
        .poll(() => new URL(page.url()).pathname)
        .not.toMatch(/^\/anmelden/);

      await page.goto("/betrieb/");
      await expectAccessible(page, "the operators' overview");
      await page.getByRole("link", { name: "Kommune anlegen" }).click();
      await page.waitForURL(/\/betrieb\/kommune-anlegen$/);
      await expectAccessible(page, "the form to create a municipality");
      await page.getByLabel("Name", { exact: true }).fill("Stadt Goch");
      await page.getByLabel("Kurzname").fill(slug);
      await page
        .getByLabel("Bundesland")
        .selectOption({ label: "Nordrhein-Westfalen" });
      await page.getByLabel("Amtlicher Regionalschlüssel").fill("091540020020");
      await page
        .getByLabel("Aufbau von Stadt Kleve (kleve) übernehmen")
        .check();
      await page.getByRole("button", { name: "Kommune anlegen" }).click();
      await page.getByRole("alert").waitFor({ state: "visible" });
      expect(await page.getByRole("alert").innerText()).toContain(
        "Der Regionalschlüssel beginnt mit 09, Nordrhein-Westfalen hat aber den Schlüssel 05.",
      );
      await expectAccessible(page, "the form with a wrong Regionalschlüssel");
      await page.getByLabel("Amtlicher Regionalschlüssel").fill("051540020020");
      await page.getByRole("button", { name: "Kommune anlegen" }).click();
      await page.waitForURL(new RegExp(`/betrieb/kommunen/${slug}\\?`));
      expect(await page.getByRole("status").first().innerText()).toContain(
        "mit dem Aufbau von kleve angelegt",
      );
      await expectAccessible(page, "the new municipality's operator page");

      const email = `admin-${slug}@goch.example`;
      await page.getByLabel("E-Mail-Adresse").fill(email);
      await page.getByLabel("Name", { exact: true }).fill("Greta Goch");
      await page.getByRole("button", { name: "Einladung verschicken" }).click();
      const link = (await page.locator("code.app-secret").innerText()).trim();
      expect(link).toMatch(/\/passwort-neu\/[A-Za-z0-9_-]{20,}$/);
      await expectAccessible(page, "the invitation link shown once");

      // The administrator, in a browser of their own.
      const admin = await rig.newPage(javaScriptEnabled);
      await admin.context().clearCookies();
      await admin.goto(new URL(link).pathname);
      await expectAccessible(admin, "setting the password");
      const password = "Ein langes Passwort für Greta Goch";
      await admin.getByLabel("Neues Passwort").fill(password);
      await admin.getByRole("button", { name: "Passwort speichern" }).click();
      await admin.waitForURL(/\/anmelden\?passwort=neu/);
      await admin.locator("#email").fill(email);
      await admin.locator("#password").fill(password);
      await admin
        .getByRole("button", { name: "Anmelden", exact: true })
        .click();
      await admin.waitForURL(/\/anmelden\/zwei-faktor-einrichten/);
      const secret = (
        await admin.locator("code.app-secret").innerText()
      ).replace(/\s+/g, "");
      const account = await rig.ctx.db
        .selectFrom("user_account")
        .select("id")
        .where("email", "=", email)
        .executeTakeFirstOrThrow();
      await admin
        .getByLabel(/Geben Sie den Code ein/)
        .fill(await freshCode(account.id, secret));
      await admin
        .getByRole("button", { name: "Zweiten Faktor aktivieren" })
        .click();
      await admin.getByRole("link", { name: "Weiter" }).click();
      await admin.goto(`/${slug}/verwaltung/`);
      expect(
        await admin.getByRole("heading", { name: "Erste Schritte" }).count(),
      ).toBeGreaterThan(0);
      expect(await admin.locator("main").innerText()).toContain(
        "Programm beschreiben",
      );
      await expectAccessible(admin, "the first steps of the new municipality");
    });
  },
);
