/**
 * The catalogue exchange document (docs/catalogue-format.md): the schema that checks the
 * demo data, imports, and — part by part — what the editor and the API accept.
 */
import {
  Type,
  type Static,
  type TLiteral,
  type TUnion,
} from "@sinclair/typebox";
import {
  MEASURE_STATUSES,
  ORG_UNIT_KINDS,
  PROJECT_STATUSES,
  RESPONSIBILITY_ROLES,
} from "../../domain/catalogue/catalogue.js";
import { BodiesDocumentSchema } from "../reports/bodies-document.schema.js";
import { IndicatorsDocumentSchema } from "../indicators/indicators-document.schema.js";
import { ReportsDocumentSchema } from "../reports/reports-document.schema.js";
import { Text } from "../validation/schema-parts.js";

/** A union of string literals, so that the allowed values appear in the OpenAPI document. */
export function StringEnum<T extends string>(
  values: readonly T[],
  description?: string,
): TUnion<TLiteral<T>[]> {
  return Type.Union(
    values.map((value) => Type.Literal(value)),
    description === undefined ? {} : { description },
  );
}

/** A key used in URLs and references: lower-case letters, digits, hyphens. */
export const SlugSchema = Type.String({
  pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$",
  maxLength: 80,
  description:
    "Kleinbuchstaben, Ziffern und Bindestriche, z. B. e-rechnungsworkflow",
});

/** A point in time in canonical form with its precision. */
export const PointInTimeSchema = Type.String({
  pattern:
    "^\\d{4}(?:-Q[1-4]|-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\\d|3[01]))?)?$",
  description: "Zeitpunkt: 2023, 2023-Q2, 2023-05 oder 2023-05-17",
});

const OptionalText = (maxLength: number) =>
  Type.Optional(Type.String({ maxLength }));

/** An org unit code such as "10.1" or "wtm". */
export const OrgUnitCodeSchema = Type.String({
  pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$",
  maxLength: 40,
  description: "Kürzel der Organisationseinheit, z. B. 10.1",
});

/** A phase of a project. */
export const PhaseSchema = Type.Object(
  {
    label: Text(80, "Bezeichnung, z. B. Umsetzung"),
    start: PointInTimeSchema,
    end: Type.Optional(PointInTimeSchema),
    continuation: Type.Optional(
      StringEnum(
        ["ongoing", "permanent", "undecided"] as const,
        "ongoing (danach laufend), permanent (Daueraufgabe) oder undecided (Ende noch offen)",
      ),
    ),
    note: OptionalText(500),
  },
  { additionalProperties: false },
);

/** An individual measure. */
export const MeasureSchema = Type.Object(
  {
    title: Text(300),
    status: StringEnum(MEASURE_STATUSES, MEASURE_STATUSES.join(", ")),
    start: Type.Optional(PointInTimeSchema),
    end: Type.Optional(PointInTimeSchema),
    orgUnit: Type.Optional(OrgUnitCodeSchema),
    description: OptionalText(500),
    phase: Type.Optional(
      Type.String({
        maxLength: 80,
        description:
          "Bezeichnung der Phase des Projekts, zu der die Maßnahme gehört",
      }),
    ),
  },
  { additionalProperties: false },
);

/** A unit's responsibility for a project. */
export const ResponsibilitySchema = Type.Object(
  {
    orgUnit: OrgUnitCodeSchema,
    role: StringEnum(RESPONSIBILITY_ROLES, RESPONSIBILITY_ROLES.join(", ")),
    note: OptionalText(300),
  },
  { additionalProperties: false },
);

/** A project. */
export const ProjectSchema = Type.Object(
  {
    slug: SlugSchema,
    code: Type.String({
      pattern: "^\\d+(?:\\.\\d+)*$",
      maxLength: 20,
      description: "Nummer, z. B. 2.5",
    }),
    title: Text(200),
    summary: Type.String({ maxLength: 5000 }),
    status: StringEnum(PROJECT_STATUSES, PROJECT_STATUSES.join(", ")),
    tags: Type.Optional(
      Type.Array(Text(60), { uniqueItems: true, maxItems: 30 }),
    ),
    phases: Type.Array(PhaseSchema, { maxItems: 30 }),
    measures: Type.Array(MeasureSchema, { maxItems: 500 }),
    responsibilities: Type.Array(ResponsibilitySchema, { maxItems: 50 }),
    dependsOn: Type.Optional(
      Type.Array(SlugSchema, { uniqueItems: true, maxItems: 100 }),
    ),
  },
  { additionalProperties: false },
);

/** An action field with its projects. */
export const ActionFieldSchema = Type.Object(
  {
    key: SlugSchema,
    number: Type.Integer({ minimum: 1, maximum: 99 }),
    name: Text(120),
    colour: Type.String({
      pattern: "^#[0-9a-fA-F]{6}$",
      description: "Farbe als #rrggbb",
    }),
    description: OptionalText(5000),
    projects: Type.Array(ProjectSchema, { maxItems: 1000 }),
  },
  { additionalProperties: false },
);

