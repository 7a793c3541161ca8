/**
 * Everything of status reports, key figures and the OZG register on the web: the public
 * pages and the staff pages, each an encapsulated plugin with its own error handling; and
 * what the staff pages share: their forms on formAction, the success notices, and the
 * field-by-field comparison shown beside a stale form.
 */
import { savedNotice } from "../http/params.js";
import type { Static, TObject } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { MailDelivery } from "../../app/auth/passwords.js";
import type { AppContext } from "../../app/context.js";
import type { PdfRenderer } from "../../exports/pdf/render-pdf.js";
import type { StoredDocuments } from "../documents/stored-documents.js";
import type { Dictionary } from "../../i18n/i18n.js";
import type { ViewContext } from "../components/view.js";
import type { ConflictRow } from "../editor/conflict-notice.js";
import {
  formAction,
  type FormContext,
  type FormRouteOptions,
} from "../http/form-action.js";
import { pathMapper } from "../http/path-mapper.js";
import { reasonOrNull } from "../http/form-schema.js";
import {
  sendStaffPage,
  type FailedRender,
  type StaffData,
  type StaffFrame,
  type StaffPageSpec,
} from "../http/staff-page.js";
import type { EditorSection } from "../editor/editor-view.js";
import type { RequestWithParams } from "../http/page-route.js";
import type { RoutePolicy } from "../http/route-policy.js";
import { indicatorEditorRoutes } from "./indicator-editor.routes.js";
import { registerEditorRoutes } from "./register-editor.routes.js";
import { reportEditorRoutes } from "./report-editor.routes.js";
import { reportPortalRoutes } from "./report-portal.routes.js";
import { reportSectionRoutes } from "./report-sections.routes.js";

/** What the reporting routes need from the app. */
export interface ReportingRoutesOptions {
  readonly ctx: AppContext;
  readonly now: () => Date;
  readonly pdf: PdfRenderer;
  readonly mail: MailDelivery | null;
  /** Stored documents of published reports (ADR 0046). */
  readonly documents: StoredDocuments;
}

export type { FailedRender } from "../http/staff-page.js";

/** Registers the public and the staff reporting routes. */
export async function reportingRoutes(
  app: FastifyInstance,
  options: ReportingRoutesOptions,
): Promise<void> {
  await app.register(reportPortalRoutes, {
    ctx: options.ctx,
    now: options.now,
    pdf: options.pdf,
    documents: options.documents,
  });
  await app.register(reportEditorRoutes, {
    ctx: options.ctx,
    mail: options.mail,
    pdf: options.pdf,
    documents: options.documents,
  });
  await app.register(reportSectionRoutes, { ctx: options.ctx });
  await app.register(indicatorEditorRoutes, {
    ctx: options.ctx,
    now: options.now,
  });
  await app.register(registerEditorRoutes, {
    ctx: options.ctx,
    now: options.now,
  });
}

/** A notice after a successful save, by the key in ?gespeichert=…; unknown keys show nothing. */
export function reportNoticeOf(
  request: FastifyRequest,
  view: ViewContext,
): string | undefined {
  return savedNotice(request, view.t.reports.notices);
}

/**
 * The notice and failed form of a reporting staff page (see sendStaffPage): the saved
 * notice on a page shown normally (200), the failed form when a form is shown again.
 */
export function reportPageState(
  request: FastifyRequest,
  status: number,
  failure: FailedRender = {},
): Pick<StaffPageSpec<StaffData>, "notice" | "failure"> {
  return {
    notice: (view) =>
      status === 200 ? reportNoticeOf(request, view) : undefined,
    failure,
  };
}

/**
 * Sends a reporting staff page: with 200 as asked for, or with a failed form's status and
 * the form as it was sent.
 */
export type StaffPageRenderer<P = unknown> = (
  request: RequestWithParams<P>,
  reply: FastifyReply,
  status: number,
  failure?: FailedRender,
) => Promise<FastifyReply>;

/** How one reporting staff page is read and drawn for the request it answers. */
export interface ReportingPageSpec<D extends StaffData, P = unknown> {
  /** The entry of the staff navigation that is current. */
  readonly section: EditorSection;
  /** Reads the page's data; the use case refuses what the user may not see. */
  readonly load: (request: RequestWithParams<P>) => Promise<D>;
  /** The view the page is drawn with (e.g. with the programme's level names). */
  readonly view?: (view: ViewContext, data: D) => ViewContext;
  readonly page: (
    frame: StaffFrame,
    data: D,
    request: RequestWithParams<P>,
  ) => JSX.Element;
}

/**
 * A reporting staff page as a StaffPageRenderer: read and drawn as `spec` says, with the
 * saved notice or the failed form (see reportPageState).
 */
