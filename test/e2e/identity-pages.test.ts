/**
 * Signing in, setting up the second factor, the account page and user management in a
 * real browser: every page passes axe (WCAG 2.1 AA). Signing in and setting up are form
 * journeys the script does not change: they run once, without JavaScript; the
 * forgotten-password pages are checked with JavaScript and without
 * (docs/adr/0061-form-journeys-once-pages-in-both-modes.md).
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import { createAccount } from "../../src/app/auth/manage-users.js";
import { totpCodeAt } from "../../src/app/auth/totp.js";
import { createTestUser, type TestUser } from "../support/accounts.js";
import {
  findAccessibilityViolations,
  FORM_JOURNEY_MODES,
  JAVASCRIPT_MODES,
  openBrowserRig,
  type BrowserRig,
} from "../support/browser.js";

let rig: BrowserRig;
let admin: TestUser;
const pages: Page[] = [];

beforeAll(async () => {
  rig = await openBrowserRig();
  admin = await createTestUser(rig.ctx, {
    role: "admin",
    name: "Ada Admin",
  });
});

afterEach(() => {
  expect(rig.takeScriptErrors()).toEqual([]);
});

afterAll(async () => {
  for (const page of pages) await page.close();
  await rig.close();
});

/** A page signed in as nobody: the tests of this file share a browser context, and each starts signed out. */
async function newPage(javaScriptEnabled: boolean): Promise<Page> {
  const page = await rig.newPage(javaScriptEnabled);
  await page.context().clearCookies();
  pages.push(page);
  return page;
}

async function expectAccessible(
  page: Page,
  what: string,
  mode: string,
): Promise<void> {
  expect(await findAccessibilityViolations(page), `${what} (${mode})`).toEqual(
    [],
  );
}

/** The current code, usable although the test clock stands still (the once-only rule is tested elsewhere). */
async function freshCode(
  user: { userId: number },
  secret: string,
): Promise<string> {
  await rig.ctx.db
    .updateTable("user_account")
    .set({ last_totp_step: null })
    .where("id", "=", user.userId)
    .execute();
  return totpCodeAt(secret, rig.ctx.clock());
}

describe.each(JAVASCRIPT_MODES)(
  "sign-in and account pages $mode",
  ({ mode, javaScriptEnabled }) => {
    it("offers an accessible forgotten-password page", async () => {
      const page = await newPage(javaScriptEnabled);
      await page.goto("/passwort-vergessen");
      await expectAccessible(page, "the forgotten-password page", mode);
      await page.goto("/passwort-neu/abgelaufener-link-0123456789");
      await expectAccessible(page, "an invalid reset link", mode);
    });
  },
);

