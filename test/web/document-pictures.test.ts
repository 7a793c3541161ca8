/**
 * Which documents of an edition need Chromium's pictures: the revision slides draw their
 * timelines as shapes and build without a browser (ADR 0057), byte for byte the same each
 * time; the catalogue DOCX photographs each timeline once per process and takes it from
 * memory when it is built again (ADR 0056).
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createPdfRenderer,
  type PdfRenderer,
} from "../../src/exports/pdf/render-pdf.js";
import { EditionDocuments } from "../../src/web/edition/edition-documents.js";
import { chromiumPath } from "../support/environment.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";

const DOCUMENT_TIMEOUT = 180_000;

/** A renderer without a browser: every call fails, as when Chromium is missing. */
function missingChromium(calls: string[]): PdfRenderer {
  const fail = (what: string) => () => {
    calls.push(what);
    return Promise.reject(new Error("Chromium is not installed"));
  };
  return {
    renderPdf: fail("pdf"),
    renderPng: fail("png"),
    renderPngs: fail("pngs"),
    close: () => Promise.resolve(),
  };
}

describe("the pictures of an edition's documents", () => {
  let web: WebTestApp;
  let renderer: PdfRenderer;
  /** The pictures Chromium was asked to photograph, by selector. */
  const photographed: string[] = [];

  beforeAll(async () => {
    web = await openWebApp("sqlite");
    const real = createPdfRenderer({ chromiumPath: chromiumPath() });
    renderer = {
      ...real,
      renderPngs: async (source, selectors, options) => {
        photographed.push(...selectors);
        return real.renderPngs(source, selectors, options);
      },
      close: () => real.close(),
    };
  });

  afterAll(async () => {
    await renderer?.close();
    await web?.close();
  });

  it(
    "builds the revision slides with their timelines without Chromium, the same bytes every time",
    async () => {
      const calls: string[] = [];
      const documents = new EditionDocuments(web.ctx, missingChromium(calls));
      const first = await documents.make("kleve", 2, "pptx");
      const again = await documents.make("kleve", 2, "pptx");
      expect(calls).toEqual([]);
      expect(again.body.equals(first.body)).toBe(true);
      const zip = await JSZip.loadAsync(first.body);
      const slides = await Promise.all(
        Object.keys(zip.files)
          .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
          .map((name) => zip.file(name)!.async("string")),
      );
      const timelines = slides.filter((xml) =>
        xml.includes("Alter und neuer Zeitstrahl:"),
      );
      expect(timelines.length).toBeGreaterThanOrEqual(5);
      for (const xml of timelines)
        expect(xml).toMatch(/name="Zeitstrahl neu: /);
      // The catalogue's DOCX still needs its pictures, and says so when it cannot have them.
      await expect(documents.make("kleve", 2, "docx")).rejects.toMatchObject({
        code: "ERR_DOCUMENT_UNAVAILABLE",
      });
    },
    DOCUMENT_TIMEOUT,
  );

  it(
    "photographs each timeline of the catalogue DOCX once and builds the same document again",
    async () => {
      const documents = new EditionDocuments(web.ctx, renderer);
      const first = await documents.make("kleve", 2, "docx");
      const pictures = photographed.length;
      expect(pictures).toBeGreaterThan(0);

      const again = await documents.make("kleve", 2, "docx");
      expect(photographed.length).toBe(pictures);
      expect(again.body.equals(first.body)).toBe(true);
    },
    DOCUMENT_TIMEOUT,
  );
});
