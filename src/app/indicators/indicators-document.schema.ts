/**
 * Key figures (Kennzahlen) in the catalogue exchange format: each figure with its
 * definition, kind, decimals, target and all its dated values. Optional in a file: a file
 * without `indicators` leaves the municipality's figures as they are.
 */
import { Type, type Static } from "@sinclair/typebox";
import { Day, Enum, Text } from "../validation/schema-parts.js";
import {
  INDICATOR_KINDS,
  MAX_DECIMALS,
  QUALIFIERS,
} from "../../domain/indicator/indicator.js";

const Slug = (description: string) =>
  Type.String({
    pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$",
    maxLength: 80,
    description,
  });

/** One dated value of a figure. */
export const IndicatorValueDocumentSchema = Type.Object(
  {
    day: Day("Stand des Werts (JJJJ-MM-TT)"),
    value: Type.Number({
      minimum: 0,
      maximum: 1_000_000_000,
      description: "Wert; bei Anteilen der Teil (144 von 572 → 144)",
    }),
    denominator: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1_000_000_000,
        description: "Nur bei Anteilen: das Ganze (572)",
      }),
    ),
    qualifier: Type.Optional(
      Enum(
        QUALIFIERS,
        "Ungefährer Wert: about (rund), more_than (mehr als), less_than (weniger als)",
      ),
    ),
    breakdown: Type.Optional(
      Type.Array(
        Type.Object(
          {
            label: Text(100, "Kategorie, z. B. Führungskräfte"),
            value: Type.Number({ minimum: 0, maximum: 1_000_000_000 }),
          },
          { additionalProperties: false },
        ),
        {
          minItems: 1,
          maxItems: 20,
          description:
            "Aufteilung des Werts; die Teile ergeben zusammen den Wert",
        },
      ),
    ),
    note: Type.Optional(Text(1000)),
  },
  { additionalProperties: false },
);

/** A key figure with its values. */
export const IndicatorDocumentSchema = Type.Object(
  {
    key: Slug("Schlüssel der Kennzahl, eindeutig in der Kommune"),
    name: Text(200),
    unit: Text(100, "Einheit, z. B. Mitarbeitende"),
    definition: Text(1000, "Was gezählt wird"),
    source: Text(300, "Quelle"),
    owner: Text(200, "Wer die Kennzahl pflegt"),
    project: Type.Optional(Slug("Kurzname des Projekts der Kennzahl")),
    kind: Enum(
      INDICATOR_KINDS,
      "count (Anzahl), ratio (Anteil), decimal (Dezimalwert) oder percent (Prozentwert)",
    ),
    denominatorLabel: Type.Optional(
      Text(200, "Nur bei Anteilen: wovon der Wert ein Teil ist"),
    ),
    decimals: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_DECIMALS,
        description: "Nachkommastellen (nur decimal und percent)",
      }),
    ),
    chart: Type.Optional(
      Enum(["line", "bar"] as const, "gespeicherte Diagrammart (line, bar)"),
    ),
    target: Type.Optional(
      Type.Object(
        {
          value: Type.Number({
            minimum: 0,
            maximum: 1_000_000_000,
            description: "Zielwert (bei Anteilen in Prozent)",
          }),
          day: Day("bis wann (JJJJ-MM-TT)"),
        },
        { additionalProperties: false },
      ),
    ),
    values: Type.Array(IndicatorValueDocumentSchema, { maxItems: 2000 }),
  },
  { additionalProperties: false },
);

/** All key figures of a municipality. */
export const IndicatorsDocumentSchema = Type.Array(IndicatorDocumentSchema, {
  maxItems: 500,
  description:
    "Kennzahlen mit allen Werten; ein Import ergänzt Werte zu ihrem Stand und ändert keine erfassten",
});

export type IndicatorDocument = Static<typeof IndicatorDocumentSchema>;
