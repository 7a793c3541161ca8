/**
 * Schemas compiled on first use: Fastify compiles every route's validator (Ajv) and
 * response serialiser (fast-json-stringify) while it starts, which costs most of a
 * second for this app's routes. Wrapping Fastify's own compilers so that each route's
 * functions are compiled when the route is first called makes the server answer sooner;
 * behaviour is the same (the same compilers, the same schemas).
 */
import { createRequire } from "node:module";
import type { FastifyServerOptions } from "fastify";

type RouteSchema = {
  schema: unknown;
  method: string;
  url: string;
  httpPart?: string;
};
type Validator = ((data: unknown, context?: unknown) => unknown) & {
  errors?: unknown;
  schemaEnv?: unknown;
};
type Serializer = (data: unknown) => string;
type BuildValidator = (
  externalSchemas: unknown,
  options: unknown,
) => (route: RouteSchema) => Validator;
type BuildSerializer = (
  externalSchemas: unknown,
  options: unknown,
) => (route: RouteSchema) => Serializer;

// Fastify's own default compilers, resolved from Fastify's location (they are its dependencies).
const fromFastify = createRequire(
  createRequire(import.meta.url).resolve("fastify"),
);
const defaultValidators = (
  fromFastify("@fastify/ajv-compiler") as () => BuildValidator
)();
const defaultSerializers = (
  fromFastify("@fastify/fast-json-stringify-compiler") as () => BuildSerializer
)();

function lazyValidator(compile: () => Validator): Validator {
  let compiled: Validator | null = null;
  const validate: Validator = (data, context) => {
    compiled ??= compile();
    // Fastify passes a data context only to functions that carry schemaEnv (Ajv's do).
    validate.schemaEnv = compiled.schemaEnv;
    const result = compiled(data, context);
    validate.errors = compiled.errors;
    return result;
  };
  return validate;
}

function lazySerializer(compile: () => Serializer): Serializer {
  let compiled: Serializer | null = null;
  return (data) => {
    compiled ??= compile();
    return compiled(data);
  };
}

/** The schema controller option for Fastify: the default compilers, compiling on first use. */
export function lazySchemaController(): NonNullable<
  FastifyServerOptions["schemaController"]
> {
  const buildValidator: BuildValidator = (externalSchemas, options) => {
    const compiler = defaultValidators(externalSchemas, options);
    return (route) => lazyValidator(() => compiler(route));
  };
  const buildSerializer: BuildSerializer = (externalSchemas, options) => {
    const compiler = defaultSerializers(externalSchemas, options);
    return (route) => lazySerializer(() => compiler(route));
  };
  return {
    compilersFactory: { buildValidator, buildSerializer },
  } as unknown as NonNullable<FastifyServerOptions["schemaController"]>;
}
