/**
 * Bodies and meetings, published status reports, key figures and the OZG register in the
 * API, in TypeBox: the same objects validate requests, shape the JSON (fast-json-stringify
 * drops what is not declared, so nothing undeclared can leak) and produce the OpenAPI
 * document. Days are ISO dates (JJJJ-MM-TT).
 */
import { Type, type Static } from "@sinclair/typebox";
import {
  SlugSchema,
  StringEnum,
} from "../../app/catalogue/catalogue-document.schema.js";
import {
  INDICATOR_KINDS,
  QUALIFIERS,
} from "../../domain/indicator/indicator.js";
import { REPORT_STATUSES } from "../../domain/report/report-status.js";
import {
  MATURITY_MODEL_VERSIONS,
  SERVICE_CHANNELS,
  SERVICE_KINDS,
  SERVICE_STATUSES,
} from "../../domain/service/service.js";
import {
  EditionNumber,
  LangQuery,
  MunicipalitySlug,
  Nullable,
} from "./schema-parts.js";
import { ref } from "./schema-ref.js";
import { BODY_KINDS } from "../../domain/body/body.js";

const IsoDay = (description: string) =>
  Type.String({ format: "date", description });

/** `limit` and `offset` of a list that grows. */
const Paging = {
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 500,
      default: 100,
      description: "Höchstzahl der Einträge (1–500, Standard 100)",
    }),
  ),
  offset: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 1_000_000,
      default: 0,
      description: "So viele Einträge überspringen",
    }),
  ),
};
/** The as-of date of the register. */
const Stand = Type.Optional(
  Type.String({
    maxLength: 40,
    description:
      "Stand, JJJJ-MM-TT; Standard: heute (deutsche Zeit). Ungültig: 400 ERR_STAND_INVALID",
  }),
);

/** Paging of lists that grow: `limit` and `offset`; the `Link` header names the neighbours. */
export const PageQuerySchema = Type.Object(
  {
    lang: LangQuery,
    ...Paging,
  },
  { additionalProperties: false },
);

/** The paging of a list response. */
const PageSchema = Type.Object({
  total: Type.Integer({ description: "Alle Einträge der Liste" }),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

/** URL parameters: the municipality and a report (id, or the date of its meeting). */
export const ReportParamsSchema = Type.Object({
  slug: MunicipalitySlug,
  report: Type.String({
    pattern: "^(?:[1-9]\\d{0,9}|\\d{4}-\\d{2}-\\d{2})$",
    description: "Id des Berichts oder Datum seiner Sitzung, z. B. 2022-11-29",
  }),
});

/** URL parameters: the municipality and a key figure. */
export const IndicatorParamsSchema = Type.Object({
  slug: MunicipalitySlug,
  key: {
    ...SlugSchema,
    description: "Schlüssel der Kennzahl, z. B. mobile-office",
  },
});

/** Query of the register: the as-of date and paging. */
export const RegisterQuerySchema = Type.Object(
  {
    lang: LangQuery,
    stand: Stand,
    ...Paging,
  },
  { additionalProperties: false },
);

/** Query of the register's figures. */
export const RegisterFiguresQuerySchema = Type.Object(
  {
    lang: LangQuery,
    stand: Stand,
  },
  { additionalProperties: false },
);

/** Query of the draft's changes. */
export const DraftChangesQuerySchema = Type.Object(
  {
    lang: LangQuery,
    since: Type.Optional(
      EditionNumber(
        "Fortschreibung, mit der verglichen wird; Standard: die letzte",
      ),
    ),
  },
  { additionalProperties: false },
);

// ── Bodies and meetings ──────────────────────────────────────────────────────

const OparlLinksSchema = Type.Object({
  meeting: Nullable(Type.String({ description: "OParl-Meeting-URL" })),
  agendaItem: Nullable(Type.String({ description: "OParl-AgendaItem-URL" })),
  paper: Nullable(Type.String({ description: "OParl-Paper-URL (Vorlage)" })),
});

/** A committee. */
export const BodySchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String({
      description: "z. B. Ausschuss für Planung und Digitalisierung",
    }),
    abbreviation: Type.String({ description: "z. B. APD" }),
  },
  { $id: "Body", description: "Ein Gremium (Ausschuss) der Kommune" },
);

/** A member of a body whose name may be public. */
export const BodyMemberSchema = Type.Object(
  {
    name: Type.String(),
    group: Nullable(
      Type.String({ description: "z. B. Bürgerschaft, Wirtschaft" }),
    ),
    role: Nullable(Type.String({ description: "z. B. Vorsitz" })),
  },
  {
    $id: "BodyMember",
    description:
      "Ein Mitglied, dessen Name öffentlich erscheinen darf; andere Mitglieder nennt die API nie",
  },
);

