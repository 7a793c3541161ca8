/**
 * The answer to a failed form that has nothing to type in (a button behind a link, such
 * as signing out or confirming a subscription): the error page (400) with the problems,
 * since there is no field to show them at.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../errors.js";
import type { FailedForm } from "../components/form/failed-form.js";
import { sendHtmlError } from "./error-pages.js";

/** formAction's render for such a form. */
export function failedAsErrorPage(
  context: { readonly request: FastifyRequest; readonly reply: FastifyReply },
  failure: { readonly failed: FailedForm },
): Promise<FastifyReply> {
  return sendHtmlError(
    new AppError("ERR_VALIDATION", {
      problems: failure.failed.messages.map((message) => ({
        path: "/",
        message,
      })),
    }),
    context.request,
    context.reply,
  );
}
