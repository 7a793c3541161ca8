/**
 * The inputs of the editing use cases. Each use case takes one object: where (municipality
 * and project by slug, parts by id), the version the caller read (`expectedVersion`), an
 * optional reason for the audit log, and the new values in `data`. The `data` schemas are
 * the ones of the exchange format (catalogue-document.schema.ts), so that the editor, the
 * API and an import accept exactly the same values; the API can use them as request bodies.
 */
import { Type, type Static, type TProperties } from "@sinclair/typebox";
import {
  ORG_UNIT_KINDS,
  PROJECT_STATUSES,
} from "../../domain/catalogue/catalogue.js";
import {
  LevelNameSchema,
  MeasureSchema,
  OrgUnitCodeSchema,
  PhaseSchema,
  ResponsibilitySchema,
  SlugSchema,
  StringEnum,
} from "./catalogue-document.schema.js";
import { Text } from "../validation/schema-parts.js";

/** The version a change was based on; a different stored version means someone else changed it. */
export const ExpectedVersionSchema = Type.Integer({
  minimum: 1,
  description: "Version des Stands, auf dem die Änderung beruht",
});

/** Why a change was made; kept in the audit log. */
export const ReasonSchema = Type.Optional(
  Type.Union([
    Type.String({
      maxLength: 1000,
      description: "Grund der Änderung (für das Protokoll)",
    }),
    Type.Null(),
  ]),
);

/** A record's id. */
export const IdSchema = (description: string) =>
  Type.Integer({ minimum: 1, description });
const Id = IdSchema;

/** The input of a use case that adds a record to a municipality: `fields`, then why. */
export const CreateInputSchema = <Fields extends TProperties>(fields: Fields) =>
  Type.Object({ municipality: SlugSchema, ...fields, reason: ReasonSchema });

/**
 * The input of a change to the record `target` names, made on the version the caller
 * read: the municipality, the target, the version, `fields`, then why.
 */
export const ChangeInputSchema = <
  Target extends TProperties,
  Fields extends TProperties,
>(
  target: Target,
  fields: Fields,
) =>
  Type.Object({
    municipality: SlugSchema,
    ...target,
    expectedVersion: ExpectedVersionSchema,
    ...fields,
    reason: ReasonSchema,
  });
const OptionalNullableText = (maxLength: number) =>
  Type.Optional(Type.Union([Type.String({ maxLength }), Type.Null()]));

const ProjectTarget = {
  municipality: SlugSchema,
  project: SlugSchema,
  expectedVersion: ExpectedVersionSchema,
  reason: ReasonSchema,
};

/** Tags of a project: short texts, each once. */
export const TagsSchema = Type.Array(Text(60), {
  uniqueItems: true,
  maxItems: 30,
  description: "Schlagwörter",
});

/** The fields of a project an editor may change. */
export const ProjectDataSchema = Type.Object(
  {
    title: Text(200, "Titel"),
    summary: Type.String({ maxLength: 5000, description: "Kurzbeschreibung" }),
    status: StringEnum(PROJECT_STATUSES, PROJECT_STATUSES.join(", ")),
    tags: Type.Optional(TagsSchema),
  },
  { additionalProperties: false },
);
/** ProjectData, as the schema describes it. */
export type ProjectData = Static<typeof ProjectDataSchema>;

/** A phase: label, start, end or continuation, note (points in time in canonical form). */
export const PhaseDataSchema = PhaseSchema;
/** PhaseData, as the schema describes it. */
export type PhaseData = Static<typeof PhaseDataSchema>;

/** A measure: title and status. */
export const MeasureDataSchema = MeasureSchema;
/** MeasureData, as the schema describes it. */
export type MeasureData = Static<typeof MeasureDataSchema>;

/** A responsibility: org unit by code, lead or contributing, note. */
export const ResponsibilityDataSchema = ResponsibilitySchema;
/** ResponsibilityData, as the schema describes it. */
export type ResponsibilityData = Static<typeof ResponsibilityDataSchema>;

/** The schema of UpdateProjectInput. */
export const UpdateProjectInputSchema = Type.Object({
  ...ProjectTarget,
  data: ProjectDataSchema,
});
/** Changing title, summary, status (and tags, when given) of a project. */
export type UpdateProjectInput = Static<typeof UpdateProjectInputSchema>;

/** The schema of SetTagsInput. */
export const SetTagsInputSchema = Type.Object({
  ...ProjectTarget,
  data: Type.Object({ tags: TagsSchema }, { additionalProperties: false }),
});
/** Replacing the tags of a project. */
export type SetTagsInput = Static<typeof SetTagsInputSchema>;

