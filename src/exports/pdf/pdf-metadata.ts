/**
 * XMP metadata for a printed PDF: Chromium writes a tagged PDF with a title, a language and
 * "display the title" set, but no XMP stream, and PDF/UA asks for one that identifies the
 * file as PDF/UA (pdfuaid:part 1) and carries the title (dc:title). This adds it to the
 * document catalogue, taking the title and language from the PDF itself. It writes no
 * date, so the same PDF gives the same bytes. pdf-lib is loaded on first use.
 *
 * Usage:
 *
 *   const pdf = await withPdfUaMetadata(await page.pdf({ tagged: true, ... }));
 */

/** Escapes text for an XML element. */
function xml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** The XMP packet of a PDF/UA document with its title and language. */
export function pdfUaXmp(title: string, language: string): string {
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:language><rdf:Bag><rdf:li>${xml(language)}</rdf:li></rdf:Bag></dc:language>`,
    "<pdfuaid:part>1</pdfuaid:part>",
    "</rdf:Description>",
    "</rdf:RDF>",
    "</x:xmpmeta>",
    '<?xpacket end="w"?>',
  ].join("\n");
}

/** The PDF with an XMP metadata stream naming it PDF/UA, its title and language. */
export async function withPdfUaMetadata(pdf: Uint8Array): Promise<Buffer> {
  const { PDFDocument, PDFName, PDFString, PDFHexString } =
    await import("pdf-lib");
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const language = document.catalog.get(PDFName.of("Lang"));
  const lang =
    language instanceof PDFString || language instanceof PDFHexString
      ? language.decodeText()
      : "de";
  const metadata = document.context.stream(
    pdfUaXmp(document.getTitle() ?? "", lang),
    { Type: "Metadata", Subtype: "XML" },
  );
  document.catalog.set(
    PDFName.of("Metadata"),
    document.context.register(metadata),
  );
  return Buffer.from(
    await document.save({
      useObjectStreams: false,
      updateFieldAppearances: false,
    }),
  );
}
