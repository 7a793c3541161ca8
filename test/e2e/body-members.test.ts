/**
 * A body's members in a real browser: the administration adds ten members through the
 * members form, choosing each one's visibility explicitly (five public, five internal);
 * a member without a choice is refused with a German error and not stored. The report
 * page of the body's meeting and the API name the five public members and none of the
 * others. Axe (WCAG 2.1 AA) checks the form, its error summary and the report page
 * (docs/adr/0032).
 *
 * The journey sends forms the script does not change, so it runs once, without JavaScript
 * (docs/adr/0061-form-journeys-once-pages-in-both-modes.md).
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getPublicBodies } from "../../src/app/open-data/public-records.js";
import { createTestUser } from "../support/accounts.js";
import { signInInBrowser } from "../support/browser-steps.js";
import {
  findAccessibilityViolations,
  FORM_JOURNEY_MODES,
  openBrowserRig,
  type BrowserRig,
} from "../support/browser.js";

let rig: BrowserRig;
/** The body of the demo report's meeting, and that report. */
let bodyId = 0;
let reportId = 0;

beforeAll(async () => {
  rig = await openBrowserRig({ demo: "with-reports" });
  const { meetings } = await getPublicBodies(rig.ctx, "kleve");
  const meeting = meetings.find((each) => each.reportIds.length > 0)!;
  bodyId = meeting.committeeId;
  reportId = meeting.reportIds[0]!;
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

describe.each(FORM_JOURNEY_MODES)(
  "a body's members $mode",
  ({ javaScriptEnabled }) => {
    // Both modes add to the same body: each mode's names carry their own word.
    const prefix = javaScriptEnabled ? "Skript" : "Ohneskript";

    async function signInAdmin(): Promise<Page> {
      const user = await createTestUser(rig.ctx, { role: "admin" });
      const page = await rig.newPage(javaScriptEnabled);
      await signInInBrowser(rig, page, user, { landing: "/kleve/verwaltung/" });
      return page;
    }

    it("adds ten members, five public; the portal and the API show only those five", async () => {
      const admin = await signInAdmin();
      const membersPath = `/kleve/verwaltung/gremien/${bodyId}/mitglieder`;
      try {
        await admin.goto(membersPath);
        await expectAccessible(admin);

        // No visibility chosen: a German error, nothing stored, the name kept.
        const refused = `${prefix} Unentschieden`;
        let form = admin.locator("#mitglied-neu");
        await form.getByLabel("Name", { exact: true }).fill(refused);
        await form.getByRole("button", { name: "Mitglied hinzufügen" }).click();
        // The refused form comes back with status 400 at the same address.
        const alert = admin.getByRole("alert");
        await expect
          .poll(() => alert.textContent())
          .toContain(
            "Bitte wählen Sie, ob der Name öffentlich erscheinen darf.",
          );
        expect(
          await admin
            .locator("#mitglied-neu")
            .getByLabel("Name", { exact: true })
            .inputValue(),
        ).toBe(refused);
        await expectAccessible(admin);

        for (let index = 1; index <= 10; index += 1) {
          const isPublic = index % 2 === 0;
          // After the refusal and after each addition, the page offers an empty form.
          form = admin.locator("#mitglied-neu");
          await form
            .getByLabel("Name", { exact: true })
            .fill(
              `${prefix} ${isPublic ? "Offen" : "Intern"} Mitglied ${index}`,
            );
          await form
            .getByLabel("Gruppe")
            .fill(index <= 5 ? "Bürgerschaft" : "Wirtschaft");
          if (index === 2) await form.getByLabel("Rolle").fill("Vorsitz");
          await form.getByLabel(isPublic ? /^Öffentlich/ : /^Intern/).check();
          await form
            .getByRole("button", { name: "Mitglied hinzufügen" })
            .click();
          await expect
            .poll(() => admin.url())
            .toContain("gespeichert=mitglied");
        }
        await expectAccessible(admin);
        const staffText = await admin.locator("main").innerText();
        for (let index = 1; index <= 10; index += 1)
          expect(staffText).toContain(
            `${prefix} ${index % 2 === 0 ? "Offen" : "Intern"} Mitglied ${index}`,
          );
        expect(staffText).not.toContain(refused);
      } finally {
        await admin.close();
      }

      // The public report page of the body's meeting: the five, no one else.
      const reader = await rig.newPage(javaScriptEnabled);
      try {
        const response = await reader.goto(`/kleve/berichte/${reportId}`);
        expect(response?.status()).toBe(200);
        const text = await reader.locator("main").innerText();
        for (const index of [2, 4, 6, 8, 10])
          expect(text).toContain(`${prefix} Offen Mitglied ${index}`);
        expect(text).not.toContain(`${prefix} Intern`);
        expect(text).not.toContain(`${prefix} Unentschieden`);
        expect(text).toContain("Vorsitz");
        await expectAccessible(reader);
      } finally {
        await reader.close();
      }

      // The API: the same five, no other of this mode's names.
      const bodies = await fetch(
        `${rig.baseUrl}/api/v1/municipalities/kleve/bodies`,
      );
      expect(bodies.status).toBe(200);
      const raw = await bodies.text();
      expect(raw).not.toContain(`${prefix} Intern`);
      expect(raw).not.toContain(`${prefix} Unentschieden`);
      const body = (
        JSON.parse(raw) as {
          bodies: { id: number; members: { name: string }[] }[];
        }
      ).bodies.find((each) => each.id === bodyId)!;
      expect(
        body.members
          .map((member) => member.name)
          .filter((name) => name.startsWith(`${prefix} `))
          .sort(),
      ).toEqual(
        [2, 4, 6, 8, 10]
          .map((index) => `${prefix} Offen Mitglied ${index}`)
          .sort(),
      );
      const meetings = await fetch(
        `${rig.baseUrl}/api/v1/municipalities/kleve/meetings`,
      );
      const meetingsText = await meetings.text();
      expect(meetingsText).not.toContain(`${prefix} Intern`);
    }, 180_000);
  },
);
