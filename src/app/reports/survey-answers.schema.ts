/**
 * The answers of a survey section with their shares, one schema for the editor's input
 * (reporting.schema.ts) and the exchange file (reports-document.schema.ts).
 */
import { Type } from "@sinclair/typebox";
import { Text } from "../validation/schema-parts.js";

export const SurveyAnswersSchema = Type.Array(
  Type.Object(
    {
      label: Text(200, "Antwort"),
      value: Type.Number({
        minimum: 0,
        description: "Anzahl oder Prozent",
      }),
    },
    { additionalProperties: false },
  ),
  { maxItems: 20, description: "Antworten mit ihren Anteilen (Umfrage)" },
);
