/**
 * The free sections of a report in its committee documents: the demo report with an
 * introduction before the projects, a survey and an outlook section after them. The deck
 * (PPTX, read back with jszip) and the print PDF (pdftotext) follow that order; the deck
 * and the PDF are written to FORTSCHRITT_DOCUMENT_DIR when it is set, for a look. Both
 * also show the meeting as held: agenda item, paper, presenters, questions and answers.
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
import { surveyShares } from "../../src/domain/report/report-free-sections.js";
import {
  createPdfRenderer,
  type PdfRenderer,
} from "../../src/exports/pdf/render-pdf.js";
import { buildReportDeck } from "../../src/exports/report/report-deck.js";
import { renderReportPdf } from "../../src/web/reports/report-print.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";

const run = promisify(execFile);

function slideText(xml: string): string {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
    .map((match) => match[1])
    .join(" ");
}

async function slides(zip: JSZip): Promise<string[]> {
  const names = Object.keys(zip.files)
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort(
      (a, b) =>
        Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]),
    );
  return Promise.all(names.map((name) => zip.file(name)!.async("string")));
}

const MEETING = {
  kind: "committee" as const,
  agendaItemNumber: "5.1",
  agendaItemTitle: "Sachstandsbericht Digitalisierung",
  paperReference: "A 10/185/2022",
  presenters: [
    { name: "Anna Beispiel", function: "Chief Digital Officer" },
    { name: "Ben Muster", function: "" },
  ],
  minutes: [
    {
      question: "Wann kommt die E-Akte ins Bauamt?",
      answer: "Im zweiten Quartal 2023.",
    },
  ],
  publicMembers: [],
};

describe("a report with free sections in its documents", () => {
  let web: WebTestApp;
  let document: ReportDocument;
  let renderer: PdfRenderer;
  const directory =
    process.env["FORTSCHRITT_DOCUMENT_DIR"] ??
    mkdtempSync(join(tmpdir(), "fortschritt-abschnitte-"));

  beforeAll(async () => {
    web = await openWebApp("sqlite", { demo: "with-reports" });
    const published = (await getPublishedReport(web.ctx, "kleve", "2022-11-29"))
      .document;
    document = {
      ...published,
      blocks: [
        {
          kind: "introduction",
          heading: "",
          text: "Dieser Bericht fasst den Stand der Digitalisierung zusammen.\n\nEr beginnt mit einer Einleitung.",
        },
        { kind: "projects" },
        {
          kind: "survey",
          heading: "Umfrage Mobiles Arbeiten",
          text: "Befragt wurden alle Beschäftigten im Oktober 2022.",
          question: "Wie zufrieden sind Sie mit dem mobilen Arbeiten?",
          unit: "count",
          answers: surveyShares("count", [
            { label: "Sehr zufrieden", value: 212 },
            { label: "Zufrieden", value: 180 },
            { label: "Weniger zufrieden", value: 41 },
            { label: "Unzufrieden", value: 12 },
          ]),
        },
        {
          kind: "outlook",
          heading: "",
          text: "Im nächsten Jahr folgt die E-Akte in allen Fachbereichen.",
        },
      ],
    };
    renderer = createPdfRenderer();
  });
  afterAll(async () => {
    await renderer?.close();
    await web?.close();
    if (process.env["FORTSCHRITT_DOCUMENT_DIR"] === undefined)
      rmSync(directory, { recursive: true, force: true });
  });

  it("puts the deck's slides in the report's order, the survey as a native bar chart", async () => {
    const deck = await buildReportDeck(document, MEETING);
    writeFileSync(join(directory, "abschnitte.pptx"), deck);
    const zip = await JSZip.loadAsync(deck);
    const texts = (await slides(zip)).map(slideText);
    const at = (needle: string) =>
      texts.findIndex((text) => text.includes(needle));
    const introduction = at("Er beginnt mit einer Einleitung.");
    // The overview lists every project with its status; the project's own slide comes later.
    const firstProject = texts.findIndex(
      (text) =>
        !text.startsWith("Überblick") &&
        text.includes(document.sections[0]!.projects[0]!.title),
    );
    const survey = at(
      "Frage: Wie zufrieden sind Sie mit dem mobilen Arbeiten?",
    );
    const outlook = at("Im nächsten Jahr folgt die E-Akte");
    expect(introduction).toBeGreaterThan(0);
    expect(firstProject).toBeGreaterThan(introduction);
    expect(survey).toBeGreaterThan(firstProject);
    expect(outlook).toBeGreaterThan(survey);
    expect(texts[survey]).toContain("Sehr zufrieden: 212 (47,6");
    expect(texts[survey]).toContain("Antworten insgesamt: 445");
    // The outlook list comes with the outlook section, not once more at the end.
    expect(texts[outlook]).toContain(document.outlook[0]!.what);
    expect(
      texts.filter((text) => text.includes(document.outlook[0]!.what)),
    ).toHaveLength(1);
    // The title slide names the agenda item, the paper and the presenters; Q&A come last.
    expect(texts[0]).toContain("TOP 5.1: Sachstandsbericht Digitalisierung");
    expect(texts[0]).toContain("Vorlage A 10/185/2022");
    expect(texts[0]).toContain(
      "Vortrag: Anna Beispiel (Chief Digital Officer), Ben Muster",
    );
    expect(texts.at(-1)).toContain("Fragen und Antworten");
    expect(texts.at(-1)).toContain(
      "Frage: Wann kommt die E-Akte ins Bauamt? Antwort: Im zweiten Quartal 2023.",
    );
    const charts = Object.keys(zip.files).filter((name) =>
      /^ppt\/charts\/chart\d+\.xml$/.test(name),
    );
    const surveyChart = (
      await Promise.all(charts.map((name) => zip.file(name)!.async("string")))
    ).find((xml) => xml.includes("Unzufrieden"));
    expect(surveyChart).toContain('<c:barDir val="bar"/>');
  });

  it("prints the sections in the report's order, the survey with its table", async () => {
    const pdf = await renderReportPdf(renderer, document, MEETING);
    const file = join(directory, "abschnitte.pdf");
    writeFileSync(file, pdf);
    const text = (
      await run("pdftotext", [file, "-"], { maxBuffer: 20_000_000 })
    ).stdout.replace(/\s+/g, " ");
    const introduction = text.indexOf("Er beginnt mit einer Einleitung.");
    const projects = text.indexOf("Smart Working");
    const survey = text.indexOf("Umfrage Mobiles Arbeiten");
    const outlook = text.indexOf("Im nächsten Jahr folgt die E-Akte");
    expect(introduction).toBeGreaterThan(0);
    expect(text.indexOf("Smart Working", introduction)).toBeGreaterThan(
      introduction,
    );
    expect(projects).toBeGreaterThan(0);
    expect(survey).toBeGreaterThan(introduction);
    expect(outlook).toBeGreaterThan(survey);
    expect(text).toContain("Sehr zufrieden 212 47,6 %");
    expect(text).toContain("Antworten insgesamt: 445");
    expect(text).toContain("Anna Beispiel, Chief Digital Officer");
    expect(text).toContain("TOP 5.1: Sachstandsbericht Digitalisierung");
    expect(text).toContain("Wann kommt die E-Akte ins Bauamt?");
    expect(text).toContain("Im zweiten Quartal 2023.");
  }, 90_000);
});