/** The schema of AddPhaseInput. */
export const AddPhaseInputSchema = Type.Object({
  ...ProjectTarget,
  data: PhaseDataSchema,
});
/** Appending a phase. */
export type AddPhaseInput = Static<typeof AddPhaseInputSchema>;

/** The schema of UpdatePhaseInput. */
export const UpdatePhaseInputSchema = Type.Object({
  ...ProjectTarget,
  phaseId: Id("Id der Phase"),
  data: PhaseDataSchema,
});
/** Changing a phase. */
export type UpdatePhaseInput = Static<typeof UpdatePhaseInputSchema>;

/** The schema of RemovePhaseInput. */
export const RemovePhaseInputSchema = Type.Object({
  ...ProjectTarget,
  phaseId: Id("Id der Phase"),
});
/** Removing a phase. */
export type RemovePhaseInput = Static<typeof RemovePhaseInputSchema>;

/** The schema of AddMeasureInput. */
export const AddMeasureInputSchema = Type.Object({
  ...ProjectTarget,
  data: MeasureDataSchema,
});
/** Appending a measure. */
export type AddMeasureInput = Static<typeof AddMeasureInputSchema>;

/** The schema of UpdateMeasureInput. */
export const UpdateMeasureInputSchema = Type.Object({
  ...ProjectTarget,
  measureId: Id("Id der Einzelmaßnahme"),
  data: MeasureDataSchema,
});
/** Changing title and status of a measure. */
export type UpdateMeasureInput = Static<typeof UpdateMeasureInputSchema>;

/** The schema of SetMeasureStatusInput. */
export const SetMeasureStatusInputSchema = Type.Object({
  ...ProjectTarget,
  measureId: Id("Id der Einzelmaßnahme"),
  data: Type.Object(
    { status: MeasureSchema.properties.status },
    { additionalProperties: false },
  ),
});
/** Changing only the status of a measure (the quick change in a list). */
export type SetMeasureStatusInput = Static<typeof SetMeasureStatusInputSchema>;

/** The schema of RemoveMeasureInput. */
export const RemoveMeasureInputSchema = Type.Object({
  ...ProjectTarget,
  measureId: Id("Id der Einzelmaßnahme"),
});
/** Removing a measure. */
export type RemoveMeasureInput = Static<typeof RemoveMeasureInputSchema>;

/** The schema of ReorderMeasuresInput. */
export const ReorderMeasuresInputSchema = Type.Object({
  ...ProjectTarget,
  data: Type.Object(
    {
      measureIds: Type.Array(Id("Id einer Einzelmaßnahme"), {
        uniqueItems: true,
        maxItems: 500,
        description: "alle Einzelmaßnahmen in der neuen Reihenfolge",
      }),
    },
    { additionalProperties: false },
  ),
});
/** Putting all measures of a project into a new order. */
export type ReorderMeasuresInput = Static<typeof ReorderMeasuresInputSchema>;

/** The schema of MoveMeasureInput. */
export const MoveMeasureInputSchema = Type.Object({
  ...ProjectTarget,
  measureId: Id("Id der Einzelmaßnahme"),
  data: Type.Object(
    { direction: StringEnum(["up", "down"] as const, "up oder down") },
    { additionalProperties: false },
  ),
});
/** Moving one measure a place up or down (the buttons that work without JavaScript). */
export type MoveMeasureInput = Static<typeof MoveMeasureInputSchema>;

/** The schema of SetResponsibilitiesInput. */
export const SetResponsibilitiesInputSchema = Type.Object({
  ...ProjectTarget,
  data: Type.Object(
    {
      responsibilities: Type.Array(ResponsibilityDataSchema, { maxItems: 50 }),
    },
    { additionalProperties: false },
  ),
});
/** Replacing the responsibilities of a project. */
export type SetResponsibilitiesInput = Static<
  typeof SetResponsibilitiesInputSchema
>;

/** The schema of AddDependencyInput. */
export const AddDependencyInputSchema = Type.Object({
  ...ProjectTarget,
  data: Type.Object(
    {
      dependsOn: {
        ...SlugSchema,
        description: "Kurzname des Projekts, das vorausgesetzt wird",
      },
    },
    { additionalProperties: false },
  ),
});
/** Recording that the project needs another one. */
export type AddDependencyInput = Static<typeof AddDependencyInputSchema>;

