/** Route options shared by the API's public reads. */
import type { TSchema } from "@sinclair/typebox";
import { READ_ERROR_RESPONSES } from "./error.schema.js";
import { ref } from "./schema-ref.js";

/** The route options of a public read: open to all, answering 200 with `response` or an error. */
export function publicRead<
  P extends TSchema,
  Q extends TSchema,
  R extends TSchema,
>(schema: {
  readonly summary: string;
  readonly description: string;
  readonly tags: string[];
  readonly params: P;
  readonly querystring: Q;
  readonly response: R;
}) {
  return {
    config: { policy: "public" as const },
    schema: {
      ...schema,
      response: { 200: ref(schema.response), ...READ_ERROR_RESPONSES },
    },
  };
}
