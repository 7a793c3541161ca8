/**
 * Free sections of a report made through the pages: an administrator adds an
 * introduction, a survey result (after a survey whose shares do not add up has been
 * refused) and an outlook to a draft, moves the survey up with the plain buttons, and
 * publishes. The public report page, the PPTX deck and the PDF show the three sections
 * in that order. Axe (WCAG 2.1 AA) checks every page on the way.
 *
 * The journey sends forms the script does not change, so it runs once, without JavaScript
 * (docs/adr/0061-form-journeys-once-pages-in-both-modes.md).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { createMeeting } from "../../src/app/reports/committees.js";
import { createReport } from "../../src/app/reports/manage-reports.js";
import { getReportDocument } from "../../src/app/reports/read-reports.js";
import { saveReportEntry } from "../../src/app/reports/report-entries.js";
import { reportProjects } from "../../src/domain/report/report-document.js";
import { createTestUser } from "../support/accounts.js";
import {
  findAccessibilityViolations,
  FORM_JOURNEY_MODES,
  openBrowserRig,
  type BrowserRig,
} from "../support/browser.js";
import { signInInBrowser } from "../support/browser-steps.js";
import { buildPrincipal } from "../support/principals.js";

const run = promisify(execFile);

let rig: BrowserRig;
let directory: string;

beforeAll(async () => {
  rig = await openBrowserRig({ demo: "with-reports" });
  directory = mkdtempSync(join(tmpdir(), "fortschritt-abschnitte-e2e-"));
});

afterAll(async () => {
  await rig?.close();
  if (directory !== undefined)
    rmSync(directory, { recursive: true, force: true });
});

afterEach(() => {
  expect(rig.takeScriptErrors()).toEqual([]);
});

async function expectAccessible(page: Page): Promise<void> {
  expect(await findAccessibilityViolations(page), page.url()).toEqual([]);
}

const INTRODUCTION =
  "Dieser Bericht beginnt mit einer Einleitung zur Digitalisierung.";
const QUESTION = "Wie zufrieden sind Sie mit dem mobilen Arbeiten?";
const ENTRY = "Dieses Projekt liegt im Plan (Eintrag).";
const OUTLOOK = "Im nächsten Jahr folgt die E-Akte in allen Fachbereichen.";

/** Where each text first occurs, in the order given; fails when one is missing. */
function positions(text: string, needles: readonly string[]): number[] {
  return needles.map((needle) => {
    const at = text.indexOf(needle);
    expect(at, needle).toBeGreaterThanOrEqual(0);
    return at;
  });
}

function slideText(xml: string): string {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
    .map((match) => match[1])
    .join(" ");
}

/** The text of a deck's slides, slide by slide in their order. */
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
  return slides.map(slideText).join("\n");
}

