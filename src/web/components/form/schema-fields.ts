/**
 * The fields of a page that holds one form (a municipality's settings, the participation
 * forms, creating a municipality): spread `field("name", stored)` into a control. Name and
 * maxlength come from the form's schema (see schemaField); after a failed save the control
 * shows what was typed and its error, otherwise the stored value. Pages with several forms
 * use formKit, which tells the forms apart.
 */
import type { TObject } from "@sinclair/typebox";
import { schemaField, type RowFieldName } from "../../http/form-schema.js";
import type { FailedForm } from "./failed-form.js";

/** What a control takes from its field: id, name, maxlength, value and error. */
export interface SchemaFieldProps {
  readonly id: string;
  readonly name: string;
  readonly maxlength?: number;
  readonly value: string;
  readonly error: string | undefined;
}

/**
 * Binds the fields of `schema` to the page's failed form, if the form failed. A control's
 * id is the field's name, or `${idPrefix}-${name}` where the page gives a prefix.
 */
export function schemaFields<S extends TObject>(
  schema: S,
  failed: FailedForm | undefined,
  idPrefix?: string,
): (
  name: (keyof S["properties"] & string) | RowFieldName,
  stored?: string,
) => SchemaFieldProps {
  return (name, stored = "") => ({
    id: idPrefix === undefined ? name : `${idPrefix}-${name}`,
    ...schemaField(schema, name),
    value: failed?.values[name] ?? stored,
    error: failed?.errors[name],
  });
}
