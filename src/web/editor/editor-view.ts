/**
 * What the editor's routes and pages share: the frame (header, staff navigation, account
 * bar), the success notices shown after a redirect, and sending editor pages.
 */
import { savedNotice } from "../http/params.js";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { EditorRights } from "../../app/catalogue/read-editor.js";
import type { Catalogue } from "../../domain/catalogue/catalogue.js";
import { isAppError } from "../../errors.js";
import type { AccountBarProps } from "../components/account-bar/account-bar.js";
import type {
  NavigationEntry,
  SiteHeader,
} from "../components/page-layout/page-layout.js";
import { withLevels, type ViewContext } from "../components/view.js";
import { NO_STORE } from "../http/cache.js";
import { accountBarOf } from "../identity/identity-view.js";
import { paths } from "../portal/paths.js";
import { sendHtmlError } from "../http/error-pages.js";
import { siteHeader } from "../portal/site.js";
import { editorPaths } from "./editor-paths.js";
import { editionPaths } from "../edition/edition-paths.js";
import { openDataPaths } from "../open-data/open-data-paths.js";
import { accessibilityPaths } from "../accessibility/accessibility-paths.js";
import { reportPaths } from "../reports/report-paths.js";
import { participationPaths } from "../../app/participation/participation.js";
import { sheetsPaths } from "../catalogue-sheets/sheets-paths.js";

/** Which entry of the staff navigation is the current page. */
export type EditorSection =
  | "home"
  | "programme"
  | "structure"
  | "orgUnits"
  | "sheets"
  | "auditLog"
  | "project"
  | "reasonCategories"
  | "reports"
  | "committees"
  | "indicators"
  | "register"
  | "openData"
  | "embeds"
  | "accessibility"
  | "participation";

/** The frame of an editor page. */
export interface EditorChrome {
  readonly site: SiteHeader;
  readonly account: AccountBarProps | undefined;
  readonly navigation: readonly NavigationEntry[];
}

export { viewOf } from "../identity/identity-view.js";

/** Header, account bar and the staff navigation (administrators see the frame's pages too). */
export function editorChrome(
  request: FastifyRequest,
  view: ViewContext,
  catalogue: Catalogue,
  rights: EditorRights,
  current: EditorSection,
): EditorChrome {
  const t = withLevels(view, catalogue.programme.levels).t.editor;
  const slug = catalogue.municipality.slug;
  const admin = rights.isAdministrator;
  // Where each entry leads, its label, the section it marks as current, whether it is shown.
  const entries: readonly (readonly [
    string,
    string,
    EditorSection | null,
    boolean?,
  ])[] = [
    [editorPaths.home(slug), t.navHome, "home"],
    [editorPaths.programme(slug), t.navProgramme, "programme", admin],
    [editorPaths.structure(slug), t.navStructure, "structure", admin],
    [editorPaths.orgUnits(slug), t.navOrgUnits, "orgUnits", admin],
    [sheetsPaths.sheets(slug), view.t.sheets.navSheets, "sheets", admin],
    [
      editorPaths.auditLog(slug),
      t.navAuditLog,
      "auditLog",
      rights.canReadAudit,
    ],
    [editionPaths.draftChanges(slug), view.t.edition.navRevision, null],
    [
      editionPaths.categories(slug),
      view.t.edition.navCategories,
      "reasonCategories",
      admin,
    ],
    [reportPaths.staffReports(slug), view.t.reports.navReports, "reports"],
    [
      reportPaths.staffIndicators(slug),
      view.t.reports.navFigures,
      "indicators",
    ],
    [reportPaths.register(slug), view.t.reports.navRegister, "register"],
    [
      openDataPaths.settings(slug),
      view.t.openData.navSettings,
      "openData",
      admin,
    ],
    [openDataPaths.embedCode(slug), view.t.openData.embedPageTitle, "embeds"],
    [
      accessibilityPaths.settings(slug),
      view.t.accessibility.navSettings,
      "accessibility",
      admin,
    ],
    [
      participationPaths.queue(slug),
      view.t.participation.navIdeas,
      "participation",
    ],
    [paths.municipality(slug), t.navPortal, null],
  ];
  return {
    site: siteHeader(catalogue),
    account: accountBarOf(request, view),
    navigation: entries
      .filter(([, , , shown = true]) => shown)
      .map(([href, label, section]) => ({
        href: view.link(href),
        label,
        isCurrent: section === current,
      })),
  };
}

/**
 * The notices after a successful save, by the key in ?gespeichert=…, naming the levels as
 * the catalogue does ("Das Thema wurde gespeichert."); anything else shows nothing.
 */
export function noticeOf(
  request: FastifyRequest,
  view: ViewContext,
  catalogue: Catalogue,
): string | undefined {
  return savedNotice(
    request,
    withLevels(view, catalogue.programme.levels).t.editor.notices,
  );
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
