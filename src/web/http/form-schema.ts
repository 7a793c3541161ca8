/**
 * The building blocks of form body schemas. A form's schema is the one source of its field
 * names, limits and messages: `formAction` reads the body with it, and the pages take
 * `name` and `maxlength` from it (`schemaField`), so the browser never cuts off what the
 * schema would accept. Browsers send text only: numbers arrive as text and are converted
 * with `Value.Convert`; a missing text field is empty (`default: ""`), as a browser sends
 * an empty input.
 */
import {
  Type,
  type Static,
  type TLiteral,
  type TObject,
  type TSchema,
  type TUnion,
} from "@sinclair/typebox";
import type { Dictionary } from "../../i18n/i18n.js";

/** Extra options a form field may carry beside JSON Schema. */
export interface FormFieldOptions {
  /** The message for any problem with this field, instead of the generic one. */
  readonly formMessage?: (t: Dictionary) => string;
  /** A hidden field (version, id): a problem means the form itself is broken, not the input. */
  readonly formHidden?: boolean;
}

/** A text field: empty when missing, at most `maxLength` characters. */
export function FormText(
  maxLength: number,
  options: FormFieldOptions & {
    readonly minLength?: number;
    readonly pattern?: string;
  } = {},
) {
  return Type.String({ maxLength, default: "", ...options });
}

/** A text field that must not be left empty; `formMessage` says what to do. */
export function FormRequiredText(
  maxLength: number,
  options: FormFieldOptions = {},
) {
  return Type.String({ minLength: 1, maxLength, default: "", ...options });
}

/** One of the offered values (a select or radios); anything else is refused with `formMessage` or a generic message. */
export function FormChoice<const T extends string>(
  values: readonly T[],
  options: FormFieldOptions = {},
): TUnion<TLiteral<T>[]> {
  return Type.Union(
    values.map((value) => Type.Literal(value)),
    { default: "", ...options },
  );
}

/** A checkbox: its value when ticked, empty when not (browsers leave it out). */
export function FormCheckbox() {
  return Type.String({ maxLength: 10, default: "" });
}

/** A whole number typed into a field; converted from the text the browser sends. */
export function FormInteger(
  options: FormFieldOptions & {
    readonly minimum?: number;
    readonly maximum?: number;
  } = {},
) {
  return Type.Integer(options);
}

/** The version a form was opened on (hidden). Missing or malformed is a 400, never a default. */
export function FormVersion() {
  return Type.Integer({
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    formHidden: true,
  });
}

/** The id of a record a form is about (hidden). Missing or malformed is a 400. */
export function FormId() {
  return Type.Integer({ minimum: 1, maximum: 9_999_999_999, formHidden: true });
}

/** The optional reason of a change for the audit log ("grund"). */
export function FormReason() {
  return Type.String({ maxLength: 1000, default: "" });
}

/** Several values of one field (a multiple select, a list of checkboxes). */
export function FormList(maxLength: number, maxItems = 500) {
  return Type.Array(Type.String({ maxLength }), { maxItems, default: [] });
}

/**
 * A form without fields of its own (a button with only the CSRF token). Every HTML form
 * route declares a schema, this one too, so that a test can insist on it.
 */
export const EmptyForm = Type.Object({});

/** The fields every change of a versioned record carries: the version and the optional reason. */
export const VersionedChange = {
  version: FormVersion(),
  grund: FormReason(),
};

/** A numbered field of a list form ("ziel-3", "ziel-3-text"). */
export type RowFieldName =
  `${string}-${number}` | `${string}-${number}-${string}`;

/**
 * `count` numbered copies of a row's field for a list form: "ziel-0", "ziel-1", … (the
 * form says in a field of its own how many rows it sends).
 */
export function formRows<const K extends string, S extends TSchema>(
  count: number,
  field: (index: number) => K,
  schema: () => S,
): Record<K, S> {
  const fields: Partial<Record<K, S>> = {};
  for (let index = 0; index < count; index += 1)
    fields[field(index)] = schema();
  return fields as Record<K, S>;
}

/**
 * What a schema's field gives a control: its name and its maxlength (for a number, the
 * digits of its maximum). A name the schema does not know is a programming error.
 */
export function schemaField<S extends TObject>(
  schema: S,
  name: (keyof S["properties"] & string) | RowFieldName,
): { readonly name: string; readonly maxlength?: number } {
  const field: TSchema | undefined = schema.properties[name];
  if (field === undefined)
    throw new Error(`The form schema has no field "${name}".`);
  const maxLength: unknown =
    field.maxLength ??
    (typeof field.maximum === "number"
      ? String(field.maximum).length
      : undefined);
  return typeof maxLength === "number"
    ? { name, maxlength: maxLength }
    : { name };
}

/** A text field of a typed form input by its name ("ziel-3"); empty when the form did not send it. */
export function fieldText(input: object, name: string): string {
  const value: unknown = Object.getOwnPropertyDescriptor(input, name)?.value;
  return typeof value === "string" ? value : "";
}

/** A list field of a typed form input by its name ("prioritaet-3-projekte"); empty when not sent. */
export function fieldList(input: object, name: string): readonly string[] {
  const value: unknown = Object.getOwnPropertyDescriptor(input, name)?.value;
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === "string")
    : [];
}

/** The typed input of a form schema. */
export type FormInput<S extends TObject> = Static<S>;

/** The reason as the use cases take it: null when left empty. */
export function reasonOrNull(reason: string): string | null {
  const trimmed = reason.trim();
  return trimmed === "" ? null : trimmed;
}
