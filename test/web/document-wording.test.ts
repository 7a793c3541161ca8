/**
 * The words of the Kleve demo's documents, read back from the files: the catalogue (DOCX)
 * of both editions, the revision slides and the status report deck (PPTX), every
 * paragraph and every slide, and the printed status reports (PDF, read with pdftotext).
 * None of the wording defects a reader would have to repair before sending them to the
 * council may appear.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoReport } from "../../src/app/reports/demo-report.js";
import { getPublishedReport } from "../../src/app/reports/read-reports.js";
import { buildReportDeck } from "../../src/exports/report/report-deck.js";
import { WEB_DIALECTS } from "../support/database.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";

const run = promisify(execFile);

/** The paragraphs of Office XML (w:p / a:p), tags removed, entities decoded. */
function paragraphs(xml: string): string[] {
  return xml
    .split(/<\/(?:w:p|a:p)>/)
    .map((part) =>
      part
        .replace(/<[^>]+>/g, "")
        .replace(/&amp;/g, "&")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .trim(),
    )
    .filter((text) => text !== "");
}

/** The files of a zip whose names match, in numeric order (slide2 before slide10). */
async function parts(zip: JSZip, pattern: RegExp): Promise<string[]> {
  const names = Object.keys(zip.files)
    .filter((name) => pattern.test(name))
    .sort(
      (a, b) =>
        Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]),
    );
  return Promise.all(names.map((name) => zip.file(name)!.async("string")));
}

