/**
 * The preview of a file import in the editor (the catalogue's spreadsheets, the OZG
 * register) under its token: the page that shows what the upload would change, and the
 * form that takes it over (administrators).
 */
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type, type Static, type TObject } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isAppError, type ErrorCode } from "../../errors.js";
import type { ViewContext } from "../components/view.js";
import type { EditorSection } from "../editor/editor-view.js";
import {
  formAction,
  type FormActionSpec,
  type FormFailure,
} from "./form-action.js";
import { pageRoute } from "./page-route.js";
import { municipalityParamsWith } from "./params.js";
import {
  sendStaffPage,
  type StaffData,
  type StaffFrame,
} from "./staff-page.js";

/** The path of an import's preview: the municipality and the upload's token. */
export const ImportPreviewParams = municipalityParamsWith({
  token: Type.String({ maxLength: 100 }),
});

/** The path parameters of an import's preview as read. */
export type ImportPreview = Static<typeof ImportPreviewParams>;

/** How one import's preview is read, drawn and taken over. */
export interface ImportPreviewSpec<
  D extends StaffData,
  Q extends TObject,
  B extends TObject,
> {
  readonly url: string;
  /** The preview page's query string. */
  readonly query: Q;
  /** The entry of the staff navigation that is current. */
  readonly section: EditorSection;
  /** The notice above a preview that was made on an older state. */
  readonly staleNotice: (view: ViewContext) => string;
  /** Reads the preview and the frame's data; the use case refuses what the user may not see. */
  readonly load: (
    request: FastifyRequest,
    preview: ImportPreview,
  ) => Promise<D>;
  readonly page: (
    frame: StaffFrame,
    data: D,
    preview: ImportPreview,
  ) => JSX.Element;
  /** The confirmation form's body. */
  readonly body: B;
  /** The use case's error for a preview made on an older state. */
  readonly stale: ErrorCode;
  /** Takes the import over; answers where to go next. */
  readonly run: FormActionSpec<typeof ImportPreviewParams, B>["run"];
}

/** Registers an import's preview page and the form that takes the import over. */
export function importPreviewRoutes<
  D extends StaffData,
  Q extends TObject,
  B extends TObject,
>(instance: FastifyInstance, spec: ImportPreviewSpec<D, Q, B>): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  // Shows the preview: on its own, after a failed form, or with the notice that it is stale.
  const renderPreview = (
    request: FastifyRequest,
    reply: FastifyReply,
    preview: ImportPreview,
    status: number,
    extra: { failure?: FormFailure; stale?: boolean } = {},
  ): Promise<FastifyReply> =>
    sendStaffPage(request, reply, status, {
      section: spec.section,
      failure: { failed: extra.failure?.failed },
      notice: (view) =>
        extra.stale === true ? spec.staleNotice(view) : undefined,
      load: () => spec.load(request, preview),
      page: (frame, data) => spec.page(frame, data, preview),
    });

  app.get(
    spec.url,
    pageRoute("admin", ImportPreviewParams, spec.query),
    async (request, reply) =>
      renderPreview(request, reply, request.params, 200),
  );

  // The form "uebernehmen-form" takes the import over: a failed form shows the preview again,
  // and a preview made on an older state (the use case's `stale` error) shows it with the
  // stale notice (409).
  app.post(
    spec.url,
    formAction({
      policy: "admin",
      params: ImportPreviewParams,
      body: spec.body,
      form: "uebernehmen-form",
      render: ({ request, reply, params }, failure) =>
        renderPreview(request, reply, params, failure.status, { failure }),
      answer: async (error, { request, reply, params }) =>
        isAppError(error, spec.stale)
          ? renderPreview(request, reply, params, 409, { stale: true })
          : null,
      run: spec.run,
    }),
  );
}
