/**
 * Calling a use case from a route: the use cases in app/ take the context, who acts, what
 * they ask for and where the request came from (for the audit log), in that order.
 */
import type { FastifyRequest } from "fastify";
import type { RequestOrigin } from "../../app/audit/record-audit.js";
import type { AppContext } from "../../app/context.js";
import type { Principal } from "../../domain/access/principal.js";

/** A use case as app/ declares it. */
export type UseCase<I, R> = (
  ctx: AppContext,
  principal: Principal,
  input: I,
  origin: RequestOrigin,
) => Promise<R>;

/** Where a request came from, as the audit log records it. */
export function originOf(request: FastifyRequest): RequestOrigin {
  return { ip: request.ip };
}

/** Calls a use case for the person who sent the request, from the request's address. */
export function runUseCase<I, R>(
  ctx: AppContext,
  request: FastifyRequest,
  useCase: UseCase<I, R>,
  input: I,
): Promise<R> {
  return useCase(ctx, request.principal, input, originOf(request));
}
