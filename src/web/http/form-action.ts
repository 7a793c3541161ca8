/**
 * The one way an HTML form is handled (ADR 0009): read the body with the route's schema
 * (converted from text with `Value.Convert`), call the use case, then either 303 to the
 * next page (post/redirect/get) or show the same page again with the error summary, the
 * messages at the fields and everything typed kept: 400 for invalid input, 403 for a
 * refusal, 409 for a form opened on a version that is no longer current (with what changed
 * since), and the use case's own status for the rules it checks (e.g. 422 for a cycle).
 */
import type { Static, TObject, TSchema } from "@sinclair/typebox";
import { ValueErrorType, type ValueError } from "@sinclair/typebox/errors";
import { Value } from "@sinclair/typebox/value";
import type { FastifyReply, FastifyRequest } from "fastify";
import {
  isEditConflict,
  type EditConflictError,
} from "../../app/catalogue/edit-conflict.js";
import {
  isReportingConflict,
  type ReportingConflictError,
} from "../../app/reports/reporting-support.js";
import { isAppError, type AppError, type InputProblem } from "../../errors.js";
import type { Dictionary } from "../../i18n/i18n.js";
import {
  placeProblems,
  type FailedForm,
  type FormFields,
} from "../components/form/failed-form.js";
import { createViewContext, type ViewContext } from "../components/view.js";
import { presentAuditEvent } from "../editor/audit.presenter.js";
import type { ConflictRow, ConflictView } from "../editor/conflict-notice.js";
import { requestLanguage } from "./errors.js";
import { sendHtmlError } from "./error-pages.js";
import type { FormFieldOptions } from "./form-schema.js";
import type { RequestWithParams } from "./page-route.js";
import type { RoutePolicy } from "./route-policy.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The schema of an HTML form's body, declared by formAction. */
    formBody?: TObject;
  }
}

/** Everything a form's callbacks know about the request. */
export interface FormContext<P> {
  readonly request: RequestWithParams<P>;
  readonly reply: FastifyReply;
  readonly params: P;
  readonly view: ViewContext;
  /** The fields as typed (text), shown again when the form fails. */
  readonly fields: FormFields;
  /** All values of every field, for fields sent several times. */
  readonly lists: Readonly<Record<string, readonly string[]>>;
  /** The form's key (see FormActionSpec.form). */
  readonly form: string;
}

/** Why a form is shown again, and with what. */
export interface FormFailure {
  readonly status: number;
  readonly failed: FailedForm;
  readonly conflict?: ConflictView;
}

/** What a stale form shows beside the changes since it was opened. */
export interface ConflictComparison {
  readonly rows: readonly ConflictRow[];
  /** The record is gone meanwhile. */
  readonly isDeleted?: boolean;
  /** Where the conflict notice links to; the form by default. */
  readonly formHref?: string;
}

/** A use case's answer to a form opened on an old version. */
export type StaleVersionError = EditConflictError | ReportingConflictError;

/** How one form route works. */
export interface FormActionSpec<P extends TObject, B extends TObject> {
  readonly policy: RoutePolicy;
  readonly params: P;
  /** The body's schema: field names, limits, messages; the pages take name and maxlength from it. */
  readonly body: B;
  /** The form's key: which form of the page failed, and the prefix of its field ids. */
  readonly form: string | ((params: Static<P>, fields: FormFields) => string);
  /** Calls the use case; answers where to go next (303), or the reply it has sent itself. */
  readonly run: (
    input: Static<B>,
    context: FormContext<Static<P>>,
  ) => Promise<string | FastifyReply>;
  /** Shows the page again with the failed form (and, on 409, the conflict). */
  readonly render: (
    context: FormContext<Static<P>>,
    failure: FormFailure,
  ) => Promise<FastifyReply>;
  /** Where a use case's problem belongs (/data/title → titel); /form/<field> and /reason are known already. */
  readonly fieldOf?: (
    path: string,
    context: FormContext<Static<P>>,
  ) => string | null;
  /** A field's label, to make a sentence of a bare rule ("Titel darf nicht leer sein"). */
  readonly labelOf?: (field: string, context: FormContext<Static<P>>) => string;
  /** The id of a field's control, when it is not `${form}-${field}`. */
  readonly idOf?: (field: string, context: FormContext<Static<P>>) => string;
  /**
   * A use case's answer that is a page of its own rather than a problem at a field (a
   * confirmation step, a list of what is missing); null leaves the error to formAction.
   */
  readonly answer?: (
    error: unknown,
    context: FormContext<Static<P>>,
  ) => Promise<FastifyReply | null>;
  /** Field by field, what is stored now beside the input; null answers with the error page. */
  readonly compare?: (
    error: StaleVersionError,
    context: FormContext<Static<P>>,
  ) => ConflictComparison | null | Promise<ConflictComparison | null>;
}

