/**
 * References between API schemas. A schema with an $id is registered once (see
 * shared-schemas.ts) and referred to by $ref, so the OpenAPI document names it as a
 * component instead of repeating it.
 */
import {
  Type,
  type Static,
  type TSchema,
  type TUnsafe,
} from "@sinclair/typebox";

/** A $ref to a shared schema, typed as that schema (TypeBox 0.34 wants refs by id). */
export function ref<T extends TSchema>(schema: T): TUnsafe<Static<T>> {
  if (schema.$id === undefined)
    throw new Error("A referenced schema needs an $id.");
  return Type.Unsafe<Static<T>>(Type.Ref(schema.$id));
}
