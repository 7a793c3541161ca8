/**
 * A municipality in its own shape, from the first sign-in to the published report, in a
 * real browser, without JavaScript and on PostgreSQL. Its administrator sets it up flat
 * (topics → projects → steps) in its own level names, adds an advisory board with ten
 * members (five public), a project with an open-ended phase overlapping another, steps
 * with budget years and owners, key figures as people write them ("2 von 3", "66,7 %",
 * "mehr als 60", 111 = 23 + 88), a meeting with its agenda item, presenters and questions
 * and answers, and a report with an introduction and a survey result. Bad values (a
 * breakdown that does not add up, a decimal with too many places, an end before the
 * start) are refused in German and change nothing. The portal, the report's PPTX deck and
 * its PDF, and the first edition's catalogue (DOCX, PDF) and slides show all of it in the
 * municipality's words and never a dummy top level. The report, published backdated to
 * its meeting, is number 1 of that municipality (in its URL, its title, the deck and the
 * PDF) and says when it was really entered. Reports are reached by following links. Axe
 * (WCAG 2.1 AA) checks every page on the way (docs/adr/0029, 0030, 0032).
 */
/// <reference lib="dom" />
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_LINE } from "../../src/app/auth/account-audit.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { publishEdition } from "../../src/app/edition/publish-edition.js";
import { createMunicipality } from "../../src/app/municipalities/lifecycle.js";
import {
  formatGermanDate,
  germanDayOf,
} from "../../src/domain/calendar/calendar.js";
import { createTestUser } from "../support/accounts.js";
import {
  findAccessibilityViolations,
  FORM_JOURNEY_MODES,
  openBrowserRig,
  type BrowserRig,
} from "../support/browser.js";
import { signInInBrowser } from "../support/browser-steps.js";
import { KLEVE_LEVEL_WORDS } from "../support/flat-programme.js";
import { TEST_NOW } from "../support/database.js";
import { buildPrincipal } from "../support/principals.js";
import { xmlText } from "../support/document-text.js";

const run = promisify(execFile);

/**
 * The journey once, without JavaScript, as every form journey runs
 * (docs/adr/0061-form-journeys-once-pages-in-both-modes.md), on PostgreSQL: the other
 * browser journeys run on SQLite, so this one takes the forms through the scale-out
 * database. What the script adds on these pages is checked where the page walk and the
 * two-mode journeys reach the same kinds of page.
 */
const JOURNEYS = FORM_JOURNEY_MODES.map((mode) => ({
  ...mode,
  mode: `${mode.mode} on PostgreSQL`,
}));

/** The portal on PostgreSQL, with Kleve's reports loaded first, so that the new municipality's first report has a higher id. */
let rig: BrowserRig;

beforeAll(async () => {
  rig = await openBrowserRig({ dialect: "postgres", demo: "with-reports" });
}, 180_000);
afterAll(async () => {
  await rig?.close();
});
afterEach(() => {
  expect(rig.takeScriptErrors()).toEqual([]);
});

async function expectAccessible(page: Page): Promise<void> {
  expect(await findAccessibilityViolations(page), page.url()).toEqual([]);
}

function expectNoKleveLevels(text: string, where: string): void {
  for (const word of KLEVE_LEVEL_WORDS) expect(text, where).not.toContain(word);
}

function expectAll(text: string, parts: readonly string[], where: string) {
  for (const part of parts) expect(text, where).toContain(part);
}

/** The text of a deck's slides, in slide order. */
async function deckText(deck: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(deck);
  const names = Object.keys(zip.files)
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort(
      (a, b) =>
        Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]),
    );
  const slides = await Promise.all(
    names.map((name) => zip.file(name)!.async("string")),
  );
  return slides
    .map((xml) =>
      [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
        .map((match) => match[1])
        .join(" "),
    )
    .join("\n")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"');
}