describe.each(FORM_JOURNEY_MODES)(
  "sign-in and account pages $mode",
  ({ mode, javaScriptEnabled }) => {
    it("signs an administrator in with password and code, every step accessible", async () => {
      const page = await newPage(javaScriptEnabled);
      await page.goto("/anmelden?next=/konto");
      await expectAccessible(page, "the login form", mode);
      await page.getByLabel("E-Mail-Adresse").fill(admin.email);
      await page
        .getByLabel("Passwort", { exact: true })
        .fill("ein falsches Passwort");
      await page.getByRole("button", { name: "Anmelden" }).click();
      expect(await page.getByRole("alert").innerText()).toContain(
        "E-Mail-Adresse oder Passwort ist falsch",
      );
      await expectAccessible(page, "the login form with an error", mode);

      await page.getByLabel("Passwort", { exact: true }).fill(admin.password);
      await page.getByRole("button", { name: "Anmelden" }).click();
      await page.waitForURL(/\/anmelden\/zweiter-faktor/);
      await expectAccessible(page, "the second-factor form", mode);
      await page.getByLabel("Code").fill("000000");
      await page.getByRole("button", { name: "Bestätigen" }).click();
      // Axe runs on the answer, not on the page being left: wait until the error is shown.
      await page.getByRole("alert").waitFor({ state: "visible" });
      await expectAccessible(
        page,
        "the second-factor form with an error",
        mode,
      );
      await page
        .getByLabel("Code")
        .fill(await freshCode(admin, admin.totpSecret!));
      await page.getByRole("button", { name: "Bestätigen" }).click();
      await page.waitForURL(/\/konto$/);
      expect(
        (await page.getByRole("heading", { level: 1 }).innerText()).trim(),
      ).toBe("Mein Konto");
      await expectAccessible(page, "the account page", mode);

      await page.goto("/konto/zwei-faktor");
      await page
        .getByRole("img", { name: /QR-Code zum Einrichten/ })
        .waitFor({ state: "visible" });
      await expectAccessible(page, "setting up a new device", mode);

      await page.goto("/kleve/verwaltung/benutzer");
      expect(await page.getByRole("table").innerText()).toContain("Ada Admin");
      await expectAccessible(page, "the list of accounts", mode);
      await page.getByRole("link", { name: "Neues Konto anlegen" }).click();
      await page
        .getByRole("button", { name: "Konto anlegen" })
        .waitFor({ state: "visible" });
      await expectAccessible(page, "the form for a new account", mode);
      await page.getByRole("button", { name: "Konto anlegen" }).click();
      expect(await page.getByRole("alert").innerText()).toContain(
        "Bitte geben Sie eine E-Mail-Adresse ein.",
      );
      await expectAccessible(
        page,
        "the form for a new account with errors",
        mode,
      );
      await page
        .getByLabel("E-Mail-Adresse")
        .fill(`redaktion-${javaScriptEnabled ? "js" : "nojs"}@kleve.example`);
      await page.getByLabel("Name").fill("Rita Redaktion");
      await page.getByLabel("Redaktion", { exact: true }).check();
      await page.getByLabel("10.1", { exact: false }).first().check();
      await page.getByRole("button", { name: "Konto anlegen" }).click();
      await page
        .getByText("Das Konto wurde angelegt.")
        .waitFor({ state: "visible" });
      await expectAccessible(
        page,
        "an account just created, with its invitation link",
        mode,
      );

      await page.getByRole("button", { name: "Abmelden" }).click();
      await page.waitForURL(/\/anmelden\?abgemeldet=1/);
      expect(await page.getByRole("status").innerText()).toContain(
        "Sie haben sich abgemeldet.",
      );
      await expectAccessible(page, "the login form after signing out", mode);
    });

    it("leads a new editor through setting up the second factor to the recovery codes", async () => {
      const email = `einrichtung-${javaScriptEnabled ? "js" : "nojs"}@kleve.example`;
      const password = "Passwort für die Einrichtung im Browser";
      const account = await createAccount(rig.ctx, COMMAND_LINE, {
        municipalityId: admin.municipalityId,
        email,
        name: "Eva Einrichtung",
        role: "editor",
        orgUnitCodes: ["10.1"],
        password,
      });
      const page = await newPage(javaScriptEnabled);
      await page.goto("/anmelden?next=/konto");
      await page.getByLabel("E-Mail-Adresse").fill(email);
      await page.getByLabel("Passwort", { exact: true }).fill(password);
      await page.getByRole("button", { name: "Anmelden" }).click();
      await page.waitForURL(/\/anmelden\/zwei-faktor-einrichten/);
      await expectAccessible(
        page,
        "setting up the second factor at sign-in",
        mode,
      );
      const secret = (
        await page.locator("code.app-secret").innerText()
      ).replace(/\s+/g, "");
      await page
        .getByLabel(/Geben Sie den Code ein/)
        .fill(await freshCode({ userId: account.id }, secret));
      await page
        .getByRole("button", { name: "Zweiten Faktor aktivieren" })
        .click();
      expect(
        (await page.getByRole("heading", { level: 1 }).innerText()).trim(),
      ).toBe("Ihre Wiederherstellungscodes");
      expect(
        await page
          .getByRole("list", { name: "Wiederherstellungscodes" })
          .getByRole("listitem")
          .count(),
      ).toBe(10);
      await expectAccessible(page, "the recovery codes", mode);
      await page.getByRole("link", { name: "Weiter" }).click();
      await page.waitForURL(/\/konto$/);
    });
  },
);
