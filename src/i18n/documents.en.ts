/** English texts of stored documents; the same keys as documents.de.ts. */
import type { documentsDe } from "./documents.de.js";

export const documentsEn: typeof documentsDe = {
  buildingTitle: "Document is being created …",
  buildingLead: (name: string) =>
    `“${name}” is being created. This usually takes a few seconds. With JavaScript the download starts by itself as soon as the document is ready; otherwise ask again with the button.`,
  buildingRetry: "Try again now",
  buildingReady: "The document is ready, the download starts.",
  statusRetry: "Update the state",
  statusTitle: "Documents to download",
  statusLead:
    "The documents are created once on publication and served at once afterwards. While one is being created, the list updates itself with JavaScript.",
  kinds: {
    docx: "Catalogue as Word document (DOCX)",
    pdf: "As PDF",
    pptx: "Slides (PPTX)",
  },
  states: {
    pending: "being created …",
    ready: "ready",
    failed: "created on first download",
    missing: "created on first download",
  },
  size: (kilobytes: string) => `${kilobytes} KB`,
  publishedDocumentsLink: "See the state of the documents",
  back: "Back",
};