const INTRODUCTION = "Dieser Bericht stellt den Stand der Digitalisierung vor.";
const QUESTION = "Wie zufrieden sind Sie mit dem mobilen Arbeiten?";
const COMMITTEE_QUESTION = "Wann erhalten die Kitas die neue Software?";
const COMMITTEE_ANSWER = "Im zweiten Halbjahr, nach dem Pilotamt.";
const AGENDA_TITLE = "Sachstand Digitalisierung";
const ENTRY = "Der Pilot läuft, der Rollout ist vorbereitet.";
/** The board's meeting, and the day the report is entered (the app's clock). */
const MEETING_DATE = "10.11.2022";
const TODAY = formatGermanDate(germanDayOf(TEST_NOW));

describe.each(JOURNEYS)(
  "a municipality in its own shape $mode",
  ({ javaScriptEnabled }) => {
    it("is set up flat, reports to its advisory board and shows all of it in its own words", async () => {
      const slug = `eigen-${randomBytes(3).toString("hex")}`;
      await createMunicipality(rig.ctx, COMMAND_LINE, {
        name: "Gemeinde Eigenform",
        slug,
        state: "05",
        regionalKey: "051540000000",
      });
      const user = await createTestUser(rig.ctx, {
        role: "admin",
        municipalitySlug: slug,
      });
      const staff = `/${slug}/verwaltung`;
      const page = await rig.newPage(javaScriptEnabled);
      /** Submits the form with the id and waits for the confirmation in the address. */
      const submit = async (formId: string, saved: string): Promise<void> => {
        await page.locator(`#${formId} button[type="submit"]`).last().click();
        await expect.poll(() => page.url()).toContain(`gespeichert=${saved}`);
      };
      /** Submits the form with the id and expects a German error, at the same page. */
      const refuse = async (formId: string, message: string): Promise<void> => {
        await page.locator(`#${formId} button[type="submit"]`).last().click();
        await expect
          .poll(async () =>
            (await page.getByRole("alert").allTextContents()).join(" "),
          )
          .toContain(message);
        expect(page.url()).not.toContain("gespeichert=");
        await expectAccessible(page);
      };
      let publicReport = "";
      try {
        await signInInBrowser(rig, page, user, { landing: `${staff}/` });

        // Levels: flat, in the municipality's words.
        await page.goto(`${staff}/programm#ebenen`);
        await page.locator("#ebenen-flach").check();
        await page.locator("#ebenen-af-einzahl").fill("Thema");
        await page.locator("#ebenen-af-mehrzahl").fill("Themen");
        await page.locator("#ebenen-projekt-einzahl").fill("Vorhaben");
        await page.locator("#ebenen-projekt-mehrzahl").fill("Vorhaben");
        await page.locator("#ebenen-massnahme-einzahl").fill("Schritt");
        await page.locator("#ebenen-massnahme-mehrzahl").fill("Schritte");
        await page.locator("#ebenen-arten").fill("Dezernat\nStabsstelle");
        await submit("ebenen", "ebenen");
        await expectAccessible(page);

        // The first steps name no impact area.
        await page.goto(`${staff}/`);
        expectNoKleveLevels(
          await page.locator("main").innerText(),
          "first steps",
        );

        // A unit to own things, a topic, a project of that topic.
        await page.goto(`${staff}/einheiten`);
        await page.locator("#oe-neu-kuerzel").fill("cdo");
        await page.locator("#oe-neu-name").fill("Stabsstelle CDO");
        await page
          .locator("#oe-neu-art")
          .selectOption({ label: "Stabsstelle" });
        await submit("oe-neu", "");
        await expectAccessible(page);
        await page.goto(`${staff}/struktur`);
        expect(await page.locator("#af-neu-wirkungsbereich").count()).toBe(0);
        await page.locator("#af-neu-schluessel").fill("e-akte");
        await page.locator("#af-neu-nummer").fill("1");
        await page.locator("#af-neu-name").fill("E-Akte");
        await page.locator("#af-neu-farbe").fill("#1d4f91");
        await submit("af-neu", "");
        expectNoKleveLevels(await page.locator("main").innerText(), "struktur");
        await expectAccessible(page);
        await page.goto(`${staff}/projekte/neu`);
        await page
          .locator("#projekt-neu-aktionsfeld")
          .selectOption({ value: "e-akte" });
        await page.locator("#projekt-neu-nummer").fill("1");
        await page.locator("#projekt-neu-kurzname").fill("e-akte-einfuehrung");
        await page.locator("#projekt-neu-titel").fill("Einführung der E-Akte");
        await page
          .locator("#projekt-neu-zusammenfassung")
          .fill("Die E-Akte kommt in alle Ämter.");
        await page
          .locator("#projekt-neu-federfuehrend")
          .selectOption({ value: "cdo" });
        await expectAccessible(page);
        await page.locator(`#projekt-neu button[type="submit"]`).last().click();
        await expect
          .poll(() => new URL(page.url()).pathname)
          .toBe(`${staff}/projekte/e-akte-einfuehrung`);

        // Two phases, the second overlapping the first with its end not yet decided.
        await page.locator("#phase-neu-bezeichnung").fill("Pilot");
        await page.locator("#phase-neu-beginn").fill("2023");
        await page.locator("#phase-neu-ende").fill("2024");
        await submit("phase-neu", "phase-neu");
        await page.locator("#phase-neu-bezeichnung").fill("Rollout");
        await page.locator("#phase-neu-beginn").fill("QII/2024");
        await page.locator("#phase-neu-offen").check();
        await page
          .locator('#phase-neu input[name="fortsetzung"][value="undecided"]')
          .check();
        await submit("phase-neu", "phase-neu");

        // A phase ending before it starts: refused in German, nothing stored.
        await page.locator("#phase-neu-bezeichnung").fill("Rückwärts");
        await page.locator("#phase-neu-beginn").fill("2026");
        await page.locator("#phase-neu-ende").fill("2025");
        await refuse("phase-neu", "Das Ende liegt vor dem Beginn.");

        // Two steps, each with its budget year and owner.
        for (const [title, year] of [
          ["Haushaltsmittel beantragen", "2024"],
          ["Schulungen durchführen", "2025"],
        ] as const) {
          await page.goto(`${staff}/projekte/e-akte-einfuehrung`);
          await page.locator("#massnahme-neu-titel").fill(title);
          await page.locator("#massnahme-neu-beginn").fill(year);
          await page.locator("#massnahme-neu-ende").fill(year);
          await page
            .locator("#massnahme-neu-einheit")
            .selectOption({ value: "cdo" });
          await page
            .locator("#massnahme-neu-phase")
            .selectOption({ value: "Rollout" });
          await submit("massnahme-neu", "massnahme-neu");
        }
        const editor = await page.locator("main").innerText();
        expectAll(
          editor,
          ["Phase 1: Pilot", "Phase 2: Rollout", "Schritt 2"],
          "project editor",
        );
        expect(editor).not.toContain("Phase 3");
        // Each title stands in its own field, stored once; the refused phase nowhere.
        const values = await page
          .locator("main")
          .evaluate((main) =>
            [...main.querySelectorAll("input, textarea")].map(
              (field) => (field as HTMLInputElement).value,
            ),
          );
        for (const title of [
          "Haushaltsmittel beantragen",
          "Schulungen durchführen",
        ])
          expect(
            values.filter((value) => value === title),
            title,
          ).toHaveLength(1);
        expect(values).not.toContain("Rückwärts");
        expectNoKleveLevels(editor, "project editor");
        await expectAccessible(page);

        // Key figures as people write them; bad values are refused and change nothing.
        const figures = [
          {
            key: "sitzungen",
            kind: "ratio",
            unit: "Sitzungen",
            value: "2 von 3",
          },
          { key: "quote", kind: "percent", unit: "%", value: "66,7 %" },
          {
            key: "teilnehmende",
            kind: "count",
            unit: "Teilnehmende",
            value: "mehr als 60",
          },
          {
            key: "beschaeftigte",
            kind: "count",
            unit: "Beschäftigte",
            value: "111",
          },
        ] as const;
        for (const figure of figures) {
          await page.goto(`${staff}/kennzahlen`);
          await page.locator("#kennzahl-neu-schluessel").fill(figure.key);
          await page
            .locator("#kennzahl-neu-name")
            .fill(`Kennzahl ${figure.key}`);
          await page.locator("#kennzahl-neu-einheit").fill(figure.unit);
          await page
            .locator("#kennzahl-neu-art")
            .selectOption({ value: figure.kind });
          if (figure.kind === "ratio")
            await page.locator("#kennzahl-neu-gesamt").fill("insgesamt");
          if (figure.kind === "percent")
            await page.locator("#kennzahl-neu-nachkommastellen").fill("1");
          await page
            .locator("#kennzahl-neu-definition")
            .fill("Was gezählt wird");
          await page.locator("#kennzahl-neu-quelle").fill("Stabsstelle CDO");
          await page
            .locator("#kennzahl-neu-verantwortlich")
            .fill("Stabsstelle CDO");
          await submit("kennzahl-neu", "kennzahl");
          await page.locator("#wert-neu-datum").fill("01.11.2022");
          if (figure.key === "quote") {
            await page.locator("#wert-neu-wert").fill("66,75 %");
            await refuse("wert-neu", "hat zu viele Nachkommastellen");
            await page.locator("#wert-neu-datum").fill("01.11.2022");
          }
          if (figure.key === "beschaeftigte") {
            await page.locator("#wert-neu-wert").fill("111");
            await page
              .locator("#wert-neu-aufteilung")
              .fill("23 Führungskräfte\n80 Mitarbeitende");
            await refuse(
              "wert-neu",
              "Die Aufteilung geht nicht auf: 23 + 80 = 103, der Wert ist aber 111.",
            );
            await page.locator("#wert-neu-datum").fill("01.11.2022");
            await page
              .locator("#wert-neu-aufteilung")
              .fill("23 Führungskräfte\n88 Mitarbeitende");
          }
          await page.locator("#wert-neu-wert").fill(figure.value);
          await submit("wert-neu", "wert");
          await expectAccessible(page);
        }
        // One value each: the refused ones were not stored.
        await page.goto(`${staff}/kennzahlen/quote`);
        expect(await page.locator("main").innerText()).not.toContain("66,75");
        await page.goto(`${staff}/kennzahlen/beschaeftigte`);
        expect(await page.locator("main").innerText()).not.toContain(
          "80 Mitarbeitende",
        );
        const list = await page.goto(`${staff}/kennzahlen`);
        expect(list?.status()).toBe(200);
        expect(await page.locator("main").innerText()).toContain(
          "Kennzahl beschaeftigte",
        );

        // The advisory board with ten members, five of them public.
        await page.goto(`${staff}/gremien`);
        await page.locator("#gremium-neu-name").fill("Digitalbeirat");
        await page.locator("#gremium-neu-kuerzel").fill("DB");
        await page
          .locator("#gremium-neu-art")
          .selectOption({ value: "advisory_board" });
        await submit("gremium-neu", "gremium");
        await expectAccessible(page);
        await page
          .getByRole("link", { name: /Mitglieder/ })
          .first()
          .click();
        await page.locator("#mitglied-neu").waitFor();
        for (let index = 1; index <= 10; index += 1) {
          const form = page.locator("#mitglied-neu");
          const isPublic = index % 2 === 0;
          await form
            .getByLabel("Name", { exact: true })
            .fill(`${isPublic ? "Offen" : "Intern"} Mitglied ${index}`);
          await form
            .getByLabel("Gruppe")
            .fill(index <= 5 ? "Bürgerschaft" : "Wirtschaft");
          if (index === 2) await form.getByLabel("Rolle").fill("Vorsitz");
          await form.getByLabel(isPublic ? /^Öffentlich/ : /^Intern/).check();
          await submit("mitglied-neu", "mitglied");
        }
        await expectAccessible(page);

        // The board's meeting: agenda item, paper, presenters, questions and answers.
        await page.goto(`${staff}/gremien`);
        await page.locator("#sitzung-neu-datum").fill(MEETING_DATE);
        await page.locator("#sitzung-neu-top-nummer").fill("4");
        await page.locator("#sitzung-neu-top-titel").fill(AGENDA_TITLE);
        await page.locator("#sitzung-neu-vorlage").fill("A 10/185/2022");
        await page
          .locator("#sitzung-neu-vortragende-0-name")
          .fill("Dana Beispiel");
        await page
          .locator("#sitzung-neu-vortragende-0-funktion")
          .fill("Chief Digital Officer");
        await page.locator("#sitzung-neu-frage-0").fill(COMMITTEE_QUESTION);
        await page.locator("#sitzung-neu-antwort-0").fill(COMMITTEE_ANSWER);
        await submit("sitzung-neu", "sitzung");
        // A second presenter, added through the meeting's own form.
        const meetingForm = page.locator("form", {
          has: page.locator("legend", { hasText: "DB 10.11.2022" }),
        });
        await meetingForm
          .locator('input[name="vortragende-1-name"]')
          .fill("Kai Muster");
        await meetingForm
          .locator('input[name="vortragende-1-funktion"]')
          .fill("Stabsstelle CDO");
        await meetingForm.locator('button[type="submit"]').last().click();
        await expect.poll(() => page.url()).toContain("gespeichert=sitzung");
        expect(
          await page
            .locator('input[name="vortragende-1-name"]')
            .first()
            .inputValue(),
        ).toBe("Kai Muster");
        await expectAccessible(page);
      } catch (error) {
        await page.close();
        throw error;
      }

      // The first edition (publishing editions has journeys of its own).
      const draft = await getCatalogue(rig.ctx, slug);
      expect(draft.programme.levels.flat).toBe(true);
      const project = draft.impactAreas
        .flatMap((area) => area.actionFields)
        .flatMap((field) => field.projects)
        .find((each) => each.slug === "e-akte-einfuehrung");
      expect(project?.phases.map((phase) => phase.continuation)).toEqual([
        null,
        "undecided",
      ]);
      expect(project?.measures[0]).toMatchObject({
        title: "Haushaltsmittel beantragen",
        orgUnitCode: "cdo",
        phaseLabel: "Rollout",
      });
      await publishEdition(
        rig.ctx,
        buildPrincipal(draft.municipality.id, {
          role: "admin",
          orgUnitCodes: [],
        }),
        {
          municipality: slug,
          expectedDataVersion: draft.municipality.dataVersion,
          confirmConflicts: true,
          data: {},
        },
      );

      try {
        // The report to the board's meeting, with its free sections and the project's entry.
        await page.goto(`${staff}/berichte`);
        await page
          .locator("#bericht-neu-sitzung")
          .selectOption({ label: "DB 10.11.2022" });
        await page.locator("#bericht-neu-stand").fill("01.11.2022");
        await expectAccessible(page);
        await page.getByRole("button", { name: "Bericht anlegen" }).click();
        await expect
          .poll(() => page.url())
          .toContain("gespeichert=bericht-angelegt");
        const reportPage = page.url();
        expectNoKleveLevels(
          await page.locator("main").innerText(),
          "report editor",
        );
        await expectAccessible(page);
        const entry = page.locator("#eintrag-e-akte-einfuehrung");
        await entry.getByLabel("im Plan").check();
        await entry.getByLabel("Kurztext für den Ausschuss").fill(ENTRY);
        await entry.getByRole("button", { name: "Eintrag speichern" }).click();
        await expect.poll(() => page.url()).toContain("gespeichert=eintrag");

        await page
          .getByRole("link", { name: "Abschnitte und Reihenfolge bearbeiten" })
          .click();
        const addSection = async (kind: string) => {
          await page
            .locator("#abschnitt-art-art")
            .selectOption({ label: kind });
          await page.getByRole("button", { name: "Abschnitt anlegen" }).click();
          await page
            .getByRole("heading", {
              level: 1,
              name: new RegExp(`^Neuer Abschnitt: ${kind}`),
            })
            .waitFor();
        };
        await addSection("Einleitung");
        await page.locator("#abschnitt-neu-text").fill(INTRODUCTION);
        await submit("abschnitt-neu", "abschnitt-angelegt");
        await addSection("Umfrageergebnis");
        await page
          .locator("#abschnitt-neu-ueberschrift")
          .fill("Umfrage Mobiles Arbeiten");
        await page.locator("#abschnitt-neu-frage").fill(QUESTION);
        await page.getByLabel("Prozent (zusammen 100 %, gerundet)").check();
        await page
          .locator("#abschnitt-neu-antworten")
          .fill("Sehr zufrieden; 47,6\nZufrieden; 40\nUnzufrieden; 12,4");
        await expectAccessible(page);
        await submit("abschnitt-neu", "abschnitt-angelegt");
        await expectAccessible(page);

        await page.goto(reportPage);
        // Entered after the meeting: published as of the meeting's day (backdated).
        await page
          .locator("#veroeffentlichen")
          .getByLabel("Veröffentlicht am", { exact: false })
          .fill(MEETING_DATE);
        await page
          .getByLabel(
            "Ich habe den Bericht geprüft und möchte ihn veröffentlichen.",
          )
          .check();
        await page
          .getByRole("button", { name: "Bericht veröffentlichen" })
          .click();
        await expect
          .poll(() => page.url())
          .toContain("gespeichert=veroeffentlicht");
        publicReport =
          (await page
            .getByRole("link", { name: "Öffentliche Seite" })
            .getAttribute("href")) ?? "";
        expect(publicReport).not.toBe("");
        // The first report of this municipality, whatever ids Kleve's reports have.
        expect(new URL(publicReport, rig.baseUrl).pathname).toBe(
          `/${slug}/berichte/1`,
        );
      } finally {
        await page.close();
      }

      // The portal, as a reader finds it.
      const reader = await rig.newPage(javaScriptEnabled);
      const directory = await mkdtemp(join(tmpdir(), "eigenform-"));
      try {
        for (const [path, expected] of [
          [`/${slug}/`, ["Thema 1", "E-Akte", "Einführung der E-Akte"]],
          [
            `/${slug}/projekte/e-akte-einfuehrung`,
            [
              "Pilot",
              "Rollout",
              "Ende noch offen",
              "Schritte",
              "Haushaltsmittel beantragen",
              "Schulungen durchführen",
              "2024",
              "2025",
              "Stabsstelle CDO",
            ],
          ],
          [
            `/${slug}/kennzahlen`,
            ["2 von 3", "66,7", "mehr als 60", "Führungskräfte", "23", "88"],
          ],
        ] as const) {
          const response = await reader.goto(path);
          expect(response?.status(), path).toBe(200);
          const text = await reader.locator("main").innerText();
          expectAll(text, expected, path);
          expectNoKleveLevels(text, path);
          await expectAccessible(reader);
        }

        // The report: reached from the portal's report list by its link.
        await reader.goto(`/${slug}/`);
        const reportLink = reader.locator(
          `a[href="${new URL(publicReport, rig.baseUrl).pathname}"]`,
        );
        if ((await reportLink.count()) > 0) await reportLink.first().click();
        else await reader.goto(publicReport);
        await reader
          .getByRole("heading", { name: "Umfrage Mobiles Arbeiten" })
          .waitFor();
        const report = await reader.locator("main").innerText();
        const heading = (
          await reader.locator("h1 > span").first().innerText()
        ).trim();
        expect(heading).toMatch(/ Nr\. 1$/);
        expect(report).toContain(
          `veröffentlicht am ${MEETING_DATE} (nachgetragen am ${TODAY})`,
        );
        expectAll(
          report,
          [
            INTRODUCTION,
            QUESTION,
            "47,6",
            ENTRY,
            "Digitalbeirat",
            "Dana Beispiel",
            "Kai Muster",
            "TOP 4",
            AGENDA_TITLE,
            "A 10/185/2022",
            COMMITTEE_QUESTION,
            COMMITTEE_ANSWER,
            "Offen Mitglied 2",
            "Offen Mitglied 10",
            "Vorsitz",
          ],
          "report page",
        );
        expect(report).not.toContain("Intern Mitglied");
        expectNoKleveLevels(report, "report page");
        await expectAccessible(reader);

        // The deck and the PDF, downloaded by their links on the report page.
        const deckHref = await reader
          .getByRole("link", { name: "Foliensatz (PowerPoint, PPTX)" })
          .getAttribute("href");
        const deck = await reader.request.get(deckHref!);
        expect(deck.status()).toBe(200);
        const slides = await deckText(await deck.body());
        expectAll(
          slides,
          [
            INTRODUCTION,
            QUESTION,
            ENTRY,
            "Einführung der E-Akte",
            "Dana Beispiel",
            AGENDA_TITLE,
            COMMITTEE_QUESTION,
            heading,
          ],
          "folien.pptx",
        );
        expectNoKleveLevels(slides, "folien.pptx");

        const pdfHref = await reader
          .getByRole("link", { name: "Bericht als PDF" })
          .getAttribute("href");
        const pdf = await reader.request.get(pdfHref!);
        expect(pdf.headers()["content-type"]).toBe("application/pdf");
        const file = join(directory, "bericht.pdf");
        await writeFile(file, await pdf.body());
        const printed = (
          await run("pdftotext", [file, "-"], { maxBuffer: 20_000_000 })
        ).stdout.replace(/\s+/g, " ");
        expectAll(
          printed,
          [
            "Dieser Bericht stellt den Stand der Digitalisierung vor.",
            "Wie zufrieden sind Sie mit dem mobilen Arbeiten?",
            "Einführung der E-Akte",
            "Dana Beispiel",
            AGENDA_TITLE,
            COMMITTEE_QUESTION,
            heading,
          ],
          "bericht.pdf",
        );
        expectNoKleveLevels(printed, "bericht.pdf");

        // The first edition's catalogue and slides: its words, no hidden level.
        const edition = `/${slug}/fortschreibungen/1`;
        const catalogueDocx = await reader.request.get(
          `${edition}/katalog.docx`,
        );
        expect(catalogueDocx.status(), "katalog.docx").toBe(200);
        const docx = xmlText(
          (await (
            await JSZip.loadAsync(await catalogueDocx.body())
          )
            .file("word/document.xml")
            ?.async("string")) ?? "",
        );
        expectAll(
          docx,
          ["Thema 1: E-Akte", "Haushaltsmittel beantragen"],
          "katalog.docx",
        );
        expectNoKleveLevels(docx, "katalog.docx");
        const editionDeck = await reader.request.get(`${edition}/folien.pptx`);
        expect(editionDeck.status(), "edition folien.pptx").toBe(200);
        expectNoKleveLevels(
          await deckText(await editionDeck.body()),
          "edition folien.pptx",
        );
        const cataloguePdf = await reader.request.get(`${edition}/katalog.pdf`);
        expect(cataloguePdf.headers()["content-type"]).toBe("application/pdf");
        const catalogueFile = join(directory, "katalog.pdf");
        await writeFile(catalogueFile, await cataloguePdf.body());
        const catalogue = (
          await run("pdftotext", [catalogueFile, "-"], {
            maxBuffer: 20_000_000,
          })
        ).stdout.replace(/\s+/g, " ");
        expectAll(
          catalogue,
          ["Thema 1: E-Akte", "Haushaltsmittel beantragen"],
          "katalog.pdf",
        );
        expectNoKleveLevels(catalogue, "katalog.pdf");
      } finally {
        await reader.close();
        await rm(directory, { recursive: true, force: true });
      }
    }, 400_000);
  },
);
