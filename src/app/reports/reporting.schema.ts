/**
 * The inputs of the reporting use cases, in the shape of catalogue-edit.schema.ts: where
 * (municipality by slug, records by id or key), the version the caller read, an optional
 * reason, and the values in `data`. Days are ISO dates ("2022-11-28"); the editor turns
 * what people type ("28.11.2022") into that form before calling.
 */
import { Type, type Static } from "@sinclair/typebox";
import {
  INDICATOR_KINDS,
  MAX_DECIMALS,
  QUALIFIERS,
} from "../../domain/indicator/indicator.js";
import { BodyKindSchema, MeetingAgendaFields } from "./bodies.schema.js";
import { SurveyAnswersSchema } from "./survey-answers.schema.js";
import { REPORT_STATUSES } from "../../domain/report/report-status.js";
import {
  FREE_SECTION_KINDS,
  SURVEY_UNITS,
} from "../../domain/report/report-free-sections.js";
import {
  PointInTimeSchema,
  SlugSchema,
  StringEnum,
} from "../catalogue/catalogue-document.schema.js";
import {
  ChangeInputSchema,
  CreateInputSchema,
  IdSchema,
  ReasonSchema,
} from "../catalogue/catalogue-edit.schema.js";
import { Text } from "../validation/schema-parts.js";

const Id = IdSchema;
const NullableText = (maxLength: number, description: string) =>
  Type.Union([Type.String({ maxLength, description }), Type.Null()]);
const Url = (description: string) =>
  Type.Union([
    Type.String({
      maxLength: 2000,
      pattern: "^https?://[^\\s]+$",
      description,
    }),
    Type.Null(),
  ]);

/** A calendar day as ISO date. */
export const IsoDateSchema = Type.String({
  pattern: "^\\d{4}-\\d{2}-\\d{2}$",
  description: "Datum (JJJJ-MM-TT)",
});

/** A committee's fields. */
export const CommitteeDataSchema = Type.Object(
  {
    name: Text(200, "Name des Ausschusses"),
    abbreviation: Type.String({
      minLength: 1,
      maxLength: 20,
      pattern: "^\\S(.*\\S)?$",
      description: "Kürzel, z. B. APD",
    }),
    /** Left out: unchanged. */
    oparlUrl: Type.Optional(Url("OParl-Adresse des Gremiums (Organization)")),
    /** Left out: unchanged (Ausschuss on creation). */
    kind: Type.Optional(BodyKindSchema),
  },
  { additionalProperties: false },
);

/** Creating a committee. */
export const CreateCommitteeInputSchema = CreateInputSchema({
  data: CommitteeDataSchema,
});
export type CreateCommitteeInput = Static<typeof CreateCommitteeInputSchema>;

/** Changing a committee. */
export const UpdateCommitteeInputSchema = ChangeInputSchema(
  { committeeId: Id("Ausschuss") },
  { data: CommitteeDataSchema },
);
export type UpdateCommitteeInput = Static<typeof UpdateCommitteeInputSchema>;

/** A meeting's fields. */
export const MeetingDataSchema = Type.Object(
  {
    committeeId: Id("Ausschuss"),
    day: IsoDateSchema,
    title: NullableText(300, "Bezeichnung, z. B. Tagesordnungspunkt"),
    oparlMeetingUrl: Url("OParl-Adresse der Sitzung"),
    oparlAgendaItemUrl: Url("OParl-Adresse des Tagesordnungspunkts"),
    oparlPaperUrl: Url("OParl-Adresse der Vorlage"),
    ...MeetingAgendaFields,
  },
  { additionalProperties: false },
);
export type MeetingData = Static<typeof MeetingDataSchema>;

/** Creating a meeting. */
export const CreateMeetingInputSchema = CreateInputSchema({
  data: MeetingDataSchema,
});
export type CreateMeetingInput = Static<typeof CreateMeetingInputSchema>;

/** Changing a meeting. */
export const UpdateMeetingInputSchema = ChangeInputSchema(
  { meetingId: Id("Sitzung") },
  { data: MeetingDataSchema },
);
export type UpdateMeetingInput = Static<typeof UpdateMeetingInputSchema>;

/** One line of the outlook. */
export const OutlookItemSchema = Type.Object(
  { when: Text(100, "Wann, z. B. APD – QI/2023"), what: Text(300, "Was") },
  { additionalProperties: false },
);

/** Creating a draft report for a meeting. */
export const CreateReportInputSchema = CreateInputSchema({
  data: Type.Object(
    {
      meetingId: Id("Sitzung"),
      asOf: IsoDateSchema,
      /** Omitted: the latest published report before the as-of date. */
      previousReportId: Type.Optional(
        Type.Union([Id("Vorheriger Bericht"), Type.Null()]),
      ),
      title: Type.Optional(Text(200, "Titel")),
    },
    { additionalProperties: false },
  ),
});
export type CreateReportInput = Static<typeof CreateReportInputSchema>;

