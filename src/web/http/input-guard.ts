/**
 * The storable-input rule (app/validation/storable.ts) for every request: path
 * parameters, query and parsed body (form fields and JSON alike) are checked once, before
 * any route schema or form rule, so that no route has to remember it. A problem is a 400
 * ERR_INPUT_UNSTORABLE that names each place; nothing is changed.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { findUnstorableValues } from "../../app/validation/storable.js";
import { AppError } from "../../errors.js";

/** Whether a body came from a form (numbers arrive as text there). */
function isFormBody(request: FastifyRequest): boolean {
  const type = String(request.headers["content-type"] ?? "").toLowerCase();
  return (
    type.startsWith("application/x-www-form-urlencoded") ||
    type.startsWith("multipart/form-data")
  );
}

/** Installs the check for every route registered after it. */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const problems = [
      ...findUnstorableValues(request.params, { basePath: "/params" }),
      ...findUnstorableValues(request.query, { basePath: "/querystring" }),
      ...findUnstorableValues(request.body, {
        basePath: "/body",
        formText: isFormBody(request),
      }),
    ];
    if (problems.length > 0)
      throw new AppError("ERR_INPUT_UNSTORABLE", { problems });
  });
}
