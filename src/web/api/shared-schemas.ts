/** Every API schema with an $id, registered once on the root instance so that routes and the OpenAPI document can refer to them. */
import type { TSchema } from "@sinclair/typebox";
import {
  ActionFieldSchema,
  CatalogueResponseSchema,
  ImpactAreaSchema,
  MeasureSchema,
  MunicipalityListSchema,
  MunicipalitySchema,
  OrgUnitSchema,
  PhaseSchema,
  ProgrammeSchema,
  ProjectReferenceSchema,
  ProjectResponseSchema,
  ProjectSchema,
  ResponsibilitySchema,
} from "./catalogue.schema.js";
import { ErrorResponseSchema } from "./error.schema.js";
import { HealthResponseSchema } from "./health.schema.js";
import { WRITE_SCHEMAS } from "./project-write.schema.js";
import { EDITION_SCHEMAS } from "./edition.schema.js";
import { PUBLIC_RECORD_SCHEMAS } from "./public-records.schema.js";

/** The shared schemas, each with an $id. */
export const SHARED_SCHEMAS: readonly TSchema[] = [
  ErrorResponseSchema,
  HealthResponseSchema,
  MunicipalitySchema,
  MunicipalityListSchema,
  PhaseSchema,
  MeasureSchema,
  ResponsibilitySchema,
  ProjectSchema,
  ActionFieldSchema,
  ImpactAreaSchema,
  ProgrammeSchema,
  OrgUnitSchema,
  CatalogueResponseSchema,
  ProjectReferenceSchema,
  ProjectResponseSchema,
  ...WRITE_SCHEMAS,
  ...EDITION_SCHEMAS,
  ...PUBLIC_RECORD_SCHEMAS,
];
