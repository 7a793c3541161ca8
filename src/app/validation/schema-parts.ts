/** Building blocks that the input schemas and the exchange format's schemas share. */
import { Type } from "@sinclair/typebox";

/** A required text of at most `maxLength` characters. */
export const Text = (maxLength: number, description?: string) =>
  Type.String({
    minLength: 1,
    maxLength,
    ...(description === undefined ? {} : { description }),
  });

/** A calendar day written JJJJ-MM-TT. */
export const Day = (description: string) =>
  Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description });

/** One of the given words. */
export const Enum = <T extends string>(
  values: readonly T[],
  description: string,
) =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    { description },
  );
