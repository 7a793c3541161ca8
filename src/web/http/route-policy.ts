/**
 * Every route declares who may call it (`config: { policy }`); a route without a policy
 * stops the app at start-up, so that no page can be added unguarded. The coarse check
 * here (signed in? which role?) runs before the handler; whether a person may change
 * this particular project is decided by the use case with the policies in app/policies.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  ANONYMOUS,
  type Principal,
  type Role,
} from "../../domain/access/principal.js";
import { AppError } from "../../errors.js";
import { guardOperator, isOperatorAllowed } from "./operator-guard.js";

/** Who may call a route. */
export type RoutePolicy =
  /** Everybody, signed in or not. */
  | "public"
  /** Only without a session, e.g. the login form; signed-in people are sent on. */
  | "anonymous-only"
  /** Any signed-in person. */
  | "signed-in"
  /** Administrators and editors. */
  | "staff"
  /** Administrators. */
  | "admin"
  /** Operators of the instance with a completed second factor (/betrieb/, operator-guard.ts). */
  | "operator";

/** All route policies. */
export const ROUTE_POLICIES: readonly RoutePolicy[] = [
  "public",
  "anonymous-only",
  "signed-in",
  "staff",
  "admin",
  "operator",
];

declare module "fastify" {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    /** Who makes the request; the anonymous public unless a session or token says otherwise. */
    principal: Principal;
  }
}

/** Static files are public by nature and are registered by @fastify/static without our config. */
const EXEMPT_PREFIXES = ["/assets/"];

const ROLES_OF: Readonly<Record<"staff" | "admin", readonly Role[]>> = {
  staff: ["admin", "editor"],
  admin: ["admin"],
};

/** Whether a principal satisfies a route policy. */
export function isAllowedByPolicy(
  policy: RoutePolicy,
  principal: Principal,
): boolean {
  switch (policy) {
    case "public":
    case "anonymous-only":
      return true;
    case "signed-in":
      return principal.kind === "user";
    case "staff":
    case "admin":
      return (
        principal.kind === "user" && ROLES_OF[policy].includes(principal.role)
      );
    case "operator":
      return isOperatorAllowed(principal);
  }
}

/**
 * Installs the policy check. Call before any route is registered, so that the
 * registration check sees every route.
 */
export function installRoutePolicies(app: FastifyInstance): void {
  // Fastify wants null for reference-typed decorations; every request starts anonymous,
  // and the session plugin (registered later, so its hook runs later) may sign it in.
  app.decorateRequest<Principal | null>("principal", null);
  app.addHook("onRequest", async (request) => {
    request.principal = ANONYMOUS;
  });

  app.addHook("onRoute", (route) => {
    if (EXEMPT_PREFIXES.some((prefix) => route.url.startsWith(prefix))) return;
    const policy = route.config?.policy;
    if (policy === undefined || !ROUTE_POLICIES.includes(policy)) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} declares no policy (config.policy).`,
      );
    }
  });

  app.addHook(
    "preHandler",
    async (request: FastifyRequest, _reply: FastifyReply) => {
      const policy = request.routeOptions.config.policy;
      if (policy === undefined) return;
      if (isAllowedByPolicy(policy, request.principal)) return;
      if (policy === "operator") guardOperator(request.principal);
      throw new AppError(
        request.principal.kind === "anonymous"
          ? "ERR_UNAUTHENTICATED"
          : "ERR_FORBIDDEN",
      );
    },
  );
}
