/**
 * Parameters and responses of the catalogue API in TypeBox. The same objects validate
 * requests, shape the JSON (fast-json-stringify drops what is not declared) and produce
 * the OpenAPI document. Field names follow the exchange format (docs/catalogue-format.md);
 * points in time come in canonical form plus their precision.
 */
import { Type, type Static } from "@sinclair/typebox";
import {
  MEASURE_STATUSES,
  ORG_UNIT_KINDS,
  PROJECT_STATUSES,
  RESPONSIBILITY_ROLES,
} from "../../domain/catalogue/catalogue.js";
import { PRECISIONS } from "../../domain/period/point-in-time.js";
import {
  SlugSchema,
  StringEnum,
} from "../../app/catalogue/catalogue-document.schema.js";
import { LangQuery, MunicipalitySlug, Nullable } from "./schema-parts.js";
import { ref } from "./schema-ref.js";

/** URL parameters naming a municipality. */
export const MunicipalityParamsSchema = Type.Object({
  slug: MunicipalitySlug,
});

/** URL parameters naming a project of a municipality. */
export const ProjectParamsSchema = Type.Object({
  slug: MunicipalitySlug,
  id: {
    ...SlugSchema,
    description: "Kurzname (slug) des Projekts, z. B. e-rechnungsworkflow",
  },
});

/** Query of every API route. */
export const ApiQuerySchema = Type.Object({
  lang: LangQuery,
});

/** A municipality. */
export const MunicipalitySchema = Type.Object(
  {
    slug: Type.String(),
    name: Type.String(),
    state: Nullable(Type.String()),
    website: Nullable(Type.String()),
    dataVersion: Type.Integer({
      description: "Steigt mit jeder Änderung der Daten dieser Kommune",
    }),
    links: Type.Object({
      catalogue: Type.String({
        description: "Pfad des ganzen Katalogs in dieser API",
      }),
      portal: Type.String({ description: "Pfad der öffentlichen Seite" }),
    }),
  },
  { $id: "Municipality" },
);

/** The list of municipalities. */
export const MunicipalityListSchema = Type.Object(
  { municipalities: Type.Array(ref(MunicipalitySchema)) },
  {
    $id: "MunicipalityList",
    description: "Die Kommunen dieser Instanz, nach Name",
  },
);

/** A phase with its period. */
export const PhaseSchema = Type.Object(
  {
    id: Type.Integer({
      description: "Id der Phase, für Änderungen über …/phases/{phaseId}",
    }),
    label: Type.String(),
    start: Type.String({
      description: "Beginn: 2023, 2023-Q2, 2023-05 oder 2023-05-17",
    }),
    startPrecision: StringEnum(PRECISIONS),
    end: Nullable(
      Type.String({
        description: "Ende in derselben Form; null für ein offenes Ende",
      }),
    ),
    endPrecision: Nullable(StringEnum(PRECISIONS)),
    continuation: Nullable(
      StringEnum(
        ["ongoing", "permanent", "undecided"] as const,
        "ongoing: danach laufend; permanent: Daueraufgabe; undecided: Ende noch offen (nur ohne Ende)",
      ),
    ),
    note: Nullable(Type.String()),
    period: Type.String({
      description: "Der Zeitraum auf Deutsch, z. B. QIV/2021–2023",
    }),
  },
  { $id: "Phase" },
);

/** A measure. */
export const MeasureSchema = Type.Object(
  {
    id: Type.Integer({
      description:
        "Id der Einzelmaßnahme, für Änderungen über …/measures/{measureId}",
    }),
    title: Type.String(),
    status: StringEnum(MEASURE_STATUSES),
    start: Nullable(
      Type.String({
        description:
          "Beginn: 2025, 2025-Q2, 2025-05 oder 2025-05-17; null ohne",
      }),
    ),
    end: Nullable(
      Type.String({ description: "Ende, Schreibweise wie start; null ohne" }),
    ),
    period: Nullable(
      Type.String({
        description:
          "Der Zeitraum auf Deutsch, z. B. 2025 (Haushaltsjahr) oder QII/2025 – QIV/2025; null ohne",
      }),
    ),
    orgUnit: Nullable(
      Type.String({
        description: "Kürzel der zuständigen Organisationseinheit",
      }),
    ),
    description: Nullable(Type.String({ description: "Kurzbeschreibung" })),
    phase: Nullable(
      Type.String({
        description:
          "Bezeichnung der Phase des Projekts, zu der die Maßnahme gehört",
      }),
    ),
  },
  { $id: "Measure" },
);

/** A unit's responsibility for a project. */
export const ResponsibilitySchema = Type.Object(
  {
    orgUnit: Type.String({
      description: "Kürzel der Organisationseinheit (orgUnits[].code)",
    }),
    role: StringEnum(RESPONSIBILITY_ROLES),
    note: Nullable(Type.String()),
  },
  { $id: "Responsibility" },
);

