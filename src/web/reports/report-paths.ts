/**
 * Reports are named by their number in the municipality (`ReportRef`, ADR 0044), never by
 * their id: pass the report (or `{ number }`), and the type refuses a bare id.
 *
 * The URLs of status reports, key figures and the OZG register — public (/{kommune}/berichte,
 * /{kommune}/kennzahlen) and for staff (/{kommune}/verwaltung/…) — in one place, so that
 * links and routes cannot drift apart.
 */

/** Route patterns (Fastify syntax). */
export const REPORT_ROUTES = {
  // Public
  reports: "/:slug/berichte",
  report: "/:slug/berichte/:report",
  reportDeck: "/:slug/berichte/:report/folien.pptx",
  reportPdf: "/:slug/berichte/:report/bericht.pdf",
  publishedDocuments: "/:slug/berichte/:report/dokumente",
  indicators: "/:slug/kennzahlen",
  // Staff
  staffReports: "/:slug/verwaltung/berichte",
  staffReport: "/:slug/verwaltung/berichte/:reportNumber",
  staffReminderRules: "/:slug/verwaltung/berichte/erinnerungsregeln",
  staffReportSettings: "/:slug/verwaltung/berichte/:reportNumber/einstellungen",
  staffReportEntry:
    "/:slug/verwaltung/berichte/:reportNumber/projekte/:projectSlug",
  staffReportUnchanged:
    "/:slug/verwaltung/berichte/:reportNumber/projekte/:projectSlug/unveraendert",
  staffReportPublish:
    "/:slug/verwaltung/berichte/:reportNumber/veroeffentlichen",
  staffReportRemind: "/:slug/verwaltung/berichte/:reportNumber/erinnerungen",
  staffReportPreview: "/:slug/verwaltung/berichte/:reportNumber/vorschau",
  staffReportDeck: "/:slug/verwaltung/berichte/:reportNumber/folien.pptx",
  staffReportPdf: "/:slug/verwaltung/berichte/:reportNumber/bericht.pdf",
  committees: "/:slug/verwaltung/gremien",
  committee: "/:slug/verwaltung/gremien/:committeeId",
  committeeMembers: "/:slug/verwaltung/gremien/:committeeId/mitglieder",
  committeeMember:
    "/:slug/verwaltung/gremien/:committeeId/mitglieder/:memberId",
  committeeMemberRemove:
    "/:slug/verwaltung/gremien/:committeeId/mitglieder/:memberId/entfernen",
  meetingRemove: "/:slug/verwaltung/sitzungen/:meetingId/entfernen",
  meetings: "/:slug/verwaltung/sitzungen",
  meeting: "/:slug/verwaltung/sitzungen/:meetingId",
  staffIndicators: "/:slug/verwaltung/kennzahlen",
  staffIndicator: "/:slug/verwaltung/kennzahlen/:key",
  staffIndicatorValues: "/:slug/verwaltung/kennzahlen/:key/werte",
  staffIndicatorValueDelete:
    "/:slug/verwaltung/kennzahlen/:key/werte/:observationId/loeschen",
  register: "/:slug/verwaltung/ozg",
  registerService: "/:slug/verwaltung/ozg/:leikaKey",
  registerImport: "/:slug/verwaltung/ozg/import",
  registerImportPreview: "/:slug/verwaltung/ozg/import/:token",
  registerCsv: "/:slug/verwaltung/ozg/ozg-leistungen.csv",
  registerXlsx: "/:slug/verwaltung/ozg/ozg-leistungen.xlsx",
} as const;

import {
  previousReportRef,
  publicReportPath,
  staffReportPath,
  type ReportRef,
} from "../../domain/report/report-url.js";

export type { ReportRef } from "../../domain/report/report-url.js";
export { previousReportRef };

const part = (value: string | number): string =>
  encodeURIComponent(String(value));
const staff = (slug: string): string => `/${part(slug)}/verwaltung`;

