/**
 * Participation in the browser, axe on every page: a citizen
 * submits an idea about a project without an account and confirms the address; an
 * administrator publishes it, links it to a measure and marks it "übernommen"; the status
 * mail arrives at the local SMTP sink; the project page and the open data show the idea and
 * the decision without the address; a rejected idea shows its reason; a barrier report sent
 * with the form the accessibility statement links to shows up as overdue in the staff queue
 * after 30 days (the clock is moved); a filled honeypot and 20 posts in one minute from one
 * connection and one address are refused with a clear message, and nothing beyond the limit
 * is stored (counted by the test's own titles, never all rows). The same steps on both
 * databases, and the status mail in the submitter's language: test/db/participation.test.ts.
 *
 * The journeys that sign in or send forms run once, without JavaScript, since the script
 * does not change these forms; the page of a rejected idea is checked with JavaScript and
 * without (docs/adr/0061-form-journeys-once-pages-in-both-modes.md).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { totpCodeAt } from "../../src/app/auth/totp.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { createSmtpMailer } from "../../src/app/mail/mailer.js";
import {
  changeParticipationSettings,
  getQueue,
  moderateItem,
  submitItem,
} from "../../src/app/participation/participation.js";
import { ANONYMOUS } from "../../src/domain/access/principal.js";
import { listProjects } from "../../src/domain/catalogue/catalogue.js";
import { createTestUser } from "../support/accounts.js";
import {
  findAccessibilityViolations,
  FORM_JOURNEY_MODES,
  JAVASCRIPT_MODES,
  openBrowserRig,
  type BrowserRig,
} from "../support/browser.js";
import { TEST_NOW } from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink.js";

let rig: BrowserRig;
let sink: SmtpSink;
let now = TEST_NOW;
const DAY = 24 * 60 * 60_000;

/** Moves the clock past the rate limit's window, so that each test starts with a fresh count. */
function nextWindow(): void {
  now = new Date(now.getTime() + 11 * 60_000);
}

beforeAll(async () => {
  sink = await startSmtpSink();
  rig = await openBrowserRig({
    clock: () => now,
    mail: {
      mailer: createSmtpMailer({ url: sink.url, from: "portal@kleve.example" }),
      publicBaseUrl: "https://portal.example",
    },
  });
  const kleve = (await getCatalogue(rig.ctx, "kleve")).municipality.id;
  await changeParticipationSettings(
    rig.ctx,
    buildPrincipal(kleve, { role: "admin", orgUnitCodes: [] }),
    {
      municipality: "kleve",
      mode: "public",
      overdueDays: 30,
      retentionDays: 180,
    },
  );
}, 120_000);
afterAll(async () => {
  await rig?.close();
  await sink?.close();
});