/** The schema of RemoveDependencyInput. */
export const RemoveDependencyInputSchema = Type.Object({
  ...ProjectTarget,
  dependsOn: SlugSchema,
});
/** Removing a dependency. */
export type RemoveDependencyInput = Static<typeof RemoveDependencyInputSchema>;

/** A new project: where it goes, its keys and fields, and who is responsible. */
export const NewProjectDataSchema = Type.Object(
  {
    actionField: { ...SlugSchema, description: "Schlüssel des Aktionsfelds" },
    slug: SlugSchema,
    code: Type.String({
      pattern: "^\\d+(?:\\.\\d+)*$",
      maxLength: 20,
      description: "Nummer, z. B. 2.5",
    }),
    title: Text(200, "Titel"),
    summary: Type.String({ maxLength: 5000 }),
    status: StringEnum(PROJECT_STATUSES, PROJECT_STATUSES.join(", ")),
    tags: Type.Optional(TagsSchema),
    responsibilities: Type.Optional(
      Type.Array(ResponsibilityDataSchema, { maxItems: 50 }),
    ),
  },
  { additionalProperties: false },
);
/** NewProjectData, as the schema describes it. */
export type NewProjectData = Static<typeof NewProjectDataSchema>;

/** The schema of CreateProjectInput. */
export const CreateProjectInputSchema = Type.Object({
  municipality: SlugSchema,
  reason: ReasonSchema,
  data: NewProjectDataSchema,
});
/** Creating a project (administrators). */
export type CreateProjectInput = Static<typeof CreateProjectInputSchema>;

/** The schema of DeleteProjectInput. */
export const DeleteProjectInputSchema = Type.Object({ ...ProjectTarget });
/** Deleting a project with all its parts (administrators). */
export type DeleteProjectInput = Static<typeof DeleteProjectInputSchema>;

const StructureTarget = {
  municipality: SlugSchema,
  expectedVersion: ExpectedVersionSchema,
  reason: ReasonSchema,
};

