/**
 * A municipality starts on Fortschritt by itself, in a real browser, with axe (WCAG 2.1
 * AA) on every page. With JavaScript, the whole way: an operator created as
 * `fortschritt operator add` does creates a municipality from the Kleve template (a wrong
 * Regionalschlüssel and a taken short name are explained first and change nothing) and
 * invites its administrator; she sets her password through the invitation, signs in,
 * follows the first steps, imports a 40-project XLSX catalogue after its preview (a file
 * with bad rows is explained and changes nothing), edits one cell and imports again (the
 * preview shows exactly that change), releases the working state, and the portal shows
 * it. A person who administers Kleve is invited with the same e-mail address and
 * switches between the two. An operator without a completed second factor is refused
 * in German and creates nothing. Without JavaScript, the same forms that refuse.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import { documentToTables } from "../../src/app/catalogue/sheets/catalogue-sheets.js";
import type { CatalogueDocument } from "../../src/app/catalogue/catalogue-document.schema.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { addOperator } from "../../src/app/operations/operators.js";
import { writeCatalogueXlsx } from "../../src/exports/catalogue-sheets/catalogue-workbook.js";
import {
  createTestOperator,
  createTestUser,
  type TestUser,
} from "../support/accounts.js";
import {
  findAccessibilityViolations,
  openBrowserRig,
  type BrowserRig,
} from "../support/browser.js";
import {
  freshTotpCode,
  signInInBrowser,
  uploadForPreview,
} from "../support/browser-steps.js";

let rig: BrowserRig;
let directory: string;

beforeAll(async () => {
  rig = await openBrowserRig();
  directory = mkdtempSync(join(tmpdir(), "fortschritt-e2e-kommune-"));
});
afterAll(async () => {
  await rig?.close();
  rmSync(directory, { recursive: true, force: true });
});
afterEach(() => {
  expect(rig.takeScriptErrors()).toEqual([]);
});

async function expectAccessible(page: Page): Promise<void> {
  expect(await findAccessibilityViolations(page), page.url()).toEqual([]);
}

/** The projects of a municipality's stored catalogue, by slug and title. */
async function projectTitles(slug: string): Promise<Record<string, string>> {
  const catalogue = await getCatalogue(rig.ctx, slug);
  return Object.fromEntries(
    catalogue.impactAreas.flatMap((area) =>
      area.actionFields.flatMap((field) =>
        field.projects.map((project) => [project.slug, project.title]),
      ),
    ),
  );
}

/** The municipality's stored record, to show that a refused form changed nothing. */
async function municipalityRow(slug: string) {
  return rig.ctx.db
    .selectFrom("municipality")
    .selectAll()
    .where("slug", "=", slug)
    .executeTakeFirst();
}

/** 40 projects in two impact areas; `title` names each project, `status` sets one project's status. */
async function writeCatalogue(
  name: string,
  title: (index: number) => string,
  status: (index: number) => string = () => "planned",
): Promise<string> {
  const document: CatalogueDocument = {
    format: "fortschritt-catalogue",
    version: 1,
    municipality: { slug: "neu", name: "Neu" },
    programme: {
      title: "Digitales Niederrheinstädtchen",
      horizonStart: 2025,
      horizonEnd: 2030,
      goals: [{ title: "Digital zuerst" }],
      priorities: [],
    },
    orgUnits: [{ code: "10", name: "Fachbereich 10", kind: "department" }],
    impactAreas: [1, 2].map((area) => ({
      key: `bereich-${area}`,
      name: `Wirkungsbereich ${area}`,
      actionFields: [
        {
          key: `feld-${area}`,
          number: area,
          name: `Aktionsfeld ${area}`,
          colour: area === 1 ? "#1d4ed8" : "#047857",
          projects: Array.from({ length: 20 }, (_, index) => {
            const n = (area - 1) * 20 + index + 1;
            return {
              slug: `projekt-${n}`,
              code: `${area}.${index + 1}`,
              title: title(n),
              summary: `Projekt ${n} aus der Tabelle.`,
              status: status(n) as "planned",
              phases: [{ label: "Umsetzung", start: "2025", end: "2026-Q2" }],
              measures: [
                { title: `Maßnahme ${n}`, status: "planned" as const },
              ],
              responsibilities: [{ orgUnit: "10", role: "lead" as const }],
            };
          }),
        },
      ],
    })),
  };
  const file = join(directory, name);
  writeFileSync(file, await writeCatalogueXlsx(documentToTables(document)));
  return file;
}

