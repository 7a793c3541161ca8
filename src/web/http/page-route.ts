/**
 * The route options of an HTML page: who may open it, and the schemas of its path and
 * query. Pages stay out of the API document (`hide`).
 */
import type { TSchema } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import type { RoutePolicy } from "./route-policy.js";

/** A request whose path parameters its route's schema has read as `P`. */
export type RequestWithParams<P> = FastifyRequest & { readonly params: P };

/** The options of a page route, spread as app.get(url, pageRoute(…), handler). */
export function pageRoute<P extends TSchema>(
  policy: RoutePolicy,
  params: P,
): {
  readonly config: { readonly policy: RoutePolicy };
  readonly schema: { readonly hide: true; readonly params: P };
};
export function pageRoute<P extends TSchema, Q extends TSchema>(
  policy: RoutePolicy,
  params: P,
  querystring: Q,
): {
  readonly config: { readonly policy: RoutePolicy };
  readonly schema: {
    readonly hide: true;
    readonly params: P;
    readonly querystring: Q;
  };
};
export function pageRoute(
  policy: RoutePolicy,
  params: TSchema,
  querystring?: TSchema,
): {
  readonly config: { readonly policy: RoutePolicy };
  readonly schema: object;
} {
  return {
    config: { policy },
    schema:
      querystring === undefined
        ? { hide: true, params }
        : { hide: true, params, querystring },
  };
}
