/** The inputs of the OZG register's use cases (see reporting.schema.ts for the conventions). */
import { Type, type Static } from "@sinclair/typebox";
import {
  MATURITY_MODEL_VERSIONS,
  SERVICE_CHANNELS,
  SERVICE_KINDS,
  SERVICE_STATUSES,
} from "../../domain/service/service.js";
import {
  SlugSchema,
  StringEnum,
} from "../catalogue/catalogue-document.schema.js";
import {
  ExpectedVersionSchema,
  ReasonSchema,
} from "../catalogue/catalogue-edit.schema.js";
import { IsoDateSchema } from "../reports/reporting.schema.js";

/** The values of one register record (the LeiKa key comes separately). */
export const ServiceDataSchema = Type.Object(
  {
    kind: Type.Optional(
      StringEnum(
        SERVICE_KINDS,
        "ozg-service (OZG-Leistung, Vorgabe) oder online-application (weiterer Online-Antrag)",
      ),
    ),
    name: Type.String({
      minLength: 1,
      maxLength: 300,
      description: "Name der Leistung",
    }),
    topic: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
    isResponsibleLocally: Type.Boolean(),
    channel: Type.Union([
      StringEnum(SERVICE_CHANNELS, SERVICE_CHANNELS.join(", ")),
      Type.Null(),
    ]),
    isFrontEndOnline: Type.Boolean(),
    isBackEndConnected: Type.Boolean(),
    hasEPayment: Type.Boolean(),
    hasEId: Type.Boolean(),
    onlineApplications: Type.Integer({
      minimum: 0,
      maximum: 100_000,
      description: "Zahl der Online-Anträge",
    }),
    maturity: Type.Union([
      Type.Object(
        {
          modelVersion: StringEnum(MATURITY_MODEL_VERSIONS, "1.1 oder 2.0"),
          level: Type.Integer({ minimum: 0, maximum: 7 }),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    status: StringEnum(SERVICE_STATUSES, SERVICE_STATUSES.join(", ")),
    url: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type ServiceData = Static<typeof ServiceDataSchema>;

/** Adding a service to the register. */
export const CreateServiceInputSchema = Type.Object({
  municipality: SlugSchema,
  leikaKey: Type.String({
    minLength: 1,
    maxLength: 40,
    description: "LeiKa-Schlüssel (14 Ziffern)",
  }),
  validFrom: Type.Union([IsoDateSchema, Type.Null()]),
  data: ServiceDataSchema,
  reason: ReasonSchema,
});
export type CreateServiceInput = Static<typeof CreateServiceInputSchema>;

/**
 * Changing a service: correct the current record in place, or record a new state from a
 * day on (the current record then ends the day before), so the register keeps its history.
 */
export const ChangeServiceInputSchema = Type.Object({
  municipality: SlugSchema,
  leikaKey: Type.String({ minLength: 14, maxLength: 14, pattern: "^\\d{14}$" }),
  recordId: Type.Integer({ minimum: 1 }),
  expectedVersion: ExpectedVersionSchema,
  mode: StringEnum(["correct", "new-state"] as const, "correct oder new-state"),
  from: Type.Union([IsoDateSchema, Type.Null()]),
  data: ServiceDataSchema,
  reason: ReasonSchema,
});
export type ChangeServiceInput = Static<typeof ChangeServiceInputSchema>;