/** The programme's frame: title, horizon, summary, vision statements and goals. */
export const ProgrammeDataSchema = Type.Object(
  {
    title: Text(200, "Titel"),
    subtitle: OptionalNullableText(300),
    horizonStart: Type.Integer({
      minimum: 1990,
      maximum: 2100,
      description: "erstes Jahr des Zeithorizonts",
    }),
    horizonEnd: Type.Integer({
      minimum: 1990,
      maximum: 2100,
      description: "letztes Jahr des Zeithorizonts",
    }),
    summary: OptionalNullableText(5000),
    goals: Type.Array(
      Type.Object(
        { title: Text(1000), description: OptionalNullableText(2000) },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);
/** ProgrammeData, as the schema describes it. */
export type ProgrammeData = Static<typeof ProgrammeDataSchema>;

/** The schema of UpdateProgrammeInput. */
export const UpdateProgrammeInputSchema = Type.Object({
  ...StructureTarget,
  data: ProgrammeDataSchema,
});
/** Changing the programme's frame (administrators). */
export type UpdateProgrammeInput = Static<typeof UpdateProgrammeInputSchema>;

/** The schema of UpdateLevelsInput. */
export const UpdateLevelsInputSchema = Type.Object({
  ...StructureTarget,
  data: Type.Object(
    {
      flat: Type.Boolean({
        description: "true: ohne oberste Ebene (flaches Programm)",
      }),
      impactArea: LevelNameSchema,
      actionField: LevelNameSchema,
      project: LevelNameSchema,
      measure: LevelNameSchema,
      orgUnitKinds: Type.Array(Text(60, "Art einer Organisationseinheit"), {
        minItems: 1,
        maxItems: 30,
        description: "Arten von Organisationseinheiten, in Reihenfolge",
      }),
    },
    { additionalProperties: false },
  ),
});
/** Naming the levels, switching the top level off or on, and the org unit kinds (administrators). */
export type UpdateLevelsInput = Static<typeof UpdateLevelsInputSchema>;

/** The schema of SetPrioritiesInput. */
export const SetPrioritiesInputSchema = Type.Object({
  ...StructureTarget,
  year: Type.Integer({
    minimum: 1990,
    maximum: 2100,
    description: "Jahr der Prioritäten",
  }),
  data: Type.Object(
    {
      priorities: Type.Array(
        Type.Object(
          {
            title: Text(300),
            projects: Type.Optional(
              Type.Array(SlugSchema, { uniqueItems: true, maxItems: 100 }),
            ),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    },
    { additionalProperties: false },
  ),
});
/** Replacing the priorities of one year (administrators); part of the programme and its version. */
export type SetPrioritiesInput = Static<typeof SetPrioritiesInputSchema>;

/** An impact area's name and description. */
export const ImpactAreaDataSchema = Type.Object(
  { name: Text(120, "Name"), description: OptionalNullableText(5000) },
  { additionalProperties: false },
);
/** ImpactAreaData, as the schema describes it. */
export type ImpactAreaData = Static<typeof ImpactAreaDataSchema>;

/** The schema of CreateImpactAreaInput. */
export const CreateImpactAreaInputSchema = Type.Object({
  municipality: SlugSchema,
  reason: ReasonSchema,
  data: Type.Object(
    { key: SlugSchema, ...ImpactAreaDataSchema.properties },
    { additionalProperties: false },
  ),
});
/** Adding an impact area (administrators). */
export type CreateImpactAreaInput = Static<typeof CreateImpactAreaInputSchema>;

/** The schema of UpdateImpactAreaInput. */
export const UpdateImpactAreaInputSchema = Type.Object({
  ...StructureTarget,
  impactArea: SlugSchema,
  data: ImpactAreaDataSchema,
});
/** Changing an impact area (administrators). */
export type UpdateImpactAreaInput = Static<typeof UpdateImpactAreaInputSchema>;

/** An action field's number, name, colour and description. */
export const ActionFieldDataSchema = Type.Object(
  {
    number: Type.Integer({
      minimum: 1,
      maximum: 99,
      description: "erste Stelle der Projektnummern",
    }),
    name: Text(120, "Name"),
    colour: Type.String({
      pattern: "^#[0-9a-fA-F]{6}$",
      description: "Farbe als #rrggbb",
    }),
    description: OptionalNullableText(5000),
  },
  { additionalProperties: false },
);
/** ActionFieldData, as the schema describes it. */
export type ActionFieldData = Static<typeof ActionFieldDataSchema>;

/** The schema of CreateActionFieldInput. */
export const CreateActionFieldInputSchema = Type.Object({
  municipality: SlugSchema,
  reason: ReasonSchema,
  data: Type.Object(
    {
      impactArea: {
        ...SlugSchema,
        description: "Schlüssel des Wirkungsbereichs",
      },
      key: SlugSchema,
      ...ActionFieldDataSchema.properties,
    },
    { additionalProperties: false },
  ),
});
/** Adding an action field (administrators). */
export type CreateActionFieldInput = Static<
  typeof CreateActionFieldInputSchema
>;

/** The schema of UpdateActionFieldInput. */
export const UpdateActionFieldInputSchema = Type.Object({
  ...StructureTarget,
  actionField: SlugSchema,
  data: ActionFieldDataSchema,
});
/** Changing an action field (administrators). */
export type UpdateActionFieldInput = Static<
  typeof UpdateActionFieldInputSchema
>;

/** An org unit's name, kind and parent. */
export const OrgUnitDataSchema = Type.Object(
  {
    name: Text(200, "Name"),
    kind: Type.String({
      pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$",
      maxLength: 40,
      description: `Art: ein Schlüssel aus der Liste der Kommune (programme.orgUnitKinds), anfangs ${ORG_UNIT_KINDS.join(", ")}`,
    }),
    parent: Type.Optional(Type.Union([OrgUnitCodeSchema, Type.Null()])),
  },
  { additionalProperties: false },
);
/** OrgUnitData, as the schema describes it. */
export type OrgUnitData = Static<typeof OrgUnitDataSchema>;

/** The schema of CreateOrgUnitInput. */
export const CreateOrgUnitInputSchema = Type.Object({
  municipality: SlugSchema,
  reason: ReasonSchema,
  data: Type.Object(
    { code: OrgUnitCodeSchema, ...OrgUnitDataSchema.properties },
    { additionalProperties: false },
  ),
});
/** Adding an org unit (administrators). */
export type CreateOrgUnitInput = Static<typeof CreateOrgUnitInputSchema>;

/** The schema of UpdateOrgUnitInput. */
export const UpdateOrgUnitInputSchema = Type.Object({
  ...StructureTarget,
  orgUnit: OrgUnitCodeSchema,
  data: OrgUnitDataSchema,
});
/** Changing an org unit (administrators). */
export type UpdateOrgUnitInput = Static<typeof UpdateOrgUnitInputSchema>;