/** The route options formAction produces: spread into app.post(url, …). */
export interface FormRouteOptions {
  readonly config: { readonly policy: RoutePolicy; readonly formBody: TObject };
  readonly schema: { readonly hide: true; readonly params: TObject };
  readonly handler: (
    request: FastifyRequest,
    reply: FastifyReply,
  ) => Promise<FastifyReply>;
}

/**
 * A form's `labelOf` from the table of its fields' labels in the request's language; a
 * field without one keeps its name.
 */
export function fieldLabels(
  labels: (t: Dictionary) => Readonly<Record<string, string>>,
): (field: string, context: { readonly view: ViewContext }) => string {
  return (field, { view }) => labels(view.t)[field] ?? field;
}

/** The raw form body as text fields and as lists of values. */
export function readFormBody(body: unknown): {
  fields: FormFields;
  lists: Readonly<Record<string, readonly string[]>>;
} {
  const fields: Record<string, string> = {};
  const lists: Record<string, readonly string[]> = {};
  if (body === null || typeof body !== "object") return { fields, lists };
  for (const [name, value] of Object.entries(body)) {
    const values = (Array.isArray(value) ? value : [value]).filter(
      (item): item is string => typeof item === "string",
    );
    if (values.length === 0) continue;
    fields[name] = values[0] ?? "";
    lists[name] = values;
  }
  return { fields, lists };
}

/** A form body read with its schema: the typed input, or the problems (paths /form/<field>). */
export type ParsedForm<B extends TObject> =
  | { readonly ok: true; readonly input: Static<B> }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };

/** Reads a form body with its schema: defaults for missing fields, numbers converted, problems in the reader's language. */
export function parseForm<B extends TObject>(
  schema: B,
  body: unknown,
  t: Dictionary,
): ParsedForm<B> {
  const { fields, lists } = readFormBody(body);
  const candidate: Record<string, unknown> = {};
  for (const [name, field] of Object.entries<TSchema>(schema.properties)) {
    const value = field.type === "array" ? lists[name] : fields[name];
    if (value !== undefined) candidate[name] = value;
  }
  const converted = Value.Convert(schema, Value.Default(schema, candidate));
  if (Value.Check(schema, converted)) return { ok: true, input: converted };
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  for (const error of Value.Errors(schema, converted)) {
    const name = error.path.split("/")[1] ?? "";
    if (seen.has(name)) continue;
    seen.add(name);
    const field: (TSchema & FormFieldOptions) | undefined =
      schema.properties[name];
    if (field === undefined || field.formHidden === true) {
      problems.push({ path: "/", message: t.form.incomplete });
      continue;
    }
    problems.push({
      path: `/form/${name}`,
      message: field.formMessage?.(t) ?? messageOf(error, t),
    });
  }
  return { ok: false, problems };
}

/** A sentence for one schema violation (without the field's label, which placeProblems adds). */
function messageOf(error: ValueError, t: Dictionary): string {
  const schema: TSchema = error.schema;
  switch (error.type) {
    case ValueErrorType.StringMinLength:
      return schema.minLength === 1
        ? t.form.required
        : t.form.tooShort(Number(schema.minLength));
    case ValueErrorType.StringMaxLength:
      return t.form.tooLong(Number(schema.maxLength));
    case ValueErrorType.Integer:
    case ValueErrorType.Number:
      return t.form.notWholeNumber;
    case ValueErrorType.IntegerMinimum:
    case ValueErrorType.NumberMinimum:
      return t.form.atLeast(Number(schema.minimum));
    case ValueErrorType.IntegerMaximum:
    case ValueErrorType.NumberMaximum:
      return t.form.atMost(Number(schema.maximum));
    case ValueErrorType.Union:
    case ValueErrorType.Literal:
      return t.form.notAChoice;
    case ValueErrorType.ObjectRequiredProperty:
      return t.form.required;
    default:
      return t.form.malformed;
  }
}

