/**
 * The report deck draws key figures as the portal does, on both databases: one value is
 * a big number with its Stand, two or more dated values a native chart on a date axis
 * whose categories are the days (so the gaps between values keep their length), a line
 * from three values on, with the target as a series of its own, and fixed German formats.
 */
import { writeFileSync } from "node:fs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPublishedReport } from "../../src/app/reports/read-reports.js";
import type {
  ReportDocument,
  ReportFigure,
} from "../../src/domain/report/report-document.js";
import { parseIsoDate } from "../../src/domain/calendar/calendar.js";
import { buildReportDeck } from "../../src/exports/report/report-deck.js";
import { dateSerial } from "../../src/exports/report/figure-chart.js";
import {
  DIALECTS,
  openTestContext,
  type TestContext,
} from "../support/database.js";

function serial(iso: string): string {
  return String(dateSerial(parseIsoDate(iso) ?? Number.NaN));
}

describe.each(DIALECTS)("key figures in the report deck on %s", (dialect) => {
  let t: TestContext;
  let zip: JSZip;
  let charts: string[];
  let slides: string[];

  beforeAll(async () => {
    t = await openTestContext(dialect, { demo: "with-reports" });
    const { document: published } = await getPublishedReport(
      t.ctx,
      "kleve",
      "2022-11-29",
    );
    // The deck is drawn from the document alone: two more figures are added to it, one
    // with three values and a target, one with a single value.
    const bars = published.sections
      .flatMap((section) => section.projects)
      .flatMap((project) => project.figures)
      .find((figure) => figure.indicator.key === "dms-produktivsystem");
    if (bars === undefined) throw new Error("demo changed");
    const early = {
      ...bars.current,
      day: parseIsoDate("2021-03-01")!,
      value: 40,
    };
    const line: ReportFigure = {
      ...bars,
      indicator: {
        ...bars.indicator,
        key: "dms-verlauf",
        name: "Verlauf im Dokumentenmanagement",
        target: { value: 200, day: parseIsoDate("2023-12-31")! },
      },
      observations: [early, ...bars.observations],
    };
    const single: ReportFigure = {
      ...bars,
      indicator: {
        ...bars.indicator,
        key: "einzelwert",
        name: "Ein Einzelwert",
      },
      observations: [bars.current],
      change: null,
    };
    const splitValue = {
      ...bars.current,
      breakdown: [
        { label: "Bürgerbüro", value: 80 },
        { label: "Bauamt", value: 53 },
      ],
    };
    const split: ReportFigure = {
      ...bars,
      indicator: {
        ...bars.indicator,
        key: "aufgeteilt",
        name: "Nutzende nach Bereich",
      },
      current: splitValue,
      observations: [splitValue],
      change: null,
    };
    const document: ReportDocument = {
      ...published,
      otherFigures: [...published.otherFigures, line, single, split],
    };
    const deck = await buildReportDeck(document);
    if (process.env.FIGURE_DECK_FILE !== undefined)
      writeFileSync(process.env.FIGURE_DECK_FILE, deck);
    zip = await JSZip.loadAsync(deck);
    const read = (pattern: RegExp) =>
      Promise.all(
        Object.keys(zip.files)
          .filter((name) => pattern.test(name))
          .map((name) => zip.file(name)!.async("string")),
      );
    charts = await read(/^ppt\/charts\/chart\d+\.xml$/);
    slides = await read(/^ppt\/slides\/slide\d+\.xml$/);
  });
  afterAll(async () => {
    await t?.close();
  });

  const chartOf = (title: string): string => {
    const found = charts.find((xml) => xml.includes(title));
    if (found === undefined) throw new Error(`no chart "${title}"`);
    return found;
  };
  const values = (xml: string): string[] =>
    [...xml.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((match) => match[1] ?? "");

  it("puts two values as bars on a date axis at their days", () => {
    const xml = chartOf("Abonnenten des städtischen Instagram-Kontos");
    expect(xml).toContain("<c:barChart>");
    expect(xml).toContain("<c:dateAx>");
    expect(xml).not.toContain("<c:catAx>");
    expect(values(xml)).toEqual(
      expect.arrayContaining([serial("2021-11-05"), serial("2022-11-22")]),
    );
    expect(xml).toMatch(/<c:numFmt formatCode="(MM\.YYYY|YYYY|DD\.MM\.YYYY)"/);
  });

  it("draws three values and a target as a line on a date axis with a German format", () => {
    const xml = chartOf("Verlauf im Dokumentenmanagement");
    expect(xml).toContain("<c:lineChart>");
    expect(xml).toContain("<c:dateAx>");
    expect(values(xml)).toEqual(
      expect.arrayContaining([
        serial("2021-03-01"),
        serial("2022-08-23"),
        serial("2022-11-28"),
        serial("2023-12-31"),
      ]),
    );
    expect(xml).toContain("Ziel: 200");
    expect(xml).toContain('formatCode="[&gt;=1000000]#&quot;.&quot;000');
  });

  it("shows a single value as a big number with its Stand, without a chart", () => {
    const text = (xml: string) =>
      [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(" ");
    const slide = slides.find((xml) => text(xml).startsWith("Ein Einzelwert"));
    expect(slide).toBeDefined();
    expect(text(slide!)).toMatch(/ 133 Mitarbeitende – Stand: 28\.11\.2022 /);
    expect(slide).not.toContain("<p:graphicFrame");
  });

  it("lists a figure's breakdown beside it as bullets, its other lines without", () => {
    const paragraphs = (xml: string) =>
      [...xml.matchAll(/<a:p>(.*?)<\/a:p>/gs)].map((match) => ({
        text: [...match[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
          .map((m) => m[1])
          .join(""),
        bullet: /<a:bu(Char|AutoNum)\b/.test(match[1]!),
      }));
    const slide = slides.find((xml) => xml.includes("Nutzende nach Bereich"));
    expect(slide).toBeDefined();
    const lines = paragraphs(slide!);
    const line = (start: string) => lines.find((p) => p.text.startsWith(start));
    expect(line("Bürgerbüro: 80")?.bullet).toBe(true);
    expect(line("Bauamt: 53")?.bullet).toBe(true);
    expect(line("Stand: ")?.bullet).toBe(false);
    expect(line("Quelle: ")?.bullet).toBe(false);
  });
});
