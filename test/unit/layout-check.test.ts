/**
 * The layout check (test/support/layout-check.ts) on tiny hand-made PDFs: it finds two lines
 * drawn over each other, text beyond the page's edge and a page that is mostly empty, and
 * finds nothing on a clean page — so a document test that passes has really been checked.
 * Needs poppler (pdftotext, pdftoppm), as the document tests do.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkPdfLayout,
  checkTextLines,
  linesOverlap,
  parseBboxLayout,
} from "../support/layout-check.js";

/** A line of text to draw at (x, y from the top) in the given size. */
interface Text {
  readonly text: string;
  readonly x: number;
  readonly top: number;
  readonly size?: number;
}

/** A one-page A5 landscape PDF (595 × 420 pt) with the given texts and, optionally, a filled rectangle. */
async function pdf(
  texts: readonly Text[],
  figure?: { x: number; top: number; width: number; height: number },
): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([595, 420]);
  for (const { text, x, top, size = 14 } of texts)
    page.drawText(text, { x, y: 420 - top - size, size, font });
  if (figure !== undefined)
    page.drawRectangle({
      x: figure.x,
      y: 420 - figure.top - figure.height,
      width: figure.width,
      height: figure.height,
      color: rgb(0.1, 0.3, 0.5),
    });
  return document.save();
}

/** A page filled from top to bottom with lines of a paragraph. */
function paragraph(from: number, to: number): Text[] {
  const lines: Text[] = [];
  for (let top = from; top < to; top += 18)
    lines.push({
      text: "Die Stadt digitalisiert ihre Verwaltung Schritt für Schritt, Vorhaben um Vorhaben.",
      x: 40,
      top,
    });
  return lines;
}

describe("the layout check", () => {
  let directory: string;
  const file = async (name: string, bytes: Uint8Array) => {
    const path = join(directory, name);
    await writeFile(path, bytes);
    return path;
  };

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "fortschritt-layout-test-"));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("finds nothing on a clean, full page", async () => {
    const path = await file("sauber.pdf", await pdf(paragraph(30, 390)));
    expect(await checkPdfLayout(path)).toEqual([]);
  });

  it("finds a title drawn over its subtitle", async () => {
    const path = await file(
      "ueberlappend.pdf",
      await pdf([
        {
          text: "Ein Titel, der in zwei Zeilen umbricht",
          x: 40,
          top: 30,
          size: 24,
        },
        { text: "und der Untertitel darunter", x: 60, top: 40, size: 14 },
        ...paragraph(90, 390),
      ]),
    );
    const problems = await checkPdfLayout(path);
    // pdftotext joins the words of lines drawn over each other in its own way; what matters is
    // that the page is reported for overlapping text, and for nothing else.
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(problems.map((problem) => problem.kind))).toEqual(
      new Set(["overlap"]),
    );
    expect(problems.map((problem) => problem.detail).join(" ")).toContain(
      "Untertitel",
    );
  });

  it("finds text that runs off the page", async () => {
    const path = await file(
      "abgeschnitten.pdf",
      await pdf([
        ...paragraph(30, 390),
        {
          text: "Dieser Satz läuft über den rechten Rand hinaus",
          x: 450,
          top: 395,
        },
      ]),
    );
    const problems = await checkPdfLayout(path);
    expect(problems.map((problem) => problem.kind)).toEqual(["outside"]);
    expect(problems[0]?.detail).toContain("Dieser Satz läuft");
  });

  it("finds a page that is more than 70 % empty, unless it is exempt", async () => {
    const path = await file(
      "leer.pdf",
      await pdf([
        { text: "Eine Überschrift", x: 40, top: 30, size: 18 },
        { text: "Ein Satz.", x: 40, top: 60 },
        // The far corner marks the type area, as the furniture of a real page would.
        { text: "1", x: 540, top: 390, size: 10 },
      ]),
    );
    const problems = await checkPdfLayout(path);
    expect(problems.map((problem) => problem.kind)).toEqual(["empty"]);
    expect(await checkPdfLayout(path, { exempt: [1] })).toEqual([]);
  });

  it("counts a figure as filling its page", async () => {
    const path = await file(
      "bild.pdf",
      await pdf([{ text: "Zeitstrahl", x: 40, top: 30, size: 18 }], {
        x: 40,
        top: 60,
        width: 515,
        height: 330,
      }),
    );
    expect(await checkPdfLayout(path)).toEqual([]);
  });

  it("reads lines from pdftotext's bbox layout and tells touching lines from overlapping ones", () => {
    const [page] = parseBboxLayout(
      `<doc><page width="100" height="100"><flow><block xMin="1" yMin="1" xMax="90" yMax="30">` +
        `<line xMin="1" yMin="1" xMax="90" yMax="15"><word xMin="1" yMin="1" xMax="40" yMax="15">Erste &amp;</word><word xMin="45" yMin="1" xMax="90" yMax="15">Zeile</word></line>` +
        `<line xMin="1" yMin="14" xMax="90" yMax="28"><word xMin="1" yMin="14" xMax="90" yMax="28">Zweite</word></line>` +
        `</block></flow></page></doc>`,
    );
    expect(page?.lines.map((line) => line.text)).toEqual([
      "Erste & Zeile",
      "Zweite",
    ]);
    expect(checkTextLines(page!)).toEqual([]);
    expect(
      linesOverlap(
        { xMin: 0, yMin: 0, xMax: 50, yMax: 20 },
        { xMin: 10, yMin: 10, xMax: 60, yMax: 30 },
      ),
    ).toBe(true);
  });
});
