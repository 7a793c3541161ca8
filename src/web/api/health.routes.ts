/**
 * GET /health for load balancers and monitoring: 200 when the database answers, 503
 * with ERR_DATABASE_UNAVAILABLE otherwise. Never cached.
 */
import type { FastifyInstance } from "fastify";
import { checkHealth } from "../../app/catalogue/read-catalogue.js";
import type { AppContext } from "../../app/context.js";
import { AppError } from "../../errors.js";
import { NO_STORE } from "../http/cache.js";
import { sendJsonError, jsonRoutes } from "../http/errors.js";
import { ErrorResponseSchema } from "./error.schema.js";
import { HealthResponseSchema } from "./health.schema.js";
import { ref } from "./schema-ref.js";

/** Registers GET /health. */
export async function healthRoutes(
  instance: FastifyInstance,
  options: { readonly ctx: AppContext },
): Promise<void> {
  const app = jsonRoutes(instance);

  app.get(
    "/health",
    {
      config: { policy: "public" },
      schema: {
        summary: "Betriebsbereitschaft",
        description:
          "200, wenn die Datenbank antwortet; sonst 503 mit ERR_DATABASE_UNAVAILABLE.",
        tags: ["Betrieb"],
        response: {
          200: ref(HealthResponseSchema),
          503: ref(ErrorResponseSchema),
        },
      },
    },
    async (request, reply) => {
      let ok = false;
      try {
        ok = (await checkHealth(options.ctx)).ok;
      } catch (error) {
        request.log.warn({ err: error }, "health check failed");
      }
      if (!ok)
        return sendJsonError(
          new AppError("ERR_DATABASE_UNAVAILABLE"),
          request,
          reply,
        );
      return reply
        .header("cache-control", NO_STORE)
        .send({ status: "ok" as const });
    },
  );
}
