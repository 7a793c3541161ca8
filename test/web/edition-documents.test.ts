/**
 * The documents of an edition, downloaded from their stable URLs and opened as files: the
 * catalogue as DOCX (read back with jszip) and as tagged PDF (pdfinfo, pdftotext), the
 * revision slides as PPTX (jszip). Each must carry the headings, the project titles, the
 * changes and their reasons. On SQLite, LibreOffice (headless) also converts the DOCX and
 * the PPTX to PDF without error: the proof that they open in an office suite.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_DIALECTS } from "../support/database.js";
import { convertWithLibreOffice } from "../support/office.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";
import { xmlText } from "../support/document-text.js";

const run = promisify(execFile);

/** The slides' texts, in slide order. */
async function slideTexts(zip: JSZip): Promise<string[]> {
  const names = Object.keys(zip.files)
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort(
      (a, b) =>
        Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]),
    );
  return Promise.all(
    names.map(async (name) =>
      xmlText((await zip.file(name)?.async("string")) ?? ""),
    ),
  );
}

/** The text of each page of a PDF, as pdftotext lays it out. */
async function pageTexts(path: string): Promise<string[]> {
  const info = (await run("pdfinfo", [path])).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? "0");
  const texts: string[] = [];
  for (let page = 1; page <= pages; page += 1)
    texts.push(
      (
        await run("pdftotext", [
          "-layout",
          "-f",
          String(page),
          "-l",
          String(page),
          path,
          "-",
        ])
      ).stdout,
    );
  return texts;
}

/**
 * What a council document carries, read from its printed pages: a cover without header,
 * footer or sample-data note; then on every page the running header and "Seite x von y";
 * a table of contents whose every entry names the page on which its heading stands.
 */
async function expectCatalogueFurniture(path: string): Promise<void> {
  const pages = await pageTexts(path);
  const header = "kleve.digital 2030 – 2. Fortschreibung";
  expect(pages.length).toBeGreaterThan(5);
  expect(pages[0]).not.toContain("Seite");
  expect(pages[0]).not.toContain("für das Beispiel");
  pages.slice(1).forEach((text, index) => {
    expect(text, `Seite ${index + 2}`).toContain(header);
    expect(text.replace(/\s+/g, " "), `Seite ${index + 2}`).toContain(
      `Seite ${index + 2} von ${pages.length}`,
    );
  });
  const contents = pages[1] ?? "";
  expect(contents).toContain("Inhalt");
  const entries = [
    ...contents.matchAll(/^\s*(\S.*?)[\s.…]{2,}(\d+)\s*$/gm),
  ].filter((match) => !(match[1] ?? "").startsWith("Seite"));
  const titles = entries.map((match) => (match[1] ?? "").trim());
  expect(titles).toEqual(
    expect.arrayContaining([
      "Vorwort",
      "Zeitstrahl zur Umsetzung",
      "Detailbetrachtung: Digitalisierungsprojekte",
      "Digitale Verwaltung; Aktionsfeld 2: Smart Working",
      "Veränderungen gegenüber der letzten Fortschreibung",
    ]),
  );
  for (const [, title = "", page = "0"] of entries) {
    const text = (pages[Number(page) - 1] ?? "").replace(/\s+/g, " ");
    expect(text, `„${title.trim()}“ auf Seite ${page}`).toContain(
      title.trim().replace(/\s+/g, " "),
    );
  }
}

/** A document printed by Chromium on a busy two-core machine takes longer than the default 30 s. */
const DOCUMENT_TIMEOUT = 120_000;