/** A body with its kind and public members. */
export const BodyDetailSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String({
      description: "z. B. Ausschuss für Planung und Digitalisierung",
    }),
    abbreviation: Type.String({ description: "z. B. APD" }),
    kind: StringEnum(
      BODY_KINDS,
      "committee (Ausschuss), advisory_board (Beirat), working_group (Arbeitskreis), steering_group (Lenkungsgruppe)",
    ),
    kindLabel: Type.String({
      description: "Die Art auf Deutsch, z. B. Beirat",
    }),
    members: Type.Array(ref(BodyMemberSchema), {
      description: "Nur die Mitglieder, deren Namen öffentlich sein dürfen",
    }),
  },
  {
    $id: "BodyDetail",
    description:
      "Ein Gremium mit seiner Art und seinen öffentlichen Mitgliedern",
  },
);

/** The committees of a municipality. */
export const BodyListSchema = Type.Object(
  {
    municipality: Type.Object({ slug: Type.String(), name: Type.String() }),
    bodies: Type.Array(ref(BodyDetailSchema)),
  },
  { $id: "BodyList" },
);

/** A meeting. */
export const MeetingSchema = Type.Object(
  {
    id: Type.Integer(),
    date: IsoDay("Tag der Sitzung"),
    title: Nullable(Type.String()),
    body: ref(BodySchema),
    oparl: OparlLinksSchema,
    agendaItem: Nullable(
      Type.Object({
        number: Nullable(Type.String({ description: "TOP-Nummer, z. B. 5.1" })),
        title: Nullable(Type.String({ description: "Titel des TOP" })),
      }),
    ),
    paperReference: Nullable(
      Type.String({
        description: "Vorlagen-/Drucksachennummer, z. B. A 10/185/2022",
      }),
    ),
    presenters: Type.Array(
      Type.Object({
        name: Type.String(),
        function: Type.String({ description: "Funktion; leer ohne Angabe" }),
      }),
      { description: "Wer den TOP vorgetragen hat" },
    ),
    minutes: Type.Array(
      Type.Object({ question: Type.String(), answer: Type.String() }),
      { description: "Fragen und Antworten aus der Niederschrift" },
    ),
    reports: Type.Array(
      Type.String({
        description:
          "API-Pfad eines veröffentlichten Berichts für diese Sitzung",
      }),
    ),
  },
  { $id: "Meeting", description: "Eine Sitzung eines Gremiums" },
);

/** A page of meetings. */
export const MeetingListSchema = Type.Object(
  { meetings: Type.Array(ref(MeetingSchema)), page: PageSchema },
  { $id: "MeetingList" },
);

// ── Key figures ──────────────────────────────────────────────────────────────

/** One dated value. */
export const ObservationSchema = Type.Object(
  {
    date: IsoDay("Stand des Werts"),
    value: Type.Number({
      description: "Gezählter Wert; bei Anteilen der Teil (144 von 572 → 144)",
    }),
    denominator: Nullable(
      Type.Number({ description: "Bei Anteilen das Ganze (572); sonst null" }),
    ),
    share: Nullable(
      Type.Number({
        description: "Bei Anteilen value/denominator (0,252); sonst null",
      }),
    ),
    note: Nullable(Type.String()),
    qualifier: Nullable(
      StringEnum(
        QUALIFIERS,
        "Bei ungefähren Werten: about (rund), more_than (mehr als), less_than (weniger als); null bei genauen Werten",
      ),
    ),
    text: Type.String({
      description:
        "Der Wert in deutscher Schreibweise, wie ihn das Portal zeigt: „mehr als 60“, „66,7 %“, „2 von 3 (66,7 %)“",
    }),
    breakdown: Type.Array(
      Type.Object({ label: Type.String(), value: Type.Number() }),
      {
        description:
          "Aufteilung des Werts nach Kategorien (die Teile ergeben den Wert); leer ohne Aufteilung",
      },
    ),
  },
  { $id: "Observation" },
);

