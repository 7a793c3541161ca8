/**
 * What the reporting routes of the editor share: the success notices (?gespeichert=…),
 * and one handler for every form — call the use case, then redirect (303) with a notice,
 * or render the page again with the problems at the fields (400/422), the conflict with
 * what changed since the form was opened (409), or the refusal (403, already logged).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isReportingConflict } from "../../app/reports/reporting-support.js";
import { isAppError, type InputProblem } from "../../errors.js";
import { NO_STORE } from "../http/cache.js";
import { requestLanguage } from "../http/errors.js";
import { withQuery } from "../portal/paths.js";
import type { ViewContext } from "../components/view.js";
import { presentAuditEvent } from "../editor/audit.presenter.js";
import type { ConflictRow, ConflictView } from "../editor/conflict-notice.js";
import { formFields, formValues, placeProblems, viewOf, type FailedForm, type FormFields } from "../editor/editor-view.js";
import { pathMapper } from "../http/path-mapper.js";
import { sendHtmlError } from "../http/error-pages.js";

/** A notice after a successful save, by the key in ?gespeichert=…; unknown keys show nothing. */
export function reportNoticeOf(request: FastifyRequest, view: ViewContext): string | undefined {
  const index = request.url.indexOf("?");
  const key = index === -1 ? null : new URLSearchParams(request.url.slice(index + 1)).get("gespeichert");
  if (key === null) return undefined;
  const notices: Readonly<Record<string, string>> = view.t.reports.notices;
  return Object.hasOwn(notices, key) ? notices[key] : undefined;
}

/** What a page needs to render after a failed form. */
export interface FailedRender {
  readonly failed?: FailedForm;
  readonly conflict?: ConflictView;
}

/** How to handle one form. */
export interface FormHandling {
  /** The form's id prefix ("eintrag-mobile-office"). */
  readonly form: string;
  /** Maps use-case paths below /data to form fields ("text" → "text", "newDate" → "termin"). */
  readonly fields: Readonly<Record<string, string>>;
  /** Whole paths outside /data that belong to a field ("/leikaKey" → "leika"). */
  readonly paths?: Readonly<Record<string, string>>;
  /** Names a field for messages without a sentence of their own. */
  readonly labelOf: (field: string) => string;
  /** Fields sent several times (checkbox lists), kept for the re-rendered form. */
  readonly lists?: readonly string[];
  /** The stored values beside the typed ones, for a conflict. */
  readonly conflictRows?: (fields: FormFields) => Promise<readonly ConflictRow[]>;
  /** Renders the page with a status and the failed form. */
  readonly render: (status: number, extra: FailedRender) => Promise<FastifyReply>;
  /** Runs the change; returns where to go (with the notice already in the URL). */
  readonly change: (fields: FormFields) => Promise<string>;
}

/** Runs a form: success → 303; problems, conflicts and refusals → the page again or the error page. */
export async function handleReportingForm(request: FastifyRequest, reply: FastifyReply, handling: FormHandling): Promise<FastifyReply> {
  const fields = formFields(request.body);
  const view = viewOf(request);
  const lists = Object.fromEntries((handling.lists ?? []).map((name) => [name, formValues(request.body, name)]));
  let destination: string;
  try {
    destination = await handling.change(fields);
  } catch (error) {
    if (isReportingConflict(error)) {
      const conflict: ConflictView = {
        changes: error.changes.map((event) => presentAuditEvent(view, event)),
        rows: (await handling.conflictRows?.(fields)) ?? [],
        isDeleted: false,
        formHref: `#${handling.form}`,
      };
      const failed: FailedForm = { form: handling.form, values: fields, lists, errors: {}, summary: [], messages: [] };
      return handling.render(409, { failed, conflict });
    }
    if (isAppError(error, "ERR_VALIDATION") || isAppError(error, "ERR_REGISTER_IMPORT_INVALID")) {
      const problems: readonly InputProblem[] =
        error.problems.length > 0 ? error.problems : [{ path: "/", message: error.detail ?? error.localisedMessage(view.lang) }];
      const withDetail = error.detail !== null && error.problems.length > 0 ? [{ path: "/", message: error.detail }, ...problems] : problems;
      const mapper = pathMapper(handling.fields);
      const fieldOf = (path: string): string | null => handling.paths?.[path] ?? mapper(path);
      const failed = placeProblems(handling.form, fields, withDetail, fieldOf, handling.labelOf, lists);
      return handling.render(error.status, { failed });
    }
    if (isAppError(error, "ERR_FORBIDDEN")) return sendHtmlError(error, request, reply);
    throw error;
  }
  return reply.redirect(destination, 303);
}

/** An id from the URL, or null (the route answers 404). */
export function idOf(value: string): number | null {
  return /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null;
}

/** A field-by-field comparison of stored and typed values for a conflict notice. */
export function compareRows(view: ViewContext, pairs: readonly (readonly [label: string, stored: string, typed: string | undefined])[]): ConflictRow[] {
  const empty = view.t.editor.emptyValue;
  return pairs
    .filter(([, stored, typed]) => stored.trim() !== (typed ?? "").trim())
    .map(([label, stored, typed]) => ({ label, theirs: stored.trim() === "" ? empty : stored, yours: (typed ?? "").trim() === "" ? empty : (typed ?? "") }));
}

/**
 * The editor's error handling for a staff plugin: a signed-out visitor is sent to the
 * sign-in page and back (GET) or to the sign-in page (forms); everything else is the HTML
 * error page.
 */
export function installStaffErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (error, request, reply) => {
    if (isAppError(error, "ERR_UNAUTHENTICATED")) {
      const next = request.method === "GET" ? request.url : undefined;
      return reply.header("cache-control", NO_STORE).redirect(withQuery("/anmelden", requestLanguage(request), { next }), 303);
    }
    return sendHtmlError(error, request, reply);
  });
}
