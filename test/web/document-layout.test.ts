/**
 * Every document of the Kleve demo as a reader sees it on paper or on the projector: the
 * catalogue (DOCX converted by LibreOffice, PDF as printed), the revision slides and both
 * status reports (PPTX converted by LibreOffice, PDF as printed). Each page or slide must
 * have no two text lines over each other, no text beyond its edges, and be no more than
 * 70 % empty — except the title page, the section dividers and the last page of a running
 * text (catalogue, printed report), which ends where the text ends (test/support/layout-check.ts);
 * and no action field's heading of the catalogue may stand at the foot of a page without
 * its first project.
 *
 * Set LAYOUT_KEEP=<directory> to keep the files for looking at them (pdftoppm -r 50 -png).
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPdfLayout, readPdfLayout } from "../support/layout-check.js";
import { convertWithLibreOffice } from "../support/office.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";

const run = promisify(execFile);

/** A document of the demo, where it is downloaded and how LibreOffice must convert it first. */
interface DemoDocument {
  readonly name: string;
  readonly url: string;
  readonly convert: boolean;
}

const DOCUMENTS: readonly DemoDocument[] = [
  // The first edition: the same catalogue with other changes (none), so it ends elsewhere.
  {
    name: "katalog-1.docx",
    url: "/kleve/fortschreibungen/1/katalog.docx",
    convert: true,
  },
  {
    name: "katalog-1.pdf",
    url: "/kleve/fortschreibungen/1/katalog.pdf",
    convert: false,
  },
  {
    name: "katalog.docx",
    url: "/kleve/fortschreibungen/2/katalog.docx",
    convert: true,
  },
  {
    name: "katalog.pdf",
    url: "/kleve/fortschreibungen/2/katalog.pdf",
    convert: false,
  },
  {
    name: "folien.pptx",
    url: "/kleve/fortschreibungen/2/folien.pptx",
    convert: true,
  },
  {
    name: "bericht-2022-08-23.pptx",
    url: "/kleve/berichte/2022-08-23/folien.pptx",
    convert: true,
  },
  {
    name: "bericht-2022-08-23.pdf",
    url: "/kleve/berichte/2022-08-23/bericht.pdf",
    convert: false,
  },
  {
    name: "bericht-2022-11-29.pptx",
    url: "/kleve/berichte/2022-11-29/folien.pptx",
    convert: true,
  },
  {
    name: "bericht-2022-11-29.pdf",
    url: "/kleve/berichte/2022-11-29/bericht.pdf",
    convert: false,
  },
];

/**
 * Pages that may be mostly empty by design: the title page (always page 1) and the section
 * dividers of the slide decks, recognised by their only text being a section's name.
 */
const DIVIDER =
  /^(Einleitung|Ausblick|Umsetzung Onlinezugangsgesetz \(OZG\)|Aktionsfeld .*)$/;

/**
 * Action-field headings of a printed catalogue left at the foot of a page: a heading
 * ("Digitale Stadt; Aktionsfeld 1: E-Government") after which no project ("1.1 Internet")
 * follows on the same page. Pages as pdftotext writes them, split at form feeds.
 */
function strandedFieldHeadings(text: string): readonly string[] {
  const stranded: string[] = [];
  text.split("\f").forEach((page, index) => {
    const lines = page.split("\n").map((line) => line.trim());
    // The table of contents lists the fields without their projects.
    if (lines.includes("Inhalt")) return;
    lines.forEach((line, at) => {
      if (!/^[^.]+; Aktionsfeld \d+: [^.]+$/.test(line)) return;
      if (!lines.slice(at + 1).some((next) => /^\d+\.\d+ \S/.test(next)))
        stranded.push(`page ${index + 1}: ${line}`);
    });
  });
  return stranded;
}

describe("the layout of every document of the Kleve demo", () => {
  let web: WebTestApp;
  let directory: string;

  beforeAll(async () => {
    web = await openWebApp("sqlite", { demo: "with-reports" });
    directory =
      process.env.LAYOUT_KEEP ??
      (await mkdtemp(join(tmpdir(), "fortschritt-layout-")));
    await mkdir(directory, { recursive: true });
  });

  afterAll(async () => {
    await web?.close();
    if (process.env.LAYOUT_KEEP === undefined)
      await rm(directory, { recursive: true, force: true });
  });

  it.each(DOCUMENTS)(
    "$name has no overlapping text, no text off the page and no page more than 70 % empty",
    async ({ name, url, convert }) => {
      const response = await web.app.inject(url);
      expect(response.statusCode, url).toBe(200);
      const file = join(directory, name);
      await writeFile(file, response.rawPayload);
      const pdf = convert
        ? await convertWithLibreOffice(
            file,
            join(directory, name.replace(".", "-")),
          )
        : file;
      const pages = await readPdfLayout(pdf);
      expect(pages.length).toBeGreaterThan(1);
      // The catalogue and the printed report are running text without a forced break before
      // their last part: the last page ends where the text ends, which depends on the data
      // (how many changes an edition has, how long a report is), not on the layout. A page
      // left half empty by a break is always one before the break, never the last.
      const flowing = !name.endsWith(".pptx");
      const exempt = pages
        .filter(
          (page) =>
            page.number === 1 ||
            (flowing && page.number === pages.length) ||
            (name.endsWith(".pptx") &&
              page.lines
                .filter(
                  (line) =>
                    !/^\d+$/.test(line.text) &&
                    !line.text.startsWith("Stadt Kleve ·"),
                )
                .every((line) => DIVIDER.test(line.text))),
        )
        .map((page) => page.number);
      expect(await checkPdfLayout(pdf, { exempt })).toEqual([]);
      if (name.startsWith("katalog."))
        expect(
          strandedFieldHeadings(
            (await run("pdftotext", [pdf, "-"], { maxBuffer: 20_000_000 }))
              .stdout,
          ),
        ).toEqual([]);
    },
    300_000,
  );
});