/** An impact area with its action fields. */
export const ImpactAreaSchema = Type.Object(
  {
    key: SlugSchema,
    name: Text(120),
    description: OptionalText(5000),
    actionFields: Type.Array(ActionFieldSchema, { maxItems: 100 }),
  },
  { additionalProperties: false },
);

/** The name of one level, singular and plural. */
export const LevelNameSchema = Type.Object(
  {
    singular: Text(40, "Einzahl, z. B. Thema"),
    plural: Text(40, "Mehrzahl, z. B. Themen"),
  },
  { additionalProperties: false },
);

/** The programme's levels: their names and the flat switch (docs/adr/0029). */
export const LevelsSchema = Type.Object(
  {
    flat: Type.Optional(
      Type.Boolean({
        description:
          "true: ohne oberste Ebene; die Aktionsfelder stehen dann unter actionFields statt unter impactAreas",
      }),
    ),
    impactArea: Type.Optional(LevelNameSchema),
    actionField: Type.Optional(LevelNameSchema),
    project: Type.Optional(LevelNameSchema),
    measure: Type.Optional(LevelNameSchema),
  },
  {
    additionalProperties: false,
    description:
      "Namen der Ebenen; fehlt ein Name, gilt Kleves (Wirkungsbereich, Aktionsfeld, Projekt, Einzelmaßnahme)",
  },
);

/** An org unit kind the municipality keeps. */
export const OrgUnitKindSchema = Type.Object(
  {
    key: Type.String({
      pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$",
      maxLength: 40,
      description: "Schlüssel, wie er bei orgUnits[].kind steht",
    }),
    label: Text(60, "Bezeichnung, z. B. Dezernat"),
  },
  { additionalProperties: false },
);

/** A whole catalogue, as exported and imported. */
export const CatalogueDocumentSchema = Type.Object(
  {
    format: Type.Literal("fortschritt-catalogue"),
    version: Type.Literal(1),
    municipality: Type.Object(
      {
        slug: SlugSchema,
        name: Text(200),
        state: OptionalText(100),
        website: Type.Optional(
          Type.String({
            pattern: "^https?://\\S+$",
            maxLength: 500,
            description: "Adresse mit http:// oder https://",
          }),
        ),
      },
      { additionalProperties: false },
    ),
    programme: Type.Object(
      {
        title: Text(200),
        subtitle: OptionalText(300),
        horizonStart: Type.Integer({ minimum: 1990, maximum: 2100 }),
        horizonEnd: Type.Integer({ minimum: 1990, maximum: 2100 }),
        summary: OptionalText(5000),
        goals: Type.Array(
          Type.Object(
            { title: Text(1000), description: OptionalText(2000) },
            { additionalProperties: false },
          ),
          { maxItems: 50 },
        ),
        priorities: Type.Array(
          Type.Object(
            {
              year: Type.Integer({ minimum: 1990, maximum: 2100 }),
              title: Text(300),
              projects: Type.Optional(
                Type.Array(SlugSchema, { uniqueItems: true }),
              ),
            },
            { additionalProperties: false },
          ),
          { maxItems: 200 },
        ),
        levels: Type.Optional(LevelsSchema),
        orgUnitKinds: Type.Optional(
          Type.Array(OrgUnitKindSchema, { minItems: 1, maxItems: 30 }),
        ),
      },
      { additionalProperties: false },
    ),
    orgUnits: Type.Array(
      Type.Object(
        {
          code: OrgUnitCodeSchema,
          name: Text(200),
          kind: Type.String({
            pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$",
            maxLength: 40,
            description: `Art: ein Schlüssel aus programme.orgUnitKinds, ohne eigene Liste ${ORG_UNIT_KINDS.join(", ")}`,
          }),
          parent: Type.Optional(OrgUnitCodeSchema),
        },
        { additionalProperties: false },
      ),
      { maxItems: 2000 },
    ),
    impactAreas: Type.Optional(
      Type.Array(ImpactAreaSchema, {
        maxItems: 20,
        description: "Wirkungsbereiche; fehlt bei einem flachen Programm",
      }),
    ),
    actionFields: Type.Optional(
      Type.Array(ActionFieldSchema, {
        maxItems: 100,
        description:
          "Nur bei einem flachen Programm (programme.levels.flat): die Aktionsfelder ohne Wirkungsbereich",
      }),
    ),
    bodies: Type.Optional(BodiesDocumentSchema),
    indicators: Type.Optional(IndicatorsDocumentSchema),
    reports: Type.Optional(ReportsDocumentSchema),
  },
  { additionalProperties: false },
);

/** A catalogue document that passed the schema (the domain rules are checked separately). */
export type CatalogueDocument = Static<typeof CatalogueDocumentSchema>;
