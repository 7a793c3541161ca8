/**
 * The timeline pictures of an edition's documents are photographed by Chromium once per
 * process: the revision slides built again (a draft after an edit, the bench's second run)
 * take the unchanged pictures from memory and come out byte for byte the same.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createPdfRenderer,
  type PdfRenderer,
} from "../../src/exports/pdf/render-pdf.js";
import { EditionDocuments } from "../../src/web/edition/edition-documents.js";
import { chromiumPath } from "../support/environment.js";
import { openWebApp, type WebTestApp } from "./support/web-app.js";

const DOCUMENT_TIMEOUT = 180_000;

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
    "photographs each timeline of the revision slides once and builds the same deck again",
    async () => {
      const documents = new EditionDocuments(web.ctx, renderer);
      const first = await documents.make("kleve", 2, "pptx");
      const pictures = photographed.length;
      expect(pictures).toBeGreaterThan(0);

      const again = await documents.make("kleve", 2, "pptx");
      expect(photographed.length).toBe(pictures);
      expect(again.body.equals(first.body)).toBe(true);
    },
    DOCUMENT_TIMEOUT,
  );
});
