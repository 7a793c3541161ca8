/**
 * A new municipality sets itself up flat in a real browser: its administrator names the
 * levels (Thema/Vorhaben/Schritt) and switches the top level off, keeps its own org
 * unit kinds, adds a unit, a topic, a project with a phase whose end is not yet decided
 * overlapping another phase, a step with its budget year, owner and phase, and an
 * advisory board. Its key figures are entered as people write them ("2 von 3",
 * "66,7 %", "mehr als 60", 111 = 23 + 88). After the first edition, the portal and the
 * edition's documents (DOCX, PDF, PPTX) speak in its level names and never show a dummy
 * top level. Axe (WCAG 2.1 AA) checks the pages on the way (docs/adr/0029, 0030, 0032).
 *
 * The journey sends forms the script does not change, so it runs once, without JavaScript
 * (docs/adr/0061-form-journeys-once-pages-in-both-modes.md).
 */
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
import { totpCodeAt } from "../../src/app/auth/totp.js";
import { getCatalogue } from "../../src/app/catalogue/read-catalogue.js";
import { publishEdition } from "../../src/app/edition/publish-edition.js";
import {
  addObservation,
  createIndicator,
} from "../../src/app/indicators/manage-indicators.js";
import { createMunicipality } from "../../src/app/municipalities/lifecycle.js";
import { createTestUser } from "../support/accounts.js";
import {
  findAccessibilityViolations,
  FORM_JOURNEY_MODES,
  openBrowserRig,
  type BrowserRig,
} from "../support/browser.js";
import { KLEVE_LEVEL_WORDS } from "../support/flat-programme.js";
import { buildPrincipal } from "../support/principals.js";

const run = promisify(execFile);

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

async function expectAccessible(page: Page): Promise<void> {
  expect(await findAccessibilityViolations(page), page.url()).toEqual([]);
}

function expectNoKleveLevels(text: string, where: string): void {
  for (const word of KLEVE_LEVEL_WORDS) expect(text, where).not.toContain(word);
}

