/**
 * The status report as a printable HTML document (the source of the PDF): the report's own
 * markup with a print stylesheet and no portal frame. Its headings, lists, tables and the
 * charts' titles become the tagged PDF's structure; `lang` and `<title>` its language and
 * title. Rendered by Chromium through the shared renderer (src/exports/pdf/render-pdf.ts).
 */
import type { PublicMeetingDetails } from "../../app/reports/read-reports.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PdfRenderer } from "../../exports/pdf/render-pdf.js";
import { formatGermanDate } from "../../domain/calendar/calendar.js";
import type { ReportDocument } from "../../domain/report/report-document.js";
import { createViewContext } from "../components/view.js";
import { assetDirectory } from "../http/static-assets.js";
import { ReportView } from "./report-view.js";

const STYLESHEET = "/assets/report-print.css";
let stylesheet: string | null = null;

function printStylesheet(): string {
  stylesheet ??= readFileSync(
    join(assetDirectory(), "report-print.css"),
    "utf8",
  );
  return stylesheet;
}

/** The print document of a report (German: the committee's language). */
export async function reportPrintHtml(
  document: ReportDocument,
  meeting: PublicMeetingDetails | null = null,
): Promise<string> {
  const view = createViewContext("de");
  const heading =
    document.number === undefined
      ? document.title
      : view.t.reports.numberedTitle(document.title, document.number);
  const title = `${heading} – ${document.meeting.committeeAbbreviation} ${formatGermanDate(document.meeting.day)} (Stand ${formatGermanDate(document.asOf)})`;
  const body = await (
    <>
      {"<!doctype html>"}
      <html lang="de">
        <head>
          <meta charset="utf-8" />
          <title safe>{title}</title>
          <link rel="stylesheet" href={STYLESHEET} />
        </head>
        <body>
          <header class="app-print-header">
            <p
              safe
            >{`${document.municipality.name} · ${document.programmeTitle}`}</p>
          </header>
          <main>
            <ReportView
              view={view}
              document={document}
              links={{ previousReport: null, project: () => "#" }}
              isPrint={true}
              meeting={meeting}
            />
          </main>
        </body>
      </html>
    </>
  );
  return body;
}

/** Prints a report to a tagged PDF with page numbers. */
export async function renderReportPdf(
  renderer: PdfRenderer,
  document: ReportDocument,
  meeting: PublicMeetingDetails | null = null,
): Promise<Buffer> {
  return renderer.renderPdf(
    {
      html: await reportPrintHtml(document, meeting),
      resources: {
        [STYLESHEET]: { contentType: "text/css", body: printStylesheet() },
      },
    },
    { pageNumbers: "de" },
  );
}