describe.each(FORM_JOURNEY_MODES)(
  "free report sections $mode",
  ({ javaScriptEnabled }) => {
    it("are added, reordered and published through the pages, and the portal, the deck and the PDF follow their order", async () => {
      const day = javaScriptEnabled ? "13" : "14";
      const municipalityId = (await getCatalogue(rig.ctx, "kleve")).municipality
        .id;
      const principal = buildPrincipal(municipalityId, {
        role: "admin",
        orgUnitCodes: [],
      });
      // The meeting and the draft exist (their own journey is tested elsewhere).
      const meetingId = (
        await createMeeting(rig.ctx, principal, {
          municipality: "kleve",
          data: {
            committeeId: 1,
            day: `2023-06-${day}`,
            title: null,
            oparlMeetingUrl: null,
            oparlAgendaItemUrl: null,
            oparlPaperUrl: null,
          },
        })
      ).id;
      const { id: reportId, number: reportNumber } = await createReport(
        rig.ctx,
        principal,
        {
          municipality: "kleve",
          data: { meetingId, asOf: `2023-06-0${Number(day) - 10}` },
        },
      );

      const user = await createTestUser(rig.ctx, { role: "admin" });
      const admin = await rig.newPage(javaScriptEnabled);
      try {
        await signInInBrowser(rig, admin, user, {
          landing: "/kleve/verwaltung/",
        });
        await admin.goto(`/kleve/verwaltung/berichte/${reportNumber}`);
        await admin
          .getByRole("link", { name: "Abschnitte und Reihenfolge bearbeiten" })
          .click();
        await admin
          .getByRole("heading", {
            level: 1,
            name: /^Abschnitte und Reihenfolge/,
          })
          .waitFor();
        await expectAccessible(admin);

        const addSection = async (kind: string) => {
          await admin
            .locator("#abschnitt-art-art")
            .selectOption({ label: kind });
          await admin
            .getByRole("button", { name: "Abschnitt anlegen" })
            .click();
          await admin
            .getByRole("heading", {
              level: 1,
              name: new RegExp(`^Neuer Abschnitt: ${kind}`),
            })
            .waitFor();
        };
        const save = async () => {
          await admin
            .getByRole("button", { name: "Abschnitt speichern" })
            .click();
        };
        const saved = async () => {
          await expect
            .poll(() => admin.url())
            .toContain("gespeichert=abschnitt-angelegt");
        };

        // The introduction.
        await addSection("Einleitung");
        await expectAccessible(admin);
        await admin.locator("#abschnitt-neu-text").fill(INTRODUCTION);
        await save();
        await saved();
        expect(await admin.locator("main").textContent()).toContain(
          "Der Abschnitt wurde angelegt.",
        );

        // A survey whose percentages do not add up is refused; the input is kept.
        await addSection("Umfrageergebnis");
        await admin
          .locator("#abschnitt-neu-ueberschrift")
          .fill("Umfrage Mobiles Arbeiten");
        await admin.locator("#abschnitt-neu-frage").fill(QUESTION);
        await admin.getByLabel("Prozent (zusammen 100 %, gerundet)").check();
        await admin
          .locator("#abschnitt-neu-antworten")
          .fill("Sehr zufrieden; 47,6\nZufrieden; 40\nUnzufrieden; 2,4");
        await save();
        expect(await admin.getByRole("alert").textContent()).toContain(
          "Die Prozentwerte ergeben zusammen 90 %, nicht 100 %.",
        );
        expect(await admin.locator("#abschnitt-neu-frage").inputValue()).toBe(
          QUESTION,
        );
        await expectAccessible(admin);
        await admin
          .locator("#abschnitt-neu-antworten")
          .fill("Sehr zufrieden; 47,6\nZufrieden; 40\nUnzufrieden; 12,4");
        await save();
        await saved();

        // The outlook.
        await addSection("Ausblick");
        await admin.locator("#abschnitt-neu-text").fill(OUTLOOK);
        await save();
        await saved();
        await expectAccessible(admin);

        // Introduction, projects, survey, outlook: the survey moves up before the projects.
        await admin
          .getByRole("button", {
            name: "Umfrage Mobiles Arbeiten nach oben verschieben",
          })
          .click();
        await expect
          .poll(() => admin.url())
          .toContain("gespeichert=abschnitt-verschoben");
        const rows = await admin
          .locator("#abschnitte tbody tr th")
          .allTextContents();
        expect(rows.map((row) => row.trim())).toEqual([
          "Einleitung",
          "Umfrage Mobiles Arbeiten",
          "Projekte",
          "Ausblick",
        ]);
        await expectAccessible(admin);

        // The projects' entries are filled in behind the scenes; the team publishes.
        const { document } = await getReportDocument(
          rig.ctx,
          principal,
          "kleve",
          reportId,
        );
        for (const project of reportProjects(document).filter(
          (each) => each.status === null,
        ))
          await saveReportEntry(rig.ctx, principal, {
            municipality: "kleve",
            reportId,
            project: project.slug,
            expectedVersion: 0,
            data: {
              status: "on-track",
              text: ENTRY,
              highlights: [],
              newDate: null,
              isIncluded: true,
            },
          });
        await admin.goto(`/kleve/verwaltung/berichte/${reportNumber}`);
        await admin
          .getByLabel(
            "Ich habe den Bericht geprüft und möchte ihn veröffentlichen.",
          )
          .check();
        await admin
          .getByRole("button", { name: "Bericht veröffentlichen" })
          .click();
        await expect
          .poll(() => admin.url())
          .toContain("gespeichert=veroeffentlicht");
        const publicHref = await admin
          .getByRole("link", { name: "Öffentliche Seite" })
          .getAttribute("href");
        expect(publicHref).toBeTruthy();

        // The public page shows the sections in that order.
        const reader = await rig.newPage(javaScriptEnabled);
        try {
          await reader.goto(publicHref!);
          await reader
            .getByRole("heading", { name: "Umfrage Mobiles Arbeiten" })
            .waitFor();
          const main = (await reader.locator("main").textContent()) ?? "";
          const [intro, survey, project, outlook] = positions(main, [
            INTRODUCTION,
            QUESTION,
            ENTRY,
            OUTLOOK,
          ]);
          expect(intro).toBeLessThan(survey!);
          expect(survey).toBeLessThan(project!);
          expect(project).toBeLessThan(outlook!);
          await expectAccessible(reader);

          // The deck and the PDF, downloaded from the public page, follow the same order.
          const deckHref = await reader
            .getByRole("link", { name: "Foliensatz (PowerPoint, PPTX)" })
            .getAttribute("href");
          const pdfHref = await reader
            .getByRole("link", { name: "Bericht als PDF" })
            .getAttribute("href");
          const deck = await reader.request.get(deckHref!);
          expect(deck.status()).toBe(200);
          const slides = await deckText(await deck.body());
          const [deckIntro, deckSurvey, deckOutlook] = positions(slides, [
            INTRODUCTION,
            QUESTION,
            OUTLOOK,
          ]);
          expect(deckIntro).toBeLessThan(deckSurvey!);
          expect(deckSurvey).toBeLessThan(deckOutlook!);
          expect(slides.indexOf(ENTRY)).toBeGreaterThan(deckSurvey!);
          expect(slides.indexOf(ENTRY)).toBeLessThan(deckOutlook!);

          const pdf = await reader.request.get(pdfHref!);
          expect(pdf.headers()["content-type"]).toBe("application/pdf");
          const file = join(directory, `bericht-${day}.pdf`);
          writeFileSync(file, await pdf.body());
          const { stdout } = await run("pdftotext", ["-layout", file, "-"]);
          const text = stdout.replace(/\s+/g, " ");
          const [pdfIntro, pdfSurvey, pdfOutlook] = positions(text, [
            "Dieser Bericht beginnt mit einer Einleitung",
            "Wie zufrieden sind Sie mit dem mobilen",
            "Im nächsten Jahr folgt die E-Akte",
          ]);
          expect(pdfIntro).toBeLessThan(pdfSurvey!);
          expect(pdfSurvey).toBeLessThan(pdfOutlook!);
        } finally {
          await reader.close();
        }
      } finally {
        await admin.close();
      }
    });
  },
);