/** The settings of a draft report. */
export const ReportSettingsSchema = Type.Object(
  {
    meetingId: Id("Sitzung"),
    asOf: IsoDateSchema,
    previousReportId: Type.Union([Id("Vorheriger Bericht"), Type.Null()]),
    title: Text(200, "Titel"),
    sectionKeys: Type.Union([
      Type.Array(SlugSchema, { maxItems: 100, uniqueItems: true }),
      Type.Null(),
    ]),
    includeOzg: Type.Boolean(),
    outlook: Type.Array(OutlookItemSchema, { maxItems: 30 }),
    /** Left out: unchanged. */
    oparlPaperUrl: Type.Optional(
      Url("OParl-Adresse der Vorlage (Paper) des Berichts"),
    ),
  },
  { additionalProperties: false },
);
export type ReportSettings = Static<typeof ReportSettingsSchema>;

/** Changing a draft's settings. */
export const UpdateReportInputSchema = ChangeInputSchema(
  { reportId: Id("Bericht") },
  { data: ReportSettingsSchema },
);
export type UpdateReportInput = Static<typeof UpdateReportInputSchema>;

/** Publishing a draft. */
export const PublishReportInputSchema = ChangeInputSchema(
  { reportId: Id("Bericht") },
  {
    /**
     * The publication date, when it lies in the past (a report from before Fortschritt,
     * "nachgetragen"); left out or today: published today.
     */
    publishedOn: Type.Optional(IsoDateSchema),
    /** Confirms publishing a second report for a meeting that already has a published one. */
    confirmSecondReport: Type.Optional(Type.Boolean()),
  },
);
export type PublishReportInput = Static<typeof PublishReportInputSchema>;

/** What a report says about a project. */
export const ReportEntryDataSchema = Type.Object(
  {
    status: Type.Union([
      StringEnum(REPORT_STATUSES, REPORT_STATUSES.join(", ")),
      Type.Null(),
    ]),
    text: Type.String({
      maxLength: 3000,
      description: "Kurztext für den Ausschuss",
    }),
    highlights: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), {
      maxItems: 20,
      description: "Hervorhebungen",
    }),
    newDate: Type.Union([PointInTimeSchema, Type.Null()]),
    isIncluded: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type ReportEntryData = Static<typeof ReportEntryDataSchema>;

/** Saving a project's entry; `expectedVersion` 0 creates it. */
export const SaveReportEntryInputSchema = Type.Object({
  municipality: SlugSchema,
  reportId: Id("Bericht"),
  project: SlugSchema,
  expectedVersion: Type.Integer({
    minimum: 0,
    description: "Version des Eintrags; 0 für einen neuen",
  }),
  data: ReportEntryDataSchema,
  reason: ReasonSchema,
});
export type SaveReportEntryInput = Static<typeof SaveReportEntryInputSchema>;

/** "Unverändert seit dem letzten Bericht" for a project. */
export const ConfirmUnchangedInputSchema = Type.Object({
  municipality: SlugSchema,
  reportId: Id("Bericht"),
  project: SlugSchema,
  expectedVersion: Type.Integer({ minimum: 0 }),
});
export type ConfirmUnchangedInput = Static<typeof ConfirmUnchangedInputSchema>;