describe.each(WEB_DIALECTS)("edition documents on %s", (dialect) => {
  let web: WebTestApp;
  let directory: string;

  beforeAll(async () => {
    web = await openWebApp(dialect);
    directory = await mkdtemp(join(tmpdir(), "fortschritt-dokumente-"));
  });

  afterAll(async () => {
    await web.close();
    await rm(directory, { recursive: true, force: true });
  });

  async function download(url: string, type: string): Promise<Buffer> {
    const response = await web.app.inject(url);
    expect(response.statusCode, url).toBe(200);
    expect(response.headers["content-type"]).toBe(type);
    expect(String(response.headers["content-disposition"])).toMatch(
      /^attachment; filename="kleve-\d-fortschreibung-(katalog|folien)\.(docx|pdf|pptx)"$/,
    );
    const again = await web.app.inject({
      url,
      headers: { "if-none-match": String(response.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    return response.rawPayload;
  }

  it(
    "gives the catalogue as DOCX with headings, projects, the timeline picture, changes and reasons",
    async () => {
      const file = await download(
        "/kleve/fortschreibungen/2/katalog.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      );
      const zip = await JSZip.loadAsync(file);
      const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
      const text = xmlText(xml);
      for (const part of [
        "Vorwort",
        "Wirkungsbereiche und Aktionsfelder",
        "Zeitstrahl zur Umsetzung",
        "Prioritäten in 2022",
        "Detailbetrachtung: Digitalisierungsprojekte",
        "Digitale Verwaltung; Aktionsfeld 2: Smart Working",
        "2.1 Dokumentenmanagementsystem",
        "Umsetzung: 2020–2024",
        "Einzelmaßnahmen:",
        "Zuständigkeit: ",
        "Veränderungen gegenüber der letzten Fortschreibung",
        "15 Verschiebungen wegen OZG-Aufwand",
        // Both shifts of the project have this reason: it is said once, above them.
        "Grund: Personal: Verzögerung aufgrund von erhöhtem Support",
        "Zeitraum Umsetzung: Ende von 2023 auf 2024 verschoben (1 Jahr später)",
      ]) {
        expect(text, part).toContain(part);
      }
      expect(text).not.toContain("– Grund: Personal");
      expect(xml).toContain('w:pStyle w:val="Heading1"');
      expect(text).not.toContain("für das Beispiel");
      // Table of contents: each entry's page number is a field referring to its heading's bookmark.
      const references = [...xml.matchAll(/PAGEREF (_Toc\d+)/g)].map(
        (match) => match[1],
      );
      expect(references.length).toBeGreaterThan(8);
      for (const bookmark of references)
        expect(xml).toContain(`w:name="${bookmark}"`);
      // Running header and "Seite x von y" as fields, none on the title page.
      const parts = Object.keys(zip.files);
      const footers = await Promise.all(
        parts
          .filter((name) => /^word\/footer\d+\.xml$/.test(name))
          .map(async (name) => (await zip.file(name)?.async("string")) ?? ""),
      );
      expect(footers.join("")).toMatch(/PAGE[\s\S]*NUMPAGES/);
      expect(xml).toContain("<w:titlePg/>");
      // Headings in the portal's colours, not Word's default blue.
      expect(
        (await zip.file("word/styles.xml")?.async("string")) ?? "",
      ).toMatch(/w:styleId="Heading1"[\s\S]*?w:color w:val="0D3466"/);
      expect(xml).toMatch(
        /<wp:docPr [^>]*descr="Zeitstrahl Digitale Verwaltung; Aktionsfeld 2: Smart Working: 10 Projekte von 2020 bis 2030, mit Legende/,
      );
      expect(
        Object.keys(zip.files).some(
          (name) => name.startsWith("word/media/") && name.endsWith(".png"),
        ),
      ).toBe(true);
      const core = (await zip.file("docProps/core.xml")?.async("string")) ?? "";
      expect(core).toContain("kleve.digital 2030 – 2. Fortschreibung");
      expect(
        (await zip.file("word/styles.xml")?.async("string")) ?? "",
      ).toContain('w:lang w:val="de-DE"');
    },
    DOCUMENT_TIMEOUT,
  );

  it(
    "gives the catalogue as a tagged PDF with an outline",
    async () => {
      const file = await download(
        "/kleve/fortschreibungen/2/katalog.pdf",
        "application/pdf",
      );
      const path = join(directory, `katalog-${dialect}.pdf`);
      await writeFile(path, file);
      const info = (await run("pdfinfo", [path])).stdout;
      expect(info).toMatch(/Tagged:\s+yes/);
      expect(info).toMatch(/Title:\s+kleve\.digital 2030 – 2\. Fortschreibung/);
      expect(info).toMatch(/Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/);
      // The timelines are drawn as vector graphics: no raster picture in the whole document.
      const images = (await run("pdfimages", ["-list", path])).stdout
        .trim()
        .split("\n")
        .slice(2);
      expect(images).toEqual([]);
      const text = (
        await run("pdftotext", ["-layout", path, "-"], {
          maxBuffer: 20_000_000,
        })
      ).stdout.replace(/\s+/g, " ");
      for (const part of [
        "Wirkungsbereiche und Aktionsfelder",
        "Zeitstrahl zur Umsetzung",
        "Detailbetrachtung: Digitalisierungsprojekte",
        "2.1 Dokumentenmanagementsystem",
        "Veränderungen gegenüber der letzten Fortschreibung",
        "Verzögerung aufgrund Mehrarbeit beim DMS",
      ]) {
        expect(text, part).toContain(part);
      }
      await expectCatalogueFurniture(path);
    },
    DOCUMENT_TIMEOUT,
  );

  it(
    "gives the revision slides as PPTX: changes per action field with reasons, old versus new timeline, priorities",
    async () => {
      const file = await download(
        "/kleve/fortschreibungen/2/folien.pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      );
      const zip = await JSZip.loadAsync(file);
      const slides = await slideTexts(zip);
      const all = slides.join("\n");
      expect(slides[0]).toContain("kleve.digital 2030");
      expect(slides[0]).toContain("2. Fortschreibung");
      expect(slides[0]).not.toContain("Fortschreibung: 2. Fortschreibung");
      expect(all).toContain("15 Verschiebungen wegen OZG-Aufwand");
      expect(all).toContain(
        "Fortschreibung (Veränderungen): 1 Strategieplanung (Digitale Verwaltung)",
      );
      expect(all).toContain(
        "1.1 Digitalisierungsstrategie: Verzögerung aufgrund OZG-Aufwand",
      );
      expect(all).toContain(
        "2.6 Workflowmanagement: Verzögerung aufgrund Mehrarbeit beim DMS",
      );
      expect(all).toContain(
        "Alter und neuer Zeitstrahl: 2 Smart Working (Digitale Verwaltung)",
      );
      // The year's priorities come with the context, before the action fields.
      expect(
        slides.findIndex((text) => text.includes("Prioritäten in 2022")),
      ).toBe(3);
      // Every slide after the title carries its number (a field) and the footer, from the master.
      const layouts = await Promise.all(
        Object.keys(zip.files)
          .filter((name) =>
            /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name),
          )
          .map(async (name) => (await zip.file(name)?.async("string")) ?? ""),
      );
      expect(layouts.join("")).toMatch(/<a:fld [^>]*type="slidenum"/);
      expect(layouts.join("")).toContain(
        "Stadt Kleve · kleve.digital 2030 – 2. Fortschreibung",
      );
      // A continuation slide begins with a project's name, never with an orphan change.
      for (const slide of slides.filter((text) =>
        text.includes("(Fortsetzung)"),
      ))
        expect(slide).toMatch(/\(Fortsetzung\)\s*\S/);
      expect(slides[3]).toContain("Weitere Einführung DMS in Gesamtverwaltung");
      // The timelines are drawn as shapes, not pictures; each timeline slide's notes say
      // in words what it shows.
      expect(
        Object.values(zip.files).filter(
          (entry) => entry.name.startsWith("ppt/media/") && !entry.dir,
        ),
      ).toEqual([]);
      const notes = (
        await Promise.all(
          Object.keys(zip.files)
            .filter((name) =>
              /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name),
            )
            .map((name) => zip.file(name)!.async("string")),
        )
      ).join("");
      expect(notes).toMatch(
        /Zeitstrahl 2 Smart Working \(Digitale Verwaltung\): 2\. Fortschreibung verglichen mit der 1\. Fortschreibung/,
      );
      expect(notes).toContain(
        "2.6 Workflowmanagement: alt ab 2021, neu ab 2022.",
      );
    },
    DOCUMENT_TIMEOUT,
  );

  it(
    "says in the first edition's catalogue that there is nothing to compare with",
    async () => {
      const zip = await JSZip.loadAsync(
        await download(
          "/kleve/fortschreibungen/1/katalog.docx",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
      );
      const text = xmlText(
        (await zip.file("word/document.xml")?.async("string")) ?? "",
      );
      expect(text).toContain("Dies ist die erste Fortschreibung");
      expect(text).toContain("Umsetzung: 2020–2023");
    },
    DOCUMENT_TIMEOUT,
  );

  it(
    "says on the first edition's title slide that there is nothing to compare with, without a slide for that sentence alone",
    async () => {
      const zip = await JSZip.loadAsync(
        await download(
          "/kleve/fortschreibungen/1/folien.pptx",
          "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
      );
      const slides = await Promise.all(
        Object.keys(zip.files)
          .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
          .sort()
          .map(async (name) => xmlText(await zip.file(name)!.async("string"))),
      );
      expect(slides.join("\n")).toContain(
        "Stadt Kleve · 30.04.2021 · erste Fassung, ohne frühere zum Vergleich",
      );
      expect(slides.join("\n")).not.toContain("Fortschreibung (Überblick)");
      expect(slides.length).toBe(2);
    },
    DOCUMENT_TIMEOUT,
  );

  it("answers the documents of an unknown edition with 404", async () => {
    for (const url of [
      "/kleve/fortschreibungen/9/katalog.docx",
      "/kleve/fortschreibungen/9/katalog.pdf",
      "/kleve/fortschreibungen/9/folien.pptx",
      "/atlantis/fortschreibungen/1/katalog.pdf",
    ]) {
      expect((await web.app.inject(url)).statusCode, url).toBe(404);
    }
  });

  // The files do not depend on the database; converting them once (on SQLite) is enough,
  // and the test is only defined there, so no run reports it as skipped.
  if (dialect === "sqlite")
    it("opens the DOCX and the PPTX in LibreOffice, which converts each to PDF without error", async () => {
      await writeFile(
        join(directory, "office-katalog.docx"),
        await download(
          "/kleve/fortschreibungen/2/katalog.docx",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
      );
      await writeFile(
        join(directory, "office-folien.pptx"),
        await download(
          "/kleve/fortschreibungen/2/folien.pptx",
          "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
      );
      for (const name of ["office-katalog.docx", "office-folien.pptx"]) {
        const pdf = await convertWithLibreOffice(
          join(directory, name),
          directory,
        );
        expect(await readdir(directory)).toContain(
          name.replace(/\.(docx|pptx)$/, ".pdf"),
        );
        const text = (
          await run("pdftotext", [pdf, "-"], { maxBuffer: 20_000_000 })
        ).stdout;
        expect(text).toContain(
          name.includes("katalog")
            ? "Dokumentenmanagementsystem"
            : "Strategieplanung",
        );
        // Word's page fields and page references, as LibreOffice lays them out.
        if (name.includes("katalog")) await expectCatalogueFurniture(pdf);
      }
    }, 300_000);
});