/** The definition of a key figure. */
export const IndicatorDefinitionSchema = Type.Object(
  {
    key: Type.String(),
    name: Type.String(),
    unit: Type.String({ description: "Was gezählt wird, z. B. Mitarbeitende" }),
    definition: Type.String({ description: "Was wie gezählt wird" }),
    source: Type.String({ description: "Woher der Wert kommt" }),
    owner: Type.String({
      description: "Wer den Wert pflegt (Organisationseinheit)",
    }),
    project: Nullable(
      Type.String({
        description: "Kurzname des Projekts, zu dem die Kennzahl gehört",
      }),
    ),
    kind: StringEnum(
      INDICATOR_KINDS,
      "count: Anzahl; ratio: Anteil; decimal: Dezimalwert; percent: Prozentwert",
    ),
    denominatorLabel: Nullable(
      Type.String({ description: "Bei Anteilen: was das Ganze zählt" }),
    ),
    decimals: Type.Integer({
      description: "Nachkommastellen der Werte (0 bei Anzahlen und Anteilen)",
    }),
    target: Nullable(
      Type.Object(
        {
          value: Type.Number({
            description: "Zielwert; bei Anteilen in Prozent",
          }),
          date: IsoDay("Bis wann der Zielwert erreicht sein soll"),
        },
        { description: "Zielwert mit Datum; null ohne Ziel" },
      ),
    ),
  },
  { $id: "IndicatorDefinition" },
);

/** A key figure with all its dated values. */
export const IndicatorSchema = Type.Object(
  {
    definition: ref(IndicatorDefinitionSchema),
    chartKind: StringEnum(["line", "bar"] as const),
    stand: Nullable(IsoDay("Stand des neuesten Werts; null ohne Werte")),
    latest: Nullable(ref(ObservationSchema)),
    values: Type.Array(ref(ObservationSchema), {
      description: "Alle Werte bis heute, der älteste zuerst",
    }),
  },
  {
    $id: "Indicator",
    description: "Eine Kennzahl mit Definition und allen datierten Werten",
  },
);

/** The key figures of a municipality. */
export const IndicatorListSchema = Type.Object(
  {
    municipality: Type.Object({ slug: Type.String(), name: Type.String() }),
    indicators: Type.Array(ref(IndicatorSchema)),
    page: PageSchema,
  },
  { $id: "IndicatorList" },
);

// ── The OZG register ─────────────────────────────────────────────────────────

/** One record of the register. */
export const ServiceSchema = Type.Object(
  {
    leikaKey: Type.String({ description: "LeiKa-Schlüssel, 14 Ziffern" }),
    kind: StringEnum(
      SERVICE_KINDS,
      "ozg-service: OZG-Leistung; online-application: weiterer Online-Antrag (andere Behörde oder über das OZG hinaus)",
    ),
    name: Type.String(),
    topic: Nullable(Type.String()),
    isResponsibleLocally: Type.Boolean({
      description: "false: eine andere Behörde ist zuständig",
    }),
    channel: Nullable(StringEnum(SERVICE_CHANNELS)),
    isFrontEndOnline: Type.Boolean(),
    isBackEndConnected: Type.Boolean(),
    hasEPayment: Type.Boolean(),
    hasEId: Type.Boolean(),
    onlineApplications: Type.Integer(),
    maturity: Nullable(
      Type.Object({
        modelVersion: StringEnum(MATURITY_MODEL_VERSIONS),
        level: Type.Integer(),
      }),
    ),
    status: StringEnum(SERVICE_STATUSES),
    url: Nullable(Type.String()),
    validFrom: Nullable(IsoDay("Erster Tag der Gültigkeit dieses Eintrags")),
    validUntil: Nullable(
      IsoDay("Letzter Tag der Gültigkeit (einschließlich); null: gilt noch"),
    ),
  },
  { $id: "OzgService", description: "Ein Eintrag des OZG-Leistungsregisters" },
);