/** Paths of the pages, forms and files. */
export const reportPaths = {
  reports: (slug: string): string => `/${part(slug)}/berichte`,
  report: (slug: string, report: ReportRef): string =>
    publicReportPath(slug, report),
  /** The public page by the meeting's date ("2022-11-29"). */
  reportByDate: (slug: string, isoDate: string): string =>
    `/${part(slug)}/berichte/${part(isoDate)}`,
  reportDeck: (slug: string, report: ReportRef): string =>
    `${publicReportPath(slug, report)}/folien.pptx`,
  reportPdf: (slug: string, report: ReportRef): string =>
    `${publicReportPath(slug, report)}/bericht.pdf`,
  publishedDocuments: (slug: string, report: ReportRef): string =>
    `${publicReportPath(slug, report)}/dokumente`,
  indicators: (slug: string): string => `/${part(slug)}/kennzahlen`,
  staffReports: (slug: string): string => `${staff(slug)}/berichte`,
  staffReport: (slug: string, report: ReportRef): string =>
    staffReportPath(slug, report),
  staffReminderRules: (slug: string): string =>
    `${staff(slug)}/berichte/erinnerungsregeln`,
  staffReportSettings: (slug: string, report: ReportRef): string =>
    `${staffReportPath(slug, report)}/einstellungen`,
  staffReportEntry: (
    slug: string,
    report: ReportRef,
    project: string,
  ): string => `${staffReportPath(slug, report)}/projekte/${part(project)}`,
  staffReportUnchanged: (
    slug: string,
    report: ReportRef,
    project: string,
  ): string =>
    `${staffReportPath(slug, report)}/projekte/${part(project)}/unveraendert`,
  staffReportPublish: (slug: string, report: ReportRef): string =>
    `${staffReportPath(slug, report)}/veroeffentlichen`,
  staffReportRemind: (slug: string, report: ReportRef): string =>
    `${staffReportPath(slug, report)}/erinnerungen`,
  staffReportPreview: (slug: string, report: ReportRef): string =>
    `${staffReportPath(slug, report)}/vorschau`,
  staffReportDeck: (slug: string, report: ReportRef): string =>
    `${staffReportPath(slug, report)}/folien.pptx`,
  staffReportPdf: (slug: string, report: ReportRef): string =>
    `${staffReportPath(slug, report)}/bericht.pdf`,
  committees: (slug: string): string => `${staff(slug)}/gremien`,
  committee: (slug: string, id: number): string =>
    `${staff(slug)}/gremien/${id}`,
  committeeMembers: (slug: string, id: number): string =>
    `${staff(slug)}/gremien/${id}/mitglieder`,
  committeeMember: (slug: string, id: number, memberId: number): string =>
    `${staff(slug)}/gremien/${id}/mitglieder/${memberId}`,
  committeeMemberRemove: (slug: string, id: number, memberId: number): string =>
    `${staff(slug)}/gremien/${id}/mitglieder/${memberId}/entfernen`,
  meetingRemove: (slug: string, id: number): string =>
    `${staff(slug)}/sitzungen/${id}/entfernen`,
  meetings: (slug: string): string => `${staff(slug)}/sitzungen`,
  meeting: (slug: string, id: number): string =>
    `${staff(slug)}/sitzungen/${id}`,
  staffIndicators: (slug: string): string => `${staff(slug)}/kennzahlen`,
  staffIndicator: (slug: string, key: string): string =>
    `${staff(slug)}/kennzahlen/${part(key)}`,
  staffIndicatorValues: (slug: string, key: string): string =>
    `${staff(slug)}/kennzahlen/${part(key)}/werte`,
  staffIndicatorValueDelete: (slug: string, key: string, id: number): string =>
    `${staff(slug)}/kennzahlen/${part(key)}/werte/${id}/loeschen`,
  register: (slug: string): string => `${staff(slug)}/ozg`,
  registerService: (slug: string, leikaKey: string): string =>
    `${staff(slug)}/ozg/${part(leikaKey)}`,
  registerImport: (slug: string): string => `${staff(slug)}/ozg/import`,
  registerImportPreview: (slug: string, token: string): string =>
    `${staff(slug)}/ozg/import/${encodeURIComponent(token)}`,
  registerCsv: (slug: string): string =>
    `${staff(slug)}/ozg/ozg-leistungen.csv`,
  registerXlsx: (slug: string): string =>
    `${staff(slug)}/ozg/ozg-leistungen.xlsx`,
};