export function reportingPage<D extends StaffData, P = unknown>(
  spec: ReportingPageSpec<D, P>,
): StaffPageRenderer<P> {
  return (request, reply, status, failure = {}) =>
    sendStaffPage(request, reply, status, {
      section: spec.section,
      ...reportPageState(request, status, failure),
      load: () => spec.load(request),
      view: spec.view,
      page: (frame, data) => spec.page(frame, data, request),
    });
}

/** How one reporting form works (see formAction). */
export interface ReportingFormSpec<P extends TObject, B extends TObject> {
  readonly policy: RoutePolicy;
  readonly params: P;
  readonly body: B;
  /** The form's id prefix ("eintrag-mobile-office"). */
  readonly form: string | ((params: Static<P>) => string);
  /** Maps use-case paths below /data to form fields ("text" → "text", "newDate" → "termin"). */
  readonly fields: Readonly<Record<string, string>>;
  /** Whole paths outside /data that belong to a field ("/leikaKey" → "leika"). */
  readonly paths?: Readonly<Record<string, string>>;
  /** The labels of the fields, for messages without a sentence of their own. */
  readonly labels: (t: Dictionary) => Readonly<Record<string, string>>;
  /** Renders the page the form stands on; here again with the failed form. */
  readonly render: StaffPageRenderer<Static<P>>;
  /** The stored values beside the typed ones, for a conflict. */
  readonly conflictRows?: (
    context: FormContext<Static<P>>,
  ) => Promise<readonly ConflictRow[]>;
  /** Runs the change; returns where to go (with the notice already in the URL). */
  readonly run: (
    input: Static<B>,
    context: FormContext<Static<P>>,
  ) => Promise<string>;
}

/**
 * An administrators' form that runs one change and then goes back to a page (the
 * committee and the section forms): the routes module adds the policy, the labels and
 * the way back; a form without fields (a removal, a move) leaves `fields` out.
 */
export type ChangeFormSpec<P extends TObject, B extends TObject, Change> = Omit<
  ReportingFormSpec<P, B>,
  "policy" | "labels" | "fields" | "run"
> & {
  /** Maps use-case paths below /data to form fields. */
  readonly fields?: ReportingFormSpec<P, B>["fields"];
  /** Runs the change the form asks for. */
  readonly change: Change;
};

/** A reporting form on the one pipeline. */
export function reportingForm<P extends TObject, B extends TObject>(
  spec: ReportingFormSpec<P, B>,
): FormRouteOptions {
  const mapper = pathMapper(spec.fields);
  return formAction({
    policy: spec.policy,
    params: spec.params,
    body: spec.body,
    form: spec.form,
    run: spec.run,
    render: ({ request, reply }, failure) =>
      spec.render(request, reply, failure.status, failure),
    fieldOf: (path) => spec.paths?.[path] ?? mapper(path),
    labelOf: (field, { view }) => {
      const labels = spec.labels(view.t);
      return labels[field] ?? labels[field.replace(/-\d+-/, "-")] ?? field;
    },
    compare: async (_error, context) => ({
      rows: (await spec.conflictRows?.(context)) ?? [],
    }),
  });
}

/**
 * The route options of an administrators' change form (see ChangeFormSpec): no fields
 * unless it names them, the module's labels, and `run`, which makes the change and answers
 * where to go next.
 */
export function changeForm<P extends TObject, B extends TObject>(
  spec: Omit<ChangeFormSpec<P, B, unknown>, "change">,
  labels: ReportingFormSpec<P, B>["labels"],
  run: ReportingFormSpec<P, B>["run"],
): FormRouteOptions {
  const { fields = {}, ...form } = spec;
  return reportingForm({ ...form, policy: "admin", fields, labels, run });
}

/**
 * What a change of a versioned record carries besides its own data (see VersionedChange):
 * the municipality the URL names, the version the form was opened on and the reason for
 * the audit log.
 */
export function versionedChange(
  params: { readonly slug: string },
  input: { readonly version: number; readonly grund: string },
): {
  readonly municipality: string;
  readonly expectedVersion: number;
  readonly reason: string | null;
} {
  return {
    municipality: params.slug,
    expectedVersion: input.version,
    reason: reasonOrNull(input.grund),
  };
}

/** A field-by-field comparison of stored and typed values for a conflict notice. */
export function compareRows(
  view: ViewContext,
  pairs: readonly (readonly [
    label: string,
    stored: string,
    typed: string | undefined,
  ])[],
): ConflictRow[] {
  const empty = view.t.editor.emptyValue;
  return pairs
    .filter(([, stored, typed]) => stored.trim() !== (typed ?? "").trim())
    .map(([label, stored, typed]) => ({
      label,
      theirs: stored.trim() === "" ? empty : stored,
      yours: (typed ?? "").trim() === "" ? empty : (typed ?? ""),
    }));
}
