/**
 * Maps anything thrown while handling a request onto the error catalogue (src/errors.ts):
 * our own AppErrors keep their code, Fastify's schema failures become ERR_VALIDATION with
 * the problems described in German, unknown routes ERR_NOT_FOUND, and everything else
 * ERR_INTERNAL — logged in full, sent without a stack trace.
 */
import { rawQueryParam } from "./params.js";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { TSchema } from "@sinclair/typebox";
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
} from "fastify";
import { validate } from "../../app/validation/validate.js";
import {
  AppError,
  ERRORS,
  type ErrorCode,
  type InputProblem,
} from "../../errors.js";
import { resolveLanguage, type Language } from "../../i18n/i18n.js";
import { SHARED_SCHEMAS } from "../api/shared-schemas.js";
import { NO_STORE } from "./cache.js";

/** What the client is told about an error. */
export interface HttpProblem {
  readonly status: number;
  readonly code: ErrorCode;
  readonly detail: string | null;
  readonly problems: readonly InputProblem[];
}

/** The JSON body of every API error. */
export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    readonly detail?: string;
    readonly problems?: readonly InputProblem[];
  };
}

type ValidationContext = "params" | "querystring" | "body" | "headers";

/** Classifies an error and logs what the client must not see. */
export function toHttpProblem(
  error: unknown,
  request: FastifyRequest,
): HttpProblem {
  if (error instanceof AppError) {
    if (error.status >= 500)
      request.log.error({ err: error }, "request failed: %s", error.code);
    return {
      status: error.status,
      code: error.code,
      detail: error.detail,
      problems: error.problems,
    };
  }
  const fastifyError = error as Partial<FastifyError> | null;
  if (fastifyError?.validation !== undefined) {
    return {
      status: 400,
      code: "ERR_VALIDATION",
      detail: null,
      problems: describeValidation(fastifyError as FastifyError, request),
    };
  }
  const status = fastifyError?.statusCode;
  if (status === 404)
    return { status: 404, code: "ERR_NOT_FOUND", detail: null, problems: [] };
  // Fastify's own client errors (malformed JSON, unsupported media type, body too large)
  // keep their status; to the client they are invalid input.
  if (status !== undefined && status >= 400 && status < 500) {
    return { status, code: "ERR_VALIDATION", detail: null, problems: [] };
  }
  request.log.error({ err: error }, "unexpected error");
  return { status: 500, code: "ERR_INTERNAL", detail: null, problems: [] };
}

/** The general message of a code in a language. */
export function problemMessage(
  problem: HttpProblem,
  language: Language,
): string {
  return ERRORS[problem.code].message[language];
}

/** The JSON body of an error. German by default; `?lang=en` gives English messages. */
export function errorBody(problem: HttpProblem, language: Language): ErrorBody {
  return {
    error: {
      code: problem.code,
      message: problemMessage(problem, language),
      ...(problem.detail === null ? {} : { detail: problem.detail }),
      ...(problem.problems.length === 0 ? {} : { problems: problem.problems }),
    },
  };
}

/** Sends an error as JSON, uncacheable. */
export function sendJsonError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const problem = toHttpProblem(error, request);
  if (error instanceof AppError && error.retryAfterSeconds !== null)
    reply.header("retry-after", String(error.retryAfterSeconds));
  return reply
    .code(problem.status)
    .removeHeader("etag")
    .header("cache-control", NO_STORE)
    .type("application/json; charset=utf-8")
    .send(errorBody(problem, requestLanguage(request)));
}

/** Whether errors on this path are answered in JSON (the API and the health check) rather than HTML. */
export function isJsonPath(url: string): boolean {
  const path = url.split("?", 1)[0] ?? url;
  return path === "/api" || path.startsWith("/api/") || path === "/health";
}

/** The interface language a request asks for, read from the raw URL (works before validation). */
export function requestLanguage(request: FastifyRequest): Language {
  return resolveLanguage(rawQueryParam(request, "lang"));
}

/**
 * Re-checks the failed part of the request against the route's own schema to describe
 * each problem in German with a JSON pointer (e.g. /params/slug), the same way imports
 * are described; Ajv's English messages are only the fallback.
 */
function describeValidation(
  error: FastifyError,
  request: FastifyRequest,
): readonly InputProblem[] {
  const context: ValidationContext = error.validationContext ?? "querystring";
  const schema = (
    request.routeOptions.schema as
      Partial<Record<ValidationContext, TSchema>> | undefined
  )?.[context];
  const value = valueOf(request, context);
  if (schema !== undefined) {
    try {
      // API bodies refer to shared schemas by $ref (so that the OpenAPI document names them).
      const resolved = resolveReferences(
        schema,
        sharedSchemasById(),
        0,
      ) as TSchema;
      const result = validate(resolved, value);
      if (!result.ok) {
        return result.problems.map((problem) => ({
          path: `/${context}${problem.path === "/" ? "" : problem.path}`,
          message: problem.message,
        }));
      }
    } catch (caught) {
      // A schema the German re-check cannot read: Ajv's own description follows.
      request.log.debug(
        { err: caught },
        "validation problems described by Ajv",
      );
    }
  }
  return (error.validation ?? []).map((entry) => ({
    path: `/${context}${entry.instancePath}`,
    message: entry.message ?? "ist ungültig",
  }));
}

let sharedById: Readonly<Record<string, unknown>> | null = null;

/** The shared schemas by $id; Fastify's own store holds copies without TypeBox's type marks. */
function sharedSchemasById(): Readonly<Record<string, unknown>> {
  sharedById ??= Object.fromEntries(
    SHARED_SCHEMAS.map((schema) => [schema.$id ?? "", schema]),
  );
  return sharedById;
}

/** A schema with every `$ref` to a shared schema replaced by that schema (they do not nest deeply). */
function resolveReferences(
  schema: unknown,
  shared: Readonly<Record<string, unknown>>,
  depth: number,
): unknown {
  if (depth > 20 || schema === null || typeof schema !== "object")
    return schema;
  if (Array.isArray(schema))
    return schema.map((item) => resolveReferences(item, shared, depth + 1));
  const node = schema as Record<string | symbol, unknown>;
  const target = typeof node.$ref === "string" ? shared[node.$ref] : undefined;
  if (target !== undefined) return resolveReferences(target, shared, depth + 1);
  // Spreading keeps TypeBox's symbol keys (its Kind), which the checker reads.
  const copy: Record<string | symbol, unknown> = { ...node };
  for (const key of Object.keys(copy))
    copy[key] = resolveReferences(copy[key], shared, depth + 1);
  return copy;
}

function valueOf(request: FastifyRequest, context: ValidationContext): unknown {
  switch (context) {
    case "params":
      return request.params;
    case "querystring":
      return request.query;
    case "body":
      return request.body;
    case "headers":
      return request.headers;
  }
}

/** The scope of a JSON plugin (the API): its routes typed by their TypeBox schemas, every error answered as JSON. */
export function jsonRoutes(instance: FastifyInstance) {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.setErrorHandler(async (error, request, reply) =>
    sendJsonError(error, request, reply),
  );
  return app;
}
