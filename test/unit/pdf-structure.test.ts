/**
 * The PDF structure check (test/support/pdf-structure.ts) on hand-made PDFs: an untagged
 * file without title, language or metadata fails on each; the findings of a tagged
 * structure tree — a figure without alt text, a figure holding a heading and a table, a
 * table without header cells — are named; a clean tree passes.
 */
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import {
  checkPdfStructure,
  readPdfStructure,
  type PdfStructure,
  type StructureNode,
} from "../support/pdf-structure.js";

const leaf = (type: string, alt: string | null = null): StructureNode => ({
  type,
  alt,
  children: [],
});

const clean: PdfStructure = {
  title: "Sachstandsbericht",
  language: "de",
  displayDocTitle: true,
  marked: true,
  xmp: "<x:xmpmeta><pdfuaid:part>1</pdfuaid:part></x:xmpmeta>",
  roots: [
    {
      type: "Document",
      alt: null,
      children: [
        leaf("H1"),
        leaf("Figure", "Balkendiagramm: von 110 auf 133"),
        { type: "Table", alt: null, children: [leaf("TH"), leaf("TD")] },
      ],
    },
  ],
};

describe("the PDF structure check", () => {
  it("passes a tagged document with title, language, metadata, headings, named figures and table headers", () => {
    expect(checkPdfStructure(clean)).toEqual([]);
  });

  it("fails an untagged PDF without title, language and metadata", async () => {
    const document = await PDFDocument.create();
    document.addPage();
    const structure = await readPdfStructure(await document.save());
    expect(structure.roots).toEqual([]);
    expect(checkPdfStructure(structure).map((problem) => problem.rule)).toEqual(
      ["title", "title", "language", "tagged", "xmp", "headings"],
    );
  });

  it("names a figure without alt text, a figure that holds text and a table without headers", () => {
    const structure: PdfStructure = {
      ...clean,
      roots: [
        {
          type: "Document",
          alt: null,
          children: [
            leaf("H1"),
            leaf("Figure"),
            {
              type: "Figure",
              alt: "Mitarbeitende",
              children: [leaf("H4"), leaf("Figure", "Diagramm"), leaf("Table")],
            },
            { type: "Table", alt: null, children: [leaf("TD")] },
          ],
        },
      ],
    };
    expect(checkPdfStructure(structure)).toEqual([
      { rule: "figure-alt", detail: "a figure has no alt text" },
      {
        rule: "figure-content",
        detail: "the figure „Mitarbeitende“ holds H4, Table",
      },
      { rule: "table-headers", detail: "a table has no header cells" },
      { rule: "table-headers", detail: "a table has no header cells" },
    ]);
  });
});
