/**
 * Timelines that explain themselves in the Kleve demo's documents: the revision slides
 * carry the context of a revision presented to the committee (why, overview, priorities,
 * notes per action field) and each field's old-versus-new timeline drawn as PowerPoint
 * shapes — bars where their periods are, the projects' full names and the legend as text
 * of at least 9 pt, the description in the speaker notes; the catalogue has one
 * timeline per action field with its legend and the projects' full names, in the PDF as
 * vector text of at least 9 pt, in the DOCX as one picture per field at print size.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEdition } from "../../src/app/edition/read-editions.js";
import { listProjects } from "../../src/domain/catalogue/catalogue.js";
import { WEB_DIALECTS } from "../support/database.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";
import { xmlText } from "../support/document-text.js";

const run = promisify(execFile);

/** The slides' XML, in slide order. */
async function slideXml(zip: JSZip): Promise<string[]> {
  const names = Object.keys(zip.files)
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort(
      (a, b) =>
        Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]),
    );
  return Promise.all(names.map((name) => zip.file(name)!.async("string")));
}

/** The title of a slide: its first paragraph. */
function titleOf(xml: string): string {
  return (
    xmlText(xml)
      .split("\n")
      .map((line) => line.trim())
      .find((line) => line !== "") ?? ""
  );
}

/** A shape of a slide: its name, where it stands (EMU) and its text. */
interface SlideShape {
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly text: string;
}

/** The shapes (p:sp) of a slide, in drawing order. */
function shapesOf(xml: string): SlideShape[] {
  return [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map(([, body = ""]) => {
    const number = (pattern: RegExp) => Number(pattern.exec(body)?.[1] ?? NaN);
    return {
      name: xmlText(/<p:cNvPr [^>]*name="([^"]*)"/.exec(body)?.[1] ?? ""),
      x: number(/<a:off x="(-?\d+)"/),
      y: number(/<a:off x="-?\d+" y="(-?\d+)"/),
      w: number(/<a:ext cx="(\d+)"/),
      h: number(/<a:ext cx="\d+" cy="(\d+)"/),
      text: xmlText(body).replace(/\s+/g, " ").trim(),
    };
  });
}

/** The one shape whose name starts with `prefix`. */
function shape(shapes: readonly SlideShape[], prefix: string): SlideShape {
  const found = shapes.filter((each) => each.name.startsWith(prefix));
  expect(
    found.map((each) => each.name),
    prefix,
  ).toHaveLength(1);
  return found[0]!;
}

const DOCUMENT_TIMEOUT = 180_000;
const EMU_PER_INCH = 914_400;
/** A print pixel of a slide's timeline: 12.13 in for 1000 px. */
const PX = (12.133 / 1000) * EMU_PER_INCH;

