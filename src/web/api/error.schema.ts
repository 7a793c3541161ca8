/** The shape of every API error response, shared by all routes and the OpenAPI document. */
import { Type, type Static } from "@sinclair/typebox";
import { ERRORS } from "../../errors.js";
import { StringEnum } from "../../app/catalogue/catalogue-document.schema.js";
import { ref } from "./schema-ref.js";

const ERROR_CODES = Object.keys(ERRORS) as (keyof typeof ERRORS)[];

/** `{ "error": { "code", "message", "detail"?, "problems"? } }`. */
export const ErrorResponseSchema = Type.Object(
  {
    error: Type.Object({
      code: StringEnum(
        ERROR_CODES,
        "Stabiler Fehlercode, siehe docs/errors.md",
      ),
      message: Type.String({
        description: "Meldung in der angefragten Sprache (Standard Deutsch)",
      }),
      detail: Type.Optional(
        Type.String({
          description: "Genauere Erklärung, z. B. welcher Wert falsch war",
        }),
      ),
      problems: Type.Optional(
        Type.Array(
          Type.Object({
            path: Type.String({
              description:
                "JSON-Pointer auf den fehlerhaften Wert, z. B. /params/slug",
            }),
            message: Type.String({ description: "Welche Regel verletzt ist" }),
          }),
        ),
      ),
    }),
  },
  { $id: "ErrorResponse", description: "Fehler mit stabilem Code" },
);

/** An API error response. */
export type ErrorResponse = Static<typeof ErrorResponseSchema>;

/** The error responses a read route can give, for its schema. */
export const READ_ERROR_RESPONSES = {
  400: ref(ErrorResponseSchema),
  404: ref(ErrorResponseSchema),
  500: ref(ErrorResponseSchema),
} as const;

/** The error responses of a route for signed-in staff (401 without, 403 for others), for its schema. */
export const STAFF_ERROR_RESPONSES = {
  ...READ_ERROR_RESPONSES,
  401: ref(ErrorResponseSchema),
  403: ref(ErrorResponseSchema),
} as const;
