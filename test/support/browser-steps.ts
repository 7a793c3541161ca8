/**
 * Steps that browser tests share: signing in through the real pages (password, then the
 * code of the second factor when one is asked for) and uploading a file through an
 * upload form to the page that previews it. Both run with JavaScript and without.
 *
 * Stable API — other test files rely on it:
 *   signInInBrowser(rig, page, user, { landing? }) → signs in; waits until the page left /anmelden
 *   signInNewStaff(rig, role, javaScriptEnabled) → a new administrator or editor of 10.1, signed in on a new page
 *   freshTotpCode(rig, user) → a code the test clock accepts (the once-only rule is tested elsewhere)
 *   uploadForPreview(page, { path, file, button, previewPath, fields?, check? }) → waits for the preview
 */
/// <reference lib="dom" />
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { totpCodeAt } from "../../src/app/auth/totp.js";
import { createTestUser } from "./accounts.js";
import type { BrowserRig } from "./browser.js";

/** What signing in needs of an account (a TestUser has it). */
export interface BrowserAccount {
  readonly userId: number;
  readonly email: string;
  readonly password: string;
  readonly totpSecret: string | null;
}

/**
 * A code that the test clock accepts once more: the step last used is forgotten, so a
 * person may sign in twice in one test (the once-only rule has tests of its own).
 */
export async function freshTotpCode(
  rig: BrowserRig,
  account: Pick<BrowserAccount, "userId" | "totpSecret">,
): Promise<string> {
  if (account.totpSecret === null)
    throw new Error("this account has no second factor");
  await rig.ctx.db
    .updateTable("user_account")
    .set({ last_totp_step: null })
    .where("id", "=", account.userId)
    .execute();
  return totpCodeAt(account.totpSecret, rig.ctx.clock());
}

/**
 * Signs in on /anmelden with e-mail and password, and with the code when the second
 * factor is asked for. With `landing`, waits for that path (e.g. "/kleve/verwaltung/");
 * otherwise until the page has left the sign-in pages.
 */
export async function signInInBrowser(
  rig: BrowserRig,
  page: Page,
  account: BrowserAccount,
  options: { readonly landing?: string } = {},
): Promise<void> {
  await page.context().clearCookies();
  await page.goto("/anmelden");
  await page.locator("#email").fill(account.email);
  await page.locator("#password").fill(account.password);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/anmelden");
  if (new URL(page.url()).pathname.startsWith("/anmelden/zweiter-faktor")) {
    await page.locator("#code").fill(await freshTotpCode(rig, account));
    await page.getByRole("button", { name: "Bestätigen" }).click();
  }
  if (options.landing === undefined)
    await expect
      .poll(() => new URL(page.url()).pathname)
      .not.toMatch(/^\/anmelden/);
  else
    await expect.poll(() => new URL(page.url()).pathname).toBe(options.landing);
}

/** Signs a new administrator of Kleve, or a new editor of its unit 10.1, in through the pages, on a new page of the mode. */
export async function signInNewStaff(
  rig: BrowserRig,
  role: "admin" | "editor",
  javaScriptEnabled: boolean,
): Promise<Page> {
  const user = await createTestUser(rig.ctx, {
    role,
    orgUnitCodes: role === "editor" ? ["10.1"] : [],
  });
  const page = await rig.newPage(javaScriptEnabled);
  await signInInBrowser(rig, page, user, { landing: "/kleve/verwaltung/" });
  return page;
}

/** An upload through a form that leads to a preview. */
export interface UploadForPreview {
  /** The page with the upload form. */
  readonly path: string;
  /** The file on disk. */
  readonly file: string;
  /** The accessible name of the submit button. */
  readonly button: string;
  /** A part of the preview page's address to wait for. */
  readonly previewPath: string;
  /** Further fields to fill, by CSS selector. */
  readonly fields?: Readonly<Record<string, string>>;
  /** The file input's CSS selector; "#import-datei" by default. */
  readonly input?: string;
  /** Runs on the upload page and on the preview (e.g. axe). */
  readonly check?: (page: Page) => Promise<void>;
}

/** Opens the upload page, chooses the file, submits and waits for the preview. */
export async function uploadForPreview(
  page: Page,
  upload: UploadForPreview,
): Promise<void> {
  await page.goto(upload.path);
  await upload.check?.(page);
  await page
    .locator(upload.input ?? "#import-datei")
    .setInputFiles(upload.file);
  for (const [selector, value] of Object.entries(upload.fields ?? {}))
    await page.locator(selector).fill(value);
  await page.getByRole("button", { name: upload.button }).click();
  await expect.poll(() => page.url()).toContain(upload.previewPath);
  await upload.check?.(page);
}
