/**
 * Reads the outline (bookmarks) of a PDF that Chromium printed with `outline: true`: each
 * heading's text and the page it stands on. The catalogue PDF is printed twice: the first
 * printing tells, through this outline, on which page each heading landed, and the second
 * prints those numbers into the table of contents (Chromium has no `target-counter()`).
 * pdf-lib is loaded on first use: most requests never print a PDF.
 */
import type { PDFDict } from "pdf-lib";

type PDFObject = NonNullable<ReturnType<PDFDict["get"]>>;

/** A heading of the outline: its text, its depth (0 = top) and its page (1-based). */
export interface OutlineItem {
  readonly title: string;
  readonly depth: number;
  readonly page: number;
}

/** The outline in document order; empty when the PDF has none or it cannot be read. */
export async function readPdfOutline(pdf: Uint8Array): Promise<OutlineItem[]> {
  const { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } =
    await import("pdf-lib");
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = new Map(
    document.getPages().map((page, index) => [page.ref.toString(), index + 1]),
  );
  const context = document.context;
  const outlines = document.catalog.lookupMaybe(
    PDFName.of("Outlines"),
    PDFDict,
  );
  const items: OutlineItem[] = [];
  // Guards against a malformed outline that links back to itself.
  const seen = new Set<string>();

  const walk = (start: PDFObject | undefined, depth: number): void => {
    let reference = start;
    while (reference !== undefined && !seen.has(reference.toString())) {
      seen.add(reference.toString());
      const item = context.lookupMaybe(reference, PDFDict);
      if (item === undefined) return;
      const title = item.lookup(PDFName.of("Title"));
      const destination = item.lookup(PDFName.of("Dest"));
      const page =
        destination instanceof PDFArray
          ? pages.get(destination.get(0).toString())
          : undefined;
      if (
        (title instanceof PDFString || title instanceof PDFHexString) &&
        page !== undefined
      )
        items.push({ title: title.decodeText(), depth, page });
      const first = item.get(PDFName.of("First"));
      if (first !== undefined) walk(first, depth + 1);
      reference = item.get(PDFName.of("Next"));
    }
  };
  if (outlines !== undefined) walk(outlines.get(PDFName.of("First")), 0);
  return items;
}

/**
 * The page of each wanted heading, matched by its text in document order (a heading
 * text may repeat, as an action field does in the details and the changes).
 */
export function pagesOfHeadings(
  outline: readonly OutlineItem[],
  wanted: readonly { readonly id: string; readonly title: string }[],
): Map<string, number> {
  const normalise = (text: string) => text.replace(/\s+/g, " ").trim();
  const pages = new Map<string, number>();
  let from = 0;
  for (const entry of wanted) {
    const title = normalise(entry.title);
    const index = outline.findIndex(
      (item, position) => position >= from && normalise(item.title) === title,
    );
    if (index === -1) continue;
    const item = outline[index];
    if (item !== undefined) pages.set(entry.id, item.page);
    from = index + 1;
  }
  return pages;
}