/** How many items carry one of these titles (only this test's own rows). */
async function countTitled(titles: readonly string[]): Promise<number> {
  const row = await rig.ctx.db
    .selectFrom("participation_item")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("title", "in", [...titles])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function nthMail(address: string, n: number): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mails = sink.messages.filter((mail) => mail.to.includes(address));
    if (mails.length >= n) return mails[n - 1]!.text;
    if (Date.now() > deadline) throw new Error(`no mail ${n} to ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Submits the page's own form (not the account bar's sign-out form). */
async function submitThroughForm(page: Page): Promise<void> {
  await Promise.all([
    page.waitForResponse((each) => each.request().method() === "POST"),
    page.click(
      "main form[method=post]:not([action='/abmelden']) button[type=submit]",
    ),
  ]);
  await page.waitForLoadState("domcontentloaded");
}

describe.each(JAVASCRIPT_MODES)(
  "participation $mode",
  ({ javaScriptEnabled }) => {
    const mode = javaScriptEnabled ? "js" : "nojs";

    it("shows the reason of a rejected idea", async () => {
      nextWindow();
      const kleve = (await getCatalogue(rig.ctx, "kleve")).municipality.id;
      const moderator = buildPrincipal(kleve, {
        role: "admin",
        orgUnitCodes: [],
      });
      const { id } = await submitItem(rig.ctx, null, ANONYMOUS, {
        municipality: "kleve",
        kind: "idea",
        title: `Eigene App (${mode})`,
        body: "Die Stadt sollte eine eigene App bauen.",
        project: "",
        email: "",
        honeypot: "",
      });
      await moderateItem(rig.ctx, null, moderator, {
        municipality: "kleve",
        id,
        expectedVersion: 1,
        publish: true,
        status: "rejected",
        note: "Das Landesportal bietet diese Dienste schon an.",
        orgUnit: "",
        linkProject: "",
        linkMeasure: "",
        linkEdition: "",
        mergedInto: "",
      });
      const page = await rig.newPage(javaScriptEnabled);
      try {
        await page.goto("/kleve/ideen");
        await page.getByRole("link", { name: `Eigene App (${mode})` }).click();
        await page.waitForURL(new RegExp(`/kleve/ideen/${id}$`));
        const main = (await page.textContent("main")) ?? "";
        expect(main).toContain("abgelehnt");
        expect(main).toContain(
          "Das Landesportal bietet diese Dienste schon an.",
        );
        expect(await findAccessibilityViolations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    }, 120_000);
  },
);

describe.each(FORM_JOURNEY_MODES)(
  "participation $mode",
  ({ javaScriptEnabled }) => {
    const mode = javaScriptEnabled ? "js" : "nojs";

    async function signInAsAdmin(): Promise<Page> {
      const user = await createTestUser(rig.ctx, {
        role: "admin",
        orgUnitCodes: [],
      });
      const page = await rig.newPage(javaScriptEnabled);
      await page.context().clearCookies();
      await page.goto("/anmelden");
      await page.locator("#email").fill(user.email);
      await page.locator("#password").fill(user.password);
      await page.getByRole("button", { name: "Anmelden", exact: true }).click();
      await page
        .locator("#code")
        .fill(
          totpCodeAt(
            user.totpSecret!,
            new Date(rig.ctx.clock().getTime() + 30_000),
          ),
        );
      await page.getByRole("button", { name: "Bestätigen" }).click();
      await page.waitForURL(/\/kleve\/verwaltung\//);
      return page;
    }

    it("takes an idea without an account to a published decision, mailed and shown on the project and in the open data", async () => {
      nextWindow();
      const catalogue = await getCatalogue(rig.ctx, "kleve");
      const { project } = listProjects(catalogue).find(
        (entry) => entry.project.measures.length > 0,
      )!;
      const measure = project.measures[0]!;
      const email = `buergerin-${mode}@example.org`;
      const title = `Termine online buchen (${mode})`;
      const citizen = await rig.newPage(javaScriptEnabled);
      try {
        await citizen.context().clearCookies();
        await citizen.goto(`/kleve/ideen/einreichen?projekt=${project.slug}`);
        expect(await citizen.textContent("main")).toContain(
          "Was wir speichern und wie lange",
        );
        expect(await findAccessibilityViolations(citizen)).toEqual([]);
        await citizen.fill("#titel", title);
        await citizen.fill(
          "#text",
          "Termine im Bürgerbüro sollten auch abends online buchbar sein.",
        );
        await citizen.fill("#email", email);
        await submitThroughForm(citizen);
        await citizen.waitForURL(/\/kleve\/ideen\/zurueckziehen\//);
        expect(await citizen.textContent("main")).toContain(
          "Vielen Dank, Ihr Beitrag ist eingegangen",
        );
        expect(await findAccessibilityViolations(citizen)).toEqual([]);
        const confirmation = await nthMail(email, 1);
        const confirmPath = /\/kleve\/ideen\/bestaetigen\/[A-Za-z0-9_-]+/.exec(
          confirmation,
        )![0];
        await citizen.goto(confirmPath);
        expect(await citizen.textContent("main")).toContain(
          "Adresse bestätigt",
        );
      } finally {
        await citizen.close();
      }

      const admin = await signInAsAdmin();
      try {
        await admin.goto("/kleve/verwaltung/beteiligung");
        expect(await findAccessibilityViolations(admin)).toEqual([]);
        await admin.getByRole("link", { name: title }).click();
        await admin.waitForURL(/\/kleve\/verwaltung\/beteiligung\/\d+/);
        expect(await findAccessibilityViolations(admin)).toEqual([]);
        await admin.check("#veroeffentlichen");
        await admin.selectOption("#status", "adopted");
        await admin.selectOption("#projekt", project.slug);
        await admin.selectOption("#massnahme", String(measure.id));
        await admin.fill(
          "#begruendung",
          "Wird mit der Online-Terminvergabe umgesetzt.",
        );
        await submitThroughForm(admin);
        await admin.waitForURL(/gespeichert=ja/);
        expect(await findAccessibilityViolations(admin)).toEqual([]);
      } finally {
        await admin.close();
      }

      const mail = await nthMail(email, 2);
      expect(mail).toContain("übernommen");
      expect(mail).toContain(measure.title);

      const reader = await rig.newPage(javaScriptEnabled);
      try {
        await reader.context().clearCookies();
        await reader.goto(`/kleve/projekte/${project.slug}`);
        const main = (await reader.textContent("main")) ?? "";
        expect(main).toContain("Ideen zu diesem Projekt");
        expect(main).toContain(title);
        expect(main).toContain("Wird mit der Online-Terminvergabe umgesetzt.");
        expect(main).not.toContain(email);
        expect(await findAccessibilityViolations(reader)).toEqual([]);
        const data = await reader.request.get("/kleve/offene-daten/ideen.json");
        const text = await data.text();
        expect(text).toContain(title);
        expect(text).toContain("übernommen");
        expect(text).toContain(measure.title);
        expect(text).not.toContain(email);
      } finally {
        await reader.close();
      }
    }, 180_000);

    it("shows a barrier report as overdue to staff after 30 days", async () => {
      nextWindow();
      const title = `Kontrast im Menü (${mode})`;
      const citizen = await rig.newPage(javaScriptEnabled);
      try {
        // From the accessibility statement, reached from the footer of every page.
        await citizen.goto("/kleve");
        await citizen
          .locator("footer")
          .getByRole("link", { name: "Erklärung zur Barrierefreiheit" })
          .click();
        await citizen.waitForURL(/\/kleve\/barrierefreiheit$/);
        expect(await findAccessibilityViolations(citizen)).toEqual([]);
        await citizen
          .locator("main")
          .getByRole("link", { name: "Formular „Barriere melden“" })
          .click();
        await citizen.waitForURL(/\/kleve\/barriere-melden$/);
        expect(await findAccessibilityViolations(citizen)).toEqual([]);
        await citizen.fill("#titel", title);
        await citizen.fill(
          "#text",
          "Die Schrift im Menü ist zu hell auf Weiß.",
        );
        await submitThroughForm(citizen);
        await citizen.waitForURL(/\/kleve\/ideen\/zurueckziehen\//);
      } finally {
        await citizen.close();
      }
      const start = now;
      const barrier = await rig.ctx.db
        .selectFrom("participation_item")
        .select("id")
        .where("title", "=", title)
        .executeTakeFirstOrThrow();
      const queue = await getQueue(
        rig.ctx,
        buildPrincipal((await getCatalogue(rig.ctx, "kleve")).municipality.id, {
          role: "editor",
        }),
        "kleve",
        { kind: "barrier" },
      );
      expect(
        queue.items.find((each) => each.item.id === Number(barrier.id))
          ?.isOverdue,
      ).toBe(false);
      // A month later (signed in then: a session ends after 30 idle minutes).
      now = new Date(start.getTime() + 30 * DAY);
      const admin = await signInAsAdmin();
      try {
        await admin.goto(
          "/kleve/verwaltung/beteiligung?art=barrier&ueberfaellig=ja",
        );
        const row = admin.locator("tr", { hasText: title });
        expect(await row.locator("[data-overdue]").textContent()).toBe(
          "überfällig",
        );
        expect(await row.textContent()).toContain("30 Tage");
        expect(await findAccessibilityViolations(admin)).toEqual([]);
      } finally {
        now = new Date(start.getTime() + 31 * DAY);
        await admin.close();
      }
    }, 180_000);

    it("refuses a filled honeypot and the posts beyond five of twenty in a minute from one connection and address, with a clear message, storing none of them", async () => {
      nextWindow();
      const page = await rig.newPage(javaScriptEnabled);
      try {
        await page.goto("/kleve/ideen/einreichen");
        const csrf = await page
          .locator("input[name=_csrf]")
          .getAttribute("value");
        const advert = `Werbung (${mode})`;
        const bot = await page.request.post("/kleve/ideen/einreichen", {
          form: {
            _csrf: csrf ?? "",
            art: "idea",
            titel: advert,
            text: "Kaufen Sie jetzt günstig ein!",
            projekt: "",
            email: "",
            webseite: "https://spam.example",
          },
        });
        expect(bot.status()).toBe(400);
        expect(await bot.text()).toContain(
          "Ihr Beitrag wurde nicht gespeichert",
        );
        expect(await countTitled([advert])).toBe(0);

        // Twenty posts within the same minute (the clock stands still), one address.
        const address = `eilig-${mode}@example.org`;
        const titles = Array.from(
          { length: 20 },
          (_, index) => `Beitrag ${index + 1} (${mode})`,
        );
        for (const title of titles) {
          await page.goto("/kleve/ideen/einreichen");
          await page.fill("#titel", title);
          await page.fill("#text", "Noch ein Beitrag in derselben Minute.");
          await page.fill("#email", address);
          await submitThroughForm(page);
        }
        // The first five are taken; none of the fifteen refused ones is stored.
        expect(await countTitled(titles.slice(0, 5))).toBe(5);
        expect(await countTitled(titles.slice(5))).toBe(0);
        const main = (await page.textContent("main")) ?? "";
        expect(main).toContain("Zu viele Beiträge in kurzer Zeit");
        expect(main).toContain("nicht gespeichert");
        // What was typed is still there.
        expect(await page.inputValue("#titel")).toBe(titles[19]);
        expect(await findAccessibilityViolations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    }, 300_000);
  },
);
