/**
 * The pages to follow a municipality by e-mail meet WCAG 2.1 AA as far as axe can tell:
 * the form empty, after a request, and with an invalid address (a German message at the
 * field, nothing stored); the pages of the confirmation and unsubscribe links of the
 * mail before and after their button (opening a link changes nothing, the button does),
 * and a used link's error page. The form empty and after a request is checked with
 * JavaScript and without; confirming, unsubscribing and the invalid address are form
 * journeys the script does not change, so they run once, without JavaScript
 * (docs/adr/0061-form-journeys-once-pages-in-both-modes.md).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MailMessage } from "../../src/app/mail/mailer.js";
import {
  findAccessibilityViolations,
  FORM_JOURNEY_MODES,
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

/** The path of a link of the mail (the mail names the public base URL). */
function linkIn(text: string, kind: "bestaetigen" | "abmelden"): string {
  const match = new RegExp(
    `https://portal\\.example(/kleve/benachrichtigungen/${kind}/[A-Za-z0-9_-]+)`,
  ).exec(text);
  if (match?.[1] === undefined) throw new Error(`no ${kind} link in ${text}`);
  return match[1];
}

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
  },
);

describe.each(FORM_JOURNEY_MODES)(
  "the Benachrichtigungen page $mode",
  ({ javaScriptEnabled }) => {
    it("confirms and unsubscribes through the pages of the mail's links, each without axe violations", async () => {
      const email = `folgt-${String(javaScriptEnabled)}@example.org`;
      const subscription = () =>
        rig.ctx.db
          .selectFrom("feed_subscription")
          .select(["id", "confirmed_at"])
          .where("email", "=", email)
          .executeTakeFirst();
      const page = await rig.newPage(javaScriptEnabled);
      try {
        await page.goto("/kleve/benachrichtigungen");
        await page.fill("#email", email);
        await Promise.all([
          page.waitForURL(/angefragt=ja/),
          page.click("button[type=submit]"),
        ]);
        const mail = sent.find((message) => message.to === email);
        expect(mail).toBeDefined();
        const confirm = linkIn(mail?.text ?? "", "bestaetigen");
        const unsubscribe = linkIn(mail?.text ?? "", "abmelden");

        // Opening the confirmation link changes nothing; its button confirms.
        expect((await page.goto(confirm))?.status()).toBe(200);
        expect(await page.textContent("h1")).toContain("Adresse bestätigen");
        expect(await findAccessibilityViolations(page)).toEqual([]);
        expect((await subscription())?.confirmed_at).toBeNull();
        const [confirmed] = await Promise.all([
          page.waitForResponse((each) => each.request().method() === "POST"),
          page
            .getByRole("button", { name: "Ja, Benachrichtigungen erhalten" })
            .click(),
        ]);
        expect(confirmed.status()).toBe(200);
        await page.waitForSelector("text=Adresse bestätigt");
        expect(await findAccessibilityViolations(page)).toEqual([]);
        expect((await subscription())?.confirmed_at).not.toBeNull();

        // Opening the unsubscribe link keeps the address; its button deletes it.
        expect((await page.goto(unsubscribe))?.status()).toBe(200);
        expect(await page.textContent("h1")).toContain(
          "Benachrichtigungen abbestellen",
        );
        expect(await findAccessibilityViolations(page)).toEqual([]);
        expect(await subscription()).toBeDefined();
        const [unsubscribed] = await Promise.all([
          page.waitForResponse((each) => each.request().method() === "POST"),
          page
            .getByRole("button", { name: "Abbestellen und Adresse löschen" })
            .click(),
        ]);
        expect(unsubscribed.status()).toBe(200);
        await page.waitForSelector("h1:has-text('Abbestellt')");
        expect(await findAccessibilityViolations(page)).toEqual([]);
        expect(await subscription()).toBeUndefined();

        // The used link: a clear error page, nothing stored again.
        await page.goto(unsubscribe);
        const [refused] = await Promise.all([
          page.waitForResponse((each) => each.request().method() === "POST"),
          page
            .getByRole("button", { name: "Abbestellen und Adresse löschen" })
            .click(),
        ]);
        expect(refused.status()).toBe(404);
        await page.waitForSelector(
          "text=Diese Adresse folgt hier nicht (mehr).",
        );
        expect(await findAccessibilityViolations(page)).toEqual([]);
        expect(await subscription()).toBeUndefined();
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