/** The text of Office XML, tags removed, paragraphs on lines. */
function xmlText(xml: string): string {
  return xml
    .replace(/<\/(w:p|a:p)>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"');
}

describe.each(FORM_JOURNEY_MODES)(
  "a flat municipality set up in the browser $mode",
  ({ javaScriptEnabled }) => {
    it("names its levels, builds topic, project, phases, step and advisory board, and shows them without a dummy level", async () => {
      const slug = `flach-${randomBytes(3).toString("hex")}`;
      await createMunicipality(rig.ctx, COMMAND_LINE, {
        name: "Gemeinde Flachland",
        slug,
        state: "05",
        regionalKey: "051540000000",
      });
      const user = await createTestUser(rig.ctx, {
        role: "admin",
        municipalitySlug: slug,
      });
      const page = await rig.newPage(javaScriptEnabled);
      const staff = `/${slug}/verwaltung`;
      /** Submits the form with the id and waits for the confirmation in the address. */
      const submit = async (formId: string, saved: string): Promise<void> => {
        await page.locator(`#${formId} button[type="submit"]`).last().click();
        await expect.poll(() => page.url()).toContain(`gespeichert=${saved}`);
      };
      try {
        await page.context().clearCookies();
        await page.goto("/anmelden");
        await page.locator("#email").fill(user.email);
        await page.locator("#password").fill(user.password);
        await page
          .getByRole("button", { name: "Anmelden", exact: true })
          .click();
        await page
          .locator("#code")
          .fill(
            totpCodeAt(
              user.totpSecret!,
              new Date(rig.ctx.clock().getTime() + 30_000),
            ),
          );
        await page.getByRole("button", { name: "Bestätigen" }).click();
        await expect.poll(() => new URL(page.url()).pathname).toBe(`${staff}/`);

        // Levels: flat, in the municipality's words, with its own kinds of units.
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

        // A unit of a kind of its own list.
        await page.goto(`${staff}/einheiten`);
        await page.locator("#oe-neu-kuerzel").fill("cdo");
        await page.locator("#oe-neu-name").fill("Stabsstelle CDO");
        await page
          .locator("#oe-neu-art")
          .selectOption({ label: "Stabsstelle" });
        await submit("oe-neu", "");

        // A topic, without an impact area to choose.
        await page.goto(`${staff}/struktur`);
        expect(await page.locator("#af-neu-wirkungsbereich").count()).toBe(0);
        await page.locator("#af-neu-schluessel").fill("e-akte");
        await page.locator("#af-neu-nummer").fill("1");
        await page.locator("#af-neu-name").fill("E-Akte");
        await page.locator("#af-neu-farbe").fill("#1d4f91");
        await submit("af-neu", "");
        const structure = await page.locator("main").innerText();
        expect(structure).toContain("E-Akte");
        expectNoKleveLevels(structure, "structure");
        await expectAccessible(page);

        // A project of that topic, led by the unit.
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
        await page.locator(`#projekt-neu button[type="submit"]`).last().click();
        await expect
          .poll(() => new URL(page.url()).pathname)
          .toBe(`${staff}/projekte/e-akte-einfuehrung`);

        // Two phases; the second overlaps the first and its end is not yet decided.
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

        // A step with its budget year, owner and phase.
        await page
          .locator("#massnahme-neu-titel")
          .fill("Haushaltsmittel beantragen");
        await page.locator("#massnahme-neu-beginn").fill("2025");
        await page.locator("#massnahme-neu-ende").fill("2025");
        await page
          .locator("#massnahme-neu-einheit")
          .selectOption({ value: "cdo" });
        await page
          .locator("#massnahme-neu-phase")
          .selectOption({ value: "Rollout" });
        await submit("massnahme-neu", "massnahme-neu");
        const editor = await page.locator("main").innerText();
        expect(editor).toContain("Der Schritt wurde hinzugefügt.");
        expectNoKleveLevels(editor, "project editor");
        await expectAccessible(page);

        // An advisory board.
        await page.goto(`${staff}/gremien`);
        await page.locator("#gremium-neu-name").fill("Digitalbeirat");
        await page.locator("#gremium-neu-kuerzel").fill("DB");
        await page
          .locator("#gremium-neu-art")
          .selectOption({ value: "advisory_board" });
        await submit("gremium-neu", "");
        expect(await page.locator("main").innerText()).toContain(
          "Digitalbeirat",
        );
      } finally {
        await page.close();
      }

      // Key figures as people write them, and the first edition.
      const catalogue = await getCatalogue(rig.ctx, slug);
      expect(catalogue.programme.levels.flat).toBe(true);
      const project = catalogue.impactAreas
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
      const admin = buildPrincipal(catalogue.municipality.id, {
        role: "admin",
        orgUnitCodes: [],
      });
      const figures = [
        {
          key: "sitzungen",
          kind: "ratio",
          unit: "Sitzungen",
          value: "2 von 3",
        },
        {
          key: "quote",
          kind: "percent",
          unit: "%",
          decimals: 1,
          value: "66,7 %",
        },
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
          breakdown: "23 Führungskräfte\n88 Mitarbeitende",
        },
      ] as const;
      for (const figure of figures) {
        await createIndicator(rig.ctx, admin, {
          municipality: slug,
          key: figure.key,
          data: {
            name: `Kennzahl ${figure.key}`,
            unit: figure.unit,
            kind: figure.kind,
            ...("decimals" in figure ? { decimals: figure.decimals } : {}),
            definition: "Was gezählt wird",
            source: "Stabsstelle CDO",
            owner: "Stabsstelle CDO",
            projectSlug: null,
            denominatorLabel: figure.kind === "ratio" ? "insgesamt" : null,
            chartKind: "line",
          },
        });
        await addObservation(rig.ctx, admin, {
          municipality: slug,
          indicator: figure.key,
          expectedVersion: 1,
          data: {
            day: "2022-11-01",
            value: figure.value,
            note: null,
            ...("breakdown" in figure ? { breakdown: figure.breakdown } : {}),
          },
        });
      }
      const draft = await getCatalogue(rig.ctx, slug);
      await publishEdition(rig.ctx, admin, {
        municipality: slug,
        expectedDataVersion: draft.municipality.dataVersion,
        confirmConflicts: true,
        data: {},
      });

      // The portal: topics, the project with both phases and its step, the figures.
      const reader = await rig.newPage(javaScriptEnabled);
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
              "2025",
              "Stabsstelle CDO",
            ],
          ],
          [
            `/${slug}/kennzahlen`,
            ["2 von 3", "66,7", "mehr als 60", "Führungskräfte", "88"],
          ],
        ] as const) {
          const response = await reader.goto(path);
          expect(response?.status(), path).toBe(200);
          const text = await reader.locator("main").innerText();
          for (const part of expected) expect(text, path).toContain(part);
          expectNoKleveLevels(text, path);
          expect(text, path).not.toContain(
            `Digitalisierungsprogramm Gemeinde Flachland ›`,
          );
          await expectAccessible(reader);
        }
      } finally {
        await reader.close();
      }

      // The edition's catalogue and slides: the municipality's words, no hidden level.
      const download = async (name: string): Promise<JSZip> => {
        const response = await fetch(
          `${rig.baseUrl}/${slug}/fortschreibungen/1/${name}`,
        );
        expect(response.status, name).toBe(200);
        return JSZip.loadAsync(await response.arrayBuffer());
      };
      const docx = xmlText(
        (await (
          await download("katalog.docx")
        )
          .file("word/document.xml")
          ?.async("string")) ?? "",
      );
      expect(docx).toContain("Thema 1: E-Akte");
      expect(docx).toContain("Haushaltsmittel beantragen");
      expectNoKleveLevels(docx, "katalog.docx");
      const deck = await download("folien.pptx");
      const slides = (
        await Promise.all(
          Object.keys(deck.files)
            .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
            .map(async (name) =>
              xmlText((await deck.file(name)?.async("string")) ?? ""),
            ),
        )
      ).join("\n");
      expectNoKleveLevels(slides, "folien.pptx");
      const pdf = await fetch(
        `${rig.baseUrl}/${slug}/fortschreibungen/1/katalog.pdf`,
      );
      expect(pdf.status).toBe(200);
      const directory = await mkdtemp(join(tmpdir(), "flach-"));
      try {
        const path = join(directory, "katalog.pdf");
        await writeFile(path, Buffer.from(await pdf.arrayBuffer()));
        const printed = (
          await run("pdftotext", [path, "-"], { maxBuffer: 20_000_000 })
        ).stdout.replace(/\s+/g, " ");
        expect(printed).toContain("Thema 1: E-Akte");
        expect(printed).toContain("Haushaltsmittel beantragen");
        expectNoKleveLevels(printed, "katalog.pdf");
      } finally {
        await rm(directory, { recursive: true, force: true });
      }
    }, 240_000);
  },
);
