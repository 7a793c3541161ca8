/**
 * Status reports (Sachstandsberichte) in the catalogue exchange format: each report with
 * its number, its meeting, its settings, its per-project entries and its free sections
 * and, once published, the frozen document the public was shown (with the publication
 * date, a backdated report's "nachgetragen am" and who published it). Optional in a file:
 * a file without `reports` leaves the municipality's reports as they are.
 */
import { Type, type Static } from "@sinclair/typebox";
import { REPORT_STATUSES } from "../../domain/report/report-status.js";
import {
  FREE_SECTION_KINDS,
  SURVEY_UNITS,
} from "../../domain/report/report-free-sections.js";
import { REPORT_DOCUMENT_FORMAT } from "../../domain/report/report-document.js";
import { Day, Enum, Text } from "../validation/schema-parts.js";
import { Url } from "./bodies-document.schema.js";
import { SurveyAnswersSchema } from "./survey-answers.schema.js";

const Key = Type.String({
  pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$",
  maxLength: 80,
});
const Keys = (maxItems: number, description: string) =>
  Type.Array(Key, { maxItems, uniqueItems: true, description });
const Timestamp = (description: string) =>
  Type.String({
    pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z$",
    description,
  });

/** What a report says about one project. */
export const ReportEntryDocumentSchema = Type.Object(
  {
    project: Key,
    status: Type.Optional(Enum(REPORT_STATUSES, REPORT_STATUSES.join(", "))),
    text: Type.Optional(Text(3000, "Kurztext für den Ausschuss")),
    highlights: Type.Optional(
      Type.Array(Text(300), { maxItems: 20, description: "Hervorhebungen" }),
    ),
    newDate: Type.Optional(
      Type.String({
        pattern:
          "^\\d{4}(?:-Q[1-4]|-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\\d|3[01]))?)?$",
        description: "Neuer Termin: 2023, 2023-Q2, 2023-05 oder 2023-05-17",
      }),
    ),
    unchanged: Type.Optional(
      Type.Boolean({ description: "Unverändert seit dem letzten Bericht" }),
    ),
    included: Type.Optional(
      Type.Boolean({ description: "Im Bericht gezeigt (fehlt: ja)" }),
    ),
  },
  { additionalProperties: false },
);

/** A free section, or the place of the per-project entries ("projects"). */
export const ReportSectionDocumentSchema = Type.Object(
  {
    kind: Enum(
      [...FREE_SECTION_KINDS, "projects" as const],
      "introduction (Einleitung), topic (Thema), survey (Umfrage), outlook (Ausblick) oder projects (die Projekteinträge)",
    ),
    heading: Type.Optional(Text(200, "Überschrift")),
    text: Type.Optional(Text(10000, "Text")),
    figures: Type.Optional(Keys(20, "Schlüssel der Kennzahlen (Thema)")),
    projects: Type.Optional(Keys(50, "Kurznamen der Projekte (Thema)")),
    question: Type.Optional(Text(500, "Frage (Umfrage)")),
    unit: Type.Optional(
      Enum(SURVEY_UNITS, "count (Anzahlen) oder percent (Prozent)"),
    ),
    answers: Type.Optional(SurveyAnswersSchema),
  },
  { additionalProperties: false },
);
export type ReportSectionDocument = Static<typeof ReportSectionDocumentSchema>;

/**
 * The frozen document of a published report as the portal, the deck and the PDF show it
 * (src/domain/report/report-document.ts), without the report's own id (the database
 * gives it). Only its frame is checked here; its content is what was published.
 */
export const PublishedReportDocumentSchema = Type.Object(
  {
    format: Type.Literal(REPORT_DOCUMENT_FORMAT),
    state: Type.Literal("published"),
    title: Text(300),
    asOf: Type.Integer(),
    meeting: Type.Object({}, { additionalProperties: true }),
    sections: Type.Array(Type.Object({}, { additionalProperties: true })),
    outlook: Type.Array(Type.Object({}, { additionalProperties: true })),
    statusSummary: Type.Object({}, { additionalProperties: true }),
    publishedAt: Timestamp("Veröffentlicht (ISO-Zeitstempel)"),
  },
  { additionalProperties: true },
);

/** A status report in the file. */
export const ReportDocumentSchema = Type.Object(
  {
    number: Type.Integer({
      minimum: 1,
      maximum: 100000,
      description:
        "Nummer des Berichts in der Kommune; verbindet die Datei mit dem gespeicherten Bericht",
    }),
    meeting: Type.Object(
      {
        body: Text(20, "Kürzel des Gremiums"),
        date: Day("Tag der Sitzung (JJJJ-MM-TT)"),
        agendaItem: Type.Optional(Text(20, "TOP-Nummer der Sitzung")),
      },
      { additionalProperties: false },
    ),
    title: Text(200, "Titel"),
    asOf: Day("Stand des Berichts (JJJJ-MM-TT)"),
    previous: Type.Optional(
      Type.Integer({ minimum: 1, description: "Nummer des vorigen Berichts" }),
    ),
    actionFields: Type.Optional(
      Keys(
        100,
        "Schlüssel der gezeigten Aktionsfelder; fehlt die Liste, zeigt der Bericht alle",
      ),
    ),
    includeOzg: Type.Boolean({ description: "Mit dem OZG-Teil" }),
    oparlPaper: Url("OParl-Adresse der Vorlage des Berichts"),
    outlook: Type.Optional(
      Type.Array(
        Type.Object(
          { when: Text(100), what: Text(300) },
          { additionalProperties: false },
        ),
        { maxItems: 30 },
      ),
    ),
    sections: Type.Optional(
      Type.Array(ReportSectionDocumentSchema, { maxItems: 50 }),
    ),
    entries: Type.Optional(
      Type.Array(ReportEntryDocumentSchema, { maxItems: 2000 }),
    ),
    published: Type.Optional(
      Type.Object(
        {
          at: Timestamp("Veröffentlicht (ISO-Zeitstempel)"),
          recordedAt: Type.Optional(
            Timestamp(
              "Bei einem rückdatierten Bericht: wann er wirklich veröffentlicht wurde (nachgetragen am)",
            ),
          ),
          by: Text(200, "Veröffentlicht von"),
          document: PublishedReportDocumentSchema,
        },
        {
          additionalProperties: false,
          description:
            "Nur bei einem veröffentlichten Bericht: das unveränderliche Dokument, wie es veröffentlicht wurde",
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ReportDocumentInFile = Static<typeof ReportDocumentSchema>;

/** The reports of a file. */
export const ReportsDocumentSchema = Type.Array(ReportDocumentSchema, {
  maxItems: 1000,
  description:
    "Sachstandsberichte; ein vorhandener Bericht (gleiche Nummer) bleibt unverändert, fehlt die Liste, bleiben die Berichte wie sie sind",
});
