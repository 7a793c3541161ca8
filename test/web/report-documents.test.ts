/**
 * The committee documents of a status report as real files, on both dialects: the slide
 * deck (PPTX) read back with jszip — title slide with the as-of date, a section per action
 * field, native charts with title, alt text and the values, the OZG slides, the outlook —
 * and converted by LibreOffice without error; the PDF read with pdfinfo and pdftotext.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPublishedReport } from "../../src/app/reports/read-reports.js";
import type { ReportDocument } from "../../src/domain/report/report-document.js";
import { buildReportDeck } from "../../src/exports/report/report-deck.js";
import { WEB_DIALECTS } from "../support/database.js";
import { convertWithLibreOffice } from "../support/office.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";

const run = promisify(execFile);

/** The texts of a slide (its a:t runs), joined by spaces. */
function slideText(xml: string): string {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
    .map((match) => match[1])
    .join(" ");
}

/** Slides in their order (slide1.xml, slide2.xml, … — not in string order). */
async function slides(zip: JSZip): Promise<string[]> {
  const names = Object.keys(zip.files)
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort(
      (a, b) =>
        Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]),
    );
  return Promise.all(names.map((name) => zip.file(name)!.async("string")));
}

describe.each(WEB_DIALECTS)("the report's documents on %s", (dialect) => {
  let web: WebTestApp;
  let document: ReportDocument;
  let zip: JSZip;
  let deck: Buffer;
  const directory = mkdtempSync(join(tmpdir(), "fortschritt-bericht-"));

  beforeAll(async () => {
    web = await openWebApp(dialect, { demo: "with-reports" });
    document = (await getPublishedReport(web.ctx, "kleve", "2022-11-29"))
      .document;
    deck = await buildReportDeck(document);
    zip = await JSZip.loadAsync(deck);
  });
  afterAll(async () => {
    await web?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("opens with the title slide and its as-of date, the meeting and the previous report", async () => {
    const [title] = await slides(zip);
    // Named by its number in the municipality, as on the portal: Kleve's second (after the one of 23.08.2022).
    expect(document.number).toBe(2);
    expect(slideText(title!)).toContain(
      "Sachstandsbericht Digitalisierung Nr. 2 Ausschuss für Personal und Digitalisierung (APD), Sitzung am 29.11.2022 Stand: 28.11.2022",
    );
    expect(slideText(title!)).toContain(
      "Letzter Sachstandsbericht vom 23.08.2022",
    );
  });

  it("has a section per action field, each opened by a divider, the OZG slides within theirs, then the outlook", async () => {
    const presentation = await zip
      .file("ppt/presentation.xml")!
      .async("string");
    const sections = [
      ...presentation.matchAll(/<p14:section name="([^"]+)"/g),
    ].map((match) => match[1]);
    expect(sections).toEqual([
      "Einleitung",
      "Smart Working",
      "E-Government",
      "Partizipation",
      "Ausblick",
    ]);
    const texts = (await slides(zip)).map(slideText);
    expect(
      texts.some(
        (text) =>
          text.includes("1.4 Digitale Ratsarbeit") &&
          text.includes("Status: verzögert") &&
          text.includes("Neuer Termin: QI/2023"),
      ),
    ).toBe(true);
    expect(
      texts.some((text) =>
        text.includes(
          "Einzelmaßnahme umgesetzt: Optimierung des Veranstaltungsmoduls (Kalenderansicht)",
        ),
      ),
    ).toBe(true);
    expect(
      texts.some(
        (text) =>
          text.includes(
            "107 OZG-Leistungen wurden für die Stadt Kleve definiert",
          ) && text.includes("44 OZG-Leistungen umgesetzt"),
      ),
    ).toBe(true);
    expect(
      texts.some(
        (text) =>
          text.includes("Online-Anträge insgesamt") && text.includes("86"),
      ),
    ).toBe(true);
    expect(texts.at(-1)).toContain(
      "Ausblick APD – QI/2023 Fortschreibung Maßnahmenkatalog Digitalisierung",
    );
  });

  it("draws each figure as a chart with a title, alt text and the values, next to value, date and definition", async () => {
    const charts = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name))
        .map((name) => zip.file(name)!.async("string")),
    );
    const mobile = charts.find((xml) =>
      xml.includes("Mitarbeitende im Mobile Office (Stand: 28.11.2022)"),
    );
    expect(mobile).toBeDefined();
    expect(
      [...mobile!.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((match) => match[1]),
    ).toEqual(
      // A date axis: the days as spreadsheet serials, placed in proportion to time.
      expect.arrayContaining([
        String(25_569 + 19_227),
        String(25_569 + 19_324),
      ]),
    );
    expect(mobile).toContain("<c:dateAx>");
    const texts = await slides(zip);
    const slide = texts.find((xml) =>
      slideText(xml).includes("144 von 572 (25,2\u00a0%) Mitarbeitende"),
    );
    expect(slide).toBeDefined();
    expect(slideText(slide!)).toContain("Stand: 28.11.2022");
    expect(slideText(slide!)).toContain(
      "Was gezählt wird: Mitarbeitende mit Vereinbarung über regelmäßiges Mobile Office",
    );
    expect(slide).toMatch(
      /<p:cNvPr [^>]*descr="Mitarbeitende im Mobile Office, 2 Werte vom 23\.08\.2022 bis 28\.11\.2022: von 120 von 565/,
    );
    const maturity = charts.find((xml) =>
      xml.includes("Reifegrad der OZG-Leistungen (Reifegradmodell 1.1)"),
    );
    expect(maturity).toBeDefined();
  });

  it("draws the maturity chart as horizontal bars with the levels' names at 12 pt, level 0 on top", async () => {
    const charts = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name))
        .map((name) => zip.file(name)!.async("string")),
    );
    const maturity = charts.find((xml) => xml.includes("Reifegrad der OZG"));
    expect(maturity).toBeDefined();
    // Under columns, LibreOffice turns the long names by 45° and shrinks them to fit.
    expect(maturity).toContain('<c:barDir val="bar"/>');
    const axis = /<c:catAx>[\s\S]*?<\/c:catAx>/.exec(maturity!)![0];
    expect(axis).toMatch(/<a:defRPr sz="1200"/);
    // A bar chart draws its first category at the bottom: level 4 comes first.
    const categories = /<c:cat>[\s\S]*?<\/c:cat>/.exec(maturity!)![0];
    const levels = [...categories.matchAll(/<c:v>Stufe (\d)/g)].map(
      (match) => match[1],
    );
    expect(levels).toEqual(["4", "3", "2", "1", "0"]);
  });

  it("converts with LibreOffice without error", async () => {
    const file = join(directory, "bericht.pptx");
    writeFileSync(file, deck);
    const pdf = await convertWithLibreOffice(file, directory);
    const text = (await run("pdftotext", [pdf, "-"], { maxBuffer: 20_000_000 }))
      .stdout;
    expect(text).toContain("Sachstandsbericht Digitalisierung");
    expect(text).toContain("Umsetzung Onlinezugangsgesetz (OZG)");
  }, 150_000);

  it("prints a tagged PDF with the report's title, its figures and their as-of dates", async () => {
    const response = await web.app.inject(
      "/kleve/berichte/2022-11-29/bericht.pdf",
    );
    const file = join(directory, "druck.pdf");
    writeFileSync(file, response.rawPayload);
    const info = (await run("pdfinfo", [file])).stdout;
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(
      /Title:\s+Sachstandsbericht Digitalisierung Nr\. 2 – APD 29\.11\.2022 \(Stand 28\.11\.2022\)/,
    );
    const text = (
      await run("pdftotext", [file, "-"], { maxBuffer: 20_000_000 })
    ).stdout.replace(/\s+/g, " ");
    expect(text).toContain("Sachstandsbericht Digitalisierung Nr. 2");
    expect(text).toContain("133 Mitarbeitende (Stand: 28.11.2022)");
    expect(text).toContain("Was gezählt wird");
    // The figures table may break across pages, which reorders the extracted text.
    expect(text).toContain("Für die Kommune definierte OZG-Leistungen");
    expect(text).toContain("davon nicht zuständig (andere Behörde)");
    expect(text).toContain("online über: Landes- oder Bundesportal 8 14");
    expect(text).toContain("zu umgesetzten OZG-Leistungen 22 60");
    expect(text).toMatch(/Seite 1 von \d+/);
    // The OZG figures stand in their action field, after the project that implements the
    // OZG and before the next one, as in the deck, not after the last field.
    const ozgProject = text.indexOf("1.3 Umsetzung Onlinezugangsgesetz");
    const ozgFigures = text.indexOf("Umsetzung Onlinezugangsgesetz (OZG)");
    expect(ozgProject).toBeGreaterThan(0);
    expect(ozgFigures).toBeGreaterThan(ozgProject);
    expect(ozgFigures).toBeLessThan(text.indexOf("1.4 Digitale Ratsarbeit"));
    expect(ozgFigures).toBeLessThan(
      text.indexOf("Aktionsfeld 3: Partizipation"),
    );
  }, 60_000);
});
