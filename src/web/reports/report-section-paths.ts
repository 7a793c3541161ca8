/**
 * The URLs of the section editor of a report, below the report's staff page: built on
 * REPORT_ROUTES.staffReport and reportPaths.staffReport, so that they follow however
 * reports are named in URLs.
 */
import { REPORT_ROUTES, reportPaths, type ReportRef } from "./report-paths.js";

const base = REPORT_ROUTES.staffReport;

/** Route patterns (Fastify syntax). */
export const SECTION_ROUTES = {
  list: `${base}/abschnitte`,
  create: `${base}/abschnitte/neu`,
  section: `${base}/abschnitte/:sectionId`,
  move: `${base}/abschnitte/:sectionId/verschieben`,
  remove: `${base}/abschnitte/:sectionId/entfernen`,
} as const;

const list = (slug: string, report: ReportRef): string =>
  `${reportPaths.staffReport(slug, report)}/abschnitte`;

/** Paths of the section editor's pages and forms. */
export const sectionPaths = {
  list,
  create: (slug: string, report: ReportRef): string =>
    `${list(slug, report)}/neu`,
  section: (slug: string, report: ReportRef, sectionId: number): string =>
    `${list(slug, report)}/${sectionId}`,
  move: (slug: string, report: ReportRef, sectionId: number): string =>
    `${list(slug, report)}/${sectionId}/verschieben`,
  remove: (slug: string, report: ReportRef, sectionId: number): string =>
    `${list(slug, report)}/${sectionId}/entfernen`,
};
