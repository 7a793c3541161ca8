/**
 * What the editor's routes and pages share: the frame (header, staff navigation, account
 * bar), reading form fields, turning use-case problems (JSON pointers) into messages at
 * the fields and an error summary, and the success notices shown after a redirect.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { RequestOrigin } from "../../app/audit/record-audit.js";
import type { EditorRights } from "../../app/catalogue/read-editor.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { isAppError, type InputProblem } from "../../errors.js";
import type { AccountBarProps } from "../components/account-bar/account-bar.js";
import type { ErrorSummaryLink } from "../components/error-summary/error-summary.js";
import type {
  NavigationEntry,
  SiteHeader,
} from "../components/page-layout/page-layout.js";
import { createViewContext, type ViewContext } from "../components/view.js";
import { NO_STORE } from "../http/cache.js";
import { requestLanguage } from "../http/errors.js";
import { accountBarOf } from "../identity/identity-view.js";
import { paths } from "../portal/paths.js";
import { sendHtmlError } from "../portal/portal.routes.js";
import { siteHeader } from "../portal/site.js";
import { editorPaths } from "./editor-paths.js";
import { editionPaths } from "../edition/edition-paths.js";
import { openDataPaths } from "../open-data/open-data-paths.js";
import { reportPaths } from "../reports/report-paths.js";

/** Which entry of the staff navigation is the current page. */
export type EditorSection =
  | "home"
  | "programme"
  | "structure"
  | "orgUnits"
  | "auditLog"
  | "project"
  | "reasonCategories"
  | "reports"
  | "committees"
  | "figures"
  | "register"
  | "openData"
  | "embeds";

/** The frame of an editor page. */
export interface EditorChrome {
  readonly site: SiteHeader;
  readonly account: AccountBarProps | undefined;
  readonly navigation: readonly NavigationEntry[];
}

/** The view context of a request (German unless ?lang=en). */
export function viewOf(request: FastifyRequest): ViewContext {
  return createViewContext(requestLanguage(request));
}

/** Header, account bar and the staff navigation (administrators see the frame's pages too). */
export function editorChrome(
  request: FastifyRequest,
  view: ViewContext,
  catalogue: Catalogue,
  rights: EditorRights,
  current: EditorSection,
): EditorChrome {
  const t = view.t.editor;
  const slug = catalogue.municipality.slug;
  const entry = (
    href: string,
    label: string,
    section: EditorSection | null,
  ): NavigationEntry => ({
    href: view.link(href),
    label,
    isCurrent: section === current,
  });
  return {
    site: siteHeader(catalogue),
    account: accountBarOf(request, view),
    navigation: [
      entry(editorPaths.home(slug), t.navHome, "home"),
      ...(rights.isAdministrator
        ? [
            entry(editorPaths.programme(slug), t.navProgramme, "programme"),
            entry(editorPaths.structure(slug), t.navStructure, "structure"),
            entry(editorPaths.orgUnits(slug), t.navOrgUnits, "orgUnits"),
          ]
        : []),
      ...(rights.canReadAudit
        ? [entry(editorPaths.auditLog(slug), t.navAuditLog, "auditLog")]
        : []),
      entry(editionPaths.draftChanges(slug), view.t.edition.navRevision, null),
      ...(rights.isAdministrator
        ? [entry(editionPaths.categories(slug), view.t.edition.navCategories, "reasonCategories")]
        : []),
      entry(reportPaths.staffReports(slug), view.t.reports.navReports, "reports"),
      entry(reportPaths.staffFigures(slug), view.t.reports.navFigures, "figures"),
      entry(reportPaths.register(slug), view.t.reports.navRegister, "register"),
      ...(rights.isAdministrator ? [entry(openDataPaths.settings(slug), view.t.openData.navSettings, "openData")] : []),
      entry(openDataPaths.embedCode(slug), view.t.openData.embedPageTitle, "embeds"),
      entry(paths.municipality(slug), t.navPortal, null),
    ],
  };
}

/** The submitted form as plain fields (a field sent twice keeps its first value). */
export type FormFields = Readonly<Record<string, string>>;

/** Reads a form body into text fields. */
export function formFields(body: unknown): FormFields {
  const fields: Record<string, string> = {};
  if (body === null || typeof body !== "object") return fields;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value === "string") fields[name] = value;
    else if (Array.isArray(value) && typeof value[0] === "string")
      fields[name] = value[0];
  }
  return fields;
}

