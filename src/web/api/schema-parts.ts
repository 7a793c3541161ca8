/**
 * Pieces the API's schemas share: a nullable value, the language of error messages in
 * every query, the municipality's slug in every path, and the number of an edition.
 */
import { Type } from "@sinclair/typebox";
import {
  SlugSchema,
  StringEnum,
} from "../../app/catalogue/catalogue-document.schema.js";

/** The schema, or null. */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(
  schema: T,
) => Type.Union([schema, Type.Null()]);

/** `lang` of a query: the language of the error messages. */
export const LangQuery = Type.Optional(
  StringEnum(["de", "en"] as const, "Sprache der Fehlermeldungen; Standard de"),
);

/** `slug` of a path: the municipality. */
export const MunicipalitySlug = {
  ...SlugSchema,
  description: "Kurzname der Kommune, z. B. kleve",
};

/**
 * The number of an edition (Fortschreibung): the one a path names, or the one a change
 * report compares with. One range everywhere, so that no endpoint takes a number another
 * refuses.
 */
export const EditionNumber = (description: string) =>
  Type.Integer({ minimum: 1, maximum: 999_999, description });