/** Opens the operator's form, fills it, submits; returns the text of the error summary or null. */
async function submitNewMunicipality(
  page: Page,
  fields: { name: string; slug: string; regionalKey: string },
): Promise<string | null> {
  await page.goto("/betrieb/kommune-anlegen");
  await page.getByLabel("Name", { exact: true }).fill(fields.name);
  await page.getByLabel("Kurzname").fill(fields.slug);
  await page
    .getByLabel("Bundesland")
    .selectOption({ label: "Nordrhein-Westfalen" });
  await page.getByLabel("Amtlicher Regionalschlüssel").fill(fields.regionalKey);
  await page.getByLabel("Aufbau von Stadt Kleve (kleve) übernehmen").check();
  await page.getByRole("button", { name: "Kommune anlegen" }).click();
  await page.waitForLoadState();
  if (new URL(page.url()).pathname.startsWith("/betrieb/kommunen/"))
    return null;
  await page.getByRole("alert").waitFor({ state: "visible" });
  await expectAccessible(page);
  return page.getByRole("alert").innerText();
}

/** A wrong Regionalschlüssel and a taken short name: explained in German, nothing stored. */
async function refusedMunicipalities(page: Page, slug: string): Promise<void> {
  const wrongKey = await submitNewMunicipality(page, {
    name: "Stadt Goch",
    slug,
    regionalKey: "091540020020",
  });
  expect(wrongKey).toContain(
    "Der Regionalschlüssel beginnt mit 09, Nordrhein-Westfalen hat aber den Schlüssel 05.",
  );
  expect(await municipalityRow(slug)).toBeUndefined();

  const kleveBefore = await municipalityRow("kleve");
  const taken = await submitNewMunicipality(page, {
    name: "Stadt Goch",
    slug: "kleve",
    regionalKey: "051540020020",
  });
  expect(taken).toContain(
    "Den Kurznamen „kleve“ hat bereits eine andere Kommune. Bitte wählen Sie einen anderen.",
  );
  expect(await municipalityRow("kleve")).toEqual(kleveBefore);
}

/** An operator whose session has no completed second factor: refused in German, nothing created. */
async function refusedWithoutSecondFactor(
  javaScriptEnabled: boolean,
): Promise<void> {
  // Signed in as a committee reader without a second factor, then made an operator.
  const reader = await createTestUser(rig.ctx, {
    role: "committee",
    municipalitySlug: "kleve",
  });
  const page = await rig.newPage(javaScriptEnabled);
  try {
    await signInInBrowser(rig, page, reader);
    await addOperator(rig.ctx, COMMAND_LINE, {
      email: reader.email,
      name: reader.name,
    });
    const response = await page.goto("/betrieb/kommune-anlegen");
    expect(response?.status()).toBe(403);
    expect(await page.locator("main").innerText()).toContain(
      "Aufgaben des Betriebs verlangen eine Anmeldung mit abgeschlossenem zweiten Faktor.",
    );
    await expectAccessible(page);
    // The form token of this session, from a page with a form (the account page).
    await page.goto("/konto");
    const csrf = await page
      .locator('input[name="_csrf"]')
      .first()
      .getAttribute("value");
    const slug = `ohne-faktor-${randomBytes(3).toString("hex")}`;
    const posted = await page.request.post("/betrieb/kommune-anlegen", {
      form: {
        _csrf: csrf ?? "",
        name: "Stadt ohne Faktor",
        slug,
        state: "Nordrhein-Westfalen",
        regionalKey: "051540020020",
        website: "",
        contactEmail: "",
        template: "",
      },
    });
    expect(posted.status()).toBe(403);
    expect(await posted.text()).toContain("abgeschlossenem zweiten Faktor");
    expect(await municipalityRow(slug)).toBeUndefined();
  } finally {
    await page.close();
  }
}

/** A file with bad rows: sheet, row, column and rule in German, and the catalogue unchanged. */
async function refusedBadRows(page: Page, slug: string): Promise<void> {
  const before = await getCatalogue(rig.ctx, slug);
  const bad = await writeCatalogue(
    `${slug}-fehler.xlsx`,
    (n) => (n === 3 ? "" : `Projekt ${n}`),
    (n) => (n === 5 ? "fertig" : "planned"),
  );
  await page.goto(`/${slug}/verwaltung/katalog/tabelle`);
  await page.locator("#import-datei").setInputFiles(bad);
  await page
    .getByRole("button", { name: "Hochladen und Vorschau zeigen" })
    .click();
  await page.getByRole("alert").waitFor({ state: "visible" });
  const alert = await page.getByRole("alert").innerText();
  expect(alert).toMatch(/Blatt „Projekte“, Zeile 4, Spalte „Titel“/);
  expect(alert).toMatch(/Blatt „Projekte“, Zeile 6, Spalte „Status“/);
  expect(page.url()).not.toContain("/vorschau/");
  await expectAccessible(page);
  expect(await getCatalogue(rig.ctx, slug)).toEqual(before);
}

