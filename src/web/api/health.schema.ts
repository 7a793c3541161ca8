/** The health check's response. */
import { Type } from "@sinclair/typebox";

/** `{ "status": "ok" }` when the database answers. */
export const HealthResponseSchema = Type.Object(
  { status: Type.Literal("ok") },
  { $id: "Health", description: "Die Datenbank antwortet" },
);