/** A key figure's definition. */
export const IndicatorDataSchema = Type.Object(
  {
    name: Text(200, "Name"),
    unit: Text(100, "Einheit"),
    definition: Text(1000, "Was gezählt wird"),
    source: Text(300, "Quelle"),
    owner: Text(200, "Wer die Kennzahl pflegt"),
    projectSlug: Type.Union([SlugSchema, Type.Null()]),
    kind: StringEnum(
      INDICATOR_KINDS,
      "count (Anzahl), ratio (Anteil), decimal (Dezimalwert) oder percent (Prozentwert)",
    ),
    denominatorLabel: NullableText(200, "Wovon der Anteil ein Teil ist"),
    chartKind: StringEnum(["line", "bar"] as const, "line oder bar"),
    decimals: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_DECIMALS,
        description: "Nachkommastellen (Dezimal- und Prozentwerte)",
      }),
    ),
    target: Type.Optional(
      Type.Union([
        Type.Object(
          {
            value: Type.Number({
              minimum: 0,
              maximum: 1_000_000_000,
              description: "Zielwert (bei Anteilen in Prozent)",
            }),
            day: IsoDateSchema,
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
  },
  { additionalProperties: false },
);
export type IndicatorData = Static<typeof IndicatorDataSchema>;

/** Creating a key figure. */
export const CreateIndicatorInputSchema = CreateInputSchema({
  key: SlugSchema,
  data: IndicatorDataSchema,
});
export type CreateIndicatorInput = Static<typeof CreateIndicatorInputSchema>;

/** Changing a key figure's definition. */
export const UpdateIndicatorInputSchema = ChangeInputSchema(
  { indicator: SlugSchema },
  { data: IndicatorDataSchema },
);
export type UpdateIndicatorInput = Static<typeof UpdateIndicatorInputSchema>;

/** Recording a dated value. */
export const AddObservationInputSchema = ChangeInputSchema(
  { indicator: SlugSchema },
  {
    data: Type.Object(
      {
        day: IsoDateSchema,
        value: Type.Union([
          Type.Number({
            minimum: 0,
            maximum: 1_000_000_000,
            description: "Wert",
          }),
          Type.String({
            maxLength: 60,
            description:
              "Wert, wie er geschrieben wird: „1.832“, „66,7 %“, „2 von 3“, „mehr als 60“",
          }),
        ]),
        denominator: Type.Optional(
          Type.Union([
            Type.Integer({
              minimum: 1,
              maximum: 1_000_000_000,
              description: "Gesamtzahl",
            }),
            Type.Null(),
          ]),
        ),
        qualifier: Type.Optional(
          Type.Union([
            StringEnum(QUALIFIERS, "about (rund), more_than, less_than"),
            Type.Null(),
          ]),
        ),
        breakdown: Type.Optional(
          Type.Union([
            Type.Array(
              Type.Object(
                {
                  label: Text(200, "Kategorie"),
                  value: Type.Number({ minimum: 0, maximum: 1_000_000_000 }),
                },
                { additionalProperties: false },
              ),
              { maxItems: 50 },
            ),
            Type.String({
              maxLength: 4000,
              description: "Aufteilung, je Zeile „23 Führungskräfte“",
            }),
          ]),
        ),
        note: NullableText(500, "Anmerkung"),
      },
      { additionalProperties: false },
    ),
  },
);
export type AddObservationInput = Static<typeof AddObservationInputSchema>;

/** Removing a wrong value. */
export const RemoveObservationInputSchema = ChangeInputSchema(
  { indicator: SlugSchema },
  { observationId: Id("Wert") },
);
export type RemoveObservationInput = Static<
  typeof RemoveObservationInputSchema
>;

/** The content of a free section of a report (fields a kind does not use stay empty). */
export const FreeSectionDataSchema = Type.Object(
  {
    heading: Type.String({ maxLength: 200, description: "Überschrift" }),
    text: Type.String({ maxLength: 10000, description: "Text" }),
    figureKeys: Type.Array(SlugSchema, {
      maxItems: 20,
      uniqueItems: true,
      description: "Schlüssel der Kennzahlen (Themenabschnitt)",
    }),
    projectSlugs: Type.Array(SlugSchema, {
      maxItems: 50,
      uniqueItems: true,
      description: "Kurznamen der Projekte (Themenabschnitt)",
    }),
    question: Type.String({ maxLength: 500, description: "Frage (Umfrage)" }),
    unit: StringEnum(SURVEY_UNITS, "count (Anzahlen) oder percent (Prozent)"),
    answers: SurveyAnswersSchema,
  },
  { additionalProperties: false },
);
export type FreeSectionData = Static<typeof FreeSectionDataSchema>;

/** Adding a free section to a draft (an introduction at the start, others at the end). */
export const AddReportSectionInputSchema = ChangeInputSchema(
  { reportId: Id("Bericht") },
  {
    kind: StringEnum(FREE_SECTION_KINDS, FREE_SECTION_KINDS.join(", ")),
    data: FreeSectionDataSchema,
  },
);
export type AddReportSectionInput = Static<typeof AddReportSectionInputSchema>;

/** Changing a free section of a draft. */
export const UpdateReportSectionInputSchema = ChangeInputSchema(
  { reportId: Id("Bericht"), sectionId: Id("Abschnitt") },
  { data: FreeSectionDataSchema },
);
export type UpdateReportSectionInput = Static<
  typeof UpdateReportSectionInputSchema
>;

/** Moving a section (or the block of projects) one place up or down. */
export const MoveReportSectionInputSchema = ChangeInputSchema(
  {
    reportId: Id("Bericht"),
    /** The section; the projects block is named by 0 until it has a row of its own. */
    sectionId: Type.Integer({ minimum: 0, description: "Abschnitt" }),
  },
  { direction: StringEnum(["up", "down"] as const, "up oder down") },
);
export type MoveReportSectionInput = Static<
  typeof MoveReportSectionInputSchema
>;

/** Removing a free section of a draft. */
export const RemoveReportSectionInputSchema = ChangeInputSchema(
  { reportId: Id("Bericht"), sectionId: Id("Abschnitt") },
  {},
);
export type RemoveReportSectionInput = Static<
  typeof RemoveReportSectionInputSchema
>;