/** All values of a field (a multiple select sends one per choice). */
export function formValues(body: unknown, name: string): readonly string[] {
  const value =
    body !== null && typeof body === "object"
      ? (body as Record<string, unknown>)[name]
      : undefined;
  if (typeof value === "string") return [value];
  if (Array.isArray(value))
    return value.filter((item): item is string => typeof item === "string");
  return [];
}

/** The version a form was opened on; 0 (never current) when missing or malformed. */
export function formVersion(fields: FormFields): number {
  const value = fields.version ?? "";
  return /^[1-9]\d{0,9}$/.test(value) ? Number(value) : 0;
}

/** A form that failed: which one, what was typed, and what is wrong with it. */
export interface FailedForm {
  /** The form's id prefix, e.g. "grunddaten", "phase-12", "massnahme-neu". */
  readonly form: string;
  readonly values: FormFields;
  /** Values of multiple selects. */
  readonly lists?: Readonly<Record<string, readonly string[]>>;
  /** Messages by field name. */
  readonly errors: Readonly<Record<string, string>>;
  /** The error summary: each problem, linked to its field where it has one. */
  readonly summary: readonly ErrorSummaryLink[];
  readonly messages: readonly string[];
}

/**
 * Puts problems at their fields. `fieldOf` maps a JSON pointer (/data/title) to a form
 * field (titel); `labelOf` names the field, so that a bare rule ("darf nicht leer sein")
 * reads as a sentence ("Titel darf nicht leer sein").
 */
export function placeProblems(
  form: string,
  values: FormFields,
  problems: readonly InputProblem[],
  fieldOf: (path: string) => string | null,
  labelOf: (field: string) => string,
  lists?: Readonly<Record<string, readonly string[]>>,
): FailedForm {
  const errors: Record<string, string> = {};
  const summary: ErrorSummaryLink[] = [];
  const messages: string[] = [];
  for (const problem of problems) {
    const field = fieldOf(problem.path);
    if (field === null) {
      messages.push(problem.message);
      continue;
    }
    const text = /^[a-zäöü"]/.test(problem.message)
      ? `${labelOf(field)} ${problem.message}`
      : problem.message;
    if (errors[field] !== undefined) continue;
    errors[field] = text;
    summary.push({ text, href: `#${form}-${field}` });
  }
  return {
    form,
    values,
    errors,
    summary,
    messages,
    ...(lists === undefined ? {} : { lists }),
  };
}

/** A form's value: what was typed when this form failed, otherwise the stored value. */
export function valueOf(
  failed: FailedForm | undefined,
  form: string,
  field: string,
  stored: string,
): string {
  return failed?.form === form ? (failed.values[field] ?? "") : stored;
}

/** The error at a field of a form, if that form failed. */
export function errorOf(
  failed: FailedForm | undefined,
  form: string,
  field: string,
): string | undefined {
  return failed?.form === form ? failed.errors[field] : undefined;
}

/** The notices after a successful save, by the key in ?gespeichert=…; anything else shows nothing. */
export function noticeOf(
  request: FastifyRequest,
  view: ViewContext,
): string | undefined {
  const index = request.url.indexOf("?");
  const key =
    index === -1
      ? null
      : new URLSearchParams(request.url.slice(index + 1)).get("gespeichert");
  if (key === null) return undefined;
  const notices: Readonly<Record<string, string>> = view.t.editor.notices;
  return Object.hasOwn(notices, key) ? notices[key] : undefined;
}

/** Where a request came from, for the audit log. */
export function originOf(request: FastifyRequest): RequestOrigin {
  return { ip: request.ip };
}

/** Sends an editor page: never cached, it shows what only staff may see. */
export function sendEditorPage(
  reply: FastifyReply,
  status: number,
  html: string,
): FastifyReply {
  return reply
    .code(status)
    .header("cache-control", NO_STORE)
    .type("text/html; charset=utf-8")
    .send(html);
}

/**
 * Runs a page's work and answers a refusal from a use case with the 403 page directly:
 * the use case has already logged it with the entity concerned, and a thrown error would
 * be logged a second time, per route, by the session plugin.
 */
export async function answerRefusals(
  request: FastifyRequest,
  reply: FastifyReply,
  work: () => Promise<FastifyReply>,
): Promise<FastifyReply> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error, "ERR_FORBIDDEN"))
      return sendHtmlError(error, request, reply);
    throw error;
  }
}
