/**
 * How a staff page under /{kommune}/verwaltung/ is sent: its data is read (the use case
 * checks the rights), the editor's frame is built for its section, and the page goes out
 * uncached; a refusal is answered with the 403 page (see answerRefusals).
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { EditorRights } from "../../app/catalogue/read-editor.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import type { FailedForm } from "../components/form/failed-form.js";
import type { ViewContext } from "../components/view.js";
import type { ConflictView } from "../editor/conflict-notice.js";
import {
  answerRefusals,
  editorChrome,
  sendEditorPage,
  viewOf,
  type EditorChrome,
  type EditorSection,
} from "../editor/editor-view.js";
import { csrfToken } from "../plugins/session.js";

/** What a page needs to render after a failed form. */
export interface FailedRender {
  readonly failed?: FailedForm;
  readonly conflict?: ConflictView;
}

/** What every staff page takes besides its own data. */
export interface StaffFrame extends FailedRender {
  readonly view: ViewContext;
  readonly requestUrl: string;
  readonly chrome: EditorChrome;
  readonly csrfToken: string;
  readonly notice: string | undefined;
}

/** What the frame of a staff page is drawn from. */
export interface StaffData {
  readonly catalogue: Catalogue;
  readonly rights: EditorRights;
}

/** How one staff page is read and drawn. */
export interface StaffPageSpec<D extends StaffData> {
  /** The entry of the staff navigation that is current. */
  readonly section: EditorSection;
  /** Reads the page's data; the use case refuses what the user may not see. */
  readonly load: () => Promise<D>;
  /** The view the page is drawn with (e.g. with the programme's level names). */
  readonly view?: (view: ViewContext, data: D) => ViewContext;
  /** The notice above the page, if any. */
  readonly notice?: (view: ViewContext, data: D) => string | undefined;
  /** The failed form shown again, if any. */
  readonly failure?: FailedRender;
  readonly page: (frame: StaffFrame, data: D) => JSX.Element;
}

/** Reads and draws one staff page. */
export async function drawStaffPage<D extends StaffData>(
  request: FastifyRequest,
  spec: StaffPageSpec<D>,
): Promise<string> {
  const data = await spec.load();
  const plain = viewOf(request);
  const view = spec.view === undefined ? plain : spec.view(plain, data);
  return await spec.page(
    {
      view,
      requestUrl: request.url,
      chrome: editorChrome(
        request,
        view,
        data.catalogue,
        data.rights,
        spec.section,
      ),
      csrfToken: csrfToken(request),
      notice: spec.notice?.(view, data),
      failed: spec.failure?.failed,
      conflict: spec.failure?.conflict,
    },
    data,
  );
}

/** Reads, draws and sends one staff page with the given status. */
export function sendStaffPage<D extends StaffData>(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  spec: StaffPageSpec<D>,
): Promise<FastifyReply> {
  return answerRefusals(request, reply, async () =>
    sendEditorPage(reply, status, await drawStaffPage(request, spec)),
  );
}

/** The rights of the frame of a page only administrators reach. */
export const ADMINISTRATOR_RIGHTS: EditorRights = {
  isAdministrator: true,
  canReadAudit: true,
};

/** How a municipality's settings page for administrators is read and drawn. */
export interface SettingsPageSpec<D extends StaffData> {
  readonly section: EditorSection;
  /** Reads the settings, with the catalogue and the rights of the frame. */
  readonly load: (request: FastifyRequest, slug: string) => Promise<D>;
  readonly page: (frame: StaffFrame, data: D, slug: string) => JSX.Element;
}

/** A settings page: sent with a status, the notice after saving and a failed form. */
export interface SettingsPage {
  (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    status: number,
    notice?: string,
    failed?: FailedForm,
  ): Promise<FastifyReply>;
  /** The page again with its failed form (formAction's render). */
  readonly again: (
    context: {
      request: FastifyRequest;
      reply: FastifyReply;
      params: { slug: string };
    },
    failure: { status: number; failed: FailedForm },
  ) => Promise<FastifyReply>;
}

/**
 * A municipality's settings page for administrators (open data, accessibility,
 * participation): one form, sent uncached; a refusal goes to the plugin's error handler.
 */
export function settingsPage<D extends StaffData>(
  spec: SettingsPageSpec<D>,
): SettingsPage {
  const send = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    status: number,
    notice?: string,
    failed?: FailedForm,
  ): Promise<FastifyReply> =>
    sendEditorPage(
      reply,
      status,
      await drawStaffPage(request, {
        section: spec.section,
        load: () => spec.load(request, slug),
        notice: () => notice,
        failure: { failed },
        page: (frame, data) => spec.page(frame, data, slug),
      }),
    );
  return Object.assign(send, {
    again: (
      context: {
        request: FastifyRequest;
        reply: FastifyReply;
        params: { slug: string };
      },
      failure: { status: number; failed: FailedForm },
    ) =>
      send(
        context.request,
        context.reply,
        context.params.slug,
        failure.status,
        undefined,
        failure.failed,
      ),
  });
}
