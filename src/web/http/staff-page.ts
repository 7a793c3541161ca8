/**
 * How a staff page under /{kommune}/verwaltung/ is sent: its data is read (the use case
 * checks the rights), the editor's frame is built for its section, and the page goes out
 * uncached; a refusal is answered with the 403 page (see answerRefusals).
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { getCatalogue } from "../../app/catalogue/read-catalogue.js";
import type { EditorRights } from "../../app/catalogue/read-editor.js";
import type { AppContext } from "../../app/context.js";
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
import type { RequestWithParams } from "./page-route.js";
import { municipalitySlugParam } from "./params.js";

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
const ADMINISTRATOR_RIGHTS: EditorRights = {
  isAdministrator: true,
  canReadAudit: true,
};

/** How a municipality's settings page for administrators is read and drawn. */
export interface SettingsPageSpec<S> {
  readonly ctx: AppContext;
  readonly section: EditorSection;
  /** Reads the settings; the use case refuses anyone but administrators. */
  readonly load: (request: FastifyRequest, slug: string) => Promise<S>;
  /** The rights of the frame; an administrator's by default. */
  readonly rights?: (
    request: FastifyRequest,
    catalogue: Catalogue,
  ) => EditorRights;
  readonly page: (frame: StaffFrame, settings: S, slug: string) => JSX.Element;
  /** The notice after a redirect, read from the request's query (e.g. ?gespeichert=ja); none by default. */
  readonly noticeOf?: (
    view: ViewContext,
    request: FastifyRequest,
  ) => string | undefined;
}

/** Sends a settings page with a status, the notice after saving and a failed form. */
type SendSettings = (
  request: FastifyRequest,
  reply: FastifyReply,
  slug: string,
  status: number,
  notice?: string,
  failed?: FailedForm,
) => Promise<FastifyReply>;

/** A settings page, its GET handler, and the same page again with its failed form (formAction's render). */
export type SettingsPage = SendSettings & {
  readonly show: (
    request: RequestWithParams<{ readonly slug: string }>,
    reply: FastifyReply,
  ) => Promise<FastifyReply>;
  readonly again: (
    context: {
      readonly request: FastifyRequest;
      readonly reply: FastifyReply;
      readonly params: { readonly slug: string };
    },
    failure: { readonly status: number; readonly failed: FailedForm },
  ) => Promise<FastifyReply>;
};

/**
 * A municipality's settings page for administrators (open data, accessibility,
 * participation): one form, sent uncached; a refusal goes to the plugin's error handler.
 */
export function settingsPage<S>(spec: SettingsPageSpec<S>): SettingsPage {
  const send: SendSettings = async (
    request,
    reply,
    slug,
    status,
    notice,
    failed,
  ) =>
    sendEditorPage(
      reply,
      status,
      await drawStaffPage(request, {
        section: spec.section,
        load: async () => {
          const settings = await spec.load(request, slug);
          const catalogue = await getCatalogue(spec.ctx, slug);
          const rights =
            spec.rights?.(request, catalogue) ?? ADMINISTRATOR_RIGHTS;
          return { settings, catalogue, rights };
        },
        notice: () => notice,
        failure: { failed },
        page: (frame, data) => spec.page(frame, data.settings, slug),
      }),
    );
  return Object.assign(send, {
    show: async (
      request: RequestWithParams<{ readonly slug: string }>,
      reply: FastifyReply,
    ) =>
      send(
        request,
        reply,
        municipalitySlugParam(request.params.slug),
        200,
        spec.noticeOf?.(viewOf(request), request),
      ),
    again: (
      { request, reply, params }: Parameters<SettingsPage["again"]>[0],
      failure: Parameters<SettingsPage["again"]>[1],
    ) =>
      send(
        request,
        reply,
        params.slug,
        failure.status,
        undefined,
        failure.failed,
      ),
  });
}
