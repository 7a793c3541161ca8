/**
 * The structure check of a tagged PDF, minded of PDF/UA: reads the document catalogue and
 * the structure tree with pdf-lib and reports what a screen reader or an accessibility
 * checker would stumble on — no title, no language, no XMP metadata with the PDF/UA
 * identification, no headings, a figure without alt text, a figure that swallows text (a
 * heading, paragraphs, a table: readers that honour alt text skip all of it), a table
 * without header cells.
 *
 * Usage:
 *
 *   const structure = await readPdfStructure(bytes);
 *   expect(checkPdfStructure(structure)).toEqual([]);
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  decodePDFRawStream,
} from "pdf-lib";

/** An element of the structure tree. */
export interface StructureNode {
  /** The structure type without its slash: "H1", "Figure", "Table", "TH". */
  readonly type: string;
  readonly alt: string | null;
  readonly children: readonly StructureNode[];
}

/** What the check reads of a PDF. */
export interface PdfStructure {
  readonly title: string | null;
  readonly language: string | null;
  readonly displayDocTitle: boolean;
  readonly marked: boolean;
  /** The XMP metadata packet, when the catalogue has one. */
  readonly xmp: string | null;
  /** The structure tree's top elements; empty when the PDF is not tagged. */
  readonly roots: readonly StructureNode[];
}

function text(value: unknown): string | null {
  return value instanceof PDFString || value instanceof PDFHexString
    ? value.decodeText()
    : null;
}

/** Reads title, language, metadata and the structure tree of a PDF. */
export async function readPdfStructure(
  bytes: Uint8Array,
): Promise<PdfStructure> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const { catalog, context } = document;
  const lookup = (value: unknown) =>
    value === undefined ? undefined : context.lookup(value as never);

  const preferences = lookup(catalog.get(PDFName.of("ViewerPreferences")));
  const markInfo = lookup(catalog.get(PDFName.of("MarkInfo")));
  const metadata = lookup(catalog.get(PDFName.of("Metadata")));
  const seen = new Set<unknown>();

  const node = (value: unknown): StructureNode[] => {
    const dict = lookup(value);
    if (!(dict instanceof PDFDict) || seen.has(dict)) return [];
    seen.add(dict);
    const kids = lookup(dict.get(PDFName.of("K")));
    const children = (
      kids instanceof PDFArray
        ? kids.asArray()
        : kids === undefined
          ? []
          : [dict.get(PDFName.of("K"))]
    ).flatMap(node);
    const type = dict.get(PDFName.of("S"));
    // Marked-content references and object references carry no type: not elements.
    if (!(type instanceof PDFName)) return children;
    return [
      {
        type: type.asString().replace(/^\//, ""),
        alt: text(lookup(dict.get(PDFName.of("Alt")))),
        children,
      },
    ];
  };

  const root = lookup(catalog.get(PDFName.of("StructTreeRoot")));
  const roots =
    root instanceof PDFDict
      ? (() => {
          const kids = lookup(root.get(PDFName.of("K")));
          return (
            kids instanceof PDFArray
              ? kids.asArray()
              : [root.get(PDFName.of("K"))]
          ).flatMap(node);
        })()
      : [];

  return {
    title: document.getTitle() ?? null,
    language: text(lookup(catalog.get(PDFName.of("Lang")))),
    displayDocTitle:
      preferences instanceof PDFDict &&
      String(preferences.get(PDFName.of("DisplayDocTitle"))) === "true",
    marked:
      markInfo instanceof PDFDict &&
      String(markInfo.get(PDFName.of("Marked"))) === "true",
    xmp:
      metadata instanceof PDFRawStream
        ? Buffer.from(decodePDFRawStream(metadata).decode()).toString("utf8")
        : null,
    roots,
  };
}

/** Every element of the tree, depth first. */
export function structureElements(
  nodes: readonly StructureNode[],
): StructureNode[] {
  return nodes.flatMap((one) => [one, ...structureElements(one.children)]);
}

/** Structure types that are text of their own and never belong inside a figure. */
const TEXT_TYPES = /^(H\d?|P|L|LI|Table|TR|TH|TD|Caption|Sect|Art|Div)$/;

/** A finding of the structure check. */
export interface StructureProblem {
  readonly rule: string;
  readonly detail: string;
}

/** Checks a PDF's structure; an empty list when it passes. */
export function checkPdfStructure(structure: PdfStructure): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const problem = (rule: string, detail: string) =>
    problems.push({ rule, detail });
  if (structure.title === null || structure.title.trim() === "")
    problem("title", "the document has no title");
  if (!structure.displayDocTitle)
    problem("title", "viewers are not told to show the title");
  if (structure.language === null || structure.language.trim() === "")
    problem("language", "the document has no language");
  if (!structure.marked || structure.roots.length === 0)
    problem("tagged", "the document is not tagged");
  if (structure.xmp === null)
    problem("xmp", "the document has no XMP metadata");
  else if (
    !/<pdfuaid:part>1<\/pdfuaid:part>|pdfuaid:part="1"/.test(structure.xmp)
  )
    problem("xmp", "the XMP metadata does not identify the document as PDF/UA");
  const elements = structureElements(structure.roots);
  if (!elements.some((element) => /^H\d?$/.test(element.type)))
    problem("headings", "no heading is tagged");
  for (const figure of elements.filter(
    (element) => element.type === "Figure",
  )) {
    const name = figure.alt ?? "";
    if (name.trim() === "") problem("figure-alt", "a figure has no alt text");
    const swallowed = structureElements(figure.children).filter((inner) =>
      TEXT_TYPES.test(inner.type),
    );
    if (swallowed.length > 0)
      problem(
        "figure-content",
        `the figure „${name}“ holds ${[...new Set(swallowed.map((inner) => inner.type))].join(", ")}`,
      );
  }
  for (const table of elements.filter((element) => element.type === "Table"))
    if (!structureElements(table.children).some((cell) => cell.type === "TH"))
      problem("table-headers", "a table has no header cells");
  return problems;
}
