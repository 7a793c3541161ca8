/**
 * The report deck as a CDO puts it together, read back from the Kleve demo report's PPTX:
 * several figures of one project (the followers of each social-media channel) in one
 * table instead of a slide per number, the OZG channels in the report's groups
 * ("Landes- oder Bundesportal") with the online applications in a table, and the OZG
 * slides within their action field.
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPublishedReport } from "../../src/app/reports/read-reports.js";
import { buildReportDeck } from "../../src/exports/report/report-deck.js";
import { WEB_DIALECTS } from "../support/database.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";

/** The texts of a slide's runs, joined by spaces. */
function slideText(xml: string): string {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
    .map((match) => match[1])
    .join(" ");
}

/** The rows of the tables on a slide, each row's cell texts. */
function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<a:tr\b[\s\S]*?<\/a:tr>/g)].map((row) =>
    [...row[0].matchAll(/<a:tc\b[\s\S]*?<\/a:tc>/g)].map((cell) =>
      slideText(cell[0]).trim(),
    ),
  );
}

describe.each(WEB_DIALECTS)("the report deck's groups on %s", (dialect) => {
  let web: WebTestApp;
  let slides: string[];
  let sections: string[];

  beforeAll(async () => {
    web = await openWebApp(dialect, { demo: "with-reports" });
    const { document } = await getPublishedReport(
      web.ctx,
      "kleve",
      "2022-11-29",
    );
    const deck = await buildReportDeck(document);
    const zip = await JSZip.loadAsync(deck);
    const names = Object.keys(zip.files)
      .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
      .sort(
        (a, b) =>
          Number(/(\d+)\.xml$/.exec(a)?.[1]) -
          Number(/(\d+)\.xml$/.exec(b)?.[1]),
      );
    slides = await Promise.all(
      names.map((name) => zip.file(name)!.async("string")),
    );
    const presentation = await zip
      .file("ppt/presentation.xml")!
      .async("string");
    sections = [...presentation.matchAll(/<p14:section name="([^"]+)"/g)].map(
      (match) => match[1] ?? "",
    );
  });
  afterAll(async () => {
    await web?.close();
  });

  it("puts the social-media channels' followers on one slide as tiles", () => {
    const tiles = slides.filter((xml) =>
      slideText(xml).includes("Kennzahlen: 1.2 Social Media"),
    );
    expect(tiles).toHaveLength(1);
    const text = slideText(tiles[0]!);
    for (const part of [
      "1.420 Abonnenten Abonnenten des städtischen Instagram-Kontos Stand: 22.11.2022",
      "2.070 Abonnenten Abonnenten der städtischen Facebook-Seite Stand: 22.11.2022",
      "316 Abonnenten Abonnenten des städtischen Twitter-Kontos Stand: 22.11.2022",
      "Neu seit dem 23.08.2022",
    ])
      expect(text).toContain(part);
    // Every text on the slide is at least 9 pt (sizes in hundredths of a point).
    for (const [, size] of tiles[0]!.matchAll(/\ssz="(\d+)"/g))
      expect(Number(size)).toBeGreaterThanOrEqual(900);
    // A single number gets no slide of its own; only a history gets a chart.
    const figureSlides = (name: string) =>
      slides.filter(
        (xml) =>
          slideText(xml).includes("Was gezählt wird:") &&
          slideText(xml).includes(name),
      );
    expect(figureSlides("Facebook-Seite")).toHaveLength(0);
    expect(figureSlides("Twitter-Kontos")).toHaveLength(0);
    expect(figureSlides("Instagram-Kontos")).toHaveLength(1);
  });

  it("shows the OZG channels in the report's groups and the online applications in tables", () => {
    const slide = slides.find((xml) =>
      slideText(xml).includes("Zugangswege und Online-Anträge"),
    );
    expect(slide).toBeDefined();
    const rows = tableRows(slide!);
    expect(rows).toContainEqual(["Zugangsweg", "Umgesetzte OZG-Leistungen"]);
    expect(rows).toContainEqual(["Landes- oder Bundesportal", "14"]);
    expect(rows).toContainEqual(["Umgesetzt insgesamt", "44"]);
    expect(rows).toContainEqual(["Online-Anträge insgesamt", "86"]);
  });

  it("places the OZG slides within their action field", () => {
    expect(sections).not.toContain("Umsetzung Onlinezugangsgesetz (OZG)");
    const ozgIndex = slides.findIndex((xml) =>
      slideText(xml).includes("Zugangswege und Online-Anträge"),
    );
    // The overview names every field; the first slide of Partizipation comes after it.
    const partizipation = slides.findIndex(
      (xml, index) => index > 1 && slideText(xml).includes("Partizipation"),
    );
    const eGovernment = slides.findIndex(
      (xml, index) => index > 1 && slideText(xml).includes("E-Government"),
    );
    expect(eGovernment).toBeGreaterThan(0);
    expect(ozgIndex).toBeGreaterThan(eGovernment);
    expect(ozgIndex).toBeGreaterThan(0);
    expect(ozgIndex).toBeLessThan(partizipation);
  });
});
