/**
 * The audit log in the API: filters as query parameters, and the events as JSON. Who, when
 * (UTC), what, before and after, why — never the address a request came from.
 */
import { Type, type Static } from "@sinclair/typebox";
import { SlugSchema } from "../../app/catalogue/catalogue-document.schema.js";
import { MunicipalitySlug, Nullable } from "./schema-parts.js";

const Day = (description: string) =>
  Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description });

/** URL parameters: the municipality. */
export const AuditParamsSchema = Type.Object({
  slug: MunicipalitySlug,
});

/** Filters of the log; all optional. */
export const AuditQuerySchema = Type.Object(
  {
    from: Type.Optional(Day("Erster Tag (deutsche Zeit), JJJJ-MM-TT")),
    until: Type.Optional(
      Day("Letzter Tag (deutsche Zeit, einschließlich), JJJJ-MM-TT"),
    ),
    actor: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: "Id des Benutzerkontos, das gehandelt hat",
      }),
    ),
    entityType: Type.Optional(
      Type.String({
        maxLength: 40,
        description:
          "Art des Eintrags: project, phase, measure, dependency, programme, impact_area, action_field, org_unit, user, route …",
      }),
    ),
    action: Type.Optional(
      Type.String({
        maxLength: 60,
        description:
          "Aktion, z. B. phase.update, project.create, access.denied",
      }),
    ),
    project: Type.Optional({
      ...SlugSchema,
      description: "Nur Einträge dieses Projekts (Kurzname)",
    }),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 200,
        default: 50,
        description: "Höchstzahl der Einträge (1–200, Standard 50)",
      }),
    ),
    offset: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1_000_000,
        default: 0,
        description: "So viele neueste Einträge überspringen",
      }),
    ),
    lang: Type.Optional(
      Type.Union([Type.Literal("de"), Type.Literal("en")], {
        description: "Sprache der Fehlermeldungen; Standard de",
      }),
    ),
  },
  { additionalProperties: false },
);
/** The filters, as validated. */
export type AuditQuery = Static<typeof AuditQuerySchema>;

/** One event of the log. */
export const AuditEventSchema = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: "date-time", description: "Zeitpunkt in UTC" }),
  actor: Type.Object({
    userId: Nullable(
      Type.Integer({
        description: "Id des Benutzerkontos; null für Betrieb oder Unbekannte",
      }),
    ),
    label: Type.String({
      description: "Name und E-Mail-Adresse zum Zeitpunkt des Eintrags",
    }),
  }),
  action: Type.String({ description: "z. B. phase.update" }),
  entityType: Type.String(),
  entityId: Nullable(Type.String()),
  entityLabel: Nullable(
    Type.String({
      description:
        "Lesbare Bezeichnung, z. B. 2.5 E-Rechnungsworkflow – Einführung",
    }),
  ),
  projectId: Nullable(Type.Integer()),
  version: Nullable(
    Type.Integer({
      description:
        "Version des Eintrags (bei Projekten: des Projekts) nach der Änderung",
    }),
  ),
  before: Type.Unknown({ description: "Werte vorher (null bei Neuanlage)" }),
  after: Type.Unknown({ description: "Werte nachher (null beim Löschen)" }),
  reason: Nullable(Type.String({ description: "Grund der Änderung" })),
});

/** A page of the log, newest first. */
export const AuditLogResponseSchema = Type.Object({
  events: Type.Array(AuditEventSchema),
  hasMore: Type.Boolean({
    description: "Ob es ältere Einträge jenseits dieser Seite gibt",
  }),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
/** A page of the log, as sent. */
export type AuditLogResponse = Static<typeof AuditLogResponseSchema>;