/** Problems of the use case, with its detail first when it has both. */
function problemsOf(
  error: AppError,
  view: ViewContext,
): readonly InputProblem[] {
  if (error.problems.length === 0)
    return [
      { path: "/", message: error.detail ?? error.localisedMessage(view.lang) },
    ];
  return error.detail === null
    ? error.problems
    : [{ path: "/", message: error.detail }, ...error.problems];
}

function isStaleVersion(error: unknown): error is StaleVersionError {
  return isEditConflict(error) || isReportingConflict(error);
}

/** Statuses at which the use case's problems are shown at the form rather than on an error page. */
const FORM_STATUSES = new Set([400, 409, 422]);

/** Builds the route options of an HTML form: its policy, its body schema and the one handler. */
/** Whether the request's path parameters are what `schema` describes. */
function hasParams<P extends TObject>(
  schema: P,
  request: FastifyRequest,
): request is RequestWithParams<Static<P>> {
  return Value.Check(schema, request.params);
}

export function formAction<P extends TObject, B extends TObject>(
  spec: FormActionSpec<P, B>,
): FormRouteOptions {
  const handler = async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply> => {
    // Fastify has checked the params against the same schema; this narrows the type.
    if (!hasParams(spec.params, request))
      return sendHtmlError(new Error("params"), request, reply);
    const params = request.params;
    const view = createViewContext(requestLanguage(request));
    const { fields, lists } = readFormBody(request.body);
    const form =
      typeof spec.form === "string" ? spec.form : spec.form(params, fields);
    const context: FormContext<Static<P>> = {
      request,
      reply,
      params,
      view,
      fields,
      lists,
      form,
    };
    const fail = (
      status: number,
      problems: readonly InputProblem[],
    ): Promise<FastifyReply> => {
      const failed = placeProblems(
        form,
        fields,
        problems,
        {
          fieldOf: (path) => {
            if (path === "/reason") return "grund";
            if (path.startsWith("/form/")) return path.slice("/form/".length);
            return spec.fieldOf?.(path, context) ?? null;
          },
          ...(spec.labelOf === undefined
            ? {}
            : {
                labelOf: (field: string) =>
                  spec.labelOf?.(field, context) ?? field,
              }),
          ...(spec.idOf === undefined
            ? {}
            : {
                idOf: (field: string) =>
                  spec.idOf?.(field, context) ?? `${form}-${field}`,
              }),
        },
        lists,
      );
      return spec.render(context, { status, failed });
    };

    const parsed = parseForm(spec.body, request.body, view.t);
    if (!parsed.ok) return fail(400, parsed.problems);
    let next: string | FastifyReply;
    try {
      next = await spec.run(parsed.input, context);
    } catch (error) {
      const answered =
        spec.answer === undefined ? null : await spec.answer(error, context);
      if (answered !== null) return answered;
      if (isStaleVersion(error)) {
        const comparison =
          spec.compare === undefined
            ? { rows: [] }
            : await spec.compare(error, context);
        if (comparison === null) return sendHtmlError(error, request, reply);
        const conflict: ConflictView = {
          changes: error.changes.map((event) => presentAuditEvent(view, event)),
          rows: comparison.rows,
          isDeleted: comparison.isDeleted ?? false,
          formHref: comparison.formHref ?? `#${form}`,
        };
        const failed: FailedForm = {
          form,
          values: fields,
          lists,
          errors: {},
          summary: [],
          messages: [],
        };
        return spec.render(context, { status: 409, failed, conflict });
      }
      if (isAppError(error, "ERR_FORBIDDEN"))
        return fail(403, problemsOf(error, view));
      if (isAppError(error) && FORM_STATUSES.has(error.status))
        return fail(error.status, problemsOf(error, view));
      throw error;
    }
    return typeof next === "string" ? reply.redirect(next, 303) : next;
  };
  return {
    config: { policy: spec.policy, formBody: spec.body },
    schema: { hide: true, params: spec.params },
    handler,
  };
}
