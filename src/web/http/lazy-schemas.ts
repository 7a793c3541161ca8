/**
 * Schemas compiled on first use: Fastify compiles every route's validator (Ajv) and
 * response serialiser (fast-json-stringify) while it starts, which costs most of a
 * second for this app's routes. Wrapping Fastify's own compilers so that each route's
 * functions are compiled when the route is first called makes the server answer sooner;
 * behaviour is the same (the same compilers, the same schemas).
 *
 * The validator compiler (Ajv) is imported with the app, so that the bundle of the server
 * carries it (ADR 0055): the first page validates its parameters, and loading Ajv's
 * hundred files from node_modules then cost more than the page. The serialiser compiler
 * (fast-json-stringify, with an Ajv of its own) serves only JSON routes with a response
 * schema and is loaded from node_modules when the first of them is compiled.
 */
import ajvCompiler from "@fastify/ajv-compiler";
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

// Instances of Ajv are made (and the shared schemas added) by the first route that validates.
const defaultValidators = ajvCompiler() as unknown as BuildValidator;
// Resolved from Fastify's location: it is Fastify's dependency, not the app's.
let defaultSerializers: BuildSerializer | null = null;
function loadDefaultSerializers(): BuildSerializer {
  const fromFastify = createRequire(
    createRequire(import.meta.url).resolve("fastify"),
  );
  return (
    fromFastify(
      "@fastify/fast-json-stringify-compiler",
    ) as () => BuildSerializer
  )();
}

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
    let compiler: ReturnType<BuildValidator> | null = null;
    return (route) =>
      lazyValidator(() => {
        compiler ??= defaultValidators(externalSchemas, options);
        return compiler(route);
      });
  };
  const buildSerializer: BuildSerializer = (externalSchemas, options) => {
    let compiler: ReturnType<BuildSerializer> | null = null;
    return (route) =>
      lazySerializer(() => {
        defaultSerializers ??= loadDefaultSerializers();
        compiler ??= defaultSerializers(externalSchemas, options);
        return compiler(route);
      });
  };
  return {
    compilersFactory: { buildValidator, buildSerializer },
  } as unknown as NonNullable<FastifyServerOptions["schemaController"]>;
}
