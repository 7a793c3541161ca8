/**
 * The one maker of stored documents (ADR 0046): an edition's catalogue (DOCX, PDF) and
 * revision slides (PPTX), a report's deck (PPTX) and PDF — each with deterministic bytes.
 */
import { createHash } from "node:crypto";
import type { AppContext } from "../../app/context.js";
import type {
  DocumentMaker,
  DocumentSubject,
  MadeDocument,
  StoredDocumentKind,
} from "../../app/documents/published-documents.js";
import {
  getPublishedReport,
  listPublishedReports,
  type PublicMeetingDetails,
} from "../../app/reports/read-reports.js";
import { formatIsoDate } from "../../domain/calendar/calendar.js";
import type { ReportDocument } from "../../domain/report/report-document.js";
import { AppError } from "../../errors.js";
import {
  deterministicPackage,
  deterministicPdf,
  documentInstant,
} from "../../exports/deterministic.js";
import type { PdfRenderer } from "../../exports/pdf/render-pdf.js";
import {
  buildReportDeck,
  reportFileName,
} from "../../exports/report/report-deck.js";
import { EditionDocuments } from "../edition/edition-documents.js";
import { renderReportPdf } from "../reports/report-print.js";

/** The version of the report documents' format: a new one builds stored reports again. */
export const REPORT_DOCUMENT_FORMAT = "report-documents-6";

const PPTX =
  "application/vnd.openxmlformats-officedocument.presentationml.presentation";

/** The kinds each subject has. */
export const DOCUMENT_KINDS: Readonly<
  Record<DocumentSubject["type"], readonly StoredDocumentKind[]>
> = {
  edition: ["docx", "pdf", "pptx"],
  report: ["pptx", "pdf"],
};

function editionNumberOf(subject: DocumentSubject): number {
  const number = Number(subject.key);
  if (!Number.isSafeInteger(number) || number < 1)
    throw new AppError("ERR_EDITION_NOT_FOUND");
  return number;
}

/** Makes the documents of editions and reports with one Chromium. */
export function createDocumentMaker(
  ctx: AppContext,
  renderer: PdfRenderer,
): DocumentMaker {
  const editions = new EditionDocuments(ctx, renderer);

  async function report(slug: string, subject: DocumentSubject) {
    // A report's documents are stored under its id; its URLs name it by its number.
    const id = Number(subject.key);
    const found = (await listPublishedReports(ctx, slug)).reports.find(
      (report) => report.id === id,
    );
    if (found === undefined) throw new AppError("ERR_REPORT_NOT_FOUND");
    const published = await getPublishedReport(ctx, slug, String(found.number));
    const sourceKey = createHash("sha256")
      .update(JSON.stringify([REPORT_DOCUMENT_FORMAT, published.meeting]))
      .digest("hex")
      .slice(0, 32);
    return { ...published, sourceKey };
  }

  return {
    async sourceKey(slug, subject) {
      if (subject.type === "edition")
        return editions.sourceKey(slug, editionNumberOf(subject));
      return (await report(slug, subject)).sourceKey;
    },
    async make(slug, subject, kind): Promise<MadeDocument> {
      if (subject.type === "edition")
        return editions.make(slug, editionNumberOf(subject), kind);
      const { document, meeting, sourceKey } = await report(slug, subject);
      return {
        ...(await makeReportFile(renderer, document, meeting, kind)),
        sourceKey,
      };
    },
  };
}

/**
 * A report's PDF or deck with deterministic bytes (dated the day it was published, a draft
 * the day of its figures), for storage and for drafts rendered on demand.
 */
export async function makeReportFile(
  renderer: PdfRenderer,
  document: ReportDocument,
  meeting: PublicMeetingDetails | null,
  kind: StoredDocumentKind,
): Promise<Omit<MadeDocument, "sourceKey">> {
  const instant = documentInstant(
    document.publishedAt ?? formatIsoDate(document.asOf),
  );
  const name = reportFileName(document);
  try {
    if (kind === "pdf")
      return {
        body: deterministicPdf(
          await renderReportPdf(renderer, document, meeting),
          instant,
        ),
        fileName: `${name}.pdf`,
        mediaType: "application/pdf",
      };
    if (kind === "pptx")
      return {
        body: await deterministicPackage(
          await buildReportDeck(document, meeting),
          instant,
        ),
        fileName: `${name}.pptx`,
        mediaType: PPTX,
      };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("ERR_DOCUMENT_UNAVAILABLE", {
      cause: error,
      detail: `(${kind})`,
    });
  }
  throw new AppError("ERR_NOT_FOUND");
}
