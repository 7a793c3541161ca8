/**
 * The printed PDFs of the Kleve demo — the catalogue and both status reports — read back as
 * a screen reader reads them: title and language set, XMP metadata naming the file PDF/UA,
 * headings tagged, every figure with alt text and holding only its picture (headings,
 * values and data tables stay text outside it), every table with header cells
 * (test/support/pdf-structure.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkPdfStructure,
  readPdfStructure,
  structureElements,
} from "../support/pdf-structure.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";

describe("the structure of the printed PDFs of the Kleve demo", () => {
  let web: WebTestApp;

  beforeAll(async () => {
    web = await openWebApp("sqlite", { demo: "with-reports" });
  });

  afterAll(async () => {
    await web?.close();
  });

  async function structure(url: string) {
    const response = await web.app.inject(url);
    expect(response.statusCode, url).toBe(200);
    return readPdfStructure(response.rawPayload);
  }

  it("tags the catalogue: title, language, PDF/UA metadata, headings and each action field's timeline as one figure with alt text", async () => {
    const catalogue = await structure("/kleve/fortschreibungen/2/katalog.pdf");
    expect(checkPdfStructure(catalogue)).toEqual([]);
    expect(catalogue.title).toBe("kleve.digital 2030 – 2. Fortschreibung");
    expect(catalogue.language).toMatch(/^de/);
    const figures = structureElements(catalogue.roots).filter(
      (element) => element.type === "Figure",
    );
    // Kleve's six action fields, each with its own timeline; the projects add up to 42.
    const alts = figures.map((figure) => figure.alt ?? "");
    expect(alts).toHaveLength(6);
    for (const alt of alts) {
      expect(alt).toMatch(
        /^Zeitstrahl Digitale (Verwaltung|Stadt); Aktionsfeld \d: .+: \d+ Projekte von \d{4} bis \d{4}, mit Legende; die Zeiträume stehen auch im Text\.$/,
      );
      expect(alt).not.toContain("Tabelle");
    }
    expect(
      alts.reduce(
        (sum, alt) => sum + Number(/: (\d+) Projekte/.exec(alt)?.[1] ?? 0),
        0,
      ),
    ).toBe(42);
  }, 120_000);

  it.each(["2022-08-23", "2022-11-29"])(
    "tags the report of %s: every chart a figure with alt text, headings and tables outside",
    async (day) => {
      const report = await structure(`/kleve/berichte/${day}/bericht.pdf`);
      expect(checkPdfStructure(report)).toEqual([]);
      const elements = structureElements(report.roots);
      expect(elements.some((element) => element.type === "Table")).toBe(true);
      for (const figure of elements.filter(
        (element) => element.type === "Figure",
      ))
        expect(figure.children.map((child) => child.type)).toEqual([]);
    },
    120_000,
  );
});
