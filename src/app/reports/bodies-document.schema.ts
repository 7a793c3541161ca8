/**
 * The bodies (Gremien) in the catalogue exchange format: each with its kind, its members
 * (with whether the name may be public) and its meetings with agenda item, paper
 * reference, OParl links, presenters and questions and answers. Optional in a file: a
 * file without `bodies` leaves the municipality's bodies as they are.
 */
import { Type, type Static } from "@sinclair/typebox";
import { BODY_KINDS } from "../../domain/body/body.js";
import { Text } from "../validation/schema-parts.js";

/** An optional web address. */
export const Url = (description: string) =>
  Type.Optional(
    Type.String({
      maxLength: 2000,
      pattern: "^https?://[^\\s]+$",
      description,
    }),
  );

/** A meeting of a body in the file. */
export const BodyMeetingDocumentSchema = Type.Object(
  {
    date: Type.String({
      pattern: "^\\d{4}-\\d{2}-\\d{2}$",
      description: "Tag der Sitzung (JJJJ-MM-TT)",
    }),
    title: Type.Optional(Text(300)),
    agendaItem: Type.Optional(
      Type.Object(
        {
          number: Type.Optional(Text(20, "TOP-Nummer, z. B. 5.1")),
          title: Type.Optional(Text(300)),
        },
        { additionalProperties: false },
      ),
    ),
    paperReference: Type.Optional(
      Text(60, "Vorlagen-/Drucksachennummer, z. B. A 10/185/2022"),
    ),
    oparl: Type.Optional(
      Type.Object(
        {
          meeting: Url("OParl-Adresse der Sitzung"),
          agendaItem: Url("OParl-Adresse des Tagesordnungspunkts"),
          paper: Url("OParl-Adresse der Vorlage"),
        },
        { additionalProperties: false },
      ),
    ),
    presenters: Type.Optional(
      Type.Array(
        Type.Object(
          { name: Text(200), function: Type.Optional(Text(200)) },
          { additionalProperties: false },
        ),
        { maxItems: 20 },
      ),
    ),
    minutes: Type.Optional(
      Type.Array(
        Type.Object(
          { question: Text(2000), answer: Text(4000) },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
  },
  { additionalProperties: false },
);

/** A body in the file. */
export const BodyDocumentSchema = Type.Object(
  {
    abbreviation: Type.String({
      minLength: 1,
      maxLength: 20,
      pattern: "^\\S(.*\\S)?$",
      description:
        "Kürzel, eindeutig in der Kommune; verbindet die Datei mit dem gespeicherten Gremium",
    }),
    name: Text(200),
    kind: Type.Union(
      BODY_KINDS.map((kind) => Type.Literal(kind)),
      {
        description:
          "committee (Ausschuss), advisory_board (Beirat), working_group (Arbeitskreis), steering_group (Lenkungsgruppe)",
      },
    ),
    oparlUrl: Url("OParl-Adresse des Gremiums (Organization)"),
    members: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Text(200),
            group: Type.Optional(Text(100)),
            role: Type.Optional(Text(100)),
            public: Type.Boolean({
              description: "Ob der Name öffentlich erscheinen darf",
            }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 500 },
      ),
    ),
    meetings: Type.Optional(
      Type.Array(BodyMeetingDocumentSchema, { maxItems: 1000 }),
    ),
  },
  { additionalProperties: false },
);
export type BodyDocument = Static<typeof BodyDocumentSchema>;

/** The bodies of a file. */
export const BodiesDocumentSchema = Type.Array(BodyDocumentSchema, {
  maxItems: 100,
  description:
    "Gremien mit Mitgliedern und Sitzungen; fehlt die Liste, bleiben die Gremien unverändert",
});