/** A project with everything that belongs to it. */
export const ProjectSchema = Type.Object(
  {
    slug: Type.String(),
    code: Type.String(),
    title: Type.String(),
    summary: Type.String(),
    status: StringEnum(PROJECT_STATUSES),
    tags: Type.Array(Type.String()),
    phases: Type.Array(ref(PhaseSchema)),
    measures: Type.Array(ref(MeasureSchema)),
    responsibilities: Type.Array(ref(ResponsibilitySchema)),
    dependsOn: Type.Array(Type.String(), {
      description: "Slugs der Projekte, die dieses voraussetzt",
    }),
    version: Type.Integer({
      description:
        "Version des Projekts; steigt mit jeder Änderung daran (auch an Phasen, Maßnahmen, Zuständigkeiten, Abhängigkeiten)",
    }),
  },
  { $id: "Project" },
);

/** An action field with its projects. */
export const ActionFieldSchema = Type.Object(
  {
    key: Type.String(),
    number: Type.Integer(),
    name: Type.String(),
    colour: Type.String({ description: "#rrggbb" }),
    description: Nullable(Type.String()),
    projects: Type.Array(ref(ProjectSchema)),
  },
  { $id: "ActionField" },
);

/** An impact area with its action fields. */
export const ImpactAreaSchema = Type.Object(
  {
    key: Type.String(),
    name: Type.String(),
    description: Nullable(Type.String()),
    actionFields: Type.Array(ref(ActionFieldSchema)),
  },
  { $id: "ImpactArea" },
);

/** The programme frame. */
export const ProgrammeSchema = Type.Object(
  {
    title: Type.String(),
    subtitle: Nullable(Type.String()),
    horizonStart: Type.Integer(),
    horizonEnd: Type.Integer(),
    summary: Nullable(Type.String()),
    goals: Type.Array(
      Type.Object({
        title: Type.String(),
        description: Nullable(Type.String()),
      }),
    ),
    priorities: Type.Array(
      Type.Object({
        year: Type.Integer(),
        title: Type.String(),
        projects: Type.Array(Type.String()),
      }),
    ),
  },
  { $id: "Programme" },
);

/** An org unit. */
export const OrgUnitSchema = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    kind: StringEnum(ORG_UNIT_KINDS),
    parent: Nullable(Type.String()),
  },
  { $id: "OrgUnit" },
);

/** The whole catalogue of a municipality. */
export const CatalogueResponseSchema = Type.Object(
  {
    municipality: ref(MunicipalitySchema),
    programme: ref(ProgrammeSchema),
    orgUnits: Type.Array(ref(OrgUnitSchema)),
    impactAreas: Type.Array(ref(ImpactAreaSchema)),
  },
  { $id: "Catalogue", description: "Der ganze Maßnahmenkatalog einer Kommune" },
);

/** A reference to another project. */
export const ProjectReferenceSchema = Type.Object(
  { slug: Type.String(), code: Type.String(), title: Type.String() },
  { $id: "ProjectReference", description: "Verweis auf ein Projekt" },
);

/** One project with where it sits and what needs it. */
export const ProjectResponseSchema = Type.Object(
  {
    municipality: Type.Object({
      slug: Type.String(),
      name: Type.String(),
      dataVersion: Type.Integer(),
    }),
    impactArea: Type.Object({ key: Type.String(), name: Type.String() }),
    actionField: Type.Object({
      key: Type.String(),
      number: Type.Integer(),
      name: Type.String(),
      colour: Type.String(),
    }),
    project: ref(ProjectSchema),
    dependsOn: Type.Array(ref(ProjectReferenceSchema), {
      description: "Projekte, die dieses voraussetzt (Hängt ab von)",
    }),
    dependents: Type.Array(ref(ProjectReferenceSchema), {
      description: "Projekte, die dieses voraussetzen (Voraussetzung für)",
    }),
  },
  {
    $id: "ProjectDetail",
    description: "Ein Projekt mit Stellung im Katalog und Abhängigkeiten",
  },
);

export type MunicipalityDto = Static<typeof MunicipalitySchema>;
export type PhaseDto = Static<typeof PhaseSchema>;
export type MeasureDto = Static<typeof MeasureSchema>;
export type ResponsibilityDto = Static<typeof ResponsibilitySchema>;
export type ProjectReferenceDto = Static<typeof ProjectReferenceSchema>;
export type ProjectDto = Static<typeof ProjectSchema>;
export type CatalogueDto = Static<typeof CatalogueResponseSchema>;
export type ProjectDetailDto = Static<typeof ProjectResponseSchema>;