/** The figures of the register on a day. */
export const OzgFiguresSchema = Type.Object(
  {
    stand: IsoDay("Stand der Zahlen"),
    defined: Type.Integer({
      description:
        "Alle OZG-Leistungen des Verzeichnisses, nicht eingestellt (davon nicht zuständig: notResponsibleLocally)",
    }),
    implemented: Type.Integer({
      description: "Leistungen in eigener Zuständigkeit mit Online-Zugang",
    }),
    withFrontEndAndBackEnd: Type.Integer(),
    frontEndOnly: Type.Integer(),
    withEPayment: Type.Integer(),
    withEId: Type.Integer(),
    byChannel: Type.Record(Type.String(), Type.Integer(), {
      description: "Umgesetzte Leistungen je Zugang",
    }),
    implementedWithoutChannel: Type.Integer(),
    byChannelGroup: Type.Array(
      Type.Object({
        label: Type.String(),
        channels: Type.Array(StringEnum(SERVICE_CHANNELS)),
        count: Type.Integer(),
      }),
      {
        description:
          "Umgesetzte Leistungen je Gruppe von Zugängen, wie ein Bericht sie nennt (z. B. Landes- oder Bundesportal)",
      },
    ),
    onlineApplications: Type.Integer({
      description: "Online-Anträge insgesamt",
    }),
    onlineApplicationsOfImplemented: Type.Integer(),
    onlineApplicationsOther: Type.Integer(),
    onlineApplicationsOtherAuthority: Type.Integer({
      description: "Online-Anträge in anderer Zuständigkeit",
    }),
    onlineApplicationsBeyondOzg: Type.Integer({
      description: "eigene Online-Anträge über das OZG hinaus",
    }),
    furtherApplicationEntries: Type.Integer({
      description: "Einträge weiterer Online-Anträge mit Online-Zugang",
    }),
    notResponsibleLocally: Type.Integer({
      description: "Davon nicht zuständig",
    }),
    byStatus: Type.Record(Type.String(), Type.Integer()),
    maturity: Type.Array(
      Type.Object({
        modelVersion: StringEnum(MATURITY_MODEL_VERSIONS),
        assessed: Type.Integer(),
        levels: Type.Array(
          Type.Object({ level: Type.Integer(), count: Type.Integer() }),
        ),
      }),
    ),
    maturityNotAssessed: Type.Integer(),
  },
  {
    $id: "OzgFigures",
    description: "Kennzahlen des OZG-Registers an einem Stichtag",
  },
);

/** A page of the register on a day. */
export const RegisterSchema = Type.Object(
  {
    municipality: Type.Object({ slug: Type.String(), name: Type.String() }),
    stand: IsoDay("Stand des Registers"),
    services: Type.Array(ref(ServiceSchema), {
      description: "Die am Stand gültigen Einträge, einer je Leistung",
    }),
    page: PageSchema,
  },
  { $id: "OzgRegister" },
);

// ── Published reports ────────────────────────────────────────────────────────

/** A figure as a report shows it. */
export const ReportFigureSchema = Type.Object(
  {
    definition: ref(IndicatorDefinitionSchema),
    stand: IsoDay("Stand des Werts, der am Stichtag galt"),
    current: ref(ObservationSchema),
    values: Type.Array(ref(ObservationSchema), {
      description: "Werte bis zum Stichtag",
    }),
    change: Nullable(
      Type.Object(
        {
          from: Nullable(ref(ObservationSchema)),
          to: Nullable(ref(ObservationSchema)),
          absolute: Nullable(Type.Number()),
          relative: Nullable(
            Type.Number({
              description: "Anteil des früheren Werts (0,2 = +20 %)",
            }),
          ),
          shareDifference: Nullable(
            Type.Number({
              description:
                "Bei Anteilen: Änderung in Prozentpunkten als Anteil (0,02)",
            }),
          ),
        },
        {
          description:
            "Veränderung seit dem Stichtag des vorigen Berichts; null ohne vorigen Bericht",
        },
      ),
    ),
  },
  { $id: "ReportFigure" },
);

/** What a report says about one project. */
export const ReportEntrySchema = Type.Object(
  {
    project: Type.Object({
      slug: Type.String(),
      code: Type.String(),
      title: Type.String(),
    }),
    status: Nullable(StringEnum(REPORT_STATUSES)),
    text: Type.String(),
    highlights: Type.Array(Type.String()),
    newDate: Nullable(
      Type.String({ description: "Neuer Termin, z. B. 2023-Q1" }),
    ),
    newDateLabel: Nullable(
      Type.String({ description: "Derselbe auf Deutsch, z. B. QI/2023" }),
    ),
    isUnchanged: Type.Boolean({
      description: "Unverändert seit dem letzten Bericht",
    }),
    changes: Type.Array(
      Type.Object({ kind: Type.String(), text: Type.String() }),
      { description: "Berechnete Veränderungen seit dem vorigen Bericht" },
    ),
    figures: Type.Array(ref(ReportFigureSchema)),
  },
  { $id: "ReportEntry" },
);

