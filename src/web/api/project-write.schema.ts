/**
 * Requests of the writing API: bodies, parameters and the If-Match header. The bodies are
 * the editor's own input schemas (app/catalogue/catalogue-edit.schema.ts), given an $id so
 * that the OpenAPI document names them: what the API documents is what the use cases check.
 */
import { Type, type Static, type TObject } from "@sinclair/typebox";
import {
  MeasureDataSchema,
  NewProjectDataSchema,
  PhaseDataSchema,
  ProjectDataSchema,
  ResponsibilityDataSchema,
} from "../../app/catalogue/catalogue-edit.schema.js";
import {
  OrgUnitCodeSchema,
  SlugSchema,
  StringEnum,
} from "../../app/catalogue/catalogue-document.schema.js";
import { RESPONSIBILITY_ROLES } from "../../domain/catalogue/catalogue.js";
import { ErrorResponseSchema, STAFF_ERROR_RESPONSES } from "./error.schema.js";
import { LangQuery, MunicipalitySlug } from "./schema-parts.js";
import { ref } from "./schema-ref.js";

/** A copy of an input schema under a name of the OpenAPI document. */
function named<T extends TObject>(
  schema: T,
  $id: string,
  description: string,
): T {
  return { ...schema, $id, description };
}

/** Changing a project's own fields. */
export const ProjectInputSchema = named(
  ProjectDataSchema,
  "ProjectInput",
  "Titel, Kurzbeschreibung, Status und (wenn angegeben) Schlagwörter eines Projekts",
);
/** A new project. */
export const NewProjectInputSchema = named(
  NewProjectDataSchema,
  "NewProjectInput",
  "Ein neues Projekt in einem Aktionsfeld (nur Administration)",
);
/** A phase. */
export const PhaseInputSchema = named(
  PhaseDataSchema,
  "PhaseInput",
  "Eine Phase; Zeitpunkte kanonisch (2023, 2023-Q2, 2023-05, 2023-05-17)",
);
/** A measure. */
export const MeasureInputSchema = named(
  MeasureDataSchema,
  "MeasureInput",
  "Eine Einzelmaßnahme",
);
/** A responsibility. */
export const ResponsibilityInputSchema = named(
  ResponsibilityDataSchema,
  "ResponsibilityInput",
  "Eine Zuständigkeit einer Organisationseinheit",
);
/** Changing one responsibility, named by its org unit in the URL. */
export const ResponsibilityChangeInputSchema = Type.Object(
  {
    role: StringEnum(RESPONSIBILITY_ROLES, RESPONSIBILITY_ROLES.join(", ")),
    note: Type.Optional(Type.String({ maxLength: 300 })),
  },
  {
    additionalProperties: false,
    $id: "ResponsibilityChangeInput",
    description: "Rolle und Notiz einer Zuständigkeit",
  },
);
/** All responsibilities of a project, in order. */
export const ResponsibilitiesInputSchema = Type.Object(
  {
    responsibilities: Type.Array(ref(ResponsibilityInputSchema), {
      maxItems: 50,
    }),
  },
  {
    additionalProperties: false,
    $id: "ResponsibilitiesInput",
    description: "Alle Zuständigkeiten eines Projekts, in Reihenfolge",
  },
);
/** A new dependency. */
export const DependencyInputSchema = Type.Object(
  {
    dependsOn: {
      ...SlugSchema,
      description: "Kurzname des Projekts, das vorausgesetzt wird",
    },
  },
  {
    additionalProperties: false,
    $id: "DependencyInput",
    description: "Das Projekt hängt von einem anderen ab",
  },
);

/** The bodies with an $id, registered with the shared schemas. */
export const WRITE_SCHEMAS = [
  ProjectInputSchema,
  NewProjectInputSchema,
  PhaseInputSchema,
  MeasureInputSchema,
  ResponsibilityInputSchema,
  ResponsibilityChangeInputSchema,
  ResponsibilitiesInputSchema,
  DependencyInputSchema,
] as const;

const ProjectSlug = {
  ...SlugSchema,
  description: "Kurzname (slug) des Projekts, z. B. e-rechnungsworkflow",
};

/** A phase of a project. */
export const PhaseParamsSchema = Type.Object({
  slug: MunicipalitySlug,
  id: ProjectSlug,
  phaseId: Type.Integer({ minimum: 1, description: "Id der Phase" }),
});
/** A measure of a project. */
export const MeasureParamsSchema = Type.Object({
  slug: MunicipalitySlug,
  id: ProjectSlug,
  measureId: Type.Integer({ minimum: 1, description: "Id der Einzelmaßnahme" }),
});
/** A responsibility of a project, by org unit. */
export const ResponsibilityParamsSchema = Type.Object({
  slug: MunicipalitySlug,
  id: ProjectSlug,
  orgUnit: OrgUnitCodeSchema,
});
/** A dependency of a project, by the project it needs. */
export const DependencyParamsSchema = Type.Object({
  slug: MunicipalitySlug,
  id: ProjectSlug,
  dependsOn: {
    ...SlugSchema,
    description: "Kurzname des vorausgesetzten Projekts",
  },
});

/** Query of every writing route. */
export const WriteQuerySchema = Type.Object({
  lang: LangQuery,
  reason: Type.Optional(
    Type.String({
      maxLength: 1000,
      description: "Grund der Änderung, für das Änderungsprotokoll",
    }),
  ),
});
export type WriteQuery = Static<typeof WriteQuerySchema>;

/** The If-Match header every change of an existing project needs. */
export const IfMatchHeadersSchema = Type.Object({
  "if-match": Type.Optional(
    Type.String({
      description:
        "Der ETag des gelesenen Stands (aus GET des Projekts oder der letzten Änderung). Fehlt er: 428; ist er veraltet: 412.",
    }),
  ),
});

/** The error responses of a writing route, for its schema. */
export const WRITE_ERROR_RESPONSES = {
  400: ref(ErrorResponseSchema),
  401: ref(ErrorResponseSchema),
  403: ref(ErrorResponseSchema),
  404: ref(ErrorResponseSchema),
  412: ref(ErrorResponseSchema),
  422: ref(ErrorResponseSchema),
  428: ref(ErrorResponseSchema),
  500: ref(ErrorResponseSchema),
} as const;

/** The error responses of creating a project, which needs no If-Match (there is nothing to match yet). */
export const CREATE_ERROR_RESPONSES = STAFF_ERROR_RESPONSES;