describe.each(WEB_DIALECTS)("document timelines on %s", (dialect) => {
  let web: WebTestApp;
  let directory: string;

  beforeAll(async () => {
    web = await openWebApp(dialect);
    directory = await mkdtemp(join(tmpdir(), "fortschritt-zeitstrahl-"));
  });
  afterAll(async () => {
    await web?.close();
    await rm(directory, { recursive: true, force: true });
  });

  async function download(url: string): Promise<Buffer> {
    const response = await web.app.inject(url);
    expect(response.statusCode, url).toBe(200);
    return response.rawPayload;
  }

  it(
    "the revision slides give the context of the revision and each field's timeline with a legend",
    async () => {
      const zip = await JSZip.loadAsync(
        await download("/kleve/fortschreibungen/2/folien.pptx"),
      );
      const slides = await slideXml(zip);
      const titles = slides.map(titleOf);
      // Why, overview and the year's priorities come before the fields.
      expect(titles.slice(1, 4)).toEqual([
        "Warum diese Fortschreibung?",
        "Fortschreibung (Überblick)",
        "Prioritäten in 2022",
      ]);
      const why = xmlText(slides[1] ?? "");
      expect(why).toContain(
        "Diese Fortschreibung passt vor allem Zeitansätze an:",
      );
      // A sentence per bullet, and "1. Fortschreibung" is not cut after its number.
      expect(why).toContain(
        "Über den Fortschritt im Laufe des Jahres berichten die Sachstandsberichte",
      );
      // Notes per action field: its shifts per reason, under its counts.
      const strategy = slides.find((xml) =>
        titleOf(xml).startsWith(
          "Fortschreibung (Veränderungen): 1 Strategieplanung",
        ),
      );
      expect(xmlText(strategy ?? "")).toMatch(
        /\d+ Verschiebungen? wegen OZG-Aufwand/,
      );

      const timelineSlides = slides.filter((xml) =>
        titleOf(xml).startsWith("Alter und neuer Zeitstrahl:"),
      );
      expect(timelineSlides.length).toBeGreaterThanOrEqual(5);
      expect(titles).toContain(
        "Alter und neuer Zeitstrahl: 2 Smart Working (Digitale Verwaltung)",
      );
      for (const xml of timelineSlides) {
        const text = xmlText(xml);
        expect(text, titleOf(xml)).toContain("Legende:");
        expect(text).toContain("alt: Zeitraum in der 1. Fortschreibung");
        expect(text).toContain("neu: Phase in der 2. Fortschreibung");
        // Every text on the slide is at least 9 pt (sizes in hundredths of a point).
        for (const [, size] of xml.matchAll(/\ssz="(\d+)"/g))
          expect(Number(size), titleOf(xml)).toBeGreaterThanOrEqual(900);
        // Drawn, not photographed: no picture, and the timeline spans the slide's width.
        expect(xml, titleOf(xml)).not.toContain("<p:pic>");
        const axis = shape(shapesOf(xml), "Zeitachse");
        expect(axis.x + axis.w, titleOf(xml)).toBeGreaterThan(
          12 * EMU_PER_INCH,
        );
      }
      const legends = timelineSlides.map(xmlText).join("\n");
      expect(legends).toContain("Verschiebung von alt nach neu");
      expect(legends).toContain("läuft über den Zeitraum hinaus");

      // 2.6 Workflowmanagement moved its Umsetzung from 2021–2023 to 2022–2024: the old
      // period outlined above, the new bar below, each on its years, the arrow between.
      const workflow = timelineSlides.find((xml) =>
        xml.includes('name="Vorhaben: 2.6 Workflowmanagement"'),
      );
      const shapes = shapesOf(workflow ?? "");
      const year = (number: number) => shape(shapes, `Jahreslinie ${number}`).x;
      const old = shape(
        shapes,
        "Zeitstrahl alt: 2.6 Workflowmanagement – Umsetzung",
      );
      const now = shape(
        shapes,
        "Zeitstrahl neu: 2.6 Workflowmanagement – Umsetzung",
      );
      const arrow = shape(
        shapes,
        "Verschiebung: 2.6 Workflowmanagement – Umsetzung, Beginn 2021 → 2022",
      );
      expect(Math.abs(old.x - year(2021))).toBeLessThan(2 * PX);
      expect(Math.abs(old.x + old.w - year(2024))).toBeLessThan(2 * PX);
      expect(Math.abs(now.x - year(2022))).toBeLessThan(2 * PX);
      expect(Math.abs(now.x + now.w - year(2025))).toBeLessThan(2 * PX);
      expect(old.y + old.h).toBeLessThanOrEqual(arrow.y);
      expect(arrow.y).toBeLessThanOrEqual(now.y);
      expect(Math.abs(arrow.x - year(2021))).toBeLessThan(2 * PX);
      expect(Math.abs(arrow.x + arrow.w - year(2022))).toBeLessThan(2 * PX);
      // The phase's name stands inside its bar.
      const label = shapes.find(
        (each) =>
          each.text === "Umsetzung" && each.y >= now.y && each.x >= now.x,
      );
      expect(label).toBeDefined();
      expect(label!.x + label!.w).toBeLessThanOrEqual(now.x + now.w);
      expect(label!.y + label!.h).toBeLessThanOrEqual(now.y + now.h + PX);

      // Every project of a field is named in full on its timeline slides, bold code first.
      const { edition } = await getEdition(web.ctx, "kleve", 2);
      const smartWorking = timelineSlides
        .filter((xml) => titleOf(xml).includes("2 Smart Working"))
        .flatMap(shapesOf)
        .filter((each) => each.name.startsWith("Vorhaben: "))
        .map((each) => each.text);
      const projects = listProjects(edition.catalogue).filter(
        ({ actionField }) => actionField.name === "Smart Working",
      );
      expect(projects.length).toBeGreaterThanOrEqual(5);
      for (const { project } of projects)
        expect(smartWorking).toContain(`${project.code} ${project.title}`);
      expect(smartWorking).toContain("2.10 Digitale Kommunikation (intern)");
      expect(workflow).toMatch(
        /<a:rPr [^>]*b="1"[^>]*>(?:(?!<\/a:r>)[\s\S])*<a:t>2\.6<\/a:t>/,
      );
    },
    DOCUMENT_TIMEOUT,
  );

  it(
    "the catalogue PDF draws one timeline per action field with legend and full names, all text at least 9 pt",
    async () => {
      const path = join(directory, "katalog.pdf");
      await writeFile(
        path,
        await download("/kleve/fortschreibungen/2/katalog.pdf"),
      );
      const html = (
        await run("pdftotext", ["-bbox", path, "-"], {
          maxBuffer: 50_000_000,
        })
      ).stdout;
      const pages = html.split("<page ").slice(1);
      const timelinePages = pages.filter((page) => page.includes(">Legende<"));
      expect(timelinePages.length).toBeGreaterThanOrEqual(2);
      const words = timelinePages.flatMap((page) =>
        [
          ...page.matchAll(
            /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
          ),
        ]
          .map((match) => ({
            top: Number(match[2]),
            bottom: Number(match[4]),
            height: Number(match[4]) - Number(match[2]),
            text: match[5] ?? "",
          }))
          // The running header and the page number stand in the margins (20 mm = 57 pt).
          .filter((word) => word.top > 57 && word.bottom < 842 - 57),
      );
      const text = words.map((word) => word.text).join(" ");
      expect(text).toContain("Legende");
      expect(text).toContain("Daueraufgabe");
      expect(text).toContain("läuft über den Zeitraum hinaus");
      // The project's name is never cut: "2.10 Digitale Kommunikation (intern)".
      expect(text).toMatch(/2\.10 Digitale Kommunikation (\S+ )*?\(intern\)/);
      expect(text).not.toContain("…");
      // pdftotext boxes a word by the font's ascent and descent (about 1.15 × its size).
      const smallest = Math.min(...words.map((word) => word.height));
      expect(smallest).toBeGreaterThanOrEqual(9 * 1.1);
    },
    DOCUMENT_TIMEOUT,
  );

  it(
    "the catalogue DOCX has one timeline picture per action field at print size",
    async () => {
      const zip = await JSZip.loadAsync(
        await download("/kleve/fortschreibungen/2/katalog.docx"),
      );
      const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
      const pictures = [
        ...xml.matchAll(/<wp:docPr [^>]*descr="(Zeitstrahl [^"]*)"/g),
      ].map((match) => match[1] ?? "");
      expect(pictures).toHaveLength(6);
      expect(pictures[0]).toContain("Aktionsfeld 1: Strategieplanung");
      expect(pictures.every((alt) => alt.includes("mit Legende"))).toBe(true);
      // 640 px wide on a 640 px text width: drawn at 1:1, its 12 px text prints at 9 pt.
      for (const [, cx] of xml.matchAll(/<wp:extent cx="(\d+)"/g))
        expect(Number(cx)).toBe(640 * 9525);
    },
    DOCUMENT_TIMEOUT,
  );
});
