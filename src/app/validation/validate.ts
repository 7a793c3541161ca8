/**
 * Checks input against a TypeBox schema and describes every problem in German with a
 * JSON pointer to it. The same schemas produce the OpenAPI document, so what the API
 * documents is exactly what is enforced.
 */
import type { Static, TSchema } from "@sinclair/typebox";
import { ValueErrorType, type ValueError } from "@sinclair/typebox/errors";
import { Value } from "@sinclair/typebox/value";
import type { InputProblem } from "../../errors.js";
import { findUnstorableValues } from "./storable.js";

/** The outcome of a validation: the typed value, or the problems found. */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };

/** At most this many problems are reported: a wholly wrong file would otherwise list thousands. */
const MAX_PROBLEMS = 50;

/** Validates a value against a schema. */
export function validate<S extends TSchema>(
  schema: S,
  value: unknown,
): ValidationResult<Static<S>> {
  // What no database can store is refused before any rule of the schema (NUL, Infinity …).
  const unstorable = findUnstorableValues(value);
  if (unstorable.length > 0) return { ok: false, problems: unstorable };
  if (Value.Check(schema, value)) return { ok: true, value };
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  for (const error of Value.Errors(schema, value)) {
    const problem = {
      path: error.path === "" ? "/" : error.path,
      message: describeInGerman(error),
    };
    const key = `${problem.path} ${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return { ok: false, problems: dropFollowUps(problems) };
}

/** A missing field also fails its type check; saying "fehlt" once is enough. */
function dropFollowUps(
  problems: readonly InputProblem[],
): readonly InputProblem[] {
  const missing = new Set(
    problems.filter((p) => p.message === MISSING_MESSAGE).map((p) => p.path),
  );
  return problems.filter(
    (p) => p.message === MISSING_MESSAGE || !missing.has(p.path),
  );
}

const MISSING_MESSAGE = "fehlt, ist aber Pflicht";

/** A German sentence for one schema violation, using the schema's own description where it has one. */
function describeInGerman(error: ValueError): string {
  const schema = error.schema as {
    description?: string;
    minLength?: number;
    maxLength?: number;
    minimum?: number;
    maximum?: number;
    minItems?: number;
    maxItems?: number;
    pattern?: string;
    const?: unknown;
    enum?: unknown[];
  };
  const hint = schema.description ? ` (${schema.description})` : "";
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return MISSING_MESSAGE;
    case ValueErrorType.ObjectAdditionalProperties:
      return "ist hier kein erlaubtes Feld";
    case ValueErrorType.String:
      return "muss ein Text sein";
    case ValueErrorType.StringMinLength:
      return schema.minLength === 1
        ? "darf nicht leer sein"
        : `muss mindestens ${schema.minLength} Zeichen lang sein`;
    case ValueErrorType.StringMaxLength:
      return `darf höchstens ${schema.maxLength} Zeichen lang sein`;
    case ValueErrorType.StringPattern:
    case ValueErrorType.StringFormat:
      return `hat nicht die erwartete Form${hint}`;
    case ValueErrorType.Integer:
      return "muss eine ganze Zahl sein";
    case ValueErrorType.Number:
      return "muss eine Zahl sein";
    case ValueErrorType.IntegerMinimum:
    case ValueErrorType.NumberMinimum:
      return `muss mindestens ${schema.minimum} sein`;
    case ValueErrorType.IntegerMaximum:
    case ValueErrorType.NumberMaximum:
      return `darf höchstens ${schema.maximum} sein`;
    case ValueErrorType.Boolean:
      return "muss wahr oder falsch sein (true/false)";
    case ValueErrorType.Array:
      return "muss eine Liste sein";
    case ValueErrorType.ArrayMinItems:
      return `muss mindestens ${schema.minItems} Einträge haben`;
    case ValueErrorType.ArrayMaxItems:
      return `darf höchstens ${schema.maxItems} Einträge haben`;
    case ValueErrorType.ArrayUniqueItems:
      return "darf keinen Eintrag doppelt enthalten";
    case ValueErrorType.Object:
      return "muss ein Objekt mit Feldern sein";
    case ValueErrorType.Literal:
      return `muss genau ${JSON.stringify(schema.const)} sein`;
    case ValueErrorType.Union:
      return `ist kein erlaubter Wert${hint}`;
    case ValueErrorType.Null:
      return "muss leer (null) sein";
    default:
      return `ist ungültig${hint}`;
  }
}