/** A report in a list. */
export const ReportSummarySchema = Type.Object(
  {
    id: Type.Integer(),
    number: Type.Integer({
      minimum: 1,
      description:
        "Nummer des Berichts in der Kommune (1, 2, 3 … in der Reihenfolge der Anlage); die Portal-Adresse nennt sie",
    }),
    title: Type.String(),
    stand: IsoDay("Stichtag des Berichts"),
    publishedAt: Type.String({
      format: "date-time",
      description:
        "Veröffentlichungsdatum; bei einem nachgetragenen Bericht der angegebene Tag",
    }),
    recordedAt: Type.Optional(
      Type.String({
        format: "date-time",
        description:
          "Nur bei nachgetragenen Berichten: wann der Bericht tatsächlich veröffentlicht wurde",
      }),
    ),
    meeting: Type.Object({
      id: Type.Integer(),
      date: IsoDay("Tag der Sitzung"),
      title: Nullable(Type.String()),
      body: ref(BodySchema),
    }),
    links: Type.Object({
      self: Type.String(),
      portal: Type.String(),
      pdf: Type.String(),
      pptx: Type.String(),
    }),
  },
  { $id: "ReportSummary" },
);

/** The published reports of a municipality. */
export const ReportListSchema = Type.Object(
  {
    municipality: Type.Object({ slug: Type.String(), name: Type.String() }),
    reports: Type.Array(ref(ReportSummarySchema)),
    page: PageSchema,
  },
  { $id: "ReportList" },
);

/** A published report in full. */
export const ReportDetailSchema = Type.Object(
  {
    report: ref(ReportSummarySchema),
    programmeTitle: Type.String(),
    meeting: Type.Object({
      date: IsoDay("Tag der Sitzung"),
      title: Nullable(Type.String()),
      body: Type.Object({ name: Type.String(), abbreviation: Type.String() }),
      oparl: OparlLinksSchema,
    }),
    previous: Nullable(
      Type.Object({
        id: Type.Integer(),
        stand: IsoDay("Stichtag"),
        meetingDate: IsoDay("Sitzung"),
        self: Type.String(),
      }),
    ),
    statusSummary: Type.Object({
      counts: Type.Array(
        Type.Object({
          status: StringEnum(REPORT_STATUSES),
          count: Type.Integer(),
        }),
      ),
      withoutStatus: Type.Integer(),
      total: Type.Integer(),
    }),
    sections: Type.Array(
      Type.Object({
        actionField: Type.Object({
          key: Type.String(),
          number: Type.Integer(),
          name: Type.String(),
          colour: Type.String(),
        }),
        impactArea: Type.String(),
        entries: Type.Array(ref(ReportEntrySchema)),
      }),
    ),
    otherFigures: Type.Array(ref(ReportFigureSchema), {
      description: "Kennzahlen ohne Projekt im Bericht",
    }),
    ozg: Nullable(
      Type.Object({
        figures: ref(OzgFiguresSchema),
        previous: Nullable(ref(OzgFiguresSchema)),
      }),
    ),
    outlook: Type.Array(
      Type.Object({ when: Type.String(), what: Type.String() }),
    ),
    editions: Type.Array(
      Type.Object({
        number: Type.Integer(),
        title: Type.String(),
        publishedOn: IsoDay("Datum der Fortschreibung"),
      }),
    ),
  },
  {
    $id: "ReportDetail",
    description:
      "Ein veröffentlichter Sachstandsbericht, wie er dem Gremium vorlag",
  },
);

/** The schemas with an $id, for shared-schemas.ts. */
export const PUBLIC_RECORD_SCHEMAS = [
  BodySchema,
  BodyMemberSchema,
  BodyDetailSchema,
  BodyListSchema,
  MeetingSchema,
  MeetingListSchema,
  ObservationSchema,
  IndicatorDefinitionSchema,
  IndicatorSchema,
  IndicatorListSchema,
  ServiceSchema,
  OzgFiguresSchema,
  RegisterSchema,
  ReportFigureSchema,
  ReportEntrySchema,
  ReportSummarySchema,
  ReportListSchema,
  ReportDetailSchema,
] as const;

export type BodyDto = Static<typeof BodySchema>;
export type BodyDetailDto = Static<typeof BodyDetailSchema>;
export type MeetingDto = Static<typeof MeetingSchema>;
export type ObservationDto = Static<typeof ObservationSchema>;
export type IndicatorDefinitionDto = Static<typeof IndicatorDefinitionSchema>;
export type IndicatorDto = Static<typeof IndicatorSchema>;
export type ServiceDto = Static<typeof ServiceSchema>;
export type OzgFiguresDto = Static<typeof OzgFiguresSchema>;
export type ReportFigureDto = Static<typeof ReportFigureSchema>;
export type ReportSummaryDto = Static<typeof ReportSummarySchema>;
export type ReportDetailDto = Static<typeof ReportDetailSchema>;