/** The wording defects, each with the pattern that finds it. */
const DEFECTS: readonly (readonly [string, RegExp])[] = [
  ["a doubled label", /Zeitraum Zeitraum/],
  ["doubled punctuation", /[.;:]\)[.;:]|(?<!\.)\.\.(?!\.)|;\s*;|:\s*:/],
  ["a continuation repeated as a note", /\(Danach /i],
  ["a standing task named twice", /Daueraufgabe[^.;]*\(Daueraufgabe/],
  ["a category repeated in its reason", /OZG-Aufwand: Verzögerung aufgrund/],
  [
    "an edition called a revision twice",
    /Fortschreibung: \d+\. Fortschreibung/,
  ],
  ["the catch-all category as a reason", /wegen Sonstiges/],
  ["a rise from nothing as a change", /\(0 am \d/],
  ["the catch-all category before its reason", /Grund: Sonstiges:/],
];

function expectNoDefects(texts: readonly string[], where: string): void {
  for (const text of texts)
    for (const [defect, pattern] of DEFECTS)
      expect(pattern.test(text), `${where}: ${defect} in „${text}“`).toBe(
        false,
      );
}

describe.each(WEB_DIALECTS)(
  "the wording of the demo documents on %s",
  (dialect) => {
    let web: WebTestApp;

    beforeAll(async () => {
      web = await openWebApp(dialect);
    });
    afterAll(async () => {
      await web?.close();
    });

    async function zipOf(url: string): Promise<JSZip> {
      const response = await web.app.inject(url);
      expect(response.statusCode, url).toBe(200);
      return JSZip.loadAsync(response.rawPayload);
    }

    it.each([1, 2])(
      "the catalogue of the %i. Fortschreibung reads as a person would write it",
      async (number) => {
        const zip = await zipOf(
          `/kleve/fortschreibungen/${number}/katalog.docx`,
        );
        const texts = paragraphs(
          (await zip.file("word/document.xml")?.async("string")) ?? "",
        );
        expectNoDefects(texts, `katalog ${number}`);
        const all = texts.join("\n");
        // The unknown start is said once for the document, the phases point to it.
        expect(all.match(/Beginn im Katalog nicht genannt/g)).toHaveLength(1);
        expect(all).toContain(
          "Hinweis zum Zeitplan: ¹ Beginn im Katalog nicht genannt; laut Katalog bis 2030",
        );
        expect(all).toMatch(/Durchführung: \d{4}–2030¹/);
        expect(all).toContain("Daueraufgabe 2020–2030");
        expect(texts).toContain("2022–2023");
        // Both editions are dated before November 2022: no figure of that month.
        expect(all).not.toMatch(/November 2022/);
      },
    );

    it("the catalogue of the 2. Fortschreibung gives each reason once per project and counts the catch-all category plainly", async () => {
      const texts = paragraphs(
        (await (
          await zipOf("/kleve/fortschreibungen/2/katalog.docx")
        )
          .file("word/document.xml")
          ?.async("string")) ?? "",
      );
      const all = texts.join("\n");
      expect(all).toContain("Grund: Verzögerung aufgrund OZG-Aufwand");
      expect(all).toMatch(/\d+ Verschiebungen? aus sonstigen Gründen/);
      // Within a project (from its heading "1.2 Smart City Strategie" to the next) each
      // reason is given once, however many of its phases moved for it.
      let reasons: string[] = [];
      for (const text of texts) {
        if (/^\d+\.\d+ \S/.test(text)) reasons = [];
        const reason = /Grund: (.+)$/.exec(text)?.[1];
        if (reason === undefined) continue;
        expect(reasons, `„${reason}“ twice`).not.toContain(reason);
        reasons.push(reason);
      }
    });

    it("the revision slides name the edition once and count reasons plainly", async () => {
      const zip = await zipOf("/kleve/fortschreibungen/2/folien.pptx");
      const slides = await parts(zip, /^ppt\/slides\/slide\d+\.xml$/);
      const texts = slides.flatMap(paragraphs);
      expectNoDefects(texts, "folien");
      expect(paragraphs(slides[0]!)).toContain("2. Fortschreibung");
      expect(texts.join("\n")).toMatch(
        /\d+ Verschiebungen? aus sonstigen Gründen/,
      );
    });

    it("the report deck names the body in full, formats chart numbers in German and carries the entries in the notes", async () => {
      await loadDemoReport(web.ctx);
      const document = (
        await getPublishedReport(web.ctx, "kleve", "2022-11-29")
      ).document;
      const zip = await JSZip.loadAsync(await buildReportDeck(document));
      const slides = await parts(zip, /^ppt\/slides\/slide\d+\.xml$/);
      const texts = slides.flatMap(paragraphs);
      expectNoDefects(texts, "bericht");
      expect(paragraphs(slides[0]!)).toContain(
        "Ausschuss für Personal und Digitalisierung (APD), Sitzung am 29.11.2022",
      );
      // A figure that rose from zero reads as new, not as "+1.420 (0 am …)".
      expect(texts.join("\n")).not.toMatch(/\+[\d.]+ \(0 /);

      const charts = await parts(zip, /^ppt\/charts\/chart\d+\.xml$/);
      expect(charts.length).toBeGreaterThan(0);
      for (const chart of charts) {
        const codes = [...chart.matchAll(/formatCode="([^"]*)"/g)].map(
          (match) => match[1]!.replace(/&quot;/g, '"'),
        );
        // Fixed in the file, never the viewer's "#,##0" or "0.0".
        expect(
          codes.filter((code) => code === "#,##0" || code === "0.0"),
        ).toEqual([]);
        expect(
          codes.some(
            (code) => code.includes('"."000') || code.startsWith("[$-407]"),
          ),
        ).toBe(true);
      }

      const notes = (await parts(zip, /^ppt\/notesSlides\/notesSlide\d+\.xml$/))
        .flatMap(paragraphs)
        .join("\n");
      const withText = document.sections
        .flatMap((section) => section.projects)
        .filter((project) => project.text !== "");
      expect(withText.length).toBeGreaterThan(0);
      for (const project of withText)
        expect(notes, project.title).toContain(
          project.text.replace(/\s+/g, " ").slice(0, 60),
        );
    });

    it.each(["2022-08-23", "2022-11-29"])(
      "the printed report of %s names the body in full and a rise from nothing as new",
      async (meeting) => {
        await loadDemoReport(web.ctx);
        const url = `/kleve/berichte/${meeting}/bericht.pdf`;
        const response = await web.app.inject(url);
        expect(response.statusCode, url).toBe(200);
        const directory = await mkdtemp(join(tmpdir(), "fortschritt-wording-"));
        try {
          const file = join(directory, "bericht.pdf");
          await writeFile(file, response.rawPayload);
          const lines = (
            await run("pdftotext", [file, "-"], { maxBuffer: 20_000_000 })
          ).stdout
            .split("\n")
            .map((line) => line.trim())
            .filter((line) => line !== "");
          expectNoDefects(lines, `bericht ${meeting}`);
          const all = lines.join("\n");
          expect(all).toContain(
            `Ausschuss für Personal und Digitalisierung (APD), ${meeting.split("-").reverse().join(".")}`,
          );
          if (meeting === "2022-11-29")
            expect(all).toContain(
              "Veränderung seit dem Bericht mit Stand 23.08.2022: neu, damals noch keine",
            );
        } finally {
          await rm(directory, { recursive: true, force: true });
        }
      },
    );
  },
  // Documents with pictures printed by Chromium: more than 30 s on a busy two-core machine.
  120_000,
);
