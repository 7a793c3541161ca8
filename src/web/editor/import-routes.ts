/**
 * The route side of a file import in the editor (the catalogue's spreadsheets, the OZG
 * register): taking a previewed import over.
 */
import type { Static, TObject } from "@sinclair/typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import { isAppError, type ErrorCode } from "../../errors.js";
import {
  formAction,
  type FormActionSpec,
  type FormFailure,
  type FormRouteOptions,
} from "../http/form-action.js";

/** Shows an import's preview again: after a failed form, or with the notice that it is stale. */
export type PreviewRenderer<P> = (
  request: FastifyRequest,
  reply: FastifyReply,
  params: P,
  status: number,
  extra?: { failure?: FormFailure; stale?: boolean },
) => Promise<FastifyReply>;

/**
 * The form "uebernehmen-form" that takes a previewed import over (administrators): a
 * failed form shows the preview again, and a preview made on an older state (the use
 * case's `stale` error) shows it again with the stale notice (409).
 */
export function confirmImportAction<
  P extends TObject,
  B extends TObject,
>(spec: {
  readonly params: P;
  readonly body: B;
  readonly stale: ErrorCode;
  readonly renderPreview: PreviewRenderer<Static<P>>;
  readonly run: FormActionSpec<P, B>["run"];
}): FormRouteOptions {
  return formAction({
    policy: "admin",
    params: spec.params,
    body: spec.body,
    form: "uebernehmen-form",
    render: ({ request, reply, params }, failure) =>
      spec.renderPreview(request, reply, params, failure.status, { failure }),
    answer: async (error, { request, reply, params }) =>
      isAppError(error, spec.stale)
        ? spec.renderPreview(request, reply, params, 409, { stale: true })
        : null,
    run: spec.run,
  });
}
