/**
 * The page to follow a municipality by e-mail meets WCAG 2.1 AA as far as axe can tell,
 * with and without JavaScript: empty, after a request, and with an invalid address (a
 * German message at the field, nothing stored).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MailMessage } from "../../src/app/mail/mailer.js";
import {
  findAccessibilityViolations,
  JAVASCRIPT_MODES,
  openBrowserRig,
  type BrowserRig,
} from "../support/browser.js";

let rig: BrowserRig;
const sent: MailMessage[] = [];

beforeAll(async () => {
  rig = await openBrowserRig({
    mail: {
      mailer: { send: async (message) => void sent.push(message) },
      publicBaseUrl: "https://portal.example",
    },
  });
});
afterAll(async () => {
  await rig?.close();
});

describe.each(JAVASCRIPT_MODES)(
  "the Benachrichtigungen page $mode",
  ({ javaScriptEnabled }) => {
    it("has no axe violations, empty and after a request", async () => {
      const page = await rig.newPage(javaScriptEnabled);
      try {
        const response = await page.goto("/kleve/benachrichtigungen");
        expect(response?.status()).toBe(200);
        expect(await page.textContent("main")).toContain(
          "Was wir speichern und warum",
        );
        expect(await findAccessibilityViolations(page)).toEqual([]);
        await page.fill(
          "#email",
          `a11y-${String(javaScriptEnabled)}@example.org`,
        );
        await Promise.all([
          page.waitForURL(/angefragt=ja/),
          page.click("button[type=submit]"),
        ]);
        expect(await page.textContent("main")).toContain(
          "Bitte bestätigen Sie Ihre Adresse",
        );
        expect(await findAccessibilityViolations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it("shows an invalid address with a German message at the field and stores nothing", async () => {
      const page = await rig.newPage(javaScriptEnabled);
      try {
        await page.goto("/kleve/benachrichtigungen");
        const before = await rig.ctx.db
          .selectFrom("feed_subscription")
          .select("id")
          .execute();
        await page.fill("#email", "keine-adresse");
        const [response] = await Promise.all([
          page.waitForResponse((each) => each.request().method() === "POST"),
          page.click("button[type=submit]"),
        ]);
        expect(response.status()).toBe(400);
        await page.waitForSelector("#email[aria-invalid=true]");
        expect(await page.textContent("main")).toContain(
          "Bitte geben Sie eine E-Mail-Adresse in der Form name@beispiel.de ein.",
        );
        expect(await findAccessibilityViolations(page)).toEqual([]);
        expect(
          await rig.ctx.db
            .selectFrom("feed_subscription")
            .select("id")
            .execute(),
        ).toHaveLength(before.length);
      } finally {
        await page.close();
      }
    });
  },
);