describe("a new municipality's whole way with JavaScript", () => {
  it("from the operator's browser to the released programme on the portal, and a Kleve administrator switching between both", async () => {
    const slug = `goch-${randomBytes(3).toString("hex")}`;
    const operator = await createTestOperator(rig.ctx);
    const page = await rig.newPage(true);
    await signInInBrowser(rig, page, operator);
    await page.goto("/betrieb/");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Kommune anlegen" }).click();
    await page.waitForURL(/\/betrieb\/kommune-anlegen$/);
    await expectAccessible(page);

    await refusedMunicipalities(page, slug);
    expect(
      await submitNewMunicipality(page, {
        name: "Stadt Goch",
        slug,
        regionalKey: "051540020020",
      }),
    ).toBeNull();
    expect(await page.getByRole("status").first().innerText()).toContain(
      "mit dem Aufbau von kleve angelegt",
    );
    await expectAccessible(page);

    // The first administrator: a one-time link, since no mail is configured.
    const email = `admin-${slug}@goch.example`;
    await page.getByLabel("E-Mail-Adresse").fill(email);
    await page.getByLabel("Name", { exact: true }).fill("Greta Goch");
    await page.getByRole("button", { name: "Einladung verschicken" }).click();
    const link = (await page.locator("code.app-secret").innerText()).trim();
    expect(link).toMatch(/\/passwort-neu\/[A-Za-z0-9_-]{20,}$/);
    await expectAccessible(page);

    const admin = await rig.newPage(true);
    await admin.context().clearCookies();
    await admin.goto(new URL(link).pathname);
    await expectAccessible(admin);
    const password = "Ein langes Passwort für Greta Goch";
    await admin.getByLabel("Neues Passwort").fill(password);
    await admin.getByRole("button", { name: "Passwort speichern" }).click();
    await admin.waitForURL(/\/anmelden\?passwort=neu/);
    await admin.locator("#email").fill(email);
    await admin.locator("#password").fill(password);
    await admin.getByRole("button", { name: "Anmelden", exact: true }).click();
    await admin.waitForURL(/\/anmelden\/zwei-faktor-einrichten/);
    await expectAccessible(admin);
    const secret = (await admin.locator("code.app-secret").innerText()).replace(
      /\s+/g,
      "",
    );
    const account = await rig.ctx.db
      .selectFrom("user_account")
      .select("id")
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    await admin
      .getByLabel(/Geben Sie den Code ein/)
      .fill(
        await freshTotpCode(rig, { userId: account.id, totpSecret: secret }),
      );
    await admin
      .getByRole("button", { name: "Zweiten Faktor aktivieren" })
      .click();
    await admin.getByRole("link", { name: "Weiter" }).click();

    // The first steps say what to do first: the programme.
    await admin.goto(`/${slug}/verwaltung/`);
    await expectAccessible(admin);
    expect(
      await admin.getByRole("heading", { name: "Erste Schritte" }).count(),
    ).toBeGreaterThan(0);
    await admin.getByRole("link", { name: /^Programm beschreiben/ }).click();
    await admin.waitForURL(new RegExp(`/${slug}/verwaltung/programm`));
    await expectAccessible(admin);
    await admin
      .getByLabel("Titel", { exact: true })
      .first()
      .fill("Digitales Goch");
    await admin
      .getByRole("button", { name: "Programm speichern" })
      .first()
      .click();
    await admin.waitForURL(/gespeichert=/);
    expect((await getCatalogue(rig.ctx, slug)).programme.title).toBe(
      "Digitales Goch",
    );

    // The catalogue from a spreadsheet: bad rows first, then 40 projects, then one cell.
    await refusedBadRows(admin, slug);
    const upload = async (file: string): Promise<string> => {
      await uploadForPreview(admin, {
        path: `/${slug}/verwaltung/katalog/tabelle`,
        file,
        button: "Hochladen und Vorschau zeigen",
        previewPath: "/katalog/tabelle/vorschau/",
        check: expectAccessible,
      });
      return (
        (await admin.locator("#vorschau-summe").textContent())?.trim() ?? ""
      );
    };
    const confirm = async (): Promise<void> => {
      await admin
        .getByRole("button", { name: "Änderungen übernehmen" })
        .click();
      await expect.poll(() => admin.url()).toContain("gespeichert=import");
      await expectAccessible(admin);
    };
    const first = await writeCatalogue(
      `${slug}-40.xlsx`,
      (n) => `Projekt ${n}`,
    );
    expect(await upload(first)).toMatch(/^\d+ Änderungen$/);
    expect(await admin.locator("#vorschau-blaetter").textContent()).toContain(
      "Projekte",
    );
    expect(Object.keys(await projectTitles(slug))).toHaveLength(0);
    await confirm();
    expect(Object.keys(await projectTitles(slug))).toHaveLength(40);

    const edited = await writeCatalogue(`${slug}-40-bearbeitet.xlsx`, (n) =>
      n === 7 ? "Projekt sieben, neu benannt" : `Projekt ${n}`,
    );
    expect(await upload(edited)).toBe("1 Änderung");
    const changed = await admin
      .locator(".app-diff-table tbody tr")
      .allTextContents();
    expect(changed).toHaveLength(1);
    expect(changed[0]).toContain("projekt-7");
    expect(changed[0]).toContain("Projekt sieben, neu benannt");
    await confirm();
    const titles = await projectTitles(slug);
    expect(titles["projekt-7"]).toBe("Projekt sieben, neu benannt");
    expect(titles["projekt-8"]).toBe("Projekt 8");

    // Released, the portal shows the programme with the working-state banner.
    await admin.goto(`/${slug}/verwaltung/`);
    await admin
      .getByRole("button", { name: "Aktuellen Arbeitsstand freigeben" })
      .click();
    await admin.waitForLoadState();
    expect(await admin.locator("main").innerText()).toContain(
      "Der Arbeitsstand ist freigegeben",
    );
    await expectAccessible(admin);
    const reader = await rig.newPage(true);
    await reader.context().clearCookies();
    await reader.goto(`/${slug}/`);
    const portal = await reader.locator("main").innerText();
    expect(portal).toContain("Arbeitsstand – noch nicht beschlossen");
    expect(portal).toContain("Digitales Niederrheinstädtchen");
    expect(portal).toContain("Aktionsfeld 1");
    await expectAccessible(reader);
    await reader.goto(`/${slug}/projekte/projekt-7`);
    expect(await reader.locator("h1").innerText()).toContain(
      "Projekt sieben, neu benannt",
    );
    await expectAccessible(reader);

    // A Kleve administrator is invited with the same address and switches between both.
    const kleveAdmin: TestUser = await createTestUser(rig.ctx, {
      role: "admin",
      municipalitySlug: "kleve",
    });
    // Pages of one mode share their cookies: the operator signs in again.
    await signInInBrowser(rig, page, operator);
    await page.goto(`/betrieb/kommunen/${slug}`);
    await page.locator("#einladung-email").fill(kleveAdmin.email);
    await page.locator("#einladung-name").fill(kleveAdmin.name);
    await page.getByRole("button", { name: "Einladung verschicken" }).click();
    await page.getByRole("status").first().waitFor({ state: "visible" });
    expect(await page.getByRole("status").first().innerText()).toContain(
      kleveAdmin.email,
    );
    await expectAccessible(page);
    const both = await rig.newPage(true);
    await signInInBrowser(rig, both, kleveAdmin);
    await both.goto("/kleve/verwaltung/");
    // The account bar lists the person's municipalities as plain links.
    const switcher = () =>
      both.getByRole("list", { name: "Kommune wechseln:" });
    await switcher().getByRole("link", { name: "Stadt Goch" }).click();
    await both.waitForURL(new RegExp(`/${slug}/verwaltung/$`));
    await expectAccessible(both);
    await both.goto(`/${slug}/verwaltung/katalog/tabelle`);
    expect(await both.locator("h1").innerText()).not.toBe("");
    await switcher().getByRole("link", { name: "Stadt Kleve" }).click();
    await both.waitForURL(/\/kleve\/verwaltung\/$/);
    await expectAccessible(both);

    await refusedWithoutSecondFactor(true);
    for (const each of [page, admin, reader, both]) await each.close();
  }, 600_000);
});

describe("the forms that refuse, without JavaScript", () => {
  it("explain a wrong Regionalschlüssel, a taken short name, bad spreadsheet rows and a missing second factor, and change nothing", async () => {
    const operator = await createTestOperator(rig.ctx);
    const page = await rig.newPage(false);
    await signInInBrowser(rig, page, operator);
    await refusedMunicipalities(
      page,
      `kalkar-${randomBytes(3).toString("hex")}`,
    );
    await page.close();

    const admin = await createTestUser(rig.ctx, {
      role: "admin",
      municipalitySlug: "kleve",
    });
    const adminPage = await rig.newPage(false);
    await signInInBrowser(rig, adminPage, admin, {
      landing: "/kleve/verwaltung/",
    });
    await refusedBadRows(adminPage, "kleve");
    await adminPage.close();

    await refusedWithoutSecondFactor(false);
  }, 300_000);
});
